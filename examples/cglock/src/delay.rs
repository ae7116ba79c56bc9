//! Time: RTC ticks and the lock-out delay that grows after each wrong code.
//!
//! The RTC counts ticks of 1/128 s since midnight (`RTC_GetTicks`) and wraps back to 0
//! at midnight. The state machine only ever sees tick values in [`Event::Tick`]
//! events and measures time as the wrapped difference between two consecutive ones.
//!
//! [`Event::Tick`]: crate::Event::Tick

/// RTC ticks per second.
pub const TICKS_PER_SECOND: u32 = 128;
/// RTC ticks per day: the tick counter wraps to 0 at this value (midnight).
pub const TICKS_PER_DAY: u32 = TICKS_PER_SECOND * 86_400;

/// Wrong codes allowed before any delay.
pub const FREE_ATTEMPTS: u16 = 3;
/// The delay after the first failure beyond [`FREE_ATTEMPTS`], in seconds; it doubles
/// with each further failure.
pub const FIRST_DELAY_SECONDS: u32 = 30;
/// The longest delay, in seconds (one hour).
pub const MAX_DELAY_SECONDS: u32 = 3600;
/// The longest delay in ticks; a stored remaining time above it is a corrupt field.
pub const MAX_DELAY_TICKS: u32 = MAX_DELAY_SECONDS * TICKS_PER_SECOND;

/// The lock-out delay, in ticks, after `failures` consecutive wrong codes:
/// none for the first [`FREE_ATTEMPTS`], then 30 s, 1 min, 2 min, 4 min, ... up to
/// [`MAX_DELAY_SECONDS`].
pub fn delay_after(failures: u16) -> u32 {
    if failures <= FREE_ATTEMPTS {
        return 0;
    }
    let doublings = u32::from(failures - FREE_ATTEMPTS - 1);
    let secs = if doublings >= 16 {
        MAX_DELAY_SECONDS
    } else {
        (FIRST_DELAY_SECONDS << doublings).min(MAX_DELAY_SECONDS)
    };
    secs * TICKS_PER_SECOND
}

/// Ticks elapsed from tick value `earlier` to tick value `later`, assuming less than a
/// day passed: when `later < earlier` the counter wrapped at midnight. Values at or
/// above [`TICKS_PER_DAY`] (never produced by the RTC) are reduced modulo a day.
///
/// If more than a day passed (the calculator was off that long) the result is short by
/// whole days, so a lock-out can only last longer than planned, never shorter.
pub fn elapsed(earlier: u32, later: u32) -> u32 {
    let e = earlier % TICKS_PER_DAY;
    let l = later % TICKS_PER_DAY;
    if l >= e { l - e } else { l + TICKS_PER_DAY - e }
}

/// Whole seconds to show for `ticks` remaining, rounded up so that "0 s" is shown only
/// when nothing remains.
pub fn seconds_ceil(ticks: u32) -> u32 {
    ticks.div_ceil(TICKS_PER_SECOND)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delays_grow_then_cap() {
        let secs: [u32; 14] = core::array::from_fn(|i| delay_after(i as u16) / TICKS_PER_SECOND);
        assert_eq!(
            secs,
            [
                0, 0, 0, 0, 30, 60, 120, 240, 480, 960, 1920, 3600, 3600, 3600
            ]
        );
        assert_eq!(delay_after(u16::MAX), MAX_DELAY_TICKS);
        assert_eq!(delay_after(20), MAX_DELAY_TICKS);
        for f in 0..u16::MAX {
            assert!(delay_after(f) <= delay_after(f + 1));
        }
    }

    #[test]
    fn elapsed_wraps_at_midnight() {
        assert_eq!(elapsed(100, 356), 256);
        assert_eq!(elapsed(5, 5), 0);
        assert_eq!(elapsed(TICKS_PER_DAY - 10, 20), 30);
        assert_eq!(elapsed(TICKS_PER_DAY + 3, 5), 2);
    }

    #[test]
    fn seconds_round_up() {
        assert_eq!(seconds_ceil(0), 0);
        assert_eq!(seconds_ceil(1), 1);
        assert_eq!(seconds_ceil(128), 1);
        assert_eq!(seconds_ceil(129), 2);
    }
}
