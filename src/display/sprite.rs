//! [`Sprite`]: an RGB565 picture with transparent pixels, made from a PNG at build time
//! by [`include_image!`](crate::include_image), drawn by [`Frame::draw_sprite`].
use embedded_graphics_core::{
    draw_target::DrawTarget,
    geometry::{Dimensions, OriginDimensions, Point, Size},
    image::ImageDrawable,
    pixelcolor::Rgb565,
    primitives::Rectangle,
};

use super::{Frame, HEIGHT, WIDTH, from_raw};

/// Data aligned to 4 bytes: a sprite's pixels, so that two of them can be read with one
/// 32-bit load.
#[repr(C, align(4))]
#[derive(Debug)]
pub struct Aligned4<T: ?Sized>(pub T);

/// A picture of `width` x `height` RGB565 pixels with transparent pixels: the opaque ones
/// are listed as spans per row (why below).
///
/// Make one from a PNG with [`include_image!`](crate::include_image), draw it with
/// [`Frame::draw_sprite`] (the fast path) or as an `embedded-graphics` image
/// (`Image::new(&sprite, point).draw(&mut target)`, any draw target).
///
/// # Why spans
///
/// The transparency of a sprite is stored as, for each row, the runs ("spans") of
/// opaque pixels, `[start, end)`, found at build time. Drawing copies each span, clipped
/// to the frame, as a block: two pixels per 32-bit load and store where the sprite's
/// pixels and VRAM have the same alignment, and two pixels per 32-bit store built from
/// two aligned loads (`xtrct` on the SH4) where they do not. Transparent pixels cost
/// nothing and opaque ones need no test, and clipping is done once per span, not per
/// pixel. The alternatives cost more: a key colour (gint's RGB565A images, the usual C
/// way) loads, compares and branches for every pixel and writes 16 bits at a time; a
/// 1-bit mask tests a bit per pixel (as [`Frame::blit_1bpp`] does for fonts). Measured
/// in prizm-emu on a 32x32 sprite at five positions (`tools/bench/BENCH.md`): 0.51x the
/// instructions of a tuned key-colour loop in C over all, 0.87x at worst (clipped to
/// runs of at most 14 pixels, where the work per span weighs most).
#[derive(Clone, Copy, Debug)]
pub struct Sprite<'a> {
    width: u16,
    height: u16,
    /// Row-major, an even count (`width * height`, plus one pixel when odd).
    pixels: &'a [u16],
    /// Row `r`'s spans are `spans[rows[r]..rows[r + 1]]`.
    rows: &'a [u16],
    /// The runs of opaque pixels, row by row, left to right.
    spans: &'a [Span],
}

/// A run of opaque pixels of a [`Sprite`]: `len` pixels from column `x` of row `y`,
/// with its offsets precomputed, so that drawing is one copy per span with no
/// arithmetic: in bytes, in the sprite's pixels (`2 * (y * width + x)`) and in a frame
/// (`2 * (y * WIDTH + x)` from the sprite's top-left corner).
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    dst: u32,
    src: u32,
    // i16, not u16: the SH4 loads 16-bit words sign-extended, so these need no
    // zero-extension (`Sprite::new` keeps widths below 32768).
    x: i16,
    len: i16,
}

impl Span {
    /// The span of `len` pixels from column `x` of row `y` of a sprite `width` wide
    /// (what [`include_image!`](crate::include_image) writes).
    pub const fn new(width: u16, y: u16, x: u16, len: u16) -> Span {
        Span {
            dst: 2 * (y as u32 * WIDTH as u32 + x as u32),
            src: 2 * (y as u32 * width as u32 + x as u32),
            x: x as i16,
            len: len as i16,
        }
    }

    /// The `[start, end)` columns.
    pub const fn columns(&self) -> (u16, u16) {
        (self.x as u16, self.x as u16 + self.len as u16)
    }
}

