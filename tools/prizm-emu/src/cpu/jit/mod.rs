//! Translation of pre-decoded blocks to x86-64 code (a template JIT).
//!
//! A *run* is a stretch of a block's entries that the translator knows: plain
//! instructions, optionally ending with the block's branch and its delay slot. The run
//! becomes one host function `fn(cpu, view) -> index`; its first entry's handler is
//! replaced by [`op_native`], which calls the function and continues the threaded chain
//! at the entry it returns: the entry after the run, a branch's terminator, or the
//! entry of an instruction that must take the interpreter's path. That last case (a
//! *bail*) happens before the instruction changes anything: a memory access outside the
//! fast path (devices, faults, misalignment) or a store to cached code. The interpreter
//! then runs that instruction exactly as without translation, so instruction counts,
//! faults, device timing and self-modifying code behave the same; the blocks and their
//! counting are unchanged.
//!
//! SH registers stay in the [`Cpu`] structure (RDI points to it); memory accesses take
//! the page table, arena and code flags from a [`MemView`] (RSI), refreshed on every
//! [`Cpu::run`]. Only x86-64 hosts translate; elsewhere the interpreter runs alone.

mod code_buf;
mod x64;

use super::decode::{DECODE, Op};
use super::exec::{HANDLERS, Handler, Insn, SLOT, handler_of, op_div1_run};
use super::Cpu;
use crate::mem::{PAGE_R, PAGE_W};
use code_buf::CodeBuf;
use std::mem::offset_of;
use x64::{Alu, Asm, Fixup, R8, R9, R10, R11, RDI, RSI, Rm, Shift, cc};
use x64::{EAX, ECX, EDX};

/// Where translated code finds memory (see [`crate::mem::Memory::view`]).
#[repr(C)]
#[derive(Clone, Copy)]
pub(crate) struct MemView {
    /// The page table (65,536 entries).
    pub(crate) pages: *const u32,
    /// The arena.
    pub(crate) arena: *mut u8,
    /// One byte per arena halfword: nonzero for cached code.
    pub(crate) code: *const u8,
}

impl MemView {
    /// A view of nothing (no run has started).
    pub(crate) const EMPTY: MemView = MemView {
        pages: std::ptr::null(),
        arena: std::ptr::null_mut(),
        code: std::ptr::null(),
    };
}

// SAFETY: the pointers refer to the memory of the CPU holding the view, which moves
// with it; they are refreshed before every run.
unsafe impl Send for MemView {}

/// A translated run: returns the index, relative to its first entry, of the entry the
/// chain goes on with.
type Native = unsafe extern "sysv64" fn(*mut Cpu, *const MemView) -> u32;

/// Size of the code mapping (virtual; pages are committed as they fill).
const CODE_SIZE: usize = 64 << 20;
/// Room a block's translation may need at most (69 entries, well under 200 bytes each).
const BLOCK_ROOM: usize = 64 << 10;

/// The translator and its code buffer.
pub(crate) struct Jit {
    /// `None` when translation is off (or the host refused executable memory).
    buf: Option<CodeBuf>,
    asm: Asm,
    /// Jumps to bail stubs: (fixup, entry index).
    bails: Vec<(Fixup, u32)>,
}

impl Jit {
    /// A translator; `enabled` false (or a host without x86-64) makes it translate
    /// nothing.
    pub(crate) fn new(enabled: bool) -> Jit {
        let buf = if enabled && cfg!(target_arch = "x86_64") {
            CodeBuf::new(CODE_SIZE)
        } else {
            None
        };
        Jit {
            buf,
            asm: Asm::default(),
            bails: Vec::new(),
        }
    }

    /// Whether blocks are translated.
    pub(crate) fn enabled(&self) -> bool {
        self.buf.is_some()
    }

    /// Whether the code buffer needs a flush before the next block.
    pub(crate) fn nearly_full(&self) -> bool {
        self.buf.as_ref().is_some_and(|b| b.used() + BLOCK_ROOM > CODE_SIZE)
    }

    /// Forgets every translation (the caller forgets every block).
    pub(crate) fn clear(&mut self) {
        if let Some(b) = &mut self.buf {
            b.clear();
        }
    }

