//! A player for the emulator test. It keeps its own model of the well (the rules as
//! `examples/blocks/README.md` states them: shapes turning in their box, pieces
//! appearing at the top middle, full rows removed), chooses where each piece goes,
//! turns that into keys, and reads the screen: which piece falls, which comes next, and
//! what the well shows, to compare it with the model.

use prizm_test::Addin;

/// The kinds in the game's order (I O T S Z J L) and the colour of the inside of their
/// tiles (`examples/blocks/assets/block_*.png`).
const COLOURS: [[i32; 3]; 7] = [
    [0, 200, 230],
    [240, 210, 0],
    [170, 60, 210],
    [40, 200, 60],
    [230, 40, 40],
    [40, 80, 230],
    [245, 140, 0],
];
/// The same kinds' cells at their first orientation, (x, y) in their box, and the box's
/// side.
const SHAPES: [([(i8, i8); 4], i8); 7] = [
    ([(0, 1), (1, 1), (2, 1), (3, 1)], 4),
    ([(0, 0), (1, 0), (0, 1), (1, 1)], 2),
    ([(1, 0), (0, 1), (1, 1), (2, 1)], 3),
    ([(1, 0), (2, 0), (0, 1), (1, 1)], 3),
    ([(0, 0), (1, 0), (1, 1), (2, 1)], 3),
    ([(0, 0), (0, 1), (1, 1), (2, 1)], 3),
    ([(2, 0), (0, 1), (1, 1), (2, 1)], 3),
];

/// Columns, rows (2 hidden ones on top) of the well.
pub const COLUMNS: usize = 10;
/// Rows of the well, hidden ones included.
pub const ROWS: usize = 22;
const HIDDEN: usize = 2;
/// The row a new piece's box starts at, and its column (the square: 4).
const SPAWN_Y: i8 = 1;

/// Pixel geometry of `examples/blocks/src/layout.rs`: the well's first visible cell, the
/// cell size, the next piece's box.
const WELL_X: usize = 142;
const WELL_Y: usize = 8;
const CELL: usize = 10;
const NEXT: (usize, usize, usize) = (269, 40, 60);

/// The cells of `kind` turned `rot` quarter turns clockwise, in its box.
fn cells(kind: usize, rot: u8) -> [(i8, i8); 4] {
    let (mut c, n) = SHAPES[kind];
    for _ in 0..rot {
        for p in &mut c {
            *p = (n - 1 - p.1, p.0);
        }
    }
    c
}

fn spawn_x(kind: usize) -> i8 {
    if kind == 1 { 4 } else { 3 }
}

/// The well as the player predicts it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Well(pub [[Option<usize>; COLUMNS]; ROWS]);

impl Well {
    fn fits(&self, kind: usize, rot: u8, x: i8, y: i8) -> bool {
        cells(kind, rot).iter().all(|&(cx, cy)| {
            let (x, y) = (x + cx, y + cy);
            (0..COLUMNS as i8).contains(&x)
                && y < ROWS as i8
                && (y < 0 || self.0[y as usize][x as usize].is_none())
        })
    }

    /// The row the box lands at, dropped in column `x` from the top.
    pub fn landing(&self, kind: usize, rot: u8, x: i8) -> i8 {
        let mut y = SPAWN_Y;
        while self.fits(kind, rot, x, y + 1) {
            y += 1;
        }
        y
    }

    /// Leaves the piece at (`x`, `y`) and removes the full rows; returns how many.
    pub fn place(&mut self, kind: usize, rot: u8, x: i8, y: i8) -> u32 {
        for (cx, cy) in cells(kind, rot) {
            self.0[(y + cy) as usize][(x + cx) as usize] = Some(kind);
        }
        let kept: Vec<_> = self
            .0
            .iter()
            .filter(|r| r.iter().any(Option::is_none))
            .copied()
            .collect();
        let cleared = ROWS - kept.len();
        let mut rows = [[None; COLUMNS]; ROWS];
        rows[cleared..].copy_from_slice(&kept);
        self.0 = rows;
        cleared as u32
    }

