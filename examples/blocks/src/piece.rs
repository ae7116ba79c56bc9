//! The seven tetrominoes and their four rotations.

/// A tetromino's shape (and colour).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Four in a row (cyan).
    I,
    /// The 2x2 square (yellow).
    O,
    /// The T (purple).
    T,
    /// S (green).
    S,
    /// Z (red).
    Z,
    /// J (blue).
    J,
    /// L (orange).
    L,
}

impl Kind {
    /// All seven, in [`Kind::index`] order.
    pub const ALL: [Kind; 7] = [
        Kind::I,
        Kind::O,
        Kind::T,
        Kind::S,
        Kind::Z,
        Kind::J,
        Kind::L,
    ];

    /// 0..7, the position in [`Kind::ALL`] (the add-in's tile for the kind).
    pub fn index(self) -> usize {
        self as usize
    }

    /// Side of the square box the shape turns in.
    fn box_size(self) -> i8 {
        match self {
            Kind::I => 4,
            Kind::O => 2,
            _ => 3,
        }
    }

    /// The four cells at rotation 0, (x, y) in the box, y downwards.
    fn spawn_cells(self) -> [(i8, i8); 4] {
        match self {
            Kind::I => [(0, 1), (1, 1), (2, 1), (3, 1)],
            Kind::O => [(0, 0), (1, 0), (0, 1), (1, 1)],
            Kind::T => [(1, 0), (0, 1), (1, 1), (2, 1)],
            Kind::S => [(1, 0), (2, 0), (0, 1), (1, 1)],
            Kind::Z => [(0, 0), (1, 0), (1, 1), (2, 1)],
            Kind::J => [(0, 0), (0, 1), (1, 1), (2, 1)],
            Kind::L => [(2, 0), (0, 1), (1, 1), (2, 1)],
        }
    }

    /// The four cells at rotation `rot` (taken mod 4; each step turns clockwise), (x, y)
    /// in the shape's box.
    pub fn cells(self, rot: u8) -> [(i8, i8); 4] {
        let n = self.box_size();
        let mut cells = self.spawn_cells();
        for _ in 0..rot % 4 {
            for c in &mut cells {
                *c = (n - 1 - c.1, c.0);
            }
        }
        cells
    }
}

/// A piece in play: its kind, rotation and the board position of its box's top-left
/// corner.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Piece {
    /// The shape.
    pub kind: Kind,
    /// Rotation 0..4, clockwise quarter turns from the spawn orientation.
    pub rot: u8,
    /// Column of the box's left edge (may be negative next to the left wall).
    pub x: i8,
    /// Row of the box's top edge, 0 at the top of the hidden rows.
    pub y: i8,
}

impl Piece {
    /// The board cells the piece covers, (column, row).
    pub fn cells(&self) -> [(i8, i8); 4] {
        self.kind
            .cells(self.rot)
            .map(|(cx, cy)| (self.x + cx, self.y + cy))
    }

    /// The piece moved by (`dx`, `dy`).
    pub fn moved(self, dx: i8, dy: i8) -> Piece {
        Piece {
            x: self.x + dx,
            y: self.y + dy,
            ..self
        }
    }

    /// The piece turned by `quarter_turns` clockwise (3 turns it anticlockwise).
    pub fn turned(self, quarter_turns: u8) -> Piece {
        Piece {
            rot: (self.rot + quarter_turns) % 4,
            ..self
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn four_turns_come_back() {
        for k in Kind::ALL {
            assert_eq!(k.cells(4), k.cells(0), "{k:?}");
            let mut a = k.cells(0);
            let mut b = k.cells(4);
            a.sort();
            b.sort();
            assert_eq!(a, b);
        }
    }

    #[test]
    fn cells_stay_in_the_box_and_are_distinct() {
        for k in Kind::ALL {
            for r in 0..4 {
                let c = k.cells(r);
                for (i, &(x, y)) in c.iter().enumerate() {
                    assert!((0..k.box_size()).contains(&x) && (0..k.box_size()).contains(&y));
                    assert!(!c[i + 1..].contains(&(x, y)), "{k:?} rot {r}");
                }
            }
        }
    }

    #[test]
    fn o_does_not_change_when_turned_and_i_stands_up() {
        let mut o: [(i8, i8); 4] = Kind::O.cells(1);
        o.sort();
        let mut o0 = Kind::O.cells(0);
        o0.sort();
        assert_eq!(o, o0);
        // I at rotation 1 is the vertical bar in column 2 of its box.
        assert!(Kind::I.cells(1).iter().all(|&(x, _)| x == 2));
    }

    #[test]
    fn t_turns_clockwise() {
        // Pointing up, then right: the nub moves from (1, 0) to (2, 1).
        assert!(Kind::T.cells(0).contains(&(1, 0)));
        assert!(Kind::T.cells(1).contains(&(2, 1)));
        assert!(!Kind::T.cells(1).contains(&(0, 1)));
    }

    #[test]
    fn piece_moves_and_turns() {
        let p = Piece {
            kind: Kind::T,
            rot: 3,
            x: 4,
            y: 0,
        };
        assert_eq!(p.turned(1).rot, 0);
        assert_eq!(p.turned(3).rot, 2);
        assert_eq!(p.moved(-1, 2).cells()[0].0 + 1, p.cells()[0].0);
    }
}
