//! The translation of each instruction, and the state of a run being translated:
//! which SH registers live in host registers.

use super::super::Cpu;
use super::super::decode::{DECODE, Op};
use super::super::exec::{HANDLERS, Handler, Insn, op_div1_run};
use super::x64::{Alu, Asm, Fixup, Rm, Shift, cc};
use super::x64::{EAX, ECX, EDX, R8, R9, R10, R11, R12, R13, R14, R15, RBP, RBX, RDI, RSI};
use super::{MemView, op_native};
use crate::machine::page::{PAGE_R, PAGE_W};
use std::mem::offset_of;

/// Slot of SR.T among the values a run may keep in host registers (R0-R15 are 0-15).
pub(super) const SLOT_T: usize = 16;
/// Slot of SR.Q.
pub(super) const SLOT_Q: usize = 17;
/// Slot of SR.M.
pub(super) const SLOT_M: usize = 18;
/// Number of slots.
const SLOTS: usize = 19;

/// Host registers that hold slots (callee-saved ones are pushed by the prologue).
const POOL: [u8; 7] = [RSI, RBX, RBP, R12, R13, R14, R15];

/// A field of the CPU structure (RDI) as a memory operand.
pub(super) fn field(off: usize) -> Rm {
    Rm::Mem(RDI, off as i32)
}

/// Where slot `s` lives in the CPU structure.
fn home(s: usize) -> Rm {
    match s {
        0..16 => field(offset_of!(Cpu, r) + 4 * s),
        SLOT_T => field(offset_of!(Cpu, t)),
        SLOT_Q => field(offset_of!(Cpu, q)),
        _ => field(offset_of!(Cpu, m)),
    }
}

/// Callee-saved registers, pushed by every run's prologue (the pool may use them).
const CALLEE_SAVED: [u8; 6] = [RBX, RBP, R12, R13, R14, R15];

/// Restores the callee-saved registers and returns (RAX: the entry to go on at).
fn leave(a: &mut Asm) {
    for r in CALLEE_SAVED.iter().rev() {
        a.pop(*r);
    }
    a.ret();
}

/// Where a run goes on (entries by index in the run).
#[derive(Clone, Copy)]
pub(super) enum Exit {
    /// An entry the interpreter runs.
    Entry(u32),
    /// A terminator with a fixed successor at this address (`exec::op_end_fall`).
    Fall(u32, u32),
    /// The terminator after a computed branch (`exec::op_end_jump`).
    Jump(u32),
}

/// A run being assembled: the code, its bails, and the slots held in host registers.
///
/// A run is assembled twice: the first time with no slot in a host register, to count
/// uses; the second with the most used slots in host registers. Those are loaded by the
/// prologue and stored back (the ones the run writes) at every exit.
pub(super) struct Ctx {
    /// The code.
    pub(super) a: Asm,
    /// Jumps to bail stubs, with the entry index of the instruction that bails.
    bails: Vec<(Fixup, u32)>,
    /// Index (in the run) of the entry being translated.
    pub(super) k: u32,
    /// The run's first entry (entries never move while their block lives).
    pub(super) base: *const Insn,
    /// Where a chained run enters: after the fixed part of the prologue.
    chain_entry: i32,
    /// Host register of each slot, if any.
    host: [Option<u8>; SLOTS],
    /// Uses of each slot so far.
    uses: [u32; SLOTS],
    /// Slots written so far.
    written: [bool; SLOTS],
    /// Slots to store back at exits (those the whole run writes).
    store_back: [bool; SLOTS],
}

impl Ctx {
    /// A context with no slot in a host register (the counting pass).
    pub(super) fn counting() -> Ctx {
        Ctx {
            a: Asm::default(),
            bails: Vec::new(),
            k: 0,
            base: std::ptr::null(),
            chain_entry: 0,
            host: [None; SLOTS],
            uses: [0; SLOTS],
            written: [false; SLOTS],
            store_back: [false; SLOTS],
        }
    }

    /// A context for the final pass, keeping in host registers the slots `counted`
    /// used most (at least twice).
    pub(super) fn allocating(counted: &Ctx) -> Ctx {
        let mut order: Vec<usize> = (0..SLOTS).filter(|&s| counted.uses[s] >= 2).collect();
        order.sort_by_key(|&s| std::cmp::Reverse(counted.uses[s]));
        let mut cx = Ctx::counting();
        for (s, r) in order.into_iter().zip(POOL) {
            cx.host[s] = Some(r);
        }
        cx.store_back = counted.written;
        cx
    }

