//! Memory-mapped devices an add-in may touch directly: the keyboard scan registers, the
//! RTC, the TMU and CMT timers. Everything else is unmapped.
//!
//! All of them derive their state from the emulated cycle count (`now`), so time seen
//! through registers agrees with the OS time calls.

use crate::cpu::CLOCK_HZ;
use crate::keys::{KeyQueue, matrix_bytes};
use crate::mem::Fault;

/// Keyboard scan registers (6 x 16-bit rows).
pub const KEYSC_BASE: u32 = 0xA44B_0000;
/// RTC registers (R64CNT at the base).
pub const RTC_BASE: u32 = 0xA413_FEC0;
/// TMU registers (TSTR at base+4).
pub const TMU_BASE: u32 = 0xA449_0000;
/// CMT registers (CMSTR at the base).
pub const CMT_BASE: u32 = 0xA44A_0000;
/// Peripheral clock: a quarter of the CPU clock.
pub const PCLK_HZ: u64 = CLOCK_HZ / 4;

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

/// One TMU channel.
#[derive(Clone, Debug, Default)]
pub struct TmuChannel {
    /// Constant register (reload value).
    pub tcor: u32,
    /// Counter value when it was last written or started.
    pub tcnt: u32,
    /// Control register.
    pub tcr: u16,
    /// Cycle at which `tcnt` was valid.
    pub since: u64,
}

impl TmuChannel {
    fn divider(&self) -> u64 {
        // TPSC: Pclk/4, /16, /64, /256, /1024.
        match self.tcr & 7 {
            0 => 4,
            1 => 16,
            2 => 64,
            3 => 256,
            _ => 1024,
        }
    }

    /// Counter and underflow flag at `now`, when running.
    fn value(&self, now: u64, running: bool) -> (u32, bool) {
        if !running {
            return (self.tcnt, false);
        }
        let ticks = (now.saturating_sub(self.since)) * PCLK_HZ / CLOCK_HZ / self.divider();
        if ticks <= self.tcnt as u64 {
            (self.tcnt - ticks as u32, false)
        } else {
            let period = self.tcor as u64 + 1;
            let after = ticks - self.tcnt as u64 - 1;
            ((self.tcor as u64 - after % period) as u32, true)
        }
    }
}

/// The device block.
#[derive(Clone, Debug)]
pub struct Io {
    /// The key script, which also drives the scan registers.
    pub keys: KeyQueue,
    /// The RTC.
    pub rtc: Rtc,
    /// TMU channels 0-2.
    pub tmu: [TmuChannel; 3],
    /// TMU start register.
    pub tstr: u8,
    /// CMT start register.
    pub cmstr: u16,
    /// CMT control/status.
    pub cmcsr: u16,
    /// CMT constant.
    pub cmcor: u32,
    /// CMT counter at `cm_since`.
    pub cmcnt: u32,
    /// Cycle at which `cmcnt` was valid.
    pub cm_since: u64,
    /// RTC control registers 1 and 2 (stored, no effect).
    pub rcr: [u8; 2],
}

impl Default for Io {
    fn default() -> Self {
        Io {
            keys: KeyQueue::new(Vec::new()),
            rtc: Rtc::default(),
            tmu: Default::default(),
            tstr: 0,
            cmstr: 0,
            cmcsr: 0,
            cmcor: 0xFFFF_FFFF,
            cmcnt: 0,
            cm_since: 0,
            rcr: [0; 2],
        }
    }
}

impl Io {
    fn cmt_count(&self, now: u64) -> u32 {
        if self.cmstr & 0x20 == 0 {
            return self.cmcnt;
        }
        // Counts the 32768 Hz RCLK.
        let ticks = now.saturating_sub(self.cm_since) * 32_768 / CLOCK_HZ;
        self.cmcnt.wrapping_add(ticks as u32)
    }

