//! A minimal x86-64 assembler: just the instruction forms the translator emits.
//!
//! Registers are numbered as in the encoding (`EAX` = 0 ... `R11` = 11); operations are
//! 32-bit unless their name says otherwise. Memory operands are `[base + disp]` or
//! `[base + index * scale]` with `base` any register but RSP/RBP/R12/R13 (the
//! translator only uses RDI and R8-R10 as bases).

/// Accumulator / scratch.
pub const EAX: u8 = 0;
/// Scratch (shift counts).
pub const ECX: u8 = 1;
/// Scratch (`mul` high half).
pub const EDX: u8 = 2;
/// Callee-saved.
pub const RBX: u8 = 3;
/// Callee-saved.
pub const RBP: u8 = 5;
/// Second argument register.
pub const RSI: u8 = 6;
/// First argument register: the CPU state.
pub const RDI: u8 = 7;
/// The page table.
pub const R8: u8 = 8;
/// The memory arena.
pub const R9: u8 = 9;
/// The per-halfword "is code" flags.
pub const R10: u8 = 10;
/// Scratch.
pub const R11: u8 = 11;
/// Callee-saved.
pub const R12: u8 = 12;
/// Callee-saved.
pub const R13: u8 = 13;
/// Callee-saved.
pub const R14: u8 = 14;
/// Callee-saved.
pub const R15: u8 = 15;

/// Condition codes (the low nibble of `jcc`/`setcc`).
pub mod cc {
    /// Overflow.
    pub const O: u8 = 0x0;
    /// Below (carry).
    pub const B: u8 = 0x2;
    /// Above or equal (no carry).
    pub const AE: u8 = 0x3;
    /// Equal (zero).
    pub const E: u8 = 0x4;
    /// Not equal (not zero).
    pub const NE: u8 = 0x5;
    /// Above (unsigned).
    pub const A: u8 = 0x7;
    /// Sign.
    pub const S: u8 = 0x8;
    /// Greater or equal (signed).
    pub const GE: u8 = 0xD;
    /// Greater (signed).
    pub const G: u8 = 0xF;
}

/// Group-1 ALU operations (`/digit` of opcodes 0x81/0x83, and `op*8 + 1` for r/m, r).
#[derive(Clone, Copy)]
#[repr(u8)]
pub enum Alu {
    Add = 0,
    Or = 1,
    Adc = 2,
    Sbb = 3,
    And = 4,
    Sub = 5,
    Xor = 6,
    Cmp = 7,
}

/// Group-2 shift and rotate operations (`/digit` of 0xC1/0xD1/0xD3).
#[derive(Clone, Copy)]
#[repr(u8)]
pub enum Shift {
    Rol = 0,
    Ror = 1,
    Rcl = 2,
    Rcr = 3,
    Shl = 4,
    Shr = 5,
    Sar = 7,
}

/// An operand in the r/m position.
#[derive(Clone, Copy)]
pub enum Rm {
    /// A register.
    Reg(u8),
    /// `[base + disp]`.
    Mem(u8, i32),
    /// `[base + index << scale]`.
    Idx(u8, u8, u8),
}

/// A forward jump to patch.
#[derive(Clone, Copy)]
pub struct Fixup(usize);

/// Machine code being assembled.
#[derive(Default)]
pub struct Asm {
    /// The bytes so far.
    pub code: Vec<u8>,
}

impl Asm {
    fn byte(&mut self, b: u8) {
        self.code.push(b);
    }

    fn dword(&mut self, v: u32) {
        self.code.extend_from_slice(&v.to_le_bytes());
    }

    /// Prefix, REX, opcode bytes, ModRM (+ SIB, displacement) for `reg` and `rm`.
    fn op(&mut self, p66: bool, w: bool, opcode: &[u8], reg: u8, rm: Rm) {
        self.op_rex(p66, w, false, opcode, reg, rm);
    }

