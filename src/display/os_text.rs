//! Text with the OS fonts: [`print_xy`] (18x24 cells) and [`print_mini`] (small
//! proportional font) (calculator only).
use super::Rgb565;
use crate::sys;

/// The 8 colours of [`print_xy`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(i32)]
#[allow(missing_docs)]
pub enum TextColor {
    Black = 0,
    Blue = 1,
    Green = 2,
    Cyan = 3,
    Red = 4,
    Purple = 5,
    Yellow = 6,
    White = 7,
}

pub use super::TextMode;

/// Text cells per row of [`print_xy`].
pub const COLUMNS: usize = super::os_string::COLUMNS;
/// Text rows of [`print_xy`] (row 1 is under the status area when it is shown).
pub const ROWS: usize = crate::abi::screen::TEXT_ROWS as usize;

pub(crate) use super::os_string::cstr;

/// Prints `text` at text cell (`x`, `y`), 1-based (1..=21, 1..=8), with the OS's
/// 18x24 font, clipped at the right edge. Handles PrintXY's quirk of skipping the first
/// two bytes of the string. Non-ASCII characters print as `?`.
pub fn print_xy(x: u8, y: u8, text: &str, mode: TextMode, color: TextColor) {
    let buf = super::os_string::print_xy_string(x, text);
    // Only the documented modes reach the OS (`from_bits_retain` can make others).
    let mode = (mode & TextMode::all()).bits();
    // SAFETY: `buf` is NUL-terminated and lives across the call; `mode` is documented.
    unsafe { sys::text::PrintXY(i32::from(x), i32::from(y), buf.as_ptr(), mode, color as i32) }
}

/// Prints `text` with the OS's small font at pixel (`x`, `y`) in RGB565 colours; returns
/// the x after the text. (The OS places the text 24 pixels lower when the status area is
/// shown: \[UNVERIFIED\] on hardware, follow what the emulator shows.)
pub fn print_mini(x: i32, y: i32, text: &str, fg: Rgb565, bg: Rgb565) -> i32 {
    mini(x, y, text, super::to_raw(fg), super::to_raw(bg), true)
}

/// Width in pixels `text` would take with [`print_mini`] (nothing is drawn).
pub fn mini_width(text: &str) -> i32 {
    mini(0, 0, text, 0xFFFF, 0, false)
}

/// PrintMini at (`x`, `y`) in raw colours, drawing only when `write` is set; returns the
/// x after the text.
fn mini(x: i32, y: i32, text: &str, fg: u16, bg: u16, write: bool) -> i32 {
    let buf = cstr::<128>(text);
    let (mut x, mut y) = (x, y);
    // SAFETY: `buf` is NUL-terminated; x and y are valid for the OS to update.
    unsafe {
        sys::text::PrintMini(
            &mut x,
            &mut y,
            buf.as_ptr(),
            0,
            u32::MAX,
            0,
            0,
            i32::from(fg),
            i32::from(bg),
            i32::from(write),
            0,
        )
    };
    x
}