    /// Translates the runs of a freshly built block: `e` holds its entries after the
    /// header (instructions, then terminators).
    pub(crate) fn translate(&mut self, e: &mut [Insn]) {
        if self.buf.is_none() {
            return;
        }
        let mut s = 0;
        while s < e.len() {
            if e[s].left & SLOT != 0 || kind(&e[s]).is_none() {
                s += 1;
                continue;
            }
            let (next, count) = self.run(e, s);
            if count >= 2 {
                let buf = self.buf.as_mut().expect("enabled");
                // A full buffer cannot happen (flushed before each block has room).
                if let Some(f) = buf.add(&self.asm.code) {
                    e[s].h = op_native;
                    e[s].link = f as *const Insn;
                }
            }
            s = next;
        }
    }

    /// Assembles the run starting at entry `s`; returns the index after it and how many
    /// instructions it translated.
    fn run(&mut self, e: &[Insn], s: usize) -> (usize, usize) {
        self.asm.code.clear();
        self.bails.clear();
        let a = &mut self.asm;
        // The memory view.
        a.load64(R8, Rm::Mem(RSI, offset_of!(MemView, pages) as i32));
        a.load64(R9, Rm::Mem(RSI, offset_of!(MemView, arena) as i32));
        a.load64(R10, Rm::Mem(RSI, offset_of!(MemView, code) as i32));
        let rel = |p: usize| (p - s) as u32;
        let mut p = s;
        let mut count = 0;
        loop {
            let Some(op) = e.get(p).and_then(kind) else {
                // An entry the interpreter runs (or a terminator): go on there.
                ret(&mut self.asm, rel(p));
                break;
            };
            if e[p].left & SLOT != 0 {
                ret(&mut self.asm, rel(p));
                break;
            }
            if !is_branch(op) {
                emit(&mut self.asm, &mut self.bails, op, &e[p], rel(p));
                count += 1;
                p += 1;
                continue;
            }
            count += 1 + self.branch(e, s, p, op);
            p = e.len();
            break;
        }
        // Bail stubs: the interpreter takes over at that entry.
        let mut bails = std::mem::take(&mut self.bails);
        bails.sort_by_key(|b| b.1);
        let mut last = None;
        for (f, k) in bails.drain(..) {
            if last != Some(k) {
                last = Some(k);
                let here = self.asm.code.len();
                ret(&mut self.asm, k);
                self.asm.bind_to(f, here);
            } else {
                let here = self.asm.code.len() - RET_LEN;
                self.asm.bind_to(f, here);
            }
        }
        self.bails = bails;
        (p, count)
    }

    /// Emits the block-ending branch at entry `p` (and its delay slot); returns how many
    /// slot instructions were translated (0 or 1).
    fn branch(&mut self, e: &[Insn], s: usize, p: usize, op: Op) -> usize {
        let rel = |q: usize| (q - s) as u32;
        let x = e[p];
        let a = &mut self.asm;
        let pr = Cpu::field(offset_of!(Cpu, pr));
        let pcf = Cpu::field(offset_of!(Cpu, pc));
        let t = Cpu::field(offset_of!(Cpu, t));
        // Layout (see exec::push_end): bt/bf: fall-through terminator at p+1, target at
        // p+2; bt/s, bf/s: slot, target, fall-through; other delayed branches: slot,
        // then their terminator.
        match op {
            Op::Bt | Op::Bf => {
                a.alu_imm(Alu::Cmp, t, 0);
                let fall = a.jcc(if op == Op::Bt { cc::E } else { cc::NE });
                ret(a, rel(p + 2));
                a.bind(fall);
                ret(a, rel(p + 1));
                return 0;
            }
            Op::BtS | Op::BfS => {
                a.alu_imm(Alu::Cmp, t, 0);
                let taken = a.jcc(if op == Op::BtS { cc::NE } else { cc::E });
                // Not taken: the slot runs as an ordinary instruction in the next block.
                a.alu64_imm8(Alu::Sub, Cpu::field(offset_of!(Cpu, icount)), 1);
                ret(a, rel(p + 3));
                a.bind(taken);
            }
            Op::Bra => {}
            Op::Bsr => a.store_imm(pr, x.pc.wrapping_add(4)),
            Op::Rts => {
                a.load(EAX, pr);
                a.store(pcf, EAX);
            }
            Op::Jmp | Op::Jsr | Op::Braf | Op::Bsrf => {
                a.load(EAX, reg(x.n));
                if matches!(op, Op::Braf | Op::Bsrf) {
                    a.alu_imm(Alu::Add, Rm::Reg(EAX), x.pc.wrapping_add(4));
                }
                a.store(pcf, EAX);
                if matches!(op, Op::Jsr | Op::Bsrf) {
                    a.store_imm(pr, x.pc.wrapping_add(4));
                }
            }
            _ => unreachable!("not a translated branch: {op:?}"),
        }
        // The delay slot, then the branch's terminator.
        let slot = p + 1;
        match kind(&e[slot]).filter(|op| !is_branch(*op)) {
            Some(sop) => {
                emit(&mut self.asm, &mut self.bails, sop, &e[slot], rel(slot));
                ret(&mut self.asm, rel(p + 2));
                1
            }
            None => {
                ret(&mut self.asm, rel(slot));
                0
            }
        }
    }
}

