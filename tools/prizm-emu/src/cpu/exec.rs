//! Instruction semantics. `exec` runs one decoded instruction at `self.pc`; branches
//! run their delay slot through [`Cpu::delay_slot`] before jumping.

use super::decode::{slot_illegal, Op, DECODE};
use super::{Cpu, Exception, Stop};

#[inline(always)]
fn rn(w: u16) -> usize {
    ((w >> 8) & 0xF) as usize
}
#[inline(always)]
fn rm(w: u16) -> usize {
    ((w >> 4) & 0xF) as usize
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

impl Cpu {
    /// Runs the instruction in the delay slot of the branch at `branch_pc`.
    #[inline(never)]
    pub(crate) fn delay_slot(&mut self, branch_pc: u32) {
        let slot = branch_pc.wrapping_add(2);
        self.pc = slot;
        let Some(word) = self.fetch(slot) else { return };
        let op = DECODE[word as usize];
        self.in_slot = true;
        if slot_illegal(op) {
            self.exception(Exception::SlotIllegalInstruction { word });
        } else {
            self.icount += 1;
            self.exec(word);
        }
        self.in_slot = false;
    }

    /// Delayed branch to `target` (after running the slot at `self.pc + 2`).
    #[inline(always)]
    fn delayed(&mut self, target: u32) {
        let pc = self.pc;
        self.delay_slot(pc);
        if self.stop.is_none() {
            self.pc = target;
        }
    }

    /// Executes one instruction word at `self.pc`.
    #[inline(always)]
    pub(crate) fn exec(&mut self, w: u16) {
        let n = rn(w);
        let m = rm(w);
        let pc = self.pc;
        match DECODE[w as usize] {
            Op::Illegal => {
                self.exception(Exception::IllegalInstruction { word: w });
                return;
            }
            // ---------------- moves ----------------
            Op::Mov => self.r[n] = self.r[m],
            Op::MovI => self.r[n] = simm8(w),
            Op::MovWLPc => {
                let a = pc.wrapping_add(4).wrapping_add(imm8(w) * 2);
                self.r[n] = sx16(self.read16(a));
            }
            Op::MovLLPc => {
                let a = (pc & !3).wrapping_add(4).wrapping_add(imm8(w) * 4);
                self.r[n] = self.read32(a);
            }
            Op::Mova => self.r[0] = (pc & !3).wrapping_add(4).wrapping_add(imm8(w) * 4),
            Op::MovBS => {
                let v = self.r[m];
                self.write8(self.r[n], v)
            }
            Op::MovWS => {
                let v = self.r[m];
                self.write16(self.r[n], v)
            }
            Op::MovLS => {
                let v = self.r[m];
                self.write32(self.r[n], v)
            }
            Op::MovBL => self.r[n] = sx8(self.read8(self.r[m])),
            Op::MovWL => self.r[n] = sx16(self.read16(self.r[m])),
            Op::MovLL => self.r[n] = self.read32(self.r[m]),
            Op::MovBSDec => {
                let v = self.r[m];
                let a = self.r[n].wrapping_sub(1);
                self.write8(a, v);
                if self.stop.is_none() {
                    self.r[n] = a;
                }
            }
            Op::MovWSDec => {
                let v = self.r[m];
                let a = self.r[n].wrapping_sub(2);
                self.write16(a, v);
                if self.stop.is_none() {
                    self.r[n] = a;
                }
            }
            Op::MovLSDec => {
                let v = self.r[m];
                let a = self.r[n].wrapping_sub(4);
                self.write32(a, v);
                if self.stop.is_none() {
                    self.r[n] = a;
                }
            }
            Op::MovBLInc => {
                let a = self.r[m];
                let v = sx8(self.read8(a));
                if n != m {
                    self.r[m] = a.wrapping_add(1);
                }
                self.r[n] = v;
            }
            Op::MovWLInc => {
                let a = self.r[m];
                let v = sx16(self.read16(a));
                if n != m {
                    self.r[m] = a.wrapping_add(2);
                }
                self.r[n] = v;
            }
            Op::MovLLInc => {
                let a = self.r[m];
                let v = self.read32(a);
                if n != m {
                    self.r[m] = a.wrapping_add(4);
                }
                self.r[n] = v;
            }
            Op::MovBS0 => {
                let v = self.r[m];
                self.write8(self.r[n].wrapping_add(self.r[0]), v)
            }
            Op::MovWS0 => {
                let v = self.r[m];
                self.write16(self.r[n].wrapping_add(self.r[0]), v)
            }
            Op::MovLS0 => {
                let v = self.r[m];
                self.write32(self.r[n].wrapping_add(self.r[0]), v)
            }
            Op::MovBL0 => self.r[n] = sx8(self.read8(self.r[m].wrapping_add(self.r[0]))),
            Op::MovWL0 => self.r[n] = sx16(self.read16(self.r[m].wrapping_add(self.r[0]))),
            Op::MovLL0 => self.r[n] = self.read32(self.r[m].wrapping_add(self.r[0])),
            Op::MovLSDisp => {
                let v = self.r[m];
                self.write32(self.r[n].wrapping_add((w as u32 & 0xF) * 4), v)
            }
            Op::MovLLDisp => {
                self.r[n] = self.read32(self.r[m].wrapping_add((w as u32 & 0xF) * 4))
            }
            Op::MovBS4 => {
                let v = self.r[0];
                self.write8(self.r[m].wrapping_add(w as u32 & 0xF), v)
            }
            Op::MovWS4 => {
                let v = self.r[0];
                self.write16(self.r[m].wrapping_add((w as u32 & 0xF) * 2), v)
            }
            Op::MovBL4 => self.r[0] = sx8(self.read8(self.r[m].wrapping_add(w as u32 & 0xF))),
            Op::MovWL4 => {
                self.r[0] = sx16(self.read16(self.r[m].wrapping_add((w as u32 & 0xF) * 2)))
            }
            Op::MovBSGbr => {
                let v = self.r[0];
                self.write8(self.gbr.wrapping_add(imm8(w)), v)
            }
            Op::MovWSGbr => {
                let v = self.r[0];
                self.write16(self.gbr.wrapping_add(imm8(w) * 2), v)
            }
            Op::MovLSGbr => {
                let v = self.r[0];
                self.write32(self.gbr.wrapping_add(imm8(w) * 4), v)
            }
            Op::MovBLGbr => self.r[0] = sx8(self.read8(self.gbr.wrapping_add(imm8(w)))),
            Op::MovWLGbr => self.r[0] = sx16(self.read16(self.gbr.wrapping_add(imm8(w) * 2))),
            Op::MovLLGbr => self.r[0] = self.read32(self.gbr.wrapping_add(imm8(w) * 4)),
            Op::Movt => self.r[n] = self.t,
            Op::SwapB => {
                let v = self.r[m];
                self.r[n] = (v & 0xFFFF_0000) | ((v & 0xFF) << 8) | ((v >> 8) & 0xFF);
            }
            Op::SwapW => self.r[n] = self.r[m].rotate_left(16),
            Op::Xtrct => self.r[n] = (self.r[m] << 16) | (self.r[n] >> 16),
            Op::ExtuB => self.r[n] = self.r[m] & 0xFF,
            Op::ExtuW => self.r[n] = self.r[m] & 0xFFFF,
            Op::ExtsB => self.r[n] = sx8(self.r[m]),
            Op::ExtsW => self.r[n] = sx16(self.r[m]),
            Op::MovuaL => self.r[0] = self.read32_unaligned(self.r[n]),
            Op::MovuaLInc => {
                let a = self.r[n];
                let v = self.read32_unaligned(a);
                if n != 0 {
                    self.r[n] = a.wrapping_add(4);
                }
                self.r[0] = v;
            }
            Op::Movli => {
                self.r[0] = self.read32(self.r[n]);
                self.ldst = true;
            }
            Op::Movco => {
                if self.ldst {
                    let v = self.r[0];
                    self.write32(self.r[n], v);
                    self.t = 1;
                } else {
                    self.t = 0;
                }
                self.ldst = false;
            }
            Op::Movca => {
                let v = self.r[0];
                self.write32(self.r[n], v)
            }
            // ---------------- arithmetic ----------------
            Op::Add => self.r[n] = self.r[n].wrapping_add(self.r[m]),
            Op::AddI => self.r[n] = self.r[n].wrapping_add(simm8(w)),
            Op::Addc => {
                let s = self.r[n] as u64 + self.r[m] as u64 + self.t as u64;
                self.r[n] = s as u32;
                self.t = (s >> 32) as u32;
            }
            Op::Addv => {
                let (v, o) = (self.r[n] as i32).overflowing_add(self.r[m] as i32);
                self.r[n] = v as u32;
                self.t = o as u32;
            }
            Op::Sub => self.r[n] = self.r[n].wrapping_sub(self.r[m]),
            Op::Subc => {
                let (a, b) = (self.r[n] as u64, self.r[m] as u64 + self.t as u64);
                self.t = (a < b) as u32;
                self.r[n] = a.wrapping_sub(b) as u32;
            }
            Op::Subv => {
                let (v, o) = (self.r[n] as i32).overflowing_sub(self.r[m] as i32);
                self.r[n] = v as u32;
                self.t = o as u32;
            }
            Op::Neg => self.r[n] = 0u32.wrapping_sub(self.r[m]),
            Op::Negc => {
                let b = self.r[m] as u64 + self.t as u64;
                self.t = (b != 0) as u32;
                self.r[n] = 0u64.wrapping_sub(b) as u32;
            }
            Op::Dt => {
                self.r[n] = self.r[n].wrapping_sub(1);
                self.t = (self.r[n] == 0) as u32;
            }
            Op::CmpEq => self.t = (self.r[n] == self.r[m]) as u32,
            Op::CmpEqI => self.t = (self.r[0] == simm8(w)) as u32,
            Op::CmpHs => self.t = (self.r[n] >= self.r[m]) as u32,
            Op::CmpHi => self.t = (self.r[n] > self.r[m]) as u32,
            Op::CmpGe => self.t = (self.r[n] as i32 >= self.r[m] as i32) as u32,
            Op::CmpGt => self.t = (self.r[n] as i32 > self.r[m] as i32) as u32,
            Op::CmpPz => self.t = (self.r[n] as i32 >= 0) as u32,
            Op::CmpPl => self.t = (self.r[n] as i32 > 0) as u32,
            Op::CmpStr => {
                let x = self.r[n] ^ self.r[m];
                self.t = (x & 0xFF == 0
                    || x & 0xFF00 == 0
                    || x & 0xFF_0000 == 0
                    || x & 0xFF00_0000 == 0) as u32;
            }
            Op::Div0s => {
                self.q = self.r[n] >> 31;
                self.m = self.r[m] >> 31;
                self.t = self.q ^ self.m;
            }
            Op::Div0u => {
                self.q = 0;
                self.m = 0;
                self.t = 0;
            }
            Op::Div1 => {
                let old_q = self.q;
                self.q = self.r[n] >> 31;
                let divisor = self.r[m];
                let shifted = (self.r[n] << 1) | self.t;
                let (res, carry) = if old_q == self.m {
                    let (r, b) = shifted.overflowing_sub(divisor);
                    (r, b as u32)
                } else {
                    let (r, c) = shifted.overflowing_add(divisor);
                    (r, c as u32)
                };
                self.r[n] = res;
                self.q ^= carry ^ self.m;
                self.t = (self.q == self.m) as u32;
            }
            Op::MulL => self.macl = self.r[n].wrapping_mul(self.r[m]),
            Op::MulsW => {
                self.macl = ((self.r[n] as i16 as i32) * (self.r[m] as i16 as i32)) as u32
            }
            Op::MuluW => self.macl = (self.r[n] & 0xFFFF) * (self.r[m] & 0xFFFF),
            Op::DmulsL => {
                let p = (self.r[n] as i32 as i64) * (self.r[m] as i32 as i64);
                self.mach = (p >> 32) as u32;
                self.macl = p as u32;
            }
            Op::DmuluL => {
                let p = (self.r[n] as u64) * (self.r[m] as u64);
                self.mach = (p >> 32) as u32;
                self.macl = p as u32;
            }
            Op::MacL => {
                let a = self.read32(self.r[n]);
                self.r[n] = self.r[n].wrapping_add(4);
                let b = self.read32(self.r[m]);
                self.r[m] = self.r[m].wrapping_add(4);
                let p = (a as i32 as i64) * (b as i32 as i64);
                let mac = (((self.mach as u64) << 32) | self.macl as u64) as i64;
                let mut sum = mac.wrapping_add(p);
                if self.s != 0 {
                    sum = sum.clamp(-(1i64 << 47), (1i64 << 47) - 1);
                }
                self.mach = (sum >> 32) as u32;
                self.macl = sum as u32;
            }
            Op::MacW => {
                let a = self.read16(self.r[n]);
                self.r[n] = self.r[n].wrapping_add(2);
                let b = self.read16(self.r[m]);
                self.r[m] = self.r[m].wrapping_add(2);
                let p = (a as i16 as i64) * (b as i16 as i64);
                if self.s != 0 {
                    // 32-bit saturating accumulate in MACL; overflow sets MACH bit 0.
                    let sum = self.macl as i32 as i64 + p;
                    if sum > i32::MAX as i64 {
                        self.macl = i32::MAX as u32;
                        self.mach |= 1;
                    } else if sum < i32::MIN as i64 {
                        self.macl = i32::MIN as u32;
                        self.mach |= 1;
                    } else {
                        self.macl = sum as u32;
                    }
                } else {
                    let mac = (((self.mach as u64) << 32) | self.macl as u64) as i64;
                    let sum = mac.wrapping_add(p);
                    self.mach = (sum >> 32) as u32;
                    self.macl = sum as u32;
                }
            }
            Op::Clrmac => {
                self.mach = 0;
                self.macl = 0;
            }
            // ---------------- logic ----------------
            Op::And => self.r[n] &= self.r[m],
            Op::AndI => self.r[0] &= imm8(w),
            Op::Or => self.r[n] |= self.r[m],
            Op::OrI => self.r[0] |= imm8(w),
            Op::Xor => self.r[n] ^= self.r[m],
            Op::XorI => self.r[0] ^= imm8(w),
            Op::Not => self.r[n] = !self.r[m],
            Op::Tst => self.t = (self.r[n] & self.r[m] == 0) as u32,
            Op::TstI => self.t = (self.r[0] & imm8(w) == 0) as u32,
            Op::TstB => {
                let v = self.read8(self.gbr.wrapping_add(self.r[0]));
                self.t = (v & imm8(w) == 0) as u32;
            }
            Op::AndB => {
                let a = self.gbr.wrapping_add(self.r[0]);
                let v = self.read8(a);
                self.write8(a, v & imm8(w));
            }
            Op::OrB => {
                let a = self.gbr.wrapping_add(self.r[0]);
                let v = self.read8(a);
                self.write8(a, v | imm8(w));
            }
            Op::XorB => {
                let a = self.gbr.wrapping_add(self.r[0]);
                let v = self.read8(a);
                self.write8(a, v ^ imm8(w));
            }
            Op::TasB => {
                let a = self.r[n];
                let v = self.read8(a);
                self.t = (v == 0) as u32;
                self.write8(a, v | 0x80);
            }
            // ---------------- shifts ----------------
            Op::Shll | Op::Shal => {
                self.t = self.r[n] >> 31;
                self.r[n] <<= 1;
            }
            Op::Shlr => {
                self.t = self.r[n] & 1;
                self.r[n] >>= 1;
            }
            Op::Shar => {
                self.t = self.r[n] & 1;
                self.r[n] = ((self.r[n] as i32) >> 1) as u32;
            }
            Op::Rotl => {
                self.t = self.r[n] >> 31;
                self.r[n] = self.r[n].rotate_left(1);
            }
            Op::Rotr => {
                self.t = self.r[n] & 1;
                self.r[n] = self.r[n].rotate_right(1);
            }
            Op::Rotcl => {
                let t = self.r[n] >> 31;
                self.r[n] = (self.r[n] << 1) | self.t;
                self.t = t;
            }
            Op::Rotcr => {
                let t = self.r[n] & 1;
                self.r[n] = (self.r[n] >> 1) | (self.t << 31);
                self.t = t;
            }
            Op::Shll2 => self.r[n] <<= 2,
            Op::Shlr2 => self.r[n] >>= 2,
            Op::Shll8 => self.r[n] <<= 8,
            Op::Shlr8 => self.r[n] >>= 8,
            Op::Shll16 => self.r[n] <<= 16,
            Op::Shlr16 => self.r[n] >>= 16,
            Op::Shad => {
                let s = self.r[m] as i32;
                let v = self.r[n];
                self.r[n] = if s >= 0 {
                    v << (s & 31)
                } else if s & 31 == 0 {
                    ((v as i32) >> 31) as u32
                } else {
                    ((v as i32) >> ((!s & 31) + 1)) as u32
                };
            }
            Op::Shld => {
                let s = self.r[m] as i32;
                let v = self.r[n];
                self.r[n] = if s >= 0 {
                    v << (s & 31)
                } else if s & 31 == 0 {
                    0
                } else {
                    v >> ((!s & 31) + 1)
                };
            }
            // ---------------- T / S bits ----------------
            Op::Clrt => self.t = 0,
            Op::Sett => self.t = 1,
            Op::Clrs => self.s = 0,
            Op::Sets => self.s = 1,
            Op::Nop | Op::Synco | Op::Pref | Op::Prefi | Op::Icbi | Op::Ocbi | Op::Ocbp
            | Op::Ocbwb => {}
            // ---------------- branches ----------------
            Op::Bt | Op::Bf => {
                let taken = (self.t != 0) == (DECODE[w as usize] == Op::Bt);
                self.pc = if taken {
                    pc.wrapping_add(4).wrapping_add(simm8(w) << 1)
                } else {
                    pc.wrapping_add(2)
                };
                return;
            }
            Op::BtS | Op::BfS => {
                let taken = (self.t != 0) == (DECODE[w as usize] == Op::BtS);
                if taken {
                    self.delayed(pc.wrapping_add(4).wrapping_add(simm8(w) << 1));
                } else {
                    self.pc = pc.wrapping_add(2);
                }
                return;
            }
            Op::Bra => {
                self.delayed(pc.wrapping_add(4).wrapping_add(disp12(w) << 1));
                return;
            }
            Op::Bsr => {
                self.pr = pc.wrapping_add(4);
                self.delayed(pc.wrapping_add(4).wrapping_add(disp12(w) << 1));
                return;
            }
            Op::Braf => {
                let t = pc.wrapping_add(4).wrapping_add(self.r[n]);
                self.delayed(t);
                return;
            }
            Op::Bsrf => {
                let t = pc.wrapping_add(4).wrapping_add(self.r[n]);
                self.pr = pc.wrapping_add(4);
                self.delayed(t);
                return;
            }
            Op::Jmp => {
                let t = self.r[n];
                self.delayed(t);
                return;
            }
            Op::Jsr => {
                let t = self.r[n];
                self.pr = pc.wrapping_add(4);
                self.delayed(t);
                return;
            }
            Op::Rts => {
                let t = self.pr;
                self.delayed(t);
                return;
            }
            Op::Rte => {
                let t = self.spc;
                let ssr = self.ssr;
                self.set_sr(ssr);
                self.delayed(t);
                return;
            }
            Op::Trapa => {
                self.halt(Stop::Trapa(w as u8));
                return;
            }
            Op::Sleep => {
                self.halt(Stop::Sleep);
                return;
            }
            Op::Ldtlb => {
                self.exception(Exception::Ldtlb);
                return;
            }
            // ---------------- system registers ----------------
            Op::LdcSr => {
                let v = self.r[n];
                self.set_sr(v)
            }
            Op::LdcGbr => self.gbr = self.r[n],
            Op::LdcVbr => self.vbr = self.r[n],
            Op::LdcSsr => self.ssr = self.r[n],
            Op::LdcSpc => self.spc = self.r[n],
            Op::LdcSgr => self.sgr = self.r[n],
            Op::LdcDbr => self.dbr = self.r[n],
            Op::LdcBank => self.r_bank[m & 7] = self.r[n],
            Op::StcSr => self.r[n] = self.sr(),
            Op::StcGbr => self.r[n] = self.gbr,
            Op::StcVbr => self.r[n] = self.vbr,
            Op::StcSsr => self.r[n] = self.ssr,
            Op::StcSpc => self.r[n] = self.spc,
            Op::StcSgr => self.r[n] = self.sgr,
            Op::StcDbr => self.r[n] = self.dbr,
            Op::StcBank => self.r[n] = self.r_bank[m & 7],
            Op::LdsMach => self.mach = self.r[n],
            Op::LdsMacl => self.macl = self.r[n],
            Op::LdsPr => self.pr = self.r[n],
            Op::StsMach => self.r[n] = self.mach,
            Op::StsMacl => self.r[n] = self.macl,
            Op::StsPr => self.r[n] = self.pr,
            Op::LdcLSr => {
                let v = self.pop(n);
                if self.stop.is_none() {
                    self.set_sr(v)
                }
            }
            Op::LdcLGbr => self.gbr = self.pop(n),
            Op::LdcLVbr => self.vbr = self.pop(n),
            Op::LdcLSsr => self.ssr = self.pop(n),
            Op::LdcLSpc => self.spc = self.pop(n),
            Op::LdcLSgr => self.sgr = self.pop(n),
            Op::LdcLDbr => self.dbr = self.pop(n),
            Op::LdcLBank => self.r_bank[m & 7] = self.pop(n),
            Op::LdsLMach => self.mach = self.pop(n),
            Op::LdsLMacl => self.macl = self.pop(n),
            Op::LdsLPr => self.pr = self.pop(n),
            Op::StcLSr => {
                let v = self.sr();
                self.push(n, v)
            }
            Op::StcLGbr => self.push(n, self.gbr),
            Op::StcLVbr => self.push(n, self.vbr),
            Op::StcLSsr => self.push(n, self.ssr),
            Op::StcLSpc => self.push(n, self.spc),
            Op::StcLSgr => self.push(n, self.sgr),
            Op::StcLDbr => self.push(n, self.dbr),
            Op::StcLBank => self.push(n, self.r_bank[m & 7]),
            Op::StsLMach => self.push(n, self.mach),
            Op::StsLMacl => self.push(n, self.macl),
            Op::StsLPr => self.push(n, self.pr),
        }
        self.pc = pc.wrapping_add(2);
    }

    /// `@Rn+` load of a long word (lds.l/ldc.l).
    #[inline(always)]
    fn pop(&mut self, n: usize) -> u32 {
        let a = self.r[n];
        let v = self.read32(a);
        if self.stop.is_none() {
            self.r[n] = a.wrapping_add(4);
        }
        v
    }

    /// `@-Rn` store of a long word (sts.l/stc.l).
    #[inline(always)]
    fn push(&mut self, n: usize, v: u32) {
        let a = self.r[n].wrapping_sub(4);
        self.write32(a, v);
        if self.stop.is_none() {
            self.r[n] = a;
        }
    }
}
