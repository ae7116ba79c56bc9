//! The well: 10 columns by 22 rows (the top 2 hidden), cells empty or holding the
//! kind of the piece that left them.

use crate::piece::{Kind, Piece};

/// Columns.
pub const COLUMNS: usize = 10;
/// Rows, hidden ones included.
pub const ROWS: usize = 22;
/// Rows above the visible well, where pieces appear.
pub const HIDDEN_ROWS: usize = 2;
/// Visible rows.
pub const VISIBLE_ROWS: usize = ROWS - HIDDEN_ROWS;

/// A bit per row (bit `r` is row `r`), e.g. the full rows.
pub type RowMask = u32;

/// The cells of the well.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Board {
    cells: [[Option<Kind>; COLUMNS]; ROWS],
}

impl Default for Board {
    fn default() -> Self {
        Board {
            cells: [[None; COLUMNS]; ROWS],
        }
    }
}

impl Board {
    /// The cell at (`x`, `y`); `None` when empty. Outside the well: `None`.
    pub fn get(&self, x: i8, y: i8) -> Option<Kind> {
        if !(0..COLUMNS as i8).contains(&x) || !(0..ROWS as i8).contains(&y) {
            return None;
        }
        self.cells[y as usize][x as usize]
    }

    /// Sets a cell (tests and the add-in's demo); cells outside the well are ignored.
    pub fn set(&mut self, x: i8, y: i8, cell: Option<Kind>) {
        if (0..COLUMNS as i8).contains(&x) && (0..ROWS as i8).contains(&y) {
            self.cells[y as usize][x as usize] = cell;
        }
    }

    /// Whether (`x`, `y`) is a wall, the floor, or taken. Above the well is free.
    pub fn blocked(&self, x: i8, y: i8) -> bool {
        if !(0..COLUMNS as i8).contains(&x) || y >= ROWS as i8 {
            return true;
        }
        y >= 0 && self.cells[y as usize][x as usize].is_some()
    }

    /// Whether `piece` fits where it is.
    pub fn fits(&self, piece: &Piece) -> bool {
        piece.cells().iter().all(|&(x, y)| !self.blocked(x, y))
    }

    /// How many rows `piece` can fall before it lands.
    pub fn drop_distance(&self, piece: &Piece) -> i8 {
        let mut d = 0;
        while self.fits(&piece.moved(0, d + 1)) {
            d += 1;
        }
        d
    }

    /// Leaves `piece` in the well; returns whether any of it stays in the hidden rows
    /// (the stack reached the top).
    pub fn lock(&mut self, piece: &Piece) -> bool {
        let mut above = false;
        for (x, y) in piece.cells() {
            self.set(x, y, Some(piece.kind));
            above |= y < HIDDEN_ROWS as i8;
        }
        above
    }

    /// The rows with no empty cell.
    pub fn full_rows(&self) -> RowMask {
        let mut mask = 0;
        for (y, row) in self.cells.iter().enumerate() {
            if row.iter().all(Option::is_some) {
                mask |= 1 << y;
            }
        }
        mask
    }

    /// Removes the rows of `mask`; the rows above fall in their place and empty rows
    /// come in at the top.
    pub fn remove_rows(&mut self, mask: RowMask) {
        let mut to = ROWS;
        for from in (0..ROWS).rev() {
            if mask & (1 << from) != 0 {
                continue;
            }
            to -= 1;
            self.cells[to] = self.cells[from];
        }
        for row in &mut self.cells[..to] {
            *row = [None; COLUMNS];
        }
    }

    /// Height of the stack: rows from the floor to the highest taken cell.
    pub fn stack_height(&self) -> usize {
        self.cells
            .iter()
            .position(|row| row.iter().any(Option::is_some))
            .map_or(0, |top| ROWS - top)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fill_row(b: &mut Board, y: i8, except: Option<i8>) {
        for x in 0..COLUMNS as i8 {
            if Some(x) != except {
                b.set(x, y, Some(Kind::O));
            }
        }
    }

    #[test]
    fn walls_floor_and_sky() {
        let b = Board::default();
        assert!(b.blocked(-1, 5));
        assert!(b.blocked(COLUMNS as i8, 5));
        assert!(b.blocked(3, ROWS as i8));
        assert!(!b.blocked(3, -2), "above the well is open");
        assert!(!b.blocked(0, 0));
    }

    #[test]
    fn a_piece_falls_to_the_floor_or_the_stack() {
        let mut b = Board::default();
        let p = Piece {
            kind: Kind::O,
            rot: 0,
            x: 4,
            y: 0,
        };
        assert_eq!(b.drop_distance(&p), ROWS as i8 - 2);
        b.set(4, 10, Some(Kind::I));
        assert_eq!(b.drop_distance(&p), 8);
    }

    #[test]
    fn full_rows_are_removed_and_the_rest_falls() {
        let mut b = Board::default();
        fill_row(&mut b, 21, None);
        fill_row(&mut b, 20, Some(3));
        fill_row(&mut b, 19, None);
        b.set(7, 18, Some(Kind::T));
        let full = b.full_rows();
        assert_eq!(full, (1 << 21) | (1 << 19));
        b.remove_rows(full);
        assert_eq!(b.full_rows(), 0);
        assert_eq!(b.get(3, 21), None, "the holed row fell to the floor");
        assert_eq!(b.get(0, 21), Some(Kind::O));
        assert_eq!(b.get(7, 20), Some(Kind::T), "the loose cell fell two rows");
        assert_eq!(b.stack_height(), 2);
    }

    #[test]
    fn locking_in_the_hidden_rows_is_reported() {
        let mut b = Board::default();
        let low = Piece {
            kind: Kind::O,
            rot: 0,
            x: 0,
            y: 20,
        };
        assert!(!b.lock(&low));
        let high = Piece {
            kind: Kind::I,
            rot: 0,
            x: 3,
            y: 0,
        };
        assert!(b.lock(&high));
        assert_eq!(b.stack_height(), ROWS - 1);
    }
}
