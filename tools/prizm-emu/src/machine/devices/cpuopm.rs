//! The CPU operation mode register (CPUOPM, at [`CPUOPM_ADDR`]), which gint sets on
//! start: its INTMU bit (bit 3) makes the CPU raise SR.IMASK to the level of each
//! interrupt it takes (gint `src/cpu/cpu.c`: "Set CPUOPM.INTMU", `cpu_setCPUOPM(
//! cpu_getCPUOPM() | 0x00000008)`, and `src/cpu/registers.s` for the address; SH7724
//! hardware manual, CPUOPM, for the meaning). Value at start and write behaviour from
//! the MQ emulator (`core/cpu.c`: a write keeps bit 3 of the value and sets 0x300;
//! `system/casiowin.c` starts it at 0x320). The `casio-emu` emulator's register table
//! gives 0x00A7FFD0 instead (a commented-out read); MQ, by gint's author, is followed.

use super::Device;
use crate::machine::fault::Fault;

/// CPUOPM.
pub const CPUOPM_ADDR: u32 = 0xFF2F_0000;
/// CPUOPM.INTMU: IMASK follows the accepted interrupt's level.
pub const INTMU: u32 = 1 << 3;

/// The register.
#[derive(Clone, Debug)]
pub struct CpuOpm {
    /// Its value.
    pub value: u32,
}

impl Default for CpuOpm {
    fn default() -> Self {
        CpuOpm { value: 0x0000_0320 }
    }
}

impl CpuOpm {
    /// Whether SR.IMASK takes the level of each accepted interrupt.
    pub fn intmu(&self) -> bool {
        self.value & INTMU != 0
    }
}

impl Device for CpuOpm {
    fn read(&mut self, off: u32, size: u8, _now: u64) -> Result<u32, Fault> {
        if size != 4 {
            return Err(Fault::Unmapped {
                addr: CPUOPM_ADDR + off,
                size,
                write: false,
            });
        }
        Ok(self.value)
    }

    fn write(&mut self, off: u32, size: u8, v: u32, _now: u64) -> Result<(), Fault> {
        if size != 4 {
            return Err(Fault::Unmapped {
                addr: CPUOPM_ADDR + off,
                size,
                write: true,
            });
        }
        self.value = (v & INTMU) | 0x300;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn intmu_reads_back() {
        let mut c = CpuOpm::default();
        assert!(!c.intmu());
        let v = c.read(0, 4, 0).unwrap();
        c.write(0, 4, v | INTMU, 0).unwrap();
        assert!(c.intmu());
        assert_eq!(c.read(0, 4, 0).unwrap(), 0x0000_0308);
        c.write(0, 4, 0xFFFF_FFF7, 0).unwrap();
        assert!(!c.intmu());
        assert_eq!(c.read(0, 4, 0).unwrap(), 0x0000_0300);
    }
}
