//! The SH-4A (SH7305, no FPU) processor: register file, memory accessors and the run
//! loop. Decoding lives in [`decode`], instruction semantics in [`exec`], the cache of
//! decoded blocks in `blocks` (with its tables over memory in the bus's code cache), the
//! translation of cached blocks to x86-64 code in `jit`.
//!
//! Time: emulated time is counted in ticks of [`crate::machine::model::CLOCK_HZ`]
//! (the fx-CG50's 117.9648 MHz CPU clock); one instruction is one CPU cycle, which is
//! `ticks_per_insn` ticks (1 on the fx-CG50, 2 on the fx-CG10/20 at 58.9824 MHz, see
//! [`Cpu::set_ticks_per_insn`]); waits made by the OS layer (key-script waits, delays,
//! sleeps, display transfers) add idle ticks on top. Budgets and the run loop's bound
//! count instructions (`icount`), so interpreted and translated code stop at the same
//! instruction whatever the clock.
//!
//! Interrupts: the devices' requests go through the INTC
//! ([`crate::machine::devices::Devices::pending`]); the CPU takes one between blocks,
//! never inside one, so that interpreted and translated code take it at the same
//! instruction count. The run loop's bound (`limit`) is lowered to the cycle at which
//! the next request rises ([`crate::machine::devices::Devices::next_irq`]), and to the
//! current count after a write to an interrupt-related device or a change of SR.BL or
//! SR.IMASK; the chain then ends at its next block boundary and the loop checks for an
//! interrupt to take (`irq_poll`). With no interrupt source enabled, the bound is the
//! budget and nothing is checked. Taking one (SH-4A: accepted when SR.BL is 0 and its
//! level is above SR.IMASK): SPC = PC, SSR = SR, SGR = R15, INTEVT = its code, SR.MD,
//! SR.RB and SR.BL set (and SR.IMASK = its level when CPUOPM.INTMU is set), PC = VBR +
//! 0x600. `rte` returns.

mod blocks;
pub mod decode;
pub mod exec;
#[cfg(test)]
mod irq_tests;
pub(crate) mod jit;
#[cfg(test)]
mod tests;

use crate::machine::bus::Memory;
use crate::machine::fault::Fault;
use crate::machine::page::{PAGE_R, PAGE_W};
use blocks::INSNS_CAPACITY;
use exec::{Insn, SLOT};

/// SR bit masks.
pub mod sr {
    /// T (test/carry) bit.
    pub const T: u32 = 1 << 0;
    /// S (saturation for MAC) bit.
    pub const S: u32 = 1 << 1;
    /// Interrupt mask.
    pub const IMASK: u32 = 0xF << 4;
    /// Q (divide step) bit.
    pub const Q: u32 = 1 << 8;
    /// M (divide step) bit.
    pub const M: u32 = 1 << 9;
    /// FPU disable.
    pub const FD: u32 = 1 << 15;
    /// Exception/interrupt block.
    pub const BL: u32 = 1 << 28;
    /// Register bank select.
    pub const RB: u32 = 1 << 29;
    /// Privileged mode.
    pub const MD: u32 = 1 << 30;
    /// DSP instructions enabled (SH4AL-DSP; gint sets it, the DSP instructions
    /// themselves are not emulated).
    pub const DSP: u32 = 1 << 12;
    /// Bits of SR that exist.
    pub const VALID: u32 = 0x7000_93F3;
}

/// A CPU exception that ends the run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Exception {
    /// An undefined or FPU instruction word.
    IllegalInstruction {
        /// The instruction word.
        word: u16,
    },
    /// A branch, trap or SR write in a delay slot (or an illegal word there).
    SlotIllegalInstruction {
        /// The instruction word in the slot.
        word: u16,
    },
    /// A memory access failed (address error, unmapped, read-only).
    Memory(Fault),
    /// `ldtlb`: the emulator has no MMU/TLB.
    Ldtlb,
}

