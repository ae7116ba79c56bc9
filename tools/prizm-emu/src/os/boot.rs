//! How the OS starts an add-in: its own memory (the secondary VRAM and the heap)
//! mapped, the OS entry point and the return addresses trapped, the add-in's
//! registers set, and the VRAM white.

use super::{MAGIC_RETURN, OS_ENTRY, OS_ENTRY_P2, TIMER_RETURN};
use crate::machine::cpu::Cpu;
use crate::machine::model::{self, HEAP_SIZE, Model, ROM_BASE, VRAM_SIZE};

/// Prepares `cpu` (with the model's board mapped) to run the add-in from its first
/// instruction, as the OS's menu does: `main(1, 0)` with the stack at the top of the
/// add-in RAM, returning to [`MAGIC_RETURN`].
pub fn start_addin(cpu: &mut Cpu, model: Model) {
    let mem = &mut cpu.mem;
    let sec = model.secondary_vram_p2();
    mem.map(sec, VRAM_SIZE, true);
    mem.alias(model::p1(sec), sec, VRAM_SIZE);
    let heap = model.heap_p2();
    mem.map(heap, HEAP_SIZE, true);
    mem.alias(model::p1(heap), heap, HEAP_SIZE);
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
