//! The PC keyboard as the calculator's keys: turns the window's key events and typed
//! characters into calculator key presses and releases, and the window's own commands.
//!
//! Keys with a name (arrows, Enter, F1-F6...) and unshifted character keys (digits,
//! letters, `.` `,` `-` `/`, the numeric keypad) map by the physical key, so holding
//! one holds the calculator key. PC Shift is the calculator's SHIFT, but also makes
//! characters (`+` `*` `(` `)` `^` `?`): a Shift followed by a character key gives that
//! character's calculator key and no SHIFT; Shift released alone is a SHIFT press;
//! Shift followed by a named key (Shift+Right) is SHIFT then that key; Shift held for
//! [`SHIFT_HOLD`] alone holds SHIFT down (for games that use it as a button).

use minifb::Key as Pc;
use std::time::{Duration, Instant};

/// How long PC Shift must be held alone before the calculator's SHIFT goes down.
pub const SHIFT_HOLD: Duration = Duration::from_millis(200);

/// What the window does with an input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// A calculator key goes down (key script name).
    Down(&'static str),
    /// A calculator key goes up.
    Up(&'static str),
    /// Toggle the help overlay.
    Help,
    /// Save a screenshot.
    Screenshot,
    /// Start or stop recording an animation.
    Record,
    /// Fast-forward on or off.
    Fast(bool),
}

/// The keys listed by the help overlay: (PC key, what it does).
pub const HELP: &[(&str, &str)] = &[
    ("0-9 . , + - * / ( ) ^", "the same keys"),
    ("A-Z", "letters (ALPHA + key)"),
    ("arrows", "arrows"),
    ("Enter", "EXE"),
    ("Escape", "EXIT"),
    ("Backspace", "DEL"),
    ("Delete", "AC/ON"),
    ("Home", "MENU"),
    ("F1-F6", "F1-F6"),
    ("Shift", "SHIFT"),
    ("Ctrl, Alt", "ALPHA"),
    ("mouse", "click the keypad"),
    ("? or F7", "this help"),
    ("Tab (held)", "fast-forward"),
    ("F12", "screenshot (PNG)"),
    ("F9", "record GIF (again: stop)"),
];

/// A named key: one that types no character.
fn named(k: Pc) -> Option<&'static str> {
    Some(match k {
        Pc::Up => "UP",
        Pc::Down => "DOWN",
        Pc::Left => "LEFT",
        Pc::Right => "RIGHT",
        Pc::Enter | Pc::NumPadEnter => "EXE",
        Pc::Escape => "EXIT",
        Pc::Backspace => "DEL",
        Pc::Delete => "AC",
        Pc::Home => "MENU",
        Pc::F1 => "F1",
        Pc::F2 => "F2",
        Pc::F3 => "F3",
        Pc::F4 => "F4",
        Pc::F5 => "F5",
        Pc::F6 => "F6",
        Pc::LeftCtrl | Pc::RightCtrl | Pc::LeftAlt | Pc::RightAlt => "ALPHA",
        _ => return None,
    })
}

/// The letter keys' names.
const LETTERS: [&str; 26] = [
    "A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "O", "P", "Q", "R", "S",
    "T", "U", "V", "W", "X", "Y", "Z",
];
/// The digit keys' names.
const DIGITS: [&str; 10] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];

/// A character key as it types unshifted.
fn unshifted(k: Pc) -> Option<&'static str> {
    let i = k as usize;
    Some(match k {
        Pc::Key0
        | Pc::Key1
        | Pc::Key2
        | Pc::Key3
        | Pc::Key4
        | Pc::Key5
        | Pc::Key6
        | Pc::Key7
        | Pc::Key8
        | Pc::Key9 => DIGITS[i - Pc::Key0 as usize],
        Pc::NumPad0
        | Pc::NumPad1
        | Pc::NumPad2
        | Pc::NumPad3
        | Pc::NumPad4
        | Pc::NumPad5
        | Pc::NumPad6
        | Pc::NumPad7
        | Pc::NumPad8
        | Pc::NumPad9 => DIGITS[i - Pc::NumPad0 as usize],
        _ if (Pc::A as usize..=Pc::Z as usize).contains(&i) => LETTERS[i - Pc::A as usize],
        Pc::Period | Pc::NumPadDot => "DOT",
        Pc::Comma => "COMMA",
        Pc::Minus | Pc::NumPadMinus => "MINUS",
        Pc::NumPadPlus => "PLUS",
        Pc::NumPadAsterisk => "MUL",
        Pc::Slash | Pc::NumPadSlash => "DIV",
        _ => return None,
    })
}

