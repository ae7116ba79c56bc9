//! The memory bus: a 64 KiB-granular page table over one backing arena for RAM-like
//! regions (the fast path), and a slow path for on-chip RAM and memory-mapped devices.
//!
//! Several virtual ranges can share the same backing pages, which is how the add-in RAM
//! appears at 0x08100000 and at its P1/P2 addresses at once.

use super::code_cache::CodeCache;
use super::devices::{DMAC_BASE, Devices, dmac, lcd};
use super::fault::Fault;
use super::page::PAGE_MASK;
use super::page::{PAGE_R, PAGE_SHIFT, PAGE_W};

/// A small region served by the slow path (on-chip RAM, the hardware ID).
#[derive(Clone, Debug)]
pub struct SlowRam {
    /// First address.
    pub base: u32,
    /// Contents.
    pub data: Vec<u8>,
    /// Whether writes are allowed (a write to a read-only region is a
    /// [`Fault::ReadOnly`]).
    pub writable: bool,
}

/// The address space.
pub struct Memory {
    /// One entry per 64 KiB page: arena offset of the page's backing | `PAGE_R` | `PAGE_W`,
    /// or 0 when the page is not served by the fast path.
    pages: Box<[u32; 65536]>,
    /// Backing store of every fast-path page.
    arena: Vec<u8>,
    /// The code cache's tables over the arena (which halfwords hold cached code, where
    /// blocks start).
    pub(crate) cache: CodeCache,
    /// Small regions served by the slow path (IL/X/Y RAM, the hardware ID).
    pub slow_rams: Vec<SlowRam>,
    /// Memory-mapped devices.
    pub devices: Devices,
    /// Watchpoints (for the GDB stub), checked on the slow path only.
    watches: Vec<Watch>,
    /// Pages whose fast-path flags are cleared because a watchpoint covers their
    /// storage: page number -> the flags they had.
    hidden: Vec<(u32, u32)>,
    /// The first watchpoint hit since the last [`Memory::take_watch_hit`].
    watch_hit: Option<WatchHit>,
}

/// What a watchpoint watches.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WatchKind {
    /// Writes.
    Write,
    /// Reads.
    Read,
    /// Reads and writes.
    Access,
}

/// A watchpoint: `len` bytes from `addr`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Watch {
    addr: u32,
    len: u32,
    kind: WatchKind,
    /// Arena offset of `addr` when it is fast-path storage (then an access through an
    /// alias of the storage hits it too).
    off: Option<usize>,
}

/// A watchpoint hit: the watchpoint's address and kind, and whether the access wrote.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WatchHit {
    /// The watchpoint's address.
    pub addr: u32,
    /// The watchpoint's kind.
    pub kind: WatchKind,
    /// Whether the access was a write.
    pub write: bool,
}

impl Default for Memory {
    fn default() -> Self {
        Self::new()
    }
}

impl Memory {
    /// An empty address space: every access faults.
    pub fn new() -> Self {
        let pages: Box<[u32; 65536]> = vec![0u32; 65536].into_boxed_slice().try_into().unwrap();
        Memory {
            pages,
            arena: Vec::new(),
            cache: CodeCache::default(),
            slow_rams: Vec::new(),
            devices: Devices::default(),
            watches: Vec::new(),
            hidden: Vec::new(),
            watch_hit: None,
        }
    }

    /// The page-table entry of `addr` with the flags a watchpoint cleared put back.
    fn real_entry(&self, addr: u32) -> u32 {
        let page = addr >> PAGE_SHIFT;
        let e = self.pages[page as usize];
        if e & PAGE_R == 0
            && !self.hidden.is_empty()
            && let Some(&(_, flags)) = self.hidden.iter().find(|h| h.0 == page)
        {
            return e | flags;
        }
        e
    }

    /// Watches `len` bytes from `addr`: every access to the pages holding them (at any
    /// address showing the same storage) then takes the slow path, which records a
    /// hit ([`Memory::take_watch_hit`]). Nothing changes on the fast path of other pages.
    pub fn watch(&mut self, addr: u32, len: u32, kind: WatchKind) {
        let len = len.max(1);
        let off = self.arena_offset(addr, 1);
        self.watches.push(Watch {
            addr,
            len,
            kind,
            off,
        });
        self.hide_pages();
    }

