//! BDF files and PNG glyph sheets to a monospace 1-bit font (the SDK's `MonoFont1bpp`).

use proc_macro2::TokenStream as Tokens;
use quote::quote;
use syn::Lit;

use g3a::png_rgba;

/// A converted font: glyphs of `width` x `height` for characters `first..`, each
/// `height` rows of `stride` bytes (most significant bit = leftmost pixel).
#[derive(Debug, PartialEq)]
pub struct MonoFont {
    /// Glyph width in pixels.
    pub width: u32,
    /// Glyph height in pixels.
    pub height: u32,
    /// Bytes per glyph row.
    pub stride: usize,
    /// The character of the first glyph.
    pub first: u8,
    /// The glyphs, one after the other.
    pub bits: Vec<u8>,
}

/// The options of `include_font!`: the cell size of a PNG sheet and its first character.
#[derive(Debug, Default)]
pub struct Options {
    width: Option<u32>,
    height: Option<u32>,
    first: Option<u8>,
    span: Option<proc_macro2::Span>,
}

impl Options {
    /// Reads `width = N`, `height = N`, `first = 'c'` (or a number).
    pub fn parse(opts: &[crate::Opt]) -> syn::Result<Options> {
        let mut o = Options::default();
        for opt in opts {
            o.span.get_or_insert(opt.key.span());
            let int = |max: u32| -> syn::Result<u32> {
                let v = match &opt.value {
                    Lit::Int(i) => i.base10_parse::<u32>()?,
                    Lit::Char(c) if opt.key == "first" => c.value() as u32,
                    _ => {
                        return Err(syn::Error::new(opt.key.span(), "expected a number"));
                    }
                };
                if v == 0 && opt.key != "first" || v > max {
                    return Err(syn::Error::new(
                        opt.key.span(),
                        format!("{} must be in 1..={max}", opt.key),
                    ));
                }
                Ok(v)
            };
            match opt.key.to_string().as_str() {
                "width" => o.width = Some(int(256)?),
                "height" => o.height = Some(int(256)?),
                "first" => o.first = Some(int(255)? as u8),
                k => {
                    return Err(syn::Error::new(
                        opt.key.span(),
                        format!("unknown option `{k}` (width, height, first)"),
                    ));
                }
            }
        }
        Ok(o)
    }

    /// An error if any option was given (a BDF file says its own sizes).
    pub fn bdf_only(&self) -> syn::Result<()> {
        match self.span {
            Some(s) => Err(syn::Error::new(
                s,
                "a BDF file gives its own glyph size and characters: no options",
            )),
            None => Ok(()),
        }
    }
}

impl MonoFont {
    /// Cuts a PNG sheet into `width` x `height` cells, left to right then top to bottom,
    /// for the consecutive characters from `first` (default `' '`). A pixel is set when
    /// it is opaque (alpha >= 128) in a sheet with transparent pixels, and when it is
    /// dark (luma < 128) in a sheet without: ink on a transparent or a light background.
    pub fn from_png_sheet(bytes: &[u8], opts: &Options) -> Result<MonoFont, String> {
        let (Some(w), Some(h)) = (opts.width, opts.height) else {
            return Err("the PNG glyph sheet needs the cell size: width = N, height = N".into());
        };
        let img = png_rgba::decode(bytes)?;
        if img.width % w != 0 || img.height % h != 0 {
            return Err(format!(
                "the sheet is {}x{}, not a whole number of {w}x{h} cells",
                img.width, img.height
            ));
        }
        let first = opts.first.unwrap_or(b' ');
        let (cols, rows) = (img.width / w, img.height / h);
        let count = (cols * rows).min(256 - u32::from(first));
        let transparent = img.px.iter().any(|p| p[3] < 128);
        let on = |p: [u8; 4]| {
            if transparent {
                p[3] >= 128
            } else {
                // ITU-R BT.601 luma.
                299 * u32::from(p[0]) + 587 * u32::from(p[1]) + 114 * u32::from(p[2]) < 128 * 1000
            }
        };
        let stride = w.div_ceil(8) as usize;
        let mut bits = vec![0u8; count as usize * h as usize * stride];
        for g in 0..count {
            let (cx, cy) = ((g % cols) * w, (g / cols) * h);
            for y in 0..h {
                for x in 0..w {
                    let p = img.px[((cy + y) * img.width + cx + x) as usize];
                    if on(p) {
                        let row = (g * h + y) as usize * stride;
                        bits[row + x as usize / 8] |= 0x80 >> (x % 8);
                    }
                }
            }
        }
        Ok(MonoFont {
            width: w,
            height: h,
            stride,
            first,
            bits,
        })
    }

