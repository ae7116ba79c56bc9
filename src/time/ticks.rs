//! RTC tick arithmetic across midnight (pure).
use core::time::Duration;

/// RTC ticks per second (`prizm_abi::rtc`).
pub const TICKS_PER_SECOND: u32 = crate::abi::rtc::TICKS_PER_SECOND;
/// RTC ticks per day: the counter goes back to 0 at midnight.
pub const TICKS_PER_DAY: u32 = crate::abi::rtc::TICKS_PER_DAY;

/// Ticks from `earlier` to `later`, both raw RTC values, assuming less than a day
/// passed: a `later` below `earlier` means midnight came in between.
pub const fn ticks_between(earlier: u32, later: u32) -> u32 {
    let (e, l) = (earlier % TICKS_PER_DAY, later % TICKS_PER_DAY);
    if l >= e { l - e } else { l + TICKS_PER_DAY - e }
}

/// A tick count as a duration (exact: 1 tick = 7.8125 ms).
pub const fn ticks_to_duration(ticks: u64) -> Duration {
    Duration::from_nanos(ticks * 1_000_000_000 / TICKS_PER_SECOND as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_day() {
        assert_eq!(ticks_between(100, 228), 128);
        assert_eq!(ticks_between(5, 5), 0);
    }

    #[test]
    fn across_midnight() {
        assert_eq!(ticks_between(TICKS_PER_DAY - 10, 5), 15);
        assert_eq!(ticks_between(TICKS_PER_DAY - 1, 0), 1);
    }

    #[test]
    fn durations() {
        assert_eq!(ticks_to_duration(128), Duration::from_secs(1));
        assert_eq!(
            ticks_to_duration(1),
            Duration::from_micros(7812) + Duration::from_nanos(500)
        );
    }
}