    /// A slot read.
    pub(super) fn r(&mut self, s: usize) -> Rm {
        self.uses[s] += 1;
        self.host[s].map_or(home(s), Rm::Reg)
    }

    /// A slot written (or read and written).
    pub(super) fn w(&mut self, s: usize) -> Rm {
        self.written[s] = true;
        self.r(s)
    }

    /// The register a memory instruction loads (`write`) or stores.
    fn data(&mut self, d: Data, write: bool) -> Rm {
        match d {
            Data::R(x) if write => self.w(x as usize),
            Data::R(x) => self.r(x as usize),
            Data::Pr => field(offset_of!(Cpu, pr)),
            Data::Macl => field(offset_of!(Cpu, macl)),
            Data::Mach => field(offset_of!(Cpu, mach)),
        }
    }

    /// Saves the callee-saved registers and loads the memory view (the same code for
    /// every run: its length is [`Ctx::chain_entry`]), then loads the slots kept in host registers
    /// (where a run chained from another one enters).
    pub(super) fn prologue(&mut self) {
        for r in CALLEE_SAVED {
            self.a.push(r);
        }
        let view = offset_of!(Cpu, view);
        self.a.load64(R8, field(view + offset_of!(MemView, pages)));
        self.a.load64(R9, field(view + offset_of!(MemView, arena)));
        self.a.load64(R10, field(view + offset_of!(MemView, code)));
        self.chain_entry = self.a.code.len() as i32;
        for s in 0..SLOTS {
            if let Some(r) = self.host[s] {
                self.a.load(r, home(s));
            }
        }
    }

    /// Leaves the run for `to` (stores slots back; chains to the next run or restores
    /// registers and returns).
    pub(super) fn exit(&mut self, to: Exit) {
        for s in 0..SLOTS {
            if let (Some(r), true) = (self.host[s], self.store_back[s]) {
                self.a.store(home(s), r);
            }
        }
        let a = &mut self.a;
        let entry = |k: u32| self.base.wrapping_add(k as usize) as u64;
        let link = offset_of!(Insn, link) as i32;
        let pc = offset_of!(Insn, pc) as i32;
        let mut fails = Vec::new();
        match to {
            Exit::Entry(k) => {
                a.mov_imm64(EAX, entry(k));
                leave(a);
                return;
            }
            // As `op_end_fall`: the linked block, if it still starts at `to_pc`.
            Exit::Fall(k, to_pc) => {
                a.mov_imm64(EAX, entry(k));
                a.load64(ECX, Rm::Mem(EAX, link));
                a.alu_imm(Alu::Cmp, Rm::Mem(ECX, pc), to_pc);
                fails.push(a.jcc(cc::NE));
            }
            // As `op_end_jump`: the last target, if the PC is there again; else (as
            // `op_link`) the block at the PC, which becomes the last target.
            Exit::Jump(k) => {
                a.mov_imm64(EAX, entry(k));
                a.load(ECX, field(offset_of!(Cpu, pc)));
                a.alu(Alu::Cmp, ECX, Rm::Mem(EAX, pc));
                let miss = a.jcc(cc::NE);
                a.load64(R11, Rm::Mem(EAX, link));
                a.alu(Alu::Cmp, ECX, Rm::Mem(R11, pc));
                let hit = a.jcc(cc::E);
                a.bind(miss);
                // R11: the page entry; fast-path page, even PC.
                a.load(R11, Rm::Reg(ECX));
                a.shift(Shift::Shr, Rm::Reg(R11), 16);
                a.load(R11, Rm::Idx(R8, R11, 2));
                a.test_imm(Rm::Reg(R11), PAGE_R);
                fails.push(a.jcc(cc::E));
                a.test_imm(Rm::Reg(ECX), 1);
                fails.push(a.jcc(cc::NE));
                // The block map entry of the arena halfword: a header index, or 0.
                a.alu_imm(Alu::And, Rm::Reg(R11), 0xFFFF_0000);
                a.movzx16(EDX, Rm::Reg(ECX));
                a.alu(Alu::Add, R11, Rm::Reg(EDX));
                a.shift(Shift::Shr, Rm::Reg(R11), 1);
                let view = offset_of!(Cpu, view);
                a.load64(EDX, field(view + offset_of!(MemView, blockmap)));
                a.load(R11, Rm::Idx(EDX, R11, 2));
                a.test(Rm::Reg(R11), R11);
                fails.push(a.jcc(cc::E));
                a.shift64(
                    Shift::Shl,
                    Rm::Reg(R11),
                    size_of::<Insn>().trailing_zeros() as u8,
                );
                a.alu64(Alu::Add, R11, field(view + offset_of!(MemView, insns)));
                // The same storage may be seen at several addresses: the block's own.
                a.alu(Alu::Cmp, ECX, Rm::Mem(R11, pc));
                fails.push(a.jcc(cc::NE));
                a.store(Rm::Mem(EAX, pc), ECX);
                a.store64(Rm::Mem(EAX, link), R11);
                a.bind(hit);
                a.load64(ECX, Rm::Reg(R11));
            }
        }
        // RCX: the next block's header. Enter it if it fits in the budget: count it,
        // then jump to its translation (or return its first entry).
        let icount = field(offset_of!(Cpu, icount));
        a.movzx16(EDX, Rm::Mem(ECX, offset_of!(Insn, w) as i32));
        a.alu64(Alu::Add, EDX, icount);
        a.alu64(Alu::Cmp, EDX, field(offset_of!(Cpu, limit)));
        fails.push(a.jcc(cc::A));
        a.store64(icount, EDX);
        a.lea64(EAX, Rm::Mem(ECX, size_of::<Insn>() as i32));
        a.load64(EDX, Rm::Mem(EAX, offset_of!(Insn, h) as i32));
        a.mov_imm64(R11, op_native as Handler as usize as u64);
        a.alu64(Alu::Cmp, EDX, Rm::Reg(R11));
        fails.push(a.jcc(cc::NE));
        // Into the next run after its fixed prologue (the registers are saved and
        // the view loaded already).
        a.load64(EDX, Rm::Mem(EAX, link));
        a.lea64(EDX, Rm::Mem(EDX, self.chain_entry));
        a.jmp_reg(EDX);
        for f in fails {
            a.bind(f);
        }
        leave(a);
    }

