//! The translator against the interpreter: random programs made mostly of translated
//! instructions run on two CPUs, one translating and one interpreting, with the same
//! budgets; registers, instruction counts, stop reasons and memory must agree after
//! every run. Register values point into RAM (aligned or not), at code, or anywhere,
//! so that memory instructions take the fast path, bail to the interpreter (devices,
//! faults, misalignment) or store over code (when the program sits in RAM).

use super::emit::{is_branch, kind};
use crate::machine::bus::Memory;
use crate::machine::cpu::exec::{handler_of, insn};
use crate::machine::cpu::{Cpu, Stop};

const CODE: u32 = 0x0030_0000;
const RAM: u32 = 0x0810_0000;

/// xorshift64.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// A random word whose instruction the translator handles (`branch`: a branch), or any
/// word at all.
fn word(rng: &mut Rng, want: Option<bool>) -> u16 {
    loop {
        let w = rng.next() as u16;
        let Some(want_branch) = want else { return w };
        let e = insn(handler_of(w).1, CODE, w);
        if let Some(op) = kind(&e)
            && is_branch(op) == want_branch
        {
            return w;
        }
    }
}

/// A random register value: into RAM (where code may be), at code in ROM, small, a
/// multiple of 32 (shift counts), some bytes zero (cmp/str), or anything.
fn value(rng: &mut Rng) -> u32 {
    let v = rng.next() as u32;
    let bytes = rng.next() as u32 & 0x0101_0101;
    match rng.below(12) {
        0..=4 => RAM + (v & 0x7FC),
        5 => RAM + (v & 0x7FF),
        6 => CODE + (v & 0xFE),
        7 => (v as i32 >> 28) as u32,
        8 => ((v as i32 >> 27) << 5) as u32,
        9 => v & (bytes * 0xFF),
        _ => v,
    }
}

/// Two identical machines (code in read-only memory at CODE, or in RAM).
fn machines(code: &[u8], in_ram: bool) -> (Cpu, Cpu, u32) {
    let make = || {
        let mut mem = Memory::new();
        mem.map(CODE, 0x10000, false);
        mem.map(RAM, 0x10000, true);
        let at = if in_ram { RAM } else { CODE };
        assert!(mem.load(at, code));
        (Cpu::new(mem), at)
    };
    let (jit, at) = make();
    let (mut interp, _) = make();
    interp.set_translate(false);
    (jit, interp, at)
}

fn compare(a: &mut Cpu, b: &mut Cpu, what: &str) {
    assert_eq!(a.save_regs(), b.save_regs(), "{what}: registers");
    assert_eq!(a.icount, b.icount, "{what}: instruction count");
}

fn compare_memory(a: &mut Cpu, b: &mut Cpu, what: &str) {
    for addr in (RAM..RAM + 0x10000).step_by(4) {
        let (x, y) = (a.peek(addr, 4), b.peek(addr, 4));
        assert_eq!(x, y, "{what}: memory at {addr:#010x}");
    }
}

/// Runs `programs` random programs; panics at the first difference. Returns how many
/// instructions ran.
fn differential(programs: u32, seed: u64) -> u64 {
    differential_on(programs, seed, None).0
}