/// How the CPU enters an exception's handler: the event code it writes to EXPEVT, the
/// address it writes to TEA, and the handler's offset from VBR.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExceptionEntry {
    /// EXPEVT's code.
    pub expevt: u16,
    /// TEA's address, for an exception raised by a memory access.
    pub tea: Option<u32>,
    /// The handler's offset from VBR: 0x100, or 0x400 for a TLB miss.
    pub vector: u32,
}

impl Exception {
    /// How the SH-4A enters the handler of this exception (SH-4A core manual, exception
    /// codes: address error 0x0E0 read / 0x100 write, TLB miss 0x040 / 0x060 at VBR +
    /// 0x400, TLB protection violation on a write 0x0C0, illegal instruction 0x180, slot
    /// illegal 0x1A0; the codes gint's exception handler names). `None` for what raises
    /// no CPU exception on the calculator (an unmapped P1/P2/P4 address is a bus matter,
    /// `ldtlb` is not emulated).
    pub fn entry(&self) -> Option<ExceptionEntry> {
        let (expevt, tea, vector) = match *self {
            Exception::IllegalInstruction { .. } => (0x180, None, 0x100),
            Exception::SlotIllegalInstruction { .. } => (0x1A0, None, 0x100),
            Exception::Memory(Fault::Misaligned { addr, write, .. }) => {
                (if write { 0x100 } else { 0x0E0 }, Some(addr), 0x100)
            }
            // Through the MMU (U0 and P3): no translation is a TLB miss.
            Exception::Memory(Fault::Unmapped { addr, write, .. })
                if addr < 0x8000_0000 || (0xC000_0000..0xE000_0000).contains(&addr) =>
            {
                (if write { 0x060 } else { 0x040 }, Some(addr), 0x400)
            }
            // The add-in image is mapped read-only: a write is a protection violation.
            Exception::Memory(Fault::ReadOnly { addr, .. }) => (0x0C0, Some(addr), 0x100),
            _ => return None,
        };
        Some(ExceptionEntry {
            expevt,
            tea,
            vector,
        })
    }
}

impl std::fmt::Display for Exception {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Exception::IllegalInstruction { word } => {
                write!(f, "illegal instruction {word:#06x}")
            }
            Exception::SlotIllegalInstruction { word } => {
                write!(f, "slot illegal instruction {word:#06x} in a delay slot")
            }
            Exception::Memory(fault) => write!(f, "{fault}"),
            Exception::Ldtlb => write!(f, "ldtlb: the emulator has no TLB"),
        }
    }
}

/// Why [`Cpu::run`] returned.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Stop {
    /// The instruction budget was used up.
    Budget,
    /// Execution reached a special address (the OS call entry or the magic return
    /// address): the PC is that address, the caller decides what it means.
    Special(u32),
    /// A `trapa #imm`; the PC is at the trapa instruction.
    Trapa(u8),
    /// A `sleep`; the PC is at the sleep instruction.
    Sleep,
    /// An input device had no input left to give ([`Fault::NoInput`]); the PC is at the
    /// instruction that read it, which runs again when the run resumes.
    NoInput {
        /// Address of the instruction.
        pc: u32,
    },
    /// An exception; `pc` is the faulting instruction (the slot instruction for a fault
    /// in a delay slot, with `in_slot`).
    Exception {
        /// What happened.
        exc: Exception,
        /// Address of the instruction.
        pc: u32,
        /// Whether the instruction was in a delay slot.
        in_slot: bool,
    },
}

/// A snapshot of the registers (everything but memory), to save and restore the CPU
/// around a call the emulator injects (timer handlers).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Regs {
    r: [u32; 16],
    r_bank: [u32; 8],
    pc: u32,
    pr: u32,
    gbr: u32,
    mach: u32,
    macl: u32,
    sr: u32,
    ldst: bool,
}

impl Regs {
    /// General registers R0-R15 (of the bank that was selected).
    pub fn r(&self) -> &[u32; 16] {
        &self.r
    }