    /// Leaves the run for the interpreter at the current entry when `cond` holds (the
    /// instruction has changed nothing yet).
    fn bail(&mut self, cond: u8) {
        let f = self.a.jcc(cond);
        self.bails.push((f, self.k));
    }

    /// Emits the bail stubs (one per entry that bails).
    pub(super) fn finish(&mut self) {
        let mut bails = std::mem::take(&mut self.bails);
        bails.sort_by_key(|b| b.1);
        let mut stub = (u32::MAX, 0);
        for (f, k) in bails {
            if stub.0 != k {
                stub = (k, self.a.code.len());
                self.exit(Exit::Entry(k));
            }
            self.a.bind_to(f, stub.1);
        }
    }

    /// Sets SR.T from condition `c` of the host flags.
    fn set_t(&mut self, c: u8) {
        self.a.setcc(c, EAX);
        let t = self.w(SLOT_T);
        self.a.store(t, EAX);
    }

    /// Loads SR.T into the host carry flag (clobbers EDX).
    fn t_to_carry(&mut self) {
        let t = self.r(SLOT_T);
        self.a.load(EDX, t);
        self.a.shift(Shift::Shr, Rm::Reg(EDX), 1);
    }
}

/// The operation of an entry the translator knows, or `None`.
pub(super) fn kind(x: &Insn) -> Option<Op> {
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
    ) || is_branch(op)
        || access(op, x).is_some();
    known.then_some(op)
}

