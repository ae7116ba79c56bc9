//! The CPU's own registers in the P4 area that add-ins read: the identification
//! registers and the exception event registers.
//!
//! - PVR (0xFF000030) = 0x10300B00 and PRR (0xFF000044) = 0x00002C00: gint's and the
//!   Vhex kernel's MPU detection (`(PVR & 0xFFFFFF00) == 0x10300B00` for an SH-4A,
//!   `(PRR & 0xFFFFFFF0) == 0x00002C00` for the SH7305), the same values as the
//!   register table of the `casio-emu` emulator (`0xff000030`/`0xff000044`) and as the
//!   "is it an SH4" check of libfxcg-era utility code (PVR at 0xFF000030), and those
//!   the MQ emulator's `core/cpu.c` returns.
//! - TEA (0xFF00000C), the address of the access an exception was raised for: the SH-4
//!   register map of SH-4 code in public repositories (`SHREG_TEA 0xff00000c`, beside
//!   PTEH 0xff000000 and MMUCR 0xff000010) and exception handlers that print "EXPEVT TEA
//!   SPC" from 0xff000024 and 0xff00000c; the CPU writes it on exception entry;
//! - TRA (0xFF000020), EXPEVT (0xFF000024), INTEVT (0xFF000028): SH-4A core manual,
//!   with the writable bits of MQ's `core/cpu.c` (0x3FC, 0xFFF, 0x3FFF);
//!   the CPU writes INTEVT when it takes an interrupt (gint's interrupt entry reads it
//!   to find the handler). They read back what was last written.
//!
//! CVR (0xFF000040, cache version) is not mapped: no public source gives the SH7305's
//! value.

use super::Device;
use crate::machine::fault::Fault;

/// First address of the block (PTEH, unmapped; TEA is at +0x0C).
pub const CCN_BASE: u32 = 0xFF00_0000;
/// Size of the block (up to PRR).
pub const CCN_LEN: u32 = 0x48;
/// Processor version register value.
pub const PVR: u32 = 0x1030_0B00;
/// Product register value.
pub const PRR: u32 = 0x0000_2C00;

/// The registers.
#[derive(Clone, Debug, Default)]
pub struct Ccn {
    /// TLB exception address register: the address of the access an exception was
    /// raised for (set by the CPU on exception entry).
    pub tea: u32,
    /// TRAPA exception register.
    pub tra: u32,
    /// Exception event register.
    pub expevt: u32,
    /// Interrupt event register (set by the CPU on interrupt entry).
    pub intevt: u32,
}

impl Device for Ccn {
    fn read(&mut self, off: u32, size: u8, _now: u64) -> Result<u32, Fault> {
        Ok(match (off, size) {
            (0x0C, 4) => self.tea,
            (0x20, 4) => self.tra,
            (0x24, 4) => self.expevt,
            (0x28, 4) => self.intevt,
            (0x30, 4) => PVR,
            (0x44, 4) => PRR,
            _ => {
                return Err(Fault::Unmapped {
                    addr: CCN_BASE + off,
                    size,
                    write: false,
                });
            }
        })
    }

    fn write(&mut self, off: u32, size: u8, v: u32, _now: u64) -> Result<(), Fault> {
        match (off, size) {
            (0x0C, 4) => self.tea = v,
            (0x20, 4) => self.tra = v & 0x3FC,
            (0x24, 4) => self.expevt = v & 0xFFF,
            (0x28, 4) => self.intevt = v & 0x3FFF,
            _ => {
                return Err(Fault::Unmapped {
                    addr: CCN_BASE + off,
                    size,
                    write: true,
                });
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identification_and_event_registers() {
        let mut c = Ccn::default();
        assert_eq!(c.read(0x30, 4, 0).unwrap() & 0xFFFF_FF00, 0x1030_0B00);
        assert_eq!(c.read(0x44, 4, 0).unwrap() & 0xFFFF_FFF0, 0x2C00);
        c.write(0x28, 4, 0x420, 0).unwrap();
        assert_eq!(c.read(0x28, 4, 0).unwrap(), 0x420);
        c.write(0x0C, 4, 0x1234_5678, 0).unwrap();
        assert_eq!(c.read(0x0C, 4, 0).unwrap(), 0x1234_5678);
        assert!(c.write(0x30, 4, 0, 0).is_err()); // PVR is read-only
        assert!(c.read(0x40, 4, 0).is_err()); // CVR: unknown
        assert!(c.read(0x10, 4, 0).is_err()); // MMUCR: not emulated
    }
}
