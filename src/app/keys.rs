//! [`KeyState`]: which keys are held, went down or came up between two readings of the
//! key matrix, and their auto-repeat (pure: runs on the PC).
use crate::keyboard::{Key, KeyMatrix};

/// Default first auto-repeat delay, in ms (the OS's own key repeat waits about as long).
pub const REPEAT_DELAY_MS: u32 = 400;
/// Default auto-repeat interval, in ms.
pub const REPEAT_INTERVAL_MS: u32 = 80;

/// The keyboard between two updates: the keys held at the last two readings, when each
/// went down, and the repeat timing.
///
/// Feed it a reading and the time in ms (any wrapping clock) with [`update`]; then ask
/// [`is_pressed`], [`just_pressed`], [`just_released`] and [`repeat`]. A key repeats
/// once when it goes down, then after the delay once per interval while it stays down;
/// an update that comes late yields one repeat, never a burst.
///
/// ```
/// use prizm::app::KeyState;
/// use prizm::keyboard::{Key, KeyMatrix};
///
/// let mut keys = KeyState::new(400, 100);
/// let mut up = KeyMatrix::default();
/// up.set(Key::Up, true);
/// keys.update(up, 0);
/// assert!(keys.just_pressed(Key::Up) && keys.repeat(Key::Up));
/// keys.update(up, 390);
/// assert!(keys.is_pressed(Key::Up) && !keys.repeat(Key::Up));
/// keys.update(up, 400);
/// assert!(keys.repeat(Key::Up));
/// keys.update(KeyMatrix::default(), 420);
/// assert!(keys.just_released(Key::Up) && !keys.is_pressed(Key::Up));
/// ```
///
/// [`update`]: KeyState::update
/// [`is_pressed`]: KeyState::is_pressed
/// [`just_pressed`]: KeyState::just_pressed
/// [`just_released`]: KeyState::just_released
/// [`repeat`]: KeyState::repeat
#[derive(Clone, Debug)]
pub struct KeyState {
    before: KeyMatrix,
    now: KeyMatrix,
    /// Keys not reported as pressed until released (held when the state started, or
    /// when the add-in came back from the OS).
    ignored: KeyMatrix,
    /// Time of the previous and the last update, in ms.
    before_ms: u32,
    now_ms: u32,
    /// When each key (index in [`Key::ALL`]) went down, in ms.
    down_at: [u32; Key::ALL.len()],
    delay_ms: u32,
    interval_ms: u32,
}

impl Default for KeyState {
    fn default() -> Self {
        KeyState::new(REPEAT_DELAY_MS, REPEAT_INTERVAL_MS)
    }
}

impl KeyState {
    /// No key held; repeats after `delay_ms`, then every `interval_ms` (at least 1).
    pub const fn new(delay_ms: u32, interval_ms: u32) -> Self {
        KeyState {
            before: KeyMatrix::from_words([0; 6]),
            now: KeyMatrix::from_words([0; 6]),
            ignored: KeyMatrix::from_words([0; 6]),
            before_ms: 0,
            now_ms: 0,
            down_at: [0; Key::ALL.len()],
            delay_ms,
            interval_ms: if interval_ms == 0 { 1 } else { interval_ms },
        }
    }

    /// Takes a new reading of the keys held, made at `now_ms`.
    pub fn update(&mut self, held: KeyMatrix, now_ms: u32) {
        // A key stays ignored until it is released.
        let ignored = self.ignored;
        for k in ignored.down() {
            if !held.is_down(k) {
                self.ignored.set(k, false);
            }
        }
        let mut held = held;
        for k in self.ignored.down() {
            held.set(k, false);
        }
        for k in held.pressed_since(&self.now) {
            self.down_at[index(k)] = now_ms;
        }
        self.before = self.now;
        self.now = held;
        self.before_ms = self.now_ms;
        self.now_ms = now_ms;
    }

    /// Ignores the keys of `held` until each is released: they are neither pressed nor
    /// just pressed meanwhile (for keys still held from before, such as the EXE that
    /// opened the add-in, or AC/ON after power-off).
    pub fn ignore_held(&mut self, held: KeyMatrix) {
        for k in held.down() {
            self.ignored.set(k, true);
            self.now.set(k, false);
            self.before.set(k, false);
        }
    }

    /// Whether `key` is held.
    pub fn is_pressed(&self, key: Key) -> bool {
        self.now.is_down(key)
    }

    /// Whether `key` went down at the last update.
    pub fn just_pressed(&self, key: Key) -> bool {
        self.now.is_down(key) && !self.before.is_down(key)
    }

    /// Whether `key` came up at the last update.
    pub fn just_released(&self, key: Key) -> bool {
        !self.now.is_down(key) && self.before.is_down(key)
    }

    /// Whether `key` went down, or is due to auto-repeat, at the last update.
    pub fn repeat(&self, key: Key) -> bool {
        if !self.now.is_down(key) {
            return false;
        }
        if !self.before.is_down(key) {
            return true;
        }
        let at = self.down_at[index(key)];
        let was = self.repeats(self.before_ms.wrapping_sub(at));
        self.repeats(self.now_ms.wrapping_sub(at)) > was
    }

    /// The keys that went down at the last update, top-left to bottom-right.
    pub fn pressed(&self) -> impl Iterator<Item = Key> + '_ {
        self.now.pressed_since(&self.before)
    }

    /// The keys that auto-repeated (or went down) at the last update.
    pub fn repeated(&self) -> impl Iterator<Item = Key> + '_ {
        self.now.down().filter(|&k| self.repeat(k))
    }

    /// The keys held at the last update.
    pub fn held(&self) -> KeyMatrix {
        self.now
    }

    /// Repeats due `held_ms` after a key went down (not counting the press itself).
    fn repeats(&self, held_ms: u32) -> u32 {
        if held_ms < self.delay_ms {
            0
        } else {
            1 + (held_ms - self.delay_ms) / self.interval_ms
        }
    }
}

