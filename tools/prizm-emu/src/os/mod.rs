//! The OS calls: execution reaching 0x80020070 (or its P2 alias 0xA0020070) calls OS
//! function number r0 with arguments r4-r7 then the stack (argument 5 at @(SP)); the
//! value goes to r0 and execution returns to PR.
//!
//! Each area has a module (display, text, keyboard, time, storage, mcs, system, convert,
//! ui, serial, app),
//! each call is one function there, and [`table`] puts every module's list into one
//! dispatch table.
//! A call not in the table stops the run ([`Halt::Unknown`]).
//!
//! The OS also starts the add-in ([`boot`]) and runs the timer handlers it installed
//! ([`time::timer_slice`]).

pub mod app;
pub mod boot;
pub mod context;
pub mod convert;
pub mod display;
pub mod font;
pub mod keyboard;
pub mod keymap;
pub mod mcs;
pub mod serial;
pub mod storage;
pub mod system;
pub mod text;
pub mod time;
pub mod ui;

use crate::machine::fault::Fault;
pub use context::{Ctx, Exhausted, KeySource, Take};
use std::collections::HashMap;
use std::sync::OnceLock;

/// The OS call entry point (P1).
pub const OS_ENTRY: u32 = prizm_abi::os_calls::ENTRY;
/// Its P2 alias.
pub const OS_ENTRY_P2: u32 = prizm_abi::os_calls::ENTRY_P2;
/// Return address given to the add-in: reaching it means the add-in returned.
pub const MAGIC_RETURN: u32 = 0x0FFF_FFF0;
/// Return address of the timer-handler calls the OS makes.
pub const TIMER_RETURN: u32 = 0x0FFF_FFE0;
/// Emulated cycles every OS call costs on top of its own waits.
pub const CALL_CYCLES: u64 = 100;

/// Why an OS call stops the run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Halt {
    /// A blocking key call found the key script exhausted.
    Idle,
    /// MENU was pressed where the OS would go to the Main Menu.
    Menu,
    /// The add-in asked the OS to open this built-in app (see [`app`]).
    OpenApp(&'static str),
    /// An argument pointed to memory that cannot be accessed.
    Fault(Fault),
    /// The call is known but this use of it is not emulated.
    Unsupported(String),
    /// No call has this number in the emulator.
    Unknown(u32),
}

impl From<Fault> for Halt {
    fn from(f: Fault) -> Self {
        if f == Fault::NoInput {
            Halt::Idle
        } else {
            Halt::Fault(f)
        }
    }
}

/// What a call returns in r0, or why the run stops.
pub type CallResult = Result<u32, Halt>;
/// One OS call implementation.
pub type Handler = fn(&mut Ctx) -> CallResult;
/// A table entry: number, name, implementation.
pub type Call = (u16, &'static str, Handler);
/// An area's entry: the call (number and name from the OS-call table,
/// `prizm_abi::os_calls::calls`) and its implementation.
pub type Entry = (prizm_abi::os_calls::OsCall, Handler);

/// The dispatch table of every implemented call (numbers and names from the OS-call
/// table, `prizm_abi::os_calls`).
pub fn table() -> &'static HashMap<u16, Call> {
    static TABLE: OnceLock<HashMap<u16, Call>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = HashMap::new();
        for list in [
            display::CALLS,
            keyboard::CALLS,
            time::CALLS,
            storage::CALLS,
            mcs::CALLS,
            system::CALLS,
            convert::CALLS,
            text::CALLS,
            ui::CALLS,
            serial::CALLS,
            app::CALLS,
        ] {
            for &(call, handler) in list {
                let old = t.insert(call.number, (call.number, call.name, handler));
                assert!(
                    old.is_none(),
                    "OS call {:#x} implemented twice",
                    call.number
                );
            }
        }
        t
    })
}

/// The name of OS call `number`: the implemented call's, else the OS-call table's
/// usual name for it (`prizm_abi::os_calls`).
pub fn name(number: u32) -> Option<&'static str> {
    u16::try_from(number)
        .ok()
        .and_then(|n| table().get(&n))
        .map(|c| c.1)
        .or_else(|| prizm_abi::os_calls::name(number))
}

/// Runs the OS call whose entry point the CPU reached: number r0, arguments r4-r7 then
/// the stack; on success the value is in r0 and the PC at the return address (PR).
pub fn dispatch(ctx: &mut Ctx) -> Result<(), Halt> {
    let number = ctx.cpu.r[0];
    ctx.idle(CALL_CYCLES);
    let handler = u16::try_from(number)
        .ok()
        .and_then(|n| table().get(&n))
        .map(|c| c.2)
        .ok_or(Halt::Unknown(number))?;
    let v = handler(ctx)?;
    ctx.cpu.r[0] = v;
    ctx.cpu.pc = ctx.cpu.pr;
    Ok(())
}

/// A run-report event recorded by an OS call.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Event {
    /// PowerOff was called (the run goes on as if switched on again).
    PowerOff {
        /// Emulated cycle of the call.
        at: u64,
    },
    /// An `APP_*` call asked the OS to open a built-in app (the run ends there).
    OpenApp {
        /// The OS call, e.g. `APP_RUNMAT`.
        call: &'static str,
        /// The app, e.g. `Run-Matrix`.
        app: &'static str,
        /// Emulated cycle of the call.
        at: u64,
    },
    /// A call was accepted but does nothing in the emulator.
    Ignored {
        /// Call name.
        name: &'static str,
    },
}

/// Everything the emulated OS remembers between calls.
#[derive(Debug, Default)]
pub struct OsState {
    /// Display: LCD contents, frame count, status area, message boxes.
    pub display: display::DisplayState,
    /// Keyboard: modifier flags, MENU handling.
    pub keyboard: keyboard::KeyboardState,
    /// Storage memory (Bfile) backed by a host folder.
    pub storage: storage::StorageState,
    /// Main memory (MCS).
    pub mcs: mcs::McsState,
    /// Setup settings and the like.
    pub system: system::SystemState,
    /// The serial port.
    pub serial: serial::SerialState,
    /// Run-report events.
    pub events: Vec<Event>,
    /// User timers (Timer_Install), slot i is id i+1.
    pub timers: [Option<time::Timer>; time::TIMERS],
    /// CPU state saved while a timer handler runs.
    pub in_timer: Option<time::TimerCall>,
    /// Timer handlers started and held off.
    pub timer_stats: time::TimerStats,
}
