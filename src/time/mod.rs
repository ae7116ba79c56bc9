//! Time: the RTC's ticks (1/128 s since midnight, wrapping at midnight), a monotonic
//! [`Instant`] that survives the wrap, sleeping, and OS timers ([`Timer`]).

mod clock;
mod of_day;
mod ticks;
mod timer;

pub use clock::{Instant, MonotonicClock};
pub use core::time::Duration;
pub use of_day::TimeOfDay;
pub use ticks::{TICKS_PER_DAY, TICKS_PER_SECOND, ticks_between, ticks_to_duration};
#[cfg(any(doc, prizm))]
pub use timer::Timer;
pub use timer::TimerError;

/// The RTC's raw tick count: 1/128 s since midnight (calculator only).
#[cfg(any(doc, prizm))]
#[cfg_attr(doc, doc(cfg(prizm)))]
pub fn rtc_ticks() -> u32 {
    // SAFETY: no arguments.
    (unsafe { crate::sys::time::RTC_GetTicks() }) as u32
}

/// The time of day from the RTC (calculator only).
#[cfg(any(doc, prizm))]
#[cfg_attr(doc, doc(cfg(prizm)))]
pub fn time_of_day() -> TimeOfDay {
    let (mut h, mut m, mut s, mut ms) = (0, 0, 0, 0);
    // SAFETY: valid out-pointers.
    unsafe { crate::sys::time::RTC_GetTime(&mut h, &mut m, &mut s, &mut ms) };
    TimeOfDay {
        hour: h as u8,
        minute: m as u8,
        second: s as u8,
        millisecond: ms as u16,
    }
}

/// Sleeps for `d` (rounded down to milliseconds) with `OS_InnerWait_ms` (calculator only).
#[cfg(any(doc, prizm))]
#[cfg_attr(doc, doc(cfg(prizm)))]
pub fn sleep(d: Duration) {
    let mut ms = d.as_millis();
    while ms > 0 {
        let step = ms.min(i32::MAX as u128);
        // SAFETY: plain value argument.
        unsafe { crate::sys::time::OS_InnerWait_ms(step as i32) };
        ms -= step;
    }
}

/// Sleeps for `ms` milliseconds (calculator only).
#[cfg(any(doc, prizm))]
#[cfg_attr(doc, doc(cfg(prizm)))]
pub fn sleep_ms(ms: u32) {
    sleep(Duration::from_millis(u64::from(ms)));
}
