//! [`Repeater`]: turns "key held" samples into key presses with auto-repeat.
use super::Key;

/// Auto-repeat: a key press when a key goes down, then after `delay_ms` one every
/// `interval_ms` while it stays down. Pure logic: feed it the held key and the time
/// (milliseconds from any wrapping clock, e.g. [`crate::time::Instant`]).
#[derive(Clone, Debug)]
pub struct Repeater {
    delay_ms: u32,
    interval_ms: u32,
    held: Option<(Key, u32)>,
}

impl Repeater {
    /// A repeater with the given first delay and repeat interval (interval at least 1).
    pub const fn new(delay_ms: u32, interval_ms: u32) -> Self {
        Repeater {
            delay_ms,
            interval_ms: if interval_ms == 0 { 1 } else { interval_ms },
            held: None,
        }
    }

    /// The OS-like default: 400 ms, then every 80 ms.
    pub const fn default_timing() -> Self {
        Repeater::new(400, 80)
    }

    /// Feeds the key held at `now_ms` (`None`: no key); returns a key press if one is
    /// due. A different key replaces the held one at once.
    pub fn update(&mut self, held: Option<Key>, now_ms: u32) -> Option<Key> {
        match (held, self.held) {
            (None, _) => {
                self.held = None;
                None
            }
            (Some(k), Some((h, next))) if k == h => {
                // Wrap-aware "now >= next".
                if now_ms.wrapping_sub(next) < u32::MAX / 2 {
                    // Catch up without bursts: the next repeat is one interval after now.
                    let late = now_ms.wrapping_sub(next) / self.interval_ms;
                    let next = next.wrapping_add((late + 1).wrapping_mul(self.interval_ms));
                    self.held = Some((k, next));
                    Some(k)
                } else {
                    None
                }
            }
            (Some(k), _) => {
                self.held = Some((k, now_ms.wrapping_add(self.delay_ms)));
                Some(k)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    extern crate std;
    use std::vec::Vec;

    fn run(r: &mut Repeater, start: u32, samples: &[(Option<Key>, u32)]) -> Vec<(u32, Key)> {
        samples
            .iter()
            .filter_map(|&(k, t)| r.update(k, start.wrapping_add(t)).map(|k| (t, k)))
            .collect()
    }

    #[test]
    fn press_delay_then_interval() {
        let mut r = Repeater::new(400, 100);
        let samples: Vec<_> = (0..=1000).step_by(10).map(|t| (Some(Key::Up), t)).collect();
        let out = run(&mut r, 0, &samples);
        let times: Vec<u32> = out.iter().map(|&(t, _)| t).collect();
        assert_eq!(times, [0, 400, 500, 600, 700, 800, 900, 1000]);
    }

    #[test]
    fn release_and_change_restart() {
        let mut r = Repeater::new(300, 50);
        let out = run(
            &mut r,
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
            let mut r = Repeater::new(200, 100);
            let samples: Vec<_> = (0..=500).step_by(25).map(|t| (Some(Key::Exe), t)).collect();
            let times: Vec<u32> = run(&mut r, start, &samples)
                .iter()
                .map(|&(t, _)| t)
                .collect();
            assert_eq!(times, [0, 200, 300, 400, 500], "start {start}");
        }
    }

    #[test]
    fn slow_polling_does_not_burst() {
        let mut r = Repeater::new(100, 10);
        assert_eq!(r.update(Some(Key::F1), 0), Some(Key::F1));
        assert_eq!(r.update(Some(Key::F1), 1000), Some(Key::F1));
        assert_eq!(r.update(Some(Key::F1), 1001), None);
        assert_eq!(r.update(Some(Key::F1), 1010), Some(Key::F1));
    }
}
