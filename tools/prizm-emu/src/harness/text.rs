//! Reading `PrintXY` text back from the screen: each 18x24 cell of the 21x8 text grid is
//! matched against the emulator's own font (the glyphs `PrintXY` draws), so the result
//! is what is shown, however the add-in cleared or drew around it.
//!
//! A cell whose pixels all have the colour of its top-left pixel (the glyph margin, so
//! the background) reads as a space; a cell holding one glyph in one colour on that
//! background reads as the glyph's character; anything else (pictures, other fonts,
//! text drawn without a background) as `?`.

use crate::os::font::{self, LARGE};

/// Text columns of a row.
pub const COLUMNS: usize = 21;
/// Text rows (row 1 starts under the 24-pixel status area).
pub const ROWS: usize = 8;

const SCREEN_W: usize = 384;

/// One glyph as the set pixels of its cell, one row bit mask per pixel row.
type Mask = [u32; LARGE.1 as usize];

fn glyph_mask(c: u8) -> Mask {
    let mut m = [0u32; LARGE.1 as usize];
    font::render(c, LARGE, (2, 2), (1, 4), |x, y, on| {
        if on {
            m[y as usize] |= 1 << x;
        }
    });
    m
}

/// The printable characters and their masks.
fn glyphs() -> &'static [(char, Mask)] {
    static GLYPHS: std::sync::OnceLock<Vec<(char, Mask)>> = std::sync::OnceLock::new();
    GLYPHS.get_or_init(|| (0x21u8..0x7F).map(|c| (c as char, glyph_mask(c))).collect())
}

/// The character in the cell at (`col`, `row`), 0-based (row 0 is PrintXY's row 1).
fn read_cell(screen: &[u16], col: usize, row: usize) -> char {
    let (cw, ch) = (LARGE.0 as usize, LARGE.1 as usize);
    let (x0, y0) = (col * cw, (row + 1) * ch);
    let px = |x: usize, y: usize| screen[(y0 + y) * SCREEN_W + x0 + x];
    let bg = px(0, 0);
    let mut mask = [0u32; LARGE.1 as usize];
    let mut fg = None;
    for (y, bits) in mask.iter_mut().enumerate() {
        for x in 0..cw {
            let p = px(x, y);
            if p != bg {
                if *fg.get_or_insert(p) != p {
                    return '?';
                }
                *bits |= 1 << x;
            }
        }
    }
    if fg.is_none() {
        return ' ';
    }
    glyphs()
        .iter()
        .find(|(_, m)| *m == mask)
        .map_or('?', |&(c, _)| c)
}

/// The 8 text rows of a 384x216 RGB565 screen, each without trailing spaces.
pub fn text_rows(screen: &[u16]) -> Vec<String> {
    assert_eq!(screen.len(), SCREEN_W * 216, "a 384x216 screen");
    (0..ROWS)
        .map(|row| {
            let s: String = (0..COLUMNS)
                .map(|col| read_cell(screen, col, row))
                .collect();
            s.trim_end().to_string()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Draws `text` like PrintXY at 1-based cell (x, y).
    fn print(screen: &mut [u16], x: usize, y: usize, text: &str, fg: u16, bg: u16) {
        for (i, c) in text.bytes().enumerate() {
            let (x0, y0) = ((x - 1 + i) * 18, y * 24);
            font::render(c, LARGE, (2, 2), (1, 4), |cx, cy, on| {
                screen[(y0 + cy as usize) * SCREEN_W + x0 + cx as usize] = if on { fg } else { bg };
            });
        }
    }

    #[test]
    fn reads_back_printed_text() {
        let mut screen = vec![0xFFFF; SCREEN_W * 216];
        print(&mut screen, 1, 1, "Count: 42", 0x001F, 0xFFFF);
        print(&mut screen, 3, 8, "Inverted!", 0xFFFF, 0x0000);
        let rows = text_rows(&screen);
        assert_eq!(rows[0], "Count: 42");
        assert_eq!(rows[7], "  Inverted!");
        assert!(rows[1..7].iter().all(|r| r.is_empty()));
        // A picture in a cell is not text.
        screen[2 * 24 * SCREEN_W + 5] = 0x1234;
        screen[2 * 24 * SCREEN_W + 6] = 0x4321;
        assert_eq!(text_rows(&screen)[1], "?");
    }
}
