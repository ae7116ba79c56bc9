//! The timer unit (TMU, at [`TMU_BASE`]): three down-counting channels clocked by the
//! peripheral clock (a quarter of the CPU clock with each model's clock settings at
//! start; it follows the CPG when an add-in changes them, [`Tmu::set_pclk`]) through a prescaler,
//! with underflow interrupts (TUNI0-2, INTEVT 0x400/0x420/0x440) through the INTC.
//!
//! Layout and bits, from gint (`include/gint/mpu/tmu.h`: TSTR at +4, channel i at
//! +8+12*i with TCOR, TCNT, then TCR with UNF at bit 8, UNIE at bit 5, CKEG at bits
//! 4-3, TPSC at bits 2-0; `src/tmu/tmu.c`: channel addresses 0xA4490008/14/20) and the
//! SH7724 hardware manual's TMU chapter (TPSC: Pclk/4, /16, /64, /256, /1024; UNF is
//! set on underflow and cleared by writing 0; TUNI is requested while UNF and UNIE are
//! both 1), as also modelled by the MQ emulator (`modules/tmu.c`).

use super::Device;
use super::countdown::Countdown;
use crate::machine::fault::Fault;
use crate::machine::model::CLOCK_HZ;

/// TMU registers (TSTR at base+4, channel i at base+8+12*i).
pub const TMU_BASE: u32 = 0xA449_0000;
/// Size of the TMU's register block.
pub const TMU_LEN: u32 = 0x30;
/// The fx-CG50's peripheral clock, a quarter of [`CLOCK_HZ`] (29.4912 MHz); the TMU
/// counts [`Tmu::set_pclk`]'s clock relative to it (half of it on the fx-CG10/20).
pub const PCLK_HZ: u64 = CLOCK_HZ / 4;
/// TCR: underflow flag.
pub const TCR_UNF: u16 = 1 << 8;
/// TCR: underflow interrupt enable.
pub const TCR_UNIE: u16 = 1 << 5;

/// One TMU channel.
#[derive(Clone, Debug)]
pub struct TmuChannel {
    /// The counter.
    pub counter: Countdown,
    /// Control register, without UNF (kept by the counter).
    pub tcr: u16,
}

impl Default for TmuChannel {
    fn default() -> Self {
        let (num, den) = rate(0, (1, 1));
        TmuChannel {
            counter: Countdown::new(num, den),
            tcr: 0,
        }
    }
}

/// Counts per CPU cycle (numerator, denominator) for prescaler setting `tpsc` (Pclk/4
/// ... Pclk/1024), with the peripheral clock at `pclk.0 / pclk.1` times [`PCLK_HZ`].
fn rate(tpsc: u16, pclk: (u64, u64)) -> (u64, u64) {
    let div = match tpsc & 7 {
        0 => 4,
        1 => 16,
        2 => 64,
        3 => 256,
        _ => 1024,
    };
    (pclk.0, pclk.1 * div * (CLOCK_HZ / PCLK_HZ))
}

impl TmuChannel {
    /// Whether the channel requests its interrupt at `now` (UNF and UNIE).
    pub fn irq(&self, now: u64) -> bool {
        self.tcr & TCR_UNIE != 0 && self.counter.unf(now)
    }

    /// When the channel will request its interrupt, if it does not at `now`.
    pub fn next_irq(&self, now: u64) -> Option<u64> {
        if self.tcr & TCR_UNIE == 0 {
            return None;
        }
        self.counter.next_unf(now)
    }
}

/// The TMU: three channels and the start register.
#[derive(Clone, Debug)]
pub struct Tmu {
    /// Channels 0-2.
    pub channels: [TmuChannel; 3],
    /// Start register (bit i starts channel i).
    pub tstr: u8,
    /// The peripheral clock relative to [`PCLK_HZ`] (numerator, denominator).
    pclk: (u64, u64),
}

impl Default for Tmu {
    fn default() -> Self {
        Tmu {
            channels: Default::default(),
            tstr: 0,
            pclk: (1, 1),
        }
    }
}

