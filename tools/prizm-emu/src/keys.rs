//! Keys and key scripts.
//!
//! A key script is a comma-separated list of items:
//! - a key name (case-insensitive): `0`-`9`, `EXE`, `EXIT`, `MENU`, `AC` (AC/ON), `DEL`,
//!   `SHIFT`, `ALPHA`, `F1`-`F6`, `UP`, `DOWN`, `LEFT`, `RIGHT`, `OPTN`, `VARS`, `XTT`,
//!   `LOG`, `LN`, `SIN`, `COS`, `TAN`, `FRAC`, `FD`, `LPAR`, `RPAR`, `COMMA`, `STORE`,
//!   `SQUARE`, `POW`, `DOT`, `EXP`, `NEG`, `PLUS`, `MINUS`, `MUL`, `DIV`, and the letters
//!   `A`-`Z` (a letter is ALPHA+key: GetKey returns the letter's code, the matrix shows
//!   the physical key);
//! - `wait:N` with a unit `ms` or `s` (e.g. `wait:500ms`, `wait:2s`): emulated time
//!   passes with no key down.
//!
//! Blocking key calls (GetKey, blocking GetKeyWait_OS) take the next key at once,
//! skipping time over waits. Code that polls (the key matrix registers, PRGM_GetKey)
//! sees each key held down for [`HOLD_MS`] ms of emulated time, then released for
//! [`GAP_MS`] ms before the next item starts.

use crate::cpu::CLOCK_HZ;
use std::collections::VecDeque;

/// How long a polled key stays down, in ms of emulated time.
pub const HOLD_MS: u64 = 100;
/// Released time after a polled key, in ms.
pub const GAP_MS: u64 = 50;
/// Emulated time the add-in may poll an exhausted script before the run counts as idle.
pub const IDLE_MS: u64 = 500;
/// Polls of an exhausted script after which the run counts as idle whatever the time.
pub const IDLE_POLLS: u64 = 100_000;

/// A physical key: its name, its matrix code (column*10+row as in the PRGM_GetKey
/// numbering: column 1 is the right-most, row 1 the bottom; AC/ON is 10) and the code
/// GetKey returns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Key {
    /// Script name.
    pub name: &'static str,
    /// Matrix code (PRGM_GetKey numbering).
    pub matrix: u8,
    /// GetKey code (KEY_CHAR_* / KEY_CTRL_*).
    pub getkey: u16,
    /// Whether it stands for ALPHA followed by a key (letters).
    pub alpha: bool,
}

const fn k(name: &'static str, matrix: u8, getkey: u16) -> Key {
    Key {
        name,
        matrix,
        getkey,
        alpha: false,
    }
}
const fn l(name: &'static str, matrix: u8) -> Key {
    Key {
        name,
        matrix,
        getkey: name.as_bytes()[0] as u16,
        alpha: true,
    }
}

