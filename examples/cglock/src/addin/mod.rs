//! The add-in's main loop (calculator only).
//!
//! 1. Read the hardware ID and both stored copies, send [`Event::Loaded`].
//! 2. Loop: send [`Event::Tick`] with the RTC's ticks, read the keyboard (every
//!    [`input::POLL_MS`] ms), send [`Event::Key`] for each new key press, and perform
//!    the effects in order.
//!
//! The [`Machine`] lives at the bottom of `main`'s stack for the whole run and is never
//! moved, so the code buffers it wipes are never copied.

mod draw;
mod input;
mod store;

use cglock::keymap::map_key;
use cglock::{Effect, Effects, Event, Key, Machine, State};
use prizm::keyboard::Key as Phys;
use prizm::time::rtc_ticks;

use draw::Ui;
use input::Input;

/// What the main loop does after a list of effects.
#[derive(PartialEq, Eq)]
enum Flow {
    Continue,
    Exit,
}

/// The add-in's entry point: returns to the main menu on [`Effect::Exit`].
pub fn main() {
    let Some(screen) = prizm::display::Screen::take() else {
        return;
    };
    let mut ui = Ui::new(screen);
    let mut machine = Machine::new(store::hardware_id());
    let mut input = Input::new();

    let fx = {
        let mut sbuf = [0u8; store::READ_MAX];
        let mut mbuf = [0u8; store::READ_MAX];
        let storage = store::read_storage(&mut sbuf);
        let main_memory = store::read_main_memory(&mut mbuf);
        machine.handle(Event::Loaded {
            storage,
            main_memory,
        })
    };
    if perform(&fx, &machine, &mut ui, &mut input) == Flow::Exit {
        return;
    }

    loop {
        let now = rtc_ticks();
        let fx = machine.handle(Event::Tick(now));
        if perform(&fx, &machine, &mut ui, &mut input) == Flow::Exit {
            return;
        }
        ui.clock(now, machine.is_locked());

        let Some(phys) = input.next_key() else {
            continue;
        };
        let typing = matches!(
            machine.state(),
            State::Prompt(_) | State::SetCode { .. } | State::EditOwner
        );
        // ALPHA while typing: the next key gives its letter (one-shot, as on the OS).
        if phys == Phys::Alpha && typing && !machine.shift_pending() {
            ui.set_alpha(!ui.alpha(), machine.is_locked());
            input.drain();
            continue;
        }
        let key = map_key(phys, typing && ui.alpha());
        if ui.alpha() {
            ui.set_alpha(false, machine.is_locked());
        }
        // MENU while unlocked: the OS's Main Menu, as in any add-in. While locked the
        // machine gets it (and ignores it).
        if key == Key::Menu && !machine.is_locked() && !machine.shift_pending() {
            input.os_menu();
            ui.draw(&machine.screen(), machine.is_locked());
            continue;
        }
        input.drain();
        let fx = machine.handle(Event::Key(key));
        if perform(&fx, &machine, &mut ui, &mut input) == Flow::Exit {
            return;
        }
    }
}

/// Performs `fx` in order.
fn perform(fx: &Effects, machine: &Machine, ui: &mut Ui, input: &mut Input) -> Flow {
    for e in fx.iter() {
        match *e {
            Effect::Draw(screen) => ui.draw(&screen, machine.is_locked()),
            Effect::Persist(bytes) => {
                let saved = store::persist(&bytes);
                ui.set_save_failed(!saved, machine.is_locked());
            }
            Effect::PowerOff => {
                // SAFETY: plain value argument; returns once switched on again.
                unsafe { prizm::sys::power::PowerOff(1) };
                // AC/ON switches the calculator on: do not take it as a key press.
                input.ignore_held(Phys::AcOn);
            }
            Effect::DisableMenu => prizm::keyboard::set_menu_enabled(false),
            Effect::EnableMenu => prizm::keyboard::set_menu_enabled(true),
            Effect::OpenApp(app) => ui.open_app_note(app),
            Effect::Exit => return Flow::Exit,
        }
    }
    Flow::Continue
}
