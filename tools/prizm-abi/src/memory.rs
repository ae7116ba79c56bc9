//! The memory map add-ins see: where the image and its RAM are, the VRAM, the OS's
//! fixed addresses (OS call entry, version string, hardware ID) and the on-chip RAMs,
//! per model family where they differ. Every value has its sources in docs/hardware.md
//! ("Memory map"); the key registers are in [`crate::keys`].
//!
//! "P1" addresses (0x8xxxxxxx) are cached, "P2" (0xAxxxxxxx) their uncached aliases:
//! the SH-4A maps both to the same physical address.

/// The P1 alias of an address (P2 or P1).
pub const fn p1(addr: u32) -> u32 {
    addr & !0x2000_0000
}

/// The P2 alias of an address (P1 or P2).
pub const fn p2(addr: u32) -> u32 {
    addr | 0x2000_0000
}

/// Where the add-in image (the `.g3a` after its 0x7000-byte header) is mapped and runs
/// from its first byte ([SL-g3a], [WP-g3a], [LFX-ld], [GINT-ld], [MQ-machine]).
pub const IMAGE: u32 = 0x0030_0000;
/// The largest add-in image: 2 MiB on current OSes ([GINT-ld], [MQ-machine],
/// [RW-khicas50]; libfxcg's linker script still says 1024k).
pub const IMAGE_MAX: u32 = 2 << 20;

/// The window through which an add-in sees its RAM (static data from the bottom, the
/// stack from the top) ([SL-map], [SL-g3a], [GINT-ld], [MQ-machine], [LFX-ld]).
pub const RAM_WINDOW: u32 = 0x0810_0000;
/// Size of the add-in RAM.
pub const RAM_SIZE: u32 = 512 * 1024;

/// Bytes of VRAM: the [`crate::screen`]'s pixels, RGB565, 2 bytes big-endian each,
/// row-major ([LFX-disp], [SL-map], [MQ-cw]).
pub const VRAM_SIZE: u32 = crate::screen::WIDTH * crate::screen::HEIGHT * 2;

/// Where the boot flash holds the calculator's 8-byte hardware ID (P1; the P2 alias
/// reads the same) ([WP-pid], [SL-cg10], [MQ-cw], [UT-hw], [GINT-hw]).
pub const HARDWARE_ID: u32 = 0x8001_FFD0;
/// Bytes of the hardware ID.
pub const HARDWARE_ID_LEN: usize = 8;

/// Where the OS keeps its version, ASCII `MM.mm.pppp` (P1) ([MQ-cw], [WP-ver],
/// [RW-khicas50]).
pub const OS_VERSION: u32 = 0x8002_0020;
/// Bytes of the version string (without padding).
pub const OS_VERSION_LEN: usize = 10;

/// The on-chip RAMs as `(base, size)`: IL RAM, X RAM and Y RAM at the addresses
/// libfxcg-era add-ins use ([LFX-ld], [GINT-ld], [MQ-machine], [STAGE-ld], [UT-img],
/// [RW-eigenmath], [GBL-jpeg]).
pub const ONCHIP: [(u32, u32); 3] = [
    (0xE520_0000, 4 * 1024),
    (0xE500_7000, 8 * 1024),
    (0xE501_7000, 8 * 1024),
];

/// Bytes of the OS heap (`sys_malloc`) ([WP-heap], [MQ-cw]).
pub const HEAP_SIZE: u32 = 128 * 1024;

/// The parts of the memory map that differ between the fx-CG10/20 and the fx-CG50.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Family {
    /// The whole RAM in P1.
    pub ram_base_p1: u32,
    /// Bytes of the whole RAM.
    pub ram_size: u32,
    /// The add-in RAM in P1 (the same memory as [`RAM_WINDOW`]); the OS starts the
    /// add-in with the stack pointer at its end.
    pub addin_ram_p1: u32,
    /// The VRAM in P2 (what `GetVRAMAddress` returns).
    pub vram_p2: u32,
    /// The OS heap in P2 ([`HEAP_SIZE`] bytes).
    pub heap_p2: u32,
}

impl Family {
    /// The stack pointer the OS starts the add-in with: the P1 end of its RAM
    /// ([SL-map], [MQ-machine], [GINT-hw]).
    pub const fn initial_sp(&self) -> u32 {
        self.addin_ram_p1 + RAM_SIZE
    }

    /// Whether `addr` is in this family's add-in RAM, in P1 or P2.
    pub const fn in_addin_ram(&self, addr: u32) -> bool {
        p1(addr).wrapping_sub(self.addin_ram_p1) < RAM_SIZE
    }
}

/// The fx-CG10 and fx-CG20 (one map, [SL-cg10], [UT-hw]): 2 MiB of RAM at 0x88000000
/// ([SL-map], [GINT-hw]), add-in RAM at 0x88160000 ([SL-map], unverified), VRAM at
/// 0xA8000000 ([SL-map], [RW-mandelbrot-2013]), heap at 0xA81E0000 ([SL-map], [WP-heap]).
pub const FX_CG20: Family = Family {
    ram_base_p1: 0x8800_0000,
    ram_size: 2 << 20,
    addin_ram_p1: 0x8816_0000,
    vram_p2: 0xA800_0000,
    heap_p2: 0xA81E_0000,
};

/// The fx-CG50: 8 MiB of RAM at 0x8C000000 ([CEM-17679], [MQ-machine], [GINT-hw]), add-in
/// RAM at 0x8C170000 ([MQ-machine], [MQ-cw]; casio-emu disagrees), VRAM at 0xAC000000
/// ([MQ-cw], [LFX-66]), heap at 0xAC0B0000 (one revision of [MQ-cw], unverified).
pub const FX_CG50: Family = Family {
    ram_base_p1: 0x8C00_0000,
    ram_size: 8 << 20,
    addin_ram_p1: 0x8C17_0000,
    vram_p2: 0xAC00_0000,
    heap_p2: 0xAC0B_0000,
};

/// Both families, fx-CG10/20 first.
pub const FAMILIES: [Family; 2] = [FX_CG20, FX_CG50];

/// Maps an address of the add-in RAM as the stack pointer sees it (P1 or P2, on either
/// family) to the same byte in [`RAM_WINDOW`]; window addresses are returned as they
/// are, anything else is `None`.
pub const fn window_address(addr: u32) -> Option<u32> {
    if addr.wrapping_sub(RAM_WINDOW) < RAM_SIZE {
        return Some(addr);
    }
    let mut i = 0;
    while i < FAMILIES.len() {
        if FAMILIES[i].in_addin_ram(addr) {
            return Some(RAM_WINDOW + (p1(addr) - FAMILIES[i].addin_ram_p1));
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases_and_window() {
        assert_eq!(p2(HARDWARE_ID), 0xA001_FFD0);
        assert_eq!(p1(0xAC00_0000), 0x8C00_0000);
        assert_eq!(FX_CG20.initial_sp(), 0x881E_0000);
        assert_eq!(FX_CG50.initial_sp(), 0x8C1F_0000);
        assert_eq!(window_address(0x881D_FFFC), Some(0x0817_FFFC));
        assert_eq!(window_address(0xAC17_0010), Some(0x0810_0010));
        assert_eq!(window_address(0x0810_0004), Some(0x0810_0004));
        assert_eq!(window_address(0x8C1F_0000), None);
        assert_eq!(VRAM_SIZE, 165_888);
    }
}
