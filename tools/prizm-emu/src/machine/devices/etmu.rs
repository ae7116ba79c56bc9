//! The extra timers (ETMU0-5, at [`ETMU_BASE`]): six down-counters clocked by the
//! 32768 Hz RTC clock, each with its own start register and an underflow interrupt
//! through the INTC.
//!
//! Layout, from gint (`include/gint/mpu/tmu.h`, `etmu_t`: TSTR byte at +0, TCOR at +4,
//! TCNT at +8, TCR byte at +0xC with UNF at bit 1 and UNIE at bit 0; channels at
//! 0xA44D0030 + 0x20*i, as listed in gint's `src/tmu/tmu.c` and in gintctl's timer
//! test) and the MQ emulator (`modules/cmod.c`, the page at 0xA44D0000); the 32768 Hz
//! count is gint's (its ETMU driver converts delays with TCLK = 32768 Hz). Event codes:
//! ETMU0 0x9E0, ETMU1 0xC20, ETMU2 0xC40, ETMU3 0x900, ETMU4 0xD00, ETMU5 0xFA0
//! (gint `src/tmu/tmu.c`, `etmu_event`).

use super::Device;
use super::countdown::Countdown;
use crate::machine::fault::Fault;
use crate::machine::model::CLOCK_HZ;

/// ETMU register page (channel i at base+0x30+0x20*i).
pub const ETMU_BASE: u32 = 0xA44D_0000;
/// Size of the ETMU register page.
pub const ETMU_LEN: u32 = 0xE0;
/// TCR: underflow flag.
pub const ETCR_UNF: u8 = 1 << 1;
/// TCR: underflow interrupt enable.
pub const ETCR_UNIE: u8 = 1 << 0;

/// One extra timer.
#[derive(Clone, Debug)]
pub struct EtmuChannel {
    /// The counter (32768 Hz).
    pub counter: Countdown,
    /// TCR without UNF.
    pub tcr: u8,
}

impl Default for EtmuChannel {
    fn default() -> Self {
        EtmuChannel {
            counter: Countdown::new(32_768, CLOCK_HZ),
            tcr: 0,
        }
    }
}

impl EtmuChannel {
    /// Whether the channel requests its interrupt at `now`.
    pub fn irq(&self, now: u64) -> bool {
        self.tcr & ETCR_UNIE != 0 && self.counter.unf(now)
    }

    /// When the channel will request its interrupt, if it does not at `now`.
    pub fn next_irq(&self, now: u64) -> Option<u64> {
        if self.tcr & ETCR_UNIE == 0 {
            return None;
        }
        self.counter.next_unf(now)
    }
}

/// The six extra timers.
#[derive(Clone, Debug, Default)]
pub struct Etmu {
    /// ETMU0-5.
    pub channels: [EtmuChannel; 6],
}

/// The channel and register offset of `off`, when it is a channel register.
fn reg(off: u32) -> Option<(usize, u32)> {
    if !(0x30..0x30 + 6 * 0x20).contains(&off) {
        return None;
    }
    Some((((off - 0x30) / 0x20) as usize, (off - 0x30) % 0x20))
}

impl Device for Etmu {
    fn read(&mut self, off: u32, size: u8, now: u64) -> Result<u32, Fault> {
        let unmapped = Fault::Unmapped {
            addr: ETMU_BASE + off,
            size,
            write: false,
        };
        let (ch, r) = reg(off).ok_or(unmapped.clone())?;
        let c = &self.channels[ch];
        Ok(match r {
            0x0 => c.counter.running() as u32,
            0x4 => c.counter.tcor,
            0x8 => c.counter.count(now),
            0xC => (c.tcr | if c.counter.unf(now) { ETCR_UNF } else { 0 }) as u32,
            _ => return Err(unmapped),
        })
    }

    fn write(&mut self, off: u32, size: u8, v: u32, now: u64) -> Result<(), Fault> {
        let unmapped = Fault::Unmapped {
            addr: ETMU_BASE + off,
            size,
            write: true,
        };
        let (ch, r) = reg(off).ok_or(unmapped.clone())?;
        let c = &mut self.channels[ch];
        match r {
            0x0 => c.counter.set_running(now, v & 1 != 0),
            0x4 => c.counter.set_reload(now, v),
            0x8 => c.counter.set_count(now, v),
            0xC => {
                c.counter.write_unf(now, v as u8 & ETCR_UNF != 0);
                c.tcr = v as u8 & ETCR_UNIE;
            }
            _ => return Err(unmapped),
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn etmu_counts_at_32768_hz_and_interrupts() {
        let mut e = Etmu::default();
        let base = 0x30 + 0x20 * 5; // ETMU5
        e.write(base + 4, 4, 255, 0).unwrap();
        e.write(base + 8, 4, 255, 0).unwrap();
        e.write(base + 0xC, 1, ETCR_UNIE as u32, 0).unwrap();
        e.write(base, 1, 1, 0).unwrap();
        assert_eq!(e.read(base, 1, 0).unwrap(), 1);
        // One second: 32768 counts, 128 periods of 256.
        assert_eq!(e.read(base + 8, 4, CLOCK_HZ).unwrap(), 255);
        assert_eq!(e.read(base + 8, 4, CLOCK_HZ / 2 + 4000).unwrap(), 254);
        // The first underflow after 256 counts (1/128 s).
        let due = e.channels[5].next_irq(0).unwrap();
        assert!(due.abs_diff(CLOCK_HZ / 128) <= 1, "{due}");
        assert!(e.channels[5].irq(due));
        assert_eq!(
            e.read(base + 0xC, 1, due).unwrap() as u8,
            ETCR_UNF | ETCR_UNIE
        );
        e.write(base + 0xC, 1, ETCR_UNIE as u32, due).unwrap();
        assert!(!e.channels[5].irq(due));
        assert!(e.read(0x10, 4, 0).is_err());
    }
}
