//! The screen as the OS and add-ins use it: the 384 x 216 area of RGB565 pixels, its
//! status area, and the OS's text grid. Sources in docs/hardware.md ("VRAM format",
//! "Status area", "Text screen").

/// Width of the area the OS and add-ins draw, in pixels ([LFX-disp] `LCD_WIDTH_PX`).
pub const WIDTH: u32 = 384;
/// Height of that area, in pixels ([LFX-disp] `LCD_HEIGHT_PX`).
pub const HEIGHT: u32 = 216;
/// Height of the OS status area at the top of the screen ([UT-img]; unverified).
pub const STATUS_AREA_HEIGHT: u32 = 24;
/// Text cells per row of the OS's `PrintXY`/`locate_OS` grid ([MQ-cw]; unverified).
pub const TEXT_COLUMNS: u32 = 21;
/// Text rows of that grid.
pub const TEXT_ROWS: u32 = 8;

/// The RGB565 word (the format of VRAM, icons and sprites) of a colour given with 8 bits
/// per channel, each channel rounded to the nearest level (as embedded-graphics converts
/// `Rgb888` to `Rgb565`).
///
/// ```
/// use prizm_abi::screen::rgb565;
/// assert_eq!(rgb565(255, 255, 255), 0xFFFF);
/// assert_eq!(rgb565(255, 0, 0), 0xF800);
/// assert_eq!(rgb565(0, 0, 6), 0x0001); // 6/255 is nearer 1/31 than 0
/// ```
pub const fn rgb565(r: u8, g: u8, b: u8) -> u16 {
    const fn scale(v: u8, max: u32) -> u32 {
        (v as u32 * max + 127) / 255
    }
    ((scale(r, 31) << 11) | (scale(g, 63) << 5) | scale(b, 31)) as u16
}

/// The 8-bit red, green and blue of an RGB565 word, each rounded to the nearest 8-bit
/// level (what screenshots and exported icons show); [`rgb565`] turns them back into the
/// same word.
///
/// ```
/// use prizm_abi::screen::{rgb565, rgb888};
/// assert_eq!(rgb888(0xF800), [255, 0, 0]);
/// assert_eq!(rgb888(0x0841), [8, 8, 8]);
/// for c in [0u16, 0x1234, 0xBEEF, 0xFFFF] {
///     let [r, g, b] = rgb888(c);
///     assert_eq!(rgb565(r, g, b), c);
/// }
/// ```
pub const fn rgb888(c: u16) -> [u8; 3] {
    let (r, g, b) = (
        (c >> 11) as u32,
        ((c >> 5) & 0x3F) as u32,
        (c & 0x1F) as u32,
    );
    [
        ((r * 255 + 15) / 31) as u8,
        ((g * 255 + 31) / 63) as u8,
        ((b * 255 + 15) / 31) as u8,
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rgb565_and_rgb888_are_inverse() {
        for c in 0..=u16::MAX {
            let [r, g, b] = rgb888(c);
            assert_eq!(rgb565(r, g, b), c, "{c:#06x}");
        }
    }
}