impl<'a> Sprite<'a> {
    /// A sprite from its parts (what [`include_image!`](crate::include_image) writes):
    /// `pixels` row-major (`width * height`, plus one unused pixel when that is odd),
    /// `rows` the `height + 1` indices of each row's first span (the first 0, the last
    /// the number of spans), `spans` the runs of opaque pixels, row by row.
    ///
    /// # Panics
    /// (At compile time in a `const`.) If the parts do not fit together: a wrong count,
    /// rows out of order, a span empty, past the width or made for another row or width.
    pub const fn new(
        width: u16,
        height: u16,
        pixels: &'a Aligned4<[u16]>,
        rows: &'a [u16],
        spans: &'a [Span],
    ) -> Self {
        assert!(
            width <= i16::MAX as u16 && height <= i16::MAX as u16,
            "sprite larger than 32767 pixels a side"
        );
        let n = width as usize * height as usize;
        assert!(
            pixels.0.len() == n + n % 2,
            "sprite pixels: not width * height (rounded up to even)"
        );
        assert!(
            rows.len() == height as usize + 1 && rows[0] == 0,
            "sprite rows: not height + 1 span indices from 0"
        );
        assert!(
            rows[height as usize] as usize == spans.len(),
            "sprite rows: the last index is not the number of spans"
        );
        let mut r = 0;
        while r < height as usize {
            assert!(rows[r] <= rows[r + 1], "sprite rows out of order");
            let mut i = rows[r] as usize;
            while i < rows[r + 1] as usize {
                let s = spans[i];
                let fits = s.x >= 0 && s.len > 0 && s.x as u32 + s.len as u32 <= width as u32;
                let same = Span::new(width, r as u16, s.x as u16, s.len as u16);
                assert!(
                    fits && same.dst == s.dst && same.src == s.src,
                    "sprite span empty, past the width, or of another row or width"
                );
                i += 1;
            }
            r += 1;
        }
        Sprite {
            width,
            height,
            pixels: &pixels.0,
            rows,
            spans,
        }
    }

    /// Width in pixels.
    pub const fn width(&self) -> u32 {
        self.width as u32
    }

    /// Height in pixels.
    pub const fn height(&self) -> u32 {
        self.height as u32
    }

    /// The colour of pixel (x, y); `None` where it is transparent or outside.
    pub fn pixel(&self, x: u32, y: u32) -> Option<Rgb565> {
        if x >= self.width() || y >= self.height() {
            return None;
        }
        let x = x as u16;
        self.spans(y)
            .any(|(a, b)| (a..b).contains(&x))
            .then(|| from_raw(self.pixels[(y * self.width() + u32::from(x)) as usize]))
    }

    /// The `[start, end)` columns of the opaque runs of row `y`, left to right (none
    /// outside the sprite).
    pub fn spans(&self, y: u32) -> impl Iterator<Item = (u16, u16)> + '_ {
        let y = (y as usize).min(self.height as usize);
        let (a, b) = match (self.rows.get(y), self.rows.get(y + 1)) {
            (Some(&a), Some(&b)) => (usize::from(a), usize::from(b)),
            _ => (0, 0),
        };
        self.spans[a..b].iter().map(Span::columns)
    }

    /// The opaque pixels of the part `area` (in sprite coordinates) through
    /// `fill_contiguous`, one call per span, each at its position in the part.
    fn draw_part<D: DrawTarget<Color = Rgb565>>(
        &self,
        target: &mut D,
        area: &Rectangle,
    ) -> Result<(), D::Error> {
        let area = area.intersection(&self.bounding_box());
        let Some(br) = area.bottom_right() else {
            return Ok(());
        };
        let (x0, x1) = (area.top_left.x as u16, br.x as u16 + 1);
        for y in area.top_left.y..=br.y {
            for (a, b) in self.spans(y as u32) {
                let (a, b) = (a.max(x0), b.min(x1));
                if a >= b {
                    continue;
                }
                let row = y as usize * self.width as usize;
                let px = &self.pixels[row + a as usize..row + b as usize];
                target.fill_contiguous(
                    &Rectangle::new(
                        Point::new(i32::from(a - x0), y - area.top_left.y),
                        Size::new(u32::from(b - a), 1),
                    ),
                    px.iter().map(|&p| from_raw(p)),
                )?;
            }
        }
        Ok(())
    }
}

