//! Main-menu icons: 92×64 pixels, RGB565 big-endian; PNG import and export, and a
//! built-in default.

use std::path::Path;

use crate::error::G3aError;
use crate::layout::{ICON_BYTES, ICON_HEIGHT, ICON_WIDTH};

/// A 92×64 main-menu icon, row-major RGB565 pixels.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Icon {
    pixels: Vec<u16>,
}

/// RGB565 from 8-bit channels and back, rounded (the one conversion of the SDK, the
/// emulator and `include_image!`).
pub use prizm_abi::screen::{rgb565, rgb888};

impl Icon {
    /// Width of every icon in pixels (92).
    pub const WIDTH: usize = ICON_WIDTH;
    /// Height of every icon in pixels (64).
    pub const HEIGHT: usize = ICON_HEIGHT;

    /// An icon from 92×64 row-major RGB565 pixels; `None` if there are not exactly 5888.
    pub fn from_rgb565(pixels: Vec<u16>) -> Option<Icon> {
        (pixels.len() == ICON_WIDTH * ICON_HEIGHT).then_some(Icon { pixels })
    }

    /// An icon from its 11776 bytes as stored in a `.g3a` file (RGB565 big-endian);
    /// `None` if `bytes` has another length.
    pub fn from_be_bytes(bytes: &[u8]) -> Option<Icon> {
        (bytes.len() == ICON_BYTES).then(|| Icon {
            pixels: bytes
                .chunks_exact(2)
                .map(|p| u16::from_be_bytes([p[0], p[1]]))
                .collect(),
        })
    }

    /// The icon as stored in a `.g3a` file: 11776 bytes, RGB565 big-endian.
    pub fn to_be_bytes(&self) -> Vec<u8> {
        self.pixels.iter().flat_map(|p| p.to_be_bytes()).collect()
    }

    /// The row-major RGB565 pixels.
    pub fn pixels(&self) -> &[u16] {
        &self.pixels
    }

    /// The RGB565 pixel at column `x`, row `y`; panics outside the icon.
    pub fn pixel(&self, x: usize, y: usize) -> u16 {
        assert!(
            x < ICON_WIDTH && y < ICON_HEIGHT,
            "pixel ({x}, {y}) outside the icon"
        );
        self.pixels[y * ICON_WIDTH + x]
    }

    /// The built-in icon for the main menu when the add-in is not selected: a blue
    /// gradient, a white "screen" with a few coloured bars, and a dark border.
    pub fn default_unselected() -> Icon {
        Icon::draw_default(rgb565(0x20, 0x28, 0x40))
    }

    /// The built-in icon for the main menu when the add-in is selected: the unselected
    /// icon with a thick orange border.
    pub fn default_selected() -> Icon {
        Icon::draw_default(rgb565(0xFF, 0x8C, 0x00))
    }

    fn draw_default(border: u16) -> Icon {
        let mut pixels = Vec::with_capacity(ICON_WIDTH * ICON_HEIGHT);
        let bars = [
            rgb565(0xE0, 0x30, 0x30),
            rgb565(0x30, 0xB0, 0x40),
            rgb565(0x30, 0x60, 0xE0),
        ];
        for y in 0..ICON_HEIGHT {
            for x in 0..ICON_WIDTH {
                let edge = x.min(y).min(ICON_WIDTH - 1 - x).min(ICON_HEIGHT - 1 - y);
                let t = (x + y) * 255 / (ICON_WIDTH + ICON_HEIGHT - 2);
                let gradient = rgb565(
                    0x40 + (t / 4) as u8,
                    0x90 + (t / 5) as u8,
                    0xFF - (t / 3) as u8,
                );
                let in_screen = (18..74).contains(&x) && (14..50).contains(&y);
                let on_screen_edge = in_screen && (x == 18 || x == 73 || y == 14 || y == 49);
                let bar = (0..3).find(|&i| {
                    let top = 20 + i * 9;
                    (top..top + 5).contains(&y) && (24..24 + 40 - i * 10).contains(&x)
                });
                pixels.push(if edge < 2 {
                    border
                } else if on_screen_edge {
                    rgb565(0x20, 0x20, 0x30)
                } else if let Some(i) = bar {
                    bars[i]
                } else if in_screen {
                    0xFFFF
                } else {
                    gradient
                });
            }
        }
        Icon { pixels }
    }

