//! Linux user mode: runs a static big-endian SH ELF program the way `qemu-sh4eb` does
//! in user mode, so that both can run the same binary (differential testing).
//!
//! Supported: the ELF's PT_LOAD segments, an 8 MiB stack below 0x7F000000, and the
//! system calls made with `trapa` (number in r3, arguments r4-r7, result in r0):
//! exit (1), exit_group (252), write (4) to fd 1/2. Any other call returns -ENOSYS.

use crate::machine::bus::Memory;
use crate::machine::cpu::{Cpu, Stop};
use object::{Object, ObjectSegment};

/// Top of the stack.
pub const STACK_TOP: u32 = 0x7F00_0000;
/// Stack size.
pub const STACK_SIZE: u32 = 8 << 20;

/// How a Linux-mode run ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinuxOutcome {
    /// exit() with this status.
    Exited(i32),
    /// A CPU exception (message).
    Crashed(String),
    /// The instruction budget ran out.
    Timeout,
}

/// The result of a Linux-mode run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinuxRun {
    /// How it ended.
    pub outcome: LinuxOutcome,
    /// Bytes written to fd 1.
    pub stdout: Vec<u8>,
    /// Bytes written to fd 2.
    pub stderr: Vec<u8>,
    /// Instructions executed.
    pub instructions: u64,
}

/// Loads a static SH ELF into a fresh CPU (PC at the entry, SP at the stack top).
pub fn load_elf(bytes: &[u8]) -> Result<Cpu, String> {
    // ELF magic, 32-bit, big-endian, e_machine 42 (EM_SH).
    let is_sh = bytes.len() > 20
        && bytes[..4] == *b"\x7fELF"
        && bytes[4] == 1
        && bytes[5] == 2
        && u16::from_be_bytes([bytes[18], bytes[19]]) == 42;
    if !is_sh {
        return Err("not a 32-bit big-endian SuperH ELF".into());
    }
    let file = object::File::parse(bytes).map_err(|e| format!("not an ELF file: {e}"))?;
    let mut mem = Memory::new();
    for seg in file.segments() {
        let (addr, size) = (seg.address() as u32, seg.size() as u32);
        if size == 0 {
            continue;
        }
        let first = addr >> 16;
        let last = (addr as u64 + size as u64 - 1) as u32 >> 16;
        for page in first..=last {
            if !mem.is_mapped(page << 16) {
                mem.map(page << 16, 0x10000, true);
            }
        }
        let data = seg.data().map_err(|e| format!("bad segment: {e}"))?;
        for (i, chunk) in data.chunks(0x1000).enumerate() {
            let a = addr + (i * 0x1000) as u32;
            // Chunks may cross a page boundary: copy byte runs per page.
            let mut off = 0;
            while off < chunk.len() {
                let here = a + off as u32;
                let room = (0x10000 - (here & 0xFFFF)) as usize;
                let n = room.min(chunk.len() - off);
                if !mem.load(here, &chunk[off..off + n]) {
                    return Err(format!("cannot load segment at {here:#x}"));
                }
                off += n;
            }
        }
    }
    mem.map(STACK_TOP - STACK_SIZE, STACK_SIZE, true);
    let mut cpu = Cpu::new(mem);
    cpu.pc = file.entry() as u32;
    cpu.r[15] = STACK_TOP - 64;
    Ok(cpu)
}

/// Runs a static SH ELF in Linux user mode for at most `max_instructions`.
pub fn run_elf(bytes: &[u8], max_instructions: u64) -> Result<LinuxRun, String> {
    let mut cpu = load_elf(bytes)?;
    Ok(run_cpu(&mut cpu, max_instructions))
}

/// Runs a loaded CPU in Linux user mode.
pub fn run_cpu(cpu: &mut Cpu, max_instructions: u64) -> LinuxRun {
    let mut stdout = Vec::new();
    let mut stderr = Vec::new();
    let outcome = loop {
        let left = max_instructions.saturating_sub(cpu.icount);
        if left == 0 {
            break LinuxOutcome::Timeout;
        }
        match cpu.run(left) {
            Stop::Budget => break LinuxOutcome::Timeout,
            Stop::Trapa(_) => {
                let (n, a, b, c) = (cpu.r[3], cpu.r[4], cpu.r[5], cpu.r[6]);
                let ret: i32 = match n {
                    1 | 252 => break LinuxOutcome::Exited(a as i32),
                    4 => {
                        let mut buf = Vec::with_capacity(c as usize);
                        let mut ok = true;
                        for i in 0..c.min(1 << 20) {
                            match cpu.peek(b.wrapping_add(i), 1) {
                                Ok(v) => buf.push(v as u8),
                                Err(_) => {
                                    ok = false;
                                    break;
                                }
                            }
                        }
                        if !ok {
                            -14 // EFAULT
                        } else {
                            match a {
                                1 => stdout.extend_from_slice(&buf),
                                2 => stderr.extend_from_slice(&buf),
                                _ => {}
                            }
                            c as i32
                        }
                    }
                    _ => -38, // ENOSYS
                };
                cpu.r[0] = ret as u32;
                cpu.pc = cpu.pc.wrapping_add(2);
            }
            Stop::Sleep => cpu.pc = cpu.pc.wrapping_add(2),
            Stop::Special(a) => {
                break LinuxOutcome::Crashed(format!("jump to special address {a:#x}"));
            }
            Stop::NoInput { pc } => {
                break LinuxOutcome::Crashed(format!("input device read at pc {pc:#010x}"));
            }
            Stop::Exception { exc, pc, in_slot } => {
                break LinuxOutcome::Crashed(format!(
                    "{exc} at pc {pc:#010x}{}",
                    if in_slot { " (delay slot)" } else { "" }
                ));
            }
        }
    };
    LinuxRun {
        outcome,
        stdout,
        stderr,
        instructions: cpu.icount,
    }
}