/// As [`differential`]; with `shared_code_buffer`, all programs run on the same two
/// machines (code reloaded each time), the translating one with a code buffer of that
/// size. Returns the instructions run and how many times the translating machine
/// flushed its translations.
fn differential_on(programs: u32, seed: u64, shared_code_buffer: Option<usize>) -> (u64, u64) {
    let mut rng = Rng(seed);
    let mut total = 0;
    let mut shared: Option<(Cpu, Cpu)> = None;
    for p in 0..programs {
        // 4 KiB of code, entered in the middle: translated instructions with a branch
        // or any word now and then (branches mostly land in the same code).
        let words: Vec<u16> = (0..2048)
            .map(|_| match rng.below(100) {
                0..=86 => word(&mut rng, Some(false)),
                87..=95 => word(&mut rng, Some(true)),
                _ => word(&mut rng, None),
            })
            .collect();
        let code: Vec<u8> = words.iter().flat_map(|w| w.to_be_bytes()).collect();
        let in_ram = rng.below(2) == 0;
        let (mut fresh_jit, mut fresh_interp);
        let (jit, interp, at) = match shared_code_buffer {
            None => {
                let at;
                (fresh_jit, fresh_interp, at) = machines(&code, in_ram);
                (&mut fresh_jit, &mut fresh_interp, at)
            }
            Some(size) => {
                let (a, b) = shared.get_or_insert_with(|| {
                    let (mut a, b, _) = machines(&[], false);
                    a.jit = super::Jit::with_size(true, size);
                    (a, b)
                });
                let at = if in_ram { RAM } else { CODE };
                for cpu in [&mut *a, &mut *b] {
                    assert!(cpu.mem.load(at, &code));
                }
                (a, b, at)
            }
        };
        assert!(jit.translates() && !interp.translates());
        let before = jit.icount;
        let init = rng.next();
        let start = at + 1024 + 2 * rng.below(512) as u32;
        for cpu in [&mut *jit, &mut *interp] {
            let mut r = Rng(init);
            for i in 0..16 {
                cpu.r[i] = value(&mut r);
            }
            cpu.gbr = value(&mut r);
            cpu.pr = start + 2 * r.below(256) as u32;
            cpu.set_sr(r.next() as u32 & 0x303 | 0x4000_0000);
            cpu.pc = start;
        }
        // Runs with random budgets; an exception, trap or sleep is stepped over (both
        // machines stopped at the same instruction) so that the program goes on.
        for step in 0..40 {
            let budget = 1 + rng.below(400);
            let (x, y) = (jit.run(budget), interp.run(budget));
            let what = format!("program {p} (seed {seed:#x}), run {step}");
            assert_eq!(x, y, "{what}: stop");
            compare(jit, interp, &what);
            if jit.icount - before > 4000 {
                break;
            }
            if x != Stop::Budget {
                for cpu in [&mut *jit, &mut *interp] {
                    cpu.pc = cpu.pc.wrapping_add(2);
                }
            }
        }
        compare_memory(jit, interp, &format!("program {p} (seed {seed:#x})"));
        total += jit.icount - before;
    }
    let flushes = shared.map_or(0, |(a, _)| a.jit.flushes);
    (total, flushes)
}

/// A translated long-word store whose second halfword is cached code invalidates it.
#[test]
fn translated_store_over_the_second_halfword_of_code() {
    let mut mem = Memory::new();
    mem.map(RAM, 0x10000, true);
    let words: [(u32, &[u16]); 2] = [
        // mov.l r1,@r2 ; mov #5,r4 ; sleep
        (RAM, &[0x2212, 0xE405, 0x001B]),
        // mov #1,r0 ; mov #1,r3 ; sleep
        (RAM + 0x102, &[0xE001, 0xE301, 0x001B]),
    ];
    for (at, w) in words {
        let bytes: Vec<u8> = w.iter().flat_map(|w| w.to_be_bytes()).collect();
        assert!(mem.load(at, &bytes));
    }
    let mut cpu = Cpu::new(mem);
    assert!(cpu.translates());
    cpu.pc = RAM + 0x102;
    assert_eq!(cpu.run(100), Stop::Sleep);
    assert_eq!(cpu.r[0], 1);
    // nop at 0x100, `mov #2,r0` at 0x102.
    cpu.r[1] = 0x0009_E002;
    cpu.r[2] = RAM + 0x100;
    cpu.pc = RAM;
    assert_eq!(cpu.run(100), Stop::Sleep);
    cpu.pc = RAM + 0x102;
    assert_eq!(cpu.run(100), Stop::Sleep);
    assert_eq!(cpu.r[0], 2, "the stale translation ran");
}

#[test]
fn translated_code_matches_the_interpreter() {
    let n = differential(1500, 0x243F_6A88_85A3_08D3);
    assert!(n > 80_000, "the programs ran only {n} instructions");
}

/// Programs on the same machines with a small code buffer: translations are flushed
/// (with every block) when it fills, and the machine goes on as before.
#[test]
fn translated_code_survives_code_buffer_flushes() {
    let (n, flushes) = differential_on(300, 0x1357_9BDF_2468_ACE0, Some(80 << 10));
    assert!(n > 10_000, "the programs ran only {n} instructions");
    assert!(flushes > 0, "the code buffer never filled");
}

/// Many more programs: `cargo test -p prizm-emu --release -- --ignored translated`.
#[test]
#[ignore]
fn translated_code_matches_the_interpreter_long() {
    for seed in 1..=25u64 {
        differential(2000, seed.wrapping_mul(0x9E37_79B9_7F4A_7C15));
    }
}
