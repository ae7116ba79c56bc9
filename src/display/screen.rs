//! [`Screen`]: VRAM as a [`Frame`], and putting it to the display (calculator only).
use core::convert::Infallible;

use embedded_graphics_core::Pixel;
use embedded_graphics_core::draw_target::DrawTarget;
use embedded_graphics_core::geometry::{OriginDimensions, Size};
use embedded_graphics_core::primitives::Rectangle;

use super::{Frame, HEIGHT, PIXELS, Rgb565};
use crate::sys;

/// Set while a [`Screen`] exists, so VRAM is never borrowed mutably twice.
static TAKEN: crate::sync::Flag = crate::sync::Flag::new();

/// The calculator's VRAM and display. Draw into it with `embedded-graphics`
/// (`shape.draw(&mut screen)`: it is a `DrawTarget`, drawing as its [`Frame`] does) or
/// through the [`Frame`] it derefs to, then call [`update`](Screen::update) or
/// [`update_rows`](Screen::update_rows).
///
/// Each `DrawTarget` type gets its own copy of the generic `embedded-graphics` code:
/// an add-in that draws through both the screen and a [`Frame`] (the panic screen
/// draws through a `Frame`) carries both (CGlock measured 5 KB; it draws through
/// `&mut *screen`).
///
/// Note that the OS's `GetKey` also puts VRAM to the display.
pub struct Screen {
    frame: Frame<'static>,
}

impl Screen {
    /// The screen, or `None` if another `Screen` exists.
    pub fn take() -> Option<Screen> {
        if !TAKEN.try_set() {
            return None;
        }
        // SAFETY: TAKEN guarantees this is the only live borrow made through `take`.
        Some(Screen {
            frame: unsafe { vram() },
        })
    }

    /// Puts all of VRAM to the display.
    pub fn update(&self) {
        // SAFETY: no arguments; the OS reads VRAM.
        unsafe { sys::display::Bdisp_PutDisp_DD() }
    }

    /// Puts rows `y1..=y2` of VRAM to the display (clamped to the screen).
    pub fn update_rows(&self, y1: usize, y2: usize) {
        let y2 = y2.min(HEIGHT - 1);
        if y1 <= y2 {
            // SAFETY: rows are within 0..HEIGHT.
            unsafe { sys::display::Bdisp_PutDisp_DD_stripe(y1 as i32, y2 as i32) }
        }
    }

    /// Sets the border around the 384x216 area (the panel is 396x224).
    pub fn set_border(&self, color: super::Rgb565) {
        // SAFETY: plain value arguments.
        unsafe { sys::display::FrameColor(1, super::to_raw(color)) };
        // SAFETY: plain value argument.
        unsafe { sys::display::DrawFrame(i32::from(super::to_raw(color))) }
    }
}

impl Drop for Screen {
    fn drop(&mut self) {
        TAKEN.clear();
    }
}

impl core::ops::Deref for Screen {
    type Target = Frame<'static>;
    fn deref(&self) -> &Frame<'static> {
        &self.frame
    }
}

impl core::ops::DerefMut for Screen {
    fn deref_mut(&mut self) -> &mut Frame<'static> {
        &mut self.frame
    }
}

impl OriginDimensions for Screen {
    fn size(&self) -> Size {
        self.frame.size()
    }
}

/// Draws into VRAM exactly as [`Frame`] does (each method hands on to it).
impl DrawTarget for Screen {
    type Color = Rgb565;
    type Error = Infallible;

    fn draw_iter<I>(&mut self, pixels: I) -> Result<(), Infallible>
    where
        I: IntoIterator<Item = Pixel<Rgb565>>,
    {
        self.frame.draw_iter(pixels)
    }

    fn fill_contiguous<I>(&mut self, area: &Rectangle, colors: I) -> Result<(), Infallible>
    where
        I: IntoIterator<Item = Rgb565>,
    {
        self.frame.fill_contiguous(area, colors)
    }

    fn fill_solid(&mut self, area: &Rectangle, color: Rgb565) -> Result<(), Infallible> {
        self.frame.fill_solid(area, color)
    }

    fn clear(&mut self, color: Rgb565) -> Result<(), Infallible> {
        self.frame.clear(color)
    }
}

/// VRAM as a frame, found through `GetVRAMAddress` (its address differs between the
/// fx-CG10/20 and the fx-CG50).
///
/// # Safety
/// The caller must make sure no other reference to VRAM is used while the frame lives
/// (the panic screen uses this after the add-in has stopped).
pub unsafe fn vram() -> Frame<'static> {
    // SAFETY: the OS returns the address of its 384x216x2-byte VRAM, 4-byte aligned.
    let px = unsafe {
        core::slice::from_raw_parts_mut(sys::display::GetVRAMAddress() as *mut u16, PIXELS)
    };
    Frame::new(px).expect("VRAM has PIXELS words")
}
