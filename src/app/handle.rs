//! [`Prizm`]: the one handle to the calculator, taken once at entry (calculator only).
use super::{Clock, Input, Storage, System};
use crate::display::Screen;
use crate::rt::{AddinMain, ExitCode, Launch};

/// Set once the handle was taken.
static TAKEN: crate::sync::Flag = crate::sync::Flag::new();

/// The calculator: screen, keyboard, clock, storage and the system, each a field, so
/// that parts can be borrowed (or moved) apart: `ui.draw(&mut p.screen)` while
/// `p.input.update()`.
///
/// Take it once ([`Prizm::take`]), or let [`entry!`](crate::entry) hand it to a `main`
/// that takes it: `prizm::entry!(mod addin);` with `pub fn main(mut p: Prizm)` in
/// `src/addin.rs`.
pub struct Prizm {
    /// VRAM and the display; an `embedded-graphics` `DrawTarget`.
    pub screen: Screen,
    /// The keyboard.
    pub input: Input,
    /// The time.
    pub clock: Clock,
    /// Storage memory and main memory.
    pub storage: Storage,
    /// Power, the calculator's ID, the OS's apps.
    pub system: System,
    /// How the OS started the add-in.
    pub launch: Launch,
}

impl Prizm {
    /// The handle, or `None` if it was taken before (or the [`Screen`] is taken).
    pub fn take() -> Option<Prizm> {
        if !TAKEN.try_set() {
            return None;
        }
        let Some(screen) = Screen::take() else {
            TAKEN.clear();
            return None;
        };
        Some(Prizm {
            screen,
            input: Input::new(),
            clock: Clock::new(),
            storage: Storage::new(),
            system: System::new(),
            launch: crate::rt::launch(),
        })
    }
}

/// `entry!` accepts a `main` taking the handle.
impl<F: FnOnce(Prizm) -> R, R: ExitCode> AddinMain<Prizm> for F {
    fn run(self, _launch: Launch) -> i32 {
        let p = Prizm::take().expect("the handle is free at start-up");
        self(p).code()
    }
}
