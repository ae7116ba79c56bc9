//! The clock pulse generator (CPG, at [`CPG_BASE`]) and the module stop registers next
//! to it, as overclocking add-ins (Ftune, PTune) and gint's power and clock drivers
//! read and write them. Writes are kept and read back (with the bits the hardware
//! fixes); the CPU's speed does not follow them: one instruction stays one cycle of the
//! model's clock ([`crate::machine::model::Model::cpu_hz`]).
//!
//! Registers, initial values (the fx-CG50 as OS 3.80 leaves it; on the fx-CG10/20,
//! FRQCR 0x0F102203, the value gint's `src/cpg/overclock.c` lists as the default F1
//! setting of that model: CPU 1/4, bus 1/8, Pphi 1/16 of 235.9 MHz) and writable bits,
//! from the MQ emulator (`modules/cpg.c`: FRQCR 0x0F011112 at +0x00, FSICLKCR +0x08,
//! DDCLKCR +0x10, USBCLKCR +0x14, PLLCR +0x24, PLL2CR +0x28, SPUCLKCR +0x3C, SSCGCR
//! +0x44, FLLFRQ +0x50, LSTATUS +0x60; FRQCR bits 19-16 fixed at 1, bits 7-4 read as
//! SFC, bits 15-12) and the Vhex kernel's register lists (STBCR at 0xA4150020, MSTPCR0-2
//! at 0xA4150030/34/38). FRQCR.KICK (bit 31) reads 0: the SH7724 hardware manual's
//! CPG chapter clears it once the new ratios are in effect, which here is at once.
//! STBCR and MSTPCR0-2 start at 0 (every module running; the OS's values are not
//! published).
//!
//! The peripheral clock Pphi, which the TMU counts, follows the settings as gint's
//! `src/cpg/cpg.c` computes it on the SH7305: 32768 Hz, times FLLFRQ.FLF (halved when
//! SELXM = 1) when PLLCR.FLLE is set, times FRQCR.STC + 1 when PLLCR.PLLE is set,
//! divided by 2^(FRQCR.P1FC + 1) (29.49 MHz with the values at start, a quarter of the
//! CPU clock). An overclocking add-in that changes them changes the TMU's speed by the
//! same ratio ([`Cpg::pphi_hz`]).

use super::Device;
use crate::machine::fault::Fault;

/// CPG registers.
pub const CPG_BASE: u32 = 0xA415_0000;
/// Size of the block.
pub const CPG_LEN: u32 = 0x64;

/// (offset, initial value, writable bits) of each register.
const REGS: [(u32, u32, u32); 14] = [
    (0x00, 0x0F01_1112, 0xBFF0_FF0F), // FRQCR
    (0x08, 0x0000_0057, 0x0000_FDFF), // FSICLKCR
    (0x10, 0x0000_0198, 0x0000_01BF), // DDCLKCR
    (0x14, 0x0000_0100, 0x0000_0100), // USBCLKCR
    (0x20, 0, 0xFFFF_FFFF),           // STBCR
    (0x24, 0x0000_5000, 0x0000_5002), // PLLCR
    (0x28, 0, 0xFFFF_FFFF),           // PLL2CR
    (0x30, 0, 0xFFFF_FFFF),           // MSTPCR0
    (0x34, 0, 0xFFFF_FFFF),           // MSTPCR1
    (0x38, 0, 0xFFFF_FFFF),           // MSTPCR2
    (0x3C, 0x0000_0003, 0x0000_01BF), // SPUCLKCR
    (0x44, 0x1000_0000, 0x8000_0000), // SSCGCR
    (0x50, 0x0000_4384, 0x0000_C7FF), // FLLFRQ
    (0x60, 0, 0xFFFF_FFFF),           // LSTATUS
];

/// FRQCR on the fx-CG10/20 (gint's F1 setting for that model).
const FRQCR_CG20: u32 = 0x0F10_2203;

/// FRQCR's KICK bit.
const KICK: u32 = 1 << 31;

/// The CPG's registers.
#[derive(Clone, Debug)]
pub struct Cpg {
    /// Values, in the order of `REGS`.
    pub values: [u32; 14],
}

