//! Drawing the session into VRAM. The well is drawn every frame while a game runs;
//! everything else only when it changed (a new screen, a new score, a new next piece),
//! so that a frame writes about 20,000 pixels rather than the screen's 83,000.

use super::art::{self, BIG, GHOST, LOGO, SMALL};
use blocks::board::{COLUMNS, HIDDEN_ROWS, ROWS};
use blocks::layout::*;
use blocks::{Kind, Mode, Piece, Session};
use prizm::display::Frame;
use prizm::display::os_text::{TextColor, print_xy};
use prizm::prelude::*;

const fn rgb(r: u8, g: u8, b: u8) -> Rgb565 {
    Rgb565::new(r >> 3, g >> 2, b >> 3)
}

const WELL_BG: Rgb565 = rgb(8, 10, 22);
const FRAME: Rgb565 = rgb(130, 150, 200);
const LABEL: Rgb565 = rgb(150, 170, 220);
const VALUE: Rgb565 = rgb(255, 255, 255);
const PANEL_BG: Rgb565 = rgb(16, 22, 50);
const FLASH: Rgb565 = rgb(255, 255, 255);
/// Digits shown of a number (the score is shown up to 99,999,999).
const DIGITS: usize = 8;

/// The background's colour at row `y`: a dark blue gradient.
fn background(y: i32) -> Rgb565 {
    let t = (y * 32 / SCREEN_H) as u8;
    rgb(6 + t / 2, 8 + t, 28 + t * 2)
}

fn fill(f: &mut Frame, x: i32, y: i32, w: i32, h: i32, c: Rgb565) {
    let r = Rectangle::new(Point::new(x, y), Size::new(w as u32, h as u32));
    let _ = f.fill_solid(&r, c);
}

/// What is on the screen, to redraw only what changed (nothing drawn yet by default).
#[derive(Default)]
pub struct View {
    shown: Option<Mode>,
    score: Option<u32>,
    high: Option<u32>,
    lines: Option<u32>,
    level: Option<u32>,
    next: Option<Kind>,
    blink: Option<bool>,
}

impl View {
    /// Brings the screen up to date with `s`; `ticks` drives blinking.
    pub fn draw(&mut self, f: &mut Frame, s: &Session, ticks: u32) {
        let mode = s.mode();
        let entered = self.shown != Some(mode);
        if entered {
            *self = View::default();
            self.shown = Some(mode);
            gradient(f);
        }
        match mode {
            Mode::Title => self.title(f, s, entered, ticks),
            Mode::Playing => self.game(f, s, entered),
            Mode::Paused | Mode::Over => {
                if entered {
                    self.game(f, s, true);
                    if mode == Mode::Paused {
                        paused(s);
                    } else {
                        over(s);
                    }
                }
            }
        }
    }

    fn title(&mut self, f: &mut Frame, s: &Session, entered: bool, ticks: u32) {
        if entered {
            f.draw_sprite((SCREEN_W - LOGO.width() as i32) / 2, 28, &LOGO);
            let mut line: prizm::heapless::String<32> = prizm::heapless::String::new();
            let _ = core::fmt::write(&mut line, format_args!("BEST {}", s.high_score()));
            centred(f, 96, &line, &BIG, VALUE, None);
            let help = [
                "LEFT/RIGHT: MOVE   UP/SHIFT: TURN   ALPHA: BACK",
                "DOWN: FASTER   EXE: DROP   EXIT: PAUSE",
                "MENU: MAIN MENU",
            ];
            for (i, h) in help.iter().enumerate() {
                centred(f, 160 + 12 * i as i32, h, &SMALL, LABEL, None);
            }
        }
        let blink = (ticks / 48).is_multiple_of(2);
        if self.blink != Some(blink) {
            self.blink = Some(blink);
            let (y, text) = (126, "PRESS EXE");
            let w = text.len() as i32 * 12;
            let x = (SCREEN_W - w) / 2;
            for row in y..y + 16 {
                fill(f, x, row, w, 1, background(row));
            }
            if blink {
                f.draw_mono_text(x, y, text, &BIG, rgb(255, 220, 80), None);
            }
        }
    }

    fn game(&mut self, f: &mut Frame, s: &Session, entered: bool) {
        let g = s.game();
        if entered {
            frame_well(f);
            for (i, label) in ["SCORE", "BEST", "LINES", "LEVEL"].iter().enumerate() {
                let y = 14 + 50 * i as i32;
                fill(f, PANEL_X - 4, y - 4, PANEL_W + 8, 44, PANEL_BG);
                f.draw_mono_text(PANEL_X, y, label, &SMALL, LABEL, None);
            }
            f.draw_mono_text(NEXT_X, NEXT_Y - 14, "NEXT", &SMALL, LABEL, None);
            f.draw_mono_text(
                NEXT_X - 6,
                NEXT_Y + NEXT_SIDE + 12,
                "EXIT: PAUSE",
                &SMALL,
                LABEL,
                None,
            );
        }
        well(f, s);
        for (i, (cache, value)) in [
            (&mut self.score, g.score()),
            (&mut self.high, s.high_score().max(g.score())),
            (&mut self.lines, g.lines()),
            (&mut self.level, g.level()),
        ]
        .into_iter()
        .enumerate()
        {
            if *cache != Some(value) {
                *cache = Some(value);
                number(f, PANEL_X, 14 + 50 * i as i32 + 14, value);
            }
        }
        if self.next != Some(g.next()) {
            self.next = Some(g.next());
            next_box(f, g.next());
        }
    }
}

/// The background gradient, over the whole screen.
fn gradient(f: &mut Frame) {
    for y in 0..SCREEN_H {
        fill(f, 0, y, SCREEN_W, 1, background(y));
    }
}

