//! PNG to sprite: RGB565 pixels and, per row, the spans of opaque pixels.

use proc_macro2::TokenStream as Tokens;
use quote::quote;

use g3a::png_rgba;

/// Pixels whose alpha is below this are transparent; the others are drawn with their
/// colour (no blending).
pub const ALPHA_OPAQUE: u8 = 128;

/// A converted picture, the data of the SDK's `Sprite`.
#[derive(Debug, PartialEq)]
pub struct Sprite {
    /// Width in pixels.
    pub width: u16,
    /// Height in pixels.
    pub height: u16,
    /// RGB565 words, row-major; 0 where transparent.
    pub pixels: Vec<u16>,
    /// Row `r`'s spans are `spans[rows[r]..rows[r + 1]]` (`height + 1` entries).
    pub rows: Vec<u16>,
    /// `[start, end)` columns of each run of opaque pixels, left to right.
    pub spans: Vec<[u16; 2]>,
}

/// The RGB565 word of an 8-bit colour, each channel rounded to the nearest level (as
/// embedded-graphics converts `Rgb888` to `Rgb565`).
pub use prizm_abi::screen::rgb565;

impl Sprite {
    /// Converts a PNG.
    pub fn from_png(bytes: &[u8]) -> Result<Sprite, String> {
        let img = png_rgba::decode(bytes)?;
        let (w, h) = (img.width, img.height);
        if w > u32::from(u16::MAX) || h > u32::from(u16::MAX) {
            return Err(format!(
                "{w}x{h} is too large (at most 65535 pixels a side)"
            ));
        }
        let mut s = Sprite {
            width: w as u16,
            height: h as u16,
            pixels: Vec::with_capacity(img.px.len()),
            rows: vec![0],
            spans: Vec::new(),
        };
        for row in img.px.chunks(w.max(1) as usize).take(h as usize) {
            let mut start = None;
            for (x, &[r, g, b, a]) in row.iter().enumerate() {
                let opaque = a >= ALPHA_OPAQUE;
                s.pixels.push(if opaque { rgb565(r, g, b) } else { 0 });
                match (opaque, start) {
                    (true, None) => start = Some(x as u16),
                    (false, Some(x0)) => {
                        s.spans.push([x0, x as u16]);
                        start = None;
                    }
                    _ => {}
                }
            }
            if let Some(x0) = start {
                s.spans.push([x0, w as u16]);
            }
            let n = u16::try_from(s.spans.len())
                .map_err(|_| "more than 65535 runs of opaque pixels".to_string())?;
            s.rows.push(n);
        }
        Ok(s)
    }

    /// The expression that builds the SDK's `Sprite` from this data (`krate` is the path
    /// of the `prizm` crate).
    pub fn tokens(&self, krate: &Tokens, path: &std::path::Path) -> Tokens {
        let track = crate::track(path);
        let (w, h) = (self.width, self.height);
        // An even count, so that 32-bit reads of pixel pairs stay inside the array.
        let mut px = self.pixels.clone();
        if px.len() % 2 == 1 {
            px.push(0);
        }
        let n = px.len();
        let rows = &self.rows;
        let nrows = rows.len();
        // Each span with its row, as the SDK's `Span::new(width, y, x, len)`.
        let mut spans = Vec::new();
        for (y, r) in self.rows.windows(2).enumerate() {
            let y = y as u16;
            for &[a, b] in &self.spans[usize::from(r[0])..usize::from(r[1])] {
                let len = b - a;
                spans.push(quote!(#krate::display::Span::new(#w, #y, #a, #len)));
            }
        }
        let nspans = spans.len();
        quote! {{
            #track
            static PIXELS: #krate::display::Aligned4<[u16; #n]> =
                #krate::display::Aligned4([#(#px),*]);
            static ROWS: [u16; #nrows] = [#(#rows),*];
            static SPANS: [#krate::display::Span; #nspans] = [#(#spans),*];
            const { #krate::display::Sprite::new(#w, #h, &PIXELS, &ROWS, &SPANS) }
        }}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use g3a::png_rgba::encode_for_tests as encode;

    #[test]
    fn channels_round_to_the_nearest_level() {
        assert_eq!(rgb565(255, 255, 255), 0xFFFF);
        assert_eq!(rgb565(255, 0, 0), 0xF800);
        assert_eq!(rgb565(0, 255, 0), 0x07E0);
        assert_eq!(rgb565(0, 0, 255), 0x001F);
        // 0x80 of 255 is 0x20 of 63 (32.1); 0x08 of 255 is 1 of 31 (0.97).
        assert_eq!(rgb565(0xFF, 0x80, 0x08), (0x1F << 11) | (0x20 << 5) | 0x01);
    }

    #[test]
    fn alpha_below_128_is_transparent_and_runs_become_spans() {
        // 4 x 3: row 0 all opaque, row 1 "T..T" with alpha 127 and 128 in the middle,
        // row 2 all transparent.
        let a = [255, 255, 255, 255, 200, 127, 0, 128, 0, 0, 0, 0];
        let data: Vec<u8> = a.iter().flat_map(|&a| [255, 0, 0, a]).collect();
        let s = Sprite::from_png(&encode(4, 3, png::ColorType::Rgba, &data)).unwrap();
        assert_eq!((s.width, s.height), (4, 3));
        assert_eq!(s.rows, [0, 1, 3, 3]);
        assert_eq!(s.spans, [[0, 4], [0, 1], [3, 4]]);
        let red = 0xF800;
        assert_eq!(s.pixels, [red, red, red, red, red, 0, 0, red, 0, 0, 0, 0]);
    }

    #[test]
    fn an_opaque_picture_has_one_span_a_row() {
        let s = Sprite::from_png(&encode(3, 2, png::ColorType::Rgb, &[0; 18])).unwrap();
        assert_eq!(s.rows, [0, 1, 2]);
        assert_eq!(s.spans, [[0, 3], [0, 3]]);
    }
}
