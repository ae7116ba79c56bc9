//! [`TimeOfDay`]: the RTC's time of day as hours, minutes, seconds and ms (pure).
use core::fmt;

use super::ticks::{TICKS_PER_DAY, TICKS_PER_SECOND};

/// A time of day, 00:00:00.000 to 23:59:59.999.
///
/// ```
/// use prizm::time::TimeOfDay;
///
/// // 13:05:10.5 as RTC ticks (1/128 s since midnight).
/// let t = TimeOfDay::from_ticks((13 * 3600 + 5 * 60 + 10) * 128 + 64);
/// assert_eq!((t.hour, t.minute, t.second, t.millisecond), (13, 5, 10, 500));
/// assert_eq!(t.minute_of_day(), 13 * 60 + 5);
/// assert_eq!(format!("{t}"), "13:05");
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TimeOfDay {
    /// 0..=23.
    pub hour: u8,
    /// 0..=59.
    pub minute: u8,
    /// 0..=59.
    pub second: u8,
    /// 0..=999.
    pub millisecond: u16,
}

impl TimeOfDay {
    /// The time of an RTC tick count (1/128 s since midnight; taken modulo a day).
    pub const fn from_ticks(ticks: u32) -> Self {
        let ticks = ticks % TICKS_PER_DAY;
        let secs = ticks / TICKS_PER_SECOND;
        TimeOfDay {
            hour: (secs / 3600) as u8,
            minute: (secs / 60 % 60) as u8,
            second: (secs % 60) as u8,
            millisecond: ((ticks % TICKS_PER_SECOND) * 1000 / TICKS_PER_SECOND) as u16,
        }
    }

    /// Minutes since midnight, 0..1440.
    pub const fn minute_of_day(self) -> u32 {
        self.hour as u32 * 60 + self.minute as u32
    }
}

/// `HH:MM`, 24-hour.
impl fmt::Display for TimeOfDay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.hour, self.minute)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounds() {
        assert_eq!(TimeOfDay::from_ticks(0), TimeOfDay::default());
        let last = TimeOfDay::from_ticks(TICKS_PER_DAY - 1);
        assert_eq!(
            (last.hour, last.minute, last.second, last.millisecond),
            (23, 59, 59, 992)
        );
        assert_eq!(TimeOfDay::from_ticks(TICKS_PER_DAY), TimeOfDay::default());
    }
}
