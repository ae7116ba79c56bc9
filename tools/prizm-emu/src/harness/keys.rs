//! Keys and key scripts.
//!
//! A key script is a comma-separated list of items:
//! - a key name (case-insensitive): `0`-`9`, `EXE`, `EXIT`, `MENU`, `AC` (AC/ON), `DEL`,
//!   `SHIFT`, `ALPHA`, `F1`-`F6`, `UP`, `DOWN`, `LEFT`, `RIGHT`, `OPTN`, `VARS`, `XTT`,
//!   `LOG`, `LN`, `SIN`, `COS`, `TAN`, `FRAC`, `FD`, `LPAR`, `RPAR`, `COMMA`, `STORE`,
//!   `SQUARE`, `POW`, `DOT`, `EXP`, `NEG`, `PLUS`, `MINUS`, `MUL`, `DIV`, and the letters
//!   `A`-`Z` (a letter is ALPHA+key: GetKey returns the letter's code, the matrix shows
//!   the physical key);
//! - keys held down together, joined by `+` (`LEFT+SHIFT`, at most [`CHORD_MAX`]): the
//!   key matrix shows them all; blocking calls and the OS's polling calls take the last;
//! - `wait:N` with a unit `ms` or `s` (e.g. `wait:500ms`, `wait:2s`): emulated time
//!   passes with no key down.
//!
//! Blocking key calls (GetKey, blocking GetKeyWait_OS) take the next key at once,
//! skipping time over waits. Code that polls (the key matrix registers, PRGM_GetKey)
//! sees each key held down for [`HOLD_MS`] ms of emulated time, then released for
//! [`GAP_MS`] ms before the next item starts. A press begins only after polling has seen
//! the keyboard released: when the last poll saw a key down (or at the very first poll),
//! a key item starts with a gap of [`GAP_MS`] ms with no key. A press is an edge, so an
//! add-in that ignores the keys held when it starts (as the SDK's `app::Input` does with
//! the EXE that opened it) still sees the script's first key, and an add-in too busy to
//! poll during a gap still sees `1,1` as two presses.
//!
//! Live keys (a window's keyboard, [`KeyQueue::set_live`]) come after the script: once
//! it is played, the key matrix shows every key held down now (and a key tapped between
//! two polls for at least [`LIVE_MIN_MS`] ms), the OS's polling calls the latest of
//! them, and blocking calls take each press once. Nothing held is never "exhausted" for
//! polling; a blocking call with no press waiting stops the run as idle until the next
//! press.

use crate::machine::devices::{KeyInput, KeysDown};
use crate::machine::fault::Fault;
use crate::machine::model::ms_to_cycles;
use crate::os::keymap::{KEYS, Key, key_by_name};
use crate::os::{Exhausted, KeySource, Take};
use std::collections::VecDeque;
use std::sync::{Arc, Mutex, MutexGuard};

/// How long a polled key stays down, in ms of emulated time.
pub const HOLD_MS: u64 = 100;
/// Released time after a polled key, in ms.
pub const GAP_MS: u64 = 50;
/// Emulated time the add-in may poll an exhausted script before the run counts as idle.
pub const IDLE_MS: u64 = 500;
/// Polls of an exhausted script after which the run counts as idle whatever the time.
pub const IDLE_POLLS: u64 = 100_000;

/// Emulated time a live key tapped (pressed and released between two polls) stays down
/// for polling, in ms.
pub const LIVE_MIN_MS: u64 = 50;
/// Live presses kept for blocking calls; older ones are dropped.
pub const LIVE_PRESSES: usize = 16;

/// Keys pressed together, at most this many.
pub const CHORD_MAX: usize = 4;

/// Keys held down together (a script's `LEFT+SHIFT`): polling the key matrix sees them
/// all; blocking calls and the OS's polling calls see the last one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Chord {
    keys: [Option<Key>; CHORD_MAX],
}

impl Chord {
    /// One key alone.
    pub fn one(key: Key) -> Chord {
        let mut keys = [None; CHORD_MAX];
        keys[0] = Some(key);
        Chord { keys }
    }

