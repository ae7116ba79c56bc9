//! The compare-match timer (CMT, at [`CMT_BASE`]): one up-counter clocked by the
//! 32768 Hz RCLK, following the emulated cycle count.

use super::Device;
use crate::machine::fault::Fault;
use crate::machine::model::CLOCK_HZ;

/// CMT registers (CMSTR at the base).
pub const CMT_BASE: u32 = 0xA44A_0000;
/// Size of the CMT's register block.
pub const CMT_LEN: u32 = 0x70;

/// The CMT's registers.
#[derive(Clone, Debug)]
pub struct Cmt {
    /// Start register.
    pub cmstr: u16,
    /// Control/status.
    pub cmcsr: u16,
    /// Constant.
    pub cmcor: u32,
    /// Counter at `since`.
    pub cmcnt: u32,
    /// Cycle at which `cmcnt` was valid.
    pub since: u64,
}

impl Default for Cmt {
    fn default() -> Self {
        Cmt {
            cmstr: 0,
            cmcsr: 0,
            cmcor: 0xFFFF_FFFF,
            cmcnt: 0,
            since: 0,
        }
    }
}

impl Cmt {
    fn count(&self, now: u64) -> u32 {
        if self.cmstr & 0x20 == 0 {
            return self.cmcnt;
        }
        // Counts the 32768 Hz RCLK.
        let ticks = now.saturating_sub(self.since) * 32_768 / CLOCK_HZ;
        self.cmcnt.wrapping_add(ticks as u32)
    }
}

impl Device for Cmt {
    fn read(&mut self, off: u32, _size: u8, now: u64) -> Result<u32, Fault> {
        Ok(match off {
            0x00 => self.cmstr as u32,
            0x60 => self.cmcsr as u32,
            0x64 => self.count(now),
            0x68 => self.cmcor,
            _ => 0,
        })
    }

    fn write(&mut self, off: u32, _size: u8, v: u32, now: u64) -> Result<(), Fault> {
        match off {
            0x00 => {
                self.cmcnt = self.count(now);
                self.since = now;
                self.cmstr = v as u16;
            }
            0x60 => self.cmcsr = v as u16,
            0x64 => {
                self.cmcnt = v;
                self.since = now;
            }
            0x68 => self.cmcor = v,
            _ => {}
        }
        Ok(())
    }
}
