//! Calculator models and their memory maps, and the emulated clock.
//!
//! Emulated time is counted in *ticks* of [`CLOCK_HZ`], the fx-CG50's CPU clock: every
//! device, timer, wait and pacing works in ticks, the same on every model. A CPU cycle
//! is [`Model::ticks_per_cycle`] ticks: 1 on the fx-CG50, 2 on the fx-CG10/20, whose
//! CPU runs at half that clock (docs/timing.md has the sources).

/// Ticks per emulated second: the fx-CG50's CPU clock as the OS sets it, 117.9648 MHz
/// (gint's `src/cpg/cpg.c` formula on the OS's own CPG values, FLLFRQ 0x4384 and FRQCR
/// 0x0F011112: 32768 Hz x 900 / 2 x 16 / 2; gint's `clock.h` calls it "116 MHz").
pub const CLOCK_HZ: u64 = 117_964_800;

/// Converts milliseconds of emulated time to ticks.
pub fn ms_to_cycles(ms: u64) -> u64 {
    ms * CLOCK_HZ / 1000
}

/// A calculator model.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Model {
    /// fx-CG10 (same map as the fx-CG20).
    Cg10,
    /// fx-CG20.
    Cg20,
    /// fx-CG50 (the default).
    #[default]
    Cg50,
}

// The addresses are the calculator's (`prizm_abi::memory`, with their sources), under
// the emulator's names: the image ("ROM") and its largest size, the add-in RAM window,
// the VRAM and OS heap sizes, the on-chip RAMs (IL, X, Y; the X and Y memories are seen
// throughout 0xE5000000-0xE501FFFF, see `devices::xyram`; only IL RAM is a plain
// region) and the hardware ID.
use prizm_abi::memory::{self as abi, Family};
pub use prizm_abi::memory::{
    HARDWARE_ID as HARDWARE_ID_ADDR, HEAP_SIZE, IMAGE as ROM_BASE, IMAGE_MAX as ROM_MAX, ONCHIP,
    RAM_SIZE, RAM_WINDOW, VRAM_SIZE,
};

/// The P2 alias of [`HARDWARE_ID_ADDR`].
pub const HARDWARE_ID_P2: u32 = abi::p2(abi::HARDWARE_ID);

impl Model {
    /// The emulated hardware ID at [`HARDWARE_ID_ADDR`] (unless the harness's
    /// `Options::hardware_id` overrides it): ASCII `EMU-CG10`, `EMU-CG20` or
    /// `EMU-CG50`. Fixed, so that add-ins that salt data with the ID behave the same in
    /// every run; no real calculator has an ID starting with `EMU-`.
    pub fn hardware_id(self) -> [u8; 8] {
        *match self {
            Model::Cg10 => b"EMU-CG10",
            Model::Cg20 => b"EMU-CG20",
            Model::Cg50 => b"EMU-CG50",
        }
    }

    /// Every model, for looking up which one an address belongs to.
    pub const ALL: [Model; 3] = [Model::Cg50, Model::Cg20, Model::Cg10];