/// Whether `op` is one of the translated branches (they end a block).
pub(super) fn is_branch(op: Op) -> bool {
    use Op::*;
    matches!(
        op,
        Bt | Bf | BtS | BfS | Bra | Bsr | Rts | Jmp | Jsr | Braf | Bsrf
    )
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
        MovWLPc => ld(
            2,
            Addr::Abs(x.pc.wrapping_add(4).wrapping_add(imm * 2)),
            Data::R(n),
        ),
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

/// Emits a memory access; on the slow path it bails to entry `k`.
fn emit_access(cx: &mut Ctx, x: Access) {
    let size = x.size as u32;
    if x.store {
        let v = cx.data(x.data, false);
        cx.a.load(EDX, v);
    }
    // The address, in EAX.
    match x.addr {
        Addr::R(r) => {
            let r = cx.r(r as usize);
            cx.a.load(EAX, r);
        }
        Addr::Disp(r, d) => {
            let r = cx.r(r as usize);
            let a = &mut cx.a;
            a.load(EAX, r);
            if d != 0 {
                a.alu_imm(Alu::Add, Rm::Reg(EAX), d);
            }
        }
        Addr::R0(r) => {
            let (r, r0) = (cx.r(r as usize), cx.r(0));
            cx.a.load(EAX, r);
            cx.a.alu(Alu::Add, EAX, r0);
        }
        Addr::Gbr(d) => {
            let a = &mut cx.a;
            a.load(EAX, field(offset_of!(Cpu, gbr)));
            if d != 0 {
                a.alu_imm(Alu::Add, Rm::Reg(EAX), d);
            }
        }
        Addr::Abs(v) => cx.a.mov_imm(EAX, v),
        Addr::PreDec(r) => {
            let r = cx.r(r as usize);
            cx.a.load(EAX, r);
            cx.a.alu_imm(Alu::Sub, Rm::Reg(EAX), size);
        }
    }
    let a = &mut cx.a;
    // The page entry: fast-path page with the right permission, aligned access.
    a.load(ECX, Rm::Reg(EAX));
    a.shift(Shift::Shr, Rm::Reg(ECX), 16);
    a.load(ECX, Rm::Idx(R8, ECX, 2));
    a.test_imm(Rm::Reg(ECX), if x.store { PAGE_W } else { PAGE_R });
    cx.bail(cc::E);
    let a = &mut cx.a;
    if size > 1 {
        a.test_imm(Rm::Reg(EAX), size - 1);
        cx.bail(cc::NE);
    }
    let a = &mut cx.a;
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
        cx.bail(cc::NE);
        let a = &mut cx.a;
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
            let r = cx.w(r as usize);
            cx.a.store(r, EAX);
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
            let r = cx.w(r as usize);
            cx.a.store(r, EAX);
        }
        let d = cx.data(x.data, true);
        cx.a.store(d, EDX);
    }
}

