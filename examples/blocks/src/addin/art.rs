//! The pictures and fonts, converted from the PNG files in `assets/` at build time.

use blocks::Kind;
use prizm::display::{MonoFont1bpp, Sprite};

/// The blocks, one 10x10 tile per kind, in [`Kind::ALL`] order.
static BLOCKS: [Sprite<'static>; 7] = [
    prizm::include_image!("assets/block_i.png"),
    prizm::include_image!("assets/block_o.png"),
    prizm::include_image!("assets/block_t.png"),
    prizm::include_image!("assets/block_s.png"),
    prizm::include_image!("assets/block_z.png"),
    prizm::include_image!("assets/block_j.png"),
    prizm::include_image!("assets/block_l.png"),
];

/// The landing place: a dotted outline, transparent inside.
pub static GHOST: Sprite<'static> = prizm::include_image!("assets/ghost.png");

/// "BLOCKS" in blocks, on a transparent background.
pub static LOGO: Sprite<'static> = prizm::include_image!("assets/logo.png");

/// Capitals, digits and `:!-.`, 10x14 in 12x16 cells.
pub static BIG: MonoFont1bpp<'static> =
    prizm::include_font!("assets/font.png", width = 12, height = 16, first = ' ');

/// The same, 5x7 in 6x8 cells.
pub static SMALL: MonoFont1bpp<'static> =
    prizm::include_font!("assets/small.png", width = 6, height = 8, first = ' ');

/// The tile of `kind`.
pub fn block(kind: Kind) -> &'static Sprite<'static> {
    &BLOCKS[kind.index()]
}