/// Length of the code `ret` emits.
const RET_LEN: usize = 6;

/// `mov eax, k; ret`.
fn ret(a: &mut Asm, k: u32) {
    a.mov_imm(EAX, k);
    a.ret();
}

impl Cpu {
    /// A field of the CPU structure as a memory operand.
    fn field(off: usize) -> Rm {
        Rm::Mem(RDI, off as i32)
    }
}

/// Register Rx.
fn reg(x: u8) -> Rm {
    Cpu::field(offset_of!(Cpu, r) + 4 * x as usize)
}

/// The operation of an entry the translator knows, or `None`.
fn kind(x: &Insn) -> Option<Op> {
    let op = DECODE[x.w as usize];
    let h = x.h;
    if std::ptr::fn_addr_eq(h, op_div1_run as Handler) {
        // The first of a run of div1: the others follow as ordinary entries.
        return Some(Op::Div1);
    }
    if !std::ptr::fn_addr_eq(h, HANDLERS[op as usize]) {
        return None;
    }
    use Op::*;
    let known = matches!(
        op,
        Mov | MovI
            | Mova
            | Add
            | AddI
            | Addc
            | Addv
            | Sub
            | Subc
            | Subv
            | Neg
            | Negc
            | And
            | AndI
            | Or
            | OrI
            | Xor
            | XorI
            | Not
            | Tst
            | TstI
            | CmpEq
            | CmpEqI
            | CmpHs
            | CmpGe
            | CmpHi
            | CmpGt
            | CmpPz
            | CmpPl
            | CmpStr
            | ExtuB
            | ExtuW
            | ExtsB
            | ExtsW
            | SwapB
            | SwapW
            | Xtrct
            | Shll
            | Shal
            | Shlr
            | Shar
            | Rotl
            | Rotr
            | Rotcl
            | Rotcr
            | Shll2
            | Shll8
            | Shll16
            | Shlr2
            | Shlr8
            | Shlr16
            | Shad
            | Shld
            | Dt
            | Movt
            | Clrt
            | Sett
            | Clrs
            | Sets
            | MulL
            | MuluW
            | MulsW
            | DmuluL
            | DmulsL
            | Div0u
            | Div0s
            | Div1
            | StsPr
            | StsMacl
            | StsMach
            | LdsPr
            | LdsMacl
            | LdsMach
            | StcGbr
            | LdcGbr
            | Clrmac
            | Nop
            | Pref
            | Synco
            | Prefi
            | Icbi
            | Ocbi
            | Ocbp
            | Ocbwb
            | Bt
            | Bf
            | BtS
            | BfS
            | Bra
            | Bsr
            | Rts
            | Jmp
            | Jsr
            | Braf
            | Bsrf
    ) || access(op, x).is_some();
    known.then_some(op)
}

/// Whether `op` is one of the translated branches (they end a block).
fn is_branch(op: Op) -> bool {
    use Op::*;
    matches!(op, Bt | Bf | BtS | BfS | Bra | Bsr | Rts | Jmp | Jsr | Braf | Bsrf)
}