    /// Removes a watchpoint set by [`Memory::watch`]; `false` when there was none.
    pub fn unwatch(&mut self, addr: u32, len: u32, kind: WatchKind) -> bool {
        let len = len.max(1);
        let Some(i) = self
            .watches
            .iter()
            .position(|w| w.addr == addr && w.len == len && w.kind == kind)
        else {
            return false;
        };
        self.watches.remove(i);
        // Give every page its flags back, then hide those still watched.
        for (page, flags) in std::mem::take(&mut self.hidden) {
            self.pages[page as usize] |= flags;
        }
        self.hide_pages();
        true
    }

    /// Whether any watchpoint is set.
    pub fn watching(&self) -> bool {
        !self.watches.is_empty()
    }

    /// The first watchpoint hit since the last call, if any.
    pub fn take_watch_hit(&mut self) -> Option<WatchHit> {
        self.watch_hit.take()
    }

    /// Clears the fast-path flags of every page showing watched storage.
    fn hide_pages(&mut self) {
        let mut storage: Vec<u32> = Vec::new();
        for w in &self.watches {
            let Some(off) = w.off else { continue };
            let last = off + w.len as usize - 1;
            for p in off >> PAGE_SHIFT..=last >> PAGE_SHIFT {
                storage.push((p << PAGE_SHIFT) as u32);
            }
        }
        if storage.is_empty() {
            return;
        }
        for page in 0..self.pages.len() {
            let e = self.pages[page];
            if e & PAGE_R != 0 && storage.contains(&(e & !PAGE_MASK)) {
                self.hidden.push((page as u32, e & PAGE_MASK));
                self.pages[page] = e & !PAGE_MASK;
            }
        }
    }

    /// Records a hit when an access of `size` bytes at `addr` (fast-path storage at
    /// `off`, if it is) touches a watchpoint of a matching kind.
    #[cold]
    fn check_watch(&mut self, addr: u32, size: u8, write: bool, off: Option<usize>) {
        if self.watch_hit.is_some() {
            return;
        }
        for w in &self.watches {
            let kind_ok = match w.kind {
                WatchKind::Write => write,
                WatchKind::Read => !write,
                WatchKind::Access => true,
            };
            let (start, at) = match (w.off, off) {
                (Some(s), Some(o)) => (s as u64, o as u64),
                (None, None) => (w.addr as u64, addr as u64),
                _ => continue,
            };
            if kind_ok && at < start + w.len as u64 && start < at + size as u64 {
                self.watch_hit = Some(WatchHit {
                    addr: w.addr,
                    kind: w.kind,
                    write,
                });
                return;
            }
        }
    }

    /// Maps `size` bytes (rounded up to whole 64 KiB pages) of fresh zeroed storage at
    /// `base` (64 KiB aligned). Returns the arena offset of the storage.
    pub fn map(&mut self, base: u32, size: u32, writable: bool) -> usize {
        assert_eq!(base & PAGE_MASK, 0, "mapping base must be 64 KiB aligned");
        let npages = size.div_ceil(1 << PAGE_SHIFT) as usize;
        let off = self.arena.len();
        let len = off + (npages << PAGE_SHIFT);
        self.arena.resize(len, 0);
        self.cache.grow(len);
        let flags = PAGE_R | if writable { PAGE_W } else { 0 };
        for i in 0..npages {
            let page = (base >> PAGE_SHIFT) as usize + i;
            self.pages[page] = (off + (i << PAGE_SHIFT)) as u32 | flags;
        }
        off
    }

    /// Makes `[alias, alias+size)` show the same storage as `[base, base+size)`, which
    /// must be mapped. Both 64 KiB aligned.
    pub fn alias(&mut self, alias: u32, base: u32, size: u32) {
        let npages = size.div_ceil(1 << PAGE_SHIFT);
        for i in 0..npages {
            let e = self.pages[((base >> PAGE_SHIFT) + i) as usize];
            assert!(e != 0, "alias of an unmapped page");
            self.pages[((alias >> PAGE_SHIFT) + i) as usize] = e;
        }
    }

