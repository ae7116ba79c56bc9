//! Drawing: a [`Screen`](cglock::Screen) laid out by [`cglock::layout::layout`] as
//! `PrintXY` text, under a title bar (padlock, state, clock) and above the F-key labels.
//!
//! - rows 0..24 (the OS status area, which this add-in does not show): the title bar,
//!   dark red while locked, dark green when not; a padlock, closed or open; an `A` while
//!   ALPHA is pending; "SAVE FAILED" if the last write failed; the time of day;
//! - `PrintXY` rows 1..7 (pixels 24..192): the layout's lines, codes already masked
//!   with `*`; titles in blue, warnings in red;
//! - pixels 192..216: the F-key labels as tabs;
//! - on the lock screen without an owner name, a large padlock.

use core::fmt::Write;

use cglock::App;
use cglock::layout::{Layout, layout};
use cglock::screen::Screen as View;
use prizm::display::os_text::{TextColor, TextMode, print_mini, print_xy};
use prizm::display::{Rgb565, Screen};
use prizm::embedded_graphics::mono_font::ascii::{FONT_6X10, FONT_10X20};
use prizm::embedded_graphics::mono_font::{MonoFont, MonoTextStyle};
use prizm::embedded_graphics::prelude::*;
use prizm::embedded_graphics::primitives::{PrimitiveStyle, Rectangle};
use prizm::embedded_graphics::text::{Baseline, Text};
use prizm::heapless::String;
use prizm::time::TimeOfDay;

/// Height of the title bar.
const BAR_H: u32 = 24;
/// Top of the F-key tabs.
const FKEY_Y: i32 = 196;

const LOCKED_BAR: Rgb565 = Rgb565::new(20, 4, 2);
const UNLOCKED_BAR: Rgb565 = Rgb565::new(0, 28, 8);
const FKEY_BG: Rgb565 = Rgb565::new(6, 14, 12);

/// The screen and what the title bar shows.
pub struct Ui {
    screen: Screen,
    alpha: bool,
    save_failed: bool,
    /// Minute of the day shown by the clock (`u32::MAX`: none yet).
    minute: u32,
}

impl Ui {
    /// Takes over the screen.
    pub fn new(screen: Screen) -> Self {
        Ui {
            screen,
            alpha: false,
            save_failed: false,
            minute: u32::MAX,
        }
    }

    /// Whether ALPHA is pending.
    pub fn alpha(&self) -> bool {
        self.alpha
    }

    /// Shows or hides the ALPHA marker.
    pub fn set_alpha(&mut self, on: bool, locked: bool) {
        if self.alpha != on {
            self.alpha = on;
            self.bar(locked);
            self.screen.update_rows(0, BAR_H as usize - 1);
        }
    }

    /// Shows or hides the "SAVE FAILED" warning.
    pub fn set_save_failed(&mut self, failed: bool, locked: bool) {
        if self.save_failed != failed {
            self.save_failed = failed;
            self.bar(locked);
            self.screen.update_rows(0, BAR_H as usize - 1);
        }
    }

    /// Redraws the clock when the minute changed (`ticks`: RTC ticks since midnight).
    pub fn clock(&mut self, ticks: u32, locked: bool) {
        if TimeOfDay::from_ticks(ticks).minute_of_day() != self.minute {
            self.bar(locked);
            self.screen.update_rows(0, BAR_H as usize - 1);
        }
    }

    /// Draws `view` and puts it on the display.
    pub fn draw(&mut self, view: &View, locked: bool) {
        let l = layout(view);
        self.screen.clear(Rgb565::WHITE).ok();
        self.bar(locked);
        for line in l.lines() {
            let mode = if line.inverted {
                TextMode::INVERT
            } else {
                TextMode::NORMAL
            };
            print_xy(
                line.col,
                line.row,
                line.text.as_str(),
                mode,
                color(view, line.row),
            );
        }
        if let View::Lock { owner } = view
            && owner.is_empty()
        {
            big_padlock(&mut *self.screen);
        }
        self.fkeys(&l);
        self.screen.update();
    }

    /// After unlocking, for an app no OS call opens: say where to find it.
    pub fn open_app_note(&mut self, app: App) {
        let mut s: String<40> = String::new();
        let _ = write!(s, "Open {} from the MENU", app.name());
        print_mini(6, 26, &s, Rgb565::new(0, 0, 24), Rgb565::WHITE);
        self.screen.update();
    }

