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
