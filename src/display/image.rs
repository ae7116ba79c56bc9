//! [`Image565`]: raw RGB565 pictures, drawn with `embedded-graphics`.
use embedded_graphics_core::{
    draw_target::DrawTarget,
    geometry::{OriginDimensions, Size},
    image::ImageDrawable,
    pixelcolor::Rgb565,
    primitives::Rectangle,
};

use super::from_raw;

/// A picture of `width` x `height` RGB565 pixels stored as big-endian byte pairs,
/// row-major: the layout of VRAM and of the .g3a icons, e.g. embedded with
/// `include_bytes!`. For a PNG, use [`include_image!`](crate::include_image), which
/// converts it at build time (to a [`Sprite`](super::Sprite), transparency included).
///
/// Draw it with `embedded_graphics::image::Image::new(&img, point).draw(&mut frame)`.
#[derive(Clone, Copy, Debug)]
pub struct Image565<'a> {
    width: u32,
    height: u32,
    data: &'a [u8],
}

impl<'a> Image565<'a> {
    /// Wraps `data`; panics (at compile time in a `const`) unless it holds exactly
    /// `width * height * 2` bytes.
    pub const fn from_be_bytes(width: u32, height: u32, data: &'a [u8]) -> Self {
        assert!(
            data.len() == width as usize * height as usize * 2,
            "RGB565 data size is not width * height * 2"
        );
        Image565 {
            width,
            height,
            data,
        }
    }

    /// The raw word of pixel (x, y), row-major; panics outside the picture.
    pub fn raw(&self, x: u32, y: u32) -> u16 {
        assert!(x < self.width && y < self.height);
        let i = 2 * (y * self.width + x) as usize;
        u16::from_be_bytes([self.data[i], self.data[i + 1]])
    }

    /// The pixels, row-major.
    pub fn colors(&self) -> impl Iterator<Item = Rgb565> + '_ {
        self.data
            .chunks_exact(2)
            .map(|p| from_raw(u16::from_be_bytes([p[0], p[1]])))
    }
}

impl OriginDimensions for Image565<'_> {
    fn size(&self) -> Size {
        Size::new(self.width, self.height)
    }
}

impl ImageDrawable for Image565<'_> {
    type Color = Rgb565;

    fn draw<D: DrawTarget<Color = Rgb565>>(&self, target: &mut D) -> Result<(), D::Error> {
        target.fill_contiguous(&self.bounding_box(), self.colors())
    }

    fn draw_sub_image<D: DrawTarget<Color = Rgb565>>(
        &self,
        target: &mut D,
        area: &Rectangle,
    ) -> Result<(), D::Error> {
        let area = area.intersection(&self.bounding_box());
        let Some(br) = area.bottom_right() else {
            return Ok(());
        };
        let (x0, y0) = (area.top_left.x as u32, area.top_left.y as u32);
        let colors = (y0..=br.y as u32)
            .flat_map(move |y| (x0..=br.x as u32).map(move |x| from_raw(self.raw(x, y))));
        target.fill_contiguous(
            &Rectangle::new(embedded_graphics_core::geometry::Point::zero(), area.size),
            colors,
        )
    }
}

use embedded_graphics_core::geometry::Dimensions;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::display::{Frame, PIXELS, WIDTH, to_raw};
    use embedded_graphics::{image::Image, prelude::*};
    extern crate std;
    use std::vec;

    const DATA: [u8; 12] = [
        0xF8, 0x00, 0x07, 0xE0, 0x00, 0x1F, 0xFF, 0xFF, 0x00, 0x00, 0x12, 0x34,
    ];
    const IMG: Image565 = Image565::from_be_bytes(3, 2, &DATA);

    #[test]
    fn reads_big_endian_pairs() {
        assert_eq!(IMG.raw(0, 0), 0xF800);
        assert_eq!(IMG.raw(2, 1), 0x1234);
        assert_eq!(
            IMG.colors().map(to_raw).collect::<std::vec::Vec<_>>(),
            [0xF800, 0x07E0, 0x001F, 0xFFFF, 0, 0x1234]
        );
    }

    #[test]
    fn draws_at_a_point_and_clips() {
        let mut buf = vec![0u16; PIXELS];
        let mut f = Frame::new(&mut buf).unwrap();
        Image::new(&IMG, Point::new(10, 20)).draw(&mut f).unwrap();
        Image::new(&IMG, Point::new(-1, -1)).draw(&mut f).unwrap();
        assert_eq!(buf[20 * WIDTH + 10], 0xF800);
        assert_eq!(buf[21 * WIDTH + 12], 0x1234);
        // Only the bottom-right 2x1 of the second copy is visible.
        assert_eq!(&buf[0..3], &[0x0000, 0x1234, 0]);
    }

    #[test]
    fn sub_image() {
        let mut buf = vec![0u16; PIXELS];
        let mut f = Frame::new(&mut buf).unwrap();
        let sub = IMG.sub_image(&Rectangle::new(Point::new(1, 0), Size::new(2, 2)));
        Image::new(&sub, Point::zero()).draw(&mut f).unwrap();
        assert_eq!(&buf[0..3], &[0x07E0, 0x001F, 0]);
        assert_eq!(&buf[WIDTH..WIDTH + 2], &[0x0000, 0x1234]);
    }
}
