//! [`layout`]: a [`Screen`] as lines of text on the `PrintXY` grid (21 columns × 8
//! rows, both counted from 1), plus the six function-key labels.
//!
//! The add-in can draw these directly with `PrintXY`, or use them as a reference for
//! nicer drawing.

use core::fmt::Write;

use crate::load::CopyStatus;
use crate::record::RecordError;
use crate::screen::{Notice, Purpose, Screen, SetProblem, SetStep, SettingsItem, mask};
use crate::text::Text;

/// Columns of the text grid.
pub const COLUMNS: usize = 21;
/// Rows of the text grid.
pub const ROWS: usize = 8;

/// One line of text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Line {
    /// Row, 1..=[`ROWS`].
    pub row: u8,
    /// Column of the first character, 1..=[`COLUMNS`].
    pub col: u8,
    /// The text; it always fits between `col` and the right edge.
    pub text: Text<COLUMNS>,
    /// Drawn inverted (highlighted).
    pub inverted: bool,
}

/// A laid-out screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Layout {
    lines: [Option<Line>; ROWS],
    count: usize,
    /// Labels of F1..F6 ("" for none).
    pub fkeys: [&'static str; 6],
}

impl Layout {
    fn new() -> Self {
        Layout {
            lines: [None; ROWS],
            count: 0,
            fkeys: [""; 6],
        }
    }

    /// The lines, in the order they were laid out.
    pub fn lines(&self) -> impl Iterator<Item = &Line> {
        self.lines[..self.count].iter().flatten()
    }

    /// The text on `row`, if any line is there.
    pub fn row(&self, row: u8) -> Option<&str> {
        self.lines().find(|l| l.row == row).map(|l| l.text.as_str())
    }

    /// Whether any line contains `needle`.
    pub fn contains(&self, needle: &str) -> bool {
        self.lines().any(|l| l.text.as_str().contains(needle))
    }

    fn put(&mut self, row: u8, col: u8, s: &str, inverted: bool) {
        if self.count == ROWS
            || !(1..=ROWS as u8).contains(&row)
            || !(1..=COLUMNS as u8).contains(&col)
        {
            return;
        }
        let mut text = Text::new();
        let room = COLUMNS + 1 - usize::from(col);
        text.push_str_lossy(&s[..s.len().min(room)]);
        self.lines[self.count] = Some(Line {
            row,
            col,
            text,
            inverted,
        });
        self.count += 1;
    }

    fn text(&mut self, row: u8, s: &str) {
        self.put(row, 1, s, false);
    }

    fn centred(&mut self, row: u8, s: &str) {
        let col = (COLUMNS.saturating_sub(s.len()) / 2 + 1) as u8;
        self.put(row, col, s, false);
    }

    fn right(&mut self, row: u8, s: &str) {
        let col = (COLUMNS.saturating_sub(s.len()) + 1) as u8;
        self.put(row, col, s, false);
    }
}

/// Formats a wait: "45 s" under a minute, else "M:SS".
pub fn duration(seconds: u32) -> Text<COLUMNS> {
    let mut t = Text::new();
    if seconds < 60 {
        let _ = write!(t, "{seconds} s");
    } else {
        let _ = write!(t, "{}:{:02}", seconds / 60, seconds % 60);
    }
    t
}

fn status(s: CopyStatus) -> &'static str {
    match s {
        CopyStatus::Valid => "ok",
        CopyStatus::Missing => "missing",
        CopyStatus::Corrupt(e) => match e {
            RecordError::Truncated { .. } => "truncated",
            RecordError::Oversized { .. } => "too long",
            RecordError::BadMagic => "bad magic",
            RecordError::BadVersion(_) => "bad version",
            RecordError::BadChecksum { .. } => "bad checksum",
            RecordError::BadField(_) => "bad field",
        },
    }
}

fn title(p: Purpose) -> &'static str {
    match p {
        Purpose::Unlock => "Unlock",
        Purpose::ChangeCode => "Change code",
        Purpose::Repair => "Repair settings",
    }
}

