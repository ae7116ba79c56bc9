//! The display scene of `sdk-areas` (mode 1). Shared with the host test
//! (`tests/emu_sdk.rs` includes this file), which renders it into a plain buffer and
//! compares it with what the calculator build drew in the emulator.
use embedded_graphics::{
    image::Image,
    mono_font::{MonoTextStyleBuilder, ascii::FONT_6X10},
    prelude::*,
    primitives::{Circle, Line, PrimitiveStyle, Rectangle},
    text::{Baseline, Text},
};
use prizm::display::{Frame, Image565, Rgb565, colors, from_raw};

/// Background the scene clears to.
pub const BG: u16 = 0x2945;
/// The filled rectangle at an odd x and of odd width: x 31..132, y 41..92.
pub const RECT: (i32, i32, u32, u32) = (31, 41, 101, 51);
/// A rectangle half outside the frame (clipped to x 0..20, y 200..216).
pub const CLIPPED: (i32, i32, u32, u32) = (-10, 200, 30, 40);
/// Text drawn with FONT_6X10, white on black, top-left corner.
pub const TEXT: &str = "Rust 123";
/// Where the text's top-left corner is.
pub const TEXT_AT: (i32, i32) = (40, 120);
/// Rows filled after the first full update; only the first band is put to the display.
pub const BAND_SHOWN: (usize, usize) = (100, 120);
/// Rows filled after the first full update and never put to the display.
pub const BAND_HIDDEN: (usize, usize) = (180, 190);

/// A 3x2 picture (big-endian RGB565).
pub const IMAGE_DATA: [u8; 12] = [
    0xF8, 0x00, 0x07, 0xE0, 0x00, 0x1F, 0xFF, 0xFF, 0x00, 0x00, 0x12, 0x34,
];

/// Draws the scene of the first full update.
pub fn draw_scene(f: &mut Frame<'_>) {
    let _ = f.clear(from_raw(BG));
    let r = |(x, y, w, h): (i32, i32, u32, u32)| Rectangle::new(Point::new(x, y), Size::new(w, h));
    let _ = f.fill_solid(&r(RECT), colors::RED);
    let _ = f.fill_solid(&r(CLIPPED), colors::BLUE);
    let _ = Line::new(Point::new(200, 30), Point::new(299, 30))
        .into_styled(PrimitiveStyle::with_stroke(colors::YELLOW, 1))
        .draw(f);
    let _ = Line::new(Point::new(210, 40), Point::new(210, 90))
        .into_styled(PrimitiveStyle::with_stroke(colors::CYAN, 1))
        .draw(f);
    let _ = Line::new(Point::new(220, 40), Point::new(260, 80))
        .into_styled(PrimitiveStyle::with_stroke(colors::WHITE, 1))
        .draw(f);
    let _ = Rectangle::new(Point::new(300, 100), Size::new(40, 30))
        .into_styled(PrimitiveStyle::with_stroke(colors::MAGENTA, 1))
        .draw(f);
    let _ = Circle::new(Point::new(140, 140), 21)
        .into_styled(PrimitiveStyle::with_fill(colors::LIME))
        .draw(f);
    let style = MonoTextStyleBuilder::new()
        .font(&FONT_6X10)
        .text_color(Rgb565::WHITE)
        .background_color(Rgb565::BLACK)
        .build();
    let _ =
        Text::with_baseline(TEXT, Point::new(TEXT_AT.0, TEXT_AT.1), style, Baseline::Top).draw(f);
    let img = Image565::from_be_bytes(3, 2, &IMAGE_DATA);
    let _ = Image::new(&img, Point::new(5, 5)).draw(f);
}

/// Draws the two bands after the first full update.
pub fn draw_bands(f: &mut Frame<'_>) {
    let band = |(y0, y1): (usize, usize)| {
        Rectangle::new(Point::new(0, y0 as i32), Size::new(384, (y1 - y0) as u32))
    };
    let _ = f.fill_solid(&band(BAND_SHOWN), colors::ORANGE);
    let _ = f.fill_solid(&band(BAND_HIDDEN), colors::GRAY);
}
