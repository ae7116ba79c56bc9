//! The frame's fast paths (clear, fill_solid, fill_contiguous) against a plain
//! per-pixel reference, on random rectangles; primitives and text drawn the same way.
use core::convert::Infallible;

use embedded_graphics::{
    mono_font::{MonoTextStyle, ascii::FONT_6X10},
    prelude::*,
    primitives::{Circle, Line, PrimitiveStyle, Rectangle, Triangle},
    text::Text,
};
use prizm::display::{Frame, HEIGHT, PIXELS, Rgb565, WIDTH, from_raw, to_raw};

/// Reference target: only `draw_iter`, so every fill goes pixel by pixel through the
/// trait's default methods.
struct Reference(Vec<u16>);

impl OriginDimensions for Reference {
    fn size(&self) -> Size {
        Size::new(WIDTH as u32, HEIGHT as u32)
    }
}

impl DrawTarget for Reference {
    type Color = Rgb565;
    type Error = Infallible;
    fn draw_iter<I: IntoIterator<Item = Pixel<Rgb565>>>(
        &mut self,
        pixels: I,
    ) -> Result<(), Infallible> {
        for Pixel(p, c) in pixels {
            if (0..WIDTH as i32).contains(&p.x) && (0..HEIGHT as i32).contains(&p.y) {
                self.0[p.y as usize * WIDTH + p.x as usize] = to_raw(c);
            }
        }
        Ok(())
    }
}

mod common;

use common::Rng;

/// Random colours and rectangles (some far outside the frame) for the drawing tests.
trait DrawingRng {
    fn color(&mut self) -> Rgb565;
    fn rect(&mut self) -> Rectangle;
}

impl DrawingRng for Rng {
    fn color(&mut self) -> Rgb565 {
        from_raw(self.next() as u16)
    }
    fn rect(&mut self) -> Rectangle {
        let big = self.next().is_multiple_of(4);
        let (lo, hi) = if big { (-500, 500) } else { (-20, 400) };
        let w = if big {
            self.range(0, 900)
        } else {
            self.range(0, 60)
        };
        let h = if big {
            self.range(0, 600)
        } else {
            self.range(0, 60)
        };
        Rectangle::new(
            Point::new(self.range(lo, hi), self.range(lo, hi)),
            Size::new(w as u32, h as u32),
        )
    }
}

fn check(fast: &[u16], slow: &Reference, what: &str) {
    if let Some(i) = fast.iter().zip(&slow.0).position(|(a, b)| a != b) {
        panic!("{what}: first difference at ({}, {})", i % WIDTH, i / WIDTH);
    }
}

#[test]
fn frame_rejects_wrong_sizes() {
    let mut v = vec![0u16; PIXELS - 1];
    assert!(Frame::new(&mut v).is_none());
    let mut v = vec![0u16; PIXELS];
    assert!(Frame::new(&mut v).is_some());
}

#[test]
fn fills_match_per_pixel_reference() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut buf = vec![0u16; PIXELS];
    let mut slow = Reference(vec![0u16; PIXELS]);
    for step in 0..3000 {
        let mut fast = Frame::new(&mut buf).unwrap();
        let area = rng.rect();
        match rng.next() % 20 {
            0 => {
                let c = rng.color();
                fast.clear(c).unwrap();
                slow.clear(c).unwrap();
            }
            1..=9 => {
                let c = rng.color();
                fast.fill_solid(&area, c).unwrap();
                slow.fill_solid(&area, c).unwrap();
            }
            _ => {
                let seed = rng.next();
                // Sometimes fewer colours than pixels.
                let n = if seed.is_multiple_of(5) {
                    (seed % 200) as usize
                } else {
                    usize::MAX
                };
                let colors = |s: u64| {
                    let mut r = Rng(s | 1);
                    std::iter::repeat_with(move || r.color()).take(n)
                };
                fast.fill_contiguous(&area, colors(seed)).unwrap();
                slow.fill_contiguous(&area, colors(seed)).unwrap();
            }
        }
        check(&buf, &slow, &format!("step {step}, {area:?}"));
    }
}

#[test]
fn full_width_and_odd_alignment_edges() {
    let mut buf = vec![0u16; PIXELS];
    let mut slow = Reference(vec![0u16; PIXELS]);
    for (x, w) in [
        (0, 384),
        (1, 383),
        (1, 1),
        (383, 1),
        (2, 3),
        (3, 2),
        (0, 1),
        (-1, 386),
    ] {
        let r = Rectangle::new(Point::new(x, 5), Size::new(w, 3));
        let c = from_raw(0x1234 ^ w as u16);
        Frame::new(&mut buf).unwrap().fill_solid(&r, c).unwrap();
        slow.fill_solid(&r, c).unwrap();
        check(&buf, &slow, &format!("{r:?}"));
    }
}

#[test]
fn primitives_and_text_match_reference() {
    let mut buf = vec![0u16; PIXELS];
    let mut slow = Reference(vec![0u16; PIXELS]);
    let mut rng = Rng(12345);
    for _ in 0..200 {
        let c = rng.color();
        let p = |r: &mut Rng| Point::new(r.range(-50, 450), r.range(-50, 260));
        let fill = PrimitiveStyle::with_fill(c);
        let stroke = PrimitiveStyle::with_stroke(c, rng.range(1, 5) as u32);
        let mut fast = Frame::new(&mut buf).unwrap();
        macro_rules! both {
            ($d:expr) => {{
                let d = $d;
                d.draw(&mut fast).unwrap();
                d.draw(&mut slow).unwrap();
            }};
        }
        match rng.next() % 5 {
            0 => both!(Circle::new(p(&mut rng), rng.range(0, 100) as u32).into_styled(fill)),
            1 => {
                let (a, b, c) = (p(&mut rng), p(&mut rng), p(&mut rng));
                // embedded-graphics 0.8 squares this cross product in i32 (overflow
                // in debug builds for large triangles): keep it small.
                let cross =
                    (b - a).x as i64 * (c - a).y as i64 - (b - a).y as i64 * (c - a).x as i64;
                if cross.abs() < 40_000 {
                    both!(Triangle::new(a, b, c).into_styled(fill))
                }
            }
            2 => both!(Line::new(p(&mut rng), p(&mut rng)).into_styled(stroke)),
            3 => both!(rng.rect().into_styled(stroke)),
            _ => both!(Text::new(
                "Hello, Prizm! 0123",
                p(&mut rng),
                MonoTextStyle::new(&FONT_6X10, c)
            )),
        }
        check(&buf, &slow, "primitive");
    }
}

#[test]
fn text_lands_where_the_font_says() {
    let mut buf = vec![0xFFFFu16; PIXELS];
    let mut f = Frame::new(&mut buf).unwrap();
    let style = MonoTextStyle::new(&FONT_6X10, Rgb565::BLACK);
    // Baseline at y = 20: FONT_6X10 glyphs sit in rows 12..=21 from a top of 12.
    let end = Text::new("AB", Point::new(10, 20), style)
        .draw(&mut f)
        .unwrap();
    assert_eq!(end, Point::new(22, 20));
    let dark: Vec<(usize, usize)> = (0..PIXELS)
        .filter(|&i| buf[i] == 0)
        .map(|i| (i % WIDTH, i / WIDTH))
        .collect();
    assert!(!dark.is_empty());
    assert!(
        dark.iter()
            .all(|&(x, y)| (10..22).contains(&x) && (12..22).contains(&y)),
        "{dark:?}"
    );
}
