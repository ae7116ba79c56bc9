//! The window's picture: the 396x224 panel (its border in the frame colour around the
//! 384x216 LCD), the keypad, a status line and text overlays, drawn at an integer scale
//! into a 0RGB buffer.

use super::keypad::{self, Button};
use crate::machine::devices::lcd::{
    LCD_HEIGHT, LCD_WIDTH, PANEL_HEIGHT, PANEL_WIDTH, SHOWN_X, SHOWN_Y,
};
use font8x8::legacy::BASIC_LEGACY;

/// Top of the status line.
pub const STATUS_TOP: u32 = keypad::TOP + keypad::HEIGHT + 2;
/// Height of the whole picture, in panel pixels.
pub const HEIGHT: u32 = STATUS_TOP + 10;
/// Width of the whole picture, in panel pixels.
pub const WIDTH: u32 = PANEL_WIDTH;

/// Background around the panel.
const BACKGROUND: u32 = 0x30_30_38;
/// Key buttons.
const BUTTON: u32 = 0x5a_5a_66;
/// A button held down.
const BUTTON_DOWN: u32 = 0xc0_80_20;
/// Text on buttons and the status line.
const TEXT: u32 = 0xf0_f0_f0;

/// An RGB565 colour as 0RGB (the same rounding as the PNG screenshots).
pub fn rgb(p: u16) -> u32 {
    let [r, g, b] = prizm_abi::screen::rgb888(p);
    (u32::from(r) << 16) | (u32::from(g) << 8) | u32::from(b)
}

/// A picture at an integer scale.
pub struct Canvas {
    /// Pixels, 0RGB, row by row.
    pub pixels: Vec<u32>,
    /// Scale (window pixels per panel pixel).
    pub scale: u32,
}

impl Canvas {
    /// A blank picture of the whole window at `scale`.
    pub fn new(scale: u32) -> Canvas {
        Canvas {
            pixels: vec![BACKGROUND; (WIDTH * scale * HEIGHT * scale) as usize],
            scale,
        }
    }

    /// Width in window pixels.
    pub fn width(&self) -> usize {
        (WIDTH * self.scale) as usize
    }

    /// Height in window pixels.
    pub fn height(&self) -> usize {
        (HEIGHT * self.scale) as usize
    }

    /// Fills a rectangle given in panel pixels.
    pub fn fill(&mut self, x: u32, y: u32, w: u32, h: u32, color: u32) {
        self.blend(x, y, w, h, |_| color);
    }

    /// Darkens a rectangle (behind overlay text).
    pub fn shade(&mut self, x: u32, y: u32, w: u32, h: u32) {
        self.blend(x, y, w, h, |c| (c >> 2) & 0x3f_3f_3f);
    }

    fn blend(&mut self, x: u32, y: u32, w: u32, h: u32, f: impl Fn(u32) -> u32) {
        let s = self.scale;
        let width = self.width();
        let x0 = (x * s) as usize;
        let x1 = (((x + w).min(WIDTH)) * s) as usize;
        for row in (y * s) as usize..(((y + h).min(HEIGHT)) * s) as usize {
            for p in &mut self.pixels[row * width + x0..row * width + x1] {
                *p = f(*p);
            }
        }
    }

    /// The panel: the border in `frame` (RGB565) and the 384x216 `screen` (RGB565).
    pub fn panel(&mut self, screen: &[u16], frame: u16) {
        self.fill(0, 0, PANEL_WIDTH, PANEL_HEIGHT, rgb(frame));
        let s = self.scale as usize;
        let width = self.width();
        for y in 0..LCD_HEIGHT {
            let line: Vec<u32> = screen[y * LCD_WIDTH..(y + 1) * LCD_WIDTH]
                .iter()
                .flat_map(|&p| std::iter::repeat_n(rgb(p), s))
                .collect();
            for dy in 0..s {
                let row = (SHOWN_Y as usize + y) * s + dy;
                let at = row * width + SHOWN_X as usize * s;
                self.pixels[at..at + line.len()].copy_from_slice(&line);
            }
        }
    }

    /// Draws `text` (ASCII, 8x8 glyphs) with its top left corner at panel (`x`, `y`).
    pub fn text(&mut self, x: u32, y: u32, text: &str, color: u32) {
        for (i, c) in text.chars().enumerate() {
            let Some(glyph) = BASIC_LEGACY.get(c as usize) else {
                continue;
            };
            let gx = x + 8 * i as u32;
            if gx + 8 > WIDTH {
                break;
            }
            for (row, bits) in glyph.iter().enumerate() {
                for col in 0..8 {
                    if bits >> col & 1 == 1 {
                        self.fill(gx + col, y + row as u32, 1, 1, color);
                    }
                }
            }
        }
    }

    /// The keypad, with the keys in `held` drawn down.
    pub fn keypad(&mut self, held: &[&str]) {
        for Button {
            key,
            label,
            x,
            y,
            w,
            h,
        } in keypad::buttons()
        {
            let color = if held.contains(&key) {
                BUTTON_DOWN
            } else {
                BUTTON
            };
            self.fill(x, y, w, h, color);
            let tx = x + (w - 8 * label.len() as u32) / 2;
            self.text(tx, y + (h - 8) / 2, label, TEXT);
        }
    }

    /// The status line at the bottom.
    pub fn status(&mut self, text: &str) {
        self.fill(0, STATUS_TOP, WIDTH, HEIGHT - STATUS_TOP, BACKGROUND);
        self.text(2, STATUS_TOP + 1, text, TEXT);
    }

    /// Lines of text over a shaded box covering the panel and the keypad.
    pub fn overlay(&mut self, lines: &[String], color: u32) {
        self.shade(0, 0, WIDTH, STATUS_TOP);
        for (i, line) in lines.iter().enumerate() {
            let y = 4 + 10 * i as u32;
            if y + 8 > STATUS_TOP {
                break;
            }
            self.text(4, y, line, color);
        }
    }
}

/// `text` cut into lines of at most `width` characters (at spaces when it can).
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut out = Vec::new();
    for para in text.lines() {
        let mut line = String::new();
        for word in para.split(' ') {
            if !line.is_empty() && line.len() + 1 + word.len() > width {
                out.push(std::mem::take(&mut line));
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
            while line.len() > width {
                let rest = line.split_off(width);
                out.push(std::mem::replace(&mut line, rest));
            }
        }
        out.push(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn panel_scaled_with_its_border() {
        let mut c = Canvas::new(2);
        let mut screen = vec![0xFFFFu16; LCD_WIDTH * LCD_HEIGHT];
        screen[0] = 0xF800;
        c.panel(&screen, 0x001F);
        let w = c.width();
        assert_eq!(c.pixels[0], 0x00_00_ff);
        let at = (SHOWN_Y as usize * 2) * w + SHOWN_X as usize * 2;
        for p in [at, at + 1, at + w, at + w + 1] {
            assert_eq!(c.pixels[p], 0xff_00_00);
        }
        assert_eq!(c.pixels[at + 2], 0xff_ff_ff);
        assert_eq!(c.pixels[at - 1], 0x00_00_ff);
    }

    #[test]
    fn wraps() {
        assert_eq!(wrap("ab cd ef", 5), ["ab cd", "ef"]);
        assert_eq!(wrap("abcdefg", 3), ["abc", "def", "g"]);
        assert_eq!(wrap("a\nb", 9), ["a", "b"]);
    }
}
