//! A record of the add-in's memory use (stack and heap high-water marks) at a fixed
//! symbol, `_prizm_usage` (sh-elf adds the `_`), where an emulator or debugger can read
//! it. The heap keeps its fields current; [`record_usage`] adds the stack's.

/// What the record (`prizm_usage`) holds.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Usage {
    /// `0x5553_4147` ("USAG") once anything was recorded.
    pub magic: u32,
    /// Deepest stack use seen, in bytes.
    pub stack_high_water: u32,
    /// Bytes of the global heap.
    pub heap_size: u32,
    /// Most heap bytes ever in use.
    pub heap_high_water: u32,
}

/// The value of [`Usage::magic`].
pub const USAGE_MAGIC: u32 = 0x5553_4147;

/// The record (symbol `prizm_usage`).
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
