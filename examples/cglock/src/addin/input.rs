//! Key presses, read from the key matrix.
//!
//! The keyboard is polled (the keyboard registers at 0xA44B0000, through
//! [`KeyMatrix`]) every [`POLL_MS`] ms, and a key counts when it goes down. This is how
//! the original CGlock read keys, and it delivers SHIFT and ALPHA as keys of their own,
//! which `GetKey` does not (it handles SHIFT+AC itself). Between polls the add-in sleeps,
//! and the RTC ticks go on reaching the machine, so countdowns stay live.
//!
//! The key matrix registers are read directly rather than through `GetKeyWait_OS`'s
//! column and row: it is one reading for every key held at once, with no OS call.
//!
//! The OS still queues the key presses it sees; [`Input::drain`] empties that queue
//! after each press, so that nothing typed here reaches the Main Menu later, and
//! [`Input::os_menu`] hands a MENU press to the OS.

use prizm::keyboard::{Key, KeyMatrix};
use prizm::sys::keyboard::GetKeyWait_OS;

/// Time between two reads of the keyboard, in ms. Shorter than the gap between two
/// presses of the same key.
pub const POLL_MS: u32 = 20;

/// Keyboard state between polls.
pub struct Input {
    /// The keys held at the last poll.
    held: KeyMatrix,
}

impl Input {
    /// Starts reading keys. EXE, if held (it opened the add-in from the Main Menu),
    /// counts only once released and pressed again.
    pub fn new() -> Self {
        let mut input = Input {
            held: KeyMatrix::default(),
        };
        input.ignore_held(Key::Exe);
        input
    }

    /// Ignores `key` until it is released, if it is held now.
    pub fn ignore_held(&mut self, key: Key) {
        if KeyMatrix::read().is_down(key) {
            self.held.set(key, true);
        }
    }

    /// The key pressed since the last poll, if any; sleeps [`POLL_MS`] when none was.
    pub fn next_key(&mut self) -> Option<Key> {
        let now = KeyMatrix::read();
        let pressed = now.pressed_since(&self.held).next();
        self.held = now;
        if pressed.is_none() {
            prizm::time::sleep_ms(POLL_MS);
        }
        pressed
    }

    /// Empties the OS's queue of key presses (a few at most: it is emptied after every
    /// press).
    pub fn drain(&mut self) {
        for _ in 0..8 {
            let (mut col, mut row, mut code) = (0i32, 0i32, 0u16);
            // SAFETY: valid out-pointers; type 1 returns at once; menu 1 returns MENU as
            // a key instead of opening the Main Menu.
            let got = unsafe { GetKeyWait_OS(&mut col, &mut row, 1, 0, 1, &mut code) };
            if got != 1 {
                break;
            }
        }
    }

    /// Lets the OS take the MENU press just seen: it opens the Main Menu, and the
    /// add-in goes on when it is opened again.
    pub fn os_menu(&mut self) {
        let (mut col, mut row, mut code) = (0i32, 0i32, 0u16);
        // SAFETY: valid out-pointers; type 2 waits at most 1 s; menu 0 lets MENU open the
        // Main Menu.
        unsafe { GetKeyWait_OS(&mut col, &mut row, 2, 1, 0, &mut code) };
        self.held = KeyMatrix::default();
        self.ignore_held(Key::Menu);
    }
}
