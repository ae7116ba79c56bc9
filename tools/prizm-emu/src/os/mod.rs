//! The OS calls: execution reaching 0x80020070 (or its P2 alias 0xA0020070) calls OS
//! function number r0 with arguments r4-r7 then the stack (argument 5 at @(SP)); the
//! value goes to r0 and execution returns to PR.
//!
//! Each area has a module (display, text, keyboard, time, storage, mcs, system, convert),
//! each call is one function there, and [`table`] puts every module's list into one
//! dispatch table.
//! A call not in the table stops the run ([`crate::Outcome::Unimplemented`]).

pub mod convert;
pub mod display;
pub mod font;
pub mod keyboard;
pub mod mcs;
pub mod names;
pub mod storage;
pub mod system;
pub mod text;
pub mod time;

use crate::emulator::Emulator;
use crate::mem::Fault;
use std::collections::HashMap;
use std::sync::OnceLock;

/// The OS call entry point (P1).
pub const OS_ENTRY: u32 = 0x8002_0070;
/// Its P2 alias.
pub const OS_ENTRY_P2: u32 = 0xA002_0070;
/// Emulated cycles every OS call costs on top of its own waits.
pub const CALL_CYCLES: u64 = 100;

/// Why an OS call stops the run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Halt {
    /// A blocking key call found the key script exhausted.
    Idle,
    /// MENU was pressed where the OS would go to the Main Menu.
    Menu,
    /// An argument pointed to memory that cannot be accessed.
    Fault(Fault),
    /// The call is known but this use of it is not emulated.
    Unsupported(String),
}

impl From<Fault> for Halt {
    fn from(f: Fault) -> Self {
        if f == Fault::Idle {
            Halt::Idle
        } else {
            Halt::Fault(f)
        }
    }
}

/// What a call returns in r0, or why the run stops.
pub type CallResult = Result<u32, Halt>;
/// One OS call implementation.
pub type Handler = fn(&mut Emulator) -> CallResult;
/// A table entry: number, name, implementation.
pub type Call = (u16, &'static str, Handler);

/// The dispatch table of every implemented call.
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
        ] {
            for c in list {
                let old = t.insert(c.0, *c);
                assert!(old.is_none(), "OS call {:#x} implemented twice", c.0);
            }
        }
        t
    })
}

/// A run-report event recorded by an OS call.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Event {
    /// PowerOff was called (the run goes on as if switched on again).
    PowerOff {
        /// Emulated cycle of the call.
        at: u64,
    },
    /// A call was accepted but does nothing in the emulator.
    Ignored {
        /// Call name.
        name: &'static str,
    },
}

impl Emulator {
    /// Argument `i` (0-based) of the current OS call: r4-r7, then @(SP), @(SP+4)...
    pub(crate) fn arg(&mut self, i: usize) -> Result<u32, Halt> {
        if i < 4 {
            Ok(self.cpu.r[4 + i])
        } else {
            let sp = self.cpu.r[15];
            Ok(self.cpu.peek(sp.wrapping_add(4 * (i as u32 - 4)), 4)?)
        }
    }

    /// Reads a byte of guest memory.
    pub(crate) fn rd8(&mut self, a: u32) -> Result<u8, Halt> {
        Ok(self.cpu.peek(a, 1)? as u8)
    }
    /// Reads a 16-bit word of guest memory.
    pub(crate) fn rd16(&mut self, a: u32) -> Result<u16, Halt> {
        Ok(self.cpu.peek(a, 2)? as u16)
    }
    /// Reads a 32-bit word of guest memory.
    pub(crate) fn rd32(&mut self, a: u32) -> Result<u32, Halt> {
        Ok(self.cpu.peek(a, 4)?)
    }
    /// Writes a byte of guest memory.
    pub(crate) fn wr8(&mut self, a: u32, v: u8) -> Result<(), Halt> {
        Ok(self.cpu.poke(a, 1, v as u32)?)
    }
    /// Writes a 16-bit word of guest memory.
    pub(crate) fn wr16(&mut self, a: u32, v: u16) -> Result<(), Halt> {
        Ok(self.cpu.poke(a, 2, v as u32)?)
    }
    /// Writes a 32-bit word of guest memory.
    pub(crate) fn wr32(&mut self, a: u32, v: u32) -> Result<(), Halt> {
        Ok(self.cpu.poke(a, 4, v)?)
    }

    /// Reads `n` bytes of guest memory.
    pub(crate) fn rd_bytes(&mut self, a: u32, n: usize) -> Result<Vec<u8>, Halt> {
        if let Some(s) = self.cpu.mem.slice(a, n) {
            return Ok(s.to_vec());
        }
        (0..n).map(|i| self.rd8(a.wrapping_add(i as u32))).collect()
    }

    /// Writes bytes to guest memory.
    pub(crate) fn wr_bytes(&mut self, a: u32, b: &[u8]) -> Result<(), Halt> {
        // Writes through the page table must respect read-only pages.
        let writable = (0..b.len().max(1))
            .step_by(0x10000)
            .chain(std::iter::once(b.len().saturating_sub(1)))
            .all(|i| self.cpu.mem.entry(a.wrapping_add(i as u32)) & crate::mem::PAGE_W != 0);
        if writable && let Some(s) = self.cpu.mem.slice_mut(a, b.len()) {
            s.copy_from_slice(b);
            return Ok(());
        }
        for (i, &v) in b.iter().enumerate() {
            self.wr8(a.wrapping_add(i as u32), v)?;
        }
        Ok(())
    }

    /// Reads a NUL-terminated string of at most `max` bytes.
    pub(crate) fn rd_cstr(&mut self, a: u32, max: usize) -> Result<Vec<u8>, Halt> {
        let mut out = Vec::new();
        for i in 0..max {
            let c = self.rd8(a.wrapping_add(i as u32))?;
            if c == 0 {
                break;
            }
            out.push(c);
        }
        Ok(out)
    }

    /// Reads a NUL-terminated 16-bit string of at most `max` units.
    pub(crate) fn rd_wstr(&mut self, a: u32, max: usize) -> Result<Vec<u16>, Halt> {
        let mut out = Vec::new();
        for i in 0..max {
            let c = self.rd16(a.wrapping_add(2 * i as u32))?;
            if c == 0 {
                break;
            }
            out.push(c);
        }
        Ok(out)
    }

    /// Lets `cycles` of emulated time pass with no instruction running.
    pub(crate) fn idle(&mut self, cycles: u64) {
        self.cpu.idle_cycles += cycles;
    }

    /// Records a call that is accepted but has no effect here.
    pub(crate) fn ignored(&mut self, name: &'static str) -> CallResult {
        if !self.os.events.contains(&Event::Ignored { name }) {
            self.os.events.push(Event::Ignored { name });
        }
        Ok(0)
    }
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
    /// Run-report events.
    pub events: Vec<Event>,
    /// User timers (Timer_Install), slot i is id i+1.
    pub timers: [Option<time::Timer>; time::TIMERS],
    /// CPU state saved while a timer handler runs.
    pub in_timer: Option<crate::cpu::Regs>,
}
