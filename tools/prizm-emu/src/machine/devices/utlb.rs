//! The unified TLB's address and data arrays (UTLB, at [`UTLB_ADDR_BASE`] and
//! [`UTLB_DATA_BASE`]), read-only: what the OS has mapped for the add-in, which gint
//! reads at start (`src/mmu/mmu.c`, `utlb_mapped_memory`: 64 entries at 0xF6000000 |
//! E << 8 and 0xF7000000 | E << 8; an entry counts when both V bits are set; its size
//! from SZ1/SZ2; the add-in RAM is what is mapped in 0x08100000-0x0817FFFF, kept as
//! `gint[HWURAM]`). Layouts (gint `include/gint/mpu/mmu.h`, SH-4A manual's MMU chapter
//! as quoted by the `casio-emu` emulator's `tlb.c`): address entry VPN bits 31-10, D bit
//! 9, V bit 8, ASID bits 7-0; data entry PPN bits 28-10, V bit 8, SZ1 bit 7, PR bits
//! 6-5, SZ0 (SZ2) bit 4, C bit 3, D bit 2, SH bit 1, WT bit 0; the entry number is in
//! address bits 13-8.
//!
//! The emulator has no MMU: the entries only describe the board's mapping. They hold
//! the add-in RAM window as eight 64 KiB pages (the OS "virtualizes it in 8x64kB
//! chunks", Simon Lothar's memory map) at the RAM's physical address, as the
//! `casio-emu` emulator's fake UTLB also does. The add-in's code pages are not listed:
//! the OS maps them on demand on TLB misses, which the emulator does not have. Writes
//! stop the run (there is no TLB to change).

use super::Device;
use crate::machine::fault::Fault;

/// UTLB address array.
pub const UTLB_ADDR_BASE: u32 = 0xF600_0000;
/// UTLB data array.
pub const UTLB_DATA_BASE: u32 = 0xF700_0000;
/// Size of each array's window.
pub const UTLB_LEN: u32 = 0x10_0000;
/// Number of entries.
pub const ENTRIES: usize = 64;

/// Page sizes: the SZ1:SZ0 code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PageSize {
    /// 1 KiB.
    K1 = 0,
    /// 4 KiB.
    K4 = 1,
    /// 64 KiB.
    K64 = 2,
    /// 1 MiB.
    M1 = 3,
}

/// One of the two arrays.
#[derive(Clone, Debug)]
pub struct UtlbArray {
    /// Whether this is the data array (else the address array).
    data: bool,
    /// The entries.
    pub entries: [u32; ENTRIES],
}

/// The UTLB.
#[derive(Clone, Debug)]
pub struct Utlb {
    /// Address array.
    pub addr: UtlbArray,
    /// Data array.
    pub data: UtlbArray,
}

impl Default for Utlb {
    fn default() -> Self {
        Utlb {
            addr: UtlbArray {
                data: false,
                entries: [0; ENTRIES],
            },
            data: UtlbArray {
                data: true,
                entries: [0; ENTRIES],
            },
        }
    }
}

impl Utlb {
    /// Records entry `e`: virtual page `vpn` to physical page `ppn` of `size`, valid,
    /// dirty, cacheable, readable and writable in both modes (PR = 3).
    pub fn set(&mut self, e: usize, vpn: u32, ppn: u32, size: PageSize) {
        self.addr.entries[e] = (vpn & !0x3FF) | 1 << 9 | 1 << 8;
        let sz = size as u32;
        self.data.entries[e] = (ppn & 0x1FFF_FC00)
            | 1 << 8
            | (sz >> 1) << 7
            | 3 << 5
            | (sz & 1) << 4
            | 1 << 3
            | 1 << 2;
    }

    /// Lists `len` bytes at virtual `vpn` as 64 KiB pages to physical `ppn`, in the
    /// last entries.
    pub fn map_64k(&mut self, vpn: u32, ppn: u32, len: u32) {
        let n = len.div_ceil(0x1_0000) as usize;
        for i in 0..n.min(ENTRIES) {
            let off = 0x1_0000 * i as u32;
            self.set(ENTRIES - n + i, vpn + off, ppn + off, PageSize::K64);
        }
    }
}

impl Device for UtlbArray {
    fn read(&mut self, off: u32, size: u8, _now: u64) -> Result<u32, Fault> {
        if size != 4 {
            let base = if self.data {
                UTLB_DATA_BASE
            } else {
                UTLB_ADDR_BASE
            };
            return Err(Fault::Unmapped {
                addr: base + off,
                size,
                write: false,
            });
        }
        Ok(self.entries[(off >> 8) as usize & (ENTRIES - 1)])
    }

    fn write(&mut self, off: u32, size: u8, _v: u32, _now: u64) -> Result<(), Fault> {
        let base = if self.data {
            UTLB_DATA_BASE
        } else {
            UTLB_ADDR_BASE
        };
        Err(Fault::Unmapped {
            addr: base + off,
            size,
            write: true,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// gint's utlb_mapped_memory, as its source describes it.
    fn mapped_ram(u: &mut Utlb) -> u32 {
        let mut ram = 0;
        for e in 0..64u32 {
            let a = u.addr.read(e << 8, 4, 0).unwrap();
            let d = u.data.read(e << 8, 4, 0).unwrap();
            if a & 0x100 == 0 || d & 0x100 == 0 {
                continue;
            }
            let sz = (((d >> 7) & 1) << 1 | ((d >> 4) & 1)) << 3;
            let size = 1u32 << ((0x1410_0C0A >> sz) & 0xFF);
            let src = a & !0x3FF;
            if (0x0810_0000..0x0818_0000).contains(&src) {
                ram += size;
            }
        }
        ram
    }

    #[test]
    fn the_add_in_ram_is_listed() {
        let mut u = Utlb::default();
        assert_eq!(mapped_ram(&mut u), 0);
        u.map_64k(0x0810_0000, 0x0C17_0000, 512 * 1024);
        assert_eq!(mapped_ram(&mut u), 512 * 1024);
        // Entry 63: the last page.
        assert_eq!(u.addr.read(63 << 8, 4, 0).unwrap() & !0x3FF, 0x0817_0000);
        assert_eq!(
            u.data.read(63 << 8, 4, 0).unwrap() & 0x1FFF_FC00,
            0x0C1E_0000
        );
        assert!(u.data.write(0, 4, 0, 0).is_err());
        assert!(u.addr.read(0, 2, 0).is_err());
    }
}