    /// The keys, in the order they were named (`None` for none).
    fn from_keys(list: impl IntoIterator<Item = Key>) -> Option<Chord> {
        let mut keys = [None; CHORD_MAX];
        for (slot, k) in keys.iter_mut().zip(list) {
            *slot = Some(k);
        }
        keys[0].map(|_| Chord { keys })
    }

    /// The keys, in order.
    pub fn keys(&self) -> impl Iterator<Item = Key> + '_ {
        self.keys.iter().flatten().copied()
    }

    /// The last key named: what the OS's calls see.
    pub fn last(&self) -> Key {
        self.keys().last().expect("a chord has a key")
    }

    /// The matrix codes of its keys.
    pub fn codes(&self) -> KeysDown {
        self.keys().map(|k| k.matrix).collect()
    }
}

/// One item of a key script.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyItem {
    /// A key press.
    Key(Key),
    /// Keys pressed together (`LEFT+SHIFT`).
    Chord(Chord),
    /// Emulated time passing with no key, in cycles.
    Wait(u64),
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
            let mut keys = Vec::new();
            for name in item.split('+').map(str::trim) {
                match key_by_name(name) {
                    Some(k) => keys.push(k),
                    None => {
                        return Err(format!(
                            "key script: unknown key `{name}` (known: {}; keys held together: \
                             A+B; or wait:N ms|s)",
                            KEYS.iter().map(|k| k.name).collect::<Vec<_>>().join(" ")
                        ));
                    }
                }
            }
            if keys.len() > CHORD_MAX {
                return Err(format!(
                    "key script: `{item}`: at most {CHORD_MAX} keys held together"
                ));
            }
            out.push(match keys[..] {
                [k] => KeyItem::Key(k),
                _ => KeyItem::Chord(Chord::from_keys(keys).expect("keys")),
            });
        }
    }
    Ok(out)
}

/// What polling sees right now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Phase {
    /// The next item may start.
    Ready,
    /// A wait item runs until the cycle.
    Waiting(u64),
    /// Keys are down until the cycle.
    Holding(Chord, u64),
    /// Released until the cycle.
    Gap(u64),
}

/// Keys pressed on a live keyboard (a window), played once the script is over.
#[derive(Clone, Debug, Default)]
struct Live {
    /// Keys held down now, in the order they were pressed.
    held: Vec<Key>,
    /// Presses not yet taken by a blocking call or seen by polling.
    presses: VecDeque<Key>,
    /// The latest press, shown to polling until it was polled and the cycle passed.
    tap: Option<(Key, Option<u64>)>,
}

/// The key script being played.
#[derive(Clone, Debug)]
pub struct KeyQueue {
    items: VecDeque<KeyItem>,
    phase: Phase,
    exhausted_since: Option<u64>,
    exhausted_polls: u64,
    live: Option<Live>,
    /// Whether polling has seen no key down since the last key it saw.
    seen_up: bool,
}

impl KeyQueue {
    /// A queue playing `items`.
    pub fn new(items: Vec<KeyItem>) -> Self {
        KeyQueue {
            items: items.into(),
            phase: Phase::Ready,
            exhausted_since: None,
            exhausted_polls: 0,
            live: None,
            seen_up: false,
        }
    }

    /// Turns live keys on: after the script, keys come from [`KeyQueue::key_down`] and
    /// [`KeyQueue::key_up`] (see the module documentation).
    pub fn set_live(&mut self) {
        self.live.get_or_insert_with(Live::default);
    }

    /// A live key went down (turns live keys on).
    pub fn key_down(&mut self, key: Key) {
        let live = self.live.get_or_insert_with(Live::default);
        live.held.retain(|k| k.name != key.name);
        live.held.push(key);
        if live.presses.len() == LIVE_PRESSES {
            live.presses.pop_front();
        }
        live.presses.push_back(key);
        live.tap = Some((key, None));
    }

    /// A live key still held repeats for blocking calls (the OS's auto-repeat): one more
    /// press, unless one is already waiting; returns whether it was added.
    pub fn key_repeat(&mut self, key: Key) -> bool {
        match &mut self.live {
            Some(live) if live.presses.is_empty() && live.held.contains(&key) => {
                live.presses.push_back(key);
                true
            }
            _ => false,
        }
    }

