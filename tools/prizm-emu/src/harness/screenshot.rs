//! PNG encoding of RGB565 screens.

/// Encodes `width`x`height` RGB565 pixels as an 8-bit RGB PNG.
pub fn png_rgb565(pixels: &[u16], width: u32, height: u32) -> Vec<u8> {
    let mut rgb = Vec::with_capacity(pixels.len() * 3);
    for &p in pixels {
        rgb.extend(prizm_abi::screen::rgb888(p));
    }
    let mut out = Vec::new();
    {
        let mut enc = png::Encoder::new(&mut out, width, height);
        enc.set_color(png::ColorType::Rgb);
        enc.set_depth(png::BitDepth::Eight);
        let mut w = enc.write_header().expect("PNG header");
        w.write_image_data(&rgb).expect("PNG data");
    }
    out
}

/// Decodes a PNG written by [`png_rgb565`] back to RGB888 (for tests).
pub fn decode_png_rgb(bytes: &[u8]) -> Option<(u32, u32, Vec<u8>)> {
    let dec = png::Decoder::new(std::io::Cursor::new(bytes));
    let mut r = dec.read_info().ok()?;
    let mut buf = vec![0; r.output_buffer_size()?];
    let info = r.next_frame(&mut buf).ok()?;
    buf.truncate(info.buffer_size());
    Some((info.width, info.height, buf))
}