/// The calculator key of a typed character.
fn of_char(c: char) -> Option<&'static str> {
    Some(match c {
        '0'..='9' => DIGITS[c as usize - '0' as usize],
        'A'..='Z' => LETTERS[c as usize - 'A' as usize],
        'a'..='z' => LETTERS[c as usize - 'a' as usize],
        '+' => "PLUS",
        '-' => "MINUS",
        '*' => "MUL",
        '/' => "DIV",
        '(' => "LPAR",
        ')' => "RPAR",
        '^' => "POW",
        '.' => "DOT",
        ',' => "COMMA",
        _ => return None,
    })
}

/// PC Shift's state.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Shift {
    /// Up.
    Up,
    /// Down since the instant, nothing sent yet.
    Pending(Instant),
    /// Down and used for a character or a SHIFT already sent: its release sends nothing.
    Used,
    /// Down, and the calculator's SHIFT is held down.
    Held,
}

/// The keyboard mapper: feed it key events, typed characters and ticks; it returns
/// actions.
#[derive(Debug)]
pub struct Mapper {
    shift: Shift,
    /// Physical keys down and the calculator key each holds.
    down: Vec<(Pc, Option<&'static str>)>,
    /// A character key pressed with Shift, waiting for its character.
    expect_char: Option<Pc>,
}

impl Default for Mapper {
    fn default() -> Self {
        Mapper {
            shift: Shift::Up,
            down: Vec::new(),
            expect_char: None,
        }
    }
}

impl Mapper {
    /// A key went down or up at `now`.
    pub fn key(&mut self, k: Pc, down: bool, now: Instant) -> Vec<Action> {
        let mut out = Vec::new();
        if matches!(k, Pc::LeftShift | Pc::RightShift) {
            match (down, self.shift) {
                (true, Shift::Up) => self.shift = Shift::Pending(now),
                (true, _) => {}
                (false, Shift::Pending(_)) => {
                    out.push(Action::Down("SHIFT"));
                    out.push(Action::Up("SHIFT"));
                    self.shift = Shift::Up;
                }
                (false, Shift::Held) => {
                    out.push(Action::Up("SHIFT"));
                    self.shift = Shift::Up;
                }
                (false, _) => self.shift = Shift::Up,
            }
            return out;
        }
        if !down {
            if self.expect_char == Some(k) {
                self.expect_char = None;
            }
            if let Some(i) = self.down.iter().position(|(p, _)| *p == k)
                && let (_, Some(calc)) = self.down.remove(i)
            {
                out.push(Action::Up(calc));
            }
            if k == Pc::Tab {
                out.push(Action::Fast(false));
            }
            return out;
        }
        if self.down.iter().any(|(p, _)| *p == k) {
            // Auto-repeat: the key is already down.
            return out;
        }
        let command = match k {
            Pc::Tab => Some(Action::Fast(true)),
            Pc::F7 => Some(Action::Help),
            Pc::F9 => Some(Action::Record),
            Pc::F12 => Some(Action::Screenshot),
            _ => None,
        };
        if let Some(c) = command {
            self.down.push((k, None));
            out.push(c);
            return out;
        }
        let shifted = self.shift != Shift::Up;
        if let Some(calc) = named(k) {
            if let Shift::Pending(_) = self.shift {
                out.push(Action::Down("SHIFT"));
                out.push(Action::Up("SHIFT"));
                self.shift = Shift::Used;
            }
            self.down.push((k, Some(calc)));
            out.push(Action::Down(calc));
        } else if let (false, Some(calc)) = (shifted, unshifted(k)) {
            self.down.push((k, Some(calc)));
            out.push(Action::Down(calc));
        } else {
            // Its character tells (Shift+9 is `(` on one layout, `)` on another).
            self.down.push((k, None));
            self.expect_char = Some(k);
        }
        out
    }

    /// A character was typed (right after the key event that typed it).
    pub fn char(&mut self, c: u32) -> Vec<Action> {
        let Some(k) = self.expect_char.take() else {
            return Vec::new();
        };
        let Some(c) = char::from_u32(c) else {
            return Vec::new();
        };
        if c == '?' {
            return vec![Action::Help];
        }
        let Some(calc) = of_char(c) else {
            return Vec::new();
        };
        if let Shift::Pending(_) = self.shift {
            self.shift = Shift::Used;
        }
        if let Some(slot) = self.down.iter_mut().find(|(p, _)| *p == k) {
            slot.1 = Some(calc);
        }
        vec![Action::Down(calc)]
    }