/// Every key the script knows.
pub const KEYS: &[Key] = &[
    k("0", 71, 0x30),
    k("1", 72, 0x31),
    k("2", 62, 0x32),
    k("3", 52, 0x33),
    k("4", 73, 0x34),
    k("5", 63, 0x35),
    k("6", 53, 0x36),
    k("7", 74, 0x37),
    k("8", 64, 0x38),
    k("9", 54, 0x39),
    k("EXE", 31, 30004),
    k("EXIT", 47, 30002),
    k("MENU", 48, 30003),
    k("AC", 10, 30015),
    k("DEL", 44, 30025),
    k("SHIFT", 78, 30006),
    k("ALPHA", 77, 30007),
    k("OPTN", 68, 30008),
    k("VARS", 58, 30016),
    k("F1", 79, 30009),
    k("F2", 69, 30010),
    k("F3", 59, 30011),
    k("F4", 49, 30012),
    k("F5", 39, 30013),
    k("F6", 29, 30014),
    k("UP", 28, 30018),
    k("DOWN", 37, 30023),
    k("LEFT", 38, 30020),
    k("RIGHT", 27, 30021),
    k("XTT", 76, 30001),
    k("LOG", 66, 0x95),
    k("LN", 56, 0x85),
    k("SIN", 46, 0x81),
    k("COS", 36, 0x82),
    k("TAN", 26, 0x83),
    k("FRAC", 75, 0xbb),
    k("FD", 65, 30046),
    k("LPAR", 55, 0x28),
    k("RPAR", 45, 0x29),
    k("COMMA", 35, 0x2c),
    k("STORE", 25, 0x0e),
    k("SQUARE", 67, 0x8b),
    k("POW", 57, 0xa8),
    k("DOT", 61, 0x2e),
    k("EXP", 51, 0x0f),
    k("NEG", 41, 0x87),
    k("PLUS", 42, 0x89),
    k("MINUS", 32, 0x99),
    k("MUL", 43, 0xa9),
    k("DIV", 33, 0xb9),
    l("A", 76),
    l("B", 66),
    l("C", 56),
    l("D", 46),
    l("E", 36),
    l("F", 26),
    l("G", 75),
    l("H", 65),
    l("I", 55),
    l("J", 45),
    l("K", 35),
    l("L", 25),
    l("M", 74),
    l("N", 64),
    l("O", 54),
    l("P", 73),
    l("Q", 63),
    l("R", 53),
    l("S", 43),
    l("T", 33),
    l("U", 72),
    l("V", 62),
    l("W", 52),
    l("X", 42),
    l("Y", 32),
    l("Z", 71),
];

/// Looks a key up by script name (case-insensitive).
pub fn key_by_name(name: &str) -> Option<Key> {
    KEYS.iter()
        .find(|k| k.name.eq_ignore_ascii_case(name))
        .copied()
}

/// Looks a key up by matrix code.
pub fn key_by_matrix(code: u8) -> Option<Key> {
    KEYS.iter().find(|k| k.matrix == code && !k.alpha).copied()
}

/// One item of a key script.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyItem {
    /// A key press.
    Key(Key),
    /// Emulated time passing with no key, in cycles.
    Wait(u64),
}

/// Converts milliseconds of emulated time to cycles.
pub fn ms_to_cycles(ms: u64) -> u64 {
    ms * (CLOCK_HZ / 1000)
}

/// Parses a key script (see the module documentation).
pub fn parse_script(s: &str) -> Result<Vec<KeyItem>, String> {
    let mut out = Vec::new();
    for raw in s.split(',') {
        let item = raw.trim();
        if item.is_empty() {
            continue;
        }
        if let Some(d) = item
            .strip_prefix("wait:")
            .or_else(|| item.strip_prefix("WAIT:"))
        {
            let d = d.trim();
            let (num, mul) = if let Some(n) = d.strip_suffix("ms") {
                (n, 1)
            } else if let Some(n) = d.strip_suffix('s') {
                (n, 1000)
            } else {
                return Err(format!(
                    "key script: `{item}`: a wait needs a unit, e.g. wait:500ms or wait:2s"
                ));
            };
            let n: u64 = num
                .trim()
                .parse()
                .map_err(|_| format!("key script: `{item}`: `{num}` is not a whole number"))?;
            out.push(KeyItem::Wait(ms_to_cycles(n * mul)));
        } else {
            match key_by_name(item) {
                Some(k) => out.push(KeyItem::Key(k)),
                None => {
                    return Err(format!(
                        "key script: unknown key `{item}` (known: {}; or wait:N ms|s)",
                        KEYS.iter().map(|k| k.name).collect::<Vec<_>>().join(" ")
                    ));
                }
            }
        }
    }
    Ok(out)
}

/// The key script has been exhausted for a while as polling saw it: the run is idle.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Exhausted;

