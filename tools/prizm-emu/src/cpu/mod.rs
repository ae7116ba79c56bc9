//! The SH-4A (SH7305, no FPU) processor: register file, memory accessors and the run
//! loop. Decoding lives in [`decode`], instruction semantics in [`exec`].
//!
//! Time: one instruction is one cycle of a 118 MHz clock ([`CLOCK_HZ`]); waits made by
//! the OS layer (key-script waits, delays, sleeps) add idle cycles on top.

pub mod decode;
pub mod exec;
#[cfg(test)]
mod tests;

use crate::mem::{Fault, Memory, PAGE_R, PAGE_W};

/// Emulated clock: instructions (cycles) per emulated second.
pub const CLOCK_HZ: u64 = 118_000_000;

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
    /// Bits of SR that exist.
    pub const VALID: u32 = 0x7000_83F3;
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
    /// Idle cycles added by waits (time passes, no instruction runs).
    pub idle_cycles: u64,
    /// The address space.
    pub mem: Memory,
    /// Run loop bound: `icount` stops here; set to 0 to stop at once.
    limit: u64,
    /// Why the loop stopped, when not by budget.
    stop: Option<Stop>,
    /// Whether the instruction being executed sits in a delay slot.
    in_slot: bool,
    /// Addresses whose fetch stops the run with [`Stop::Special`].
    special: Vec<u32>,
    /// Page (PC & 0xFFFF0000) whose instructions the threaded dispatch may fetch
    /// directly, or [`NO_CODE_PAGE`]; set by the run loop at each chain start.
    pub(crate) code_tag: u32,
    /// Arena offset of that page.
    pub(crate) code_off: usize,
}

/// Longest chain of threaded dispatch between two returns to the run loop.
const CHAIN: u64 = 4096;

/// A `code_tag` no PC matches (`pc & 0xFFFF0001` never has bit 1 set).
pub(crate) const NO_CODE_PAGE: u32 = 2;

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
            mem,
            limit: 0,
            stop: None,
            in_slot: false,
            special: Vec::new(),
            code_tag: NO_CODE_PAGE,
            code_off: 0,
        }
    }

    /// Emulated time in cycles: instructions executed plus idle cycles.
    #[inline]
    pub fn now(&self) -> u64 {
        self.icount + self.idle_cycles
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
        self.limit = 0;
        // Ends the threaded chain at its next fetch.
        self.code_tag = NO_CODE_PAGE;
    }

    #[inline(never)]
    fn fault(&mut self, f: Fault) {
        let pc = self.pc;
        let in_slot = self.in_slot;
        self.halt(Stop::Exception {
            exc: Exception::Memory(f),
            pc,
            in_slot,
        });
    }

    /// Raises `exc` at the current instruction.
    #[inline(never)]
    pub(crate) fn exception(&mut self, exc: Exception) {
        let pc = self.pc;
        let in_slot = self.in_slot;
        self.halt(Stop::Exception { exc, pc, in_slot });
    }

    /// Runs at most `max` instructions; returns why it stopped.
    pub fn run(&mut self, max: u64) -> Stop {
        self.stop = None;
        self.limit = self.icount.saturating_add(max);
        while self.icount < self.limit {
            let pc = self.pc;
            let e = self.mem.entry(pc);
            let word = if e & PAGE_R != 0 && pc & 1 == 0 {
                // The chain may fetch from this page without the page table.
                self.code_tag = pc & 0xFFFF_0000;
                self.code_off = (e & 0xFFFF_0000) as usize;
                // SAFETY: readable entry, 2-byte aligned access.
                u16::from_be_bytes(unsafe { self.mem.arena_read::<2>(e, pc) })
            } else {
                self.code_tag = NO_CODE_PAGE;
                match self.fetch_slow(pc) {
                    Some(w) => w,
                    None => break,
                }
            };
            // One chain of at most CHAIN instructions: emulated time (`icount`) seen by
            // devices inside a chain lags by less than that. Delay slots count
            // themselves (in `delay_slot`) outside the chain's budget, so a chain gets
            // half of what is left: the budget is overshot by one instruction at most
            // (a branch's slot).
            let n = ((self.limit - self.icount) / 2).clamp(1, CHAIN);
            self.icount += 1;
            let left = self.exec(word, n as u32 - 1);
            self.icount += n - 1 - left as u64;
            if self.stop.is_some() {
                break;
            }
        }
        self.code_tag = NO_CODE_PAGE;
        self.stop.take().unwrap_or(Stop::Budget)
    }

    /// Executes exactly one instruction (a branch runs its delay slot too).
    pub fn step(&mut self) -> Stop {
        self.run(1)
    }

    #[inline(never)]
    fn fetch_slow(&mut self, pc: u32) -> Option<u16> {
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

    /// Fetches an instruction word for a delay slot.
    pub(crate) fn fetch(&mut self, pc: u32) -> Option<u16> {
        let e = self.mem.entry(pc);
        if e & PAGE_R != 0 && pc & 1 == 0 {
            // SAFETY: readable entry, 2-byte aligned access.
            Some(u16::from_be_bytes(unsafe {
                self.mem.arena_read::<2>(e, pc)
            }))
        } else {
            self.fetch_slow(pc)
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
        self.mem.write_slow(a, size, v, now)
    }

    /// Reads an unaligned 32-bit word byte by byte (movua.l).
    pub(crate) fn read32_unaligned(&mut self, a: u32) -> u32 {
        let mut v = 0;
        for i in 0..4 {
            v = (v << 8) | self.read8(a.wrapping_add(i));
        }
        v
    }
}