/// Lays out `screen` as text.
pub fn layout(screen: &Screen) -> Layout {
    let mut l = Layout::new();
    match *screen {
        Screen::Loading => l.centred(4, "Loading..."),
        Screen::Lock { owner } => {
            if !owner.is_empty() {
                l.centred(3, "This calculator");
                l.centred(4, "belongs to");
                l.centred(5, owner.as_str());
            }
            l.right(7, "Calculator locked");
        }
        Screen::Prompt { purpose, typed } => {
            l.text(1, title(purpose));
            l.text(
                3,
                if purpose == Purpose::ChangeCode {
                    "Current code:"
                } else {
                    "Code:"
                },
            );
            l.text(4, mask(typed).as_str());
            l.text(7, "[EXE]OK  [EXIT]Back");
        }
        Screen::WrongCode {
            purpose: _,
            failures,
            wait_seconds,
        } => {
            l.centred(3, "Wrong code");
            let mut t = Text::<COLUMNS>::new();
            let _ = write!(t, "Failed attempts: {failures}");
            l.centred(4, t.as_str());
            if wait_seconds > 0 {
                let mut t = Text::<COLUMNS>::new();
                let _ = write!(t, "Wait {}", duration(wait_seconds));
                l.centred(5, t.as_str());
            }
            l.centred(7, "Press:[EXIT]");
        }
        Screen::Lockout {
            purpose,
            wait_seconds,
        } => {
            l.text(1, title(purpose));
            l.centred(3, "Too many wrong codes");
            l.centred(4, "Try again in");
            l.centred(5, duration(wait_seconds).as_str());
            l.text(7, "[EXIT]Back");
        }
        Screen::SetCode {
            step,
            typed,
            problem,
            first_run,
        } => {
            l.text(
                1,
                if first_run {
                    "Set up CGlock"
                } else {
                    "Change code"
                },
            );
            l.text(
                3,
                if step == SetStep::NewCode {
                    "New code:"
                } else {
                    "Type it again:"
                },
            );
            l.text(4, mask(typed).as_str());
            match problem {
                Some(SetProblem::Empty) => l.text(6, "Code can't be empty"),
                Some(SetProblem::Mismatch) => l.text(6, "Codes don't match"),
                None => {}
            }
            l.text(
                7,
                if first_run {
                    "[EXE]OK  [EXIT]Quit"
                } else {
                    "[EXE]OK  [EXIT]Cancel"
                },
            );
        }
        Screen::Home { notice } => {
            l.text(1, "CGlock");
            match notice {
                Some(Notice::CodeSet) => l.centred(3, "Code set"),
                Some(Notice::Repaired) => l.centred(3, "Settings repaired"),
                None => {}
            }
            l.text(5, "F1 or EXE: lock");
            l.text(6, "EXIT: quit");
            l.fkeys = ["Lock", "Code", "Setup", "", "", ""];
        }
        Screen::Settings { selected, options } => {
            l.text(1, "Settings");
            for (i, item) in SettingsItem::ALL.iter().enumerate() {
                let row = 2 + 2 * i as u8;
                let label = match item {
                    SettingsItem::PowerOffOnLock => "Power off on lock",
                    SettingsItem::OwnerName => "Owner name",
                    SettingsItem::AfterUnlock => "After unlocking open",
                };
                l.put(row, 1, label, *item == selected);
                let value = match item {
                    SettingsItem::PowerOffOnLock => {
                        if options.power_off_on_lock {
                            "On"
                        } else {
                            "Off"
                        }
                    }
                    SettingsItem::OwnerName => {
                        if options.owner.is_empty() {
                            "(none)"
                        } else {
                            options.owner.as_str()
                        }
                    }
                    SettingsItem::AfterUnlock => {
                        options.after_unlock.map_or("(nothing)", |a| a.name())
                    }
                };
                l.put(row + 1, 2, value, false);
            }
        }
        Screen::EditOwner { name } => {
            l.text(1, "Owner name");
            l.text(3, name.as_str());
            l.text(7, "[EXE]OK  [EXIT]Cancel");
        }
        Screen::Tampered => {
            l.centred(3, "Data tampering");
            l.centred(4, "detected!");
            l.centred(6, "Calculator stays");
            l.centred(7, "locked.");
        }
        Screen::Recovery { reason, can_repair } => {
            l.text(1, "Settings damaged");
            let mut t = Text::<COLUMNS>::new();
            let _ = write!(t, "Storage: {}", status(reason.storage));
            l.text(2, t.as_str());
            let mut t = Text::<COLUMNS>::new();
            let _ = write!(t, "Main: {}", status(reason.main_memory));
            l.text(3, t.as_str());
            if can_repair {
                l.text(5, "[ALPHA]: type the");
                l.text(6, "code to repair from");
                l.text(7, "the intact copy.");
            } else {
                l.text(4, "To recover: press");
                l.text(5, "RESTART, delete the");
                l.text(6, "CGlock data (MEMORY)");
                l.text(7, "and set a new code.");
            }
        }
    }
    l
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations() {
        assert_eq!(duration(0).as_str(), "0 s");
        assert_eq!(duration(59).as_str(), "59 s");
        assert_eq!(duration(60).as_str(), "1:00");
        assert_eq!(duration(3600).as_str(), "60:00");
    }

    #[test]
    fn clipping() {
        let mut l = Layout::new();
        l.put(1, 18, "abcdefgh", false);
        l.put(9, 1, "off grid", false);
        assert_eq!(l.row(1), Some("abcd"));
        assert_eq!(l.lines().count(), 1);
    }
}
