//! The OS status area (the top 24 rows): show, hide, set its text (calculator only).
use crate::sys;

/// Shows (`true`) or hides the status area that `GetKey` draws.
pub fn set_visible(visible: bool) {
    // SAFETY: 0 and 3 are the documented modes.
    unsafe { sys::status::EnableStatusArea(if visible { 0 } else { 3 }) }
}

/// Which items the status area shows.
pub fn set_items(items: super::StatusItems) {
    // Only the documented flags reach the OS (`from_bits_retain` can make others).
    let flags = (items & super::StatusItems::all()).bits();
    // SAFETY: mode 3 sets the flags, all documented ones; the colour pointers are unused
    // (null).
    unsafe {
        sys::status::DefineStatusAreaFlags(
            3,
            flags as i32,
            core::ptr::null_mut(),
            core::ptr::null_mut(),
        )
    };
}

/// Sets the status area's text (at most 63 bytes; non-ASCII becomes `?`).
pub fn set_text(text: &str) {
    let buf = super::os_text::cstr::<64>(text);
    // SAFETY: `buf` is NUL-terminated and outlives the call (the OS copies it).
    unsafe { sys::status::DefineStatusMessage(buf.as_ptr(), 1, 0, 0) }
}

/// Draws the status area into VRAM now.
pub fn draw() {
    // SAFETY: no arguments.
    unsafe { sys::status::DisplayStatusArea() }
}
