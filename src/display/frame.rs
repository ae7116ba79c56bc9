//! [`Frame`]: an `embedded-graphics` draw target over a 384x216 RGB565 buffer, with
//! fast paths for filling.
use core::convert::Infallible;

use embedded_graphics_core::{
    Pixel,
    draw_target::DrawTarget,
    geometry::{OriginDimensions, Point, Size},
    pixelcolor::Rgb565,
    primitives::Rectangle,
};

use super::{HEIGHT, PIXELS, WIDTH, color::to_raw};

/// A 384x216 frame of RGB565 pixels, row-major, that `embedded-graphics` draws into.
///
/// `clear`, `fill_solid` and `fill_contiguous` clip the rectangle once and then write
/// whole rows, two pixels per 32-bit store where the row is aligned.
pub struct Frame<'a> {
    px: &'a mut [u16],
}

impl<'a> Frame<'a> {
    /// Wraps a buffer of exactly [`PIXELS`] words; `None` for any other length.
    pub fn new(px: &'a mut [u16]) -> Option<Self> {
        (px.len() == PIXELS).then_some(Frame { px })
    }

    /// The pixels, row-major.
    pub fn pixels(&self) -> &[u16] {
        self.px
    }

    /// The pixels, row-major, for direct writes.
    pub fn pixels_mut(&mut self) -> &mut [u16] {
        self.px
    }

    /// The pixel at (x, y), or `None` outside the frame.
    pub fn get(&self, x: i32, y: i32) -> Option<Rgb565> {
        index(x, y).map(|i| super::from_raw(self.px[i]))
    }

    /// Draws a 1-bit-per-pixel bitmap of `width` x `height` with its top-left corner at
    /// (`x`, `y`), clipped to the frame: set bits (most significant bit = leftmost pixel)
    /// in `fg`, clear bits in `bg`, or left as they are when `bg` is `None`. Row `r` of
    /// the bitmap starts at byte `r * stride` of `bits`.
    ///
    /// A fast path for fonts and sprites (a glyph of a monospace font is one call):
    /// embedded-graphics' `Text` reaches the frame one pixel at a time through iterators.
    ///
    /// # Panics
    /// If `bits` is too short for `height` rows of `stride` bytes covering `width` bits.
    #[allow(clippy::too_many_arguments)]
    pub fn blit_1bpp(
        &mut self,
        x: i32,
        y: i32,
        width: u32,
        height: u32,
        bits: &[u8],
        stride: usize,
        fg: Rgb565,
        bg: Option<Rgb565>,
    ) {
        if width == 0 || height == 0 {
            return;
        }
        assert!(
            stride * 8 >= width as usize
                && bits.len() >= (height as usize - 1) * stride + (width as usize).div_ceil(8),
            "bitmap data too short"
        );
        let (x0, y0, x1, y1) = if x >= 0
            && y >= 0
            && x as usize + width as usize <= WIDTH
            && y as usize + height as usize <= HEIGHT
        {
            // Inside the frame (a glyph of a line of text, mostly): no clipping.
            let (x, y) = (x as usize, y as usize);
            (x, y, x + width as usize, y + height as usize)
        } else {
            let area = Rectangle::new(Point::new(x, y), Size::new(width, height));
            match clip(&area) {
                Some(c) => c,
                None => return,
            }
        };
        // Bitmap column and row of the first visible pixel.
        let sx = (x0 as i64 - x as i64) as usize;
        let sy = (y0 as i64 - y as i64) as usize;
        let (fg, bg) = (to_raw(fg), bg.map(to_raw));
        let (n, rows) = (x1 - x0, y1 - y0);
        match bg {
            Some(bg) => blit_rows::<true>(self.px, x0, y0, n, rows, bits, stride, sx, sy, fg, bg),
            None => blit_rows::<false>(self.px, x0, y0, n, rows, bits, stride, sx, sy, fg, 0),
        }
    }

