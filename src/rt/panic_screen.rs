//! What the panic screen shows, drawn into any frame (host-testable).
use core::fmt::{self, Write};

use embedded_graphics::{
    mono_font::{MonoTextStyle, ascii::FONT_6X10},
    prelude::*,
    primitives::{PrimitiveStyle, Rectangle},
    text::{Baseline, Text},
};

use crate::display::{Frame, Rgb565, WIDTH, colors, layout};

/// Characters per line with the 6x10 font.
const COLS: usize = WIDTH / 6;
/// Height of a text line.
const LINE: i32 = 11;

/// A `fmt::Write` into a fixed buffer that keeps what fits and drops the rest.
pub struct Truncating<const N: usize> {
    buf: [u8; N],
    len: usize,
}

impl<const N: usize> Truncating<N> {
    /// An empty buffer.
    pub const fn new() -> Self {
        Truncating {
            buf: [0; N],
            len: 0,
        }
    }

    /// The text written so far (whole characters only).
    pub fn as_str(&self) -> &str {
        match core::str::from_utf8(&self.buf[..self.len]) {
            Ok(s) => s,
            // SAFETY-free fallback: cut before the first invalid byte.
            Err(e) => core::str::from_utf8(&self.buf[..e.valid_up_to()]).unwrap_or(""),
        }
    }
}

impl<const N: usize> Default for Truncating<N> {
    fn default() -> Self {
        Self::new()
    }
}

impl<const N: usize> Write for Truncating<N> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let room = N - self.len;
        let mut take = s.len().min(room);
        while !s.is_char_boundary(take) {
            take -= 1;
        }
        self.buf[self.len..self.len + take].copy_from_slice(&s.as_bytes()[..take]);
        self.len += take;
        Ok(())
    }
}

/// Whether a panic message is Rust's allocation-failure message.
pub fn is_out_of_memory(message: &str) -> bool {
    message.starts_with("memory allocation of")
}

/// Draws the panic screen: a title bar ("Out of memory" or "The add-in panicked"), the
/// message wrapped to the screen width, the location (not for out of memory), and how
/// to leave.
pub fn draw(frame: &mut Frame<'_>, message: &str, location: Option<(&str, u32, u32)>) {
    let _ = frame.clear(colors::WHITE);
    let oom = is_out_of_memory(message);
    let title = if oom {
        "Out of memory"
    } else {
        "The add-in panicked"
    };
    let bar = Rectangle::new(Point::zero(), Size::new(WIDTH as u32, 16));
    let _ = bar
        .into_styled(PrimitiveStyle::with_fill(colors::RED))
        .draw(frame);
    let white = MonoTextStyle::new(&FONT_6X10, Rgb565::WHITE);
    let black = MonoTextStyle::new(&FONT_6X10, Rgb565::BLACK);
    let blue = MonoTextStyle::new(&FONT_6X10, colors::NAVY);
    let _ = Text::with_baseline(title, Point::new(4, 3), white, Baseline::Top).draw(frame);
    let mut y = 22;
    for line in layout::wrap(message, COLS).take(14) {
        let _ = Text::with_baseline(line, Point::new(0, y), black, Baseline::Top).draw(frame);
        y += LINE;
    }
    // An allocation failure's location is inside `alloc`: not worth showing.
    if let Some((file, line, col)) = location.filter(|_| !oom) {
        y += 4;
        let mut at = Truncating::<160>::new();
        let _ = write!(at, "at {file}:{line}:{col}");
        for l in layout::wrap(at.as_str(), COLS).take(3) {
            let _ = Text::with_baseline(l, Point::new(0, y), blue, Baseline::Top).draw(frame);
            y += LINE;
        }
    }
    let _ = Text::with_baseline(
        "Press MENU to leave the add-in.",
        Point::new(0, 216 - 12),
        black,
        Baseline::Top,
    )
    .draw(frame);
}

#[cfg(test)]
mod tests {
    use super::*;
    extern crate std;
    use crate::display::{PIXELS, to_raw};
    use core::hint::black_box;
    use std::vec;

    #[test]
    fn truncating_writer_keeps_whole_chars() {
        let mut t = Truncating::<5>::new();
        let _ = write!(t, "abé{}", black_box("xyz"));
        assert_eq!(t.as_str(), "abéx");
        let mut t = Truncating::<4>::new();
        let _ = write!(t, "abcé");
        assert_eq!(t.as_str(), "abc");
    }

    #[test]
    fn oom_detection() {
        assert!(is_out_of_memory("memory allocation of 1024 bytes failed"));
        assert!(!is_out_of_memory("index out of bounds"));
    }

    #[test]
    fn draws_title_message_and_footer_without_panicking() {
        let mut buf = vec![0u16; PIXELS];
        let long = "x".repeat(3000);
        for (msg, loc) in [
            (
                "memory allocation of 1024 bytes failed",
                Some(("src/main.rs", 10, 5)),
            ),
            (long.as_str(), Some((long.as_str(), u32::MAX, 0))),
            ("", None),
        ] {
            let mut f = Frame::new(&mut buf).unwrap();
            draw(&mut f, msg, loc);
            assert_eq!(buf[0], to_raw(colors::RED));
            assert_eq!(buf[PIXELS - 1], to_raw(colors::WHITE));
            // Some black text in the message area and in the footer.
            assert!(buf[22 * WIDTH..40 * WIDTH].contains(&0) || msg.is_empty());
            assert!(buf[204 * WIDTH..PIXELS].contains(&0));
        }
    }
}