    /// MACH.
    pub fn mach(&self) -> u32 {
        self.mach
    }

    /// MACL.
    pub fn macl(&self) -> u32 {
        self.macl
    }
}

/// The processor state plus its address space.
pub struct Cpu {
    /// General registers R0-R15 of the current bank.
    pub r: [u32; 16],
    /// The other bank of R0-R7 (the bank not selected by SR.RB).
    pub r_bank: [u32; 8],
    /// Program counter.
    pub pc: u32,
    /// Procedure register.
    pub pr: u32,
    /// Global base register.
    pub gbr: u32,
    /// Vector base register.
    pub vbr: u32,
    /// Saved status register.
    pub ssr: u32,
    /// Saved program counter.
    pub spc: u32,
    /// Saved general register 15.
    pub sgr: u32,
    /// Debug base register.
    pub dbr: u32,
    /// Multiply-accumulate high.
    pub mach: u32,
    /// Multiply-accumulate low.
    pub macl: u32,
    /// SR.T (0 or 1).
    pub t: u32,
    /// SR.S (0 or 1).
    pub s: u32,
    /// SR.Q (0 or 1).
    pub q: u32,
    /// SR.M (0 or 1).
    pub m: u32,
    /// The other SR bits (MD, RB, BL, FD, IMASK).
    sr_rest: u32,
    /// The LDST flag of movli.l/movco.l.
    pub ldst: bool,
    /// Instructions executed so far.
    pub icount: u64,
    /// Idle ticks added by waits (time passes, no instruction runs).
    pub idle_cycles: u64,
    /// Ticks per instruction (per CPU cycle): 1 at the fx-CG50's clock, 2 at the
    /// fx-CG10/20's.
    ticks_per_insn: u64,
    /// The address space.
    pub mem: Memory,
    /// Run loop bound: chains stop entering blocks here; set to 0 to stop at once, to
    /// `icount` to have the loop check for interrupts at the next block boundary.
    limit: u64,
    /// End of the current run's budget (`icount`).
    budget_end: u64,
    /// Why the loop stopped, when not by budget.
    stop: Option<Stop>,
    /// Addresses whose fetch stops the run with [`Stop::Special`].
    special: Vec<u32>,
    /// Cached blocks of decoded instructions: each is a header (first address,
    /// instruction count), its entries, and a terminator; entry 0 is unused (the
    /// memory's block map holds header indices, 0 for none). Only the run loop adds
    /// blocks (never while a chain runs, which holds pointers into it).
    pub(crate) insns: Vec<Insn>,
    /// A one-instruction block built for code that is not cached (slow-path memory,
    /// the end of the budget, a delay slot in the next page).
    scratch: Vec<Insn>,
    /// The translator of cached blocks to host code.
    jit: jit::Jit,
    /// Where translated code finds memory (refreshed by every run).
    view: jit::MemView,
}

impl Cpu {
    /// A CPU in privileged mode (SR.MD=1, RB=0, BL=0, IMASK=0) with all registers 0,
    /// over `mem`.
    pub fn new(mem: Memory) -> Self {
        Cpu {
            r: [0; 16],
            r_bank: [0; 8],
            pc: 0,
            pr: 0,
            gbr: 0,
            vbr: 0,
            ssr: 0,
            spc: 0,
            sgr: 0,
            dbr: 0,
            mach: 0,
            macl: 0,
            t: 0,
            s: 0,
            q: 0,
            m: 0,
            sr_rest: sr::MD,
            ldst: false,
            icount: 0,
            idle_cycles: 0,
            ticks_per_insn: 1,
            mem,
            limit: 0,
            budget_end: 0,
            stop: None,
            special: Vec::new(),
            insns: {
                // Never reallocated: terminators link to blocks by address.
                let mut v = Vec::with_capacity(INSNS_CAPACITY);
                v.push(exec::terminator(exec::DEAD));
                v
            },
            scratch: Vec::new(),
            jit: jit::Jit::new(true),
            view: jit::MemView::EMPTY,
        }
    }