    /// Draws `text` with a 1-bit-per-pixel monospace `font` (one [`blit_1bpp`] per
    /// character, with the clipping decided once for the whole line when it fits), its
    /// top-left corner at (`x`, `y`); returns the x after the text. Characters the font
    /// lacks advance without drawing.
    ///
    /// # Panics
    /// If the font's `stride` is too small for its `width`.
    ///
    /// [`blit_1bpp`]: Frame::blit_1bpp
    pub fn draw_mono_text(
        &mut self,
        x: i32,
        y: i32,
        text: &str,
        font: &MonoFont1bpp<'_>,
        fg: Rgb565,
        bg: Option<Rgb565>,
    ) -> i32 {
        let (w, h) = (font.width as usize, font.height as usize);
        let len = text.len();
        let inside = x >= 0
            && y >= 0
            && (x as usize).saturating_add(w.saturating_mul(len)) <= WIDTH
            && y as usize + h <= HEIGHT;
        if !inside || font.glyph_bytes() == 0 {
            let mut cx = x;
            for c in text.bytes() {
                if let Some(g) = font.glyph(c) {
                    self.blit_1bpp(cx, y, font.width, font.height, g, font.stride, fg, bg);
                }
                cx += font.width as i32;
            }
            return cx;
        }
        let (fg, bg) = (to_raw(fg), bg.map(to_raw));
        let (x0, y0) = (x as usize, y as usize);
        for (i, c) in text.bytes().enumerate() {
            if let Some(g) = font.glyph(c) {
                match bg {
                    Some(bg) => blit_rows::<true>(
                        self.px,
                        x0 + i * w,
                        y0,
                        w,
                        h,
                        g,
                        font.stride,
                        0,
                        0,
                        fg,
                        bg,
                    ),
                    None => blit_rows::<false>(
                        self.px,
                        x0 + i * w,
                        y0,
                        w,
                        h,
                        g,
                        font.stride,
                        0,
                        0,
                        fg,
                        0,
                    ),
                }
            }
        }
        x + (w * len) as i32
    }

    /// Fills `x0..x1` of row `y` (already clipped) with `raw`.
    #[inline]
    fn fill_span(&mut self, y: usize, x0: usize, x1: usize, raw: u16) {
        let row = &mut self.px[y * WIDTH + x0..y * WIDTH + x1];
        fill_words(row, raw);
    }
}

/// Fills `dst` with `raw`: one 16-bit store to reach 4-byte alignment, then 32-bit
/// stores of two pixels (four per loop turn), then at most one 16-bit store.
#[inline]
fn fill_words(dst: &mut [u16], raw: u16) {
    let pair = (u32::from(raw) << 16) | u32::from(raw);
    // SAFETY: every bit pattern is a valid u16 and u32; `align_to_mut` only splits the
    // slice at aligned boundaries. Both halves of `pair` are `raw`, so the byte order
    // of the 32-bit store does not matter.
    let (head, mid, tail) = unsafe { dst.align_to_mut::<u32>() };
    if let Some(h) = head.first_mut() {
        *h = raw;
    }
    fill_u32(mid, pair);
    if let Some(t) = tail.first_mut() {
        *t = raw;
    }
}

/// Fills `dst` with `v`, four stores per loop turn. (`<[u32]>::fill` compiles to a loop
/// of one store and five other instructions per word at -Os.)
#[inline]
fn fill_u32(dst: &mut [u32], v: u32) {
    let n = dst.len();
    let mut p = dst.as_mut_ptr();
    // SAFETY: every write is at an index below `n`, inside `dst`.
    unsafe {
        let end4 = p.add(n & !3);
        while p != end4 {
            p.write(v);
            p.add(1).write(v);
            p.add(2).write(v);
            p.add(3).write(v);
            p = p.add(4);
        }
        let end = end4.add(n & 3);
        while p != end {
            p.write(v);
            p = p.add(1);
        }
    }
}

