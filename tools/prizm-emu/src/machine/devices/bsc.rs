//! The bus state controller (BSC, at [`BSC_BASE`]): the bus and wait-state settings of
//! each memory area, which overclocking add-ins (Ftune, PTune, gint's
//! `clock_set_speed`) tune together with the CPG. Every register reads back what was
//! last written; wait states have no effect on the emulated time. Writes to the SDRAM
//! mode registers SDMR2/SDMR3 (the address is the command, at [`SDMR_BASE`]) are
//! accepted and do nothing.
//!
//! Registers (32-bit, SH7724 hardware manual's BSC chapter, the same layout on the
//! SH7305): CMNCR +0x00, CS0BCR +0x04, CS2BCR +0x08, CS3BCR +0x0C, CS4BCR +0x10,
//! CS5ABCR +0x14, CS5BBCR +0x18, CS6ABCR +0x1C, CS6BBCR +0x20, CS0WCR +0x24, CS2WCR
//! +0x28, CS3WCR +0x2C, CS4WCR +0x30, CS5AWCR +0x34, CS5BWCR +0x38, CS6AWCR +0x3C,
//! CS6BWCR +0x40, SDCR +0x44, RTCSR +0x48, RTCNT +0x4C, RTCOR +0x50. Addresses
//! confirmed by Linux's SH7724 support (`setup-sh7724.c` saves CS0BCR 0xFEC10004 ...
//! CS6BWCR 0xFEC10040 around standby; the KFR2R09 board file writes CS0BCR/CS0WCR/
//! CS4BCR/CS4WCR) and by gint's `src/cpg/overclock.c`, whose fx-CG50 "F1" setting
//! (the OS's own, from Sentaro21's Ftune/PTune) gives the values at start: CS0BCR
//! 0x36DA0400, CS2BCR 0x36DA3400, CS3BCR 0x36DB4400, CS5ABCR 0x17DF0400, CS0WCR
//! 0x3C0, CS2WCR 0x3C0, CS3WCR 0x24D1, CS5AWCR 0x203C1 (gint also writes a byte to
//! SDMR3 at 0xFEC15040 or 0xFEC15060 after changing CS3WCR). The other registers read 0
//! until written: their values are not published.

use super::Device;
use crate::machine::fault::Fault;

/// BSC registers.
pub const BSC_BASE: u32 = 0xFEC1_0000;
/// Size of the block (up to RTCOR).
pub const BSC_LEN: u32 = 0x54;
/// SDRAM mode registers (write-only commands).
pub const SDMR_BASE: u32 = 0xFEC1_4000;
/// Size of the SDMR window.
pub const SDMR_LEN: u32 = 0x2000;

/// (offset, value at start) of the registers the OS's setting gives.
const AT_START: [(u32, u32); 8] = [
    (0x04, 0x36DA_0400), // CS0BCR
    (0x08, 0x36DA_3400), // CS2BCR
    (0x0C, 0x36DB_4400), // CS3BCR
    (0x14, 0x17DF_0400), // CS5ABCR
    (0x24, 0x0000_03C0), // CS0WCR
    (0x28, 0x0000_03C0), // CS2WCR
    (0x2C, 0x0000_24D1), // CS3WCR
    (0x34, 0x0002_03C1), // CS5AWCR
];

/// The BSC's registers.
#[derive(Clone, Debug)]
pub struct Bsc {
    /// One word per 4 bytes from the base.
    pub regs: [u32; (BSC_LEN / 4) as usize],
}

impl Default for Bsc {
    fn default() -> Self {
        let mut regs = [0; (BSC_LEN / 4) as usize];
        for (off, v) in AT_START {
            regs[off as usize / 4] = v;
        }
        Bsc { regs }
    }
}

/// The SDRAM mode registers: writes accepted (the command is in the address), reads
/// unmapped.
#[derive(Clone, Debug, Default)]
pub struct Sdmr;

impl Device for Sdmr {
    fn read(&mut self, off: u32, size: u8, _now: u64) -> Result<u32, Fault> {
        Err(Fault::Unmapped {
            addr: SDMR_BASE + off,
            size,
            write: false,
        })
    }

    fn write(&mut self, _off: u32, _size: u8, _v: u32, _now: u64) -> Result<(), Fault> {
        Ok(())
    }
}

impl Device for Bsc {
    fn read(&mut self, off: u32, size: u8, _now: u64) -> Result<u32, Fault> {
        if size != 4 {
            return Err(Fault::Unmapped {
                addr: BSC_BASE + off,
                size,
                write: false,
            });
        }
        Ok(self.regs[off as usize / 4])
    }

    fn write(&mut self, off: u32, size: u8, v: u32, _now: u64) -> Result<(), Fault> {
        if size != 4 {
            return Err(Fault::Unmapped {
                addr: BSC_BASE + off,
                size,
                write: true,
            });
        }
        self.regs[off as usize / 4] = v;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registers_read_back() {
        let mut b = Bsc::default();
        // The OS's setting at start (gint's fx-CG50 F1).
        assert_eq!(b.read(0x24, 4, 0).unwrap(), 0x3C0);
        assert_eq!(b.read(0x2C, 4, 0).unwrap(), 0x24D1);
        assert_eq!(b.read(0x00, 4, 0).unwrap(), 0);
        b.write(0x24, 4, 0x0000_02C0, 0).unwrap(); // CS0WCR
        b.write(0x04, 4, 0x3692_0400, 0).unwrap(); // CS0BCR
        assert_eq!(b.read(0x24, 4, 0).unwrap(), 0x02C0);
        assert_eq!(b.read(0x04, 4, 0).unwrap(), 0x3692_0400);
        assert!(b.read(0x24, 2, 0).is_err());
        let mut m = Sdmr;
        assert!(m.write(0x1040, 1, 0, 0).is_ok());
        assert!(m.read(0x1040, 1, 0).is_err());
    }
}