    /// A live key went up.
    pub fn key_up(&mut self, key: Key) {
        if let Some(live) = &mut self.live {
            live.held.retain(|k| k.name != key.name);
        }
    }

    /// Releases every live key (the window lost the focus).
    pub fn release_all(&mut self) {
        if let Some(live) = &mut self.live {
            live.held.clear();
        }
    }

    /// Whether a live press waits for a blocking call.
    pub fn live_pending(&self) -> bool {
        self.live.as_ref().is_some_and(|l| !l.presses.is_empty())
    }

    /// The live keys polling sees at `now` (the script is over): those held, and the
    /// last one tapped, last; the most recent [`CHORD_MAX`].
    fn live_poll(live: &mut Live, now: u64) -> Option<Chord> {
        let mut tapped = None;
        if let Some((key, seen)) = &mut live.tap {
            let until = *seen.get_or_insert(now + ms_to_cycles(LIVE_MIN_MS));
            let key = *key;
            // Seen by polling: a blocking call does not take it again.
            if let Some(i) = live.presses.iter().position(|k| k.name == key.name) {
                live.presses.remove(i);
            }
            if now < until {
                tapped = Some(key);
            } else {
                live.tap = None;
            }
        }
        let held = live
            .held
            .iter()
            .filter(|k| tapped.is_none_or(|t| t.name != k.name))
            .copied();
        let n = held.clone().count() + usize::from(tapped.is_some());
        Chord::from_keys(held.chain(tapped).skip(n.saturating_sub(CHORD_MAX)))
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
        Ok(self.poll_all(now)?.map(|c| c.last()))
    }

    /// Every key held down at cycle `now` as the key matrix shows them (a chord of the
    /// script, or the live keys held); see [`KeyQueue::poll`].
    pub fn poll_all(&mut self, now: u64) -> Result<Option<Chord>, Exhausted> {
        let keys = self.poll_item(now)?;
        self.seen_up = keys.is_none();
        Ok(keys)
    }

    /// [`KeyQueue::poll_all`] before it notes what polling saw.
    fn poll_item(&mut self, now: u64) -> Result<Option<Chord>, Exhausted> {
        loop {
            match self.phase {
                Phase::Ready => match self.items.pop_front() {
                    None if self.live.is_some() => {
                        return Ok(self.live.as_mut().and_then(|l| Self::live_poll(l, now)));
                    }
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
                    Some(item @ (KeyItem::Key(_) | KeyItem::Chord(_))) if !self.seen_up => {
                        // The keyboard is seen released (for a gap: one matrix read
                        // is several polls) before the press.
                        self.items.push_front(item);
                        self.phase = Phase::Gap(now + ms_to_cycles(GAP_MS));
                    }
                    Some(KeyItem::Key(k)) => {
                        self.phase = Phase::Holding(Chord::one(k), now + ms_to_cycles(HOLD_MS))
                    }
                    Some(KeyItem::Chord(c)) => {
                        self.phase = Phase::Holding(c, now + ms_to_cycles(HOLD_MS))
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
                Phase::Holding(c, _) => {
                    self.phase = Phase::Ready;
                    return Take::Key {
                        key: c.last(),
                        advance,
                    };
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
                    None if self.live.is_some() => {
                        let live = self.live.as_mut().expect("checked");
                        return match (live.presses.pop_front(), timeout) {
                            (Some(key), _) => {
                                if live.tap.is_some_and(|(k, _)| k.name == key.name) {
                                    live.tap = None;
                                }
                                Take::Key { key, advance }
                            }
                            // Time passes at the window's pace.
                            (None, Some(t)) => Take::Timeout {
                                advance: t.max(advance),
                            },
                            (None, None) => Take::Exhausted,
                        };
                    }
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
                    Some(KeyItem::Chord(c)) => {
                        return Take::Key {
                            key: c.last(),
                            advance,
                        };
                    }
                },
            }
        }
    }
}

/// The key script as both the keyboard hardware (polling, [`KeyInput`]) and the OS's
/// blocking key calls (through [`Keys::lock`]) see it: one queue, shared.
#[derive(Clone, Debug)]
pub struct Keys(Arc<Mutex<KeyQueue>>);

impl Keys {
    /// Shares `queue`.
    pub fn new(queue: KeyQueue) -> Self {
        Keys(Arc::new(Mutex::new(queue)))
    }

    /// The queue.
    pub fn lock(&self) -> MutexGuard<'_, KeyQueue> {
        // A panic while the lock was held leaves the queue usable.
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }
}

impl KeySource for Keys {
    fn poll(&mut self, now: u64) -> Result<Option<Key>, Exhausted> {
        self.lock().poll(now)
    }