impl OriginDimensions for Sprite<'_> {
    fn size(&self) -> Size {
        Size::new(self.width(), self.height())
    }
}

impl ImageDrawable for Sprite<'_> {
    type Color = Rgb565;

    fn draw<D: DrawTarget<Color = Rgb565>>(&self, target: &mut D) -> Result<(), D::Error> {
        self.draw_part(target, &self.bounding_box())
    }

    fn draw_sub_image<D: DrawTarget<Color = Rgb565>>(
        &self,
        target: &mut D,
        area: &Rectangle,
    ) -> Result<(), D::Error> {
        self.draw_part(target, area)
    }
}

/// Writes words `$i` of `$dw` (`$dw.offset($i)`), each from the second half of the word
/// before (`$prev` first) and the first half of the next word read from `$sw`, in order.
macro_rules! join_words {
    ($dw:ident, $sw:ident, $prev:ident; $($i:literal)*) => {{
        let mut k = 1;
        $(
            let next = $sw.add(k).read();
            $dw.offset($i).write(join($prev, next));
            #[allow(unused_assignments)]
            {
                $prev = next;
                k += 1;
            }
        )*
    }};
}

/// Copies `n` (at least 1) pixels from `s` to `d`: 32-bit stores after at most one
/// 16-bit store that aligns `d`, from 32-bit loads, direct when `s` is then aligned too,
/// else each store made of the halves of two loads; a 16-bit store for an odd last
/// pixel. Direct copies go four words a loop turn, the last 0-3 as straight code; joined
/// ones eight a turn, then one jump (a `match`) into straight code for the last 0-7,
/// which measured best for each (tools/bench/BENCH.md).
///
/// # Safety
/// `d..d + n` writable, `s..s + n` readable, and `s` inside a 4-aligned array of an even
/// number of pixels (the aligned words around `s..s + n` are read).
///
/// A macro, not a function: GCC does not inline a function this size at two call sites
/// at -Os (`#[inline(always)]` notwithstanding), and the call and its register saves
/// cost as much as a short span.
macro_rules! copy_px {
    ($d:expr, $s:expr, $n:expr) => {{
        let (mut d, mut s, mut n): (*mut u16, *const u16, usize) = ($d, $s, $n);
        // The caller's `unsafe` block and its bounds cover each step.
        {
            if d as usize & 2 != 0 {
                d.write(s.read());
                d = d.add(1);
                s = s.add(1);
                n -= 1;
            }
            let words = n / 2;
            let mut dw = d as *mut u32;
            if s as usize & 2 == 0 {
                let mut sw = s as *const u32;
                let end4 = dw.add(words & !3);
                while dw != end4 {
                    let (p0, p1, p2, p3) = (
                        sw.read(),
                        sw.add(1).read(),
                        sw.add(2).read(),
                        sw.add(3).read(),
                    );
                    dw.write(p0);
                    dw.add(1).write(p1);
                    dw.add(2).write(p2);
                    dw.add(3).write(p3);
                    dw = dw.add(4);
                    sw = sw.add(4);
                }
                if words & 2 != 0 {
                    let (p0, p1) = (sw.read(), sw.add(1).read());
                    dw.write(p0);
                    dw.add(1).write(p1);
                    dw = dw.add(2);
                    sw = sw.add(2);
                }
                if words & 1 != 0 {
                    dw.write(sw.read());
                    dw = dw.add(1);
                    sw = sw.add(1);
                }
                if n & 1 != 0 {
                    (dw as *mut u16).write((sw as *const u16).read());
                }
            } else {
                // `s` is the second pixel of an aligned word: read from that word on. The
                // last word read holds pixel s + 2 * words, inside the array since the
                // array's pixel count is even and s + 2 * words is its odd-indexed one.
                let mut sw = s.sub(1) as *const u32;
                let mut prev = sw.read();
                let end8 = dw.add(words & !7);
                while dw != end8 {
                    join_words!(dw, sw, prev; 0 1 2 3 4 5 6 7);
                    dw = dw.add(8);
                    sw = sw.add(8);
                }
                // The last 0-7 words as straight code, one jump to it (a `match`).
                dw = dw.add(words & 7);
                match words & 7 {
                    0 => {}
                    1 => join_words!(dw, sw, prev; -1),
                    2 => join_words!(dw, sw, prev; -2 -1),
                    3 => join_words!(dw, sw, prev; -3 -2 -1),
                    4 => join_words!(dw, sw, prev; -4 -3 -2 -1),
                    5 => join_words!(dw, sw, prev; -5 -4 -3 -2 -1),
                    6 => join_words!(dw, sw, prev; -6 -5 -4 -3 -2 -1),
                    _ => join_words!(dw, sw, prev; -7 -6 -5 -4 -3 -2 -1),
                }
                if n & 1 != 0 {
                    (dw as *mut u16).write(s.add(n - 1).read());
                }
            }
        }
    }};
}

