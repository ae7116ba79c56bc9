//! PNG decoding to 8-bit RGBA, whatever the file's colour type and depth: icons here,
//! and the SDK's `include_image!`/`include_font!` (prizm-macros).

/// A decoded picture: `width` x `height` RGBA pixels, row-major.
pub struct Rgba {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// The pixels, `[r, g, b, a]` each.
    pub px: Vec<[u8; 4]>,
}

/// Decodes `bytes` (palette, grey, grey+alpha, RGB or RGBA, any depth; a `tRNS` chunk
/// becomes alpha) to RGBA with 8 bits per channel.
pub fn decode(bytes: &[u8]) -> Result<Rgba, String> {
    let mut dec = png::Decoder::new(std::io::Cursor::new(bytes));
    dec.set_transformations(png::Transformations::normalize_to_color8());
    let mut reader = dec
        .read_info()
        .map_err(|e| format!("not a valid PNG: {e}"))?;
    let size = reader
        .output_buffer_size()
        .ok_or("the PNG is too large to decode")?;
    let mut buf = vec![0; size];
    let info = reader
        .next_frame(&mut buf)
        .map_err(|e| format!("not a valid PNG: {e}"))?;
    buf.truncate(info.buffer_size());
    let px: Vec<[u8; 4]> = match info.color_type {
        png::ColorType::Rgba => buf
            .chunks_exact(4)
            .map(|p| [p[0], p[1], p[2], p[3]])
            .collect(),
        png::ColorType::Rgb => buf
            .chunks_exact(3)
            .map(|p| [p[0], p[1], p[2], 255])
            .collect(),
        png::ColorType::GrayscaleAlpha => buf
            .chunks_exact(2)
            .map(|p| [p[0], p[0], p[0], p[1]])
            .collect(),
        png::ColorType::Grayscale => buf.iter().map(|&g| [g, g, g, 255]).collect(),
        png::ColorType::Indexed => return Err("palette not expanded".into()),
    };
    if px.len() != info.width as usize * info.height as usize {
        return Err(format!(
            "unsupported PNG layout ({:?}, {:?})",
            info.color_type, info.bit_depth
        ));
    }
    Ok(Rgba {
        width: info.width,
        height: info.height,
        px,
    })
}

/// Encodes 8-bit `data` as a `w` x `h` PNG of `color` (for tests of PNG readers).
#[doc(hidden)]
pub fn encode_for_tests(w: u32, h: u32, color: png::ColorType, data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    {
        let mut e = png::Encoder::new(&mut out, w, h);
        e.set_color(color);
        e.set_depth(png::BitDepth::Eight);
        e.write_header().unwrap().write_image_data(data).unwrap();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::png_rgba::encode_for_tests as encode;

    #[test]
    fn every_colour_type_becomes_rgba() {
        let rgba = decode(&encode(1, 1, png::ColorType::Rgba, &[1, 2, 3, 4])).unwrap();
        assert_eq!(rgba.px, [[1, 2, 3, 4]]);
        let rgb = decode(&encode(2, 1, png::ColorType::Rgb, &[1, 2, 3, 4, 5, 6])).unwrap();
        assert_eq!(rgb.px, [[1, 2, 3, 255], [4, 5, 6, 255]]);
        let ga = decode(&encode(1, 1, png::ColorType::GrayscaleAlpha, &[9, 0])).unwrap();
        assert_eq!(ga.px, [[9, 9, 9, 0]]);
        let g = decode(&encode(1, 2, png::ColorType::Grayscale, &[7, 8])).unwrap();
        assert_eq!((g.width, g.height), (1, 2));
        assert_eq!(g.px, [[7, 7, 7, 255], [8, 8, 8, 255]]);
    }

    #[test]
    fn garbage_is_an_error() {
        let e = decode(b"GIF89a....").err().unwrap();
        assert!(e.contains("not a valid PNG"), "{e}");
    }
}