    /// As [`Asm::op`]; `byte_rm`: `rm` is a byte register, which needs a REX prefix
    /// for SPL/BPL/SIL/DIL (without one, 4-7 mean AH/CH/DH/BH).
    fn op_rex(&mut self, p66: bool, w: bool, byte_rm: bool, opcode: &[u8], reg: u8, rm: Rm) {
        if p66 {
            self.byte(0x66);
        }
        let (x, b) = match rm {
            Rm::Reg(r) | Rm::Mem(r, _) => (0, r),
            Rm::Idx(base, index, _) => (index, base),
        };
        let force = byte_rm && matches!(rm, Rm::Reg(4..=7));
        let rex = 0x40 | (w as u8) << 3 | (reg >> 3 & 1) << 2 | (x >> 3 & 1) << 1 | (b >> 3 & 1);
        if rex != 0x40 || force {
            self.byte(rex);
        }
        self.code.extend_from_slice(opcode);
        let reg = (reg & 7) << 3;
        match rm {
            Rm::Reg(r) => self.byte(0xC0 | reg | (r & 7)),
            Rm::Mem(base, disp) => {
                debug_assert!(!matches!(base & 7, 4 | 5), "unsupported base");
                if disp == 0 {
                    self.byte(reg | (base & 7));
                } else if let Ok(d) = i8::try_from(disp) {
                    self.byte(0x40 | reg | (base & 7));
                    self.byte(d as u8);
                } else {
                    self.byte(0x80 | reg | (base & 7));
                    self.dword(disp as u32);
                }
            }
            Rm::Idx(base, index, scale) => {
                debug_assert!(!matches!(base & 7, 5) && index != 4, "unsupported SIB");
                self.byte(reg | 4);
                self.byte(scale << 6 | (index & 7) << 3 | (base & 7));
            }
        }
    }