    /// The name `--model` takes: `cg10`, `cg20` or `cg50`.
    pub fn name(self) -> &'static str {
        match self {
            Model::Cg10 => "cg10",
            Model::Cg20 => "cg20",
            Model::Cg50 => "cg50",
        }
    }

    /// The family name users know the model by.
    pub fn family(self) -> &'static str {
        if self.is_cg50() {
            "fx-CG50"
        } else {
            "fx-CG10/20"
        }
    }

    /// Whether `addr` is in this model's RAM ([`Model::ram_base_p1`], in P1 or P2).
    /// Used to tell an add-in made for another model.
    pub fn maps(self, addr: u32) -> bool {
        let base = self.ram_base_p1();
        [p1(base), p2(base)]
            .iter()
            .any(|&b| addr.wrapping_sub(b) < self.ram_size())
    }

    /// Parses `cg10`, `cg20` or `cg50`.
    pub fn parse(s: &str) -> Option<Model> {
        match s.to_ascii_lowercase().as_str() {
            "cg10" | "fx-cg10" => Some(Model::Cg10),
            "cg20" | "fx-cg20" => Some(Model::Cg20),
            "cg50" | "fx-cg50" => Some(Model::Cg50),
            _ => None,
        }
    }

    fn is_cg50(self) -> bool {
        self == Model::Cg50
    }

    /// The memory map of the model's family.
    fn map(self) -> &'static Family {
        if self.is_cg50() {
            &abi::FX_CG50
        } else {
            &abi::FX_CG20
        }
    }

    /// The CPU clock (Iphi) as the OS sets it, in Hz: 117.9648 MHz on the fx-CG50,
    /// 58.9824 MHz on the fx-CG10/20 (gint's `clock.h`: "F1: CPU @ 58 MHz ... [Default
    /// speed]" on the fx-CG10/20, "CPU @ 116 MHz" on the fx-CG50; its `overclock.c` F1
    /// values FRQCR 0x0F102203 and 0x0F011112 give these exact figures; WikiPrizm's "CPU
    /// Clocks": "the standard 58 MHz clock frequency of the Prizm").
    pub fn cpu_hz(self) -> u64 {
        CLOCK_HZ / self.ticks_per_cycle()
    }

    /// Ticks of [`CLOCK_HZ`] per CPU cycle: 1 on the fx-CG50, 2 on the fx-CG10/20.
    pub fn ticks_per_cycle(self) -> u64 {
        if self.is_cg50() { 1 } else { 2 }
    }

    /// How long sending a frame of 384 x 216 pixels to the display takes, in
    /// microseconds: 11 ms on the fx-CG50 (a full-frame DMA takes "about 11 ms",
    /// `../shared/reference/prizm-facts.md`, unverified: no re-read source); on the
    /// fx-CG10/20, whose bus clock is half the fx-CG50's (29.49 against 58.98 MHz,
    /// gint's `clock.h` F1 rows), twice that, as for a transfer the memory bus limits
    /// (Cemetech t=18738: "the bottleneck of fx-CG is on the memory bus"). Derived, not
    /// measured; docs/timing.md compares it with the published figures.
    pub fn lcd_frame_us(self) -> u64 {
        11_000 * self.ticks_per_cycle()
    }

    /// The peripheral clock (Pphi, which the TMU counts) as the OS sets it: a quarter of
    /// the CPU clock on both families (gint's F1 values: P1FC 1/8 of 235.9 MHz on the
    /// fx-CG50, 1/16 on the fx-CG10/20).
    pub fn pphi_hz(self) -> u64 {
        self.cpu_hz() / 4
    }

    /// The whole RAM in P1: 2 MiB at 0x88000000 on the fx-CG10/20, 8 MiB at 0x8C000000
    /// on the fx-CG50 (WikiPrizm's memory map; Cemetech t=17679; gint's linker scripts
    /// place their arenas in it). The VRAM, the OS heap and the add-in RAM are parts of
    /// it; add-ins such as KhiCAS use more of the fx-CG50's.
    pub fn ram_base_p1(self) -> u32 {
        self.map().ram_base_p1
    }

    /// Size of the whole RAM ([`Model::ram_base_p1`]).
    pub fn ram_size(self) -> u32 {
        self.map().ram_size
    }

    /// Add-in RAM in P1 (CG10/20 0x88160000, CG50 0x8C170000).
    pub fn ram_p1(self) -> u32 {
        self.map().addin_ram_p1
    }

    /// Initial stack pointer: the P1 end of the add-in RAM.
    pub fn initial_sp(self) -> u32 {
        self.map().initial_sp()
    }

    /// VRAM in P2 (what GetVRAMAddress returns).
    pub fn vram_p2(self) -> u32 {
        self.map().vram_p2
    }

    /// Secondary VRAM (SaveVRAM_1/LoadVRAM_1) in P2. The emulator places it right after
    /// the VRAM; the real address is not used by anything else here.
    pub fn secondary_vram_p2(self) -> u32 {
        self.vram_p2() + 0x3_0000
    }

    /// The OS heap (sys_malloc) in P2: CG10/20 0xA81E0000, CG50 0xAC0B0000
    /// ([`HEAP_SIZE`] bytes).
    pub fn heap_p2(self) -> u32 {
        self.map().heap_p2
    }
}

/// The P1 alias of a P2 address.
pub fn p1(p2: u32) -> u32 {
    abi::p1(p2)
}

/// The P2 alias of a P1 address.
pub fn p2(p1: u32) -> u32 {
    abi::p2(p1)
}
