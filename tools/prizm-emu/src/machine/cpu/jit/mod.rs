//! Translation of pre-decoded blocks to x86-64 code (a template JIT).
//!
//! A *run* is a stretch of a block's entries that the translator knows: plain
//! instructions, optionally ending with the block's branch and its delay slot. The run
//! becomes one host function `fn(cpu) -> entry`; its first entry's handler is replaced
//! by [`op_native`], which calls the function and continues the threaded chain at the
//! entry it returns: the entry after the run, a branch's terminator, or the entry of an
//! instruction that must take the interpreter's path. Before returning, a run whose
//! exit leads to a block that is translated too jumps into it instead (chaining), with
//! the same checks as the terminator it stands for. That last case (a
//! *bail*) happens before the instruction changes anything: a memory access outside the
//! fast path (devices, faults, misalignment) or a store to cached code. The interpreter
//! then runs that instruction exactly as without translation, so instruction counts,
//! faults, device timing and self-modifying code behave the same; the blocks and their
//! counting are unchanged.
//!
//! SH registers live in the [`Cpu`] structure (RDI points to it); a run keeps its most
//! used ones in host registers. Memory accesses take the page table, arena and code
//! flags from the CPU's [`MemView`], refreshed on every [`Cpu::run`]. Only x86-64 Unix
//! hosts translate; elsewhere the interpreter runs alone.

mod code_buf;
mod emit;
#[cfg(test)]
mod tests;
mod x64;

use super::Cpu;
use super::decode::Op;
use super::exec::{Handler, Insn, SLOT, handler_of, op_end_fall, op_end_jump};
use crate::machine::bus::Memory;
use code_buf::CodeBuf;
use emit::{Ctx, Exit, SLOT_T, field, is_branch, kind};
use std::mem::offset_of;
use x64::EAX;
use x64::{Alu, Rm, cc};

/// Where translated code finds memory ([`MemView::of`]).
#[repr(C)]
#[derive(Clone, Copy)]
pub(crate) struct MemView {
    /// The page table (65,536 entries).
    pub(crate) pages: *const u32,
    /// The arena.
    pub(crate) arena: *mut u8,
    /// One byte per arena halfword: nonzero for cached code.
    pub(crate) code: *const u8,
    /// One entry per arena halfword: index of the block starting there in `insns`.
    pub(crate) blockmap: *const u32,
    /// The CPU's instruction store (blocks and their entries).
    pub(crate) insns: *const Insn,
}

impl MemView {
    /// The view of `mem` and of `insns`, the CPU's instruction store; valid until the
    /// next [`Memory::map`].
    pub(crate) fn of(mem: &mut Memory, insns: *const Insn) -> MemView {
        let (pages, arena) = mem.raw_parts();
        let (code, blockmap) = mem.cache.raw_tables();
        MemView {
            pages,
            arena,
            code,
            blockmap,
            insns,
        }
    }

    /// A view of nothing (no run has started).
    pub(crate) const EMPTY: MemView = MemView {
        pages: std::ptr::null(),
        arena: std::ptr::null_mut(),
        code: std::ptr::null(),
        blockmap: std::ptr::null(),
        insns: std::ptr::null(),
    };
}

// SAFETY: the pointers refer to the memory of the CPU holding the view, which moves
// with it; they are refreshed before every run.
unsafe impl Send for MemView {}

/// A translated run: returns the index, relative to its first entry, of the entry the
/// chain goes on with.
#[cfg(target_arch = "x86_64")]
type Native = unsafe extern "sysv64" fn(*mut Cpu) -> *const Insn;
/// (Never called: other hosts translate nothing.)
#[cfg(not(target_arch = "x86_64"))]
type Native = unsafe extern "C" fn(*mut Cpu) -> *const Insn;

/// Size of the code mapping (virtual; pages are committed as they fill).
const CODE_SIZE: usize = 64 << 20;
/// Room a block's translation may need at most (69 entries, well under 200 bytes each).
const BLOCK_ROOM: usize = 64 << 10;