    fn take(&mut self, now: u64, timeout: Option<u64>) -> Take {
        self.lock().take(now, timeout)
    }

    fn push_front(&mut self, key: Key) {
        self.lock().push_front(key)
    }
}

impl KeyInput for Keys {
    fn keys_down(&mut self, now: u64) -> Result<KeysDown, Fault> {
        // Nothing holds the lock across a CPU run or an OS call (each use locks on its
        // own), so an OS call reading the key rows through the bus gets here too.
        match self.lock().poll_all(now) {
            Ok(keys) => Ok(keys.map(|c| c.codes()).unwrap_or_default()),
            Err(Exhausted) => Err(Fault::NoInput),
        }
    }
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
    fn a_press_follows_a_release() {
        let name = |k: Result<Option<Key>, Exhausted>| k.unwrap().map(|k| k.name);
        let mut q = KeyQueue::new(parse_script("1,1,2").unwrap());
        let gap = ms_to_cycles(GAP_MS);
        // The first polls (an add-in noting the keys held at start: one matrix read is
        // several polls) see none, for a gap.
        assert_eq!(name(q.poll(0)), None);
        assert_eq!(name(q.poll(1)), None);
        assert_eq!(name(q.poll(gap)), Some("1"));
        // Not polled during the hold's end and the gap: the next `1` is still a second
        // press, after a gap the add-in sees.
        let later = gap + ms_to_cycles(HOLD_MS + GAP_MS) + 2;
        assert_eq!(name(q.poll(later)), None);
        assert_eq!(name(q.poll(later + gap)), Some("1"));
        // A blocking call takes the held `1`; polling sees a release before `2`.
        let later = later + gap + 1;
        assert!(matches!(q.take(later, None), Take::Key { .. }));
        assert_eq!(name(q.poll(later)), None);
        assert_eq!(name(q.poll(later + gap)), Some("2"));
    }