    /// Turns translation of cached code to host code on (the default, on x86-64 hosts)
    /// or off (every instruction interpreted). Results are the same either way; this
    /// forgets every cached block.
    pub fn set_translate(&mut self, on: bool) {
        self.flush_blocks();
        self.jit = jit::Jit::new(on);
    }

    /// Whether cached code is translated to host code.
    pub fn translates(&self) -> bool {
        self.jit.enabled()
    }

    /// Emulated time in ticks: instructions executed times the ticks each takes, plus
    /// idle ticks.
    #[inline]
    pub fn now(&self) -> u64 {
        self.icount * self.ticks_per_insn + self.idle_cycles
    }

    /// Sets how many ticks of [`crate::machine::model::CLOCK_HZ`] one instruction takes
    /// ([`crate::machine::model::Model::ticks_per_cycle`]: 1 on the fx-CG50, 2 on the
    /// fx-CG10/20). Set it before the run starts: time already counted is re-counted.
    pub fn set_ticks_per_insn(&mut self, ticks: u64) {
        assert!(ticks >= 1, "an instruction takes at least one tick");
        self.ticks_per_insn = ticks;
    }

    /// Ticks per instruction ([`Cpu::set_ticks_per_insn`]).
    pub fn ticks_per_insn(&self) -> u64 {
        self.ticks_per_insn
    }

    /// How many instructions run before the clock ([`Cpu::now`]) reaches tick `t`, at
    /// least 1: the budget that ends a run at a timer due at `t`.
    pub fn insns_until(&self, t: u64) -> u64 {
        t.saturating_sub(self.now())
            .div_ceil(self.ticks_per_insn)
            .max(1)
    }

    /// Registers an address whose fetch stops the run with [`Stop::Special`]. It must not
    /// be in a fast-path page.
    pub fn add_special(&mut self, addr: u32) {
        self.special.push(addr);
    }

    /// Saves the registers.
    pub fn save_regs(&self) -> Regs {
        Regs {
            r: self.r,
            r_bank: self.r_bank,
            pc: self.pc,
            pr: self.pr,
            gbr: self.gbr,
            mach: self.mach,
            macl: self.macl,
            sr: self.sr(),
            ldst: self.ldst,
        }
    }

    /// Restores registers saved by [`Cpu::save_regs`].
    pub fn restore_regs(&mut self, s: &Regs) {
        // Select the saved bank first so that `r` and `r_bank` land where they were.
        self.set_sr(s.sr);
        self.r = s.r;
        self.r_bank = s.r_bank;
        self.pc = s.pc;
        self.pr = s.pr;
        self.gbr = s.gbr;
        self.mach = s.mach;
        self.macl = s.macl;
        self.ldst = s.ldst;
    }

    /// The status register.
    pub fn sr(&self) -> u32 {
        self.sr_rest | self.t | (self.s << 1) | (self.q << 8) | (self.m << 9)
    }

    /// Writes the status register, switching register banks when RB changes.
    pub fn set_sr(&mut self, v: u32) {
        let v = v & sr::VALID;
        if (v ^ self.sr_rest) & (sr::BL | sr::IMASK) != 0 {
            self.irq_recheck();
        }
        if (v ^ self.sr_rest) & sr::RB != 0 {
            for i in 0..8 {
                std::mem::swap(&mut self.r[i], &mut self.r_bank[i]);
            }
        }
        self.t = v & 1;
        self.s = (v >> 1) & 1;
        self.q = (v >> 8) & 1;
        self.m = (v >> 9) & 1;
        self.sr_rest = v & !(sr::T | sr::S | sr::Q | sr::M);
    }

    /// Stops the run at the end of the current instruction, keeping the first reason.
    #[inline(never)]
    pub(crate) fn halt(&mut self, why: Stop) {
        if self.stop.is_none() {
            self.stop = Some(why);
        }
        // Ends the chain at its next block.
        self.limit = 0;
    }

