//! The screen: a 384x216 RGB565 frame buffer you draw into with `embedded-graphics`,
//! then put to the display.
//!
//! - [`Frame`] is a [`DrawTarget`](embedded_graphics_core::draw_target::DrawTarget)
//!   over any `&mut [u16]` of [`WIDTH`] x [`HEIGHT`] pixels: VRAM on the calculator, a
//!   `Vec` on the PC (so drawing code is testable on the host).
//! - [`Screen`] (calculator only) owns VRAM, found through `GetVRAMAddress`, and puts it
//!   to the display, whole or by rows; [`status`] controls the status area.
//! - [`os_text`] (calculator only) prints with the OS fonts; [`layout`] wraps text.
//! - [`Sprite`] holds a picture with transparency, made from a PNG at build time by
//!   [`include_image!`](crate::include_image) and drawn by [`Frame::draw_sprite`];
//!   [`include_font!`](crate::include_font) makes a [`MonoFont1bpp`] from a BDF file or a
//!   PNG glyph sheet; [`Image565`] holds raw RGB565 pictures (e.g. from `include_bytes!`).

mod color;
mod font;
mod frame;
mod image;
pub mod layout;
pub mod os_string;
#[cfg(any(doc, prizm))]
#[cfg_attr(doc, doc(cfg(prizm)))]
pub mod os_text;
#[cfg(any(doc, prizm))]
mod screen;
mod sprite;
#[cfg(any(doc, prizm))]
#[cfg_attr(doc, doc(cfg(prizm)))]
pub mod status;
mod status_items;
mod text_mode;

pub use color::{colors, from_raw, to_raw};
pub use embedded_graphics_core::pixelcolor::Rgb565;
pub use frame::{Frame, MonoFont1bpp};
pub use image::Image565;
#[cfg(any(doc, prizm))]
#[cfg_attr(doc, doc(cfg(prizm)))]
pub use screen::{Screen, vram as screen_vram};
pub use sprite::{Aligned4, Span, Sprite};
pub use status_items::StatusItems;
pub use text_mode::TextMode;

/// Width of the drawable area in pixels (`prizm_abi::screen`).
pub const WIDTH: usize = crate::abi::screen::WIDTH as usize;
/// Height of the drawable area in pixels (the status area is its top 24 rows).
pub const HEIGHT: usize = crate::abi::screen::HEIGHT as usize;
/// Pixels in a frame.
pub const PIXELS: usize = WIDTH * HEIGHT;
/// Height of the OS status area at the top of the screen.
pub const STATUS_AREA_HEIGHT: usize = crate::abi::screen::STATUS_AREA_HEIGHT as usize;
