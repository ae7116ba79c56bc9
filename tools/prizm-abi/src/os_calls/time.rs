//! OS calls: the real-time clock, delays and timers.

/// The time area's table lines, handed to `$callback!` (see [`crate::os_calls`]).
#[macro_export]
macro_rules! time_calls {
    ($($callback:ident)::+) => {
        $($callback)::+! {
            source "libfxcg `include/fxcg/rtc.h`, `include/fxcg/system.h` and `libfxcg/syscalls/*.S` ([LFX-rtc], [LFX-sys], [LFX-S]); Simon Lothar's RTC page ([SL-rtc])";
            0x02C1 "Ticks of 1/128 s since midnight (wraps to 0 at midnight)." fn RTC_GetTicks() -> i32;
            0x02C0 "The time of day." fn RTC_GetTime(hour: *mut u32, minute: *mut u32, second: *mut u32, millisecond: *mut u32);
            0x02C2 "1 if `duration_ms` has passed since tick value `start`." fn RTC_Elapsed_ms(start: i32, duration_ms: i32) -> i32;
            0x02BF "Resets the RTC (parameter meaning unknown)." fn RTC_Reset(p: i32) -> i32;
            0x11DE "Sets date and time from a BCD buffer." fn RTC_SetDateTime(timestr: *const u8);
            0x1BB4 "Sleeps for `ms` milliseconds." fn OS_InnerWait_ms(ms: i32);
            0x11D6 "Busy-waits `n` microseconds." fn CMT_Delay_micros(n: i32);
            0x11D7 "Busy-waits `n` x 100 microseconds." fn CMT_Delay_100micros(n: i32);
            0x08D9 "Installs `handler` on OS timer `id` (or a free one if `id` is negative), every `elapse_ms`; returns the timer id or a negative error. Stop and remove timers before using Bfile." fn Timer_Install(id: i32, handler: Option<unsafe extern "C" fn()>, elapse_ms: i32) -> i32;
            0x08DA "Removes timer `id`." fn Timer_Deinstall(id: i32) -> i32;
            0x08DB "Starts timer `id`." fn Timer_Start(id: i32) -> i32;
            0x08DC "Stops timer `id`." fn Timer_Stop(id: i32) -> i32;
        }
    };
}
