//! The real-time clock (RTC, at [`RTC_BASE`]): date and time derived from the emulated
//! cycle count, so that time read from its registers agrees with the OS's time calls.
//!
//! Its periodic interrupt (PRI, INTEVT 0xAA0, IPRK bits 15-12, IMR10 bit 1 in the INTC):
//! RCR2 (+0x1E) bits 6-4 (PES) choose the period, 1/256 s, 1/64, 1/16, 1/4, 1/2, 1 or
//! 2 s for 1-7 (gint `include/gint/rtc.h`: RTC_256Hz = 1 ... RTC_500mHz = 7), 0 none;
//! bit 7 (PEF) is set at each period and stays set until software writes 0 to it
//! (gint `src/rtc/rtc.c`: `do RCR2.PEF = 0; while(RCR2.PEF);` after each interrupt);
//! the interrupt is requested while PEF is set and PES is not 0. Periods are counted
//! from the clock's own origin (second boundaries), as a divider chain does. Sources
//! for the event code and the INTC bits: gint `src/intc/intc.c` (IPRK, IMR10 0x02) and
//! its SH3 VBR map (0xAA0, "RTC Periodic Interrupt").

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

/// The RTC's count per second (`prizm_abi::rtc`): what RTC_GetTicks counts.
const TICKS: u64 = prizm_abi::rtc::TICKS_PER_SECOND as u64;

impl Rtc {
    /// Emulated time at cycle `now`, in 1/128 s since 1970.
    pub fn ticks128(&self, now: u64) -> u64 {
        self.start * TICKS + (now as u128 * TICKS as u128 / CLOCK_HZ as u128) as u64
    }

    /// RTC_GetTicks: 1/128 s since midnight.
    pub fn ticks_since_midnight(&self, now: u64) -> u32 {
        (self.ticks128(now) % u64::from(prizm_abi::rtc::TICKS_PER_DAY)) as u32
    }

    /// The date and time at cycle `now`.
    pub fn datetime(&self, now: u64) -> DateTime {
        let secs = self.ticks128(now) / TICKS;
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

/// RCR2: periodic interrupt flag.
pub const RCR2_PEF: u8 = 1 << 7;

/// The RTC device: the clock and its two control registers (RCR1 stored; RCR2's
/// periodic interrupt bits modelled).
#[derive(Clone, Debug, Default)]
pub struct RtcDevice {
    /// The clock.
    pub clock: Rtc,
    /// RTC control registers 1 and 2 (RCR2 without PEF).
    pub rcr: [u8; 2],
    /// PEF as it was at `pef_base`.
    pef_latched: bool,
    /// Periods that end after this cycle set PEF.
    pef_base: u64,
}

impl RtcDevice {
    /// The period chosen by RCR2.PES, in 1/256 s; `None` when off.
    fn period(&self) -> Option<u64> {
        match (self.rcr[1] >> 4) & 7 {
            0 => None,
            1 => Some(1),
            2 => Some(4),
            3 => Some(16),
            4 => Some(64),
            5 => Some(128),
            6 => Some(256),
            _ => Some(512),
        }
    }

    /// The first cycle after `c` that ends a period.
    fn next_period_end(&self, c: u64) -> Option<u64> {
        let p = self.period()?;
        // Time in 1/256 s at cycle c: floor(c * 256 / CLOCK_HZ).
        let t = (c as u128 * 256 / CLOCK_HZ as u128) as u64;
        let n = (t / p + 1) * p;
        Some((n as u128 * CLOCK_HZ as u128).div_ceil(256) as u64)
    }

    /// RCR2.PEF at `now`.
    pub fn pef(&self, now: u64) -> bool {
        self.pef_latched
            || self
                .next_period_end(self.pef_base)
                .is_some_and(|c| c <= now)
    }

    /// Whether the periodic interrupt is requested at `now`.
    pub fn irq(&self, now: u64) -> bool {
        self.period().is_some() && self.pef(now)
    }

    /// When the periodic interrupt will be requested, if it is not at `now`.
    pub fn next_irq(&self, now: u64) -> Option<u64> {
        if self.pef(now) {
            return None;
        }
        self.next_period_end(self.pef_base)
    }

    fn write_rcr2(&mut self, v: u8, now: u64) {
        let pef = self.pef(now) && v & RCR2_PEF != 0;
        self.rcr[1] = v & !RCR2_PEF;
        self.pef_latched = pef;
        self.pef_base = now;
    }
}

impl Device for RtcDevice {
    fn read(&mut self, offset: u32, _size: u8, now: u64) -> Result<u32, Fault> {
        let dt = self.clock.datetime(now);
        let t128 = self.clock.ticks128(now);
        Ok(match offset {
            0x00 => (t128 % TICKS) as u32, // R64CNT counts at 64 Hz in bits 0-6
            0x02 => bcd(dt.second),
            0x04 => bcd(dt.minute),
            0x06 => bcd(dt.hour),
            0x08 => dt.weekday,
            0x0A => bcd(dt.day),
            0x0C => bcd(dt.month),
            0x0E => bcd(dt.year),
            0x1C => self.rcr[0] as u32,
            0x1E => (self.rcr[1] | if self.pef(now) { RCR2_PEF } else { 0 }) as u32,
            _ => 0,
        })
    }

    fn write(&mut self, offset: u32, _size: u8, v: u32, now: u64) -> Result<(), Fault> {
        match offset {
            0x1C => self.rcr[0] = v as u8,
            0x1E => self.write_rcr2(v as u8, now),
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

    #[test]
    fn periodic_flag_and_interrupt() {
        let mut r = RtcDevice::default();
        assert!(!r.irq(CLOCK_HZ));
        assert_eq!(r.next_irq(0), None);
        // 64 Hz (PES = 2), from cycle 1000.
        r.write(0x1E, 1, 0x20, 1000).unwrap();
        let due = r.next_irq(1000).unwrap();
        assert_eq!(due, CLOCK_HZ / 64);
        assert!(!r.irq(due - 1));
        assert!(r.irq(due));
        assert_eq!(r.read(0x1E, 1, due).unwrap(), 0xA0);
        // Writing PEF = 1 keeps it; 0 clears it until the next period.
        r.write(0x1E, 1, 0xA0, due + 5).unwrap();
        assert!(r.irq(due + 5));
        r.write(0x1E, 1, 0x20, due + 10).unwrap();
        assert!(!r.irq(due + 10));
        assert_eq!(r.next_irq(due + 10), Some(2 * (CLOCK_HZ / 64)));
        // PES = 0: no interrupt.
        r.write(0x1E, 1, 0x00, due + 20).unwrap();
        assert!(!r.irq(10 * CLOCK_HZ));
    }
}
