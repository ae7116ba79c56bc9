//! Instruction semantics, as a threaded interpreter over pre-decoded blocks.
//!
//! The run loop ([`Cpu::run`]) decodes straight-line code once into a block of
//! `Insn`s (handler pointer, address, instruction word, position in the block), ending
//! at a branch (plus its delay slot), a trap, or a 64 KiB page boundary, followed by a
//! terminator. Every handler executes its instruction and jumps straight to the next
//! entry's handler with `become` (a guaranteed tail call): inside a block there is no
//! fetch, decode, PC update or budget check. The terminator (or a taken branch) looks up
//! the block at the new PC and enters it when it is cached and fits in the instruction
//! budget (the whole block is counted on entry); otherwise the chain returns to the run
//! loop. Memory accesses take the fast path (one page-table lookup, direct arena access)
//! inline; the slow path corrects the instruction count first, and a fault ends the chain
//! at once. Stores to halfwords that belong to a cached block invalidate that page's
//! blocks and end the chain after the store (self-modifying code).

use super::decode::{DECODE, OP_COUNT, Op, slot_illegal};
use super::{Cpu, Exception, Stop};
use crate::machine::fault::Fault;
use crate::machine::page::{PAGE_R, PAGE_W};

#[inline(always)]
fn rn(w: u16) -> usize {
    ((w >> 8) & 0xF) as usize
}
#[inline(always)]
fn rm(w: u16) -> usize {
    ((w >> 4) & 0xF) as usize
}
/// A register number of an [`Insn`] (`n`/`m`, 4-bit fields of the word).
#[inline(always)]
fn reg(r: u8) -> usize {
    // SAFETY: `n` and `m` are only set by `insn` from `rn`/`rm` (< 16), or are 0.
    unsafe { std::hint::assert_unchecked(r < 16) };
    r as usize
}
/// Whether `a` is not a multiple of the access size `n` (1, 2 or 4).
#[inline(always)]
fn misaligned(a: u32, n: u32) -> bool {
    a & (n - 1) != 0
}
#[inline(always)]
fn imm8(w: u16) -> u32 {
    (w & 0xFF) as u32
}
#[inline(always)]
fn simm8(w: u16) -> u32 {
    (w as u8 as i8) as i32 as u32
}
#[inline(always)]
fn disp12(w: u16) -> u32 {
    (((w & 0xFFF) as i32) << 20 >> 20) as u32
}
#[inline(always)]
fn sx8(v: u32) -> u32 {
    v as u8 as i8 as i32 as u32
}
#[inline(always)]
fn sx16(v: u32) -> u32 {
    v as u16 as i16 as i32 as u32
}

/// One pre-decoded instruction of a block (32 bytes).
#[derive(Clone, Copy)]
#[repr(C)]
pub(crate) struct Insn {
    /// The handler.
    pub(crate) h: Handler,
    /// Of a terminator: the header of the block it last continued to (or
    /// [`NO_BLOCK`]); followed only while that header's address matches. Blocks do
    /// not move (the store never reallocates); invalidated ones get the address
    /// [`DEAD`].
    pub(crate) link: *const Insn,
    /// Address of the instruction (of a terminator: where execution goes on, for
    /// [`op_end_jump`] the last target; of a block header: the block's first address).
    pub(crate) pc: u32,
    /// The instruction word (of a block header: the block's instruction count).
    pub(crate) w: u16,
    /// Instructions of the block after this one (bits 0-14) and [`SLOT`].
    pub(crate) left: u16,
    /// The Rn field of `w`.
    pub(crate) n: u8,
    /// The Rm field of `w`.
    pub(crate) m: u8,
    /// Of [`op_div1_run`]: how many identical `div1` it runs.
    pub(crate) k: u8,
}

// SAFETY: `link` points into the instruction store of the CPU owning the entry (a heap
// buffer that moves with it) or to the immutable NO_BLOCK: sending the CPU to another
// thread keeps it valid.
unsafe impl Send for Insn {}

/// [`Insn::left`] flag: the instruction is in a delay slot.
pub(crate) const SLOT: u16 = 0x8000;

/// Address of the headers of invalidated blocks (and of [`NO_BLOCK`]): no PC matches it.
pub(crate) const DEAD: u32 = 1;

/// What an unlinked terminator points to.
pub(crate) struct NoBlock(pub(crate) Insn);
// SAFETY: never written; its pointer field is null.
unsafe impl Sync for NoBlock {}
/// The header of no block (address [`DEAD`]).
pub(crate) static NO_BLOCK: NoBlock = NoBlock(Insn {
    h: op_end_jump,
    link: std::ptr::null(),
    pc: DEAD,
    w: 0,
    left: 0,
    n: 0,
    m: 0,
    k: 0,
});

/// An instruction handler: executes the instruction `*i`, then tail-calls the next one
/// (or returns to the run loop).
pub(crate) type Handler = fn(&mut Cpu, *const Insn);

/// Tail-calls the handler of the next entry of the block.
macro_rules! next {
    ($cpu:ident, $i:ident) => {{
        // SAFETY: every block ends with a terminator, which never uses `next!`, so
        // `$i + 1` is an entry of the same block; block storage is neither freed nor
        // moved while a chain runs (builds happen in the run loop only).
        let j = unsafe { $i.add(1) };
        become (unsafe { (*j).h })($cpu, j)
    }};
}

/// Reads `$t` (u8/u16/u32) at `$a`; a fault ends the chain.
macro_rules! rd {
    ($cpu:ident, $i:ident, $n:literal, $t:ty, $a:expr) => {{
        let a: u32 = $a;
        let e = $cpu.mem.entry(a);
        if e & PAGE_R != 0 && !misaligned(a, $n) {
            // SAFETY: readable entry, access aligned to its size.
            <$t>::from_be_bytes(unsafe { $cpu.mem.arena_read::<$n>(e, a) }) as u32
        } else {
            match $cpu.read_slow_at(a, $n, $i) {
                Some(v) => v,
                None => return,
            }
        }
    }};
}
macro_rules! rd8 {
    ($cpu:ident, $i:ident, $a:expr) => {
        rd!($cpu, $i, 1, u8, $a)
    };
}
macro_rules! rd16 {
    ($cpu:ident, $i:ident, $a:expr) => {
        rd!($cpu, $i, 2, u16, $a)
    };
}
macro_rules! rd32 {
    ($cpu:ident, $i:ident, $a:expr) => {
        rd!($cpu, $i, 4, u32, $a)
    };
}
/// movua.l: an unaligned long word, byte by byte.
macro_rules! rd32u {
    ($cpu:ident, $i:ident, $a:expr) => {{
        let a: u32 = $a;
        let mut v = 0;
        for k in 0..4u32 {
            v = (v << 8) | rd8!($cpu, $i, a.wrapping_add(k));
        }
        v
    }};
}

/// Writes the low `$n` bytes of `$v` at `$a`; a fault ends the chain.
macro_rules! wr {
    ($cpu:ident, $i:ident, $n:literal, $t:ty, $a:expr, $v:expr) => {{
        let a: u32 = $a;
        let v: u32 = $v;
        let e = $cpu.mem.entry(a);
        if e & PAGE_W != 0 && !misaligned(a, $n) {
            // SAFETY: writable (hence mapped) entry, access aligned to its size.
            unsafe { $cpu.mem.arena_write::<$n>(e, a, (v as $t).to_be_bytes()) }
        } else if !$cpu.write_slow_at(a, $n, v, $i) {
            return;
        }
    }};
}
macro_rules! wr8 {
    ($cpu:ident, $i:ident, $a:expr, $v:expr) => {
        wr!($cpu, $i, 1, u8, $a, $v)
    };
}
// Memory instructions have one handler generic over `SLOW`: the fast variant
// (`SLOW = false`, in the handler table) takes the inline fast path and, for anything
// else, switches to the slow variant (`$h::<true>`) before the instruction has changed
// anything; the slow variant goes through `read_slow_at`/`write_slow_at`.

