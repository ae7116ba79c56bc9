//! [`MonotonicClock`] (pure, wrap-aware) and [`Instant`] (the calculator's clock).
use core::{
    ops::{Add, Sub},
    time::Duration,
};

use super::ticks::{TICKS_PER_SECOND, ticks_between, ticks_to_duration};

/// Turns raw RTC samples into a count that only grows, across midnight.
///
/// It needs a sample at least once a day (any [`Instant::now`] call is one); between two
/// samples a lower value means midnight passed.
#[derive(Clone, Copy, Debug, Default)]
pub struct MonotonicClock {
    last: Option<u32>,
    total: u64,
}

impl MonotonicClock {
    /// A clock that starts counting at its first sample.
    pub const fn new() -> Self {
        MonotonicClock {
            last: None,
            total: 0,
        }
    }

    /// Feeds a raw RTC value; returns ticks since the first sample.
    pub fn sample(&mut self, raw: u32) -> u64 {
        if let Some(last) = self.last {
            self.total += u64::from(ticks_between(last, raw));
        }
        self.last = Some(raw);
        self.total
    }
}

/// A point in time from a monotonic clock of 1/128 s resolution, like
/// `std::time::Instant`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Instant {
    ticks: u64,
}

impl Instant {
    /// The instant `ticks` RTC ticks after the clock's start.
    pub const fn from_ticks(ticks: u64) -> Self {
        Instant { ticks }
    }

    /// Ticks since the clock's start.
    pub const fn ticks(self) -> u64 {
        self.ticks
    }

    /// Now, from the RTC (calculator only). Not for timer handlers.
    #[cfg(any(doc, prizm))]
    #[cfg_attr(doc, doc(cfg(prizm)))]
    pub fn now() -> Instant {
        static CLOCK: GlobalClock = GlobalClock(core::cell::UnsafeCell::new(MonotonicClock::new()));
        let raw = super::rtc_ticks();
        // SAFETY: the calculator runs one thread and `now` is not called from timer
        // handlers (documented), so this is the only access.
        Instant {
            ticks: unsafe { (*CLOCK.0.get()).sample(raw) },
        }
    }

    /// Time since `self` (calculator only).
    #[cfg(any(doc, prizm))]
    #[cfg_attr(doc, doc(cfg(prizm)))]
    pub fn elapsed(self) -> Duration {
        Instant::now() - self
    }

    /// Time from `earlier` to `self`, zero if `earlier` is later.
    pub fn duration_since(self, earlier: Instant) -> Duration {
        ticks_to_duration(self.ticks.saturating_sub(earlier.ticks))
    }

    /// Milliseconds since the clock's start, wrapping (for [`crate::app::KeyState`]).
    pub const fn as_millis_wrapping(self) -> u32 {
        (self.ticks * 1000 / TICKS_PER_SECOND as u64) as u32
    }
}

/// The calculator's clock state.
#[cfg(any(doc, prizm))]
struct GlobalClock(core::cell::UnsafeCell<MonotonicClock>);

// SAFETY: the calculator runs one thread.
#[cfg(any(doc, prizm))]
unsafe impl Sync for GlobalClock {}

impl Sub for Instant {
    type Output = Duration;
    fn sub(self, rhs: Instant) -> Duration {
        self.duration_since(rhs)
    }
}

impl Add<Duration> for Instant {
    type Output = Instant;
    /// Rounds `d` up to whole ticks.
    fn add(self, d: Duration) -> Instant {
        let ticks = (d.as_nanos() * TICKS_PER_SECOND as u128).div_ceil(1_000_000_000);
        Instant {
            ticks: self.ticks + ticks as u64,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::TICKS_PER_DAY;

    #[test]
    fn counts_across_several_midnights() {
        let mut c = MonotonicClock::new();
        let mut raw = TICKS_PER_DAY - 1000;
        let mut expected = 0u64;
        assert_eq!(c.sample(raw), 0);
        let mut seed = 7u64;
        for _ in 0..10_000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let step = (seed % 5000) as u32;
            raw = (raw + step) % TICKS_PER_DAY;
            expected += u64::from(step);
            assert_eq!(c.sample(raw), expected);
        }
        assert!(expected > u64::from(TICKS_PER_DAY));
    }

    #[test]
    fn instant_arithmetic() {
        let a = Instant::from_ticks(128);
        let b = a + Duration::from_millis(500);
        assert_eq!(b.ticks(), 192);
        assert_eq!(b - a, Duration::from_millis(500));
        assert_eq!(a - b, Duration::ZERO);
        assert_eq!(a + Duration::from_nanos(1), Instant::from_ticks(129));
        assert_eq!(b.as_millis_wrapping(), 1500);
    }
}