/// The translator and its code buffer.
pub(crate) struct Jit {
    /// `None` when translation is off (or the host refused executable memory).
    buf: Option<CodeBuf>,
    /// Times the translations were forgotten (with every block).
    pub(crate) flushes: u64,
}

impl Jit {
    /// A translator; `enabled` false (or a host without x86-64) makes it translate
    /// nothing.
    pub(crate) fn new(enabled: bool) -> Jit {
        Jit::with_size(enabled, CODE_SIZE)
    }

    /// A translator with a code buffer of `size` bytes (more than [`BLOCK_ROOM`]).
    pub(crate) fn with_size(enabled: bool, size: usize) -> Jit {
        assert!(size > BLOCK_ROOM, "code buffer too small");
        let buf = if enabled && cfg!(all(target_arch = "x86_64", unix)) {
            CodeBuf::new(size)
        } else {
            None
        };
        Jit { buf, flushes: 0 }
    }

    /// Whether blocks are translated.
    pub(crate) fn enabled(&self) -> bool {
        self.buf.is_some()
    }

    /// Whether the code buffer needs a flush before the next block.
    pub(crate) fn nearly_full(&self) -> bool {
        self.buf
            .as_ref()
            .is_some_and(|b| b.used() + BLOCK_ROOM > b.size())
    }

    /// Forgets every translation (the caller forgets every block).
    pub(crate) fn clear(&mut self) {
        if let Some(b) = &mut self.buf {
            b.clear();
            self.flushes += 1;
        }
    }

    /// Translates the runs of a freshly built block: `e` holds its entries after the
    /// header (instructions, then terminators).
    pub(crate) fn translate(&mut self, e: &mut [Insn]) {
        let Some(buf) = &mut self.buf else { return };
        let mut s = 0;
        while s < e.len() {
            if e[s].left & SLOT != 0 || kind(&e[s]).is_none() {
                s += 1;
                continue;
            }
            // Count slot uses, then assemble with the most used in host registers.
            let mut counting = Ctx::counting();
            assemble(&mut counting, e, s);
            let mut cx = Ctx::allocating(&counting);
            let (next, count) = assemble(&mut cx, e, s);
            // (The buffer is flushed before a block could find it full.)
            if count >= 2
                && let Some(f) = buf.add(&cx.a.code)
            {
                e[s].h = op_native;
                e[s].link = f as *const Insn;
            }
            s = next;
        }
    }
}

/// Where a run that goes on at entry `p` of `e` exits to (run starting at `s`).
fn exit_to(e: &[Insn], s: usize, p: usize) -> Exit {
    let k = (p - s) as u32;
    let h = e[p].h;
    if std::ptr::fn_addr_eq(h, op_end_fall as Handler) {
        Exit::Fall(k, e[p].pc)
    } else if std::ptr::fn_addr_eq(h, op_end_jump as Handler) {
        Exit::Jump(k)
    } else {
        Exit::Entry(k)
    }
}

/// Assembles the run starting at entry `s` of `e`; returns the index after it and how
/// many instructions it translated.
fn assemble(cx: &mut Ctx, e: &[Insn], s: usize) -> (usize, usize) {
    let rel = |p: usize| (p - s) as u32;
    cx.base = &e[s];
    cx.prologue();
    let mut p = s;
    let mut count = 0;
    loop {
        let op = match e.get(p).and_then(kind) {
            Some(op) if e[p].left & SLOT == 0 => op,
            // An entry the interpreter runs (or a terminator): go on there.
            _ => {
                cx.exit(exit_to(e, s, p));
                break;
            }
        };
        cx.k = rel(p);
        if is_branch(op) {
            count += 1 + branch(cx, e, s, p, op);
            p = e.len();
            break;
        }
        emit::emit(cx, op, &e[p]);
        count += 1;
        p += 1;
    }
    cx.finish();
    (p, count)
}

