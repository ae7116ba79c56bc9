//! Instruction semantics, as a tail-call-threaded interpreter: every operation is one
//! handler `fn(cpu, word, budget, pc) -> unused budget`; a handler executes its
//! instruction, then fetches the next one (through the per-halfword op cache) and jumps
//! to that instruction's handler with `become` (a guaranteed tail call), so each
//! handler has its own dispatch branch. A chain ends (returns to
//! [`Cpu::run`]) when the instruction budget is reached, the next fetch needs the slow
//! path, or the run stopped. Branches run their delay slot through
//! `Cpu::delay_slot` before jumping.

use super::decode::{DECODE, OP_COUNT, Op, slot_illegal};
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

/// An instruction handler: runs the instruction `w` at `cpu.pc`, then chains on for at
/// most `left` more instructions; returns how many of those were not used. `pc` is the
/// instruction's address (passed in a register: the handler stores it to `cpu.pc`).
pub(crate) type Handler = fn(&mut Cpu, u16, u32, u32) -> u32;

/// Fetches the next instruction and tail-calls its handler; returns when the budget is
/// used, the fetch needs the slow path (the run loop does it) or the run stopped.
macro_rules! next {
    ($cpu:ident, $left:ident) => {{
        let pc = $cpu.pc;
        if $left == 0 || pc & 0xFFFF_0001 != $cpu.code_tag {
            // Budget used, another page, an odd PC or a stop: back to the run loop.
            return $left;
        }
        // SAFETY: `code_tag` matches, so the run loop found this page readable at
        // `code_off` during this run (the page table does not change while a chain
        // runs), and the PC is even.
        let (op, w) = unsafe { $cpu.mem.fetch_at($cpu.code_off | (pc & 0xFFFF) as usize) };
        become HANDLERS[op as usize]($cpu, w, $left - 1, pc)
    }};
}

