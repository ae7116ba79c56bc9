//! [`Input`]: the keyboard of a frame loop, read from the key matrix once per frame
//! (calculator only; the edge and repeat logic is [`KeyState`], tested on the PC).
use core::ops::Deref;

use super::KeyState;
use super::system::power_cycles;
use crate::keyboard::{Key, KeyMatrix};
use crate::sys;
use crate::time::Instant;

/// Most presses taken from the OS's key queue by one [`Input::drain_os_queue`].
const DRAIN_MAX: usize = 8;

/// The keyboard: call [`update`](Input::update) once per frame, then ask it what
/// happened ([`is_pressed`](KeyState::is_pressed), [`just_pressed`](KeyState::just_pressed),
/// [`just_released`](KeyState::just_released), [`repeat`](KeyState::repeat), through
/// [`KeyState`]).
///
/// The keys are read from the keyboard registers ([`KeyMatrix::read`]), so SHIFT and
/// ALPHA are keys like the others and several keys can be held at once. The OS still
/// queues what it sees: each update that finds a new press (but MENU) empties that
/// queue, so that nothing typed in the add-in reaches the next OS screen. MENU goes to the OS (the
/// Main Menu; the add-in goes on when it is opened again) when
/// [`set_menu_to_os`](Input::set_menu_to_os) allows it, as it does by default; otherwise it
/// is a key like the others. Keys held when the add-in starts (EXE, which opened it), after
/// the Main Menu and after power-off (AC/ON) count only once released and pressed again.
pub struct Input {
    keys: KeyState,
    menu_to_os: bool,
    /// Power-offs seen (see [`super::System::power_off`]).
    power_cycles: u32,
}

impl Input {
    /// The keyboard, ignoring the keys held now until they are released.
    pub(crate) fn new() -> Input {
        let mut keys = KeyState::default();
        keys.ignore_held(KeyMatrix::read());
        Input {
            keys,
            menu_to_os: true,
            power_cycles: power_cycles(),
        }
    }

    /// Reads the keyboard: what is held now, what went down or up since the last update.
    pub fn update(&mut self) {
        let held = KeyMatrix::read();
        let cycles = power_cycles();
        if cycles != self.power_cycles {
            // Switched off and on since the last update: AC/ON is still held.
            self.power_cycles = cycles;
            self.keys.ignore_held(held);
        }
        self.keys.update(held, Instant::now().as_millis_wrapping());
        if self.keys.just_pressed(Key::Menu) {
            // The OS's MENU press stays queued for the Main Menu (or for
            // `drain_os_queue`, when the add-in keeps MENU).
            if self.menu_to_os {
                self.open_main_menu();
            }
        } else if self.keys.pressed().next().is_some() {
            self.drain_os_queue();
        }
    }

    /// Whether MENU goes to the OS's Main Menu at [`update`](Input::update) (`true`,
    /// the default) or is reported as a key. When the add-in keeps MENU, the OS's
    /// queued press stays until [`drain_os_queue`](Input::drain_os_queue) or the next
    /// press. (The OS's own `GetKey` has its flag:
    /// [`crate::keyboard::set_menu_enabled`].)
    pub fn set_menu_to_os(&mut self, allowed: bool) {
        self.menu_to_os = allowed;
    }

    /// Whether MENU goes to the OS.
    pub fn menu_to_os(&self) -> bool {
        self.menu_to_os
    }

    /// Hands the MENU press just seen to the OS now: it shows the Main Menu, and this
    /// returns when the add-in is opened again (for add-ins that decide per press; see
    /// [`set_menu_to_os`](Input::set_menu_to_os) for the automatic way).
    pub fn open_main_menu(&mut self) {
        let (mut col, mut row, mut code) = (0i32, 0i32, 0u16);
        // SAFETY: valid out-pointers; type 2 waits at most 1 s for the queued MENU;
        // menu 0 lets MENU open the Main Menu (WikiPrizm, GetKeyWait_OS).
        unsafe { sys::keyboard::GetKeyWait_OS(&mut col, &mut row, 2, 1, 0, &mut code) };
        let mut held = KeyMatrix::read();
        held.set(Key::Menu, true);
        self.keys.ignore_held(held);
    }

    /// Empties the OS's queue of key presses (at most a few are there: every update
    /// that sees a press empties it).
    pub fn drain_os_queue(&mut self) {
        for _ in 0..DRAIN_MAX {
            let (mut col, mut row, mut code) = (0i32, 0i32, 0u16);
            // SAFETY: valid out-pointers; type 1 returns at once; menu 1 returns MENU
            // as a key instead of opening the Main Menu.
            let got =
                unsafe { sys::keyboard::GetKeyWait_OS(&mut col, &mut row, 1, 0, 1, &mut code) };
            if got != 1 {
                break;
            }
        }
    }

    /// Ignores `key` until it is released, if it is held now.
    pub fn ignore_held(&mut self, key: Key) {
        if KeyMatrix::read().is_down(key) {
            let mut m = KeyMatrix::default();
            m.set(key, true);
            self.keys.ignore_held(m);
        }
    }
}

impl Deref for Input {
    type Target = KeyState;
    fn deref(&self) -> &KeyState {
        &self.keys
    }
}
