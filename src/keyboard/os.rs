//! Keyboard input through the OS (calculator only).
use super::{Key, Keycode};
use crate::sys;

/// Waits for a key with `GetKey`: the OS puts VRAM to the display, shows the status
/// area, and handles MENU (to the Main Menu; the add-in resumes when reopened),
/// SHIFT+AC (power off), capture, backlight and auto power-off.
pub fn get_key() -> Keycode {
    let mut code = 0i32;
    // SAFETY: `code` is a valid out-pointer.
    unsafe { sys::keyboard::GetKey(&mut code) };
    Keycode::from_getkey(code as u16)
}

/// The key being pressed now, if any, through `GetKeyWait_OS` without waiting (MENU is
/// returned as a key, not handled).
pub fn poll_key() -> Option<Key> {
    let (mut col, mut row, mut code) = (0i32, 0i32, 0u16);
    // SAFETY: valid out-pointers; type 1 returns at once; menu 1 reports MENU as a key.
    let got = unsafe { sys::keyboard::GetKeyWait_OS(&mut col, &mut row, 1, 0, 1, &mut code) };
    if got == 0 {
        return None;
    }
    Key::from_matrix(col as u8, row as u8)
}

/// Whether MENU in `GetKey` leaves the add-in.
pub fn menu_enabled() -> bool {
    // SAFETY: no arguments.
    unsafe { sys::keyboard::GetGetkeyToMainFunctionReturnFlag() != 0 }
}

/// Lets MENU in `GetKey` leave the add-in (`true`, the default) or not.
pub fn set_menu_enabled(enabled: bool) {
    // SAFETY: no arguments.
    unsafe {
        if enabled {
            sys::keyboard::EnableGetkeyToMainFunctionReturn()
        } else {
            sys::keyboard::DisableGetkeyToMainFunctionReturn()
        }
    }
}