/// The loops of [`Frame::blit_1bpp`] after clipping: `rows` rows of `n` pixels from
/// frame pixel (`x0`, `y0`), bitmap bit (`sx`, `sy`) on; clear bits in `bg` if `OPAQUE`.
/// Plain loops over raw pointers: iterator adapters are not all inlined at -Os.
#[allow(clippy::too_many_arguments)]
#[inline(always)]
fn blit_rows<const OPAQUE: bool>(
    px: &mut [u16],
    x0: usize,
    y0: usize,
    n: usize,
    rows: usize,
    bits: &[u8],
    stride: usize,
    sx: usize,
    sy: usize,
    fg: u16,
    bg: u16,
) {
    assert!(
        (y0 + rows - 1) * WIDTH + x0 + n <= px.len()
            && (sy + rows - 1) * stride + (sx + n).div_ceil(8) <= bits.len()
    );
    // SAFETY: the assertion above bounds the last row of both buffers; earlier rows
    // come before it, and a row reads bytes `sx / 8..(sx + n).div_ceil(8)` only.
    unsafe {
        let mut src_row = bits.as_ptr().add(sy * stride + sx / 8);
        let mut d_row = px.as_mut_ptr().add(y0 * WIDTH + x0);
        if OPAQUE && sx & 7 == 0 && n & 7 == 0 {
            // Whole bytes (a glyph 8, 16... pixels wide, unclipped on the left): eight
            // pixels per byte, unrolled, no per-pixel bookkeeping.
            for _ in 0..rows {
                for i in 0..n / 8 {
                    put8(d_row.add(i * 8), *src_row.add(i), fg, bg);
                }
                src_row = src_row.add(stride);
                d_row = d_row.add(WIDTH);
            }
            return;
        }
        for _ in 0..rows {
            let (mut s, mut d, d_end) = (src_row, d_row, d_row.add(n));
            // The current byte in the top bits, the next pixel's bit in bit 31.
            let mut b = u32::from(*s) << (24 + (sx & 7));
            let mut left = 8 - (sx & 7);
            loop {
                if (b as i32) < 0 {
                    d.write(fg);
                } else if OPAQUE {
                    d.write(bg);
                }
                d = d.add(1);
                if d == d_end {
                    break;
                }
                b <<= 1;
                left -= 1;
                if left == 0 {
                    s = s.add(1);
                    b = u32::from(*s) << 24;
                    left = 8;
                }
            }
            src_row = src_row.add(stride);
            d_row = d_row.add(WIDTH);
        }
    }
}

/// Writes the 8 pixels of one bitmap byte (most significant bit first) at `d`: `fg`
/// for set bits, `bg` for clear ones.
///
/// # Safety
/// `d..d + 8` must be writable.
#[inline(always)]
unsafe fn put8(d: *mut u16, v: u8, fg: u16, bg: u16) {
    macro_rules! px {
        ($($i:literal)*) => {$(
            // SAFETY: the caller guarantees 8 writable pixels.
            unsafe { d.add($i).write(if v & (0x80 >> $i) != 0 { fg } else { bg }) };
        )*};
    }
    px!(0 1 2 3 4 5 6 7);
}

/// A monospace bitmap font, 1 bit per pixel (most significant bit = leftmost pixel):
/// glyphs of `width` x `height` for the consecutive characters from `first`, each
/// `height` rows of `stride` bytes, one glyph after the other in `bits`.
#[derive(Clone, Copy, Debug)]
pub struct MonoFont1bpp<'f> {
    /// The glyphs.
    pub bits: &'f [u8],
    /// Glyph width in pixels.
    pub width: u32,
    /// Glyph height in pixels.
    pub height: u32,
    /// Bytes per glyph row (at least `width / 8` rounded up).
    pub stride: usize,
    /// The character of the first glyph.
    pub first: u8,
}

impl<'f> MonoFont1bpp<'f> {
    /// Bytes of one glyph.
    pub const fn glyph_bytes(&self) -> usize {
        self.stride * self.height as usize
    }

    /// The bitmap of character `c`, if the font has it.
    pub fn glyph(&self, c: u8) -> Option<&'f [u8]> {
        let n = self.glyph_bytes();
        let start = usize::from(c.checked_sub(self.first)?) * n;
        self.bits.get(start..start + n)
    }
}