impl Cpu {
    /// Runs the instruction in the delay slot of the branch at `branch_pc` (one
    /// instruction: a zero budget ends the chain after it).
    #[inline(never)]
    pub(crate) fn delay_slot(&mut self, branch_pc: u32) {
        let slot = branch_pc.wrapping_add(2);
        self.pc = slot;
        let (op, word) = if slot & 0xFFFF_0001 == self.code_tag {
            // SAFETY: as in `next!`: the page of `code_tag` is readable at `code_off`.
            let (op, w) = unsafe { self.mem.fetch_at(self.code_off | (slot & 0xFFFF) as usize) };
            if (op as usize) < OP_COUNT {
                // SAFETY: `op` came from the op cache, which holds `Op as u8` values
                // (below OP_COUNT) or OP_UNKNOWN.
                (unsafe { std::mem::transmute::<u8, Op>(op) }, w)
            } else {
                (DECODE[w as usize], w)
            }
        } else {
            let Some(w) = self.fetch(slot) else { return };
            (DECODE[w as usize], w)
        };
        if slot_illegal(op) {
            self.in_slot = true;
            self.exception(Exception::SlotIllegalInstruction { word });
            self.in_slot = false;
            return;
        }
        self.in_slot = true;
        self.icount += 1;
        HANDLERS[op as usize](self, word, 0, slot);
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

    /// Executes the instruction word `w` at `self.pc` and chains on for at most `left`
    /// more instructions; returns how many were not used.
    #[inline(always)]
    pub(crate) fn exec(&mut self, w: u16, left: u32) -> u32 {
        HANDLERS[DECODE[w as usize] as usize](self, w, left, self.pc)
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

#[allow(non_snake_case, unused_variables)]
fn op_Illegal(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    {
        cpu.exception(Exception::IllegalInstruction { word: w });
        next!(cpu, left)
    }
    // ---------------- moves ----------------
}

#[allow(non_snake_case, unused_variables)]
fn op_Mov(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    cpu.r[n] = cpu.r[m];
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_MovI(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    cpu.r[n] = simm8(w);
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_MovWLPc(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    {
        let a = pc.wrapping_add(4).wrapping_add(imm8(w) * 2);
        cpu.r[n] = sx16(cpu.read16(a));
    }
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_MovLLPc(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    {
        let a = (pc & !3).wrapping_add(4).wrapping_add(imm8(w) * 4);
        cpu.r[n] = cpu.read32(a);
    }
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_Mova(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    cpu.r[0] = (pc & !3).wrapping_add(4).wrapping_add(imm8(w) * 4);
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_MovBS(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    {
        let v = cpu.r[m];
        cpu.write8(cpu.r[n], v)
    }
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_MovWS(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    {
        let v = cpu.r[m];
        cpu.write16(cpu.r[n], v)
    }
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_MovLS(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    {
        let v = cpu.r[m];
        cpu.write32(cpu.r[n], v)
    }
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_MovBL(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    cpu.r[n] = sx8(cpu.read8(cpu.r[m]));
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_MovWL(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    cpu.r[n] = sx16(cpu.read16(cpu.r[m]));
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_MovLL(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    cpu.r[n] = cpu.read32(cpu.r[m]);
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_MovBSDec(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    {
        let v = cpu.r[m];
        let a = cpu.r[n].wrapping_sub(1);
        cpu.write8(a, v);
        if cpu.stop.is_none() {
            cpu.r[n] = a;
        }
    }
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_MovWSDec(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    {
        let v = cpu.r[m];
        let a = cpu.r[n].wrapping_sub(2);
        cpu.write16(a, v);
        if cpu.stop.is_none() {
            cpu.r[n] = a;
        }
    }
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_MovLSDec(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    {
        let v = cpu.r[m];
        let a = cpu.r[n].wrapping_sub(4);
        cpu.write32(a, v);
        if cpu.stop.is_none() {
            cpu.r[n] = a;
        }
    }
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_MovBLInc(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    {
        let a = cpu.r[m];
        let v = sx8(cpu.read8(a));
        if n != m {
            cpu.r[m] = a.wrapping_add(1);
        }
        cpu.r[n] = v;
    }
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_MovWLInc(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    {
        let a = cpu.r[m];
        let v = sx16(cpu.read16(a));
        if n != m {
            cpu.r[m] = a.wrapping_add(2);
        }
        cpu.r[n] = v;
    }
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_MovLLInc(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    {
        let a = cpu.r[m];
        let v = cpu.read32(a);
        if n != m {
            cpu.r[m] = a.wrapping_add(4);
        }
        cpu.r[n] = v;
    }
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_MovBS0(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    {
        let v = cpu.r[m];
        cpu.write8(cpu.r[n].wrapping_add(cpu.r[0]), v)
    }
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_MovWS0(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    {
        let v = cpu.r[m];
        cpu.write16(cpu.r[n].wrapping_add(cpu.r[0]), v)
    }
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_MovLS0(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    {
        let v = cpu.r[m];
        cpu.write32(cpu.r[n].wrapping_add(cpu.r[0]), v)
    }
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_MovBL0(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    cpu.r[n] = sx8(cpu.read8(cpu.r[m].wrapping_add(cpu.r[0])));
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_MovWL0(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    cpu.r[n] = sx16(cpu.read16(cpu.r[m].wrapping_add(cpu.r[0])));
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_MovLL0(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    cpu.r[n] = cpu.read32(cpu.r[m].wrapping_add(cpu.r[0]));
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_MovLSDisp(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    {
        let v = cpu.r[m];
        cpu.write32(cpu.r[n].wrapping_add((w as u32 & 0xF) * 4), v)
    }
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_MovLLDisp(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    {
        cpu.r[n] = cpu.read32(cpu.r[m].wrapping_add((w as u32 & 0xF) * 4))
    }
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_MovBS4(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    {
        let v = cpu.r[0];
        cpu.write8(cpu.r[m].wrapping_add(w as u32 & 0xF), v)
    }
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_MovWS4(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    {
        let v = cpu.r[0];
        cpu.write16(cpu.r[m].wrapping_add((w as u32 & 0xF) * 2), v)
    }
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_MovBL4(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    cpu.r[0] = sx8(cpu.read8(cpu.r[m].wrapping_add(w as u32 & 0xF)));
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_MovWL4(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    {
        cpu.r[0] = sx16(cpu.read16(cpu.r[m].wrapping_add((w as u32 & 0xF) * 2)))
    }
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_MovBSGbr(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    {
        let v = cpu.r[0];
        cpu.write8(cpu.gbr.wrapping_add(imm8(w)), v)
    }
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_MovWSGbr(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    {
        let v = cpu.r[0];
        cpu.write16(cpu.gbr.wrapping_add(imm8(w) * 2), v)
    }
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_MovLSGbr(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    {
        let v = cpu.r[0];
        cpu.write32(cpu.gbr.wrapping_add(imm8(w) * 4), v)
    }
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_MovBLGbr(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    cpu.r[0] = sx8(cpu.read8(cpu.gbr.wrapping_add(imm8(w))));
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_MovWLGbr(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    cpu.r[0] = sx16(cpu.read16(cpu.gbr.wrapping_add(imm8(w) * 2)));
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_MovLLGbr(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    cpu.r[0] = cpu.read32(cpu.gbr.wrapping_add(imm8(w) * 4));
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_Movt(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    cpu.r[n] = cpu.t;
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_SwapB(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    {
        let v = cpu.r[m];
        cpu.r[n] = (v & 0xFFFF_0000) | ((v & 0xFF) << 8) | ((v >> 8) & 0xFF);
    }
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_SwapW(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    cpu.r[n] = cpu.r[m].rotate_left(16);
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_Xtrct(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    cpu.r[n] = (cpu.r[m] << 16) | (cpu.r[n] >> 16);
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_ExtuB(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    cpu.r[n] = cpu.r[m] & 0xFF;
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_ExtuW(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    cpu.r[n] = cpu.r[m] & 0xFFFF;
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_ExtsB(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    cpu.r[n] = sx8(cpu.r[m]);
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_ExtsW(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    cpu.r[n] = sx16(cpu.r[m]);
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_MovuaL(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    cpu.r[0] = cpu.read32_unaligned(cpu.r[n]);
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_MovuaLInc(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    {
        let a = cpu.r[n];
        let v = cpu.read32_unaligned(a);
        if n != 0 {
            cpu.r[n] = a.wrapping_add(4);
        }
        cpu.r[0] = v;
    }
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_Movli(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    {
        cpu.r[0] = cpu.read32(cpu.r[n]);
        cpu.ldst = true;
    }
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_Movco(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    {
        if cpu.ldst {
            let v = cpu.r[0];
            cpu.write32(cpu.r[n], v);
            cpu.t = 1;
        } else {
            cpu.t = 0;
        }
        cpu.ldst = false;
    }
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_Movca(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    {
        let v = cpu.r[0];
        cpu.write32(cpu.r[n], v)
    }
    // ---------------- arithmetic ----------------
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_Add(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    cpu.r[n] = cpu.r[n].wrapping_add(cpu.r[m]);
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_AddI(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    cpu.r[n] = cpu.r[n].wrapping_add(simm8(w));
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_Addc(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    {
        let s = cpu.r[n] as u64 + cpu.r[m] as u64 + cpu.t as u64;
        cpu.r[n] = s as u32;
        cpu.t = (s >> 32) as u32;
    }
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_Addv(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    {
        let (v, o) = (cpu.r[n] as i32).overflowing_add(cpu.r[m] as i32);
        cpu.r[n] = v as u32;
        cpu.t = o as u32;
    }
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_Sub(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    cpu.r[n] = cpu.r[n].wrapping_sub(cpu.r[m]);
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_Subc(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    {
        let (a, b) = (cpu.r[n] as u64, cpu.r[m] as u64 + cpu.t as u64);
        cpu.t = (a < b) as u32;
        cpu.r[n] = a.wrapping_sub(b) as u32;
    }
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_Subv(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    {
        let (v, o) = (cpu.r[n] as i32).overflowing_sub(cpu.r[m] as i32);
        cpu.r[n] = v as u32;
        cpu.t = o as u32;
    }
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_Neg(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    cpu.r[n] = 0u32.wrapping_sub(cpu.r[m]);
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_Negc(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    {
        let b = cpu.r[m] as u64 + cpu.t as u64;
        cpu.t = (b != 0) as u32;
        cpu.r[n] = 0u64.wrapping_sub(b) as u32;
    }
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_Dt(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    {
        cpu.r[n] = cpu.r[n].wrapping_sub(1);
        cpu.t = (cpu.r[n] == 0) as u32;
    }
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_CmpEq(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    cpu.t = (cpu.r[n] == cpu.r[m]) as u32;
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_CmpEqI(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    cpu.t = (cpu.r[0] == simm8(w)) as u32;
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_CmpHs(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    cpu.t = (cpu.r[n] >= cpu.r[m]) as u32;
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_CmpHi(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    cpu.t = (cpu.r[n] > cpu.r[m]) as u32;
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_CmpGe(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    cpu.t = (cpu.r[n] as i32 >= cpu.r[m] as i32) as u32;
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_CmpGt(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    cpu.t = (cpu.r[n] as i32 > cpu.r[m] as i32) as u32;
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_CmpPz(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    cpu.t = (cpu.r[n] as i32 >= 0) as u32;
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_CmpPl(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    cpu.t = (cpu.r[n] as i32 > 0) as u32;
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_CmpStr(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    {
        let x = cpu.r[n] ^ cpu.r[m];
        cpu.t =
            (x & 0xFF == 0 || x & 0xFF00 == 0 || x & 0xFF_0000 == 0 || x & 0xFF00_0000 == 0) as u32;
    }
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_Div0s(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    {
        cpu.q = cpu.r[n] >> 31;
        cpu.m = cpu.r[m] >> 31;
        cpu.t = cpu.q ^ cpu.m;
    }
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_Div0u(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    {
        cpu.q = 0;
        cpu.m = 0;
        cpu.t = 0;
    }
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_Div1(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    {
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
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_MulL(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    cpu.macl = cpu.r[n].wrapping_mul(cpu.r[m]);
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_MulsW(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    {
        cpu.macl = ((cpu.r[n] as i16 as i32) * (cpu.r[m] as i16 as i32)) as u32
    }
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_MuluW(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    cpu.macl = (cpu.r[n] & 0xFFFF) * (cpu.r[m] & 0xFFFF);
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_DmulsL(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    {
        let p = (cpu.r[n] as i32 as i64) * (cpu.r[m] as i32 as i64);
        cpu.mach = (p >> 32) as u32;
        cpu.macl = p as u32;
    }
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_DmuluL(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    {
        let p = (cpu.r[n] as u64) * (cpu.r[m] as u64);
        cpu.mach = (p >> 32) as u32;
        cpu.macl = p as u32;
    }
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_MacL(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    {
        let a = cpu.read32(cpu.r[n]);
        cpu.r[n] = cpu.r[n].wrapping_add(4);
        let b = cpu.read32(cpu.r[m]);
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
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_MacW(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    {
        let a = cpu.read16(cpu.r[n]);
        cpu.r[n] = cpu.r[n].wrapping_add(2);
        let b = cpu.read16(cpu.r[m]);
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
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_Clrmac(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    {
        cpu.mach = 0;
        cpu.macl = 0;
    }
    // ---------------- logic ----------------
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_And(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    cpu.r[n] &= cpu.r[m];
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_AndI(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    cpu.r[0] &= imm8(w);
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_Or(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    cpu.r[n] |= cpu.r[m];
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_OrI(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    cpu.r[0] |= imm8(w);
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_Xor(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    cpu.r[n] ^= cpu.r[m];
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_XorI(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    cpu.r[0] ^= imm8(w);
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_Not(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    cpu.r[n] = !cpu.r[m];
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_Tst(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    cpu.t = (cpu.r[n] & cpu.r[m] == 0) as u32;
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_TstI(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    cpu.t = (cpu.r[0] & imm8(w) == 0) as u32;
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_TstB(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    {
        let v = cpu.read8(cpu.gbr.wrapping_add(cpu.r[0]));
        cpu.t = (v & imm8(w) == 0) as u32;
    }
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_AndB(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    {
        let a = cpu.gbr.wrapping_add(cpu.r[0]);
        let v = cpu.read8(a);
        cpu.write8(a, v & imm8(w));
    }
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_OrB(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    {
        let a = cpu.gbr.wrapping_add(cpu.r[0]);
        let v = cpu.read8(a);
        cpu.write8(a, v | imm8(w));
    }
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_XorB(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    {
        let a = cpu.gbr.wrapping_add(cpu.r[0]);
        let v = cpu.read8(a);
        cpu.write8(a, v ^ imm8(w));
    }
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_TasB(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    {
        let a = cpu.r[n];
        let v = cpu.read8(a);
        cpu.t = (v == 0) as u32;
        cpu.write8(a, v | 0x80);
    }
    // ---------------- shifts ----------------
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_Shll(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    {
        cpu.t = cpu.r[n] >> 31;
        cpu.r[n] <<= 1;
    }
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_Shal(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    {
        cpu.t = cpu.r[n] >> 31;
        cpu.r[n] <<= 1;
    }
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_Shlr(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    {
        cpu.t = cpu.r[n] & 1;
        cpu.r[n] >>= 1;
    }
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_Shar(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    {
        cpu.t = cpu.r[n] & 1;
        cpu.r[n] = ((cpu.r[n] as i32) >> 1) as u32;
    }
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_Rotl(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    {
        cpu.t = cpu.r[n] >> 31;
        cpu.r[n] = cpu.r[n].rotate_left(1);
    }
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_Rotr(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    {
        cpu.t = cpu.r[n] & 1;
        cpu.r[n] = cpu.r[n].rotate_right(1);
    }
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_Rotcl(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    {
        let t = cpu.r[n] >> 31;
        cpu.r[n] = (cpu.r[n] << 1) | cpu.t;
        cpu.t = t;
    }
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_Rotcr(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    {
        let t = cpu.r[n] & 1;
        cpu.r[n] = (cpu.r[n] >> 1) | (cpu.t << 31);
        cpu.t = t;
    }
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_Shll2(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    cpu.r[n] <<= 2;
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_Shlr2(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    cpu.r[n] >>= 2;
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_Shll8(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    cpu.r[n] <<= 8;
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_Shlr8(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    cpu.r[n] >>= 8;
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_Shll16(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    cpu.r[n] <<= 16;
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_Shlr16(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    cpu.r[n] >>= 16;
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_Shad(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    {
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
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_Shld(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    {
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
    // ---------------- T / S bits ----------------
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_Clrt(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    cpu.t = 0;
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_Sett(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    cpu.t = 1;
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_Clrs(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    cpu.s = 0;
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_Sets(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    cpu.s = 1;
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_Nop(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    {}
    // ---------------- branches ----------------
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_Synco(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    {}
    // ---------------- branches ----------------
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_Pref(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    {}
    // ---------------- branches ----------------
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_Prefi(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    {}
    // ---------------- branches ----------------
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_Icbi(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    {}
    // ---------------- branches ----------------
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_Ocbi(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    {}
    // ---------------- branches ----------------
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_Ocbp(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    {}
    // ---------------- branches ----------------
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_Ocbwb(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    {}
    // ---------------- branches ----------------
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_Bt(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    {
        let taken = cpu.t != 0;
        cpu.pc = if taken {
            pc.wrapping_add(4).wrapping_add(simm8(w) << 1)
        } else {
            pc.wrapping_add(2)
        };
        next!(cpu, left)
    }
}

#[allow(non_snake_case, unused_variables)]
fn op_Bf(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    {
        let taken = cpu.t == 0;
        cpu.pc = if taken {
            pc.wrapping_add(4).wrapping_add(simm8(w) << 1)
        } else {
            pc.wrapping_add(2)
        };
        next!(cpu, left)
    }
}

#[allow(non_snake_case, unused_variables)]
fn op_BtS(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    {
        let taken = cpu.t != 0;
        if taken {
            cpu.delayed(pc.wrapping_add(4).wrapping_add(simm8(w) << 1));
        } else {
            cpu.pc = pc.wrapping_add(2);
        }
        next!(cpu, left)
    }
}

#[allow(non_snake_case, unused_variables)]
fn op_BfS(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    {
        let taken = cpu.t == 0;
        if taken {
            cpu.delayed(pc.wrapping_add(4).wrapping_add(simm8(w) << 1));
        } else {
            cpu.pc = pc.wrapping_add(2);
        }
        next!(cpu, left)
    }
}

#[allow(non_snake_case, unused_variables)]
fn op_Bra(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    {
        cpu.delayed(pc.wrapping_add(4).wrapping_add(disp12(w) << 1));
        next!(cpu, left)
    }
}

#[allow(non_snake_case, unused_variables)]
fn op_Bsr(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    {
        cpu.pr = pc.wrapping_add(4);
        cpu.delayed(pc.wrapping_add(4).wrapping_add(disp12(w) << 1));
        next!(cpu, left)
    }
}

#[allow(non_snake_case, unused_variables)]
fn op_Braf(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    {
        let t = pc.wrapping_add(4).wrapping_add(cpu.r[n]);
        cpu.delayed(t);
        next!(cpu, left)
    }
}

#[allow(non_snake_case, unused_variables)]
fn op_Bsrf(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    {
        let t = pc.wrapping_add(4).wrapping_add(cpu.r[n]);
        cpu.pr = pc.wrapping_add(4);
        cpu.delayed(t);
        next!(cpu, left)
    }
}

#[allow(non_snake_case, unused_variables)]
fn op_Jmp(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    {
        let t = cpu.r[n];
        cpu.delayed(t);
        next!(cpu, left)
    }
}

#[allow(non_snake_case, unused_variables)]
fn op_Jsr(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    {
        let t = cpu.r[n];
        cpu.pr = pc.wrapping_add(4);
        cpu.delayed(t);
        next!(cpu, left)
    }
}

#[allow(non_snake_case, unused_variables)]
fn op_Rts(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    {
        let t = cpu.pr;
        cpu.delayed(t);
        next!(cpu, left)
    }
}

#[allow(non_snake_case, unused_variables)]
fn op_Rte(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    {
        let t = cpu.spc;
        let ssr = cpu.ssr;
        cpu.set_sr(ssr);
        cpu.delayed(t);
        next!(cpu, left)
    }
}

#[allow(non_snake_case, unused_variables)]
fn op_Trapa(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    {
        cpu.halt(Stop::Trapa(w as u8));
        next!(cpu, left)
    }
}

#[allow(non_snake_case, unused_variables)]
fn op_Sleep(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    {
        cpu.halt(Stop::Sleep);
        next!(cpu, left)
    }
}

#[allow(non_snake_case, unused_variables)]
fn op_Ldtlb(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    {
        cpu.exception(Exception::Ldtlb);
        next!(cpu, left)
    }
    // ---------------- system registers ----------------
}

#[allow(non_snake_case, unused_variables)]
fn op_LdcSr(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    {
        let v = cpu.r[n];
        cpu.set_sr(v)
    }
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_LdcGbr(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    cpu.gbr = cpu.r[n];
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_LdcVbr(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    cpu.vbr = cpu.r[n];
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_LdcSsr(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    cpu.ssr = cpu.r[n];
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_LdcSpc(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    cpu.spc = cpu.r[n];
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_LdcSgr(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    cpu.sgr = cpu.r[n];
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_LdcDbr(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    cpu.dbr = cpu.r[n];
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_LdcBank(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    cpu.r_bank[m & 7] = cpu.r[n];
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_StcSr(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    cpu.r[n] = cpu.sr();
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_StcGbr(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    cpu.r[n] = cpu.gbr;
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_StcVbr(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    cpu.r[n] = cpu.vbr;
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_StcSsr(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    cpu.r[n] = cpu.ssr;
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_StcSpc(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    cpu.r[n] = cpu.spc;
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_StcSgr(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    cpu.r[n] = cpu.sgr;
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_StcDbr(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    cpu.r[n] = cpu.dbr;
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_StcBank(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    cpu.r[n] = cpu.r_bank[m & 7];
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_LdsMach(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    cpu.mach = cpu.r[n];
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_LdsMacl(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    cpu.macl = cpu.r[n];
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_LdsPr(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    cpu.pr = cpu.r[n];
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_StsMach(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    cpu.r[n] = cpu.mach;
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_StsMacl(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    cpu.r[n] = cpu.macl;
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_StsPr(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    cpu.r[n] = cpu.pr;
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_LdcLSr(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    {
        let v = cpu.pop(n);
        if cpu.stop.is_none() {
            cpu.set_sr(v)
        }
    }
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_LdcLGbr(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    cpu.gbr = cpu.pop(n);
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_LdcLVbr(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    cpu.vbr = cpu.pop(n);
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_LdcLSsr(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    cpu.ssr = cpu.pop(n);
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_LdcLSpc(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    cpu.spc = cpu.pop(n);
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_LdcLSgr(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    cpu.sgr = cpu.pop(n);
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_LdcLDbr(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    cpu.dbr = cpu.pop(n);
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_LdcLBank(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    cpu.r_bank[m & 7] = cpu.pop(n);
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_LdsLMach(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    cpu.mach = cpu.pop(n);
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_LdsLMacl(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    cpu.macl = cpu.pop(n);
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_LdsLPr(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    cpu.pr = cpu.pop(n);
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_StcLSr(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    {
        let v = cpu.sr();
        cpu.push(n, v)
    }
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_StcLGbr(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    cpu.push(n, cpu.gbr);
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_StcLVbr(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    cpu.push(n, cpu.vbr);
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_StcLSsr(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    cpu.push(n, cpu.ssr);
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_StcLSpc(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    cpu.push(n, cpu.spc);
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_StcLSgr(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    cpu.push(n, cpu.sgr);
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_StcLDbr(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    cpu.push(n, cpu.dbr);
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_StcLBank(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    cpu.push(n, cpu.r_bank[m & 7]);
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_StsLMach(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    cpu.push(n, cpu.mach);
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_StsLMacl(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    cpu.push(n, cpu.macl);
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

#[allow(non_snake_case, unused_variables)]
fn op_StsLPr(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    cpu.pc = pc;
    let n = rn(w);
    let m = rm(w);
    cpu.push(n, cpu.pr);
    cpu.pc = pc.wrapping_add(2);
    next!(cpu, left)
}

/// The handler of each operation.
const fn handler(op: Op) -> Handler {
    match op {
        Op::Illegal => op_Illegal,
        Op::Mov => op_Mov,
        Op::MovI => op_MovI,
        Op::MovWLPc => op_MovWLPc,
        Op::MovLLPc => op_MovLLPc,
        Op::Mova => op_Mova,
        Op::MovBS => op_MovBS,
        Op::MovWS => op_MovWS,
        Op::MovLS => op_MovLS,
        Op::MovBL => op_MovBL,
        Op::MovWL => op_MovWL,
        Op::MovLL => op_MovLL,
        Op::MovBSDec => op_MovBSDec,
        Op::MovWSDec => op_MovWSDec,
        Op::MovLSDec => op_MovLSDec,
        Op::MovBLInc => op_MovBLInc,
        Op::MovWLInc => op_MovWLInc,
        Op::MovLLInc => op_MovLLInc,
        Op::MovBS0 => op_MovBS0,
        Op::MovWS0 => op_MovWS0,
        Op::MovLS0 => op_MovLS0,
        Op::MovBL0 => op_MovBL0,
        Op::MovWL0 => op_MovWL0,
        Op::MovLL0 => op_MovLL0,
        Op::MovLSDisp => op_MovLSDisp,
        Op::MovLLDisp => op_MovLLDisp,
        Op::MovBS4 => op_MovBS4,
        Op::MovWS4 => op_MovWS4,
        Op::MovBL4 => op_MovBL4,
        Op::MovWL4 => op_MovWL4,
        Op::MovBSGbr => op_MovBSGbr,
        Op::MovWSGbr => op_MovWSGbr,
        Op::MovLSGbr => op_MovLSGbr,
        Op::MovBLGbr => op_MovBLGbr,
        Op::MovWLGbr => op_MovWLGbr,
        Op::MovLLGbr => op_MovLLGbr,
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
        Op::Movli => op_Movli,
        Op::Movco => op_Movco,
        Op::Movca => op_Movca,
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
        Op::TstB => op_TstB,
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
        Op::LdcLSr => op_LdcLSr,
        Op::LdcLGbr => op_LdcLGbr,
        Op::LdcLVbr => op_LdcLVbr,
        Op::LdcLSsr => op_LdcLSsr,
        Op::LdcLSpc => op_LdcLSpc,
        Op::LdcLSgr => op_LdcLSgr,
        Op::LdcLDbr => op_LdcLDbr,
        Op::LdcLBank => op_LdcLBank,
        Op::LdsLMach => op_LdsLMach,
        Op::LdsLMacl => op_LdsLMacl,
        Op::LdsLPr => op_LdsLPr,
        Op::StcLSr => op_StcLSr,
        Op::StcLGbr => op_StcLGbr,
        Op::StcLVbr => op_StcLVbr,
        Op::StcLSsr => op_StcLSsr,
        Op::StcLSpc => op_StcLSpc,
        Op::StcLSgr => op_StcLSgr,
        Op::StcLDbr => op_StcLDbr,
        Op::StcLBank => op_StcLBank,
        Op::StsLMach => op_StsLMach,
        Op::StsLMacl => op_StsLMacl,
        Op::StsLPr => op_StsLPr,
    }
}

/// First execution of a halfword whose op cache entry is unknown: decodes it, caches
/// the operation, and runs it.
fn op_decode(cpu: &mut Cpu, w: u16, left: u32, pc: u32) -> u32 {
    let op = DECODE[w as usize];
    cpu.mem.cache_op(pc, op as u8);
    become HANDLERS[op as usize](cpu, w, left, pc)
}

/// Handlers indexed by `Op as usize`; every other index (the op cache's
/// [`crate::mem::OP_UNKNOWN`]) decodes first.
static HANDLERS: [Handler; 256] = {
    let mut t: [Handler; 256] = [op_decode as Handler; 256];
    let mut i = 0;
    while i < OP_COUNT {
        // SAFETY: `Op` is `repr(u8)` with the discriminants 0..OP_COUNT, in order.
        t[i] = handler(unsafe { std::mem::transmute::<u8, Op>(i as u8) });
        i += 1;
    }
    t
};
