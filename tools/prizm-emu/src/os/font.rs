//! The built-in bitmap font: the 8x8 ASCII glyphs of the `font8x8` crate, scaled.
//!
//! - Large text (PrintXY, PrintCXY): 18x24 cells, glyph scaled 2x to 16x16, placed at
//!   (1, 4) in the cell.
//! - Mini text (PrintMini): 10x18 cells, glyph scaled 1x horizontally and 2x vertically
//!   (8x16), placed at (1, 1).
//!
//! Bytes without an ASCII glyph (0x80 and up, control characters) draw as a hollow box.

use font8x8::legacy::BASIC_LEGACY;

/// Width and height of a large-text cell.
pub const LARGE: (u32, u32) = (18, 24);
/// Width and height of a mini-text cell.
pub const MINI: (u32, u32) = (10, 18);

/// The 8x8 glyph of byte `c`: 8 rows, bit 0 is the left-most pixel.
pub fn glyph(c: u8) -> [u8; 8] {
    if (0x20..0x7F).contains(&c) {
        BASIC_LEGACY[c as usize]
    } else {
        [0x00, 0x7E, 0x42, 0x42, 0x42, 0x42, 0x7E, 0x00]
    }
}

/// Calls `set(x, y, on)` for every pixel of a `cell`-sized cell of byte `c`, with the
/// glyph scaled by (`sx`, `sy`) and placed at (`ox`, `oy`) inside the cell.
pub fn render(
    c: u8,
    cell: (u32, u32),
    scale: (u32, u32),
    origin: (u32, u32),
    mut set: impl FnMut(u32, u32, bool),
) {
    let g = glyph(c);
    for y in 0..cell.1 {
        for x in 0..cell.0 {
            let on = if x >= origin.0 && y >= origin.1 {
                let gx = (x - origin.0) / scale.0;
                let gy = (y - origin.1) / scale.1;
                gx < 8 && gy < 8 && g[gy as usize] & (1 << gx) != 0
            } else {
                false
            };
            set(x, y, on);
        }
    }
}