/// How a memory instruction forms its address.
#[derive(Clone, Copy)]
enum Addr {
    /// `@Rx`.
    R(u8),
    /// `@(disp, Rx)`.
    Disp(u8, u32),
    /// `@(R0, Rx)`.
    R0(u8),
    /// `@(disp, GBR)`.
    Gbr(u32),
    /// A PC-relative literal.
    Abs(u32),
    /// `@-Rx` (stores).
    PreDec(u8),
}

/// The register a memory instruction loads or stores.
#[derive(Clone, Copy)]
enum Data {
    R(u8),
    Pr,
    Macl,
    Mach,
}

/// A memory instruction's shape.
#[derive(Clone, Copy)]
struct Access {
    size: u8,
    store: bool,
    addr: Addr,
    data: Data,
    /// `@Rx+` loads: the register to increment afterwards.
    post_inc: Option<u8>,
}

/// The shape of `x` when it is a memory instruction the translator knows.
fn access(op: Op, x: &Insn) -> Option<Access> {
    use Op::*;
    let (n, m, w) = (x.n, x.m, x.w as u32);
    let d4 = w & 0xF;
    let imm = w & 0xFF;
    let ld = |size, addr, data| Access {
        size,
        store: false,
        addr,
        data,
        post_inc: None,
    };
    let st = |size, addr, data| Access {
        store: true,
        ..ld(size, addr, data)
    };
    let inc = |size, data: Data, r: u8| Access {
        post_inc: match data {
            Data::R(d) if d == r => None,
            _ => Some(r),
        },
        ..ld(size, Addr::R(r), data)
    };
    Some(match op {
        MovBL => ld(1, Addr::R(m), Data::R(n)),
        MovWL => ld(2, Addr::R(m), Data::R(n)),
        MovLL => ld(4, Addr::R(m), Data::R(n)),
        MovBLInc => inc(1, Data::R(n), m),
        MovWLInc => inc(2, Data::R(n), m),
        MovLLInc => inc(4, Data::R(n), m),
        MovBL0 => ld(1, Addr::R0(m), Data::R(n)),
        MovWL0 => ld(2, Addr::R0(m), Data::R(n)),
        MovLL0 => ld(4, Addr::R0(m), Data::R(n)),
        MovLLDisp => ld(4, Addr::Disp(m, d4 * 4), Data::R(n)),
        MovBL4 => ld(1, Addr::Disp(m, d4), Data::R(0)),
        MovWL4 => ld(2, Addr::Disp(m, d4 * 2), Data::R(0)),
        MovBLGbr => ld(1, Addr::Gbr(imm), Data::R(0)),
        MovWLGbr => ld(2, Addr::Gbr(imm * 2), Data::R(0)),
        MovLLGbr => ld(4, Addr::Gbr(imm * 4), Data::R(0)),
        MovWLPc => ld(2, Addr::Abs(x.pc.wrapping_add(4).wrapping_add(imm * 2)), Data::R(n)),
        MovLLPc => ld(
            4,
            Addr::Abs((x.pc & !3).wrapping_add(4).wrapping_add(imm * 4)),
            Data::R(n),
        ),
        LdsLPr => inc(4, Data::Pr, n),
        LdsLMacl => inc(4, Data::Macl, n),
        LdsLMach => inc(4, Data::Mach, n),
        MovBS => st(1, Addr::R(n), Data::R(m)),
        MovWS => st(2, Addr::R(n), Data::R(m)),
        MovLS => st(4, Addr::R(n), Data::R(m)),
        MovBSDec => st(1, Addr::PreDec(n), Data::R(m)),
        MovWSDec => st(2, Addr::PreDec(n), Data::R(m)),
        MovLSDec => st(4, Addr::PreDec(n), Data::R(m)),
        MovBS0 => st(1, Addr::R0(n), Data::R(m)),
        MovWS0 => st(2, Addr::R0(n), Data::R(m)),
        MovLS0 => st(4, Addr::R0(n), Data::R(m)),
        MovLSDisp => st(4, Addr::Disp(n, d4 * 4), Data::R(m)),
        MovBS4 => st(1, Addr::Disp(m, d4), Data::R(0)),
        MovWS4 => st(2, Addr::Disp(m, d4 * 2), Data::R(0)),
        MovBSGbr => st(1, Addr::Gbr(imm), Data::R(0)),
        MovWSGbr => st(2, Addr::Gbr(imm * 2), Data::R(0)),
        MovLSGbr => st(4, Addr::Gbr(imm * 4), Data::R(0)),
        StsLPr => st(4, Addr::PreDec(n), Data::Pr),
        StsLMacl => st(4, Addr::PreDec(n), Data::Macl),
        StsLMach => st(4, Addr::PreDec(n), Data::Mach),
        _ => return None,
    })
}

