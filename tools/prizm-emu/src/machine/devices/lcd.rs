//! The LCD panel: what it shows (the 384x216 area that the OS's VRAM and display calls
//! use, at columns 6-389 and rows 0-215 of the 396x224 panel; the rest of the panel is
//! not kept), a count of the frames put on it, and its controller, the Renesas R61524,
//! as add-ins drive it directly (gint's `r61524` driver, DMA display code of
//! libfxcg-era add-ins). The area's place: the MQ emulator's Bdisp_PutDisp_DD
//! (`system/casiowin.c`: VRAM rows copied to the display from column 6 of row 0) and
//! libfxcg-era DMA display code, which sends the whole VRAM after
//! `Bdisp_DefineDMARange(6, 389, 0, 215)`.
//!
//! The controller is reached through a 16-bit window at [`LCD_DATA`] (0xB4000000, and
//! its P1 address 0x94000000); bit 4 of port R's data register PRDR ([`PRDR`],
//! 0xA405013C) is the panel's RS line: with RS=0 a write selects a register, with RS=1
//! writes and reads go to the selected register. Registers 0x210/0x211 (horizontal
//! window start/end, counted from the right edge: x = 395 - value), 0x212/0x213
//! (vertical window start/end), 0x200/0x201 (address in the window), 0x202 (write
//! pixel data: RGB565, one per 16-bit write, two per 32-bit write, left to right then
//! top to bottom inside the window, wrapping to the window's start after its last
//! pixel). Sources: gint `src/r61524/r61524.c` (register numbers, `select`: clear PRDR
//! bit 4, write the number, set it again; `r61524_start_frame`: window
//! `395-xmax..395-xmin`, addresses 0, select 0x202, then DMA or CPU writes) and the MQ
//! emulator (`modules/r61524.c`: the same registers and mirroring, the initial window
//! covering the whole panel, a full frame when the address wraps at the end of the
//! window). Other registers read back what was last written to them.

use super::Device;
use crate::machine::fault::Fault;

/// Width of the area shown, in pixels (`prizm_abi::screen`).
pub const LCD_WIDTH: usize = prizm_abi::screen::WIDTH as usize;
/// Height of the area shown, in pixels.
pub const LCD_HEIGHT: usize = prizm_abi::screen::HEIGHT as usize;
/// Width of the panel.
pub const PANEL_WIDTH: u32 = 396;
/// Height of the panel.
pub const PANEL_HEIGHT: u32 = 224;
/// Panel column of the shown area's left edge.
pub const SHOWN_X: u32 = (PANEL_WIDTH - LCD_WIDTH as u32) / 2;
/// Panel row of the shown area's top edge.
pub const SHOWN_Y: u32 = 0;
/// The controller's data/command window (P2).
pub const LCD_DATA: u32 = 0xB400_0000;
/// The same window at its P1 address.
pub const LCD_DATA_P1: u32 = 0x9400_0000;
/// Size of the window (a DMA burst of 32 bytes to the fixed address covers it).
pub const LCD_DATA_LEN: u32 = 0x20;
/// Port R data register (bit 4: the panel's RS line).
pub const PRDR: u32 = 0xA405_013C;

/// The R61524's state as add-ins see it.
#[derive(Clone, Debug)]
pub struct R61524 {
    /// PRDR as last written (bit 4: RS).
    pub prdr: u8,
    /// Selected register.
    pub index: u16,
    /// Window: registers 0x210-0x213 as written.
    pub hsa: u16,
    /// Horizontal end (0x211).
    pub hea: u16,
    /// Vertical start (0x212).
    pub vsa: u16,
    /// Vertical end (0x213).
    pub vea: u16,
    /// Address in the window (0x200, 0x201).
    pub haddr: u32,
    /// Vertical address in the window.
    pub vaddr: u32,
    /// Other registers, as written.
    pub other: std::collections::BTreeMap<u16, u16>,
}

impl Default for R61524 {
    fn default() -> Self {
        R61524 {
            prdr: 0x10,
            index: 0x202,
            hsa: 0,
            hea: PANEL_WIDTH as u16 - 1,
            vsa: 0,
            vea: PANEL_HEIGHT as u16 - 1,
            haddr: 0,
            vaddr: 0,
            other: Default::default(),
        }
    }
}

/// What the panel shows.
#[derive(Clone, Debug)]
pub struct Lcd {
    /// RGB565 pixels of the shown area, row by row.
    pub pixels: Vec<u16>,
    /// Frames put on the panel so far.
    pub frames: u64,
    /// The controller.
    pub ctl: R61524,
}

impl Default for Lcd {
    /// A white panel (as the OS leaves it when it starts an add-in).
    fn default() -> Self {
        Lcd {
            pixels: vec![0xFFFF; LCD_WIDTH * LCD_HEIGHT],
            frames: 0,
            ctl: R61524::default(),
        }
    }
}

impl Lcd {
    /// The window's left column, width and height on the panel.
    fn window(&self) -> (u32, u32, u32) {
        let c = &self.ctl;
        let left = (PANEL_WIDTH - 1).saturating_sub(c.hea.min(PANEL_WIDTH as u16 - 1) as u32);
        let right = (PANEL_WIDTH - 1).saturating_sub(c.hsa.min(PANEL_WIDTH as u16 - 1) as u32);
        let w = right.saturating_sub(left) + 1;
        let h = (c.vea as u32).saturating_sub(c.vsa as u32) + 1;
        (left, w, h)
    }

