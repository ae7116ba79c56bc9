//! Where things go on the 384x216 screen (the add-in hides the status area).

use crate::board::{COLUMNS, VISIBLE_ROWS};

/// Screen width.
pub const SCREEN_W: i32 = 384;
/// Screen height.
pub const SCREEN_H: i32 = 216;
/// Side of a cell (and of the block sprites) in pixels.
pub const CELL: i32 = 10;
/// Top-left pixel of the well's visible cells.
pub const WELL_X: i32 = (SCREEN_W - COLUMNS as i32 * CELL) / 2;
/// Top of the well.
pub const WELL_Y: i32 = 8;
/// Width of the well in pixels.
pub const WELL_W: i32 = COLUMNS as i32 * CELL;
/// Height of the well in pixels.
pub const WELL_H: i32 = VISIBLE_ROWS as i32 * CELL;
/// Width of the frame around the well.
pub const BORDER: i32 = 3;
/// Left panel (score, best, lines, level): its left edge and width.
pub const PANEL_X: i32 = 16;
/// Width of the left panel.
pub const PANEL_W: i32 = WELL_X - BORDER - 2 * PANEL_X;
/// The next piece's box: top-left corner and side.
pub const NEXT_X: i32 = WELL_X + WELL_W + BORDER + 24;
/// Top of the next piece's box.
pub const NEXT_Y: i32 = 40;
/// Side of the next piece's box (a 4x4 cell box and a margin).
pub const NEXT_SIDE: i32 = 4 * CELL + 2 * CELL;

/// The top-left pixel of visible cell (`x`, `row`), `row` counted in board rows
/// (hidden rows above the well give negative pixels' rows).
pub fn cell_origin(x: i8, row: i8) -> (i32, i32) {
    (
        WELL_X + i32::from(x) * CELL,
        WELL_Y + (i32::from(row) - crate::board::HIDDEN_ROWS as i32) * CELL,
    )
}

// Everything fits on the screen (checked when compiling): the panel left of the well,
// the well with its frame, the next piece's box, and 8 digits of 12 pixels in the panel.
const _: () = assert!(WELL_X - BORDER >= PANEL_X + PANEL_W);
const _: () = assert!(WELL_Y - BORDER >= 0 && WELL_Y + WELL_H + BORDER <= SCREEN_H);
const _: () = assert!(NEXT_X + NEXT_SIDE <= SCREEN_W && NEXT_Y + NEXT_SIDE <= SCREEN_H);
const _: () = assert!(PANEL_W >= 8 * 12);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_map_to_the_well() {
        assert_eq!(cell_origin(0, 2), (WELL_X, WELL_Y));
        assert_eq!(
            cell_origin(9, 21),
            (WELL_X + WELL_W - CELL, WELL_Y + WELL_H - CELL)
        );
        assert!(
            cell_origin(0, 1).1 < WELL_Y,
            "hidden rows are above the well"
        );
    }
}
