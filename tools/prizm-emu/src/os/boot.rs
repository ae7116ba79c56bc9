//! How the OS starts an add-in: the version string in its flash mapped, the OS entry
//! point and the return addresses trapped, the add-in's registers set, and the VRAM
//! white. (Its RAM areas, the secondary VRAM and the heap, are in the board's RAM.)

use super::{MAGIC_RETURN, OS_ENTRY, OS_ENTRY_P2, TIMER_RETURN};
use crate::machine::bus::SlowRam;
use crate::machine::cpu::Cpu;
use crate::machine::model::{self, Model, ROM_BASE, VRAM_SIZE};

/// Where the OS's flash holds its version string, `MM.mm.rrrr` (and at the P2 alias
/// 0xA0020020). Sources: add-ins read it there to tell OS versions apart (a gint
/// MicroPython script "reads the OS version from 0x80020020" and compares it with
/// "02.01.2000"; KhiCAS reads it at start-up).
pub const OS_VERSION_ADDR: u32 = prizm_abi::memory::OS_VERSION;

/// The emulated OS version: 3.60 on the fx-CG50, 2.02 on the fx-CG10/20, as
/// (major, minor in BCD); GlibGetOSVersionInfo reports the same.
pub fn os_version(model: Model) -> (u8, u8) {
    if model == Model::Cg50 {
        (3, 0x60)
    } else {
        (2, 0x02)
    }
}

/// The version string at [`OS_VERSION_ADDR`]: `03.60.0000`, NUL-padded to 16 bytes.
pub fn os_version_string(model: Model) -> [u8; 16] {
    let (major, minor) = os_version(model);
    let text = format!("{major:02}.{minor:02x}.0000");
    let mut out = [0u8; 16];
    out[..text.len()].copy_from_slice(text.as_bytes());
    out
}

/// Prepares `cpu` (with the model's board mapped) to run the add-in from its first
/// instruction, as the OS's menu does: `main(1, 0)` with the stack at the top of the
/// add-in RAM, returning to [`MAGIC_RETURN`].
pub fn start_addin(cpu: &mut Cpu, model: Model) {
    let mem = &mut cpu.mem;
    for base in [OS_VERSION_ADDR, model::p2(OS_VERSION_ADDR)] {
        mem.slow_rams.push(SlowRam {
            base,
            data: os_version_string(model).to_vec(),
            writable: false,
        });
    }
    super::ui::install(cpu);
    for addr in [OS_ENTRY, OS_ENTRY_P2, MAGIC_RETURN, TIMER_RETURN] {
        cpu.add_special(addr);
    }
    cpu.pc = ROM_BASE;
    cpu.pr = MAGIC_RETURN;
    cpu.r[15] = model.initial_sp();
    cpu.r[4] = 1;
    cpu.r[5] = 0;
    // The OS leaves a white VRAM.
    let white = vec![0xFF; VRAM_SIZE as usize];
    cpu.mem.load(model.vram_p2(), &white);
}