/// What polling sees right now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Phase {
    /// The next item may start.
    Ready,
    /// A wait item runs until the cycle.
    Waiting(u64),
    /// A key is down until the cycle.
    Holding(Key, u64),
    /// Released until the cycle.
    Gap(u64),
}

/// The key script being played.
#[derive(Clone, Debug)]
pub struct KeyQueue {
    items: VecDeque<KeyItem>,
    phase: Phase,
    exhausted_since: Option<u64>,
    exhausted_polls: u64,
}

/// Result of taking a key for a blocking call.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Take {
    /// A key, after `advance` idle cycles.
    Key {
        /// The key.
        key: Key,
        /// Emulated cycles that passed before it.
        advance: u64,
    },
    /// The timeout passed with no key (`advance` cycles).
    Timeout {
        /// Emulated cycles that passed.
        advance: u64,
    },
    /// The script is exhausted.
    Exhausted,
}

impl KeyQueue {
    /// A queue playing `items`.
    pub fn new(items: Vec<KeyItem>) -> Self {
        KeyQueue {
            items: items.into(),
            phase: Phase::Ready,
            exhausted_since: None,
            exhausted_polls: 0,
        }
    }

    /// Appends an item.
    pub fn push(&mut self, item: KeyItem) {
        self.items.push_back(item);
        self.exhausted_since = None;
        self.exhausted_polls = 0;
    }

    /// Puts a key in front of the script (Keyboard_PutKeycode).
    pub fn push_front(&mut self, key: Key) {
        self.items.push_front(KeyItem::Key(key));
        self.exhausted_since = None;
        self.exhausted_polls = 0;
    }

    /// Whether no item is left and nothing is held or waited for.
    pub fn is_exhausted(&self) -> bool {
        self.items.is_empty() && !matches!(self.phase, Phase::Holding(..) | Phase::Waiting(_))
    }

    /// The key held down at cycle `now` as polling sees it; `Err(())` when the script has
    /// been exhausted for longer than [`IDLE_MS`] (or [`IDLE_POLLS`] polls) while polled
    /// ([`Exhausted`]).
    pub fn poll(&mut self, now: u64) -> Result<Option<Key>, Exhausted> {
        loop {
            match self.phase {
                Phase::Ready => match self.items.pop_front() {
                    None => {
                        let since = *self.exhausted_since.get_or_insert(now);
                        self.exhausted_polls += 1;
                        if now.saturating_sub(since) > ms_to_cycles(IDLE_MS)
                            || self.exhausted_polls > IDLE_POLLS
                        {
                            return Err(Exhausted);
                        }
                        return Ok(None);
                    }
                    Some(KeyItem::Wait(d)) => self.phase = Phase::Waiting(now + d),
                    Some(KeyItem::Key(k)) => {
                        self.phase = Phase::Holding(k, now + ms_to_cycles(HOLD_MS))
                    }
                },
                Phase::Waiting(until) => {
                    if now >= until {
                        self.phase = Phase::Ready;
                    } else {
                        return Ok(None);
                    }
                }
                Phase::Holding(k, until) => {
                    if now >= until {
                        self.phase = Phase::Gap(until + ms_to_cycles(GAP_MS));
                    } else {
                        return Ok(Some(k));
                    }
                }
                Phase::Gap(until) => {
                    if now >= until {
                        self.phase = Phase::Ready;
                    } else {
                        return Ok(None);
                    }
                }
            }
        }
    }

