//! [`include_font!`](crate::include_font): monospace 1-bit fonts from BDF files or PNG
//! glyph sheets, converted at build time to a [`MonoFont1bpp`](super::MonoFont1bpp) that
//! [`Frame::draw_mono_text`](super::Frame::draw_mono_text) draws.

/// Converts a font file into a [`MonoFont1bpp`](crate::display::MonoFont1bpp) at build
/// time, for [`Frame::draw_mono_text`](crate::display::Frame::draw_mono_text):
///
/// ```
/// use prizm::display::{Frame, MonoFont1bpp, PIXELS, colors};
///
/// // The digits 0-9 in 5x7 cells, as a BDF file and as a PNG sheet of 5x2 cells (test
/// // files of the SDK's repository).
/// static BDF: MonoFont1bpp = prizm::include_font!("tests/assets/digits-5x7.bdf");
/// static SHEET: MonoFont1bpp =
///     prizm::include_font!("tests/assets/digits-5x7.png", width = 5, height = 7, first = '0');
/// assert_eq!((BDF.first, SHEET.first), (b'0', b'0'));
///
/// let mut pixels = vec![0u16; PIXELS];
/// let mut frame = Frame::new(&mut pixels).unwrap();
/// let end = frame.draw_mono_text(10, 20, "2026", &SHEET, colors::WHITE, None);
/// assert_eq!(end, 10 + 4 * 5);
/// ```
///
/// - **BDF** (a `.bdf` file, Glyph Bitmap Distribution Format 2.1): each glyph of
///   encoding 0..=255 is placed in a cell of the font's `FONTBOUNDINGBOX` at its `BBX`
///   offset; the font covers the lowest to the highest encoding (missing ones blank). A
///   proportional font becomes monospace at the bounding box's width (at most 32).
/// - **PNG sheet** (any other file): cells of `width` x `height` pixels, left to right
///   then top to bottom, for consecutive characters from `first` (a character or a
///   number; default `' '`). In a sheet with transparent pixels a pixel is set when its
///   alpha is 128 or more; in a sheet without, when it is dark (luma below 128): ink on
///   a transparent or a light background.
/// - Paths are relative to the crate's folder; the crate is rebuilt when the file
///   changes; a missing or invalid file is a compile error that names it.
#[macro_export]
macro_rules! include_font {
    ($($args:tt)*) => {
        $crate::__macros::__include_font!($crate, $($args)*)
    };
}