    #[test]
    fn chords_show_every_key_to_the_matrix() {
        let gap = ms_to_cycles(GAP_MS);
        let mut q = KeyQueue::new(parse_script("LEFT+SHIFT, LEFT + DOWN").unwrap());
        assert_eq!(q.poll_all(0), Ok(None));
        let c = q.poll_all(gap).unwrap().unwrap();
        assert_eq!(
            c.keys().map(|k| k.name).collect::<Vec<_>>(),
            ["LEFT", "SHIFT"]
        );
        assert_eq!(c.codes().iter().count(), 2);
        // The OS's polling calls and blocking calls see the last key.
        assert_eq!(q.poll(gap + 1).unwrap().unwrap().name, "SHIFT");
        match q.take(gap + 2, None) {
            Take::Key { key, .. } => assert_eq!(key.name, "SHIFT"),
            t => panic!("{t:?}"),
        }
        match q.take(gap + 3, None) {
            Take::Key { key, .. } => assert_eq!(key.name, "DOWN"),
            t => panic!("{t:?}"),
        }
        assert!(
            parse_script("LEFT+FOO")
                .unwrap_err()
                .contains("unknown key `FOO`")
        );
        assert!(parse_script("1+2+3+4+5").unwrap_err().contains("at most 4"));
        // Live keys: every key held.
        let mut q = KeyQueue::new(Vec::new());
        q.set_live();
        q.key_down(key("RIGHT"));
        q.key_down(key("SHIFT"));
        let c = q.poll_all(0).unwrap().unwrap();
        assert_eq!(
            c.keys().map(|k| k.name).collect::<Vec<_>>(),
            ["RIGHT", "SHIFT"]
        );
        assert_eq!(q.poll(0).unwrap().unwrap().name, "SHIFT");
        q.key_up(key("SHIFT"));
        let later = ms_to_cycles(LIVE_MIN_MS);
        let c = q.poll_all(later).unwrap().unwrap();
        assert_eq!(c.keys().map(|k| k.name).collect::<Vec<_>>(), ["RIGHT"]);
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

    fn key(name: &str) -> Key {
        key_by_name(name).unwrap()
    }

    #[test]
    fn live_keys_after_the_script() {
        let mut q = KeyQueue::new(parse_script("1").unwrap());
        q.set_live();
        // The script first (seen released, then pressed).
        assert_eq!(q.poll(0), Ok(None));
        assert_eq!(q.poll(ms_to_cycles(GAP_MS)).unwrap().unwrap().name, "1");
        let after = ms_to_cycles(GAP_MS + HOLD_MS + GAP_MS + 1);
        // Nothing held: no key, and never exhausted.
        assert_eq!(q.poll(after), Ok(None));
        assert_eq!(q.poll(after + ms_to_cycles(10 * IDLE_MS)), Ok(None));
        assert_eq!(q.take(after, None), Take::Exhausted);
        let t = ms_to_cycles(5);
        assert_eq!(q.take(after, Some(t)), Take::Timeout { advance: t });
        // Held: polling sees it as long as it is down.
        let now = after + ms_to_cycles(10 * IDLE_MS);
        q.key_down(key("RIGHT"));
        assert_eq!(q.poll(now).unwrap().unwrap().name, "RIGHT");
        assert_eq!(
            q.poll(now + ms_to_cycles(1000)).unwrap().unwrap().name,
            "RIGHT"
        );
        // A second key down on top of it, then up: back to the first.
        q.key_down(key("SHIFT"));
        q.key_up(key("SHIFT"));
        let later = now + ms_to_cycles(2000);
        // The tap shows for LIVE_MIN_MS from the first poll that sees it.
        assert_eq!(q.poll(later).unwrap().unwrap().name, "SHIFT");
        assert_eq!(
            q.poll(later + ms_to_cycles(LIVE_MIN_MS))
                .unwrap()
                .unwrap()
                .name,
            "RIGHT"
        );
        q.key_up(key("RIGHT"));
        assert_eq!(q.poll(later + ms_to_cycles(LIVE_MIN_MS + 1)), Ok(None));
        // Presses seen by polling are not taken again by a blocking call.
        assert!(!q.live_pending());
        assert_eq!(q.take(later, None), Take::Exhausted);
    }

    #[test]
    fn live_presses_for_blocking_calls() {
        let mut q = KeyQueue::new(Vec::new());
        q.set_live();
        q.key_down(key("1"));
        q.key_up(key("1"));
        q.key_down(key("EXE"));
        assert!(q.live_pending());
        for name in ["1", "EXE"] {
            match q.take(0, None) {
                Take::Key { key, advance: 0 } => assert_eq!(key.name, name),
                t => panic!("{t:?}"),
            }
        }
        assert_eq!(q.take(0, None), Take::Exhausted);
        // EXE is still held down: polling sees it; taken, it is no tap any more.
        assert_eq!(q.poll(0).unwrap().unwrap().name, "EXE");
        q.release_all();
        assert_eq!(q.poll(1), Ok(None));
        // Old presses are dropped past LIVE_PRESSES.
        for _ in 0..LIVE_PRESSES + 5 {
            q.key_down(key("2"));
        }
        let mut n = 0;
        while let Take::Key { .. } = q.take(0, None) {
            n += 1;
        }
        assert_eq!(n, LIVE_PRESSES);
    }

    #[test]
    fn held_keys_repeat_once_at_a_time() {
        let mut q = KeyQueue::new(Vec::new());
        q.set_live();
        q.key_down(key("DOWN"));
        // The press itself is waiting: no repeat on top of it.
        assert!(!q.key_repeat(key("DOWN")));
        assert!(matches!(q.take(0, None), Take::Key { .. }));
        assert!(q.key_repeat(key("DOWN")));
        assert!(!q.key_repeat(key("DOWN")));
        match q.take(0, None) {
            Take::Key { key, .. } => assert_eq!(key.name, "DOWN"),
            t => panic!("{t:?}"),
        }
        // Released: no more repeats.
        q.key_up(key("DOWN"));
        assert!(!q.key_repeat(key("DOWN")));
        assert_eq!(q.take(0, None), Take::Exhausted);
    }
}