    fn bar(&mut self, locked: bool) {
        let bg = if locked { LOCKED_BAR } else { UNLOCKED_BAR };
        // The screen is a `DrawTarget` itself, but drawing through its `Frame`, as the
        // SDK's panic screen does, shares embedded-graphics' code with it: 5 KB less.
        let s = &mut *self.screen;
        Rectangle::new(Point::zero(), Size::new(384, BAR_H))
            .into_styled(PrimitiveStyle::with_fill(bg))
            .draw(s)
            .ok();
        padlock(s, Point::new(6, 2), locked, bg);
        let big = MonoTextStyle::new(&FONT_10X20, Rgb565::WHITE);
        text(s, "CGlock", Point::new(30, 2), big);
        if locked {
            text(s, "LOCKED", Point::new(110, 2), big);
        }
        if self.alpha {
            let yellow = MonoTextStyle::new(&FONT_10X20, Rgb565::YELLOW);
            text(s, "A", Point::new(190, 2), yellow);
        }
        if self.save_failed {
            let warn = MonoTextStyle::new(&FONT_6X10, Rgb565::YELLOW);
            text(s, "SAVE FAILED", Point::new(214, 7), warn);
        }
        let now = TimeOfDay::from_ticks(prizm::time::rtc_ticks());
        self.minute = now.minute_of_day();
        let mut hm: String<8> = String::new();
        let _ = write!(hm, "{now}");
        text(s, &hm, Point::new(384 - 6 - 50, 2), big);
    }

    fn fkeys(&mut self, l: &Layout) {
        let s = &mut *self.screen;
        for (i, label) in l.fkeys.iter().enumerate() {
            if label.is_empty() {
                continue;
            }
            let x = 64 * i as i32;
            Rectangle::new(Point::new(x + 1, FKEY_Y), Size::new(62, 20))
                .into_styled(PrimitiveStyle::with_fill(FKEY_BG))
                .draw(s)
                .ok();
            let font: &MonoFont = &FONT_6X10;
            let w = 6 * label.len() as i32;
            let style = MonoTextStyle::new(font, Rgb565::WHITE);
            text(s, label, Point::new(x + 32 - w / 2, FKEY_Y + 5), style);
        }
    }
}

fn text<D: DrawTarget<Color = Rgb565>>(
    d: &mut D,
    s: &str,
    at: Point,
    style: MonoTextStyle<'_, Rgb565>,
) {
    Text::with_baseline(s, at, style, Baseline::Top)
        .draw(d)
        .ok();
}

/// A 16x20 padlock at `at`: body and shackle, the shackle lifted when open.
fn padlock<D: DrawTarget<Color = Rgb565>>(d: &mut D, at: Point, locked: bool, bg: Rgb565) {
    let white = PrimitiveStyle::with_fill(Rgb565::WHITE);
    let lift = if locked { 0 } else { 3 };
    // Shackle: a 12x12 ring of 2 px, then its lower part hidden by the body.
    Rectangle::new(at + Point::new(2, 1 - lift), Size::new(12, 12))
        .into_styled(PrimitiveStyle::with_stroke(Rgb565::WHITE, 2))
        .draw(d)
        .ok();
    if !locked {
        // The open shackle's right leg stands clear of the body.
        Rectangle::new(at + Point::new(11, 6), Size::new(4, 4))
            .into_styled(PrimitiveStyle::with_fill(bg))
            .draw(d)
            .ok();
    }
    Rectangle::new(at + Point::new(0, 9), Size::new(16, 11))
        .into_styled(white)
        .draw(d)
        .ok();
    // Keyhole.
    Rectangle::new(at + Point::new(7, 12), Size::new(2, 5))
        .into_styled(PrimitiveStyle::with_fill(bg))
        .draw(d)
        .ok();
}

/// The lock screen's emblem: a large closed padlock in the middle of rows 2..6.
fn big_padlock<D: DrawTarget<Color = Rgb565>>(d: &mut D) {
    Rectangle::new(Point::new(162, 46), Size::new(60, 64))
        .into_styled(PrimitiveStyle::with_stroke(LOCKED_BAR, 10))
        .draw(d)
        .ok();
    Rectangle::new(Point::new(146, 86), Size::new(92, 64))
        .into_styled(PrimitiveStyle::with_fill(LOCKED_BAR))
        .draw(d)
        .ok();
    Rectangle::new(Point::new(186, 104), Size::new(12, 28))
        .into_styled(PrimitiveStyle::with_fill(Rgb565::WHITE))
        .draw(d)
        .ok();
}

/// The colour of text row `row` of `view`: titles blue, warnings red.
fn color(view: &View, row: u8) -> TextColor {
    let warning_rows: &[u8] = match view {
        View::Tampered => &[3, 4],
        View::Recovery { .. } => &[1],
        View::WrongCode { .. } => &[3, 5],
        View::Lockout { .. } => &[3, 5],
        View::Lock { .. } => &[7],
        View::SetCode { .. } => &[6],
        _ => &[],
    };
    if warning_rows.contains(&row) {
        TextColor::Red
    } else if row == 1 {
        TextColor::Blue
    } else {
        TextColor::Black
    }
}
