//! One game: the falling piece, the well, the score, advanced one fixed step (1/128 s)
//! at a time with the buttons held during that step.

use crate::board::{Board, HIDDEN_ROWS, RowMask};
use crate::buttons::Buttons;
use crate::piece::{Kind, Piece};
use crate::rng::Bag;
use crate::score;

/// Steps a side button is held before the piece starts sliding (about 0.16 s: a tap
/// of up to 0.15 s moves one column).
pub const SLIDE_DELAY: u16 = 20;
/// Steps between two columns while sliding.
pub const SLIDE_REPEAT: u16 = 4;
/// Steps per row while soft-dropping.
pub const SOFT_DROP_STEPS: u16 = 2;
/// Steps a landed piece waits before it locks.
pub const LOCK_DELAY: u16 = 48;
/// Moves or turns of a landed piece that restart its lock delay, at most.
pub const LOCK_RESETS: u8 = 15;
/// Steps full rows flash before they are removed.
pub const CLEAR_STEPS: u16 = 24;

/// Offsets tried, in order, when a turned piece does not fit where it is.
const KICKS: [(i8, i8); 6] = [(0, 0), (-1, 0), (1, 0), (0, -1), (-2, 0), (2, 0)];

/// Rows being cleared: they flash for [`CLEAR_STEPS`] steps, then go.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Clearing {
    /// The full rows.
    pub rows: RowMask,
    /// Steps left before they go.
    pub steps_left: u16,
}

/// A game in progress (or over).
#[derive(Clone, Debug)]
pub struct Game {
    board: Board,
    piece: Piece,
    next: Kind,
    bag: Bag,
    score: u32,
    lines: u32,
    pieces: u32,
    fall_steps: u16,
    lock_steps: u16,
    lock_resets: u8,
    /// Direction and steps left of the side button being held.
    slide: Option<(i8, u16)>,
    prev: Buttons,
    clearing: Option<Clearing>,
    over: bool,
    steps: u32,
}

impl Game {
    /// A new game whose pieces come from `seed`. Buttons held at the start count only
    /// once released and pressed again.
    pub fn new(seed: u32) -> Game {
        let mut bag = Bag::new(seed);
        let first = bag.take();
        let next = bag.take();
        Game {
            board: Board::default(),
            piece: spawn(first),
            next,
            bag,
            score: 0,
            lines: 0,
            pieces: 1,
            fall_steps: 0,
            lock_steps: 0,
            lock_resets: 0,
            slide: None,
            prev: Buttons::ALL,
            clearing: None,
            over: false,
            steps: 0,
        }
    }

    /// A game on a given well (for tests and demos).
    pub fn with_board(seed: u32, board: Board) -> Game {
        Game {
            board,
            ..Game::new(seed)
        }
    }

    /// The well.
    pub fn board(&self) -> &Board {
        &self.board
    }

    /// The falling piece; `None` while rows are being cleared or once the game is over.
    pub fn piece(&self) -> Option<&Piece> {
        (self.clearing.is_none() && !self.over).then_some(&self.piece)
    }

    /// Where the falling piece would land (its "ghost").
    pub fn ghost(&self) -> Option<Piece> {
        let p = self.piece()?;
        Some(p.moved(0, self.board.drop_distance(p)))
    }

    /// The piece that comes next.
    pub fn next(&self) -> Kind {
        self.next
    }

    /// Points so far.
    pub fn score(&self) -> u32 {
        self.score
    }

    /// Rows cleared so far.
    pub fn lines(&self) -> u32 {
        self.lines
    }

    /// The level (1..=15), from the rows cleared.
    pub fn level(&self) -> u32 {
        score::level_for(self.lines)
    }

    /// Pieces that have entered the well, the current one included.
    pub fn pieces(&self) -> u32 {
        self.pieces
    }

    /// Rows flashing before they are removed.
    pub fn clearing(&self) -> Option<Clearing> {
        self.clearing
    }

    /// Whether the stack reached the top.
    pub fn is_over(&self) -> bool {
        self.over
    }

    /// Steps played.
    pub fn steps(&self) -> u32 {
        self.steps
    }

    /// Makes the buttons held now count only once released and pressed again (after a
    /// pause, so that the key that resumed does not act).
    pub fn ignore_held(&mut self) {
        self.prev = Buttons::ALL;
        self.slide = None;
    }

