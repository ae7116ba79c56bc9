//! The keyboard: physical [`Key`]s, the OS's [`Keycode`]s and a non-blocking read of the
//! key matrix ([`KeyMatrix`]). Edges and auto-repeat over the matrix are the app layer's
//! [`KeyState`](crate::app::KeyState).
//!
//! On the calculator, [`get_key`] waits with the OS's full handling (MENU goes to the Main
//! Menu, SHIFT+AC switches off, the status area and backlight are handled), and
//! [`KeyMatrix::read`] reads the keyboard registers without waiting.

mod matrix;
#[cfg(any(doc, prizm))]
mod os;

/// The keys and the codes `GetKey` returns are machine facts, defined in `prizm-abi`.
pub use crate::abi::keys::{Key, Keycode};
pub use matrix::{KEYBOARD_REGISTERS, KeyMatrix};
#[cfg(any(doc, prizm))]
#[cfg_attr(doc, doc(cfg(prizm)))]
pub use os::{get_key, menu_enabled, poll_key, set_menu_enabled};