/// Reads `$t` at `$a` in handler `$h<SLOW>`.
macro_rules! rdx {
    ($cpu:ident, $i:ident, $h:ident, $n:literal, $t:ty, $a:expr) => {{
        if SLOW {
            rd!($cpu, $i, $n, $t, $a)
        } else {
            let a: u32 = $a;
            let e = $cpu.mem.entry(a);
            if e & PAGE_R == 0 || misaligned(a, $n) {
                become $h::<true>($cpu, $i)
            }
            // SAFETY: readable entry, access aligned to its size.
            <$t>::from_be_bytes(unsafe { $cpu.mem.arena_read::<$n>(e, a) }) as u32
        }
    }};
}
macro_rules! rd8x {
    ($cpu:ident, $i:ident, $h:ident, $a:expr) => {
        rdx!($cpu, $i, $h, 1, u8, $a)
    };
}
macro_rules! rd16x {
    ($cpu:ident, $i:ident, $h:ident, $a:expr) => {
        rdx!($cpu, $i, $h, 2, u16, $a)
    };
}
macro_rules! rd32x {
    ($cpu:ident, $i:ident, $h:ident, $a:expr) => {
        rdx!($cpu, $i, $h, 4, u32, $a)
    };
}
/// Writes the low bytes of `$v` at `$a` in handler `$h<SLOW>` (the fast variant never
/// writes over cached code).
macro_rules! wrx {
    ($cpu:ident, $i:ident, $h:ident, $n:literal, $t:ty, $a:expr, $v:expr) => {{
        if SLOW {
            wr!($cpu, $i, $n, $t, $a, $v)
        } else {
            let a: u32 = $a;
            let v: u32 = $v;
            let e = $cpu.mem.entry(a);
            // SAFETY (of `try_arena_write`): writable (hence mapped) entry, aligned
            // access.
            if e & PAGE_W == 0
                || misaligned(a, $n)
                || !unsafe {
                    $cpu.mem
                        .try_arena_write::<$n>(e, a, (v as $t).to_be_bytes())
                }
            {
                become $h::<true>($cpu, $i)
            }
        }
    }};
}
macro_rules! wr8x {
    ($cpu:ident, $i:ident, $h:ident, $a:expr, $v:expr) => {
        wrx!($cpu, $i, $h, 1, u8, $a, $v)
    };
}
macro_rules! wr16x {
    ($cpu:ident, $i:ident, $h:ident, $a:expr, $v:expr) => {
        wrx!($cpu, $i, $h, 2, u16, $a, $v)
    };
}
macro_rules! wr32x {
    ($cpu:ident, $i:ident, $h:ident, $a:expr, $v:expr) => {
        wrx!($cpu, $i, $h, 4, u32, $a, $v)
    };
}
/// `@Rn+` load of a long word in handler `$h<SLOW>`.
macro_rules! popx {
    ($cpu:ident, $i:ident, $h:ident, $n:expr) => {{
        let n: usize = $n;
        let a = $cpu.r[n];
        let v = rd32x!($cpu, $i, $h, a);
        $cpu.r[n] = a.wrapping_add(4);
        v
    }};
}
/// `@-Rn` store of a long word in handler `$h<SLOW>`.
macro_rules! pushx {
    ($cpu:ident, $i:ident, $h:ident, $n:expr, $v:expr) => {{
        let n: usize = $n;
        let v: u32 = $v;
        let a = $cpu.r[n].wrapping_sub(4);
        wr32x!($cpu, $i, $h, a, v);
        $cpu.r[n] = a;
    }};
}

/// After a store: when it hit cached code, end the chain after this instruction (the
/// rest of the block may be stale); else go on.
macro_rules! next_after_store {
    ($cpu:ident, $i:ident) => {{
        if $cpu.mem.cache.written {
            $cpu.exit_after($i);
            return;
        }
        next!($cpu, $i)
    }};
}

/// The end of a memory instruction's handler: in the slow variant, as
/// [`next_after_store!`] (a store there may have hit cached code); else [`next!`].
macro_rules! next_mem {
    ($cpu:ident, $i:ident) => {{
        if SLOW {
            next_after_store!($cpu, $i)
        }
        next!($cpu, $i)
    }};
}