    /// Time passes: Shift held alone long enough holds SHIFT down.
    pub fn tick(&mut self, now: Instant) -> Vec<Action> {
        match self.shift {
            Shift::Pending(since) if now.duration_since(since) >= SHIFT_HOLD => {
                self.shift = Shift::Held;
                vec![Action::Down("SHIFT")]
            }
            _ => Vec::new(),
        }
    }

    /// The window lost the focus: every key is released.
    pub fn release_all(&mut self) -> Vec<Action> {
        let mut out: Vec<Action> = self
            .down
            .drain(..)
            .filter_map(|(k, c)| match (k, c) {
                (Pc::Tab, _) => Some(Action::Fast(false)),
                (_, Some(c)) => Some(Action::Up(c)),
                _ => None,
            })
            .collect();
        if self.shift == Shift::Held {
            out.push(Action::Up("SHIFT"));
        }
        self.shift = Shift::Up;
        self.expect_char = None;
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::os::keymap::key_by_name;
    use Action::*;

    #[test]
    fn physical_keys_hold() {
        let t = Instant::now();
        let mut m = Mapper::default();
        assert_eq!(m.key(Pc::Right, true, t), [Down("RIGHT")]);
        assert_eq!(m.key(Pc::Right, true, t), []);
        assert_eq!(m.key(Pc::Key4, true, t), [Down("4")]);
        assert_eq!(m.char('4' as u32), []);
        assert_eq!(m.key(Pc::Right, false, t), [Up("RIGHT")]);
        assert_eq!(m.key(Pc::Q, true, t), [Down("Q")]);
        assert_eq!(m.key(Pc::Enter, true, t), [Down("EXE")]);
        assert_eq!(m.key(Pc::Tab, true, t), [Fast(true)]);
        assert_eq!(m.key(Pc::Tab, false, t), [Fast(false)]);
        assert_eq!(m.key(Pc::F12, true, t), [Screenshot]);
        assert_eq!(m.release_all(), [Up("4"), Up("Q"), Up("EXE")]);
    }

    #[test]
    fn shift_alone_with_a_character_or_a_named_key() {
        let t = Instant::now();
        let mut m = Mapper::default();
        // Alone: a SHIFT press on release.
        assert_eq!(m.key(Pc::LeftShift, true, t), []);
        assert_eq!(m.key(Pc::LeftShift, false, t), [Down("SHIFT"), Up("SHIFT")]);
        // Shift+9 typing `(`: LPAR, no SHIFT.
        m.key(Pc::LeftShift, true, t);
        assert_eq!(m.key(Pc::Key9, true, t), []);
        assert_eq!(m.char('(' as u32), [Down("LPAR")]);
        assert_eq!(m.key(Pc::Key9, false, t), [Up("LPAR")]);
        assert_eq!(m.key(Pc::LeftShift, false, t), []);
        // Shift+/ typing `?`: help.
        m.key(Pc::LeftShift, true, t);
        m.key(Pc::Slash, true, t);
        assert_eq!(m.char('?' as u32), [Help]);
        m.key(Pc::Slash, false, t);
        m.key(Pc::LeftShift, false, t);
        // Shift+Right: SHIFT then RIGHT.
        m.key(Pc::RightShift, true, t);
        assert_eq!(
            m.key(Pc::Right, true, t),
            [Down("SHIFT"), Up("SHIFT"), Down("RIGHT")]
        );
        m.key(Pc::Right, false, t);
        assert_eq!(m.key(Pc::RightShift, false, t), []);
        // Held alone: SHIFT down until released.
        m.key(Pc::LeftShift, true, t);
        assert_eq!(m.tick(t + SHIFT_HOLD / 2), []);
        assert_eq!(m.tick(t + SHIFT_HOLD), [Down("SHIFT")]);
        assert_eq!(m.key(Pc::LeftShift, false, t), [Up("SHIFT")]);
    }

    #[test]
    fn names_are_keys() {
        for c in "0123456789+-*/().,^AZaz".chars() {
            let name = of_char(c).unwrap();
            assert!(key_by_name(name).is_some(), "{c}");
        }
        for (pc, _) in HELP {
            assert!(!pc.is_empty());
        }
    }
}