    /// Whether `addr` is in a fast-path page.
    pub fn is_mapped(&self, addr: u32) -> bool {
        self.real_entry(addr) & PAGE_R != 0
    }

    /// Mutable bytes `[addr, addr+len)` of fast-path storage, ignoring write protection;
    /// `None` when the range is not wholly inside one page run with contiguous storage.
    pub fn slice_mut(&mut self, addr: u32, len: usize) -> Option<&mut [u8]> {
        let off = self.arena_offset(addr, len)?;
        // The caller may write anything: forget decoded instructions there.
        if len > 0 {
            for page in off >> PAGE_SHIFT..=(off + len - 1) >> PAGE_SHIFT {
                if self.cache.has_blocks(page) {
                    self.cache.invalidate(page << PAGE_SHIFT);
                }
            }
        }
        Some(&mut self.arena[off..off + len])
    }

    /// Bytes `[addr, addr+len)` of fast-path storage (see [`Memory::slice_mut`]).
    pub fn slice(&self, addr: u32, len: usize) -> Option<&[u8]> {
        let off = self.arena_offset(addr, len)?;
        Some(&self.arena[off..off + len])
    }

    fn arena_offset(&self, addr: u32, len: usize) -> Option<usize> {
        let e = self.real_entry(addr);
        if e & PAGE_R == 0 {
            return None;
        }
        let off = (e & !PAGE_MASK) as usize + (addr & PAGE_MASK) as usize;
        // Every page after the first must follow in the arena.
        let last = addr as u64 + len.max(1) as u64 - 1;
        if last > u32::MAX as u64 {
            return None;
        }
        let mut page = addr >> PAGE_SHIFT;
        let mut expect = e & !PAGE_MASK;
        while page <= (last as u32) >> PAGE_SHIFT {
            let pe = self.real_entry(page << PAGE_SHIFT);
            if pe & PAGE_R == 0 || pe & !PAGE_MASK != expect {
                return None;
            }
            expect = expect.wrapping_add(1 << PAGE_SHIFT);
            page += 1;
        }
        Some(off)
    }

    /// Copies `bytes` to `addr` ignoring write protection (for loaders).
    pub fn load(&mut self, addr: u32, bytes: &[u8]) -> bool {
        match self.slice_mut(addr, bytes.len()) {
            Some(s) => {
                s.copy_from_slice(bytes);
                true
            }
            None => false,
        }
    }

    /// Page-table entry for `addr` (fast path).
    #[inline(always)]
    pub fn entry(&self, addr: u32) -> u32 {
        self.pages[(addr >> PAGE_SHIFT) as usize]
    }

    /// Raw pointers to the page table and the arena, for translated code; valid until
    /// the next [`Memory::map`].
    pub(crate) fn raw_parts(&mut self) -> (*const u32, *mut u8) {
        (self.pages.as_ptr(), self.arena.as_mut_ptr())
    }

    /// Reads `N` bytes from the arena at a page entry `e` and an address inside that page.
    ///
    /// # Safety
    /// `e` must be an entry of this memory's page table with `PAGE_R` set, and the access
    /// must stay inside the page: `(addr & 0xFFFF) + N <= 0x10000` (true for any access
    /// aligned to its size `N` <= 4).
    #[inline(always)]
    pub(crate) unsafe fn arena_read<const N: usize>(&self, e: u32, addr: u32) -> [u8; N] {
        let off = (e & !PAGE_MASK) as usize | (addr & PAGE_MASK) as usize;
        debug_assert!(e & PAGE_R != 0 && off + N <= self.arena.len());
        // SAFETY: `map` grows the arena by whole pages before it installs an entry, the
        // arena never shrinks, and an entry's offset is the start of such a page; the
        // caller keeps the access inside the page, so `off + N <= arena.len()`.
        unsafe { std::ptr::read_unaligned(self.arena.as_ptr().add(off) as *const [u8; N]) }
    }