    /// Takes the next key for a blocking call at cycle `now`, waiting at most `timeout`
    /// cycles (`None`: forever).
    pub fn take(&mut self, now: u64, timeout: Option<u64>) -> Take {
        let mut advance = 0u64;
        loop {
            match self.phase {
                Phase::Holding(k, _) => {
                    self.phase = Phase::Ready;
                    return Take::Key { key: k, advance };
                }
                Phase::Waiting(until) | Phase::Gap(until) => {
                    let left = until.saturating_sub(now + advance);
                    if let Some(t) = timeout
                        && advance + left > t
                    {
                        return Take::Timeout { advance: t };
                    }
                    advance += left;
                    self.phase = Phase::Ready;
                }
                Phase::Ready => match self.items.pop_front() {
                    None => {
                        return match timeout {
                            Some(t) => {
                                // Nothing will come: let timeouts pass until the add-in
                                // has waited IDLE_MS with nothing left.
                                let since = *self.exhausted_since.get_or_insert(now);
                                if now.saturating_sub(since) > ms_to_cycles(IDLE_MS) {
                                    Take::Exhausted
                                } else {
                                    Take::Timeout {
                                        advance: t.max(advance),
                                    }
                                }
                            }
                            None => Take::Exhausted,
                        };
                    }
                    Some(KeyItem::Wait(d)) => self.phase = Phase::Waiting(now + advance + d),
                    Some(KeyItem::Key(k)) => return Take::Key { key: k, advance },
                },
            }
        }
    }
}

/// The 12 bytes of the keyboard scan registers (0xA44B0000) with `key` down: six
/// big-endian 16-bit words; row r is in word r/2, column c (1-based) at bit
/// (c-1) + 8*(r%2).
pub fn matrix_bytes(key: Option<Key>) -> [u8; 12] {
    let mut words = [0u16; 6];
    if let Some(k) = key.filter(|k| k.matrix >= 10) {
        let row = (k.matrix % 10) as usize;
        let col = (k.matrix / 10) as usize - 1;
        if row / 2 < 6 {
            words[row / 2] |= 1 << (col + 8 * (row & 1));
        }
    }
    let mut b = [0u8; 12];
    for (i, w) in words.iter().enumerate() {
        b[2 * i..2 * i + 2].copy_from_slice(&w.to_be_bytes());
    }
    b
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_scripts() {
        let s = parse_script("1, exe,wait:500ms,wait:2s,F1,a").unwrap();
        assert_eq!(s.len(), 6);
        assert_eq!(s[2], KeyItem::Wait(ms_to_cycles(500)));
        assert_eq!(s[3], KeyItem::Wait(ms_to_cycles(2000)));
        match s[5] {
            KeyItem::Key(k) => assert_eq!(k.getkey, 0x41),
            _ => panic!(),
        }
        assert!(parse_script("FOO").is_err());
        assert!(parse_script("wait:5").is_err());
        assert!(parse_script("wait:xms").is_err());
    }

    #[test]
    fn polling_timeline() {
        let mut q = KeyQueue::new(parse_script("wait:10ms,EXE").unwrap());
        assert_eq!(q.poll(0), Ok(None));
        assert_eq!(q.poll(ms_to_cycles(11)).unwrap().unwrap().name, "EXE");
        assert_eq!(q.poll(ms_to_cycles(150)), Ok(None));
        assert_eq!(q.poll(ms_to_cycles(200)), Ok(None));
        assert!(q.poll(ms_to_cycles(2000)).is_err());
    }

    #[test]
    fn blocking_take() {
        let mut q = KeyQueue::new(parse_script("wait:1s,1").unwrap());
        assert_eq!(
            q.take(0, Some(ms_to_cycles(10))),
            Take::Timeout {
                advance: ms_to_cycles(10)
            }
        );
        match q.take(0, None) {
            Take::Key { key, .. } => assert_eq!(key.name, "1"),
            t => panic!("{t:?}"),
        }
        assert_eq!(q.take(0, None), Take::Exhausted);
    }

    #[test]
    fn matrix_layout() {
        let b = matrix_bytes(key_by_name("AC"));
        assert_eq!(b[1], 1);
        let b = matrix_bytes(key_by_name("EXE")); // col 3 row 1 -> word 0, bit 2+8
        assert_eq!(u16::from_be_bytes([b[0], b[1]]), 1 << 10);
    }
}