    /// Reads a BDF (Glyph Bitmap Distribution Format 2.1) font: every glyph of encoding
    /// 0..=255 drawn into a cell of the font's bounding box (`FONTBOUNDINGBOX`) at its
    /// own offset (`BBX`); characters from the lowest to the highest encoding, those
    /// missing in between blank. A proportional font becomes monospace at the bounding
    /// box's width.
    pub fn from_bdf(text: &str) -> Result<MonoFont, String> {
        let mut lines = text.lines().enumerate().map(|(i, l)| (i + 1, l.trim()));
        let bad = |n: usize, what: &str| format!("line {n}: {what}");
        let mut bbox: Option<[i32; 4]> = None;
        let mut glyphs: Vec<(u8, [i32; 4], Vec<u32>)> = Vec::new();
        if !lines
            .next()
            .is_some_and(|(_, l)| l.starts_with("STARTFONT"))
        {
            return Err("not a BDF file (no STARTFONT on the first line)".into());
        }
        let mut ended = false;
        while let Some((n, line)) = lines.next() {
            let mut words = line.split_whitespace();
            match words.next() {
                Some("FONTBOUNDINGBOX") => bbox = Some(ints(words, n)?),
                Some("STARTCHAR") => {
                    let (mut enc, mut bbx) = (None, None);
                    let mut rows = Vec::new();
                    loop {
                        let (n, line) = lines.next().ok_or_else(|| bad(n, "no ENDCHAR"))?;
                        let mut w = line.split_whitespace();
                        match w.next() {
                            Some("ENCODING") => {
                                let [e] = ints::<1>(w, n)?;
                                enc = Some(e);
                            }
                            Some("BBX") => bbx = Some(ints::<4>(w, n)?),
                            Some("BITMAP") => {
                                let [bw, bh, ..] =
                                    bbx.ok_or_else(|| bad(n, "BITMAP before BBX"))?;
                                let bytes = (bw.max(0) as usize).div_ceil(8);
                                if bytes > 4 {
                                    return Err(bad(n, "glyphs wider than 32 pixels"));
                                }
                                for _ in 0..bh.max(0) {
                                    let (n, hex) =
                                        lines.next().ok_or_else(|| bad(n, "bitmap cut short"))?;
                                    let v = u32::from_str_radix(hex, 16)
                                        .ok()
                                        .filter(|_| hex.len() == 2 * bytes)
                                        .ok_or_else(|| {
                                            bad(n, &format!("expected {bytes} hex bytes"))
                                        })?;
                                    // Left-align the row in 32 bits.
                                    rows.push(v << (32 - 8 * bytes));
                                }
                            }
                            Some("ENDCHAR") => break,
                            _ => {}
                        }
                    }
                    let e = enc.ok_or_else(|| bad(n, "a glyph without ENCODING"))?;
                    let bbx = bbx.ok_or_else(|| bad(n, "a glyph without BBX"))?;
                    if let Ok(e) = u8::try_from(e) {
                        glyphs.push((e, bbx, rows));
                    }
                }
                Some("ENDFONT") => {
                    ended = true;
                    break;
                }
                _ => {}
            }
        }
        if !ended {
            return Err("no ENDFONT".into());
        }
        let [fw, fh, fx, fy] = bbox.ok_or("no FONTBOUNDINGBOX")?;
        if !(1..=32).contains(&fw) || !(1..=256).contains(&fh) {
            return Err(format!(
                "FONTBOUNDINGBOX {fw}x{fh}: at most 32x256 supported"
            ));
        }
        let first = glyphs
            .iter()
            .map(|g| g.0)
            .min()
            .ok_or("no glyph of encoding 0..=255")?;
        let last = glyphs.iter().map(|g| g.0).max().unwrap_or(first);
        let stride = (fw as usize).div_ceil(8);
        let per = fh as usize * stride;
        let mut bits = vec![0u8; (usize::from(last - first) + 1) * per];
        for (e, [bw, bh, bx, by], rows) in glyphs {
            let (col, top) = (bx - fx, (fh + fy) - (by + bh));
            if col < 0 || top < 0 || col + bw > fw || top + bh > fh {
                return Err(format!(
                    "glyph {e} (BBX {bw} {bh} {bx} {by}) lies outside FONTBOUNDINGBOX"
                ));
            }
            let base = usize::from(e - first) * per;
            for (r, v) in rows.iter().enumerate() {
                let v = v.checked_shr(col as u32).unwrap_or(0);
                let row = base + (top as usize + r) * stride;
                for (i, b) in bits[row..row + stride].iter_mut().enumerate() {
                    *b |= (v >> (24 - 8 * i)) as u8;
                }
            }
        }
        Ok(MonoFont {
            width: fw as u32,
            height: fh as u32,
            stride,
            first,
            bits,
        })
    }

    /// The `MonoFont1bpp` expression (`krate` is the path of the `prizm` crate).
    pub fn tokens(&self, krate: &Tokens, path: &std::path::Path) -> Tokens {
        let track = crate::track(path);
        let (w, h, stride, first) = (self.width, self.height, self.stride, self.first);
        let bits = &self.bits;
        let n = bits.len();
        quote! {{
            #track
            static BITS: [u8; #n] = [#(#bits),*];
            #krate::display::MonoFont1bpp {
                bits: &BITS,
                width: #w,
                height: #h,
                stride: #stride,
                first: #first,
            }
        }}
    }
}

