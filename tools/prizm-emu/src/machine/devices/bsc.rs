//! The bus state controller (BSC, at [`BSC_BASE`]): the bus and wait-state settings of
//! each memory area, which overclocking add-ins (Ftune, PTune) tune together with the
//! CPG. Every register reads back what was last written; wait states have no effect
//! on the emulated time.
//!
//! Registers (32-bit, SH7724 hardware manual's BSC chapter, the same layout on the
//! SH7305): CMNCR +0x00, CS0BCR +0x04, CS2BCR +0x08, CS3BCR +0x0C, CS4BCR +0x10,
//! CS5ABCR +0x14, CS5BBCR +0x18, CS6ABCR +0x1C, CS6BBCR +0x20, CS0WCR +0x24, CS2WCR
//! +0x28, CS3WCR +0x2C, CS4WCR +0x30, CS5AWCR +0x34, CS5BWCR +0x38, CS6AWCR +0x3C,
//! CS6BWCR +0x40, SDCR +0x44, RTCSR +0x48, RTCNT +0x4C, RTCOR +0x50. Addresses
//! confirmed by Linux's SH7724 support (`setup-sh7724.c` saves CS0BCR 0xFEC10004 ...
//! CS6BWCR 0xFEC10040 around standby; the KFR2R09 board file writes CS0BCR/CS0WCR/
//! CS4BCR/CS4WCR) and by the `casio-emu` emulator's list of clock-related registers
//! (0xFEC10004-0xFEC10034). The values the OS sets are not published: registers read
//! 0 until written.

use super::Device;
use crate::machine::fault::Fault;

/// BSC registers.
pub const BSC_BASE: u32 = 0xFEC1_0000;
/// Size of the block (up to RTCOR).
pub const BSC_LEN: u32 = 0x54;

/// The BSC's registers.
#[derive(Clone, Debug, Default)]
pub struct Bsc {
    /// One word per 4 bytes from the base.
    pub regs: [u32; (BSC_LEN / 4) as usize],
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
        assert_eq!(b.read(0x24, 4, 0).unwrap(), 0);
        b.write(0x24, 4, 0x0000_02C0, 0).unwrap(); // CS0WCR
        b.write(0x04, 4, 0x3692_0400, 0).unwrap(); // CS0BCR
        assert_eq!(b.read(0x24, 4, 0).unwrap(), 0x02C0);
        assert_eq!(b.read(0x04, 4, 0).unwrap(), 0x3692_0400);
        assert!(b.read(0x24, 2, 0).is_err());
    }
}