    /// A fault of the instruction fetch at `self.pc`.
    #[inline(never)]
    fn fault(&mut self, f: Fault) {
        let pc = self.pc;
        self.halt(match f {
            Fault::NoInput => Stop::NoInput { pc },
            f => Stop::Exception {
                exc: Exception::Memory(f),
                pc,
                in_slot: false,
            },
        });
    }

    /// Runs at most `max` instructions (a branch at the very end of the budget runs its
    /// delay slot too, one more); returns why it stopped.
    pub fn run(&mut self, max: u64) -> Stop {
        self.stop = None;
        self.budget_end = self.icount.saturating_add(max);
        self.view = jit::MemView::of(&mut self.mem, self.insns.as_ptr());
        self.irq_poll();
        loop {
            if self.icount >= self.limit {
                if self.stop.is_some() || self.icount >= self.budget_end {
                    break;
                }
                // A block boundary where interrupts may be due.
                self.irq_poll();
                continue;
            }
            self.mem.cache.written = false;
            // Blocks invalidated by stores since the last chain: unlink them.
            while let Some(idx) = self.mem.cache.killed.pop() {
                self.insns[idx as usize].pc = exec::DEAD;
            }
            let first = match self.enter_block() {
                Some(first) => first,
                None => match self.prepare() {
                    Some(first) => first,
                    None => break,
                },
            };
            // SAFETY: `first` is an entry of a block in `insns` or `scratch`, which are
            // not resized until the chain returns.
            unsafe { ((*first).h)(self, first) };
            if self.stop.is_some() {
                break;
            }
        }
        self.stop.take().unwrap_or(Stop::Budget)
    }

    /// Asks the run loop to check for interrupts at the next block boundary.
    #[inline]
    pub(crate) fn irq_recheck(&mut self) {
        self.limit = self.limit.min(self.icount);
    }

    /// Takes the pending interrupt if the CPU accepts it, then sets the loop's bound to
    /// the next rise of a request (or the budget's end).
    /// Whether an interrupt request of `level` is accepted now: SR.BL clear and the
    /// level above SR.IMASK.
    fn accepts(&self, level: u8) -> bool {
        self.sr_rest & sr::BL == 0 && level as u32 > (self.sr_rest & sr::IMASK) >> 4
    }

    #[cold]
    fn irq_poll(&mut self) {
        let now = self.now();
        if let Some((level, code)) = self.mem.devices.pending(now)
            && self.accepts(level)
        {
            self.take_interrupt(level, code);
        }
        self.limit = self.budget_end;
        if let Some(due) = self.mem.devices.next_irq(now) {
            // The first instruction count at which the clock reaches `due`.
            let due = due
                .saturating_sub(self.idle_cycles)
                .div_ceil(self.ticks_per_insn)
                .max(self.icount + 1);
            self.limit = self.limit.min(due);
        }
    }

    /// Enters the interrupt handler for event `code` at `level` (SH-4A interrupt
    /// acceptance; with CPUOPM.INTMU, SR.IMASK becomes the level).
    pub fn take_interrupt(&mut self, level: u8, code: u16) {
        self.spc = self.pc;
        self.ssr = self.sr();
        self.sgr = self.r[15];
        self.mem.devices.ccn.intevt = code as u32;
        let mut sr = self.sr() | sr::MD | sr::RB | sr::BL;
        if self.mem.devices.cpuopm.intmu() {
            sr = (sr & !sr::IMASK) | ((level as u32 & 0xF) << 4);
        }
        self.set_sr(sr);
        self.pc = self.vbr.wrapping_add(0x600);
    }