/// The operand of `d`.
fn data(d: Data) -> Rm {
    match d {
        Data::R(x) => reg(x),
        Data::Pr => Cpu::field(offset_of!(Cpu, pr)),
        Data::Macl => Cpu::field(offset_of!(Cpu, macl)),
        Data::Mach => Cpu::field(offset_of!(Cpu, mach)),
    }
}

/// Emits a memory access; on the slow path it bails to entry `k`.
fn emit_access(a: &mut Asm, bails: &mut Vec<(Fixup, u32)>, x: Access, k: u32) {
    let size = x.size as u32;
    if x.store {
        a.load(EDX, data(x.data));
    }
    // The address, in EAX.
    match x.addr {
        Addr::R(r) => a.load(EAX, reg(r)),
        Addr::Disp(r, d) => {
            a.load(EAX, reg(r));
            if d != 0 {
                a.alu_imm(Alu::Add, Rm::Reg(EAX), d);
            }
        }
        Addr::R0(r) => {
            a.load(EAX, reg(r));
            a.alu(Alu::Add, EAX, reg(0));
        }
        Addr::Gbr(d) => {
            a.load(EAX, Cpu::field(offset_of!(Cpu, gbr)));
            if d != 0 {
                a.alu_imm(Alu::Add, Rm::Reg(EAX), d);
            }
        }
        Addr::Abs(v) => a.mov_imm(EAX, v),
        Addr::PreDec(r) => {
            a.load(EAX, reg(r));
            a.alu_imm(Alu::Sub, Rm::Reg(EAX), size);
        }
    }
    // The page entry: fast-path page with the right permission, aligned access.
    a.load(ECX, Rm::Reg(EAX));
    a.shift(Shift::Shr, Rm::Reg(ECX), 16);
    a.load(ECX, Rm::Idx(R8, ECX, 2));
    a.test_imm(Rm::Reg(ECX), if x.store { PAGE_W } else { PAGE_R });
    bails.push((a.jcc(cc::E), k));
    if size > 1 {
        a.test_imm(Rm::Reg(EAX), size - 1);
        bails.push((a.jcc(cc::NE), k));
    }
    // The arena offset, in ECX.
    a.alu_imm(Alu::And, Rm::Reg(ECX), 0xFFFF_0000);
    a.movzx16(R11, Rm::Reg(EAX));
    a.alu(Alu::Add, ECX, Rm::Reg(R11));
    let at = Rm::Idx(R9, ECX, 0);
    if x.store {
        // Not over cached code (the interpreter invalidates it).
        a.load(R11, Rm::Reg(ECX));
        a.shift(Shift::Shr, Rm::Reg(R11), 1);
        if size == 4 {
            a.cmp16_zero(Rm::Idx(R10, R11, 0));
        } else {
            a.cmp8_zero(Rm::Idx(R10, R11, 0));
        }
        bails.push((a.jcc(cc::NE), k));
        match size {
            4 => {
                a.bswap(EDX);
                a.store(at, EDX);
            }
            2 => {
                a.swap16(EDX);
                a.store16(at, EDX);
            }
            _ => a.store8(at, EDX),
        }
        if let Addr::PreDec(r) = x.addr {
            a.store(reg(r), EAX);
        }
    } else {
        match size {
            4 => {
                a.load(EDX, at);
                a.bswap(EDX);
            }
            2 => {
                a.movzx16(EDX, at);
                a.swap16(EDX);
                a.movsx16(EDX, Rm::Reg(EDX));
            }
            _ => a.movsx8(EDX, at),
        }
        if let Some(r) = x.post_inc {
            a.alu_imm(Alu::Add, Rm::Reg(EAX), size);
            a.store(reg(r), EAX);
        }
        a.store(data(x.data), EDX);
    }
}

