//! [`Clock`]: the time, from the RTC (calculator only).
use crate::time::{self, Duration, Instant, TimeOfDay};

/// The calculator's clock: monotonic time, the time of day, sleeping. (The same as
/// [`crate::time`]'s functions, reached through the handle.)
pub struct Clock {
    _private: (),
}

impl Clock {
    pub(crate) const fn new() -> Clock {
        Clock { _private: () }
    }

    /// Now, monotonic, 1/128 s resolution.
    pub fn now(&self) -> Instant {
        Instant::now()
    }

    /// The time of day.
    pub fn time_of_day(&self) -> TimeOfDay {
        time::time_of_day()
    }

    /// The RTC's raw count: 1/128 s since midnight.
    pub fn rtc_ticks(&self) -> u32 {
        time::rtc_ticks()
    }

    /// Sleeps for `d` (whole ms).
    pub fn sleep(&self, d: Duration) {
        time::sleep(d)
    }
}