    /// `mov r32, rm32`.
    pub fn load(&mut self, r: u8, rm: Rm) {
        self.op(false, false, &[0x8B], r, rm);
    }
    /// `mov r64, rm64`.
    pub fn load64(&mut self, r: u8, rm: Rm) {
        self.op(false, true, &[0x8B], r, rm);
    }
    /// `mov rm64, r64`.
    pub fn store64(&mut self, rm: Rm, r: u8) {
        self.op(false, true, &[0x89], r, rm);
    }
    /// `mov r64, imm64`.
    pub fn mov_imm64(&mut self, r: u8, v: u64) {
        self.byte(0x48 | (r >> 3 & 1));
        self.byte(0xB8 | (r & 7));
        self.code.extend_from_slice(&v.to_le_bytes());
    }
    /// `lea r64, [base + disp]`.
    pub fn lea64(&mut self, r: u8, rm: Rm) {
        self.op(false, true, &[0x8D], r, rm);
    }
    /// `op r64, rm64`.
    pub fn alu64(&mut self, op: Alu, r: u8, rm: Rm) {
        self.op(false, true, &[(op as u8) << 3 | 3], r, rm);
    }
    /// `jmp r64`.
    pub fn jmp_reg(&mut self, r: u8) {
        self.op(false, false, &[0xFF], 4, Rm::Reg(r));
    }
    /// `mov rm32, r32`.
    pub fn store(&mut self, rm: Rm, r: u8) {
        self.op(false, false, &[0x89], r, rm);
    }
    /// `mov rm16, r16`.
    pub fn store16(&mut self, rm: Rm, r: u8) {
        self.op(true, false, &[0x89], r, rm);
    }
    /// `mov rm8, r8` (`r` one of AL, CL, DL, BL).
    pub fn store8(&mut self, rm: Rm, r: u8) {
        self.op(false, false, &[0x88], r, rm);
    }
    /// `mov rm32, imm32`.
    pub fn store_imm(&mut self, rm: Rm, v: u32) {
        self.op(false, false, &[0xC7], 0, rm);
        self.dword(v);
    }
    /// `mov r32, imm32`.
    pub fn mov_imm(&mut self, r: u8, v: u32) {
        if r >= 8 {
            self.byte(0x41);
        }
        self.byte(0xB8 | (r & 7));
        self.dword(v);
    }
    /// `op r32, rm32`.
    pub fn alu(&mut self, op: Alu, r: u8, rm: Rm) {
        self.op(false, false, &[(op as u8) << 3 | 3], r, rm);
    }
    /// `op rm32, r32`.
    pub fn alu_to(&mut self, op: Alu, rm: Rm, r: u8) {
        self.op(false, false, &[(op as u8) << 3 | 1], r, rm);
    }
    /// `op rm32, imm`.
    pub fn alu_imm(&mut self, op: Alu, rm: Rm, v: u32) {
        if let Ok(b) = i8::try_from(v as i32) {
            self.op(false, false, &[0x83], op as u8, rm);
            self.byte(b as u8);
        } else {
            self.op(false, false, &[0x81], op as u8, rm);
            self.dword(v);
        }
    }
    /// `op rm64, imm8` (sign-extended).
    pub fn alu64_imm8(&mut self, op: Alu, rm: Rm, v: i8) {
        self.op(false, true, &[0x83], op as u8, rm);
        self.byte(v as u8);
    }
    /// `cmp byte rm8, 0`.
    pub fn cmp8_zero(&mut self, rm: Rm) {
        self.op(false, false, &[0x80], 7, rm);
        self.byte(0);
    }
    /// `cmp word rm16, 0`.
    pub fn cmp16_zero(&mut self, rm: Rm) {
        self.op(true, false, &[0x83], 7, rm);
        self.byte(0);
    }
    /// `test rm32, r32`.
    pub fn test(&mut self, rm: Rm, r: u8) {
        self.op(false, false, &[0x85], r, rm);
    }
    /// `test rm32, imm32`.
    pub fn test_imm(&mut self, rm: Rm, v: u32) {
        self.op(false, false, &[0xF7], 0, rm);
        self.dword(v);
    }
    /// `op rm32, imm8` (a shift by a constant; by 1 uses the short form).
    pub fn shift(&mut self, op: Shift, rm: Rm, k: u8) {
        if k == 1 {
            self.op(false, false, &[0xD1], op as u8, rm);
        } else {
            self.op(false, false, &[0xC1], op as u8, rm);
            self.byte(k);
        }
    }
    /// `op rm64, imm8`.
    pub fn shift64(&mut self, op: Shift, rm: Rm, k: u8) {
        self.op(false, true, &[0xC1], op as u8, rm);
        self.byte(k);
    }
    /// `op rm32, cl`.
    pub fn shift_cl(&mut self, op: Shift, rm: Rm) {
        self.op(false, false, &[0xD3], op as u8, rm);
    }
    /// `rol r16, 8`: swaps the two low bytes.
    pub fn swap16(&mut self, r: u8) {
        self.op(true, false, &[0xC1], Shift::Rol as u8, Rm::Reg(r));
        self.byte(8);
    }
    /// `bswap r32`.
    pub fn bswap(&mut self, r: u8) {
        if r >= 8 {
            self.byte(0x41);
        }
        self.byte(0x0F);
        self.byte(0xC8 | (r & 7));
    }
    /// `setcc r8; movzx r32, r8` (`r` one of EAX, ECX, EDX).
    pub fn setcc(&mut self, cond: u8, r: u8) {
        self.op(false, false, &[0x0F, 0x90 | cond], 0, Rm::Reg(r));
        self.movzx8(r, Rm::Reg(r));
    }
    /// `movzx r32, rm8`.
    pub fn movzx8(&mut self, r: u8, rm: Rm) {
        self.op_rex(false, false, true, &[0x0F, 0xB6], r, rm);
    }
    /// `movzx r32, rm16`.
    pub fn movzx16(&mut self, r: u8, rm: Rm) {
        self.op(false, false, &[0x0F, 0xB7], r, rm);
    }
    /// `movsx r32, rm8`.
    pub fn movsx8(&mut self, r: u8, rm: Rm) {
        self.op_rex(false, false, true, &[0x0F, 0xBE], r, rm);
    }
    /// `movsx r32, rm16`.
    pub fn movsx16(&mut self, r: u8, rm: Rm) {
        self.op(false, false, &[0x0F, 0xBF], r, rm);
    }
    /// `imul r32, rm32` (the low 32 bits of the product).
    pub fn imul(&mut self, r: u8, rm: Rm) {
        self.op(false, false, &[0x0F, 0xAF], r, rm);
    }
    /// `mul rm32` (unsigned) or `imul rm32` (signed): EDX:EAX = EAX * rm.
    pub fn mul_wide(&mut self, signed: bool, rm: Rm) {
        self.op(false, false, &[0xF7], if signed { 5 } else { 4 }, rm);
    }
    /// `not rm32`.
    pub fn not(&mut self, rm: Rm) {
        self.op(false, false, &[0xF7], 2, rm);
    }
    /// `neg rm32`.
    pub fn neg(&mut self, rm: Rm) {
        self.op(false, false, &[0xF7], 3, rm);
    }
    /// `jcc rel32` to a label placed later.
    pub fn jcc(&mut self, cond: u8) -> Fixup {
        self.byte(0x0F);
        self.byte(0x80 | cond);
        self.dword(0);
        Fixup(self.code.len())
    }
    /// `jmp rel32` to a label placed later.
    pub fn jmp(&mut self) -> Fixup {
        self.byte(0xE9);
        self.dword(0);
        Fixup(self.code.len())
    }
    /// Makes the jump `f` land here.
    pub fn bind(&mut self, f: Fixup) {
        self.bind_to(f, self.code.len());
    }
    /// Makes the jump `f` land at offset `to`.
    pub fn bind_to(&mut self, f: Fixup, to: usize) {
        let rel = (to as i64 - f.0 as i64) as i32;
        self.code[f.0 - 4..f.0].copy_from_slice(&rel.to_le_bytes());
    }
    /// `push r64`.
    pub fn push(&mut self, r: u8) {
        if r >= 8 {
            self.byte(0x41);
        }
        self.byte(0x50 | (r & 7));
    }
    /// `pop r64`.
    pub fn pop(&mut self, r: u8) {
        if r >= 8 {
            self.byte(0x41);
        }
        self.byte(0x58 | (r & 7));
    }
    /// `ret`.
    pub fn ret(&mut self) {
        self.byte(0xC3);
    }
}