    /// Enters the handler of an exception raised by the instruction at `pc` (in a delay
    /// slot: `in_slot`, and SPC is the branch's address, so the branch runs again after
    /// `rte`), as the SH-4A does: SPC, SSR, SGR, EXPEVT and TEA saved, SR.MD, RB and BL
    /// set, PC at VBR + the entry's vector.
    pub fn take_exception(&mut self, entry: ExceptionEntry, pc: u32, in_slot: bool) {
        self.spc = if in_slot { pc.wrapping_sub(2) } else { pc };
        self.ssr = self.sr();
        self.sgr = self.r[15];
        self.mem.devices.ccn.expevt = entry.expevt as u32;
        if let Some(a) = entry.tea {
            self.mem.devices.ccn.tea = a;
        }
        self.set_sr(self.sr() | sr::MD | sr::RB | sr::BL);
        self.pc = self.vbr.wrapping_add(entry.vector);
    }

    /// The CPU sleeps (`sleep`) for at most `max` cycles: time passes until an interrupt
    /// the CPU accepts is requested, or `max` cycles.
    pub fn sleep(&mut self, max: u64) {
        let now = self.now();
        if self
            .mem
            .devices
            .pending(now)
            .is_some_and(|(l, _)| self.accepts(l))
        {
            return;
        }
        let wake = self
            .mem
            .devices
            .next_irq(now)
            .map_or(max, |due| (due - now).min(max));
        self.idle_cycles += wake;
    }

    /// Executes exactly one instruction (a branch runs its delay slot too).
    pub fn step(&mut self) -> Stop {
        self.run(1)
    }

    /// No cached block fits at the PC: caches one if possible and enters it, else builds
    /// a one-instruction scratch block and enters that (counting its instructions).
    /// `None` when the fetch stopped the run.
    #[inline(never)]
    fn prepare(&mut self) -> Option<*const Insn> {
        let pc = self.pc;
        if self.mem.fetch_fast(pc).is_some()
            && self.lookup(pc).is_none()
            && self.build_block(pc)
            && let Some(first) = self.enter_block()
        {
            return Some(first);
        }
        // One instruction (and its delay slot), not cached.
        let w = match self.mem.fetch_fast(pc) {
            Some(w) => w,
            None => self.fetch_slow(pc)?,
        };
        let mut v = std::mem::take(&mut self.scratch);
        v.clear();
        v.push(exec::terminator(pc));
        let len = if exec::ends_block(exec::handler_of(w).0) {
            let slot = pc.wrapping_add(2);
            let sw = match self.mem.fetch_fast(slot) {
                Some(sw) => Some(sw),
                // A slow-path fetch must not stop the run before the branch runs: probe.
                None if !self.special.contains(&slot) => self.peek(slot, 2).ok().map(|x| x as u16),
                None => None,
            };
            let slot = Some(match sw {
                Some(sw) => exec::slot_insn(slot, sw),
                None => Insn {
                    left: SLOT,
                    ..exec::insn(exec::op_fetch_fault, slot, 0)
                },
            });
            exec::push_end(&mut v, pc, w, slot)
        } else {
            let (_, h) = exec::handler_of(w);
            v.push(exec::insn(h, pc, w));
            v.push(exec::terminator(pc.wrapping_add(2)));
            1
        };
        if len == 2 {
            v[1].left = 1;
        }
        v[0].w = len as u16;
        self.scratch = v;
        self.icount += len as u64;
        // SAFETY: entry 1 of the scratch block.
        Some(unsafe { self.scratch.as_mut_ptr().add(1) })
    }

    #[inline(never)]
    pub(crate) fn fetch_slow(&mut self, pc: u32) -> Option<u16> {
        if self.special.contains(&pc) {
            self.halt(Stop::Special(pc));
            return None;
        }
        if pc & 1 != 0 {
            self.fault(Fault::Misaligned {
                addr: pc,
                size: 2,
                write: false,
            });
            return None;
        }
        let now = self.now();
        match self.mem.read_slow(pc, 2, now) {
            Ok(w) => Some(w as u16),
            Err(f) => {
                self.fault(f);
                None
            }
        }
    }

    // ---- data accesses: fast path through the page table, faults stop the run ----