    /// Reads a device register; `None` when nothing is at `addr`.
    pub fn read(&mut self, addr: u32, size: u8, now: u64) -> Option<Result<u32, Fault>> {
        if (KEYSC_BASE..KEYSC_BASE + 12).contains(&addr) {
            let key = match self.keys.poll(now) {
                Ok(k) => k,
                Err(_) => return Some(Err(Fault::Idle)),
            };
            let b = matrix_bytes(key);
            let o = (addr - KEYSC_BASE) as usize;
            let mut v = 0;
            for i in 0..size as usize {
                v = (v << 8) | *b.get(o + i).unwrap_or(&0) as u32;
            }
            return Some(Ok(v));
        }
        if (RTC_BASE..RTC_BASE + 0x20).contains(&addr) {
            let dt = self.rtc.datetime(now);
            let t128 = self.rtc.ticks128(now);
            let v = match addr - RTC_BASE {
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
            };
            return Some(Ok(v));
        }
        if (TMU_BASE..TMU_BASE + 0x30).contains(&addr) {
            let off = addr - TMU_BASE;
            if off == 4 {
                return Some(Ok(self.tstr as u32));
            }
            if off >= 8 {
                let ch = ((off - 8) / 12) as usize;
                let running = self.tstr & (1 << ch) != 0;
                let c = &self.tmu[ch];
                let (cnt, unf) = c.value(now, running);
                return Some(Ok(match (off - 8) % 12 {
                    0 => c.tcor,
                    4 => cnt,
                    _ => (c.tcr | if unf { 0x100 } else { 0 }) as u32,
                }));
            }
            return Some(Ok(0));
        }
        if (CMT_BASE..CMT_BASE + 0x70).contains(&addr) {
            return Some(Ok(match addr - CMT_BASE {
                0x00 => self.cmstr as u32,
                0x60 => self.cmcsr as u32,
                0x64 => self.cmt_count(now),
                0x68 => self.cmcor,
                _ => 0,
            }));
        }
        None
    }

    /// Writes a device register; `None` when nothing is at `addr`.
    pub fn write(&mut self, addr: u32, _size: u8, v: u32, now: u64) -> Option<Result<(), Fault>> {
        if (KEYSC_BASE..KEYSC_BASE + 0x20).contains(&addr) {
            return Some(Ok(())); // scan control: ignored
        }
        if (RTC_BASE..RTC_BASE + 0x20).contains(&addr) {
            match addr - RTC_BASE {
                0x1C => self.rcr[0] = v as u8,
                0x1E => self.rcr[1] = v as u8,
                _ => {} // setting the clock is not emulated
            }
            return Some(Ok(()));
        }
        if (TMU_BASE..TMU_BASE + 0x30).contains(&addr) {
            let off = addr - TMU_BASE;
            if off == 4 {
                // Latch every channel's value at the start/stop edge.
                for ch in 0..3 {
                    let running = self.tstr & (1 << ch) != 0;
                    let (cnt, _) = self.tmu[ch].value(now, running);
                    self.tmu[ch].tcnt = cnt;
                    self.tmu[ch].since = now;
                }
                self.tstr = v as u8;
            } else if off >= 8 {
                let ch = ((off - 8) / 12) as usize;
                let running = self.tstr & (1 << ch) != 0;
                let (cnt, _) = self.tmu[ch].value(now, running);
                let c = &mut self.tmu[ch];
                match (off - 8) % 12 {
                    0 => c.tcor = v,
                    4 => {
                        c.tcnt = v;
                        c.since = now;
                    }
                    _ => {
                        c.tcnt = cnt;
                        c.since = now;
                        c.tcr = v as u16 & !0x100;
                    }
                }
            }
            return Some(Ok(()));
        }
        if (CMT_BASE..CMT_BASE + 0x70).contains(&addr) {
            match addr - CMT_BASE {
                0x00 => {
                    self.cmcnt = self.cmt_count(now);
                    self.cm_since = now;
                    self.cmstr = v as u16;
                }
                0x60 => self.cmcsr = v as u16,
                0x64 => {
                    self.cmcnt = v;
                    self.cm_since = now;
                }
                0x68 => self.cmcor = v,
                _ => {}
            }
            return Some(Ok(()));
        }
        None
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
    fn tmu_counts_down() {
        let mut io = Io::default();
        io.write(TMU_BASE + 8, 4, 1000, 0); // TCOR0
        io.write(TMU_BASE + 12, 4, 1000, 0); // TCNT0
        io.write(TMU_BASE + 16, 2, 0, 0); // TCR0: Pclk/4
        io.write(TMU_BASE + 4, 1, 1, 0); // start
        let v = io.read(TMU_BASE + 12, 4, 16 * 10).unwrap().unwrap();
        assert_eq!(v, 990);
    }
}
