//! Time calls. Emulated time is the cycle count ([`crate::cpu::CLOCK_HZ`] per second)
//! plus idle time; the RTC starts at 2024-01-01 12:00:00 ([`crate::io::Rtc`]).

use super::{Call, CallResult};
use crate::cpu::CLOCK_HZ;
use crate::emulator::Emulator;

/// The time calls.
pub const CALLS: &[Call] = &[
    (0x02C1, "RTC_GetTicks", rtc_get_ticks),
    (0x02C0, "RTC_GetTime", rtc_get_time),
    (0x02C2, "RTC_Elapsed_ms", rtc_elapsed_ms),
    (0x02BF, "RTC_Reset", rtc_reset),
    (0x1BB4, "OS_InnerWait_ms", os_inner_wait_ms),
    (0x11D6, "CMT_Delay_micros", cmt_delay_micros),
    (0x11D7, "CMT_Delay_100micros", cmt_delay_100micros),
];

/// RTC_GetTicks: 1/128 s since midnight (wraps at midnight).
fn rtc_get_ticks(e: &mut Emulator) -> CallResult {
    let now = e.cpu.now();
    Ok(e.cpu.mem.io.rtc.ticks_since_midnight(now))
}

/// RTC_GetTime(unsigned* hour, unsigned* minute, unsigned* second, unsigned* ms).
fn rtc_get_time(e: &mut Emulator) -> CallResult {
    let now = e.cpu.now();
    let dt = e.cpu.mem.io.rtc.datetime(now);
    let ms = (e.cpu.mem.io.rtc.ticks128(now) % 128 * 1000 / 128) as u32;
    let ptrs = [e.arg(0)?, e.arg(1)?, e.arg(2)?, e.arg(3)?];
    for (p, v) in ptrs.into_iter().zip([dt.hour, dt.minute, dt.second, ms]) {
        if p != 0 {
            e.wr32(p, v)?;
        }
    }
    Ok(0)
}

/// RTC_Elapsed_ms(start_ticks, duration_ms): 1 once `duration_ms` passed since
/// `start_ticks` (an RTC_GetTicks value; handles the midnight wrap).
fn rtc_elapsed_ms(e: &mut Emulator) -> CallResult {
    let (start, dur) = (e.arg(0)?, e.arg(1)? as i32);
    let now = e.cpu.now();
    let ticks = e.cpu.mem.io.rtc.ticks_since_midnight(now);
    let day = 86_400 * 128;
    let elapsed = (ticks + day - start % day) % day;
    Ok((elapsed as i64 * 1000 / 128 >= dur as i64) as u32)
}

fn rtc_reset(e: &mut Emulator) -> CallResult {
    e.ignored("RTC_Reset")
}

fn os_inner_wait_ms(e: &mut Emulator) -> CallResult {
    let ms = e.arg(0)? as i32;
    e.idle(ms.max(0) as u64 * CLOCK_HZ / 1000);
    Ok(0)
}

fn cmt_delay_micros(e: &mut Emulator) -> CallResult {
    let us = e.arg(0)? as i32;
    e.idle(us.max(0) as u64 * CLOCK_HZ / 1_000_000);
    Ok(0)
}

fn cmt_delay_100micros(e: &mut Emulator) -> CallResult {
    let n = e.arg(0)? as i32;
    e.idle(n.max(0) as u64 * CLOCK_HZ / 10_000);
    Ok(0)
}