    /// Reads a byte.
    #[inline(always)]
    pub fn read8(&mut self, a: u32) -> u32 {
        let e = self.mem.entry(a);
        if e & PAGE_R != 0 {
            // SAFETY: readable entry, 1-byte access.
            unsafe { self.mem.arena_read::<1>(e, a)[0] as u32 }
        } else {
            self.read_slow(a, 1)
        }
    }

    /// Reads a 16-bit word (zero-extended).
    #[inline(always)]
    pub fn read16(&mut self, a: u32) -> u32 {
        let e = self.mem.entry(a);
        if e & PAGE_R != 0 && a & 1 == 0 {
            // SAFETY: readable entry, 2-byte aligned access.
            u16::from_be_bytes(unsafe { self.mem.arena_read::<2>(e, a) }) as u32
        } else {
            self.read_slow(a, 2)
        }
    }

    /// Reads a 32-bit word.
    #[inline(always)]
    pub fn read32(&mut self, a: u32) -> u32 {
        let e = self.mem.entry(a);
        if e & PAGE_R != 0 && a & 3 == 0 {
            // SAFETY: readable entry, 4-byte aligned access.
            u32::from_be_bytes(unsafe { self.mem.arena_read::<4>(e, a) })
        } else {
            self.read_slow(a, 4)
        }
    }

    /// Writes a byte.
    #[inline(always)]
    pub fn write8(&mut self, a: u32, v: u32) {
        let e = self.mem.entry(a);
        if e & PAGE_W != 0 {
            // SAFETY: writable (hence mapped) entry, access aligned to its size.
            unsafe { self.mem.arena_write::<1>(e, a, [v as u8]) };
        } else {
            self.write_slow(a, 1, v)
        }
    }

    /// Writes a 16-bit word.
    #[inline(always)]
    pub fn write16(&mut self, a: u32, v: u32) {
        let e = self.mem.entry(a);
        if e & PAGE_W != 0 && a & 1 == 0 {
            // SAFETY: writable (hence mapped) entry, access aligned to its size.
            unsafe { self.mem.arena_write::<2>(e, a, (v as u16).to_be_bytes()) };
        } else {
            self.write_slow(a, 2, v)
        }
    }

    /// Writes a 32-bit word.
    #[inline(always)]
    pub fn write32(&mut self, a: u32, v: u32) {
        let e = self.mem.entry(a);
        if e & PAGE_W != 0 && a & 3 == 0 {
            // SAFETY: writable (hence mapped) entry, access aligned to its size.
            unsafe { self.mem.arena_write::<4>(e, a, v.to_be_bytes()) };
        } else {
            self.write_slow(a, 4, v)
        }
    }

    #[inline(never)]
    fn read_slow(&mut self, a: u32, size: u8) -> u32 {
        match self.peek(a, size) {
            Ok(v) => v,
            Err(f) => {
                self.fault(f);
                0
            }
        }
    }

    #[inline(never)]
    fn write_slow(&mut self, a: u32, size: u8, v: u32) {
        if let Err(f) = self.poke(a, size, v) {
            self.fault(f);
        }
    }

    /// Reads `size` (1, 2, 4) bytes at `a` with alignment checks, returning faults
    /// instead of stopping (for the OS layer).
    pub fn peek(&mut self, a: u32, size: u8) -> Result<u32, Fault> {
        if a & (size as u32 - 1) != 0 {
            return Err(Fault::Misaligned {
                addr: a,
                size,
                write: false,
            });
        }
        let now = self.now();
        self.mem.read_slow(a, size, now)
    }

    /// Writes `size` (1, 2, 4) bytes at `a` with alignment checks, returning faults
    /// instead of stopping (for the OS layer).
    pub fn poke(&mut self, a: u32, size: u8, v: u32) -> Result<(), Fault> {
        if a & (size as u32 - 1) != 0 {
            return Err(Fault::Misaligned {
                addr: a,
                size,
                write: true,
            });
        }
        let now = self.now();
        let r = self.mem.write_slow(a, size, v, now);
        if crate::machine::devices::Devices::irq_relevant(a) {
            self.irq_recheck();
        }
        r
    }
}