impl Default for Cpg {
    fn default() -> Self {
        Cpg {
            values: REGS.map(|r| r.1),
        }
    }
}

impl Cpg {
    /// The registers as the OS of `model` sets them (FRQCR differs on the fx-CG10/20).
    pub fn of(model: crate::machine::model::Model) -> Cpg {
        let mut c = Cpg::default();
        if model.ticks_per_cycle() == 2 {
            c.values[0] = FRQCR_CG20;
        }
        c
    }

    /// FRQCR.
    pub fn frqcr(&self) -> u32 {
        self.values[0]
    }

    /// The peripheral clock (Pphi) the settings give, in Hz.
    pub fn pphi_hz(&self) -> u64 {
        let frqcr = self.values[0] as u64;
        let fllfrq = self.values[12] as u64;
        let pllcr = self.values[5] as u64;
        let mut fll = fllfrq & 0x7FF;
        if (fllfrq >> 14) & 3 == 1 {
            fll >>= 1;
        }
        let pll = ((frqcr >> 24) & 0x3F) + 1;
        let mut base = 32_768;
        if pllcr & (1 << 12) != 0 {
            base *= fll;
        }
        if pllcr & (1 << 14) != 0 {
            base *= pll;
        }
        base >> ((frqcr & 0xF) + 1)
    }

    fn index(off: u32, size: u8) -> Option<usize> {
        if size != 4 {
            return None;
        }
        REGS.iter().position(|r| r.0 == off)
    }
}

impl Device for Cpg {
    fn read(&mut self, off: u32, size: u8, _now: u64) -> Result<u32, Fault> {
        let i = Cpg::index(off, size).ok_or(Fault::Unmapped {
            addr: CPG_BASE + off,
            size,
            write: false,
        })?;
        Ok(self.values[i])
    }

    fn write(&mut self, off: u32, size: u8, v: u32, _now: u64) -> Result<(), Fault> {
        let i = Cpg::index(off, size).ok_or(Fault::Unmapped {
            addr: CPG_BASE + off,
            size,
            write: true,
        })?;
        let mut v = v & REGS[i].2;
        if i == 0 {
            v &= !KICK;
            v |= 1 << 16;
            v = (v & !0xF0) | (((v >> 12) & 0xF) << 4);
        }
        self.values[i] = v;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pphi_is_a_quarter_of_each_models_cpu_clock() {
        use crate::machine::model::Model;
        for m in [Model::Cg10, Model::Cg20, Model::Cg50] {
            assert_eq!(Cpg::of(m).pphi_hz(), m.cpu_hz() / 4, "{m:?}");
        }
        assert_eq!(Cpg::of(Model::Cg20).pphi_hz(), 14_745_600);
        assert_eq!(Cpg::of(Model::Cg50).pphi_hz(), 29_491_200);
    }

    #[test]
    fn frqcr_reads_back_what_the_hardware_keeps() {
        let mut c = Cpg::default();
        assert_eq!(c.read(0, 4, 0).unwrap(), 0x0F01_1112);
        // An overclock: PLL x32 (STC=0x1F), KICK set.
        c.write(0, 4, 0x9F10_2203, 0).unwrap();
        let v = c.read(0, 4, 0).unwrap();
        assert_eq!(v, 0x1F11_2223);
        assert_eq!(c.frqcr(), v);
        c.write(0x30, 4, 0x1234_5678, 0).unwrap();
        assert_eq!(c.read(0x30, 4, 0).unwrap(), 0x1234_5678);
        assert_eq!(c.read(0x50, 4, 0).unwrap(), 0x4384);
        assert!(c.read(0x04, 4, 0).is_err());
        assert!(c.read(0x00, 2, 0).is_err());
    }

    #[test]
    fn peripheral_clock() {
        let mut c = Cpg::default();
        // 32768 * 450 * 16 / 8.
        assert_eq!(c.pphi_hz(), 29_491_200);
        // PLL x32 (STC = 0x1F), P1FC = 3 (/16).
        c.write(0, 4, (0x1F << 24) | (1 << 12) | (2 << 8) | 3, 0)
            .unwrap();
        assert_eq!(c.pphi_hz(), 32_768 * 450 * 32 / 16);
    }
}