    /// Writes bytes to the arena at a page entry `e` and an address inside that page.
    ///
    /// # Safety
    /// As for [`Memory::arena_read`].
    #[inline(always)]
    pub(crate) unsafe fn arena_write<const N: usize>(&mut self, e: u32, addr: u32, v: [u8; N]) {
        let off = (e & !PAGE_MASK) as usize | (addr & PAGE_MASK) as usize;
        debug_assert!(e & PAGE_R != 0 && off + N <= self.arena.len());
        // SAFETY: as in `arena_read`: `off + N <= arena.len()`, which the code cache's
        // tables cover, and the access is aligned to its size.
        let hit = unsafe {
            std::ptr::write_unaligned(self.arena.as_mut_ptr().add(off) as *mut [u8; N], v);
            self.cache.hit::<N>(off)
        };
        if hit {
            self.cache.invalidate(off);
        }
    }

    /// Writes like [`Memory::arena_write`] unless the bytes belong to cached code, in
    /// which case nothing is written and the result is `false`.
    ///
    /// # Safety
    /// As for [`Memory::arena_read`].
    #[inline(always)]
    pub(crate) unsafe fn try_arena_write<const N: usize>(
        &mut self,
        e: u32,
        addr: u32,
        v: [u8; N],
    ) -> bool {
        let off = (e & !PAGE_MASK) as usize | (addr & PAGE_MASK) as usize;
        debug_assert!(e & PAGE_R != 0 && off + N <= self.arena.len());
        // SAFETY: as in `arena_write`.
        unsafe {
            let hit = self.cache.hit::<N>(off);
            if !hit {
                std::ptr::write_unaligned(self.arena.as_mut_ptr().add(off) as *mut [u8; N], v);
            }
            !hit
        }
    }

    /// Forgets every cached block.
    pub(crate) fn invalidate_all(&mut self) {
        self.cache.invalidate_all();
    }

    /// The block-map entry of `addr` (index of a block header, or 0).
    ///
    /// # Safety
    /// `e` must be a readable entry of this memory's page table and `addr` even.
    #[inline(always)]
    pub(crate) unsafe fn block_at(&self, e: u32, addr: u32) -> u32 {
        let off = (e & !PAGE_MASK) as usize | (addr & PAGE_MASK) as usize;
        // SAFETY: a readable entry's page is in the arena; see `arena_read`.
        unsafe { self.cache.block_at(off) }
    }

    /// Records a cached block: header index `idx`, covering `len` bytes from `addr`
    /// (inside one page, which must be readable).
    pub(crate) fn add_block(&mut self, addr: u32, len: u32, idx: u32) {
        let e = self.entry(addr);
        assert!(e & PAGE_R != 0 && (addr & PAGE_MASK) + len <= 1 << PAGE_SHIFT);
        let off = (e & !PAGE_MASK) as usize | (addr & PAGE_MASK) as usize;
        self.cache.add(off, len, idx);
    }

    /// The instruction word at `addr` when it is in a readable fast-path page.
    #[inline]
    pub(crate) fn fetch_fast(&self, addr: u32) -> Option<u16> {
        let e = self.entry(addr);
        if e & PAGE_R != 0 && addr & 1 == 0 {
            // SAFETY: readable entry, 2-byte aligned access.
            Some(u16::from_be_bytes(unsafe { self.arena_read::<2>(e, addr) }))
        } else {
            None
        }
    }

    /// Slow-path read of `size` (1, 2 or 4) bytes at `addr`, at emulated cycle `now`.
    pub fn read_slow(&mut self, addr: u32, size: u8, now: u64) -> Result<u32, Fault> {
        let e = self.real_entry(addr);
        if !self.watches.is_empty() {
            let off = self.arena_offset(addr, 1);
            self.check_watch(addr, size, false, off);
        }
        if e & PAGE_R != 0 {
            // Fast-path page reached through the slow path (e.g. from an OS call).
            if addr & (size as u32 - 1) != 0 {
                return Err(Fault::Misaligned {
                    addr,
                    size,
                    write: false,
                });
            }
            // SAFETY: `e` is a readable entry and the access is aligned to its size.
            return Ok(unsafe {
                match size {
                    1 => self.arena_read::<1>(e, addr)[0] as u32,
                    2 => u16::from_be_bytes(self.arena_read::<2>(e, addr)) as u32,
                    _ => u32::from_be_bytes(self.arena_read::<4>(e, addr)),
                }
            });
        }
        for r in &self.slow_rams {
            if addr >= r.base && (addr - r.base) as usize + size as usize <= r.data.len() {
                let o = (addr - r.base) as usize;
                let mut v = 0u32;
                for i in 0..size as usize {
                    v = (v << 8) | r.data[o + i] as u32;
                }
                return Ok(v);
            }
        }
        match self.devices.read(addr, size, now) {
            Some(r) => r,
            None => Err(Fault::Unmapped {
                addr,
                size,
                write: false,
            }),
        }
    }

