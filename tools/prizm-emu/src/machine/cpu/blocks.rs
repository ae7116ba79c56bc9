//! The CPU's half of the code cache: straight-line blocks of decoded instructions in
//! one store (`Cpu::insns`), built on first execution, looked up by address through the
//! bus's block map, translated by `jit`, and forgotten when a store hits them (the bus's
//! code cache records which halfwords they cover) or when the store fills up.

use super::exec::{self, Insn, SLOT};
use super::{Cpu, decode};
use crate::machine::page::PAGE_R;

/// Most instructions in a block (without its delay slot).
const MAX_BLOCK: usize = 64;
/// Size of the instruction store that triggers a flush of every cached block.
const MAX_INSNS: usize = 1 << 20;
/// Capacity of the instruction store: a flush happens before it could be exceeded
/// (a block adds at most `MAX_BLOCK` + 5 entries).
pub(super) const INSNS_CAPACITY: usize = MAX_INSNS + 2 * MAX_BLOCK + 16;

impl Cpu {
    /// Forgets every cached block and its translation.
    pub(super) fn flush_blocks(&mut self) {
        self.mem.invalidate_all();
        self.mem.cache.killed.clear();
        self.insns.truncate(1);
        self.jit.clear();
    }

    /// Decodes the straight-line code at `pc` (a readable fast-path page) into a cached
    /// block; `false` when it cannot be cached (a branch whose delay slot is in the
    /// next page).
    pub(super) fn build_block(&mut self, pc: u32) -> bool {
        if self.insns.len() > MAX_INSNS || self.jit.nearly_full() {
            self.flush_blocks();
        }
        let start = self.insns.len();
        let mut v = std::mem::take(&mut self.insns);
        v.push(exec::terminator(pc));
        let page = pc >> 16;
        let mut a = pc;
        let mut n = 0usize;
        loop {
            let Some(w) = self.mem.fetch_fast(a).filter(|_| a >> 16 == page) else {
                v.push(exec::terminator(a));
                break;
            };
            let (op, h) = exec::handler_of(w);
            if exec::ends_block(op) {
                let mut slot = None;
                if exec::delayed(op) {
                    let sa = a.wrapping_add(2);
                    match self.mem.fetch_fast(sa).filter(|_| sa >> 16 == page) {
                        Some(sw) => slot = Some(exec::slot_insn(sa, sw)),
                        None => {
                            v.push(exec::terminator(a));
                            break;
                        }
                    }
                }
                n += exec::push_end(&mut v, a, w, slot);
                break;
            }
            if op == decode::Op::Div1 {
                // A run of identical div1: one entry runs them all.
                let mut k = 1;
                while n + k < MAX_BLOCK
                    && k < 32
                    && (a + 2 * k as u32) >> 16 == page
                    && self.mem.fetch_fast(a + 2 * k as u32) == Some(w)
                {
                    k += 1;
                }
                if k > 1 {
                    v.push(Insn {
                        k: k as u8,
                        ..exec::insn(exec::op_div1_run, a, w)
                    });
                    for x in 1..k {
                        v.push(exec::insn(h, a + 2 * x as u32, w));
                    }
                    n += k;
                    a = a.wrapping_add(2 * k as u32);
                    if n >= MAX_BLOCK {
                        v.push(exec::terminator(a));
                        break;
                    }
                    continue;
                }
            }
            v.push(exec::insn(h, a, w));
            n += 1;
            a = a.wrapping_add(2);
            if n >= MAX_BLOCK {
                v.push(exec::terminator(a));
                break;
            }
        }
        debug_assert!(v.capacity() == INSNS_CAPACITY, "the store must not move");
        self.insns = v;
        if n == 0 {
            self.insns.truncate(start);
            return false;
        }
        // The n instructions follow the header.
        for k in 0..n {
            let e = &mut self.insns[start + 1 + k];
            e.left = (e.left & SLOT) | (n - 1 - k) as u16;
        }
        self.insns[start].w = n as u16;
        self.jit.translate(&mut self.insns[start + 1..]);
        self.mem.add_block(pc, 2 * n as u32, start as u32);
        true
    }

    /// Looks up the cached block at `cpu.pc`; when it fits in the budget, counts its
    /// instructions and returns its first entry.
    #[inline(always)]
    pub(crate) fn enter_block(&mut self) -> Option<*const Insn> {
        let hdr = self.lookup(self.pc)?;
        // SAFETY: `lookup` returns a header inside `self.insns`.
        let len = unsafe { (*hdr).w } as u64;
        if self.icount + len > self.limit {
            return None;
        }
        self.icount += len;
        // SAFETY: a header is followed by the block's entries.
        Some(unsafe { hdr.add(1) })
    }

    /// The header of the cached block starting at `pc`, if any.
    #[inline(always)]
    pub(crate) fn lookup(&mut self, pc: u32) -> Option<*const Insn> {
        let e = self.mem.entry(pc);
        if e & PAGE_R == 0 || pc & 1 != 0 {
            return None;
        }
        // SAFETY: readable entry, even address.
        let b = unsafe { self.mem.block_at(e, pc) };
        if b == 0 {
            return None;
        }
        // SAFETY: the block map holds indices of headers in `insns` (0: none); `insns`
        // only grows, or is cleared together with the block map.
        let hdr = unsafe { self.insns.as_mut_ptr().add(b as usize) };
        // The same storage may be seen at several addresses: check the block's own.
        if unsafe { (*hdr).pc } != pc {
            return None;
        }
        Some(hdr)
    }
}
