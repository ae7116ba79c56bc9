//! The OS status area (the top 24 rows): show, hide, set its text (calculator only).
use crate::sys;

/// Shows (`true`) or hides the status area that `GetKey` draws.
pub fn set_visible(visible: bool) {
    // SAFETY: 0 and 3 are the documented modes.
    unsafe { sys::status::EnableStatusArea(if visible { 0 } else { 3 }) }
}

/// Which items the status area shows: a mask of the `SAF_*` bits below.
pub fn set_items(flags: u32) {
    // SAFETY: mode 3 sets the flags; the colour pointers are unused (null).
    unsafe {
        sys::status::DefineStatusAreaFlags(
            3,
            flags as i32,
            core::ptr::null_mut(),
            core::ptr::null_mut(),
        )
    };
}

/// Battery icon.
pub const SAF_BATTERY: u32 = 0x0001;
/// SHIFT/ALPHA indicator.
pub const SAF_ALPHA_SHIFT: u32 = 0x0002;
/// Input/output mode.
pub const SAF_SETUP_INPUT_OUTPUT: u32 = 0x0004;
/// Fraction result mode.
pub const SAF_SETUP_FRAC_RESULT: u32 = 0x0008;
/// Angle unit.
pub const SAF_SETUP_ANGLE: u32 = 0x0010;
/// Complex mode.
pub const SAF_SETUP_COMPLEX_MODE: u32 = 0x0020;
/// Display format.
pub const SAF_SETUP_DISPLAY: u32 = 0x0040;
/// The text set with [`set_text`].
pub const SAF_TEXT: u32 = 0x0100;
/// A glyph.
pub const SAF_GLYPH: u32 = 0x0200;

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
