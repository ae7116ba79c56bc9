//! Memory: a `#[global_allocator]` over a static arena of a size the add-in chooses,
//! built on `linked_list_allocator`; the OS heap (`sys_malloc`, buggy and ~128 KiB) is
//! never used.
//!
//! ```ignore
//! prizm::heap!(64 * 1024);            // a 64 KiB heap named PRIZM_HEAP
//! // or: prizm::heap!(static HEAP = 96 * 1024);
//! extern crate alloc;
//! let v = alloc::vec![1, 2, 3];
//! let s = PRIZM_HEAP.stats();         // used, free, largest free block, high-water mark
//! ```
//!
//! The arena lives in `.bss`, in the 512 KiB the add-in's static data shares with the
//! stack: leave room for the stack (the linker script keeps at least 32 KiB).
//!
//! When an allocation fails, Rust's allocation-error path panics with "memory
//! allocation of N bytes failed"; the panic screen shows it as "Out of memory", with the
//! size. The heap also remembers the failed request ([`HeapStats::failed_request`]).
//!
//! OS timer handlers ([`crate::time::Timer`]) may allocate: the allocator works with
//! interrupts masked, so a handler never finds it half-way through an allocation
//! (`docs/abi.md`).
//!
//! [`heapless`] (re-exported) has fixed-capacity collections that need no heap at all.

mod arena;
mod stats;

pub use arena::Heap;
pub use heapless;
pub use stats::HeapStats;

/// Declares the add-in's heap: `prizm::heap!(SIZE)` makes a `#[global_allocator]`
/// static `PRIZM_HEAP` of `SIZE` bytes; `prizm::heap!(static NAME = SIZE)` names it.
#[macro_export]
macro_rules! heap {
    (static $name:ident = $size:expr) => {
        #[global_allocator]
        static $name: $crate::heap::Heap<{ $size }> = $crate::heap::Heap::new();
    };
    ($size:expr) => {
        $crate::heap!(static PRIZM_HEAP = $size);
    };
}
