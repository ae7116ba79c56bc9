//! The DMA controller (DMAC, at [`DMAC_BASE`]): six channels that copy memory to memory
//! or to a device, which add-ins use to send frames to the display (gint's R61524
//! driver, libfxcg-era DMA display code). A transfer's data moves whole, at the instant
//! it is enabled (DMAOR.DME and CHCR.DE both 1): the bus performs it
//! ([`crate::machine::bus::Memory`]); it ends when the time it takes has passed (a
//! transfer to the display takes [`crate::machine::model::Model::lcd_frame_us`] per
//! frame of data, others no time): from then CHCR.TE reads 1 and, with CHCR.IE, the
//! channel requests its interrupt (DEI0-5) through the INTC until TE is cleared.
//!
//! Registers and bits, from the MQ emulator (`modules/dma.c`: channels at 0xFE008020,
//! 0x30, 0x40, 0x50, 0x70, 0x80 with SAR +0, DAR +4, TCR +8, CHCR +0xC; DMAOR 16-bit at
//! 0xFE008060; CHCR: DE bit 0, TE bit 1, IE bit 2, TS bits 4-3 and 21-20 (sizes 1, 2, 4,
//! 16, 32 bytes for TS 0-4, 8 for TS 7), SM bits 13-12, DM bits 15-14 (0 fixed, 1
//! increment, 2 decrement); TE and HE, and DMAOR's AE and NMIF, can only be cleared;
//! addresses are physical) and gint (`include/gint/mpu/dma.h`, `src/dma/dma.c`: the
//! same layout; a frame goes as 32-byte blocks from VRAM, incremented, to the fixed
//! LCD data address 0xB4000000 (physical 0x14000000)). Physical addresses below
//! 0x20000000 are reached at their P2 address; P1/P2 addresses are taken as their
//! physical address (as MQ does); on-chip RAM at 0xE5xxxxxx as is. Requests from
//! peripherals (CHCR.RS other than auto-request) and repeat/reload modes are not
//! modelled: every transfer runs as an auto-request.

use super::Device;
use crate::machine::fault::Fault;

/// DMAC registers.
pub const DMAC_BASE: u32 = 0xFE00_8000;
/// Size of the block.
pub const DMAC_LEN: u32 = 0x90;
/// Offset of DMAOR.
const DMAOR: u32 = 0x60;
/// Offsets of the channels' registers.
const CHANNELS: [u32; 6] = [0x20, 0x30, 0x40, 0x50, 0x70, 0x80];
/// CHCR: DMA enable.
pub const CHCR_DE: u32 = 1 << 0;
/// CHCR: transfer end.
pub const CHCR_TE: u32 = 1 << 1;
/// CHCR: interrupt enable.
pub const CHCR_IE: u32 = 1 << 2;

/// One channel's registers.
#[derive(Clone, Debug, Default)]
pub struct DmaChannel {
    /// Source address.
    pub sar: u32,
    /// Destination address.
    pub dar: u32,
    /// Transfer count (units left).
    pub tcr: u32,
    /// Channel control.
    pub chcr: u32,
    /// The tick at which the last transfer ends (TE reads 0 before it).
    pub done_at: u64,
}

/// A transfer for the bus to perform.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Transfer {
    /// Channel.
    pub channel: usize,
    /// Source (a CPU address).
    pub src: u32,
    /// Destination (a CPU address).
    pub dst: u32,
    /// Bytes per unit.
    pub unit: u32,
    /// Units.
    pub count: u32,
    /// Source step per unit (0, +unit, -unit).
    pub src_step: i64,
    /// Destination step per unit.
    pub dst_step: i64,
}

/// The DMA controller.
#[derive(Clone, Debug, Default)]
pub struct Dmac {
    /// Channels 0-5.
    pub channels: [DmaChannel; 6],
    /// Operation register.
    pub dmaor: u16,
}

/// The CPU address at which the DMAC reaches address `a`.
pub fn cpu_address(a: u32) -> u32 {
    match a {
        0x0000_0000..0x2000_0000 => a | 0xA000_0000,
        0x8000_0000..0xC000_0000 => (a & 0x1FFF_FFFF) | 0xA000_0000,
        _ => a,
    }
}

impl Dmac {
    /// Whether channel `ch` requests its interrupt at `now` (TE and IE, the transfer
    /// over).
    pub fn irq(&self, ch: usize, now: u64) -> bool {
        if now < self.channels[ch].done_at {
            return false;
        }
        let c = self.channels[ch].chcr;
        c & CHCR_TE != 0 && c & CHCR_IE != 0
    }

    /// The next transfer to run: a channel enabled, not ended, with DMAOR.DME set.
    /// Invalid settings (an unknown TS) end the channel at once with TE, as no data
    /// can move.
    pub fn next_transfer(&mut self) -> Option<Transfer> {
        if self.dmaor & 1 == 0 {
            return None;
        }
        for (i, c) in self.channels.iter_mut().enumerate() {
            if c.chcr & CHCR_DE == 0 || c.chcr & CHCR_TE != 0 {
                continue;
            }
            let ts = (((c.chcr >> 20) & 3) << 2) | ((c.chcr >> 3) & 3);
            let unit: u32 = match ts {
                0 => 1,
                1 => 2,
                2 => 4,
                3 => 16,
                4 => 32,
                7 => 8,
                _ => {
                    c.chcr |= CHCR_TE;
                    continue;
                }
            };
            let step = |mode: u32| match mode {
                0 => 0,
                1 => unit as i64,
                2 => -(unit as i64),
                _ => 0,
            };
            // A TCR of 0 means 2^24 units on SH-4A DMACs.
            let count = if c.tcr & 0xFF_FFFF == 0 {
                1 << 24
            } else {
                c.tcr & 0xFF_FFFF
            };
            return Some(Transfer {
                channel: i,
                src: c.sar,
                dst: c.dar,
                unit,
                count,
                src_step: step((c.chcr >> 12) & 3),
                dst_step: step((c.chcr >> 14) & 3),
            });
        }
        None
    }

