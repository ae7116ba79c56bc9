//! RGB565 colours: conversion to and from the 16-bit words of VRAM.
use embedded_graphics_core::pixelcolor::{
    Rgb565,
    raw::{RawData, RawU16},
};

/// The VRAM word of a colour (red in the top 5 bits, blue in the low 5).
#[inline]
pub fn to_raw(c: Rgb565) -> u16 {
    RawU16::from(c).into_inner()
}

/// The colour of a VRAM word.
#[inline]
pub fn from_raw(raw: u16) -> Rgb565 {
    Rgb565::from(RawU16::new(raw))
}

/// Colours of the OS (values of libfxcg's `COLOR_*`).
pub mod colors {
    use super::Rgb565;
    /// Makes a colour from its VRAM word.
    const fn c(raw: u16) -> Rgb565 {
        Rgb565::new(
            (raw >> 11) as u8,
            ((raw >> 5) & 0x3F) as u8,
            (raw & 0x1F) as u8,
        )
    }
    /// 0x0000.
    pub const BLACK: Rgb565 = c(0x0000);
    /// 0xFFFF.
    pub const WHITE: Rgb565 = c(0xFFFF);
    /// 0xF800.
    pub const RED: Rgb565 = c(0xF800);
    /// 0x0400 (the OS's green; full green is [`LIME`]).
    pub const GREEN: Rgb565 = c(0x0400);
    /// 0x07E0.
    pub const LIME: Rgb565 = c(0x07E0);
    /// 0x001F.
    pub const BLUE: Rgb565 = c(0x001F);
    /// 0x07FF.
    pub const CYAN: Rgb565 = c(0x07FF);
    /// 0xF81F.
    pub const MAGENTA: Rgb565 = c(0xF81F);
    /// 0xFFE0.
    pub const YELLOW: Rgb565 = c(0xFFE0);
    /// 0xFD20.
    pub const ORANGE: Rgb565 = c(0xFD20);
    /// 0x8410.
    pub const GRAY: Rgb565 = c(0x8410);
    /// 0xD69A.
    pub const LIGHT_GRAY: Rgb565 = c(0xD69A);
    /// 0xAD55.
    pub const DARK_GRAY: Rgb565 = c(0xAD55);
    /// 0x0010.
    pub const NAVY: Rgb565 = c(0x0010);
}

#[cfg(test)]
mod tests {
    use super::*;
    use embedded_graphics_core::pixelcolor::{Rgb888, RgbColor};

    #[test]
    fn raw_round_trip_all_values() {
        for raw in 0..=u16::MAX {
            assert_eq!(to_raw(from_raw(raw)), raw);
        }
    }

    #[test]
    fn channels_are_where_vram_puts_them() {
        assert_eq!(to_raw(Rgb565::RED), 0xF800);
        assert_eq!(to_raw(Rgb565::GREEN), 0x07E0);
        assert_eq!(to_raw(Rgb565::BLUE), 0x001F);
        assert_eq!(to_raw(colors::ORANGE), 0xFD20);
        assert_eq!(to_raw(colors::GREEN), 0x0400);
        #[allow(clippy::unusual_byte_groupings)] // the RGB565 fields: 5, 6, 5 bits
        let c = from_raw(0b10101_110011_01110);
        assert_eq!((c.r(), c.g(), c.b()), (0b10101, 0b110011, 0b01110));
    }

    #[test]
    fn from_rgb888_scales_channels() {
        let c: Rgb565 = Rgb888::new(0xFF, 0x80, 0x08).into();
        assert_eq!(to_raw(c), (0x1F << 11) | (0x20 << 5) | 0x01);
        let c: Rgb565 = Rgb888::new(0, 0, 0).into();
        assert_eq!(to_raw(c), 0);
    }
}