    /// Yiyuan Lee's evaluation ("Tetris AI: the (near) perfect bot", 2013): weights
    /// -0.51 aggregate height, +0.76 complete lines, -0.36 holes, -0.18 bumpiness.
    fn value(&self, lines: u32) -> i64 {
        let mut heights = [0i64; COLUMNS];
        let mut holes = 0;
        for (x, h) in heights.iter_mut().enumerate() {
            let top = (0..ROWS).find(|&y| self.0[y][x].is_some());
            if let Some(top) = top {
                *h = (ROWS - top) as i64;
                holes += (top..ROWS).filter(|&y| self.0[y][x].is_none()).count() as i64;
            }
        }
        let aggregate: i64 = heights.iter().sum();
        let bumpiness: i64 = heights.windows(2).map(|w| (w[0] - w[1]).abs()).sum();
        -510 * aggregate + 761 * i64::from(lines) - 357 * holes - 184 * bumpiness
    }

    /// The best place for `kind` that can be reached from the top by turning first,
    /// then sliding (the piece may have fallen a few rows meanwhile): (turns, column).
    pub fn choose(&self, kind: usize) -> Option<(u8, i8)> {
        let sx = spawn_x(kind);
        let mut best: Option<(i64, u8, i8)> = None;
        for rot in 0..4u8 {
            for x in -3..COLUMNS as i8 {
                let reachable = (SPAWN_Y..SPAWN_Y + 5).all(|y| {
                    let (lo, hi) = (sx.min(x), sx.max(x));
                    (lo..=hi).all(|cx| self.fits(kind, rot, cx, y))
                });
                if !reachable {
                    continue;
                }
                let y = self.landing(kind, rot, x);
                let mut after = self.clone();
                let lines = after.place(kind, rot, x, y);
                let v = after.value(lines);
                if best.is_none_or(|(b, _, _)| v > b) {
                    best = Some((v, rot, x));
                }
            }
        }
        best.map(|(_, rot, x)| (rot, x))
    }
}

/// The keys that put `kind` at (`rot`, `x`): turns, slides, then EXE drops it.
pub fn keys(kind: usize, rot: u8, x: i8) -> String {
    let mut k: Vec<&str> = match rot {
        1 => vec!["UP"],
        2 => vec!["UP", "UP"],
        3 => vec!["ALPHA"],
        _ => vec![],
    };
    let dx = x - spawn_x(kind);
    let side = if dx < 0 { "LEFT" } else { "RIGHT" };
    k.extend(std::iter::repeat_n(side, dx.unsigned_abs() as usize));
    k.push("EXE");
    k.join(",")
}

/// The kind whose tile colour is close to RGB565 `p`.
fn kind_of(p: u16) -> Option<usize> {
    let rgb = [
        i32::from(p >> 11) << 3,
        i32::from((p >> 5) & 63) << 2,
        i32::from(p & 31) << 3,
    ];
    COLOURS.iter().position(|c| {
        c.iter()
            .zip(rgb)
            .map(|(a, b)| (a - b) * (a - b))
            .sum::<i32>()
            < 3 * 16 * 16
    })
}

/// The kind shown in the well's cell (`x`, `y`) (`y` a row of the well, hidden ones
/// counted), read at the cell's centre.
fn cell(emu: &Addin, x: usize, y: usize) -> Option<usize> {
    kind_of(emu.pixel(
        WELL_X + x * CELL + CELL / 2,
        WELL_Y + (y - HIDDEN) * CELL + CELL / 2,
    ))
}

/// The well as the screen shows it, rows `from..ROWS` (rows above left empty).
pub fn shown(emu: &Addin, from: usize) -> Well {
    let mut w = Well::default();
    for y in from..ROWS {
        for x in 0..COLUMNS {
            w.0[y][x] = cell(emu, x, y);
        }
    }
    w
}

/// The model's rows `from..ROWS` only.
pub fn rows_from(well: &Well, from: usize) -> Well {
    let mut w = well.clone();
    for row in &mut w.0[..from] {
        *row = [None; COLUMNS];
    }
    w
}

/// The kind of the piece falling near the top (the first 3 visible rows), on an
/// empty well.
pub fn falling(emu: &Addin) -> Option<usize> {
    (HIDDEN..HIDDEN + 3)
        .flat_map(|y| (0..COLUMNS).map(move |x| (x, y)))
        .find_map(|(x, y)| cell(emu, x, y))
}

/// The kind in the next piece's box.
pub fn next(emu: &Addin) -> Option<usize> {
    let (x0, y0, side) = NEXT;
    let mut votes = [0; 7];
    for y in y0..y0 + side {
        for x in x0..x0 + side {
            if let Some(k) = kind_of(emu.pixel(x, y)) {
                votes[k] += 1;
            }
        }
    }
    let (k, &n) = votes.iter().enumerate().max_by_key(|&(_, n)| *n)?;
    (n > 0).then_some(k)
}