    /// When channel `ch`'s interrupt will be requested, if it does not at `now`.
    pub fn next_irq(&self, ch: usize, now: u64) -> Option<u64> {
        let c = &self.channels[ch];
        (c.chcr & CHCR_TE != 0 && c.chcr & CHCR_IE != 0 && now < c.done_at).then_some(c.done_at)
    }

    /// Records the end of transfer `t`, which ends at tick `done_at`: the addresses
    /// after it, TCR 0, TE set (read as 0 until `done_at`).
    pub fn finish(&mut self, t: &Transfer, done_at: u64) {
        let c = &mut self.channels[t.channel];
        c.done_at = done_at;
        c.sar = (c.sar as i64 + t.src_step * t.count as i64) as u32;
        c.dar = (c.dar as i64 + t.dst_step * t.count as i64) as u32;
        c.tcr = 0;
        c.chcr |= CHCR_TE;
    }

    /// Records an address error during transfer `t`: the channel stops, DMAOR.AE set.
    pub fn address_error(&mut self, t: &Transfer) {
        self.channels[t.channel].chcr &= !CHCR_DE;
        self.dmaor |= 1 << 2;
    }

    fn channel_reg(off: u32) -> Option<(usize, u32)> {
        CHANNELS
            .iter()
            .position(|&b| off >= b && off < b + 0x10)
            .map(|i| (i, off - CHANNELS[i]))
    }
}

impl Device for Dmac {
    fn read(&mut self, off: u32, size: u8, now: u64) -> Result<u32, Fault> {
        if off == DMAOR && size == 2 {
            return Ok(self.dmaor as u32);
        }
        match Dmac::channel_reg(off) {
            Some((i, r)) if size == 4 => {
                let c = &self.channels[i];
                let chcr = if now < c.done_at {
                    c.chcr & !CHCR_TE
                } else {
                    c.chcr
                };
                Ok([c.sar, c.dar, c.tcr, chcr][r as usize / 4])
            }
            _ => Err(Fault::Unmapped {
                addr: DMAC_BASE + off,
                size,
                write: false,
            }),
        }
    }

    fn write(&mut self, off: u32, size: u8, v: u32, _now: u64) -> Result<(), Fault> {
        if off == DMAOR && size == 2 {
            let old = self.dmaor;
            self.dmaor = (old & v as u16 & 0x0006) | (v as u16 & 0xF301);
            if self.dmaor & 1 == 0 {
                for c in &mut self.channels {
                    c.chcr &= !CHCR_DE;
                }
            }
            return Ok(());
        }
        match Dmac::channel_reg(off) {
            Some((i, r)) if size == 4 => {
                let c = &mut self.channels[i];
                match r {
                    0x0 => c.sar = v,
                    0x4 => c.dar = v,
                    0x8 => c.tcr = v & 0xFF_FFFF,
                    _ => c.chcr = (c.chcr & v & 0x0008_0002) | (v & 0x4FB7_FFFD),
                }
                Ok(())
            }
            _ => Err(Fault::Unmapped {
                addr: DMAC_BASE + off,
                size,
                write: true,
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_transfer_is_described_then_ends() {
        let mut d = Dmac::default();
        d.write(0x20, 4, 0x0C00_0000, 0).unwrap(); // SAR0: VRAM (physical)
        d.write(0x24, 4, 0x1400_0000, 0).unwrap(); // DAR0: the LCD
        d.write(0x28, 4, 99, 0).unwrap(); // TCR0
        // 32-byte units (TS=4: bits 21-20 = 01), source incremented, IE, DE.
        let chcr = (1 << 20) | (1 << 12) | (0x4 << 8) | CHCR_IE | CHCR_DE;
        d.write(0x2C, 4, chcr, 0).unwrap();
        assert_eq!(d.next_transfer(), None, "DMAOR.DME is 0");
        d.write(0x60, 2, 1, 0).unwrap();
        let t = d.next_transfer().unwrap();
        assert_eq!((t.unit, t.count, t.src_step, t.dst_step), (32, 99, 32, 0));
        assert_eq!(cpu_address(t.src), 0xAC00_0000);
        assert_eq!(cpu_address(t.dst), 0xB400_0000);
        assert!(!d.irq(0, 0));
        // The transfer ends at tick 1000: TE reads 0 and no interrupt before.
        d.finish(&t, 1000);
        assert_eq!(d.next_transfer(), None);
        assert!(!d.irq(0, 999));
        assert_eq!(d.read(0x2C, 4, 999).unwrap() & CHCR_TE, 0);
        assert_eq!(d.next_irq(0, 999), Some(1000));
        assert!(d.irq(0, 1000));
        assert_eq!(d.next_irq(0, 1000), None);
        assert_eq!(d.read(0x2C, 4, 1000).unwrap() & CHCR_TE, CHCR_TE);
        assert_eq!(d.read(0x20, 4, 0).unwrap(), 0x0C00_0000 + 99 * 32);
        assert_eq!(d.read(0x28, 4, 0).unwrap(), 0);
        // TE can only be cleared, and writing 1 keeps it.
        d.write(0x2C, 4, chcr | CHCR_TE, 1000).unwrap();
        assert!(d.irq(0, 1000));
        d.write(0x2C, 4, chcr & !CHCR_DE, 1000).unwrap();
        assert!(!d.irq(0, 1000));
        assert_eq!(d.read(0x2C, 4, 1000).unwrap() & CHCR_TE, 0);
    }
}
