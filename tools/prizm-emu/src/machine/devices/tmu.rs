//! The timer unit (TMU, at [`TMU_BASE`]): three down-counting channels clocked by the
//! peripheral clock, whose values follow the emulated cycle count.

use super::Device;
use crate::machine::fault::Fault;
use crate::machine::model::CLOCK_HZ;

/// TMU registers (TSTR at base+4, channel i at base+8+12*i).
pub const TMU_BASE: u32 = 0xA449_0000;
/// Size of the TMU's register block.
pub const TMU_LEN: u32 = 0x30;
/// Peripheral clock: a quarter of the CPU clock.
pub const PCLK_HZ: u64 = CLOCK_HZ / 4;

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

/// The TMU: three channels and the start register.
#[derive(Clone, Debug, Default)]
pub struct Tmu {
    /// Channels 0-2.
    pub channels: [TmuChannel; 3],
    /// Start register (bit i starts channel i).
    pub tstr: u8,
}

impl Device for Tmu {
    fn read(&mut self, off: u32, _size: u8, now: u64) -> Result<u32, Fault> {
        if off == 4 {
            return Ok(self.tstr as u32);
        }
        if off >= 8 {
            let ch = ((off - 8) / 12) as usize;
            let running = self.tstr & (1 << ch) != 0;
            let c = &self.channels[ch];
            let (cnt, unf) = c.value(now, running);
            return Ok(match (off - 8) % 12 {
                0 => c.tcor,
                4 => cnt,
                _ => (c.tcr | if unf { 0x100 } else { 0 }) as u32,
            });
        }
        Ok(0)
    }

    fn write(&mut self, off: u32, _size: u8, v: u32, now: u64) -> Result<(), Fault> {
        if off == 4 {
            // Latch every channel's value at the start/stop edge.
            for ch in 0..3 {
                let running = self.tstr & (1 << ch) != 0;
                let (cnt, _) = self.channels[ch].value(now, running);
                self.channels[ch].tcnt = cnt;
                self.channels[ch].since = now;
            }
            self.tstr = v as u8;
        } else if off >= 8 {
            let ch = ((off - 8) / 12) as usize;
            let running = self.tstr & (1 << ch) != 0;
            let (cnt, _) = self.channels[ch].value(now, running);
            let c = &mut self.channels[ch];
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
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tmu_counts_down() {
        let mut t = Tmu::default();
        t.write(8, 4, 1000, 0).unwrap(); // TCOR0
        t.write(12, 4, 1000, 0).unwrap(); // TCNT0
        t.write(16, 2, 0, 0).unwrap(); // TCR0: Pclk/4
        t.write(4, 1, 1, 0).unwrap(); // start
        assert_eq!(t.read(12, 4, 16 * 10).unwrap(), 990);
    }
}
