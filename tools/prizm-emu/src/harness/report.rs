//! Crash reports: exception, PC, every register, and with an ELF the symbolized PC/PR
//! and a backtrace scanned from the stack.

use super::symbols::Symbols;
use crate::machine::cpu::Cpu;
use crate::machine::model::{CLOCK_HZ, Model};

/// A crash report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CrashReport {
    /// What happened.
    pub what: String,
    /// Address of the instruction (or of the call's return for OS-call problems).
    pub pc: u32,
    /// General registers.
    pub r: [u32; 16],
    /// PR.
    pub pr: u32,
    /// SR.
    pub sr: u32,
    /// The full text of the report.
    pub text: String,
    /// The model whose memory the failed access was for, when the emulated model lacks
    /// it (an add-in made for another model).
    pub other_model: Option<Model>,
}

impl std::fmt::Display for CrashReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text)
    }
}

/// Builds the report of the state of `cpu` on `model` (with the add-in's `symbols`, if
/// known): `what` happened at `pc`.
pub fn crash_report(
    cpu: &Cpu,
    model: Model,
    symbols: Option<&Symbols>,
    what: String,
    pc: u32,
    in_slot: bool,
) -> CrashReport {
    use std::fmt::Write;
    let c = cpu;
    let mut t = String::new();
    let sym = |a: u32| {
        symbols
            .and_then(|s| s.symbolize(a))
            .map(|s| format!(" <{s}>"))
            .unwrap_or_default()
    };
    let _ = writeln!(t, "{what}");
    let _ = writeln!(
        t,
        "  PC  = {pc:#010x}{}{}",
        if in_slot { " (in a delay slot)" } else { "" },
        sym(pc)
    );
    let _ = writeln!(t, "  PR  = {:#010x}{}", c.pr, sym(c.pr));
    for row in 0..4 {
        let _ = write!(t, " ");
        for i in row * 4..row * 4 + 4 {
            let _ = write!(t, " r{i:<2}= {:#010x}", c.r[i]);
        }
        let _ = writeln!(t);
    }
    let _ = writeln!(
        t,
        "  SR  = {:#010x}  GBR = {:#010x}  MACH = {:#010x}  MACL = {:#010x}",
        c.sr(),
        c.gbr,
        c.mach,
        c.macl
    );
    let _ = writeln!(
        t,
        "  VBR = {:#010x}  SSR = {:#010x}  SPC = {:#010x}  SGR = {:#010x}  DBR = {:#010x}",
        c.vbr, c.ssr, c.spc, c.sgr, c.dbr
    );
    let _ = writeln!(
        t,
        "  after {} instructions, {:.3} s emulated",
        c.icount,
        c.now() as f64 / CLOCK_HZ as f64
    );
    if let Some(s) = symbols {
        let sp = c.r[15];
        let top = model.initial_sp();
        let len = top.saturating_sub(sp).min(64 * 1024) as usize;
        let stack = c.mem.slice(sp, len).map(|s| s.to_vec()).unwrap_or_default();
        let frames = s.scan_stack(&stack, 32);
        if !frames.is_empty() {
            let _ = writeln!(t, "  backtrace (return addresses found on the stack):");
            for (off, a) in frames {
                let _ = writeln!(t, "    sp+{off:#06x}: {a:#010x}{}", sym(a));
            }
        }
    }
    CrashReport {
        what,
        pc,
        r: c.r,
        pr: c.pr,
        sr: c.sr(),
        text: t,
        other_model: None,
    }
}