impl Frame<'_> {
    /// Draws `sprite` with its top-left corner at (`x`, `y`): its opaque pixels, clipped
    /// to the frame (any position, partly or wholly outside included).
    pub fn draw_sprite(&mut self, x: i32, y: i32, sprite: &Sprite<'_>) {
        let (w, h) = (i32::from(sprite.width), i32::from(sprite.height));
        // The visible columns and rows of the sprite.
        let (cx0, cx1) = ((-x).max(0), w.min(WIDTH as i32 - x));
        let (cy0, cy1) = ((-y).max(0), h.min(HEIGHT as i32 - y));
        if cx0 >= cx1 || cy0 >= cy1 {
            return;
        }
        // SAFETY: cy0..cy1 are the sprite's rows whose frame rows are inside the frame,
        // and each span copied is clamped to cx0..cx1, the sprite's columns whose frame
        // columns are inside the frame; `Sprite::new` checked that each span's offsets
        // are its row's and column's, that `rows` index `spans`, and the pixel count.
        unsafe {
            // The sprite's top-left corner in the frame (possibly outside it: only moved
            // by spans' offsets, never read or written there).
            let d0 = self
                .pixels_mut()
                .as_mut_ptr()
                .wrapping_offset(y as isize * WIDTH as isize + x as isize);
            let s0 = sprite.pixels.as_ptr();
            let rows = sprite.rows.as_ptr();
            let spans = sprite.spans.as_ptr();
            let mut span = spans.add(usize::from(*rows.add(cy0 as usize)));
            let end = spans.add(usize::from(*rows.add(cy1 as usize)));
            if cx0 == 0 && cx1 == w {
                // Whole rows (clipped at the top or bottom at most): each span as is.
                while span != end {
                    let sp = &*span;
                    copy_px!(
                        d0.wrapping_byte_add(sp.dst as usize),
                        s0.byte_add(sp.src as usize),
                        sp.len as usize
                    );
                    span = span.add(1);
                }
            } else {
                let (cx0, cx1) = (cx0 as usize, cx1 as usize);
                while span != end {
                    let sp = &*span;
                    span = span.add(1);
                    let x = sp.x as usize;
                    let (a, b) = (x.max(cx0), (x + sp.len as usize).min(cx1));
                    if a < b {
                        let k = a - x;
                        copy_px!(
                            d0.wrapping_byte_add(sp.dst as usize).add(k),
                            s0.byte_add(sp.src as usize).add(k),
                            b - a
                        );
                    }
                }
            }
        }
    }
}

/// The 32-bit word of the second pixel of `prev` and the first of `next` (two aligned
/// words of consecutive pixels): `xtrct` on the big-endian SH4.
#[inline(always)]
fn join(prev: u32, next: u32) -> u32 {
    if cfg!(target_endian = "big") {
        (prev << 16) | (next >> 16)
    } else {
        (prev >> 16) | (next << 16)
    }
}

