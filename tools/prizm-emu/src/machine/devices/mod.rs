//! The devices: the memory-mapped ones an add-in may touch directly (the key-scan
//! interface, the RTC, the TMU and CMT timers; everything else is unmapped) and the LCD
//! panel.
//!
//! All of them derive their state from the emulated cycle count (`now`), so time seen
//! through registers agrees with the OS's time calls.

pub mod cmt;
pub mod keysc;
pub mod lcd;
pub mod rtc;
pub mod tmu;

use super::fault::Fault;
pub use cmt::{CMT_BASE, Cmt};
pub use keysc::{KEYSC_BASE, KeyInput, KeySc};
pub use lcd::Lcd;
pub use rtc::{DateTime, RTC_BASE, Rtc, RtcDevice};
pub use tmu::{PCLK_HZ, TMU_BASE, Tmu, TmuChannel};

/// A block of device registers, addressed by offset from its base.
pub trait Device {
    /// Reads `size` (1, 2 or 4) bytes at `offset`, at emulated cycle `now`.
    fn read(&mut self, offset: u32, size: u8, now: u64) -> Result<u32, Fault>;
    /// Writes the low `size` bytes of `value` at `offset`, at emulated cycle `now`.
    fn write(&mut self, offset: u32, size: u8, value: u32, now: u64) -> Result<(), Fault>;
}

/// Every device of the machine.
#[derive(Debug, Default)]
pub struct Devices {
    /// The key-scan interface.
    pub keysc: KeySc,
    /// The real-time clock.
    pub rtc: RtcDevice,
    /// The timer unit.
    pub tmu: Tmu,
    /// The compare-match timer.
    pub cmt: Cmt,
    /// The LCD panel (no registers mapped).
    pub lcd: Lcd,
}

impl Devices {
    /// The device whose register block holds `addr`, and the offset in it.
    fn at(&mut self, addr: u32) -> Option<(&mut dyn Device, u32)> {
        let map: [(u32, u32, &mut dyn Device); 4] = [
            (KEYSC_BASE, keysc::KEYSC_LEN, &mut self.keysc),
            (RTC_BASE, rtc::RTC_LEN, &mut self.rtc),
            (TMU_BASE, tmu::TMU_LEN, &mut self.tmu),
            (CMT_BASE, cmt::CMT_LEN, &mut self.cmt),
        ];
        map.into_iter()
            .find(|(base, len, _)| addr.wrapping_sub(*base) < *len)
            .map(|(base, _, d)| (d, addr - base))
    }

    /// Reads a device register; `None` when no device is at `addr`.
    pub fn read(&mut self, addr: u32, size: u8, now: u64) -> Option<Result<u32, Fault>> {
        let (d, off) = self.at(addr)?;
        Some(d.read(off, size, now))
    }

    /// Writes a device register; `None` when no device is at `addr`.
    pub fn write(&mut self, addr: u32, size: u8, v: u32, now: u64) -> Option<Result<(), Fault>> {
        let (d, off) = self.at(addr)?;
        Some(d.write(off, size, v, now))
    }
}