/// Emits the plain (non-branch) instruction `x`.
pub(super) fn emit(cx: &mut Ctx, op: Op, x: &Insn) {
    use Op::*;
    if let Some(acc) = access(op, x) {
        emit_access(cx, acc);
        return;
    }
    let (n, m) = (x.n as usize, x.m as usize);
    let w = x.w as u32;
    let imm8 = w & 0xFF;
    let simm8 = w as u8 as i8 as i32 as u32;
    let (pr, macl, mach, gbr) = (
        field(offset_of!(Cpu, pr)),
        field(offset_of!(Cpu, macl)),
        field(offset_of!(Cpu, mach)),
        field(offset_of!(Cpu, gbr)),
    );
    let eax = Rm::Reg(EAX);
    let ecx = Rm::Reg(ECX);
    match op {
        Mov | Not | Neg | SwapB | SwapW => {
            let (rm, rn) = (cx.r(m), cx.w(n));
            let a = &mut cx.a;
            a.load(EAX, rm);
            match op {
                Not => a.not(eax),
                Neg => a.neg(eax),
                SwapB => a.swap16(EAX),
                SwapW => a.shift(Shift::Rol, eax, 16),
                _ => {}
            }
            a.store(rn, EAX);
        }
        MovI => {
            let rn = cx.w(n);
            cx.a.store_imm(rn, simm8);
        }
        Mova => {
            let r0 = cx.w(0);
            cx.a.store_imm(r0, (x.pc & !3).wrapping_add(4).wrapping_add(imm8 * 4));
        }
        Add | Sub | And | Or | Xor | Addv | Subv => {
            let (rm, rn) = (cx.r(m), cx.w(n));
            let o = match op {
                Add | Addv => Alu::Add,
                Sub | Subv => Alu::Sub,
                And => Alu::And,
                Or => Alu::Or,
                _ => Alu::Xor,
            };
            cx.a.load(EAX, rm);
            cx.a.alu_to(o, rn, EAX);
            if matches!(op, Addv | Subv) {
                cx.set_t(cc::O);
            }
        }
        AddI => {
            let rn = cx.w(n);
            cx.a.alu_imm(Alu::Add, rn, simm8);
        }
        AndI | OrI | XorI => {
            let r0 = cx.w(0);
            let o = match op {
                AndI => Alu::And,
                OrI => Alu::Or,
                _ => Alu::Xor,
            };
            cx.a.alu_imm(o, r0, imm8);
        }
        Addc | Subc => {
            let (rm, rn) = (cx.r(m), cx.w(n));
            cx.a.load(EAX, rm);
            cx.a.load(ECX, rn);
            cx.t_to_carry();
            let a = &mut cx.a;
            a.alu(if op == Addc { Alu::Adc } else { Alu::Sbb }, ECX, eax);
            a.setcc(cc::B, EDX);
            a.store(rn, ECX);
            let t = cx.w(SLOT_T);
            cx.a.store(t, EDX);
        }
        Negc => {
            let (rm, rn) = (cx.r(m), cx.w(n));
            cx.a.alu(Alu::Xor, ECX, ecx);
            cx.a.load(EAX, rm);
            cx.t_to_carry();
            let a = &mut cx.a;
            a.alu(Alu::Sbb, ECX, eax);
            a.setcc(cc::B, EDX);
            a.store(rn, ECX);
            let t = cx.w(SLOT_T);
            cx.a.store(t, EDX);
        }
        Tst | CmpEq | CmpHs | CmpGe | CmpHi | CmpGt => {
            let (rm, rn) = (cx.r(m), cx.r(n));
            cx.a.load(EAX, rm);
            let c = match op {
                Tst => {
                    cx.a.test(rn, EAX);
                    cc::E
                }
                _ => {
                    cx.a.alu_to(Alu::Cmp, rn, EAX);
                    match op {
                        CmpEq => cc::E,
                        CmpHs => cc::AE,
                        CmpGe => cc::GE,
                        CmpHi => cc::A,
                        _ => cc::G,
                    }
                }
            };
            cx.set_t(c);
        }
        TstI => {
            let r0 = cx.r(0);
            cx.a.test_imm(r0, imm8);
            cx.set_t(cc::E);
        }
        CmpEqI => {
            let r0 = cx.r(0);
            cx.a.alu_imm(Alu::Cmp, r0, simm8);
            cx.set_t(cc::E);
        }
        CmpPz | CmpPl => {
            let rn = cx.r(n);
            cx.a.alu_imm(Alu::Cmp, rn, 0);
            cx.set_t(if op == CmpPz { cc::GE } else { cc::G });
        }
        CmpStr => {
            // A zero byte in Rn ^ Rm: (v - 0x01010101) & !v & 0x80808080 != 0.
            let (rm, rn) = (cx.r(m), cx.r(n));
            let a = &mut cx.a;
            a.load(EAX, rn);
            a.alu(Alu::Xor, EAX, rm);
            a.load(ECX, eax);
            a.alu_imm(Alu::Sub, ecx, 0x0101_0101);
            a.not(eax);
            a.alu(Alu::And, ECX, eax);
            a.test_imm(ecx, 0x8080_8080);
            cx.set_t(cc::NE);
        }
        ExtuB | ExtuW | ExtsB | ExtsW => {
            let (rm, rn) = (cx.r(m), cx.w(n));
            let a = &mut cx.a;
            match op {
                ExtuB => a.movzx8(EAX, rm),
                ExtuW => a.movzx16(EAX, rm),
                ExtsB => a.movsx8(EAX, rm),
                _ => a.movsx16(EAX, rm),
            }
            a.store(rn, EAX);
        }
        Xtrct => {
            let (rm, rn) = (cx.r(m), cx.w(n));
            let a = &mut cx.a;
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
            let rn = cx.w(n);
            cx.a.shift(s, rn, 1);
            cx.set_t(cc::B);
        }
        Rotcl | Rotcr => {
            let rn = cx.w(n);
            cx.t_to_carry();
            cx.a.shift(if op == Rotcl { Shift::Rcl } else { Shift::Rcr }, rn, 1);
            cx.set_t(cc::B);
        }
        Shll2 | Shll8 | Shll16 | Shlr2 | Shlr8 | Shlr16 => {
            let (s, k) = match op {
                Shll2 => (Shift::Shl, 2),
                Shll8 => (Shift::Shl, 8),
                Shll16 => (Shift::Shl, 16),
                Shlr2 => (Shift::Shr, 2),
                Shlr8 => (Shift::Shr, 8),
                _ => (Shift::Shr, 16),
            };
            let rn = cx.w(n);
            cx.a.shift(s, rn, k);
        }
        Shad | Shld => {
            // Rm >= 0: left by Rm & 31; else right by 32 - (Rm & 31), where a count of
            // 32 gives the sign (shad) or 0 (shld).
            let (rm, rn) = (cx.r(m), cx.w(n));
            let a = &mut cx.a;
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
            let rn = cx.w(n);
            cx.a.alu_imm(Alu::Sub, rn, 1);
            cx.set_t(cc::E);
        }
        Movt => {
            let (t, rn) = (cx.r(SLOT_T), cx.w(n));
            cx.a.load(EAX, t);
            cx.a.store(rn, EAX);
        }
        Clrt | Sett => {
            let t = cx.w(SLOT_T);
            cx.a.store_imm(t, (op == Sett) as u32);
        }
        Clrs | Sets => {
            cx.a.store_imm(field(offset_of!(Cpu, s)), (op == Sets) as u32)
        }
        MulL => {
            let (rm, rn) = (cx.r(m), cx.r(n));
            cx.a.load(EAX, rn);
            cx.a.imul(EAX, rm);
            cx.a.store(macl, EAX);
        }
        MuluW | MulsW => {
            let (rm, rn) = (cx.r(m), cx.r(n));
            let a = &mut cx.a;
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
            let (rm, rn) = (cx.r(m), cx.r(n));
            let a = &mut cx.a;
            a.load(EAX, rn);
            a.mul_wide(op == DmulsL, rm);
            a.store(macl, EAX);
            a.store(mach, EDX);
        }
        Div0u => {
            let (q, mm, t) = (cx.w(SLOT_Q), cx.w(SLOT_M), cx.w(SLOT_T));
            cx.a.store_imm(q, 0);
            cx.a.store_imm(mm, 0);
            cx.a.store_imm(t, 0);
        }
        Div0s => {
            let (rm, rn) = (cx.r(m), cx.r(n));
            let (q, mm, t) = (cx.w(SLOT_Q), cx.w(SLOT_M), cx.w(SLOT_T));
            let a = &mut cx.a;
            a.load(EAX, rn);
            a.shift(Shift::Shr, eax, 31);
            a.load(ECX, rm);
            a.shift(Shift::Shr, ecx, 31);
            a.store(q, EAX);
            a.store(mm, ECX);
            a.alu(Alu::Xor, EAX, ecx);
            a.store(t, EAX);
        }
        Div1 => {
            // ECX = new Q (Rn's top bit); EAX = (Rn << 1) | T, then -/+ Rm as old Q == M.
            let (rm, rn) = (cx.r(m), cx.w(n));
            let (q, mm) = (cx.w(SLOT_Q), cx.r(SLOT_M));
            cx.a.load(EAX, rn);
            cx.a.load(ECX, eax);
            cx.a.shift(Shift::Shr, ecx, 31);
            cx.t_to_carry();
            let a = &mut cx.a;
            a.shift(Shift::Rcl, eax, 1);
            a.load(EDX, q);
            a.alu(Alu::Cmp, EDX, mm);
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
            a.alu(Alu::Xor, ECX, mm);
            a.store(q, ECX);
            a.alu(Alu::Cmp, ECX, mm);
            cx.set_t(cc::E);
        }
        StsPr | StsMacl | StsMach | StcGbr => {
            let src = match op {
                StsPr => pr,
                StsMacl => macl,
                StsMach => mach,
                _ => gbr,
            };
            let rn = cx.w(n);
            cx.a.load(EAX, src);
            cx.a.store(rn, EAX);
        }
        LdsPr | LdsMacl | LdsMach | LdcGbr => {
            let dst = match op {
                LdsPr => pr,
                LdsMacl => macl,
                LdsMach => mach,
                _ => gbr,
            };
            let rn = cx.r(n);
            cx.a.load(EAX, rn);
            cx.a.store(dst, EAX);
        }
        Clrmac => {
            cx.a.store_imm(mach, 0);
            cx.a.store_imm(macl, 0);
        }
        Nop | Pref | Synco | Prefi | Icbi | Ocbi | Ocbp | Ocbwb => {}
        _ => unreachable!("not a translated instruction: {op:?}"),
    }
}
