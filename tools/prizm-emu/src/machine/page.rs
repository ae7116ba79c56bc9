//! The bus's pages: the fast path maps the address space in 64 KiB pages, each
//! readable and maybe writable.

/// Page size of the fast-path page table (64 KiB).
pub const PAGE_SHIFT: u32 = 16;
/// Page-table flag: the page can be read (and fetched from).
pub const PAGE_R: u32 = 1;
/// Page-table flag: the page can be written.
pub const PAGE_W: u32 = 2;
/// Offset bits inside a page.
pub const PAGE_MASK: u32 = (1 << PAGE_SHIFT) - 1;