/// Converts a PNG into a [`Sprite`] at build time:
/// `static PLAYER: Sprite = prizm::include_image!("assets/player.png");`, then
/// `frame.draw_sprite(x, y, &PLAYER)`.
///
/// - The path is relative to the crate's folder (where its `Cargo.toml` is), and the
///   crate is rebuilt when the file changes.
/// - Any PNG: palette, grey or RGB, with or without alpha, 8 or 16 bits; colours are
///   rounded to RGB565 as `embedded-graphics` converts `Rgb888`.
/// - Alpha becomes the mask: a pixel with alpha below 128 is transparent, any other is
///   drawn with its colour (no blending). A picture without alpha is opaque.
/// - A missing or unreadable file, or one that is not a PNG, is a compile error that
///   names the file.
///
/// ```
/// use prizm::display::{Frame, PIXELS, Sprite};
///
/// // A 16x16 ball with transparent corners (a test file of the SDK's repository).
/// static BALL: Sprite = prizm::include_image!("tests/assets/ball.png");
/// assert_eq!((BALL.width(), BALL.height()), (16, 16));
/// assert!(BALL.pixel(0, 0).is_none() && BALL.pixel(8, 8).is_some());
///
/// let mut pixels = vec![0u16; PIXELS];
/// let mut frame = Frame::new(&mut pixels).unwrap();
/// frame.draw_sprite(-8, 100, &BALL); // half of it: clipped at the left edge
/// assert_ne!(frame.pixels()[108 * 384], 0);
/// ```
///
/// [`Sprite`]: crate::display::Sprite
#[macro_export]
macro_rules! include_image {
    ($($args:tt)*) => {
        $crate::__macros::__include_image!($crate, $($args)*)
    };
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::display::{PIXELS, to_raw};
    use embedded_graphics::{image::Image, prelude::*};
    extern crate std;
    use std::vec;
    use std::vec::Vec;

    /// A sprite built like include_image! builds one, leaked for the test.
    fn sprite(w: u16, h: u16, opaque: impl Fn(u16, u16) -> bool) -> Sprite<'static> {
        let mut px: Vec<u16> = Vec::new();
        let (mut rows, mut spans) = (vec![0u16], Vec::new());
        for y in 0..h {
            let mut start = None;
            for x in 0..=w {
                let o = x < w && opaque(x, y);
                if x < w {
                    px.push(if o {
                        0x0101u16.wrapping_mul(x + 7 * y + 1)
                    } else {
                        0
                    });
                }
                match (o, start) {
                    (true, None) => start = Some(x),
                    (false, Some(a)) => {
                        spans.push(Span::new(w, y, a, x - a));
                        start = None;
                    }
                    _ => {}
                }
            }
            rows.push(spans.len() as u16);
        }
        if px.len() % 2 == 1 {
            px.push(0);
        }
        // An Aligned4<[u16]> from a Vec: an aligned u32 buffer viewed as u16.
        let words: &'static mut [u32] = Vec::leak(vec![0u32; px.len() / 2]);
        // SAFETY: u32 to u16 halves the alignment; the length is twice the word count.
        let halves: &'static mut [u16] =
            unsafe { core::slice::from_raw_parts_mut(words.as_mut_ptr().cast(), px.len()) };
        halves.copy_from_slice(&px);
        // SAFETY: Aligned4<[u16]> is a repr(C) wrapper of [u16] aligned to 4, which the
        // buffer is (it was a [u32]).
        let aligned: &'static Aligned4<[u16]> =
            unsafe { &*(halves as *const [u16] as *const Aligned4<[u16]>) };
        Sprite::new(w, h, aligned, Vec::leak(rows), Vec::leak(spans))
    }

    /// A ring: transparent corners and centre, so rows have 0, 1 and 2 spans.
    fn ring(x: u16, y: u16) -> bool {
        let (dx, dy) = (2 * i32::from(x) - 12, 2 * i32::from(y) - 10);
        let d = dx * dx + dy * dy;
        (16..=120).contains(&d)
    }

    /// One pixel at a time, as the documentation says.
    fn reference(buf: &mut [u16], x: i32, y: i32, s: &Sprite<'_>) {
        for sy in 0..s.height() {
            for sx in 0..s.width() {
                let (fx, fy) = (x + sx as i32, y + sy as i32);
                if let Some(c) = s.pixel(sx, sy)
                    && (0..WIDTH as i32).contains(&fx)
                    && (0..HEIGHT as i32).contains(&fy)
                {
                    buf[fy as usize * WIDTH + fx as usize] = to_raw(c);
                }
            }
        }
    }

    #[test]
    fn draws_like_the_reference_at_every_edge() {
        // Odd and even widths (both alignments of rows and spans).
        // Rings (0 to 2 spans a row); tiny ones; wide ones with runs of every length up
        // to 44 pixels (the copy's 8-word loop and each of its 0-7 word remainders, at
        // both alignments).
        let wide = |x: u16, y: u16| !(x * 7 + y * 3).is_multiple_of(23 + y);
        for (w, h) in [(13u16, 11u16), (12, 11), (1, 1), (2, 3), (45, 24), (50, 5)] {
            let s = sprite(w, h, |x, y| {
                w < 4 || if w < 40 { ring(x, y) } else { wide(x, y) }
            });
            let (wi, hi) = (i32::from(w), i32::from(h));
            let (r, b) = (WIDTH as i32, HEIGHT as i32);
            let mut spots = vec![(10, 20), (11, 20), (0, 0)];
            for dx in [-wi, -wi + 1, -3, -1, 0, 1] {
                for dy in [-hi, -hi + 1, -2, 0, 5] {
                    spots.push((dx, dy)); // left and top edges
                    spots.push((r - wi - dx, b - hi - dy)); // right and bottom
                    spots.push((dx, b - hi - dy));
                    spots.push((r - wi - dx, dy));
                }
            }
            spots.extend([(-1000, 5), (5, 1000), (i32::MIN / 2, i32::MAX / 2)]);
            for (x, y) in spots {
                let mut got = vec![0x5555u16; PIXELS];
                let mut want = got.clone();
                Frame::new(&mut got).unwrap().draw_sprite(x, y, &s);
                reference(&mut want, x, y, &s);
                assert!(got == want, "{w}x{h} at ({x}, {y})");
            }
        }
    }

    #[test]
    fn spans_and_pixels() {
        let s = sprite(13, 11, ring);
        assert_eq!(s.spans(0).count(), 1);
        // Row 5: |2x - 12| in 4..=10.
        assert_eq!(s.spans(5).collect::<Vec<_>>(), [(1, 5), (8, 12)]);
        assert_eq!(s.spans(99).count(), 0);
        assert!(s.pixel(6, 5).is_none() && s.pixel(0, 5).is_none() && s.pixel(1, 5).is_some());
        assert!(s.pixel(13, 0).is_none());
    }

    #[test]
    fn embedded_graphics_draws_the_same_pixels() {
        let s = sprite(13, 11, ring);
        for (x, y) in [(40, 30), (-3, -4), (378, 210)] {
            let mut got = vec![0x5555u16; PIXELS];
            let mut want = got.clone();
            let mut f = Frame::new(&mut got).unwrap();
            Image::new(&s, Point::new(x, y)).draw(&mut f).unwrap();
            Frame::new(&mut want).unwrap().draw_sprite(x, y, &s);
            assert!(got == want, "at ({x}, {y})");
        }
        // A sub-image: columns 2..8, rows 3..6, at (0, 0).
        let sub = s.sub_image(&Rectangle::new(Point::new(2, 3), Size::new(6, 3)));
        let mut got = vec![0x5555u16; PIXELS];
        Image::new(&sub, Point::zero())
            .draw(&mut Frame::new(&mut got).unwrap())
            .unwrap();
        for y in 0..4u32 {
            for x in 0..7u32 {
                let want = match s.pixel(x + 2, y + 3) {
                    Some(c) if x < 6 && y < 3 => to_raw(c),
                    _ => 0x5555,
                };
                assert_eq!(got[y as usize * WIDTH + x as usize], want, "({x}, {y})");
            }
        }
    }

    static PX: Aligned4<[u16; 2]> = Aligned4([0, 0]);

    #[test]
    #[should_panic(expected = "past the width")]
    fn new_checks_the_spans() {
        let _ = Sprite::new(2, 1, &PX, &[0, 1], &[Span::new(2, 0, 0, 3)]);
    }

    #[test]
    #[should_panic(expected = "of another row or width")]
    fn new_checks_the_spans_offsets() {
        let _ = Sprite::new(2, 1, &PX, &[0, 1], &[Span::new(2, 1, 0, 2)]);
    }
}
