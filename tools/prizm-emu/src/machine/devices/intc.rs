//! The interrupt controller (INTC): a priority level (IPRA-IPRL) and a mask bit
//! (IMR0-IMR12, set through IMR, cleared through IMCR) per interrupt source, and the
//! choice of the request the CPU takes (the highest level; the CPU accepts it when the
//! level is above SR.IMASK and SR.BL is 0).
//!
//! Addresses and bits, from gint (`src/intc/intc.c`: IPR at 0xA4080000 with one 16-bit
//! register every 4 bytes, IMR at 0xA4080080 and IMCR at 0xA40800C0 with one byte every
//! 4 bytes; its `info` table gives each source's IPR nibble and IMR bit), the Vhex
//! kernel's `sh7305/intc.h` (the same registers, with the KEYSC at IPRF bits 15-12 and
//! IMR5 bit 7, the CMT at IPRF bits 3-0 and IMR9 bit 4) and the MQ emulator (`modules/intc.c`: writable bits of each IPR and IMR; reading IMCR gives
//! 0). Event codes (INTEVT): TMU 0x400/0x420/0x440 (gint `tmu.c`), ETMU 0x9E0, 0xC20,
//! 0xC40, 0x900, 0xD00, 0xFA0 (gint `tmu.c`), DMAC 0x800, 0x820, 0x840, 0x860, 0xB80,
//! 0xBA0 (gint `dma/dma.c`), KEYSC 0xBE0 (Vhex KEYSC notes), CMT 0xF00 (Linux SH7722/7723/7724 tables),
//! RTC periodic 0xAA0 (gint's SH3 VBR map).
//!
//! Not modelled: USERIMASK (0xA4700000), the IRQ pins (ICR0/ICR1/INTPRI00...), NMI.
//! At start every level is 0 (no source can interrupt) and no mask is set: the OS's own
//! interrupt handlers are not emulated, so an add-in that takes over sets what it uses.

use super::Device;
use crate::machine::fault::Fault;

/// IPR/IMR/IMCR registers.
pub const INTC_BASE: u32 = 0xA408_0000;
/// Size of the block (up to IMCR12).
pub const INTC_LEN: u32 = 0xF4;

/// Writable bits of IPRA-IPRL (MQ).
const IPR_MASKS: [u16; 12] = [
    0xFFF0, 0xFFF0, 0x000F, 0x0F00, 0xF0F0, 0xFFFF, 0xFFF0, 0xFFFF, 0xF0F0, 0xFFFF, 0xFF00, 0xFF00,
];
/// Writable bits of IMR0-IMR12 (MQ).
const IMR_MASKS: [u8; 13] = [
    0x07, 0x0F, 0x07, 0xFC, 0x79, 0xF7, 0x1B, 0xFF, 0x07, 0x12, 0x37, 0x01, 0x38,
];

/// An interrupt source the machine models.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// TMU channel underflow (0-2).
    Tmu(u8),
    /// ETMU channel underflow (0-5).
    Etmu(u8),
    /// DMAC channel transfer end (0-5).
    Dma(u8),
    /// Compare-match timer.
    Cmt,
    /// Key-scan interface.
    Keysc,
    /// RTC periodic interrupt.
    RtcPeriodic,
}

/// Where a source's level and mask are, and its event code.
#[derive(Clone, Copy, Debug)]
struct Wiring {
    /// IPR register number (0 = IPRA).
    ipr: usize,
    /// Shift of the level's nibble in it.
    shift: u32,
    /// IMR register number.
    imr: usize,
    /// Mask bit in it.
    bit: u8,
    /// INTEVT code.
    code: u16,
}

const fn w(ipr: usize, shift: u32, imr: usize, bit: u8, code: u16) -> Wiring {
    Wiring {
        ipr,
        shift,
        imr,
        bit,
        code,
    }
}

/// IPR register numbers.
const A: usize = 0;
const E: usize = 4;
const F: usize = 5;
const G: usize = 6;
const I: usize = 8;
const J: usize = 9;
const K: usize = 10;
const L: usize = 11;

fn wiring(s: Source) -> Wiring {
    match s {
        Source::Tmu(i) => [
            w(A, 12, 4, 0x10, 0x400),
            w(A, 8, 4, 0x20, 0x420),
            w(A, 4, 4, 0x40, 0x440),
        ][i as usize],
        Source::Etmu(i) => [
            w(J, 12, 6, 0x08, 0x9E0),
            w(G, 8, 5, 0x02, 0xC20),
            w(G, 4, 5, 0x04, 0xC40),
            w(E, 4, 2, 0x01, 0x900),
            w(I, 12, 6, 0x10, 0xD00),
            w(L, 12, 8, 0x02, 0xFA0),
        ][i as usize],
        Source::Dma(i) => [
            w(E, 12, 1, 0x01, 0x800),
            w(E, 12, 1, 0x02, 0x820),
            w(E, 12, 1, 0x04, 0x840),
            w(E, 12, 1, 0x08, 0x860),
            w(F, 8, 5, 0x10, 0xB80),
            w(F, 8, 5, 0x20, 0xBA0),
        ][i as usize],
        Source::Cmt => w(F, 0, 9, 0x10, 0xF00),
        Source::Keysc => w(F, 12, 5, 0x80, 0xBE0),
        Source::RtcPeriodic => w(K, 12, 10, 0x02, 0xAA0),
    }
}