fn centred(f: &mut Frame, y: i32, text: &str, font: &MonoFont, fg: Rgb565, bg: Option<Rgb565>) {
    let x = (SCREEN_W - text.len() as i32 * font.width as i32) / 2;
    f.draw_mono_text(x, y, text, font, fg, bg);
}

type MonoFont = prizm::display::MonoFont1bpp<'static>;

/// `value`, right-aligned in [`DIGITS`] big digits, erasing what was there.
fn number(f: &mut Frame, x: i32, y: i32, value: u32) {
    let mut buf: prizm::heapless::String<16> = prizm::heapless::String::new();
    let _ = core::fmt::write(&mut buf, format_args!("{:>8}", value.min(99_999_999)));
    debug_assert_eq!(buf.len(), DIGITS);
    f.draw_mono_text(x, y, &buf, &BIG, VALUE, Some(PANEL_BG));
}

/// The frame around the well.
fn frame_well(f: &mut Frame) {
    let (x, y) = (WELL_X - BORDER, WELL_Y - BORDER);
    let (w, h) = (WELL_W + 2 * BORDER, WELL_H + 2 * BORDER);
    fill(f, x, y, w, BORDER, FRAME);
    fill(f, x, y + h - BORDER, w, BORDER, FRAME);
    fill(f, x, y, BORDER, h, FRAME);
    fill(f, x + w - BORDER, y, BORDER, h, FRAME);
}

/// The well's cells, the ghost, the falling piece, and flashing rows.
fn well(f: &mut Frame, s: &Session) {
    let g = s.game();
    fill(f, WELL_X, WELL_Y, WELL_W, WELL_H, WELL_BG);
    let board = g.board();
    for y in HIDDEN_ROWS as i8..ROWS as i8 {
        for x in 0..COLUMNS as i8 {
            if let Some(k) = board.get(x, y) {
                let (px, py) = cell_origin(x, y);
                f.draw_sprite(px, py, art::block(k));
            }
        }
    }
    if let Some(c) = g.clearing()
        && !(c.steps_left / 4).is_multiple_of(2)
    {
        for y in HIDDEN_ROWS..ROWS {
            if c.rows & (1 << y) != 0 {
                let (px, py) = cell_origin(0, y as i8);
                fill(f, px, py, WELL_W, CELL, FLASH);
            }
        }
    }
    if let Some(ghost) = g.ghost() {
        piece(f, &ghost, true);
    }
    if let Some(p) = g.piece() {
        piece(f, p, false);
    }
}

/// A piece's visible cells: its tiles, or the ghost outline.
fn piece(f: &mut Frame, p: &Piece, ghost: bool) {
    for (x, y) in p.cells() {
        if y >= HIDDEN_ROWS as i8 {
            let (px, py) = cell_origin(x, y);
            f.draw_sprite(px, py, if ghost { &GHOST } else { art::block(p.kind) });
        }
    }
}

/// The next piece, centred in its box.
fn next_box(f: &mut Frame, kind: Kind) {
    fill(f, NEXT_X, NEXT_Y, NEXT_SIDE, NEXT_SIDE, WELL_BG);
    let cells = kind.cells(0);
    let (mut x0, mut x1, mut y0, mut y1) = (i32::MAX, 0, i32::MAX, 0);
    for (x, y) in cells {
        x0 = x0.min(i32::from(x));
        x1 = x1.max(i32::from(x) + 1);
        y0 = y0.min(i32::from(y));
        y1 = y1.max(i32::from(y) + 1);
    }
    let ox = NEXT_X + (NEXT_SIDE - (x1 - x0) * CELL) / 2 - x0 * CELL;
    let oy = NEXT_Y + (NEXT_SIDE - (y1 - y0) * CELL) / 2 - y0 * CELL;
    for (x, y) in cells {
        f.draw_sprite(
            ox + i32::from(x) * CELL,
            oy + i32::from(y) * CELL,
            art::block(kind),
        );
    }
}

/// The pause box, in the OS's `PrintXY` text (rows 3-5): the score so far.
fn paused(s: &Session) {
    let mut score: prizm::heapless::String<24> = prizm::heapless::String::new();
    let _ = core::fmt::write(&mut score, format_args!(" SCORE {:>8} ", s.game().score()));
    let lines = ["     PAUSED     ", score.as_str(), " EXE:  GO ON    "];
    for (i, l) in lines.iter().enumerate() {
        let color = if i == 0 { TextColor::Blue } else { TextColor::Black };
        print_xy(4, 3 + i as u8, l, TextMode::NORMAL, color);
    }
}

/// The game-over box, in the OS's `PrintXY` text (rows 2-7): score and best.
fn over(s: &Session) {
    let mut score: prizm::heapless::String<24> = prizm::heapless::String::new();
    let mut best: prizm::heapless::String<24> = prizm::heapless::String::new();
    let _ = core::fmt::write(&mut score, format_args!(" SCORE {:>8} ", s.game().score()));
    let _ = core::fmt::write(&mut best, format_args!(" BEST  {:>8} ", s.high_score()));
    let lines = [
        "   GAME OVER    ",
        score.as_str(),
        best.as_str(),
        if s.new_high() {
            "   NEW BEST!    "
        } else {
            "                "
        },
        " EXE:  AGAIN    ",
        " EXIT: TITLE    ",
    ];
    for (i, l) in lines.iter().enumerate() {
        let color = if i == 0 {
            TextColor::Red
        } else {
            TextColor::Black
        };
        print_xy(4, 2 + i as u8, l, TextMode::NORMAL, color);
    }
}
