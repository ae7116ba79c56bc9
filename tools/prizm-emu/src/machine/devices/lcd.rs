//! The LCD panel, as far as add-ins see it: the 384x216 area that the OS's VRAM and
//! display calls use (the panel's 396x224 border is not modelled), and a count of the
//! frames put on it.

/// Width of the area shown, in pixels.
pub const LCD_WIDTH: usize = 384;
/// Height of the area shown, in pixels.
pub const LCD_HEIGHT: usize = 216;

/// What the panel shows.
#[derive(Clone, Debug)]
pub struct Lcd {
    /// RGB565 pixels, row by row.
    pub pixels: Vec<u16>,
    /// Frames put on the panel so far.
    pub frames: u64,
}

impl Default for Lcd {
    /// A white panel (as the OS leaves it when it starts an add-in).
    fn default() -> Self {
        Lcd {
            pixels: vec![0xFFFF; LCD_WIDTH * LCD_HEIGHT],
            frames: 0,
        }
    }
}
