//! The board of each model: where the add-in image, the RAM (holding the VRAM, the OS
//! heap and the add-in RAM, which also appears at its window), the on-chip RAMs and
//! the hardware ID sit in the address space.

use super::bus::{Memory, SlowRam};
use super::model::{self, Model, RAM_SIZE, RAM_WINDOW, ROM_BASE};

/// The address space of `model` with the add-in image `code` at [`ROM_BASE`] and
/// `hardware_id` in the boot flash. `code` must fit in [`model::ROM_MAX`] bytes.
pub fn memory(model: Model, code: &[u8], hardware_id: [u8; 8]) -> Memory {
    assert!(
        code.len() <= model::ROM_MAX as usize,
        "add-in image too large"
    );
    let mut mem = Memory::new();
    mem.devices.set_model_clocks(model);
    mem.map(ROM_BASE, code.len() as u32, false);
    mem.load(ROM_BASE, code);
    // The whole RAM in P1 and P2; the VRAM, the OS heap and the add-in RAM are in it.
    let ram = model.ram_base_p1();
    mem.map(ram, model.ram_size(), true);
    mem.alias(model::p2(ram), ram, model.ram_size());
    // The add-in RAM, also at the window the OS maps for add-ins; the UTLB lists that
    // mapping (gint reads it at start).
    mem.alias(RAM_WINDOW, model.ram_p1(), RAM_SIZE);
    mem.devices
        .utlb
        .map_64k(RAM_WINDOW, model.ram_p1() & 0x1FFF_FFFF, RAM_SIZE);
    // IL RAM; the X and Y memories are a device (they repeat through their windows).
    for (base, size) in model::ONCHIP.into_iter().take(1) {
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
