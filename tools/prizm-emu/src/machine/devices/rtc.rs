//! The real-time clock (RTC, at [`RTC_BASE`]): date and time derived from the emulated
//! cycle count, so that time read from its registers agrees with the OS's time calls.

use super::Device;
use crate::machine::fault::Fault;
use crate::machine::model::CLOCK_HZ;

/// RTC registers (R64CNT at the base).
pub const RTC_BASE: u32 = 0xA413_FEC0;
/// Size of the RTC's register block.
pub const RTC_LEN: u32 = 0x20;

/// A calendar date and time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DateTime {
    /// Year (e.g. 2024).
    pub year: u32,
    /// Month 1-12.
    pub month: u32,
    /// Day 1-31.
    pub day: u32,
    /// Hour 0-23.
    pub hour: u32,
    /// Minute.
    pub minute: u32,
    /// Second.
    pub second: u32,
    /// Day of week, 0 = Sunday.
    pub weekday: u32,
}

/// The real-time clock: starts at [`Rtc::start`] (seconds since 1970, UTC-like) when the
/// emulated cycle count is 0.
#[derive(Clone, Debug)]
pub struct Rtc {
    /// Seconds since 1970-01-01 00:00:00 at cycle 0.
    pub start: u64,
}

impl Default for Rtc {
    fn default() -> Self {
        // 2024-01-01 12:00:00 (a Monday).
        Rtc {
            start: 1_704_110_400,
        }
    }
}

impl Rtc {
    /// Emulated time at cycle `now`, in 1/128 s since 1970.
    pub fn ticks128(&self, now: u64) -> u64 {
        self.start * 128 + (now as u128 * 128 / CLOCK_HZ as u128) as u64
    }

    /// RTC_GetTicks: 1/128 s since midnight.
    pub fn ticks_since_midnight(&self, now: u64) -> u32 {
        (self.ticks128(now) % (86_400 * 128)) as u32
    }

    /// The date and time at cycle `now`.
    pub fn datetime(&self, now: u64) -> DateTime {
        let secs = self.ticks128(now) / 128;
        let days = (secs / 86_400) as i64;
        let rem = secs % 86_400;
        // Civil-from-days (proleptic Gregorian).
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + if month <= 2 { 1 } else { 0 }) as u32;
        DateTime {
            year,
            month,
            day,
            hour: (rem / 3600) as u32,
            minute: (rem / 60 % 60) as u32,
            second: (rem % 60) as u32,
            weekday: ((days + 4).rem_euclid(7)) as u32,
        }
    }
}

/// Binary-coded decimal of `v` (the RTC's registers count in BCD).
fn bcd(v: u32) -> u32 {
    let mut out = 0;
    let mut shift = 0;
    let mut v = v;
    loop {
        out |= (v % 10) << shift;
        v /= 10;
        shift += 4;
        if v == 0 {
            return out;
        }
    }
}

/// The RTC device: the clock and its two control registers (stored, no effect).
#[derive(Clone, Debug, Default)]
pub struct RtcDevice {
    /// The clock.
    pub clock: Rtc,
    /// RTC control registers 1 and 2.
    pub rcr: [u8; 2],
}

impl Device for RtcDevice {
    fn read(&mut self, offset: u32, _size: u8, now: u64) -> Result<u32, Fault> {
        let dt = self.clock.datetime(now);
        let t128 = self.clock.ticks128(now);
        Ok(match offset {
            0x00 => (t128 % 128) as u32, // R64CNT counts at 64 Hz in bits 0-6
            0x02 => bcd(dt.second),
            0x04 => bcd(dt.minute),
            0x06 => bcd(dt.hour),
            0x08 => dt.weekday,
            0x0A => bcd(dt.day),
            0x0C => bcd(dt.month),
            0x0E => bcd(dt.year),
            0x1C => self.rcr[0] as u32,
            0x1E => self.rcr[1] as u32,
            _ => 0,
        })
    }

    fn write(&mut self, offset: u32, _size: u8, v: u32, _now: u64) -> Result<(), Fault> {
        match offset {
            0x1C => self.rcr[0] = v as u8,
            0x1E => self.rcr[1] = v as u8,
            _ => {} // setting the clock is not emulated
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rtc_start_date() {
        let r = Rtc::default();
        let d = r.datetime(0);
        assert_eq!(
            (d.year, d.month, d.day, d.hour, d.minute, d.second),
            (2024, 1, 1, 12, 0, 0)
        );
        assert_eq!(d.weekday, 1);
        assert_eq!(r.ticks_since_midnight(0), 12 * 3600 * 128);
        assert_eq!(r.ticks_since_midnight(CLOCK_HZ), (12 * 3600 + 1) * 128);
        assert_eq!(bcd(59), 0x59);
        assert_eq!(bcd(2024), 0x2024);
    }
}
