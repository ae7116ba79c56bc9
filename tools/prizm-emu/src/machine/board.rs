//! The board of each model: where the add-in image, the add-in RAM and its aliases, the
//! VRAM, the on-chip RAMs and the hardware ID sit in the address space.

use super::bus::{Memory, SlowRam};
use super::model::{self, Model, RAM_SIZE, RAM_WINDOW, ROM_BASE, VRAM_SIZE};

/// The address space of `model` with the add-in image `code` at [`ROM_BASE`] and
/// `hardware_id` in the boot flash. `code` must fit in [`model::ROM_MAX`] bytes.
pub fn memory(model: Model, code: &[u8], hardware_id: [u8; 8]) -> Memory {
    assert!(
        code.len() <= model::ROM_MAX as usize,
        "add-in image too large"
    );
    let mut mem = Memory::new();
    mem.map(ROM_BASE, code.len() as u32, false);
    mem.load(ROM_BASE, code);
    mem.map(RAM_WINDOW, RAM_SIZE, true);
    mem.alias(model.ram_p1(), RAM_WINDOW, RAM_SIZE);
    mem.alias(model::p2(model.ram_p1()), RAM_WINDOW, RAM_SIZE);
    let vram = model.vram_p2();
    mem.map(vram, VRAM_SIZE, true);
    mem.alias(model::p1(vram), vram, VRAM_SIZE);
    for (base, size) in model::ONCHIP {
        mem.slow_rams.push(SlowRam {
            base,
            data: vec![0; size as usize],
            writable: true,
        });
    }
    // The hardware ID in the boot flash: just those 8 bytes, read-only; the rest of the
    // boot flash stays unmapped.
    for base in [model::HARDWARE_ID_ADDR, model::HARDWARE_ID_P2] {
        mem.slow_rams.push(SlowRam {
            base,
            data: hardware_id.to_vec(),
            writable: false,
        });
    }
    mem
}