/// Index of (x, y) in the buffer, if inside.
#[inline]
fn index(x: i32, y: i32) -> Option<usize> {
    let (x, y) = (usize::try_from(x).ok()?, usize::try_from(y).ok()?);
    (x < WIDTH && y < HEIGHT).then_some(y * WIDTH + x)
}

/// The part of `area` inside the frame, as (x0, y0, x1, y1) with exclusive ends.
fn clip(area: &Rectangle) -> Option<(usize, usize, usize, usize)> {
    let r = area.intersection(&Rectangle::new(
        Point::zero(),
        Size::new(WIDTH as u32, HEIGHT as u32),
    ));
    let br = r.bottom_right()?;
    Some((
        r.top_left.x as usize,
        r.top_left.y as usize,
        br.x as usize + 1,
        br.y as usize + 1,
    ))
}

impl OriginDimensions for Frame<'_> {
    fn size(&self) -> Size {
        Size::new(WIDTH as u32, HEIGHT as u32)
    }
}

impl DrawTarget for Frame<'_> {
    type Color = Rgb565;
    type Error = Infallible;

    fn draw_iter<I>(&mut self, pixels: I) -> Result<(), Infallible>
    where
        I: IntoIterator<Item = Pixel<Rgb565>>,
    {
        for Pixel(p, c) in pixels {
            if let Some(i) = index(p.x, p.y) {
                self.px[i] = to_raw(c);
            }
        }
        Ok(())
    }

    fn fill_contiguous<I>(&mut self, area: &Rectangle, colors: I) -> Result<(), Infallible>
    where
        I: IntoIterator<Item = Rgb565>,
    {
        let Some((x0, y0, x1, y1)) = clip(area) else {
            return Ok(());
        };
        let w = area.size.width as usize;
        // Pixels of each row of `area` left of, inside and right of the frame.
        let left = (x0 as i64 - area.top_left.x as i64) as usize;
        let right = w - left - (x1 - x0);
        let mut colors = colors.into_iter();
        // Rows of `area` above the frame.
        let above = (y0 as i64 - area.top_left.y as i64) as usize;
        skip(&mut colors, above * w);
        for y in y0..y1 {
            skip(&mut colors, left);
            let row = &mut self.px[y * WIDTH + x0..y * WIDTH + x1];
            for (dst, c) in row.iter_mut().zip(colors.by_ref()) {
                *dst = to_raw(c);
            }
            skip(&mut colors, right);
        }
        Ok(())
    }

    fn fill_solid(&mut self, area: &Rectangle, color: Rgb565) -> Result<(), Infallible> {
        if let Some((x0, y0, x1, y1)) = clip(area) {
            let raw = to_raw(color);
            if x0 == 0 && x1 == WIDTH {
                // Whole rows are contiguous: one run.
                fill_words(&mut self.px[y0 * WIDTH..y1 * WIDTH], raw);
            } else {
                for y in y0..y1 {
                    self.fill_span(y, x0, x1, raw);
                }
            }
        }
        Ok(())
    }

    fn clear(&mut self, color: Rgb565) -> Result<(), Infallible> {
        fill_words(self.px, to_raw(color));
        Ok(())
    }
}