/// `N` integers from the rest of line `n`.
fn ints<'a, const N: usize>(
    mut words: impl Iterator<Item = &'a str>,
    n: usize,
) -> Result<[i32; N], String> {
    let mut out = [0; N];
    for v in &mut out {
        *v = words
            .next()
            .and_then(|w| w.parse().ok())
            .ok_or_else(|| format!("line {n}: expected {N} integers"))?;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use g3a::png_rgba::encode_for_tests as encode;

    fn opts(w: u32, h: u32, first: Option<u8>) -> Options {
        Options {
            width: Some(w),
            height: Some(h),
            first,
            span: None,
        }
    }

    /// A 2-glyph BDF: 'A' at its cell's origin and '!' shifted right and up.
    const BDF: &str = "STARTFONT 2.1
FONT -test-5x6
SIZE 6 75 75
FONTBOUNDINGBOX 5 6 0 -1
CHARS 3
STARTCHAR exclam
ENCODING 33
DWIDTH 5 0
BBX 1 4 2 1
BITMAP
80
80
00
80
ENDCHAR
STARTCHAR A
ENCODING 35
BBX 5 6 0 -1
BITMAP
20
50
88
F8
88
88
ENDCHAR
STARTCHAR euro
ENCODING 8364
BBX 1 1 0 0
BITMAP
80
ENDCHAR
ENDFONT
";

    #[test]
    fn bdf_glyphs_sit_at_their_offsets_in_the_cell() {
        let f = MonoFont::from_bdf(BDF).unwrap();
        assert_eq!((f.width, f.height, f.stride, f.first), (5, 6, 1, b'!'));
        // '!', '"' (missing: blank), '#'; encoding 8364 is left out.
        assert_eq!(f.bits.len(), 3 * 6);
        // BBX 1x4 at (2, 1) in a box from y = -1: rows 0..4 of the cell, column 2.
        assert_eq!(&f.bits[0..6], &[0x20, 0x20, 0x00, 0x20, 0x00, 0x00]);
        assert_eq!(&f.bits[6..12], &[0; 6]);
        assert_eq!(&f.bits[12..18], &[0x20, 0x50, 0x88, 0xF8, 0x88, 0x88]);
    }

    #[test]
    fn bad_bdf_is_an_error_with_a_line() {
        assert!(
            MonoFont::from_bdf("hello")
                .unwrap_err()
                .contains("STARTFONT")
        );
        let cut = BDF.replace("F8\n", "");
        let e = MonoFont::from_bdf(&cut).unwrap_err();
        assert!(e.contains("hex bytes"), "{e}");
        let outside = BDF.replace("BBX 1 4 2 1", "BBX 1 4 5 1");
        let e = MonoFont::from_bdf(&outside).unwrap_err();
        assert!(e.contains("outside FONTBOUNDINGBOX"), "{e}");
        let e = MonoFont::from_bdf(&BDF.replace("ENDFONT", "")).unwrap_err();
        assert!(e.contains("ENDFONT"), "{e}");
    }

    #[test]
    fn sheet_cells_become_glyphs() {
        // A 6x2 sheet of three 2x2 cells in grey, black ink on white.
        #[rustfmt::skip]
        let grey = [
            0, 255,   255, 255,   0, 0,
            255, 0,   255, 255,   0, 0,
        ];
        let png = encode(6, 2, png::ColorType::Grayscale, &grey);
        let f = MonoFont::from_png_sheet(&png, &opts(2, 2, Some(b'a'))).unwrap();
        assert_eq!((f.width, f.height, f.stride, f.first), (2, 2, 1, b'a'));
        assert_eq!(f.bits, [0x80, 0x40, 0, 0, 0xC0, 0xC0]);
        // With transparency, opacity decides, whatever the colour.
        let rgba: Vec<u8> = [255, 0, 0, 255]
            .iter()
            .flat_map(|&a| [255, 255, 255, a])
            .collect();
        let png = encode(2, 2, png::ColorType::Rgba, &rgba);
        let f = MonoFont::from_png_sheet(&png, &opts(2, 2, None)).unwrap();
        assert_eq!((f.first, f.bits.as_slice()), (b' ', &[0x80, 0x40][..]));
    }

    #[test]
    fn a_sheet_of_the_wrong_size_is_an_error() {
        let png = encode(5, 2, png::ColorType::Grayscale, &[0; 10]);
        let e = MonoFont::from_png_sheet(&png, &opts(2, 2, None)).unwrap_err();
        assert!(e.contains("whole number"), "{e}");
        let e = MonoFont::from_png_sheet(&png, &Options::default()).unwrap_err();
        assert!(e.contains("cell size"), "{e}");
    }
}