    /// The icon as a PNG image (8-bit RGB).
    pub fn to_png(&self) -> Vec<u8> {
        let mut out = Vec::new();
        let mut enc = png::Encoder::new(&mut out, ICON_WIDTH as u32, ICON_HEIGHT as u32);
        enc.set_color(png::ColorType::Rgb);
        enc.set_depth(png::BitDepth::Eight);
        let data: Vec<u8> = self.pixels.iter().flat_map(|&p| rgb888(p)).collect();
        // Writing to a Vec cannot fail, and the header and data sizes agree.
        let mut writer = enc.write_header().expect("PNG header to a Vec");
        writer.write_image_data(&data).expect("PNG data to a Vec");
        drop(writer);
        out
    }
}

/// Reads a 92×64 PNG file as an icon (see [`icon_from_png_bytes`]); errors name the file.
pub fn icon_from_png(path: impl AsRef<Path>) -> Result<Icon, G3aError> {
    let path = path.as_ref();
    let source_name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| G3aError::IconRead {
        source_name: source_name.clone(),
        reason: e.to_string(),
    })?;
    icon_from_png_bytes(&bytes, &source_name)
}

/// Decodes a PNG image of exactly 92×64 pixels as an icon.
///
/// Every PNG colour type is accepted (grey, grey+alpha, RGB, RGBA, palette, any bit
/// depth); transparent pixels are blended over white, the main menu's background.
/// `source_name` names the image in errors.
pub fn icon_from_png_bytes(bytes: &[u8], source_name: &str) -> Result<Icon, G3aError> {
    let img = crate::png_rgba::decode(bytes).map_err(|reason| G3aError::IconRead {
        source_name: source_name.to_string(),
        reason,
    })?;
    if (img.width as usize, img.height as usize) != (ICON_WIDTH, ICON_HEIGHT) {
        return Err(G3aError::IconSize {
            source_name: source_name.to_string(),
            width: img.width,
            height: img.height,
        });
    }
    let pixels = img
        .px
        .iter()
        .map(|&[r, g, b, alpha]| {
            let over_white = |c: u8| {
                ((u16::from(c) * u16::from(alpha) + 255 * (255 - u16::from(alpha))) / 255) as u8
            };
            rgb565(over_white(r), over_white(g), over_white(b))
        })
        .collect();
    Ok(Icon { pixels })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn encode(
        w: u32,
        h: u32,
        color: png::ColorType,
        depth: png::BitDepth,
        data: &[u8],
        palette: Option<&[u8]>,
    ) -> Vec<u8> {
        let mut out = Vec::new();
        let mut enc = png::Encoder::new(&mut out, w, h);
        enc.set_color(color);
        enc.set_depth(depth);
        if let Some(p) = palette {
            enc.set_palette(p.to_vec());
        }
        let mut wr = enc.write_header().unwrap();
        wr.write_image_data(data).unwrap();
        drop(wr);
        out
    }

    const N: usize = ICON_WIDTH * ICON_HEIGHT;

    #[test]
    fn rgb565_conversions() {
        assert_eq!(rgb565(0xFF, 0xFF, 0xFF), 0xFFFF);
        assert_eq!(rgb565(0xFF, 0, 0), 0xF800);
        assert_eq!(rgb565(0, 0xFF, 0), 0x07E0);
        assert_eq!(rgb565(0, 0, 0xFF), 0x001F);
        for c in [0u16, 0xFFFF, 0xF800, 0x07E0, 0x001F, 0x1234] {
            let [r, g, b] = rgb888(c);
            assert_eq!(rgb565(r, g, b), c);
        }
    }

    #[test]
    fn png_colour_types() {
        let w = ICON_WIDTH as u32;
        let h = ICON_HEIGHT as u32;
        let rgb = encode(
            w,
            h,
            png::ColorType::Rgb,
            png::BitDepth::Eight,
            &[0xFF, 0, 0].repeat(N),
            None,
        );
        assert!(
            icon_from_png_bytes(&rgb, "x")
                .unwrap()
                .pixels()
                .iter()
                .all(|&p| p == 0xF800)
        );
        let rgba = encode(
            w,
            h,
            png::ColorType::Rgba,
            png::BitDepth::Eight,
            &[0, 0, 0xFF, 0].repeat(N),
            None,
        );
        // Fully transparent blends to white.
        assert!(
            icon_from_png_bytes(&rgba, "x")
                .unwrap()
                .pixels()
                .iter()
                .all(|&p| p == 0xFFFF)
        );
        let grey = encode(
            w,
            h,
            png::ColorType::Grayscale,
            png::BitDepth::Eight,
            &[0u8].repeat(N),
            None,
        );
        assert!(
            icon_from_png_bytes(&grey, "x")
                .unwrap()
                .pixels()
                .iter()
                .all(|&p| p == 0)
        );
        let grey16 = encode(
            w,
            h,
            png::ColorType::Grayscale,
            png::BitDepth::Sixteen,
            &[0xFFu8].repeat(2 * N),
            None,
        );
        assert!(
            icon_from_png_bytes(&grey16, "x")
                .unwrap()
                .pixels()
                .iter()
                .all(|&p| p == 0xFFFF)
        );
        let ga = encode(
            w,
            h,
            png::ColorType::GrayscaleAlpha,
            png::BitDepth::Eight,
            &[0, 0xFF].repeat(N),
            None,
        );
        assert!(
            icon_from_png_bytes(&ga, "x")
                .unwrap()
                .pixels()
                .iter()
                .all(|&p| p == 0)
        );
        // 1-bit palette: pixel 0 green, pixel 1 blue, alternating by column.
        let row: Vec<u8> = vec![0b0101_0101; ICON_WIDTH.div_ceil(8)];
        let pal = encode(
            w,
            h,
            png::ColorType::Indexed,
            png::BitDepth::One,
            &row.repeat(ICON_HEIGHT),
            Some(&[0, 0xFF, 0, 0, 0, 0xFF]),
        );
        let icon = icon_from_png_bytes(&pal, "x").unwrap();
        assert_eq!(icon.pixel(0, 0), 0x07E0);
        assert_eq!(icon.pixel(1, 5), 0x001F);
        assert_eq!(icon.pixel(91, 63), 0x001F);
    }

    #[test]
    fn png_of_wrong_size_names_file_and_size() {
        let p = encode(
            90,
            64,
            png::ColorType::Rgb,
            png::BitDepth::Eight,
            &[0u8; 90 * 64 * 3],
            None,
        );
        let e = icon_from_png_bytes(&p, "icons/sel.png").unwrap_err();
        assert_eq!(
            e,
            G3aError::IconSize {
                source_name: "icons/sel.png".into(),
                width: 90,
                height: 64
            }
        );
        let msg = e.to_string();
        assert!(
            msg.contains("icons/sel.png") && msg.contains("90x64") && msg.contains("92x64"),
            "{msg}"
        );
    }

    #[test]
    fn not_a_png() {
        let e = icon_from_png_bytes(b"GIF89a", "a.gif").unwrap_err();
        assert!(matches!(e, G3aError::IconRead { .. }));
        assert!(e.to_string().contains("a.gif"));
        let e = icon_from_png("/nonexistent/icon.png").unwrap_err();
        assert!(e.to_string().contains("/nonexistent/icon.png"), "{e}");
    }

    #[test]
    fn default_icons_are_not_blank_and_round_trip_through_png() {
        for icon in [Icon::default_unselected(), Icon::default_selected()] {
            let mut colours = icon.pixels().to_vec();
            colours.sort_unstable();
            colours.dedup();
            assert!(colours.len() > 20, "only {} colours", colours.len());
            assert_eq!(icon_from_png_bytes(&icon.to_png(), "rt").unwrap(), icon);
            assert_eq!(Icon::from_be_bytes(&icon.to_be_bytes()).unwrap(), icon);
        }
        assert_ne!(Icon::default_selected(), Icon::default_unselected());
        assert!(Icon::from_be_bytes(&[0; 10]).is_none());
        assert!(Icon::from_rgb565(vec![0; 10]).is_none());
    }
}
