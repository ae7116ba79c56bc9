//! The code cache's tables over the bus's backing arena: which halfwords belong to a
//! cached block of decoded instructions, where each block starts, and which blocks each
//! 64 KiB arena page holds. A store into cached code invalidates the blocks of its page.
//!
//! The blocks themselves (decoded entries and their translations) are the CPU's
//! (`cpu::blocks`); this part lives with the bus because every store checks it.

use super::page::PAGE_SHIFT;

/// The tables, indexed by arena offset / 2.
#[derive(Debug, Default)]
pub(crate) struct CodeCache {
    /// One byte per arena halfword: nonzero when the halfword is part of a cached block.
    code: Vec<u8>,
    /// One entry per arena halfword: index of the header of the cached block starting
    /// there in the CPU's instruction store, or 0.
    blockmap: Vec<u32>,
    /// Per 64 KiB arena page: arena ranges `[start, end)` and header indices of its
    /// cached blocks (a cached block never crosses a page).
    page_blocks: Vec<Vec<(u32, u32, u32)>>,
    /// Set when a write hit cached code (the CPU ends its chain after the store).
    pub(crate) written: bool,
    /// Header indices of blocks invalidated since the CPU last looked (it marks them
    /// dead so that no link leads to them).
    pub(crate) killed: Vec<u32>,
}

impl CodeCache {
    /// Covers an arena grown to `len` bytes.
    pub(crate) fn grow(&mut self, len: usize) {
        self.code.resize(len / 2, 0);
        self.blockmap.resize(len / 2, 0);
        self.page_blocks.resize(len >> PAGE_SHIFT, Vec::new());
    }

    /// Whether an `N`-byte access at arena offset `off` touches cached code.
    ///
    /// # Safety
    /// `off + N` must be within the arena the tables cover, and `off` aligned to `N`
    /// (for N = 4 the two flags of the word are `off / 2` and `off / 2 + 1`).
    #[inline(always)]
    pub(crate) unsafe fn hit<const N: usize>(&self, off: usize) -> bool {
        debug_assert!((off + N - 1) / 2 < self.code.len());
        // SAFETY: one flag byte per arena halfword, and the caller keeps the access in
        // the arena.
        unsafe {
            if N == 4 {
                std::ptr::read_unaligned(self.code.as_ptr().add(off / 2) as *const u16) != 0
            } else {
                *self.code.get_unchecked(off / 2) != 0
            }
        }
    }

    /// Whether arena page `page` holds cached blocks.
    pub(crate) fn has_blocks(&self, page: usize) -> bool {
        !self.page_blocks[page].is_empty()
    }

    /// Forgets the cached blocks of the arena page holding offset `off`.
    #[inline(never)]
    #[cold]
    pub(crate) fn invalidate(&mut self, off: usize) {
        let page = off >> PAGE_SHIFT;
        for (s, e, idx) in std::mem::take(&mut self.page_blocks[page]) {
            self.blockmap[s as usize / 2] = 0;
            self.code[s as usize / 2..e as usize / 2].fill(0);
            self.killed.push(idx);
        }
        self.written = true;
    }

    /// Forgets every cached block.
    pub(crate) fn invalidate_all(&mut self) {
        for page in 0..self.page_blocks.len() {
            if self.has_blocks(page) {
                self.invalidate(page << PAGE_SHIFT);
            }
        }
    }

    /// The block-map entry at arena offset `off` (index of a block header, or 0).
    ///
    /// # Safety
    /// `off` must be within the arena the tables cover.
    #[inline(always)]
    pub(crate) unsafe fn block_at(&self, off: usize) -> u32 {
        debug_assert!(off / 2 < self.blockmap.len());
        // SAFETY: the block map has one entry per arena halfword.
        unsafe { *self.blockmap.get_unchecked(off / 2) }
    }

    /// Records a cached block: header index `idx`, covering `len` bytes from arena
    /// offset `off` (inside one page).
    pub(crate) fn add(&mut self, off: usize, len: u32, idx: u32) {
        self.blockmap[off / 2] = idx;
        self.code[off / 2..(off + len as usize) / 2].fill(1);
        self.page_blocks[off >> PAGE_SHIFT].push((off as u32, off as u32 + len, idx));
    }

    /// The flag table and the block map, for translated code (valid until the next
    /// [`CodeCache::grow`]).
    pub(crate) fn raw_tables(&self) -> (*const u8, *const u32) {
        (self.code.as_ptr(), self.blockmap.as_ptr())
    }
}
