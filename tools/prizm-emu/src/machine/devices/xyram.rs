//! The DSP's on-chip X and Y memories (8 KiB each), at [`XYRAM_BASE`]: X is seen
//! throughout 0xE5000000-0xE500FFFF, Y throughout 0xE5010000-0xE501FFFF, repeating every
//! 8 KiB.
//!
//! Add-ins reach them at two sets of addresses: gint's linker script (`fxcg50.ld`:
//! `xyram o = 0xe500e000, l = 16k`, X then Y, contiguous) and libfxcg-era code (8 KiB
//! buffers at 0xE5007000 and 0xE5017000: tswilliamson's DMA strip buffers, ports that
//! use "one 8KB on-chip XY-RAM bank"). The MQ emulator (`core/machine.c`) maps a 16 KiB
//! block at 0xE500E000 and shows it again at 0xE5007000 and 0xE5017000, noting that the
//! memory repeats through 0xE5000000's 64 KiB. Repeating every 8 KiB makes all of these
//! views agree (0xE500F000 and 0xE5007000 are both X + 0x1000), which is what this
//! device does.

use super::Device;
use crate::machine::fault::Fault;

/// First address of the X memory's window.
pub const XYRAM_BASE: u32 = 0xE500_0000;
/// Size of the X and Y windows together.
pub const XYRAM_LEN: u32 = 0x2_0000;
/// Size of each memory.
const BANK: usize = 8 * 1024;

/// The X and Y memories.
#[derive(Clone, Debug)]
pub struct XyRam {
    /// X memory.
    pub x: Vec<u8>,
    /// Y memory.
    pub y: Vec<u8>,
}

impl Default for XyRam {
    fn default() -> Self {
        XyRam {
            x: vec![0; BANK],
            y: vec![0; BANK],
        }
    }
}

impl XyRam {
    fn byte(&mut self, off: u32) -> &mut u8 {
        let i = off as usize % BANK;
        if off < 0x1_0000 {
            &mut self.x[i]
        } else {
            &mut self.y[i]
        }
    }
}

impl Device for XyRam {
    fn read(&mut self, off: u32, size: u8, _now: u64) -> Result<u32, Fault> {
        Ok((off..off + size as u32).fold(0, |v, a| (v << 8) | *self.byte(a) as u32))
    }

    fn write(&mut self, off: u32, size: u8, v: u32, _now: u64) -> Result<(), Fault> {
        for (k, a) in (off..off + size as u32).enumerate() {
            *self.byte(a) = (v >> (8 * (size as usize - 1 - k))) as u8;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn views_agree() {
        let mut m = XyRam::default();
        // libfxcg-era X buffer at 0xE5007000 is X + 0x1000, as is gint's 0xE500F000.
        m.write(0x7000, 4, 0x1234_5678, 0).unwrap();
        assert_eq!(m.read(0xF000, 4, 0).unwrap(), 0x1234_5678);
        assert_eq!(m.read(0x7001, 1, 0).unwrap(), 0x34);
        // gint's Y part (0xE5010000) is libfxcg-era 0xE5017000 - 0x1000... wrapping.
        m.write(0x1_0000, 2, 0xBEEF, 0).unwrap();
        assert_eq!(m.read(0x1_8000, 2, 0).unwrap(), 0xBEEF);
        assert_eq!(m.read(0x1_7000 + 0x1000, 2, 0).unwrap(), 0xBEEF);
        // X and Y are distinct.
        assert_eq!(m.read(0x0000, 2, 0).unwrap(), 0);
        // An 8 KiB buffer at 0xE5017000 is contiguous and all of Y.
        for i in 0..0x2000u32 {
            m.write(0x1_7000 + i, 1, i & 0xFF, 0).unwrap();
        }
        assert_eq!(m.read(0x1_0000, 1, 0).unwrap(), 0x00);
        assert_eq!(m.read(0x1_0FFF, 1, 0).unwrap(), 0xFF);
    }
}