/// Index of `key` in [`Key::ALL`].
fn index(key: Key) -> usize {
    Key::ALL.iter().position(|&k| k == key).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    extern crate std;
    use std::vec::Vec;

    fn matrix(keys: &[Key]) -> KeyMatrix {
        let mut m = KeyMatrix::default();
        for &k in keys {
            m.set(k, true);
        }
        m
    }

    #[test]
    fn edges_of_several_keys() {
        let mut s = KeyState::default();
        s.update(matrix(&[Key::Up, Key::Shift]), 0);
        assert_eq!(s.pressed().collect::<Vec<_>>(), [Key::Shift, Key::Up]);
        s.update(matrix(&[Key::Up, Key::F1]), 20);
        assert!(s.just_pressed(Key::F1) && !s.just_pressed(Key::Up));
        assert!(s.just_released(Key::Shift) && !s.is_pressed(Key::Shift));
        s.update(matrix(&[Key::Up, Key::F1]), 40);
        assert_eq!(s.pressed().count(), 0);
        assert!(!s.just_released(Key::Shift));
    }

    #[test]
    fn repeat_timing_per_key() {
        let mut s = KeyState::new(300, 100);
        let mut times = Vec::new();
        for t in (0..=700).step_by(20) {
            let keys: &[Key] = if t >= 100 {
                &[Key::Up, Key::Down]
            } else {
                &[Key::Up]
            };
            s.update(matrix(keys), t);
            if s.repeat(Key::Down) {
                times.push(t);
            }
        }
        // Down went down at 100: repeats at 400, 500, 600, 700.
        assert_eq!(times, [100, 400, 500, 600, 700]);
    }

    #[test]
    fn late_update_repeats_once_and_clock_may_wrap() {
        let start = u32::MAX - 50;
        let mut s = KeyState::new(100, 10);
        s.update(matrix(&[Key::Exe]), start);
        assert!(s.repeat(Key::Exe));
        s.update(matrix(&[Key::Exe]), start.wrapping_add(1000));
        assert!(s.repeat(Key::Exe));
        assert_eq!(s.repeated().collect::<Vec<_>>(), [Key::Exe]);
        s.update(matrix(&[Key::Exe]), start.wrapping_add(1005));
        assert!(!s.repeat(Key::Exe));
        s.update(matrix(&[Key::Exe]), start.wrapping_add(1010));
        assert!(s.repeat(Key::Exe));
    }

    /// The times at which `repeat` reports the key held in each sample (`None`: none).
    fn repeats_of(s: &mut KeyState, start: u32, samples: &[(Option<Key>, u32)]) -> Vec<(u32, Key)> {
        samples
            .iter()
            .filter_map(|&(k, t)| {
                s.update(matrix(k.as_slice()), start.wrapping_add(t));
                k.filter(|&k| s.repeat(k)).map(|k| (t, k))
            })
            .collect()
    }

    #[test]
    fn press_delay_then_interval() {
        let mut s = KeyState::new(400, 100);
        let samples: Vec<_> = (0..=1000).step_by(10).map(|t| (Some(Key::Up), t)).collect();
        let times: Vec<u32> = repeats_of(&mut s, 0, &samples)
            .iter()
            .map(|&(t, _)| t)
            .collect();
        assert_eq!(times, [0, 400, 500, 600, 700, 800, 900, 1000]);
    }

    #[test]
    fn release_and_change_restart() {
        let mut s = KeyState::new(300, 50);
        let out = repeats_of(
            &mut s,
            0,
            &[
                (Some(Key::Up), 0),
                (Some(Key::Up), 100),
                (None, 200),
                (Some(Key::Up), 250),
                (Some(Key::Down), 260),
                (Some(Key::Down), 559),
                (Some(Key::Down), 560),
            ],
        );
        assert_eq!(
            out,
            [
                (0, Key::Up),
                (250, Key::Up),
                (260, Key::Down),
                (560, Key::Down)
            ]
        );
    }

    #[test]
    fn works_across_clock_wrap() {
        for start in [0, u32::MAX - 250, u32::MAX] {
            let mut s = KeyState::new(200, 100);
            let samples: Vec<_> = (0..=500).step_by(25).map(|t| (Some(Key::Exe), t)).collect();
            let times: Vec<u32> = repeats_of(&mut s, start, &samples)
                .iter()
                .map(|&(t, _)| t)
                .collect();
            assert_eq!(times, [0, 200, 300, 400, 500], "start {start}");
        }
    }

    #[test]
    fn slow_polling_does_not_burst() {
        let mut s = KeyState::new(100, 10);
        let f1 = |s: &mut KeyState, t| repeats_of(s, 0, &[(Some(Key::F1), t)]).len() == 1;
        assert!(f1(&mut s, 0));
        assert!(f1(&mut s, 1000));
        assert!(!f1(&mut s, 1001));
        assert!(f1(&mut s, 1010));
    }

    #[test]
    fn ignored_until_released() {
        let mut s = KeyState::default();
        s.ignore_held(matrix(&[Key::Exe]));
        s.update(matrix(&[Key::Exe]), 0);
        assert!(!s.is_pressed(Key::Exe) && !s.just_pressed(Key::Exe));
        s.update(matrix(&[]), 20);
        assert!(!s.just_released(Key::Exe));
        s.update(matrix(&[Key::Exe]), 40);
        assert!(s.just_pressed(Key::Exe));
    }
}
