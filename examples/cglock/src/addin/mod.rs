//! The add-in's main loop (calculator only), on the SDK's app layer ([`Prizm`]).
//!
//! 1. Read the hardware ID and both stored copies, send [`Event::Loaded`].
//! 2. Loop: send [`Event::Tick`] with the RTC's ticks, read the keyboard (every
//!    [`POLL_MS`] ms, [`prizm::app::Input`]), send [`Event::Key`] for each new key
//!    press, and perform the effects in order.
//!
//! Keys come from the key matrix, which delivers SHIFT and ALPHA as keys of their own
//! (`GetKey` handles SHIFT+AC itself); between polls the add-in sleeps, and the RTC
//! ticks go on reaching the machine, so countdowns stay live. MENU is the add-in's own
//! key: while unlocked (and SHIFT is not pending) it is handed to the OS's Main Menu.
//!
//! The [`Machine`] lives at the bottom of `main`'s stack for the whole run and is never
//! moved, so the code buffers it wipes are never copied.

mod draw;
mod store;

use cglock::keymap::map_key;
use cglock::{App, Effect, Effects, Event, Key, Machine, State};
use prizm::app::{Input, OsApp, Prizm, Storage, System};
use prizm::heapless::Vec;
use prizm::keyboard::Key as Phys;
use prizm::time::Duration;

use draw::Ui;

/// Time between two reads of the keyboard, in ms. Shorter than the gap between two
/// presses of the same key.
pub const POLL_MS: u64 = 20;

/// What the main loop does after a list of effects.
#[derive(PartialEq, Eq)]
enum Flow {
    Continue,
    Exit,
}

/// The parts of the handle the effects use.
struct Io {
    ui: Ui,
    input: Input,
    storage: Storage,
    system: System,
}

/// The add-in's entry point: returns to the main menu on [`Effect::Exit`].
pub fn main(p: Prizm) {
    let Prizm {
        screen,
        mut input,
        clock,
        storage,
        system,
        ..
    } = p;
    // MENU is decided per press below.
    input.set_menu_to_os(false);
    let mut machine = Machine::new(system.hardware_id());
    let mut io = Io {
        ui: Ui::new(screen),
        input,
        storage,
        system,
    };

    let fx = {
        let mut sbuf = [0u8; store::READ_MAX];
        let mut mbuf = [0u8; store::READ_MAX];
        let storage = store::read_storage(&io.storage, &mut sbuf);
        let main_memory = store::read_main_memory(&io.storage, &mut mbuf);
        machine.handle(Event::Loaded {
            storage,
            main_memory,
        })
    };
    if perform(&fx, &machine, &mut io) == Flow::Exit {
        return;
    }

    loop {
        let now = clock.rtc_ticks();
        let fx = machine.handle(Event::Tick(now));
        if perform(&fx, &machine, &mut io) == Flow::Exit {
            return;
        }
        io.ui.clock(now, machine.is_locked());

        io.input.update();
        let pressed: Vec<Phys, 4> = io.input.pressed().take(4).collect();
        if pressed.is_empty() {
            clock.sleep(Duration::from_millis(POLL_MS));
            continue;
        }
        for phys in pressed {
            if on_key(phys, &mut machine, &mut io) == Flow::Exit {
                return;
            }
        }
    }
}

/// Handles one key press.
fn on_key(phys: Phys, machine: &mut Machine, io: &mut Io) -> Flow {
    let typing = matches!(
        machine.state(),
        State::Prompt(_) | State::SetCode { .. } | State::EditOwner
    );
    // ALPHA while typing: the next key gives its letter (one-shot, as on the OS).
    if phys == Phys::Alpha && typing && !machine.shift_pending() {
        io.ui.set_alpha(!io.ui.alpha(), machine.is_locked());
        return Flow::Continue;
    }
    let key = map_key(phys, typing && io.ui.alpha());
    if io.ui.alpha() {
        io.ui.set_alpha(false, machine.is_locked());
    }
    if key == Key::Menu {
        // MENU while unlocked: the OS's Main Menu, as in any add-in. While locked the
        // machine gets it (and ignores it).
        if !machine.is_locked() && !machine.shift_pending() {
            io.input.open_main_menu();
            io.ui.draw(&machine.screen(), machine.is_locked());
            return Flow::Continue;
        }
        io.input.drain_os_queue();
    }
    let fx = machine.handle(Event::Key(key));
    perform(&fx, machine, io)
}

/// The OS app that opens `app`, where the OS has a call for it.
fn os_app(app: App) -> Option<OsApp> {
    match app {
        App::RunMatrix => Some(OsApp::RunMatrix),
        // No OS call opens these (see `OsApp`): the home screen says where they are.
        App::Statistics | App::Graph | App::EActivity | App::Spreadsheet => None,
    }
}

/// Performs `fx` in order.
fn perform(fx: &Effects, machine: &Machine, io: &mut Io) -> Flow {
    for e in fx.iter() {
        match *e {
            Effect::Draw(screen) => io.ui.draw(&screen, machine.is_locked()),
            Effect::Persist(bytes) => {
                let saved = store::persist(&mut io.storage, &bytes);
                io.ui.set_save_failed(!saved, machine.is_locked());
            }
            // Returns once switched on again; the AC/ON that did it is not a key press.
            Effect::PowerOff => io.system.power_off(true),
            Effect::DisableMenu => prizm::keyboard::set_menu_enabled(false),
            Effect::EnableMenu => prizm::keyboard::set_menu_enabled(true),
            Effect::OpenApp(app) => match os_app(app) {
                // The record is saved by now (the machine persists before this effect).
                Some(os) => {
                    io.system.open_app(os);
                    // Should the OS come back, show where the add-in is.
                    io.ui.draw(&machine.screen(), machine.is_locked());
                }
                None => io.ui.open_app_note(app),
            },
            Effect::Exit => return Flow::Exit,
        }
    }
    Flow::Continue
}