    /// Advances one step (1/128 s) with `held` the buttons held during it.
    pub fn step(&mut self, held: Buttons) {
        if self.over {
            return;
        }
        self.steps += 1;
        let pressed = held.pressed_since(self.prev);
        self.prev = held;
        if let Some(c) = &mut self.clearing {
            c.steps_left -= 1;
            if c.steps_left == 0 {
                let rows = c.rows;
                self.clearing = None;
                self.board.remove_rows(rows);
                self.spawn_next();
            }
            return;
        }
        if pressed.contains(Buttons::TURN) {
            self.turn(1);
        }
        if pressed.contains(Buttons::TURN_BACK) {
            self.turn(3);
        }
        self.slide(held, pressed);
        if pressed.contains(Buttons::DROP) {
            let d = self.board.drop_distance(&self.piece);
            self.piece = self.piece.moved(0, d);
            self.score += score::HARD_DROP_POINTS * d as u32;
            self.lock();
            return;
        }
        self.fall(held.contains(Buttons::SOFT_DROP));
    }

    /// Moves sideways on a press, then again every [`SLIDE_REPEAT`] steps once held for
    /// [`SLIDE_DELAY`]; the side pressed last wins.
    fn slide(&mut self, held: Buttons, pressed: Buttons) {
        for (button, dir) in [(Buttons::LEFT, -1), (Buttons::RIGHT, 1)] {
            if pressed.contains(button) {
                self.shift(dir);
                self.slide = Some((dir, SLIDE_DELAY));
                return;
            }
        }
        if let Some((dir, left)) = self.slide {
            let button = if dir < 0 {
                Buttons::LEFT
            } else {
                Buttons::RIGHT
            };
            if !held.contains(button) {
                self.slide = None;
            } else if left <= 1 {
                self.shift(dir);
                self.slide = Some((dir, SLIDE_REPEAT));
            } else {
                self.slide = Some((dir, left - 1));
            }
        }
    }

    fn shift(&mut self, dx: i8) {
        let moved = self.piece.moved(dx, 0);
        if self.board.fits(&moved) {
            self.piece = moved;
            self.moved_on_ground();
        }
    }

    fn turn(&mut self, quarter_turns: u8) {
        let turned = self.piece.turned(quarter_turns);
        for (dx, dy) in KICKS {
            let p = turned.moved(dx, dy);
            if self.board.fits(&p) {
                self.piece = p;
                self.moved_on_ground();
                return;
            }
        }
    }

    /// A landed piece that moved waits its whole lock delay again, [`LOCK_RESETS`]
    /// times at most.
    fn moved_on_ground(&mut self) {
        if self.lock_steps > 0 && self.lock_resets < LOCK_RESETS {
            self.lock_steps = 0;
            self.lock_resets += 1;
        }
    }

    fn fall(&mut self, soft: bool) {
        let gravity = score::gravity(self.level());
        let every = if soft {
            gravity.min(SOFT_DROP_STEPS)
        } else {
            gravity
        };
        let down = self.piece.moved(0, 1);
        if self.board.fits(&down) {
            self.lock_steps = 0;
            self.fall_steps += 1;
            if self.fall_steps >= every {
                self.fall_steps = 0;
                self.piece = down;
                if soft {
                    self.score += score::SOFT_DROP_POINTS;
                }
            }
        } else {
            self.fall_steps = 0;
            self.lock_steps += 1;
            if self.lock_steps >= LOCK_DELAY {
                self.lock();
            }
        }
    }

    /// Leaves the piece in the well, scores full rows, and brings the next piece.
    fn lock(&mut self) {
        let above = self.board.lock(&self.piece);
        let full = self.board.full_rows();
        let rows = full.count_ones();
        if rows > 0 {
            self.score += score::line_points(rows, self.level());
            self.lines += rows;
            self.clearing = Some(Clearing {
                rows: full,
                steps_left: CLEAR_STEPS,
            });
        } else if above {
            self.over = true;
        } else {
            self.spawn_next();
        }
    }

    fn spawn_next(&mut self) {
        self.piece = spawn(self.next);
        self.next = self.bag.take();
        self.pieces += 1;
        self.fall_steps = 0;
        self.lock_steps = 0;
        self.lock_resets = 0;
        if !self.board.fits(&self.piece) {
            self.over = true;
        }
    }
}

/// A new piece of `kind` at the top middle, its lowest row the first visible one.
fn spawn(kind: Kind) -> Piece {
    Piece {
        kind,
        rot: 0,
        x: if kind == Kind::O { 4 } else { 3 },
        y: HIDDEN_ROWS as i8 - 1,
    }
}
