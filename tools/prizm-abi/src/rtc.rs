//! The real-time clock as the OS reports it: `RTC_GetTicks` counts 1/128 s since
//! midnight ([SL-rtc], [MQ-rtc]; docs/hardware.md "RTC tick").

/// RTC ticks per second (the unit of `RTC_GetTicks` and `RTC_Elapsed_ms`'s start).
pub const TICKS_PER_SECOND: u32 = 128;
/// Seconds in a day: the tick count goes back to 0 at midnight.
pub const SECONDS_PER_DAY: u32 = 86_400;
/// RTC ticks per day.
pub const TICKS_PER_DAY: u32 = TICKS_PER_SECOND * SECONDS_PER_DAY;
