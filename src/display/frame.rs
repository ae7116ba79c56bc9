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

    /// Fills `x0..x1` of row `y` (already clipped) with `raw`.
    #[inline]
    fn fill_span(&mut self, y: usize, x0: usize, x1: usize, raw: u16) {
        let row = &mut self.px[y * WIDTH + x0..y * WIDTH + x1];
        fill_words(row, raw);
    }
}

/// Fills `dst` with `raw`: one 16-bit store to reach 4-byte alignment, then 32-bit
/// stores of two pixels, then at most one 16-bit store.
#[inline]
fn fill_words(dst: &mut [u16], raw: u16) {
    let pair = (u32::from(raw) << 16) | u32::from(raw);
    // SAFETY: every bit pattern is a valid u16 and u32; `align_to_mut` only splits the
    // slice at aligned boundaries. Both halves of `pair` are `raw`, so the byte order
    // of the 32-bit store does not matter.
    let (head, mid, tail) = unsafe { dst.align_to_mut::<u32>() };
    head.fill(raw);
    mid.fill(pair);
    tail.fill(raw);
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