/// Drops `n` items of an iterator.
#[inline]
fn skip<I: Iterator>(it: &mut I, n: usize) {
    if n > 0 {
        it.nth(n - 1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    extern crate std;
    use std::vec;

    /// One pixel at a time, as the documentation says.
    #[allow(clippy::too_many_arguments)]
    fn reference(
        buf: &mut [u16],
        x: i32,
        y: i32,
        w: u32,
        h: u32,
        bits: &[u8],
        stride: usize,
        fg: u16,
        bg: Option<u16>,
    ) {
        for r in 0..h as i32 {
            for c in 0..w as i32 {
                let Some(i) = index(x + c, y + r) else {
                    continue;
                };
                let on = bits[r as usize * stride + c as usize / 8] & (0x80 >> (c % 8)) != 0;
                if on {
                    buf[i] = fg;
                } else if let Some(bg) = bg {
                    buf[i] = bg;
                }
            }
        }
    }

    #[test]
    fn blit_1bpp_matches_a_pixel_by_pixel_blit_with_clipping() {
        // 13 x 3 bits, stride 3 (one spare byte per row).
        let bits = [
            0b1010_0001,
            0b1100_0000,
            0xAA,
            0xFF,
            0x08,
            0x55,
            0x81,
            0x70,
            0x00,
        ];
        let (fg, bg) = (0xF800, 0x001F);
        for (x, y) in [
            (10, 10),
            (-3, 5),
            (-9, -1),
            (378, 214),
            (383, 0),
            (-13, 0),
            (0, 216),
        ] {
            for back in [Some(bg), None] {
                let mut got = vec![0x1234u16; PIXELS];
                let mut want = got.clone();
                Frame::new(&mut got).unwrap().blit_1bpp(
                    x,
                    y,
                    13,
                    3,
                    &bits,
                    3,
                    super::super::from_raw(fg),
                    back.map(super::super::from_raw),
                );
                reference(&mut want, x, y, 13, 3, &bits, 3, fg, back);
                assert!(got == want, "at ({x}, {y}), bg {back:?}");
            }
        }
    }

    #[test]
    fn whole_byte_rows_match_the_reference() {
        // 16 x 4 glyph rows (the unrolled path) and a 12-wide one (the general path),
        // at aligned and clipped positions.
        let bits: std::vec::Vec<u8> = (0..32u32).map(|i| (i * 37 + 11) as u8).collect();
        for (w, x, y) in [
            (16, 0, 0),
            (16, 100, 50),
            (16, -5, 3),
            (16, 376, 212),
            (12, 7, 9),
        ] {
            let mut got = vec![0x1234u16; PIXELS];
            let mut want = got.clone();
            let (fg, bg) = (0x07E0, 0x0010);
            Frame::new(&mut got).unwrap().blit_1bpp(
                x,
                y,
                w,
                4,
                &bits,
                2,
                super::super::from_raw(fg),
                Some(super::super::from_raw(bg)),
            );
            reference(&mut want, x, y, w, 4, &bits, 2, fg, Some(bg));
            assert!(got == want, "{w} wide at ({x}, {y})");
        }
    }

    #[test]
    fn mono_text_matches_one_blit_per_glyph() {
        // A font of 3 glyphs ('A'..='C'), 10 x 5, stride 2.
        let bits: std::vec::Vec<u8> = (0..30u32).map(|i| (i * 73 + 5) as u8).collect();
        let font = MonoFont1bpp {
            bits: &bits,
            width: 10,
            height: 5,
            stride: 2,
            first: b'A',
        };
        let (fg, bg) = (
            super::super::from_raw(0xFFFF),
            super::super::from_raw(0x0010),
        );
        for (x, y) in [(0, 0), (30, 100), (-4, 2), (360, 213), (-100, -100)] {
            for back in [Some(bg), None] {
                let text = "ABCxA C";
                let mut got = vec![0x1234u16; PIXELS];
                let mut want = got.clone();
                let end = Frame::new(&mut got)
                    .unwrap()
                    .draw_mono_text(x, y, text, &font, fg, back);
                assert_eq!(end, x + 70);
                let mut frame = Frame::new(&mut want).unwrap();
                for (i, c) in text.bytes().enumerate() {
                    if let Some(g) = font.glyph(c) {
                        frame.blit_1bpp(x + 10 * i as i32, y, 10, 5, g, 2, fg, back);
                    }
                }
                assert!(got == want, "at ({x}, {y}), bg {back:?}");
            }
        }
        assert!(font.glyph(b'D').is_none() && font.glyph(b' ').is_none());
    }

    #[test]
    #[should_panic(expected = "bitmap data too short")]
    fn blit_1bpp_checks_the_data_length() {
        let mut buf = vec![0u16; PIXELS];
        let white = super::super::from_raw(0xFFFF);
        Frame::new(&mut buf)
            .unwrap()
            .blit_1bpp(0, 0, 8, 3, &[0, 0], 1, white, None);
    }
}
