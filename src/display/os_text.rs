//! Text with the OS fonts: [`print_xy`] (18x24 cells) and [`print_mini`] (small
//! proportional font) (calculator only).
use crate::sys;
use super::Rgb565;

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

/// Mode bit: swap foreground and background.
pub const MODE_INVERT: i32 = 0x01;
/// Mode bit: leave the background as it is.
pub const MODE_TRANSPARENT: i32 = 0x20;

/// Text cells per row of [`print_xy`].
pub const COLUMNS: usize = 21;
/// Text rows of [`print_xy`] (row 1 is under the status area when it is shown).
pub const ROWS: usize = 8;

/// Copies `text` into a NUL-terminated buffer of at most `N - 1` bytes, with `skip`
/// leading bytes free; non-ASCII and NUL become `?`.
pub(crate) fn cstr_at<const N: usize>(text: &str, skip: usize) -> [u8; N] {
    let mut buf = [0u8; N];
    let room = N.saturating_sub(1 + skip);
    for (dst, c) in buf[skip..].iter_mut().zip(text.chars().take(room)) {
        *dst = if c.is_ascii() && c != '\0' { c as u8 } else { b'?' };
    }
    buf
}

/// [`cstr_at`] with no leading bytes.
pub(crate) fn cstr<const N: usize>(text: &str) -> [u8; N] {
    cstr_at::<N>(text, 0)
}

/// Prints `text` at text cell (`x`, `y`), 1-based (1..=21, 1..=8), with the OS's
/// 18x24 font, clipped at the right edge. Handles PrintXY's quirk of skipping the first
/// two bytes of the string. Non-ASCII characters print as `?`.
pub fn print_xy(x: u8, y: u8, text: &str, mode: i32, color: TextColor) {
    let cols = COLUMNS.saturating_sub(usize::from(x.max(1)) - 1);
    let mut buf = cstr_at::<{ 2 + COLUMNS + 1 }>(text, 2);
    buf[0] = b'X';
    buf[1] = b'X';
    buf[2 + cols.min(COLUMNS)] = 0;
    // SAFETY: `buf` is NUL-terminated and lives across the call.
    unsafe { sys::text::PrintXY(i32::from(x), i32::from(y), buf.as_ptr(), mode, color as i32) }
}

/// Prints `text` with the OS's small font at pixel (`x`, `y`) in RGB565 colours; returns
/// the x after the text. (The OS places the text 24 pixels lower when the status area is
/// shown: [UNVERIFIED] on hardware, follow what the emulator shows.)
pub fn print_mini(x: i32, y: i32, text: &str, fg: Rgb565, bg: Rgb565) -> i32 {
    let buf = cstr::<128>(text);
    let (mut x, mut y) = (x, y);
    // SAFETY: `buf` is NUL-terminated; x and y are valid for the OS to update.
    unsafe {
        sys::text::PrintMini(
            &mut x, &mut y, buf.as_ptr(), 0, u32::MAX, 0, 0,
            i32::from(super::to_raw(fg)), i32::from(super::to_raw(bg)), 1, 0,
        )
    };
    x
}

/// Width in pixels `text` would take with [`print_mini`] (nothing is drawn).
pub fn mini_width(text: &str) -> i32 {
    let buf = cstr::<128>(text);
    let (mut x, mut y) = (0, 0);
    // SAFETY: as in `print_mini`; write flag 0 only measures.
    unsafe { sys::text::PrintMini(&mut x, &mut y, buf.as_ptr(), 0, u32::MAX, 0, 0, 0, 0xFFFF, 0, 0) };
    x
}