    /// Slow-path write of the low `size` bytes of `v` at `addr`, at emulated cycle `now`.
    pub fn write_slow(&mut self, addr: u32, size: u8, v: u32, now: u64) -> Result<(), Fault> {
        let e = self.real_entry(addr);
        if !self.watches.is_empty() {
            let off = self.arena_offset(addr, 1);
            self.check_watch(addr, size, true, off);
        }
        if e & PAGE_R != 0 {
            if e & PAGE_W == 0 {
                return Err(Fault::ReadOnly { addr, size });
            }
            if addr & (size as u32 - 1) != 0 {
                return Err(Fault::Misaligned {
                    addr,
                    size,
                    write: true,
                });
            }
            // SAFETY: writable (hence mapped) entry, access aligned to its size.
            unsafe {
                match size {
                    1 => self.arena_write::<1>(e, addr, [v as u8]),
                    2 => self.arena_write::<2>(e, addr, (v as u16).to_be_bytes()),
                    _ => self.arena_write::<4>(e, addr, v.to_be_bytes()),
                }
            }
            return Ok(());
        }
        for r in &mut self.slow_rams {
            if addr >= r.base && (addr - r.base) as usize + size as usize <= r.data.len() {
                if !r.writable {
                    return Err(Fault::ReadOnly { addr, size });
                }
                let o = (addr - r.base) as usize;
                for i in 0..size as usize {
                    r.data[o + i] = (v >> (8 * (size as usize - 1 - i))) as u8;
                }
                return Ok(());
            }
        }
        match self.devices.write(addr, size, v, now) {
            Some(Ok(())) if addr.wrapping_sub(DMAC_BASE) < dmac::DMAC_LEN => self.run_dma(now),
            Some(r) => r,
            None => Err(Fault::Unmapped {
                addr,
                size,
                write: true,
            }),
        }
    }

    /// Performs the DMA transfers the DMAC has been told to start, whole, at cycle
    /// `now`: each unit is read and written through the bus (so a transfer to the LCD
    /// controller's window draws, one to RAM invalidates cached code); a transfer to
    /// the display ends after [`Devices::lcd_transfer_ticks`], others at once. A source
    /// or destination that is not mapped stops the channel (DMAOR.AE) and is reported
    /// as the fault of the write that started it.
    fn run_dma(&mut self, now: u64) -> Result<(), Fault> {
        while let Some(t) = self.devices.dmac.next_transfer() {
            let access = t.unit.min(4);
            let (mut src, mut dst) = (t.src, t.dst);
            for _ in 0..t.count {
                for k in (0..t.unit).step_by(access as usize) {
                    let r = self
                        .read_slow(dmac::cpu_address(src.wrapping_add(k)), access as u8, now)
                        .and_then(|v| {
                            let a = dmac::cpu_address(dst.wrapping_add(k));
                            self.write_slow(a, access as u8, v, now)
                        });
                    if let Err(f) = r {
                        self.devices.dmac.address_error(&t);
                        return Err(f);
                    }
                }
                src = (src as i64 + t.src_step) as u32;
                dst = (dst as i64 + t.dst_step) as u32;
            }
            let dst = dmac::cpu_address(t.dst);
            let to_lcd = [lcd::LCD_DATA, lcd::LCD_DATA_P1]
                .iter()
                .any(|&b| dst.wrapping_sub(b) < lcd::LCD_DATA_LEN);
            let ticks = if to_lcd {
                self.devices
                    .lcd_transfer_ticks(t.unit as u64 * t.count as u64)
            } else {
                0
            };
            self.devices.dmac.finish(&t, now + ticks);
        }
        Ok(())
    }
}
