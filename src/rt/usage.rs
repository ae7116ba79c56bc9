//! A record of the add-in's memory use (stack and heap high-water marks) at a fixed
//! symbol, `_prizm_usage` (sh-elf adds the `_`), where an emulator or debugger can read
//! it. The heap keeps its fields current; [`record_usage`] adds the stack's. The layout
//! ([`Usage`]) is in `prizm_abi::records`.

pub use crate::abi::records::{USAGE_MAGIC, Usage};

/// The record (symbol `prizm_usage`, `prizm_abi::records::USAGE_SYMBOL`).
#[cfg(prizm)]
#[unsafe(no_mangle)]
#[used]
static mut prizm_usage: Usage = Usage {
    magic: 0,
    stack_high_water: 0,
    heap_size: 0,
    heap_high_water: 0,
};

/// Notes the heap's size and high-water mark.
#[cfg(prizm)]
pub(crate) fn note_heap(size: usize, high_water: usize) {
    // SAFETY: one thread; plain stores to a static only this module writes.
    unsafe {
        let u = &raw mut prizm_usage;
        (*u).magic = USAGE_MAGIC;
        (*u).heap_size = size as u32;
        (*u).heap_high_water = high_water as u32;
    }
}

/// Measures the stack high-water mark now, stores it in the record, and returns the
/// whole record. `entry!` calls it when `main` returns in debug builds.
#[cfg(prizm)]
pub fn record_usage() -> Usage {
    let stack = super::stack_high_water_mark() as u32;
    // SAFETY: as in `note_heap`.
    unsafe {
        let u = &raw mut prizm_usage;
        (*u).magic = USAGE_MAGIC;
        (*u).stack_high_water = (*u).stack_high_water.max(stack);
        *u
    }
}

/// On the PC there is no record: returns zeros.
#[cfg(not(prizm))]
pub fn record_usage() -> Usage {
    Usage::default()
}