/// Emits the block-ending branch at entry `p` (and its delay slot); returns how many
/// slot instructions were translated (0 or 1).
fn branch(cx: &mut Ctx, e: &[Insn], s: usize, p: usize, op: Op) -> usize {
    let rel = |q: usize| (q - s) as u32;
    let to = |q: usize| exit_to(e, s, q);
    let x = e[p];
    let pr = field(offset_of!(Cpu, pr));
    let pcf = field(offset_of!(Cpu, pc));
    // Layout (see exec::push_end): bt/bf: fall-through terminator at p+1, target at
    // p+2; bt/s, bf/s: slot, target, fall-through; other delayed branches: slot, then
    // their terminator.
    match op {
        Op::Bt | Op::Bf => {
            let t = cx.r(SLOT_T);
            cx.a.alu_imm(Alu::Cmp, t, 0);
            let fall = cx.a.jcc(if op == Op::Bt { cc::E } else { cc::NE });
            cx.exit(to(p + 2));
            cx.a.bind(fall);
            cx.exit(to(p + 1));
            return 0;
        }
        Op::BtS | Op::BfS => {
            let t = cx.r(SLOT_T);
            cx.a.alu_imm(Alu::Cmp, t, 0);
            let taken = cx.a.jcc(if op == Op::BtS { cc::NE } else { cc::E });
            // Not taken: the slot runs as an ordinary instruction in the next block.
            cx.a.alu64_imm8(Alu::Sub, field(offset_of!(Cpu, icount)), 1);
            cx.exit(to(p + 3));
            cx.a.bind(taken);
        }
        Op::Bra => {}
        Op::Bsr => cx.a.store_imm(pr, x.pc.wrapping_add(4)),
        Op::Rts => {
            cx.a.load(EAX, pr);
            cx.a.store(pcf, EAX);
        }
        Op::Jmp | Op::Jsr | Op::Braf | Op::Bsrf => {
            let rn = cx.r(x.n as usize);
            cx.a.load(EAX, rn);
            if matches!(op, Op::Braf | Op::Bsrf) {
                cx.a.alu_imm(Alu::Add, Rm::Reg(EAX), x.pc.wrapping_add(4));
            }
            cx.a.store(pcf, EAX);
            if matches!(op, Op::Jsr | Op::Bsrf) {
                cx.a.store_imm(pr, x.pc.wrapping_add(4));
            }
        }
        _ => unreachable!("not a translated branch: {op:?}"),
    }
    // The delay slot, then the branch's terminator.
    let slot = p + 1;
    match kind(&e[slot]).filter(|op| !is_branch(*op)) {
        Some(sop) => {
            cx.k = rel(slot);
            emit::emit(cx, sop, &e[slot]);
            cx.exit(to(p + 2));
            1
        }
        None => {
            cx.exit(to(slot));
            0
        }
    }
}

/// The handler of the first entry of a translated run: runs the host code (which may
/// go on through further translated blocks), then goes on at the entry it returns. When
/// that is the entry itself (its instruction bailed), runs the instruction's own
/// handler.
pub(crate) fn op_native(cpu: &mut Cpu, i: *const Insn) {
    // SAFETY: `i` is the entry being executed; its `link` is the run's code, made by
    // `Jit::translate` for this entry's block and alive until the blocks are flushed
    // (which never happens while a chain runs). The view was refreshed when the run
    // started; the memory has not been remapped since. The code returns an entry of a
    // live block.
    let j = unsafe {
        let f: Native = std::mem::transmute((*i).link);
        f(cpu)
    };
    if j == i {
        // (Only memory instructions bail; they have their word's own handler.)
        let h = handler_of(unsafe { (*i).w }).1;
        become h(cpu, i)
    }
    become (unsafe { (*j).h })(cpu, j)
}
