//! Real speed: which emulated cycle is due at a wall-clock instant (one instruction is
//! one cycle of [`CLOCK_HZ`]), and the speed actually reached.

use crate::machine::model::CLOCK_HZ;
use std::time::{Duration, Instant};

/// How far behind the wall clock emulation may fall before the lost time is dropped
/// (a slow host, a long frame).
pub const MAX_LAG: Duration = Duration::from_millis(100);

/// Maps wall-clock time to emulated cycles from a common origin.
#[derive(Clone, Copy, Debug)]
pub struct Pacer {
    wall: Instant,
    cycles: u64,
}

impl Pacer {
    /// Emulated cycle `cycles` is due at `wall`.
    pub fn new(wall: Instant, cycles: u64) -> Pacer {
        Pacer { wall, cycles }
    }

    /// The emulated cycle due at `wall`.
    pub fn due(&self, wall: Instant) -> u64 {
        let d = wall.saturating_duration_since(self.wall);
        self.cycles + (d.as_nanos() * CLOCK_HZ as u128 / 1_000_000_000) as u64
    }

    /// Moves the origin: `cycles` is due at `wall` (after a fast-forward or a wait).
    pub fn rebase(&mut self, wall: Instant, cycles: u64) {
        *self = Pacer::new(wall, cycles);
    }

    /// After running up to `cycles` at `wall`: drops the time emulation is behind by
    /// more than [`MAX_LAG`]; returns whether it did.
    pub fn catch_up(&mut self, wall: Instant, cycles: u64) -> bool {
        let lag = self.due(wall).saturating_sub(cycles);
        if lag as u128 * 1_000_000_000 / CLOCK_HZ as u128 > MAX_LAG.as_nanos() {
            self.rebase(wall, cycles);
            true
        } else {
            false
        }
    }
}

/// The speed reached, as a percentage of the calculator's, over about a second.
#[derive(Clone, Copy, Debug)]
pub struct Speed {
    since: Instant,
    cycles: u64,
    /// The last measure, in percent.
    pub percent: Option<u32>,
}

impl Speed {
    /// Starts measuring.
    pub fn new(wall: Instant, cycles: u64) -> Speed {
        Speed {
            since: wall,
            cycles,
            percent: None,
        }
    }

    /// Records the emulated cycle reached at `wall`; returns whether the measure changed.
    pub fn sample(&mut self, wall: Instant, cycles: u64) -> bool {
        let d = wall.saturating_duration_since(self.since);
        if d < Duration::from_secs(1) {
            return false;
        }
        let run = cycles.saturating_sub(self.cycles) as f64 / CLOCK_HZ as f64;
        let p = Some((run / d.as_secs_f64() * 100.0).round() as u32);
        let changed = p != self.percent;
        *self = Speed::new(wall, cycles);
        self.percent = p;
        changed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn due_cycles_follow_the_clock() {
        let t = Instant::now();
        let mut p = Pacer::new(t, 1000);
        assert_eq!(p.due(t), 1000);
        assert_eq!(p.due(t + Duration::from_secs(1)), 1000 + CLOCK_HZ);
        assert_eq!(p.due(t + Duration::from_millis(10)), 1000 + CLOCK_HZ / 100);
        // Within MAX_LAG: kept; beyond: dropped.
        let later = t + Duration::from_secs(1);
        assert!(!p.catch_up(later, 1000 + CLOCK_HZ - CLOCK_HZ / 20));
        assert!(p.catch_up(later, 1000));
        assert_eq!(p.due(later), 1000);
        let mut s = Speed::new(t, 0);
        assert!(!s.sample(t + Duration::from_millis(500), CLOCK_HZ));
        assert!(s.sample(t + Duration::from_secs(2), CLOCK_HZ));
        assert_eq!(s.percent, Some(50));
    }
}