/// The interrupt controller's registers.
#[derive(Clone, Debug, Default)]
pub struct Intc {
    /// IPRA-IPRL.
    pub ipr: [u16; 12],
    /// IMR0-IMR12 (1: masked).
    pub imr: [u8; 13],
}

impl Intc {
    /// The level at which `s` interrupts (0: it cannot), given its mask.
    pub fn level(&self, s: Source) -> u8 {
        let w = wiring(s);
        if self.imr[w.imr] & w.bit != 0 {
            return 0;
        }
        ((self.ipr[w.ipr] >> w.shift) & 0xF) as u8
    }

    /// The request taken among the sources `requesting` (level, INTEVT code): the
    /// highest level, the first listed among equals; `None` when none can interrupt.
    pub fn choose(&self, requesting: impl IntoIterator<Item = Source>) -> Option<(u8, u16)> {
        let mut best: Option<(u8, u16)> = None;
        for s in requesting {
            let l = self.level(s);
            if l > 0 && best.is_none_or(|(b, _)| l > b) {
                best = Some((l, wiring(s).code));
            }
        }
        best
    }

    /// Whether `s` could interrupt at all (a level and no mask).
    pub fn enabled(&self, s: Source) -> bool {
        self.level(s) > 0
    }
}

impl Device for Intc {
    fn read(&mut self, off: u32, size: u8, _now: u64) -> Result<u32, Fault> {
        let unmapped = Fault::Unmapped {
            addr: INTC_BASE + off,
            size,
            write: false,
        };
        match off {
            0x00..0x30 if off.is_multiple_of(4) => Ok(self.ipr[off as usize / 4] as u32),
            0x80..0xB4 if off.is_multiple_of(4) => Ok(self.imr[(off as usize - 0x80) / 4] as u32),
            0xC0..0xF4 if off.is_multiple_of(4) => Ok(0),
            _ => Err(unmapped),
        }
    }

    fn write(&mut self, off: u32, size: u8, v: u32, _now: u64) -> Result<(), Fault> {
        let unmapped = Fault::Unmapped {
            addr: INTC_BASE + off,
            size,
            write: true,
        };
        match off {
            0x00..0x30 if off.is_multiple_of(4) => {
                let n = off as usize / 4;
                self.ipr[n] = v as u16 & IPR_MASKS[n];
            }
            0x80..0xB4 if off.is_multiple_of(4) => {
                let n = (off as usize - 0x80) / 4;
                self.imr[n] |= v as u8 & IMR_MASKS[n];
            }
            0xC0..0xF4 if off.is_multiple_of(4) => {
                let n = (off as usize - 0xC0) / 4;
                self.imr[n] &= !(v as u8 & IMR_MASKS[n]);
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
    fn levels_masks_and_choice() {
        let mut c = Intc::default();
        assert_eq!(c.level(Source::Tmu(0)), 0);
        c.write(0x00, 2, 0xA000 | 0x0300, 0).unwrap(); // IPRA: TMU0 10, TMU1 3
        assert_eq!(c.read(0x00, 2, 0).unwrap(), 0xA300);
        assert_eq!(c.level(Source::Tmu(0)), 10);
        assert_eq!(c.level(Source::Tmu(1)), 3);
        // IMR4 masks TMU0 (bit 0x10); IMCR4 clears it.
        c.write(0x90, 1, 0x10, 0).unwrap();
        assert_eq!(c.read(0x90, 1, 0).unwrap(), 0x10);
        assert_eq!(c.level(Source::Tmu(0)), 0);
        assert_eq!(c.choose([Source::Tmu(0), Source::Tmu(1)]), Some((3, 0x420)));
        c.write(0xD0, 1, 0x10, 0).unwrap();
        assert_eq!(c.read(0xD0, 1, 0).unwrap(), 0);
        assert_eq!(
            c.choose([Source::Tmu(1), Source::Tmu(0)]),
            Some((10, 0x400))
        );
        // Bits that do not exist stay 0.
        c.write(0x08, 2, 0xFFFF, 0).unwrap(); // IPRC
        assert_eq!(c.read(0x08, 2, 0).unwrap(), 0x000F);
        // ETMU5 in IPRL.
        c.write(0x2C, 2, 0x7000, 0).unwrap();
        assert_eq!(c.choose([Source::Etmu(5)]), Some((7, 0xFA0)));
        assert!(c.read(0x02, 2, 0).is_err());
    }
}