    /// Writes one pixel at the window's address and moves it on.
    pub fn put_pixel(&mut self, color: u16) {
        let (left, w, h) = self.window();
        let x = left + self.ctl.haddr;
        let y = self.ctl.vsa as u32 + self.ctl.vaddr;
        if (SHOWN_X..SHOWN_X + LCD_WIDTH as u32).contains(&x)
            && (SHOWN_Y..SHOWN_Y + LCD_HEIGHT as u32).contains(&y)
        {
            self.pixels[((y - SHOWN_Y) as usize) * LCD_WIDTH + (x - SHOWN_X) as usize] = color;
        }
        self.ctl.haddr += 1;
        if self.ctl.haddr >= w {
            self.ctl.haddr = 0;
            self.ctl.vaddr += 1;
            if self.ctl.vaddr >= h {
                self.ctl.vaddr = 0;
                self.frames += 1;
            }
        }
    }

    /// A write to PRDR.
    pub fn write_prdr(&mut self, v: u8) {
        self.ctl.prdr = v;
    }

    /// Selects controller register `reg`, as a write with RS=0 does (for the OS layer's
    /// display calls that drive the controller: Bdisp_DDRegisterSelect).
    pub fn select(&mut self, reg: u16) {
        self.ctl.index = reg;
    }

    /// Sets the window to panel columns `x1..=x2` and rows `y1..=y2` and its address
    /// to the window's start, as gint's `r61524_start_frame` does through registers
    /// 0x210-0x213, 0x200 and 0x201 (for the OS layer: Bdisp_DefineDMARange). Addresses
    /// are relative to the window (the entry mode's ORG bit set, as
    /// Bdisp_WriteDDRegister3_bit7(1) does before such transfers).
    pub fn set_window(&mut self, x1: u16, x2: u16, y1: u16, y2: u16) {
        let last = PANEL_WIDTH as u16 - 1;
        let c = &mut self.ctl;
        c.hsa = last.saturating_sub(x2.min(last));
        c.hea = last.saturating_sub(x1.min(last));
        c.vsa = y1;
        c.vea = y2;
        c.haddr = 0;
        c.vaddr = 0;
    }

    fn write_reg(&mut self, v: u16) {
        let c = &mut self.ctl;
        match c.index {
            0x200 => c.haddr = v as u32,
            0x201 => c.vaddr = v as u32,
            0x202 => self.put_pixel(v),
            0x210 => c.hsa = v,
            0x211 => c.hea = v,
            0x212 => c.vsa = v,
            0x213 => c.vea = v,
            i => {
                c.other.insert(i, v);
            }
        }
    }

    fn read_reg(&self) -> u16 {
        let c = &self.ctl;
        match c.index {
            0x200 => c.haddr as u16,
            0x201 => c.vaddr as u16,
            0x210 => c.hsa,
            0x211 => c.hea,
            0x212 => c.vsa,
            0x213 => c.vea,
            i => c.other.get(&i).copied().unwrap_or(0),
        }
    }
}

impl Device for Lcd {
    fn read(&mut self, _off: u32, size: u8, _now: u64) -> Result<u32, Fault> {
        let v = self.read_reg() as u32;
        Ok(if size == 4 { v << 16 | v } else { v })
    }

    fn write(&mut self, _off: u32, size: u8, v: u32, _now: u64) -> Result<(), Fault> {
        if self.ctl.prdr & 0x10 == 0 {
            self.ctl.index = v as u16;
            return Ok(());
        }
        match size {
            4 => {
                self.write_reg((v >> 16) as u16);
                self.write_reg(v as u16);
            }
            2 => self.write_reg(v as u16),
            _ => {} // byte writes do not reach the 16-bit bus's registers
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn select(l: &mut Lcd, reg: u16) {
        l.write_prdr(0);
        l.write(0, 2, reg as u32, 0).unwrap();
        l.write_prdr(0x10);
    }

    #[test]
    fn window_and_pixels() {
        let mut l = Lcd::default();
        // A 2x2 window at panel (10, 20): HSA/HEA mirrored.
        for (r, v) in [
            (0x210, 395 - 11),
            (0x211, 395 - 10),
            (0x212, 20),
            (0x213, 21),
        ] {
            select(&mut l, r);
            l.write(0, 2, v, 0).unwrap();
        }
        select(&mut l, 0x210);
        assert_eq!(l.read(0, 2, 0).unwrap(), 395 - 11);
        select(&mut l, 0x202);
        l.write(0, 4, 0x1111_2222, 0).unwrap();
        l.write(0, 2, 0x3333, 0).unwrap();
        assert_eq!(l.frames, 0);
        l.write(0, 2, 0x4444, 0).unwrap();
        assert_eq!(l.frames, 1);
        let at = |l: &Lcd, x: u32, y: u32| {
            l.pixels[((y - SHOWN_Y) * LCD_WIDTH as u32 + x - SHOWN_X) as usize]
        };
        assert_eq!(
            [
                at(&l, 10, 20),
                at(&l, 11, 20),
                at(&l, 10, 21),
                at(&l, 11, 21)
            ],
            [0x1111, 0x2222, 0x3333, 0x4444]
        );
        assert_eq!(at(&l, 12, 20), 0xFFFF);
        // Back at the window's start.
        l.write(0, 2, 0x5555, 0).unwrap();
        assert_eq!(at(&l, 10, 20), 0x5555);
        // The same through the helpers the OS layer uses.
        l.set_window(6, 389, 0, 215);
        l.select(0x210);
        assert_eq!(l.read(0, 2, 0).unwrap(), 6);
        l.select(0x202);
        l.write(0, 2, 0x1234, 0).unwrap();
        assert_eq!(l.pixels[0], 0x1234);
    }
}