/// Defines instruction handlers from their bodies, each written
/// `fn op_Name(cpu, i, pc, w, n, m) { body }`: the names the body uses for the CPU, the
/// entry, and the entry's address, word and Rn/Rm indices. `op_Name<SLOW>` makes a
/// memory instruction's handler generic over its slow variant (see [`rdx!`]);
/// `-> next_after_store` ends the chain after a store that hit cached code. After the
/// body, the chain goes on at the next entry.
macro_rules! handlers {
    ($(
        $(#[$attr:meta])*
        fn $name:ident $(<$slow:ident>)? (
            $cpu:ident, $i:ident, $pc:ident, $w:ident, $n:ident, $m:ident
        ) $(-> $end:ident)? $body:block
    )*) => {$(
        $(#[$attr])*
        #[allow(non_snake_case, unused_variables)]
        fn $name $(<const $slow: bool>)? ($cpu: &mut Cpu, $i: *const Insn) {
            // SAFETY: `i` is the entry being executed.
            let Insn { pc: $pc, w: $w, n: $n, m: $m, .. } = unsafe { *$i };
            let $n = reg($n);
            let $m = reg($m);
            $body
            handlers!(@end $cpu, $i, [$($end)?], [$($slow)?]);
        }
    )*};
    (@end $cpu:ident, $i:ident, [$end:ident], []) => { $end!($cpu, $i) };
    (@end $cpu:ident, $i:ident, [], []) => { next!($cpu, $i) };
    (@end $cpu:ident, $i:ident, [], [$slow:ident]) => { next_mem!($cpu, $i) };
}

impl Cpu {
    /// Leaves the chain after the instruction `i`: the PC goes to the next instruction
    /// (after a delay slot, to the branch target) and the instructions of the block
    /// after `i` are uncounted.
    #[inline(never)]
    #[cold]
    pub(crate) fn exit_after(&mut self, i: *const Insn) {
        // SAFETY: `i` is the entry being executed; a slot is followed by a terminator.
        let ins = unsafe { *i };
        if ins.left & SLOT == 0 {
            self.pc = ins.pc.wrapping_add(2);
        } else {
            let t = unsafe { *i.add(1) };
            // A static target is in the terminator; a computed one is in the PC already.
            if std::ptr::fn_addr_eq(t.h, op_end_fall as Handler) {
                self.pc = t.pc;
            }
        }
        self.icount -= (ins.left & !SLOT) as u64;
    }

    /// Stops the run at instruction `i` (counted) with `why`; the PC stays on it.
    #[inline(never)]
    #[cold]
    pub(crate) fn stop_at(&mut self, i: *const Insn, why: Stop) {
        // SAFETY: `i` is the entry being executed.
        let ins = unsafe { *i };
        self.icount -= (ins.left & !SLOT) as u64;
        self.pc = ins.pc;
        self.halt(why);
    }

    /// Raises `exc` at instruction `i`.
    #[inline(never)]
    #[cold]
    fn exception_at(&mut self, i: *const Insn, exc: Exception) {
        // SAFETY: `i` is the entry being executed.
        let ins = unsafe { *i };
        let why = Stop::Exception {
            exc,
            pc: ins.pc,
            in_slot: ins.left & SLOT != 0,
        };
        self.stop_at(i, why);
    }

    /// Stops at instruction `i` on a failed access: [`Stop::NoInput`] when a device had
    /// no input to give, an exception otherwise.
    #[inline(never)]
    #[cold]
    fn fault_at(&mut self, i: *const Insn, f: Fault) {
        match f {
            Fault::NoInput => {
                // SAFETY: `i` is the entry being executed.
                let pc = unsafe { (*i).pc };
                self.stop_at(i, Stop::NoInput { pc });
            }
            f => self.exception_at(i, Exception::Memory(f)),
        }
    }

    /// Slow-path read for instruction `i` (devices see the exact instruction count);
    /// `None` after a fault, which stops the run.
    #[inline(never)]
    #[cold]
    pub(crate) fn read_slow_at(&mut self, a: u32, size: u8, i: *const Insn) -> Option<u32> {
        // SAFETY: `i` is the entry being executed.
        let back = (unsafe { (*i).left } & !SLOT) as u64;
        self.icount -= back;
        match self.peek(a, size) {
            Ok(v) => {
                self.icount += back;
                Some(v)
            }
            Err(f) => {
                self.icount += back;
                self.fault_at(i, f);
                None
            }
        }
    }

    /// Slow-path write for instruction `i`; `false` after a fault, which stops the run.
    #[inline(never)]
    #[cold]
    pub(crate) fn write_slow_at(&mut self, a: u32, size: u8, v: u32, i: *const Insn) -> bool {
        // SAFETY: `i` is the entry being executed.
        let back = (unsafe { (*i).left } & !SLOT) as u64;
        self.icount -= back;
        match self.poke(a, size, v) {
            Ok(()) => {
                self.icount += back;
                true
            }
            Err(f) => {
                self.icount += back;
                self.fault_at(i, f);
                false
            }
        }
    }
}

/// Whether `op` is a branch with a delay slot.
pub(crate) const fn delayed(op: Op) -> bool {
    use Op::*;
    matches!(
        op,
        Bra | Bsr | Braf | Bsrf | Jmp | Jsr | Rts | Rte | BtS | BfS
    )
}

/// Whether `op` ends a block (after its delay slot, if any).
pub(crate) const fn ends_block(op: Op) -> bool {
    use Op::*;
    delayed(op) || matches!(op, Bt | Bf | Trapa | Sleep | Illegal | Ldtlb)
}

// ---------------- terminators and control flow ----------------

/// Block end with a fixed successor (fall-through, or a static branch target):
/// follows the link when it is valid, else looks the block up and links it.
pub(crate) fn op_end_fall(cpu: &mut Cpu, i: *const Insn) {
    // SAFETY: `i` is the entry being executed; a link points to a header in `insns`
    // (which never moves) or to NO_BLOCK.
    let (pc, hdr) = unsafe { ((*i).pc, (*i).link) };
    if unsafe { (*hdr).pc } == pc {
        let len = unsafe { (*hdr).w } as u64;
        if cpu.icount + len <= cpu.limit {
            cpu.icount += len;
            let j = unsafe { hdr.add(1) };
            become (unsafe { (*j).h })(cpu, j)
        }
    }
    cpu.pc = pc;
    become op_link(cpu, i)
}

/// Block end after a computed branch: continue at `cpu.pc` (set by the branch), with a
/// one-entry cache (the entry's address and link: the last target).
pub(crate) fn op_end_jump(cpu: &mut Cpu, i: *const Insn) {
    // SAFETY: as in `op_end_fall`.
    let (pc, hdr) = unsafe { ((*i).pc, (*i).link) };
    if pc == cpu.pc && unsafe { (*hdr).pc } == pc {
        let len = unsafe { (*hdr).w } as u64;
        if cpu.icount + len <= cpu.limit {
            cpu.icount += len;
            let j = unsafe { hdr.add(1) };
            become (unsafe { (*j).h })(cpu, j)
        }
    }
    become op_link(cpu, i)
}

/// Slow path of the terminators: enters the block at `cpu.pc` like
/// [`Cpu::enter_block`] and records it in terminator `i` (address and link).
#[cold]
fn op_link(cpu: &mut Cpu, i: *const Insn) {
    let Some(hdr) = cpu.lookup(cpu.pc) else {
        return;
    };
    // SAFETY: `i` points into `insns` or `scratch`, derived from `as_mut_ptr`; no
    // reference to those entries is live.
    unsafe {
        let t = i as *mut Insn;
        (*t).pc = cpu.pc;
        (*t).link = hdr;
    }
    let Some(j) = cpu.enter_block() else { return };
    // SAFETY: the first entry of a block.
    become (unsafe { (*j).h })(cpu, j)
}

/// A slot-illegal instruction in a delay slot (not counted, as on the CPU, which
/// raises the exception instead of executing it).
pub(crate) fn op_slot_illegal(cpu: &mut Cpu, i: *const Insn) {
    // SAFETY: `i` is the entry being executed.
    let ins = unsafe { *i };
    cpu.icount -= 1;
    cpu.stop_at(
        i,
        Stop::Exception {
            exc: Exception::SlotIllegalInstruction { word: ins.w },
            pc: ins.pc,
            in_slot: true,
        },
    );
}

/// A delay slot whose fetch failed (one-instruction blocks only): raises the fetch
/// fault at the slot (the slot is not counted).
pub(crate) fn op_fetch_fault(cpu: &mut Cpu, i: *const Insn) {
    // SAFETY: `i` is the entry being executed.
    let ins = unsafe { *i };
    cpu.icount -= 1 + (ins.left & !SLOT) as u64;
    cpu.pc = ins.pc;
    let _ = cpu.fetch_slow(ins.pc);
}

#[allow(non_snake_case)]
fn op_Illegal(cpu: &mut Cpu, i: *const Insn) {
    // SAFETY: `i` is the entry being executed.
    let w = unsafe { (*i).w };
    cpu.exception_at(i, Exception::IllegalInstruction { word: w });
}

#[allow(non_snake_case)]
fn op_Ldtlb(cpu: &mut Cpu, i: *const Insn) {
    cpu.exception_at(i, Exception::Ldtlb);
}

#[allow(non_snake_case)]
fn op_Trapa(cpu: &mut Cpu, i: *const Insn) {
    // SAFETY: `i` is the entry being executed.
    let w = unsafe { (*i).w };
    cpu.stop_at(i, Stop::Trapa(w as u8));
}

#[allow(non_snake_case)]
fn op_Sleep(cpu: &mut Cpu, i: *const Insn) {
    cpu.stop_at(i, Stop::Sleep);
}

// Blocks end with: `bt`/`bf`, then the fall-through terminator, then the target's;
// `bt/s`/`bf/s`, slot, target terminator, fall-through terminator; `bra`/`bsr`, slot,
// target terminator; other branches, slot, `op_end_jump`.

#[allow(non_snake_case)]
fn op_Bt(cpu: &mut Cpu, i: *const Insn) {
    if cpu.t != 0 {
        // SAFETY: the target terminator follows the fall-through one.
        let j = unsafe { i.add(2) };
        become (unsafe { (*j).h })(cpu, j)
    }
    next!(cpu, i)
}

#[allow(non_snake_case)]
fn op_Bf(cpu: &mut Cpu, i: *const Insn) {
    if cpu.t == 0 {
        // SAFETY: the target terminator follows the fall-through one.
        let j = unsafe { i.add(2) };
        become (unsafe { (*j).h })(cpu, j)
    }
    next!(cpu, i)
}

#[allow(non_snake_case)]
fn op_BtS(cpu: &mut Cpu, i: *const Insn) {
    if cpu.t != 0 {
        next!(cpu, i)
    }
    // Not taken: the next instruction runs as an ordinary one, in the next block.
    cpu.icount -= 1;
    // SAFETY: slot, target terminator, fall-through terminator.
    let j = unsafe { i.add(3) };
    become (unsafe { (*j).h })(cpu, j)
}

#[allow(non_snake_case)]
fn op_BfS(cpu: &mut Cpu, i: *const Insn) {
    if cpu.t == 0 {
        next!(cpu, i)
    }
    cpu.icount -= 1;
    // SAFETY: slot, target terminator, fall-through terminator.
    let j = unsafe { i.add(3) };
    become (unsafe { (*j).h })(cpu, j)
}

#[allow(non_snake_case)]
fn op_Bra(cpu: &mut Cpu, i: *const Insn) {
    next!(cpu, i)
}

#[allow(non_snake_case)]
fn op_Bsr(cpu: &mut Cpu, i: *const Insn) {
    // SAFETY: `i` is the entry being executed.
    let pc = unsafe { (*i).pc };
    cpu.pr = pc.wrapping_add(4);
    next!(cpu, i)
}

#[allow(non_snake_case)]
fn op_Braf(cpu: &mut Cpu, i: *const Insn) {
    // SAFETY: `i` is the entry being executed.
    let Insn { pc, w, .. } = unsafe { *i };
    cpu.pc = pc.wrapping_add(4).wrapping_add(cpu.r[rn(w)]);
    next!(cpu, i)
}

#[allow(non_snake_case)]
fn op_Bsrf(cpu: &mut Cpu, i: *const Insn) {
    // SAFETY: `i` is the entry being executed.
    let Insn { pc, w, .. } = unsafe { *i };
    cpu.pc = pc.wrapping_add(4).wrapping_add(cpu.r[rn(w)]);
    cpu.pr = pc.wrapping_add(4);
    next!(cpu, i)
}

#[allow(non_snake_case)]
fn op_Jmp(cpu: &mut Cpu, i: *const Insn) {
    // SAFETY: `i` is the entry being executed.
    let w = unsafe { (*i).w };
    cpu.pc = cpu.r[rn(w)];
    next!(cpu, i)
}

#[allow(non_snake_case)]
fn op_Jsr(cpu: &mut Cpu, i: *const Insn) {
    // SAFETY: `i` is the entry being executed.
    let Insn { pc, w, .. } = unsafe { *i };
    cpu.pc = cpu.r[rn(w)];
    cpu.pr = pc.wrapping_add(4);
    next!(cpu, i)
}

#[allow(non_snake_case)]
fn op_Rts(cpu: &mut Cpu, i: *const Insn) {
    cpu.pc = cpu.pr;
    next!(cpu, i)
}

#[allow(non_snake_case)]
fn op_Rte(cpu: &mut Cpu, i: *const Insn) {
    let t = cpu.spc;
    let ssr = cpu.ssr;
    cpu.set_sr(ssr);
    cpu.pc = t;
    next!(cpu, i)
}

/// A run of `k` identical `div1 Rm,Rn` (libgcc's division loops are unrolled into
/// such runs): the same steps as `k` [`op_Div1`]s with Rn, Q and T in host registers;
/// then goes on after the run (the other `k - 1` entries are skipped).
pub(crate) fn op_div1_run(cpu: &mut Cpu, i: *const Insn) {
    // SAFETY: `i` is the entry being executed; the block holds the run's `k` entries.
    let Insn { n, m, k, .. } = unsafe { *i };
    let (n, m) = (reg(n), reg(m));
    let (mut r, mut q, mut t, mm) = (cpu.r[n], cpu.q, cpu.t, cpu.m);
    let d = cpu.r[m];
    for _ in 0..k {
        let divisor = if n == m { r } else { d };
        let old_q = q;
        q = r >> 31;
        let shifted = (r << 1) | t;
        let (res, carry) = if old_q == mm {
            let (x, b) = shifted.overflowing_sub(divisor);
            (x, b as u32)
        } else {
            let (x, c) = shifted.overflowing_add(divisor);
            (x, c as u32)
        };
        r = res;
        q ^= carry ^ mm;
        t = (q == mm) as u32;
    }
    cpu.r[n] = r;
    cpu.q = q;
    cpu.t = t;
    let j = unsafe { i.add(k as usize) };
    become (unsafe { (*j).h })(cpu, j)
}

// ---------------- everything else ----------------

handlers! {
    fn op_Mov(cpu, i, pc, w, n, m) {
        cpu.r[n] = cpu.r[m];
    }

    fn op_MovI(cpu, i, pc, w, n, m) {
        cpu.r[n] = simm8(w);
    }

    fn op_MovWLPc<SLOW>(cpu, i, pc, w, n, m) {
        let a = pc.wrapping_add(4).wrapping_add(imm8(w) * 2);
        cpu.r[n] = sx16(rd16x!(cpu, i, op_MovWLPc, a));
    }

    fn op_MovLLPc<SLOW>(cpu, i, pc, w, n, m) {
        let a = (pc & !3).wrapping_add(4).wrapping_add(imm8(w) * 4);
        cpu.r[n] = rd32x!(cpu, i, op_MovLLPc, a);
    }

    fn op_Mova(cpu, i, pc, w, n, m) {
        cpu.r[0] = (pc & !3).wrapping_add(4).wrapping_add(imm8(w) * 4);
    }

    fn op_MovBS<SLOW>(cpu, i, pc, w, n, m) {
        let v = cpu.r[m];
        wr8x!(cpu, i, op_MovBS, cpu.r[n], v)
    }

    fn op_MovWS<SLOW>(cpu, i, pc, w, n, m) {
        let v = cpu.r[m];
        wr16x!(cpu, i, op_MovWS, cpu.r[n], v)
    }

    fn op_MovLS<SLOW>(cpu, i, pc, w, n, m) {
        let v = cpu.r[m];
        wr32x!(cpu, i, op_MovLS, cpu.r[n], v)
    }

    fn op_MovBL<SLOW>(cpu, i, pc, w, n, m) {
        cpu.r[n] = sx8(rd8x!(cpu, i, op_MovBL, cpu.r[m]));
    }

    fn op_MovWL<SLOW>(cpu, i, pc, w, n, m) {
        cpu.r[n] = sx16(rd16x!(cpu, i, op_MovWL, cpu.r[m]));
    }

    fn op_MovLL<SLOW>(cpu, i, pc, w, n, m) {
        cpu.r[n] = rd32x!(cpu, i, op_MovLL, cpu.r[m]);
    }

    fn op_MovBSDec<SLOW>(cpu, i, pc, w, n, m) {
        let v = cpu.r[m];
        let a = cpu.r[n].wrapping_sub(1);
        wr8x!(cpu, i, op_MovBSDec, a, v);
        cpu.r[n] = a;
    }

    fn op_MovWSDec<SLOW>(cpu, i, pc, w, n, m) {
        let v = cpu.r[m];
        let a = cpu.r[n].wrapping_sub(2);
        wr16x!(cpu, i, op_MovWSDec, a, v);
        cpu.r[n] = a;
    }

    fn op_MovLSDec<SLOW>(cpu, i, pc, w, n, m) {
        let v = cpu.r[m];
        let a = cpu.r[n].wrapping_sub(4);
        wr32x!(cpu, i, op_MovLSDec, a, v);
        cpu.r[n] = a;
    }

    fn op_MovBLInc<SLOW>(cpu, i, pc, w, n, m) {
        let a = cpu.r[m];
        let v = sx8(rd8x!(cpu, i, op_MovBLInc, a));
        if n != m {
            cpu.r[m] = a.wrapping_add(1);
        }
        cpu.r[n] = v;
    }

    fn op_MovWLInc<SLOW>(cpu, i, pc, w, n, m) {
        let a = cpu.r[m];
        let v = sx16(rd16x!(cpu, i, op_MovWLInc, a));
        if n != m {
            cpu.r[m] = a.wrapping_add(2);
        }
        cpu.r[n] = v;
    }

    fn op_MovLLInc<SLOW>(cpu, i, pc, w, n, m) {
        let a = cpu.r[m];
        let v = rd32x!(cpu, i, op_MovLLInc, a);
        if n != m {
            cpu.r[m] = a.wrapping_add(4);
        }
        cpu.r[n] = v;
    }

    fn op_MovBS0<SLOW>(cpu, i, pc, w, n, m) {
        let v = cpu.r[m];
        wr8x!(cpu, i, op_MovBS0, cpu.r[n].wrapping_add(cpu.r[0]), v)
    }

    fn op_MovWS0<SLOW>(cpu, i, pc, w, n, m) {
        let v = cpu.r[m];
        wr16x!(cpu, i, op_MovWS0, cpu.r[n].wrapping_add(cpu.r[0]), v)
    }

    fn op_MovLS0<SLOW>(cpu, i, pc, w, n, m) {
        let v = cpu.r[m];
        wr32x!(cpu, i, op_MovLS0, cpu.r[n].wrapping_add(cpu.r[0]), v)
    }

    fn op_MovBL0<SLOW>(cpu, i, pc, w, n, m) {
        cpu.r[n] = sx8(rd8x!(cpu, i, op_MovBL0, cpu.r[m].wrapping_add(cpu.r[0])));
    }

    fn op_MovWL0<SLOW>(cpu, i, pc, w, n, m) {
        cpu.r[n] = sx16(rd16x!(cpu, i, op_MovWL0, cpu.r[m].wrapping_add(cpu.r[0])));
    }

    fn op_MovLL0<SLOW>(cpu, i, pc, w, n, m) {
        cpu.r[n] = rd32x!(cpu, i, op_MovLL0, cpu.r[m].wrapping_add(cpu.r[0]));
    }

    fn op_MovLSDisp<SLOW>(cpu, i, pc, w, n, m) {
        let v = cpu.r[m];
        wr32x!(
            cpu,
            i,
            op_MovLSDisp,
            cpu.r[n].wrapping_add((w as u32 & 0xF) * 4),
            v
        )
    }

    fn op_MovLLDisp<SLOW>(cpu, i, pc, w, n, m) {
        cpu.r[n] = rd32x!(
            cpu,
            i,
            op_MovLLDisp,
            cpu.r[m].wrapping_add((w as u32 & 0xF) * 4)
        )
    }

    fn op_MovBS4<SLOW>(cpu, i, pc, w, n, m) {
        let v = cpu.r[0];
        wr8x!(cpu, i, op_MovBS4, cpu.r[m].wrapping_add(w as u32 & 0xF), v)
    }

    fn op_MovWS4<SLOW>(cpu, i, pc, w, n, m) {
        let v = cpu.r[0];
        wr16x!(
            cpu,
            i,
            op_MovWS4,
            cpu.r[m].wrapping_add((w as u32 & 0xF) * 2),
            v
        )
    }

    fn op_MovBL4<SLOW>(cpu, i, pc, w, n, m) {
        cpu.r[0] = sx8(rd8x!(
            cpu,
            i,
            op_MovBL4,
            cpu.r[m].wrapping_add(w as u32 & 0xF)
        ));
    }

    fn op_MovWL4<SLOW>(cpu, i, pc, w, n, m) {
        cpu.r[0] = sx16(rd16x!(
            cpu,
            i,
            op_MovWL4,
            cpu.r[m].wrapping_add((w as u32 & 0xF) * 2)
        ))
    }

    fn op_MovBSGbr<SLOW>(cpu, i, pc, w, n, m) {
        let v = cpu.r[0];
        wr8x!(cpu, i, op_MovBSGbr, cpu.gbr.wrapping_add(imm8(w)), v)
    }

    fn op_MovWSGbr<SLOW>(cpu, i, pc, w, n, m) {
        let v = cpu.r[0];
        wr16x!(cpu, i, op_MovWSGbr, cpu.gbr.wrapping_add(imm8(w) * 2), v)
    }

    fn op_MovLSGbr<SLOW>(cpu, i, pc, w, n, m) {
        let v = cpu.r[0];
        wr32x!(cpu, i, op_MovLSGbr, cpu.gbr.wrapping_add(imm8(w) * 4), v)
    }

    fn op_MovBLGbr<SLOW>(cpu, i, pc, w, n, m) {
        cpu.r[0] = sx8(rd8x!(cpu, i, op_MovBLGbr, cpu.gbr.wrapping_add(imm8(w))));
    }

    fn op_MovWLGbr<SLOW>(cpu, i, pc, w, n, m) {
        cpu.r[0] = sx16(rd16x!(
            cpu,
            i,
            op_MovWLGbr,
            cpu.gbr.wrapping_add(imm8(w) * 2)
        ));
    }

    fn op_MovLLGbr<SLOW>(cpu, i, pc, w, n, m) {
        cpu.r[0] = rd32x!(cpu, i, op_MovLLGbr, cpu.gbr.wrapping_add(imm8(w) * 4));
    }

    fn op_Movt(cpu, i, pc, w, n, m) {
        cpu.r[n] = cpu.t;
    }

    fn op_SwapB(cpu, i, pc, w, n, m) {
        let v = cpu.r[m];
        cpu.r[n] = (v & 0xFFFF_0000) | ((v & 0xFF) << 8) | ((v >> 8) & 0xFF);
    }

    fn op_SwapW(cpu, i, pc, w, n, m) {
        cpu.r[n] = cpu.r[m].rotate_left(16);
    }

    fn op_Xtrct(cpu, i, pc, w, n, m) {
        cpu.r[n] = (cpu.r[m] << 16) | (cpu.r[n] >> 16);
    }

    fn op_ExtuB(cpu, i, pc, w, n, m) {
        cpu.r[n] = cpu.r[m] & 0xFF;
    }

    fn op_ExtuW(cpu, i, pc, w, n, m) {
        cpu.r[n] = cpu.r[m] & 0xFFFF;
    }

    fn op_ExtsB(cpu, i, pc, w, n, m) {
        cpu.r[n] = sx8(cpu.r[m]);
    }

    fn op_ExtsW(cpu, i, pc, w, n, m) {
        cpu.r[n] = sx16(cpu.r[m]);
    }

    fn op_MovuaL(cpu, i, pc, w, n, m) {
        cpu.r[0] = rd32u!(cpu, i, cpu.r[n]);
    }

    fn op_MovuaLInc(cpu, i, pc, w, n, m) {
        let a = cpu.r[n];
        let v = rd32u!(cpu, i, a);
        if n != 0 {
            cpu.r[n] = a.wrapping_add(4);
        }
        cpu.r[0] = v;
    }

    fn op_Movli<SLOW>(cpu, i, pc, w, n, m) {
        cpu.r[0] = rd32x!(cpu, i, op_Movli, cpu.r[n]);
        cpu.ldst = true;
    }

    fn op_Movco<SLOW>(cpu, i, pc, w, n, m) {
        if cpu.ldst {
            let v = cpu.r[0];
            wr32x!(cpu, i, op_Movco, cpu.r[n], v);
            cpu.t = 1;
        } else {
            cpu.t = 0;
        }
        cpu.ldst = false;
    }

    fn op_Movca<SLOW>(cpu, i, pc, w, n, m) {
        let v = cpu.r[0];
        wr32x!(cpu, i, op_Movca, cpu.r[n], v)
    }

    fn op_Add(cpu, i, pc, w, n, m) {
        cpu.r[n] = cpu.r[n].wrapping_add(cpu.r[m]);
    }

    fn op_AddI(cpu, i, pc, w, n, m) {
        cpu.r[n] = cpu.r[n].wrapping_add(simm8(w));
    }

    fn op_Addc(cpu, i, pc, w, n, m) {
        let s = cpu.r[n] as u64 + cpu.r[m] as u64 + cpu.t as u64;
        cpu.r[n] = s as u32;
        cpu.t = (s >> 32) as u32;
    }

    fn op_Addv(cpu, i, pc, w, n, m) {
        let (v, o) = (cpu.r[n] as i32).overflowing_add(cpu.r[m] as i32);
        cpu.r[n] = v as u32;
        cpu.t = o as u32;
    }

    fn op_Sub(cpu, i, pc, w, n, m) {
        cpu.r[n] = cpu.r[n].wrapping_sub(cpu.r[m]);
    }

    fn op_Subc(cpu, i, pc, w, n, m) {
        let (a, b) = (cpu.r[n] as u64, cpu.r[m] as u64 + cpu.t as u64);
        cpu.t = (a < b) as u32;
        cpu.r[n] = a.wrapping_sub(b) as u32;
    }

    fn op_Subv(cpu, i, pc, w, n, m) {
        let (v, o) = (cpu.r[n] as i32).overflowing_sub(cpu.r[m] as i32);
        cpu.r[n] = v as u32;
        cpu.t = o as u32;
    }

    fn op_Neg(cpu, i, pc, w, n, m) {
        cpu.r[n] = 0u32.wrapping_sub(cpu.r[m]);
    }

    fn op_Negc(cpu, i, pc, w, n, m) {
        let b = cpu.r[m] as u64 + cpu.t as u64;
        cpu.t = (b != 0) as u32;
        cpu.r[n] = 0u64.wrapping_sub(b) as u32;
    }

    fn op_Dt(cpu, i, pc, w, n, m) {
        cpu.r[n] = cpu.r[n].wrapping_sub(1);
        cpu.t = (cpu.r[n] == 0) as u32;
    }

    fn op_CmpEq(cpu, i, pc, w, n, m) {
        cpu.t = (cpu.r[n] == cpu.r[m]) as u32;
    }

    fn op_CmpEqI(cpu, i, pc, w, n, m) {
        cpu.t = (cpu.r[0] == simm8(w)) as u32;
    }

    fn op_CmpHs(cpu, i, pc, w, n, m) {
        cpu.t = (cpu.r[n] >= cpu.r[m]) as u32;
    }

    fn op_CmpHi(cpu, i, pc, w, n, m) {
        cpu.t = (cpu.r[n] > cpu.r[m]) as u32;
    }

    fn op_CmpGe(cpu, i, pc, w, n, m) {
        cpu.t = (cpu.r[n] as i32 >= cpu.r[m] as i32) as u32;
    }

    fn op_CmpGt(cpu, i, pc, w, n, m) {
        cpu.t = (cpu.r[n] as i32 > cpu.r[m] as i32) as u32;
    }

    fn op_CmpPz(cpu, i, pc, w, n, m) {
        cpu.t = (cpu.r[n] as i32 >= 0) as u32;
    }

    fn op_CmpPl(cpu, i, pc, w, n, m) {
        cpu.t = (cpu.r[n] as i32 > 0) as u32;
    }

    fn op_CmpStr(cpu, i, pc, w, n, m) {
        let x = cpu.r[n] ^ cpu.r[m];
        cpu.t =
            (x & 0xFF == 0 || x & 0xFF00 == 0 || x & 0xFF_0000 == 0 || x & 0xFF00_0000 == 0) as u32;
    }

    fn op_Div0s(cpu, i, pc, w, n, m) {
        cpu.q = cpu.r[n] >> 31;
        cpu.m = cpu.r[m] >> 31;
        cpu.t = cpu.q ^ cpu.m;
    }

    fn op_Div0u(cpu, i, pc, w, n, m) {
        cpu.q = 0;
        cpu.m = 0;
        cpu.t = 0;
    }

    fn op_Div1(cpu, i, pc, w, n, m) {
        let old_q = cpu.q;
        cpu.q = cpu.r[n] >> 31;
        let divisor = cpu.r[m];
        let shifted = (cpu.r[n] << 1) | cpu.t;
        let (res, carry) = if old_q == cpu.m {
            let (r, b) = shifted.overflowing_sub(divisor);
            (r, b as u32)
        } else {
            let (r, c) = shifted.overflowing_add(divisor);
            (r, c as u32)
        };
        cpu.r[n] = res;
        cpu.q ^= carry ^ cpu.m;
        cpu.t = (cpu.q == cpu.m) as u32;
    }

    fn op_MulL(cpu, i, pc, w, n, m) {
        cpu.macl = cpu.r[n].wrapping_mul(cpu.r[m]);
    }

    fn op_MulsW(cpu, i, pc, w, n, m) {
        cpu.macl = ((cpu.r[n] as i16 as i32) * (cpu.r[m] as i16 as i32)) as u32
    }

    fn op_MuluW(cpu, i, pc, w, n, m) {
        cpu.macl = (cpu.r[n] & 0xFFFF) * (cpu.r[m] & 0xFFFF);
    }

    fn op_DmulsL(cpu, i, pc, w, n, m) {
        let p = (cpu.r[n] as i32 as i64) * (cpu.r[m] as i32 as i64);
        cpu.mach = (p >> 32) as u32;
        cpu.macl = p as u32;
    }

    fn op_DmuluL(cpu, i, pc, w, n, m) {
        let p = (cpu.r[n] as u64) * (cpu.r[m] as u64);
        cpu.mach = (p >> 32) as u32;
        cpu.macl = p as u32;
    }

    fn op_MacL(cpu, i, pc, w, n, m) {
        let a = rd32!(cpu, i, cpu.r[n]);
        cpu.r[n] = cpu.r[n].wrapping_add(4);
        let b = rd32!(cpu, i, cpu.r[m]);
        cpu.r[m] = cpu.r[m].wrapping_add(4);
        let p = (a as i32 as i64) * (b as i32 as i64);
        let mac = (((cpu.mach as u64) << 32) | cpu.macl as u64) as i64;
        let mut sum = mac.wrapping_add(p);
        if cpu.s != 0 {
            sum = sum.clamp(-(1i64 << 47), (1i64 << 47) - 1);
        }
        cpu.mach = (sum >> 32) as u32;
        cpu.macl = sum as u32;
    }

    fn op_MacW(cpu, i, pc, w, n, m) {
        let a = rd16!(cpu, i, cpu.r[n]);
        cpu.r[n] = cpu.r[n].wrapping_add(2);
        let b = rd16!(cpu, i, cpu.r[m]);
        cpu.r[m] = cpu.r[m].wrapping_add(2);
        let p = (a as i16 as i64) * (b as i16 as i64);
        if cpu.s != 0 {
            // 32-bit saturating accumulate in MACL; overflow sets MACH bit 0.
            let sum = cpu.macl as i32 as i64 + p;
            if sum > i32::MAX as i64 {
                cpu.macl = i32::MAX as u32;
                cpu.mach |= 1;
            } else if sum < i32::MIN as i64 {
                cpu.macl = i32::MIN as u32;
                cpu.mach |= 1;
            } else {
                cpu.macl = sum as u32;
            }
        } else {
            let mac = (((cpu.mach as u64) << 32) | cpu.macl as u64) as i64;
            let sum = mac.wrapping_add(p);
            cpu.mach = (sum >> 32) as u32;
            cpu.macl = sum as u32;
        }
    }

    fn op_Clrmac(cpu, i, pc, w, n, m) {
        cpu.mach = 0;
        cpu.macl = 0;
    }

    fn op_And(cpu, i, pc, w, n, m) {
        cpu.r[n] &= cpu.r[m];
    }

    fn op_AndI(cpu, i, pc, w, n, m) {
        cpu.r[0] &= imm8(w);
    }

    fn op_Or(cpu, i, pc, w, n, m) {
        cpu.r[n] |= cpu.r[m];
    }

    fn op_OrI(cpu, i, pc, w, n, m) {
        cpu.r[0] |= imm8(w);
    }

    fn op_Xor(cpu, i, pc, w, n, m) {
        cpu.r[n] ^= cpu.r[m];
    }

    fn op_XorI(cpu, i, pc, w, n, m) {
        cpu.r[0] ^= imm8(w);
    }

    fn op_Not(cpu, i, pc, w, n, m) {
        cpu.r[n] = !cpu.r[m];
    }

    fn op_Tst(cpu, i, pc, w, n, m) {
        cpu.t = (cpu.r[n] & cpu.r[m] == 0) as u32;
    }

    fn op_TstI(cpu, i, pc, w, n, m) {
        cpu.t = (cpu.r[0] & imm8(w) == 0) as u32;
    }

    fn op_TstB<SLOW>(cpu, i, pc, w, n, m) {
        let v = rd8x!(cpu, i, op_TstB, cpu.gbr.wrapping_add(cpu.r[0]));
        cpu.t = (v & imm8(w) == 0) as u32;
    }

    fn op_AndB(cpu, i, pc, w, n, m) -> next_after_store {
        let a = cpu.gbr.wrapping_add(cpu.r[0]);
        let v = rd8!(cpu, i, a);
        wr8!(cpu, i, a, v & imm8(w));
    }

    fn op_OrB(cpu, i, pc, w, n, m) -> next_after_store {
        let a = cpu.gbr.wrapping_add(cpu.r[0]);
        let v = rd8!(cpu, i, a);
        wr8!(cpu, i, a, v | imm8(w));
    }

    fn op_XorB(cpu, i, pc, w, n, m) -> next_after_store {
        let a = cpu.gbr.wrapping_add(cpu.r[0]);
        let v = rd8!(cpu, i, a);
        wr8!(cpu, i, a, v ^ imm8(w));
    }

    fn op_TasB(cpu, i, pc, w, n, m) -> next_after_store {
        let a = cpu.r[n];
        let v = rd8!(cpu, i, a);
        cpu.t = (v == 0) as u32;
        wr8!(cpu, i, a, v | 0x80);
    }

    fn op_Shll(cpu, i, pc, w, n, m) {
        cpu.t = cpu.r[n] >> 31;
        cpu.r[n] <<= 1;
    }

    fn op_Shal(cpu, i, pc, w, n, m) {
        cpu.t = cpu.r[n] >> 31;
        cpu.r[n] <<= 1;
    }

    fn op_Shlr(cpu, i, pc, w, n, m) {
        cpu.t = cpu.r[n] & 1;
        cpu.r[n] >>= 1;
    }

    fn op_Shar(cpu, i, pc, w, n, m) {
        cpu.t = cpu.r[n] & 1;
        cpu.r[n] = ((cpu.r[n] as i32) >> 1) as u32;
    }

    fn op_Rotl(cpu, i, pc, w, n, m) {
        cpu.t = cpu.r[n] >> 31;
        cpu.r[n] = cpu.r[n].rotate_left(1);
    }

    fn op_Rotr(cpu, i, pc, w, n, m) {
        cpu.t = cpu.r[n] & 1;
        cpu.r[n] = cpu.r[n].rotate_right(1);
    }

    fn op_Rotcl(cpu, i, pc, w, n, m) {
        let t = cpu.r[n] >> 31;
        cpu.r[n] = (cpu.r[n] << 1) | cpu.t;
        cpu.t = t;
    }

    fn op_Rotcr(cpu, i, pc, w, n, m) {
        let t = cpu.r[n] & 1;
        cpu.r[n] = (cpu.r[n] >> 1) | (cpu.t << 31);
        cpu.t = t;
    }

    fn op_Shll2(cpu, i, pc, w, n, m) {
        cpu.r[n] <<= 2;
    }

    fn op_Shlr2(cpu, i, pc, w, n, m) {
        cpu.r[n] >>= 2;
    }

    fn op_Shll8(cpu, i, pc, w, n, m) {
        cpu.r[n] <<= 8;
    }

    fn op_Shlr8(cpu, i, pc, w, n, m) {
        cpu.r[n] >>= 8;
    }

    fn op_Shll16(cpu, i, pc, w, n, m) {
        cpu.r[n] <<= 16;
    }

    fn op_Shlr16(cpu, i, pc, w, n, m) {
        cpu.r[n] >>= 16;
    }

    fn op_Shad(cpu, i, pc, w, n, m) {
        let s = cpu.r[m] as i32;
        let v = cpu.r[n];
        cpu.r[n] = if s >= 0 {
            v << (s & 31)
        } else if s & 31 == 0 {
            ((v as i32) >> 31) as u32
        } else {
            ((v as i32) >> ((!s & 31) + 1)) as u32
        };
    }

    fn op_Shld(cpu, i, pc, w, n, m) {
        let s = cpu.r[m] as i32;
        let v = cpu.r[n];
        cpu.r[n] = if s >= 0 {
            v << (s & 31)
        } else if s & 31 == 0 {
            0
        } else {
            v >> ((!s & 31) + 1)
        };
    }

    fn op_Clrt(cpu, i, pc, w, n, m) {
        cpu.t = 0;
    }

    fn op_Sett(cpu, i, pc, w, n, m) {
        cpu.t = 1;
    }

    fn op_Clrs(cpu, i, pc, w, n, m) {
        cpu.s = 0;
    }

    fn op_Sets(cpu, i, pc, w, n, m) {
        cpu.s = 1;
    }

    fn op_Nop(cpu, i, pc, w, n, m) {
        {}
    }

    fn op_Synco(cpu, i, pc, w, n, m) {
        {}
    }

    fn op_Pref(cpu, i, pc, w, n, m) {
        {}
    }

    fn op_Prefi(cpu, i, pc, w, n, m) {
        {}
    }

    fn op_Icbi(cpu, i, pc, w, n, m) {
        {}
    }

    fn op_Ocbi(cpu, i, pc, w, n, m) {
        {}
    }

    fn op_Ocbp(cpu, i, pc, w, n, m) {
        {}
    }

    fn op_Ocbwb(cpu, i, pc, w, n, m) {
        {}
    }

    fn op_LdcSr(cpu, i, pc, w, n, m) {
        let v = cpu.r[n];
        cpu.set_sr(v)
    }

    fn op_LdcGbr(cpu, i, pc, w, n, m) {
        cpu.gbr = cpu.r[n];
    }

    fn op_LdcVbr(cpu, i, pc, w, n, m) {
        cpu.vbr = cpu.r[n];
    }

    fn op_LdcSsr(cpu, i, pc, w, n, m) {
        cpu.ssr = cpu.r[n];
    }

    fn op_LdcSpc(cpu, i, pc, w, n, m) {
        cpu.spc = cpu.r[n];
    }

    fn op_LdcSgr(cpu, i, pc, w, n, m) {
        cpu.sgr = cpu.r[n];
    }

    fn op_LdcDbr(cpu, i, pc, w, n, m) {
        cpu.dbr = cpu.r[n];
    }

    fn op_LdcBank(cpu, i, pc, w, n, m) {
        cpu.r_bank[m & 7] = cpu.r[n];
    }

    fn op_StcSr(cpu, i, pc, w, n, m) {
        cpu.r[n] = cpu.sr();
    }

    fn op_StcGbr(cpu, i, pc, w, n, m) {
        cpu.r[n] = cpu.gbr;
    }

    fn op_StcVbr(cpu, i, pc, w, n, m) {
        cpu.r[n] = cpu.vbr;
    }

    fn op_StcSsr(cpu, i, pc, w, n, m) {
        cpu.r[n] = cpu.ssr;
    }

    fn op_StcSpc(cpu, i, pc, w, n, m) {
        cpu.r[n] = cpu.spc;
    }

    fn op_StcSgr(cpu, i, pc, w, n, m) {
        cpu.r[n] = cpu.sgr;
    }

    fn op_StcDbr(cpu, i, pc, w, n, m) {
        cpu.r[n] = cpu.dbr;
    }

    fn op_StcBank(cpu, i, pc, w, n, m) {
        cpu.r[n] = cpu.r_bank[m & 7];
    }

    fn op_LdsMach(cpu, i, pc, w, n, m) {
        cpu.mach = cpu.r[n];
    }

    fn op_LdsMacl(cpu, i, pc, w, n, m) {
        cpu.macl = cpu.r[n];
    }

    fn op_LdsPr(cpu, i, pc, w, n, m) {
        cpu.pr = cpu.r[n];
    }

    fn op_StsMach(cpu, i, pc, w, n, m) {
        cpu.r[n] = cpu.mach;
    }

    fn op_StsMacl(cpu, i, pc, w, n, m) {
        cpu.r[n] = cpu.macl;
    }

    fn op_StsPr(cpu, i, pc, w, n, m) {
        cpu.r[n] = cpu.pr;
    }

    fn op_LdcLSr<SLOW>(cpu, i, pc, w, n, m) {
        let v = popx!(cpu, i, op_LdcLSr, n);
        cpu.set_sr(v)
    }

    fn op_LdcLGbr<SLOW>(cpu, i, pc, w, n, m) {
        cpu.gbr = popx!(cpu, i, op_LdcLGbr, n);
    }

    fn op_LdcLVbr<SLOW>(cpu, i, pc, w, n, m) {
        cpu.vbr = popx!(cpu, i, op_LdcLVbr, n);
    }

    fn op_LdcLSsr<SLOW>(cpu, i, pc, w, n, m) {
        cpu.ssr = popx!(cpu, i, op_LdcLSsr, n);
    }

    fn op_LdcLSpc<SLOW>(cpu, i, pc, w, n, m) {
        cpu.spc = popx!(cpu, i, op_LdcLSpc, n);
    }

    fn op_LdcLSgr<SLOW>(cpu, i, pc, w, n, m) {
        cpu.sgr = popx!(cpu, i, op_LdcLSgr, n);
    }

    fn op_LdcLDbr<SLOW>(cpu, i, pc, w, n, m) {
        cpu.dbr = popx!(cpu, i, op_LdcLDbr, n);
    }

    fn op_LdcLBank<SLOW>(cpu, i, pc, w, n, m) {
        cpu.r_bank[m & 7] = popx!(cpu, i, op_LdcLBank, n);
    }

    fn op_LdsLMach<SLOW>(cpu, i, pc, w, n, m) {
        cpu.mach = popx!(cpu, i, op_LdsLMach, n);
    }

    fn op_LdsLMacl<SLOW>(cpu, i, pc, w, n, m) {
        cpu.macl = popx!(cpu, i, op_LdsLMacl, n);
    }

    fn op_LdsLPr<SLOW>(cpu, i, pc, w, n, m) {
        cpu.pr = popx!(cpu, i, op_LdsLPr, n);
    }

    fn op_StcLSr<SLOW>(cpu, i, pc, w, n, m) {
        let v = cpu.sr();
        pushx!(cpu, i, op_StcLSr, n, v)
    }

    fn op_StcLGbr<SLOW>(cpu, i, pc, w, n, m) {
        pushx!(cpu, i, op_StcLGbr, n, cpu.gbr);
    }

    fn op_StcLVbr<SLOW>(cpu, i, pc, w, n, m) {
        pushx!(cpu, i, op_StcLVbr, n, cpu.vbr);
    }

    fn op_StcLSsr<SLOW>(cpu, i, pc, w, n, m) {
        pushx!(cpu, i, op_StcLSsr, n, cpu.ssr);
    }

    fn op_StcLSpc<SLOW>(cpu, i, pc, w, n, m) {
        pushx!(cpu, i, op_StcLSpc, n, cpu.spc);
    }

    fn op_StcLSgr<SLOW>(cpu, i, pc, w, n, m) {
        pushx!(cpu, i, op_StcLSgr, n, cpu.sgr);
    }

    fn op_StcLDbr<SLOW>(cpu, i, pc, w, n, m) {
        pushx!(cpu, i, op_StcLDbr, n, cpu.dbr);
    }

    fn op_StcLBank<SLOW>(cpu, i, pc, w, n, m) {
        pushx!(cpu, i, op_StcLBank, n, cpu.r_bank[m & 7]);
    }

    fn op_StsLMach<SLOW>(cpu, i, pc, w, n, m) {
        pushx!(cpu, i, op_StsLMach, n, cpu.mach);
    }

    fn op_StsLMacl<SLOW>(cpu, i, pc, w, n, m) {
        pushx!(cpu, i, op_StsLMacl, n, cpu.macl);
    }

    fn op_StsLPr<SLOW>(cpu, i, pc, w, n, m) {
        pushx!(cpu, i, op_StsLPr, n, cpu.pr);
    }
}

/// The handler of each operation.
pub(crate) const fn handler(op: Op) -> Handler {
    match op {
        Op::Illegal => op_Illegal,
        Op::Mov => op_Mov,
        Op::MovI => op_MovI,
        Op::MovWLPc => op_MovWLPc::<false>,
        Op::MovLLPc => op_MovLLPc::<false>,
        Op::Mova => op_Mova,
        Op::MovBS => op_MovBS::<false>,
        Op::MovWS => op_MovWS::<false>,
        Op::MovLS => op_MovLS::<false>,
        Op::MovBL => op_MovBL::<false>,
        Op::MovWL => op_MovWL::<false>,
        Op::MovLL => op_MovLL::<false>,
        Op::MovBSDec => op_MovBSDec::<false>,
        Op::MovWSDec => op_MovWSDec::<false>,
        Op::MovLSDec => op_MovLSDec::<false>,
        Op::MovBLInc => op_MovBLInc::<false>,
        Op::MovWLInc => op_MovWLInc::<false>,
        Op::MovLLInc => op_MovLLInc::<false>,
        Op::MovBS0 => op_MovBS0::<false>,
        Op::MovWS0 => op_MovWS0::<false>,
        Op::MovLS0 => op_MovLS0::<false>,
        Op::MovBL0 => op_MovBL0::<false>,
        Op::MovWL0 => op_MovWL0::<false>,
        Op::MovLL0 => op_MovLL0::<false>,
        Op::MovLSDisp => op_MovLSDisp::<false>,
        Op::MovLLDisp => op_MovLLDisp::<false>,
        Op::MovBS4 => op_MovBS4::<false>,
        Op::MovWS4 => op_MovWS4::<false>,
        Op::MovBL4 => op_MovBL4::<false>,
        Op::MovWL4 => op_MovWL4::<false>,
        Op::MovBSGbr => op_MovBSGbr::<false>,
        Op::MovWSGbr => op_MovWSGbr::<false>,
        Op::MovLSGbr => op_MovLSGbr::<false>,
        Op::MovBLGbr => op_MovBLGbr::<false>,
        Op::MovWLGbr => op_MovWLGbr::<false>,
        Op::MovLLGbr => op_MovLLGbr::<false>,
        Op::Movt => op_Movt,
        Op::SwapB => op_SwapB,
        Op::SwapW => op_SwapW,
        Op::Xtrct => op_Xtrct,
        Op::ExtuB => op_ExtuB,
        Op::ExtuW => op_ExtuW,
        Op::ExtsB => op_ExtsB,
        Op::ExtsW => op_ExtsW,
        Op::MovuaL => op_MovuaL,
        Op::MovuaLInc => op_MovuaLInc,
        Op::Movli => op_Movli::<false>,
        Op::Movco => op_Movco::<false>,
        Op::Movca => op_Movca::<false>,
        Op::Add => op_Add,
        Op::AddI => op_AddI,
        Op::Addc => op_Addc,
        Op::Addv => op_Addv,
        Op::Sub => op_Sub,
        Op::Subc => op_Subc,
        Op::Subv => op_Subv,
        Op::Neg => op_Neg,
        Op::Negc => op_Negc,
        Op::Dt => op_Dt,
        Op::CmpEq => op_CmpEq,
        Op::CmpEqI => op_CmpEqI,
        Op::CmpHs => op_CmpHs,
        Op::CmpHi => op_CmpHi,
        Op::CmpGe => op_CmpGe,
        Op::CmpGt => op_CmpGt,
        Op::CmpPz => op_CmpPz,
        Op::CmpPl => op_CmpPl,
        Op::CmpStr => op_CmpStr,
        Op::Div0s => op_Div0s,
        Op::Div0u => op_Div0u,
        Op::Div1 => op_Div1,
        Op::MulL => op_MulL,
        Op::MulsW => op_MulsW,
        Op::MuluW => op_MuluW,
        Op::DmulsL => op_DmulsL,
        Op::DmuluL => op_DmuluL,
        Op::MacL => op_MacL,
        Op::MacW => op_MacW,
        Op::Clrmac => op_Clrmac,
        Op::And => op_And,
        Op::AndI => op_AndI,
        Op::Or => op_Or,
        Op::OrI => op_OrI,
        Op::Xor => op_Xor,
        Op::XorI => op_XorI,
        Op::Not => op_Not,
        Op::Tst => op_Tst,
        Op::TstI => op_TstI,
        Op::TstB => op_TstB::<false>,
        Op::AndB => op_AndB,
        Op::OrB => op_OrB,
        Op::XorB => op_XorB,
        Op::TasB => op_TasB,
        Op::Shll => op_Shll,
        Op::Shal => op_Shal,
        Op::Shlr => op_Shlr,
        Op::Shar => op_Shar,
        Op::Rotl => op_Rotl,
        Op::Rotr => op_Rotr,
        Op::Rotcl => op_Rotcl,
        Op::Rotcr => op_Rotcr,
        Op::Shll2 => op_Shll2,
        Op::Shlr2 => op_Shlr2,
        Op::Shll8 => op_Shll8,
        Op::Shlr8 => op_Shlr8,
        Op::Shll16 => op_Shll16,
        Op::Shlr16 => op_Shlr16,
        Op::Shad => op_Shad,
        Op::Shld => op_Shld,
        Op::Clrt => op_Clrt,
        Op::Sett => op_Sett,
        Op::Clrs => op_Clrs,
        Op::Sets => op_Sets,
        Op::Nop => op_Nop,
        Op::Synco => op_Synco,
        Op::Pref => op_Pref,
        Op::Prefi => op_Prefi,
        Op::Icbi => op_Icbi,
        Op::Ocbi => op_Ocbi,
        Op::Ocbp => op_Ocbp,
        Op::Ocbwb => op_Ocbwb,
        Op::Bt => op_Bt,
        Op::Bf => op_Bf,
        Op::BtS => op_BtS,
        Op::BfS => op_BfS,
        Op::Bra => op_Bra,
        Op::Bsr => op_Bsr,
        Op::Braf => op_Braf,
        Op::Bsrf => op_Bsrf,
        Op::Jmp => op_Jmp,
        Op::Jsr => op_Jsr,
        Op::Rts => op_Rts,
        Op::Rte => op_Rte,
        Op::Trapa => op_Trapa,
        Op::Sleep => op_Sleep,
        Op::Ldtlb => op_Ldtlb,
        Op::LdcSr => op_LdcSr,
        Op::LdcGbr => op_LdcGbr,
        Op::LdcVbr => op_LdcVbr,
        Op::LdcSsr => op_LdcSsr,
        Op::LdcSpc => op_LdcSpc,
        Op::LdcSgr => op_LdcSgr,
        Op::LdcDbr => op_LdcDbr,
        Op::LdcBank => op_LdcBank,
        Op::StcSr => op_StcSr,
        Op::StcGbr => op_StcGbr,
        Op::StcVbr => op_StcVbr,
        Op::StcSsr => op_StcSsr,
        Op::StcSpc => op_StcSpc,
        Op::StcSgr => op_StcSgr,
        Op::StcDbr => op_StcDbr,
        Op::StcBank => op_StcBank,
        Op::LdsMach => op_LdsMach,
        Op::LdsMacl => op_LdsMacl,
        Op::LdsPr => op_LdsPr,
        Op::StsMach => op_StsMach,
        Op::StsMacl => op_StsMacl,
        Op::StsPr => op_StsPr,
        Op::LdcLSr => op_LdcLSr::<false>,
        Op::LdcLGbr => op_LdcLGbr::<false>,
        Op::LdcLVbr => op_LdcLVbr::<false>,
        Op::LdcLSsr => op_LdcLSsr::<false>,
        Op::LdcLSpc => op_LdcLSpc::<false>,
        Op::LdcLSgr => op_LdcLSgr::<false>,
        Op::LdcLDbr => op_LdcLDbr::<false>,
        Op::LdcLBank => op_LdcLBank::<false>,
        Op::LdsLMach => op_LdsLMach::<false>,
        Op::LdsLMacl => op_LdsLMacl::<false>,
        Op::LdsLPr => op_LdsLPr::<false>,
        Op::StcLSr => op_StcLSr::<false>,
        Op::StcLGbr => op_StcLGbr::<false>,
        Op::StcLVbr => op_StcLVbr::<false>,
        Op::StcLSsr => op_StcLSsr::<false>,
        Op::StcLSpc => op_StcLSpc::<false>,
        Op::StcLSgr => op_StcLSgr::<false>,
        Op::StcLDbr => op_StcLDbr::<false>,
        Op::StcLBank => op_StcLBank::<false>,
        Op::StsLMach => op_StsLMach::<false>,
        Op::StsLMacl => op_StsLMacl::<false>,
        Op::StsLPr => op_StsLPr::<false>,
    }
}

/// Handlers indexed by `Op as usize`.
pub(crate) static HANDLERS: [Handler; OP_COUNT] = {
    let mut t: [Handler; OP_COUNT] = [op_Illegal as Handler; OP_COUNT];
    let mut i = 0;
    while i < OP_COUNT {
        // SAFETY: `Op` is `repr(u8)` with the discriminants 0..OP_COUNT, in order.
        t[i] = handler(unsafe { std::mem::transmute::<u8, Op>(i as u8) });
        i += 1;
    }
    t
};

/// The handler of the instruction word `w` (for the block builder).
#[inline]
pub(crate) fn handler_of(w: u16) -> (Op, Handler) {
    let op = DECODE[w as usize];
    (op, HANDLERS[op as usize])
}

/// Whether `op` may sit in a delay slot.
pub(crate) fn slot_ok(op: Op) -> bool {
    !slot_illegal(op)
}

/// A terminator continuing at `pc`, not linked yet (also the shape of a block header).
pub(crate) fn terminator(pc: u32) -> Insn {
    Insn {
        h: op_end_fall,
        link: &NO_BLOCK.0,
        pc,
        w: 0,
        left: 0,
        n: 0,
        m: 0,
        k: 0,
    }
}

/// The entry of instruction `w` at `pc` (handler `h`).
pub(crate) fn insn(h: Handler, pc: u32, w: u16) -> Insn {
    Insn {
        h,
        link: std::ptr::null(),
        pc,
        w,
        left: 0,
        n: rn(w) as u8,
        m: rm(w) as u8,
        k: 0,
    }
}

/// The terminator after a computed branch (its cache empty).
pub(crate) fn end_jump() -> Insn {
    Insn {
        h: op_end_jump,
        pc: DEAD,
        ..terminator(0)
    }
}

/// The entry of the delay-slot instruction `w` at `pc`.
pub(crate) fn slot_insn(pc: u32, w: u16) -> Insn {
    let (op, h) = handler_of(w);
    Insn {
        left: SLOT,
        ..insn(if slot_ok(op) { h } else { op_slot_illegal }, pc, w)
    }
}

/// Pushes the instruction `w` at `a` that ends a block ([`ends_block`]), its delay slot
/// entry `slot` (for a delayed branch) and the terminators; returns how many
/// instructions that is (1 or 2).
pub(crate) fn push_end(v: &mut Vec<Insn>, a: u32, w: u16, slot: Option<Insn>) -> usize {
    let (op, h) = handler_of(w);
    v.push(insn(h, a, w));
    let near = a.wrapping_add(4).wrapping_add(simm8(w) << 1);
    let far = a.wrapping_add(4).wrapping_add(disp12(w) << 1);
    match op {
        Op::Bt | Op::Bf => {
            v.push(terminator(a.wrapping_add(2)));
            v.push(terminator(near));
            1
        }
        Op::BtS | Op::BfS => {
            v.push(slot.expect("delay slot"));
            v.push(terminator(near));
            v.push(terminator(a.wrapping_add(2)));
            2
        }
        Op::Bra | Op::Bsr => {
            v.push(slot.expect("delay slot"));
            v.push(terminator(far));
            2
        }
        _ if delayed(op) => {
            v.push(slot.expect("delay slot"));
            v.push(end_jump());
            2
        }
        _ => {
            v.push(terminator(a.wrapping_add(2)));
            1
        }
    }
}