impl Tmu {
    /// The peripheral clock becomes `hz`, counted against a reference of `at_start` Hz
    /// ([`PCLK_HZ`]; the CPG's registers changed at `now`).
    pub fn set_pclk(&mut self, now: u64, hz: u64, at_start: u64) {
        self.pclk = (hz.max(1), at_start.max(1));
        for c in &mut self.channels {
            let (num, den) = rate(c.tcr, self.pclk);
            c.counter.set_rate(now, num, den);
        }
    }
}

impl Device for Tmu {
    fn read(&mut self, off: u32, _size: u8, now: u64) -> Result<u32, Fault> {
        if off == 4 {
            return Ok(self.tstr as u32);
        }
        if (8..8 + 36).contains(&off) {
            let c = &self.channels[((off - 8) / 12) as usize];
            return Ok(match (off - 8) % 12 {
                0 => c.counter.tcor,
                4 => c.counter.count(now),
                _ => (c.tcr | if c.counter.unf(now) { TCR_UNF } else { 0 }) as u32,
            });
        }
        Ok(0)
    }

    fn write(&mut self, off: u32, _size: u8, v: u32, now: u64) -> Result<(), Fault> {
        if off == 4 {
            self.tstr = v as u8 & 7;
            for (i, c) in self.channels.iter_mut().enumerate() {
                c.counter.set_running(now, self.tstr & (1 << i) != 0);
            }
        } else if (8..8 + 36).contains(&off) {
            let c = &mut self.channels[((off - 8) / 12) as usize];
            match (off - 8) % 12 {
                0 => c.counter.set_reload(now, v),
                4 => c.counter.set_count(now, v),
                _ => {
                    let v = v as u16;
                    let (num, den) = rate(v, self.pclk);
                    c.counter.set_rate(now, num, den);
                    c.counter.write_unf(now, v & TCR_UNF != 0);
                    c.tcr = v & 0x3F;
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

    #[test]
    fn underflow_sets_unf_and_requests_the_interrupt() {
        let mut t = Tmu::default();
        t.write(0x14, 4, 99, 0).unwrap(); // TCOR1
        t.write(0x18, 4, 9, 0).unwrap(); // TCNT1
        t.write(0x1C, 2, TCR_UNIE as u32, 0).unwrap(); // Pclk/4, UNIE
        t.write(4, 1, 2, 0).unwrap(); // start channel 1
        let c = &t.channels[1];
        // 10 counts of 16 cycles.
        assert_eq!(c.next_irq(0), Some(160));
        assert!(!c.irq(159));
        assert!(c.irq(160));
        assert_eq!(t.read(0x1C, 2, 170).unwrap() as u16, TCR_UNIE | TCR_UNF);
        assert_eq!(t.read(0x18, 4, 160).unwrap(), 99);
        // Writing UNF=0 acknowledges; the next underflow is 100 counts later.
        t.write(0x1C, 2, TCR_UNIE as u32, 170).unwrap();
        assert!(!t.channels[1].irq(170));
        assert_eq!(t.channels[1].next_irq(170), Some(160 + 1600));
        // Writing UNF=1 keeps it.
        t.write(0x1C, 2, (TCR_UNIE | TCR_UNF) as u32, 2000).unwrap();
        assert!(t.channels[1].irq(2000));
        // No interrupt without UNIE.
        t.write(0x1C, 2, 0, 2001).unwrap();
        assert!(!t.channels[1].irq(5000));
        assert_eq!(t.channels[1].next_irq(5000), None);
    }

    #[test]
    fn the_peripheral_clock_follows_the_cpg() {
        let mut t = Tmu::default();
        t.write(0x08, 4, 1_000_000, 0).unwrap();
        t.write(0x0C, 4, 1_000_000, 0).unwrap();
        t.write(4, 1, 1, 0).unwrap();
        assert_eq!(t.read(0x0C, 4, 1600).unwrap(), 1_000_000 - 100);
        // Pphi doubled at cycle 1600: 8 cycles per count from then on.
        t.set_pclk(1600, 2, 1);
        assert_eq!(t.read(0x0C, 4, 1600 + 800).unwrap(), 1_000_000 - 200);
    }
}