/// Sets SR.T from condition `c` of the flags.
fn set_t(a: &mut Asm, c: u8) {
    a.setcc(c, EAX);
    a.store(Cpu::field(offset_of!(Cpu, t)), EAX);
}

/// Loads SR.T into the host carry flag (clobbers EDX).
fn t_to_carry(a: &mut Asm) {
    a.load(EDX, Cpu::field(offset_of!(Cpu, t)));
    a.shift(Shift::Shr, Rm::Reg(EDX), 1);
}

/// Emits the plain (non-branch) instruction `x`, entry `k` of its run.
fn emit(a: &mut Asm, bails: &mut Vec<(Fixup, u32)>, op: Op, x: &Insn, k: u32) {
    use Op::*;
    if let Some(acc) = access(op, x) {
        emit_access(a, bails, acc, k);
        return;
    }
    let (rn, rm) = (reg(x.n), reg(x.m));
    let w = x.w as u32;
    let imm8 = w & 0xFF;
    let simm8 = w as u8 as i8 as i32 as u32;
    let f = |off: usize| Cpu::field(off);
    let t = f(offset_of!(Cpu, t));
    let (q, m) = (f(offset_of!(Cpu, q)), f(offset_of!(Cpu, m)));
    let (pr, macl, mach, gbr) = (
        f(offset_of!(Cpu, pr)),
        f(offset_of!(Cpu, macl)),
        f(offset_of!(Cpu, mach)),
        f(offset_of!(Cpu, gbr)),
    );
    let eax = Rm::Reg(EAX);
    let ecx = Rm::Reg(ECX);
    // Rn = f(Rm) through EAX.
    let unary = |a: &mut Asm, g: &dyn Fn(&mut Asm)| {
        a.load(EAX, rm);
        g(a);
        a.store(rn, EAX);
    };
    // Rn op= Rm.
    let binary = |a: &mut Asm, o: Alu| {
        a.load(EAX, rm);
        a.alu_to(o, rn, EAX);
    };
    let compare = |a: &mut Asm, c: u8| {
        a.load(EAX, rm);
        a.alu_to(Alu::Cmp, rn, EAX);
        set_t(a, c);
    };
    match op {
        Mov => unary(a, &|_| {}),
        MovI => a.store_imm(rn, simm8),
        Mova => a.store_imm(
            reg(0),
            (x.pc & !3).wrapping_add(4).wrapping_add(imm8 * 4),
        ),
        Add => binary(a, Alu::Add),
        Sub => binary(a, Alu::Sub),
        And => binary(a, Alu::And),
        Or => binary(a, Alu::Or),
        Xor => binary(a, Alu::Xor),
        AddI => a.alu_imm(Alu::Add, rn, simm8),
        AndI => a.alu_imm(Alu::And, reg(0), imm8),
        OrI => a.alu_imm(Alu::Or, reg(0), imm8),
        XorI => a.alu_imm(Alu::Xor, reg(0), imm8),
        Not => unary(a, &|a| a.not(eax)),
        Neg => unary(a, &|a| a.neg(eax)),
        Addc | Subc => {
            a.load(EAX, rm);
            a.load(ECX, rn);
            t_to_carry(a);
            a.alu(if op == Addc { Alu::Adc } else { Alu::Sbb }, ECX, eax);
            a.setcc(cc::B, EDX);
            a.store(t, EDX);
            a.store(rn, ECX);
        }
        Addv | Subv => {
            binary(a, if op == Addv { Alu::Add } else { Alu::Sub });
            set_t(a, cc::O);
        }
        Negc => {
            a.alu(Alu::Xor, ECX, ecx);
            a.load(EAX, rm);
            t_to_carry(a);
            a.alu(Alu::Sbb, ECX, eax);
            a.setcc(cc::B, EDX);
            a.store(t, EDX);
            a.store(rn, ECX);
        }
        Tst => {
            a.load(EAX, rm);
            a.test(rn, EAX);
            set_t(a, cc::E);
        }
        TstI => {
            a.test_imm(reg(0), imm8);
            set_t(a, cc::E);
        }
        CmpEq => compare(a, cc::E),
        CmpHs => compare(a, cc::AE),
        CmpGe => compare(a, cc::GE),
        CmpHi => compare(a, cc::A),
        CmpGt => compare(a, cc::G),
        CmpEqI => {
            a.alu_imm(Alu::Cmp, reg(0), simm8);
            set_t(a, cc::E);
        }
        CmpPz | CmpPl => {
            a.alu_imm(Alu::Cmp, rn, 0);
            set_t(a, if op == CmpPz { cc::GE } else { cc::G });
        }
        CmpStr => {
            // A zero byte in Rn ^ Rm: (v - 0x01010101) & !v & 0x80808080 != 0.
            a.load(EAX, rn);
            a.alu(Alu::Xor, EAX, rm);
            a.load(ECX, eax);
            a.alu_imm(Alu::Sub, ecx, 0x0101_0101);
            a.not(eax);
            a.alu(Alu::And, ECX, eax);
            a.test_imm(ecx, 0x8080_8080);
            set_t(a, cc::NE);
        }
        ExtuB => {
            a.movzx8(EAX, rm);
            a.store(rn, EAX);
        }
        ExtuW => {
            a.movzx16(EAX, rm);
            a.store(rn, EAX);
        }
        ExtsB => {
            a.movsx8(EAX, rm);
            a.store(rn, EAX);
        }
        ExtsW => {
            a.movsx16(EAX, rm);
            a.store(rn, EAX);
        }
        SwapB => unary(a, &|a| a.swap16(EAX)),
        SwapW => unary(a, &|a| a.shift(Shift::Rol, eax, 16)),
        Xtrct => {
            a.load(EAX, rm);
            a.shift(Shift::Shl, eax, 16);
            a.load(ECX, rn);
            a.shift(Shift::Shr, ecx, 16);
            a.alu(Alu::Or, EAX, ecx);
            a.store(rn, EAX);
        }
        Shll | Shal | Shlr | Shar | Rotl | Rotr => {
            let s = match op {
                Shll | Shal => Shift::Shl,
                Shlr => Shift::Shr,
                Shar => Shift::Sar,
                Rotl => Shift::Rol,
                _ => Shift::Ror,
            };
            a.shift(s, rn, 1);
            set_t(a, cc::B);
        }
        Rotcl | Rotcr => {
            t_to_carry(a);
            a.shift(if op == Rotcl { Shift::Rcl } else { Shift::Rcr }, rn, 1);
            set_t(a, cc::B);
        }
        Shll2 => a.shift(Shift::Shl, rn, 2),
        Shll8 => a.shift(Shift::Shl, rn, 8),
        Shll16 => a.shift(Shift::Shl, rn, 16),
        Shlr2 => a.shift(Shift::Shr, rn, 2),
        Shlr8 => a.shift(Shift::Shr, rn, 8),
        Shlr16 => a.shift(Shift::Shr, rn, 16),
        Shad | Shld => {
            // Rm >= 0: left by Rm & 31; else right by 32 - (Rm & 31), where a count of
            // 32 gives the sign (shad) or 0 (shld).
            a.load(ECX, rm);
            a.load(EAX, rn);
            a.test(ecx, ECX);
            let right = a.jcc(cc::S);
            a.shift_cl(Shift::Shl, eax);
            let done = a.jmp();
            a.bind(right);
            a.neg(ecx);
            a.alu_imm(Alu::And, ecx, 31);
            let full = a.jcc(cc::E);
            a.shift_cl(if op == Shad { Shift::Sar } else { Shift::Shr }, eax);
            let done2 = a.jmp();
            a.bind(full);
            if op == Shad {
                a.shift(Shift::Sar, eax, 31);
            } else {
                a.alu(Alu::Xor, EAX, eax);
            }
            a.bind(done);
            a.bind(done2);
            a.store(rn, EAX);
        }
        Dt => {
            a.alu_imm(Alu::Sub, rn, 1);
            set_t(a, cc::E);
        }
        Movt => {
            a.load(EAX, t);
            a.store(rn, EAX);
        }
        Clrt => a.store_imm(t, 0),
        Sett => a.store_imm(t, 1),
        Clrs => a.store_imm(f(offset_of!(Cpu, s)), 0),
        Sets => a.store_imm(f(offset_of!(Cpu, s)), 1),
        MulL => {
            a.load(EAX, rn);
            a.imul(EAX, rm);
            a.store(macl, EAX);
        }
        MuluW | MulsW => {
            if op == MuluW {
                a.movzx16(EAX, rn);
                a.movzx16(ECX, rm);
            } else {
                a.movsx16(EAX, rn);
                a.movsx16(ECX, rm);
            }
            a.imul(EAX, ecx);
            a.store(macl, EAX);
        }
        DmuluL | DmulsL => {
            a.load(EAX, rn);
            a.mul_wide(op == DmulsL, rm);
            a.store(macl, EAX);
            a.store(mach, EDX);
        }
        Div0u => {
            a.store_imm(q, 0);
            a.store_imm(m, 0);
            a.store_imm(t, 0);
        }
        Div0s => {
            a.load(EAX, rn);
            a.shift(Shift::Shr, eax, 31);
            a.store(q, EAX);
            a.load(ECX, rm);
            a.shift(Shift::Shr, ecx, 31);
            a.store(m, ECX);
            a.alu(Alu::Xor, EAX, ecx);
            a.store(t, EAX);
        }
        Div1 => {
            // ECX = new Q (Rn's top bit); EAX = (Rn << 1) | T, then -/+ Rm as old Q == M.
            a.load(EAX, rn);
            a.load(ECX, eax);
            a.shift(Shift::Shr, ecx, 31);
            t_to_carry(a);
            a.shift(Shift::Rcl, eax, 1);
            a.load(EDX, q);
            a.alu(Alu::Cmp, EDX, m);
            let add = a.jcc(cc::NE);
            a.alu(Alu::Sub, EAX, rm);
            let done = a.jmp();
            a.bind(add);
            a.alu(Alu::Add, EAX, rm);
            a.bind(done);
            a.setcc(cc::B, EDX);
            a.store(rn, EAX);
            // Q ^= carry ^ M; T = Q == M.
            a.alu(Alu::Xor, ECX, Rm::Reg(EDX));
            a.alu(Alu::Xor, ECX, m);
            a.store(q, ECX);
            a.alu(Alu::Cmp, ECX, m);
            set_t(a, cc::E);
        }
        StsPr | StsMacl | StsMach | StcGbr => {
            let src = match op {
                StsPr => pr,
                StsMacl => macl,
                StsMach => mach,
                _ => gbr,
            };
            a.load(EAX, src);
            a.store(rn, EAX);
        }
        LdsPr | LdsMacl | LdsMach | LdcGbr => {
            let dst = match op {
                LdsPr => pr,
                LdsMacl => macl,
                LdsMach => mach,
                _ => gbr,
            };
            a.load(EAX, rn);
            a.store(dst, EAX);
        }
        Clrmac => {
            a.store_imm(mach, 0);
            a.store_imm(macl, 0);
        }
        Nop | Pref | Synco | Prefi | Icbi | Ocbi | Ocbp | Ocbwb => {}
        _ => unreachable!("not a translated instruction: {op:?}"),
    }
}

/// The handler of the first entry of a translated run: runs the host code, then goes
/// on at the entry it returns (for a bail at the first instruction, that instruction's
/// own handler).
pub(crate) fn op_native(cpu: &mut Cpu, i: *const Insn) {
    // SAFETY: `i` is the entry being executed; its `link` is the run's code, made by
    // `Jit::translate` for this entry's block and alive until the blocks are flushed
    // (which never happens while a chain runs). The view was refreshed when the run
    // started; the memory has not been remapped since.
    let k = unsafe {
        let f: Native = std::mem::transmute((*i).link);
        let view = &raw const cpu.view;
        f(cpu, view)
    } as usize;
    if k == 0 {
        // SAFETY: `i` is the entry being executed.
        // (Only memory instructions bail; they have their word's own handler.)
        let h = handler_of(unsafe { (*i).w }).1;
        become h(cpu, i)
    }
    // SAFETY: the run returns an index inside its block (an entry or terminator).
    let j = unsafe { i.add(k) };
    become (unsafe { (*j).h })(cpu, j)
}
