//! The profiler of `prizm-emu run --profile`: exact counts per function, from the ELF's
//! symbols.
//!
//! While it is on, the emulator steps the CPU one instruction at a time
//! ([`Profiler::run`] instead of `Cpu::run`) and the profiler keeps a shadow call stack:
//!
//! - a call is a `bsr`, `bsrf` or `jsr` (the new PC is the target, PR the caller's PC + 4);
//!   it pushes a frame with its return address and the stack pointer after the call;
//! - a frame ends when the PC reaches its return address with r15 back where it was;
//!   when the PC leaves a function otherwise, every frame whose stack pointer is below
//!   r15 is gone too (unwinding that skipped returns, like `longjmp`);
//! - a jump out of the current function into another one (a tail call, `bra`/`jmp`)
//!   replaces the top frame's function (a call of the new one when it lands on its start);
//!   a jump into the middle of a caller's function returns to that caller's frame;
//! - an OS call is a leaf `OS:Name` of the calling frame, counted in emulated cycles
//!   (`os::CALL_CYCLES` plus the idle time it added); a call into the OS entry pushes no
//!   frame, the OS returns through PR;
//! - a timer handler the emulated OS starts (the PC moved onto a function's start between
//!   two runs) is a call that returns to PR;
//! - an interrupt (SR.BL set, SPC at the instruction that did not run) is a call of the
//!   handler at VBR + 0x600 (`[interrupt]` outside the symbols) that returns to SPC.
//!
//! Each instruction counts once for the top frame (self) and, through the frames' start
//! counts, for every function on the stack (inclusive; a recursive function counts each
//! instruction once). [`Profile`] is the result: per-function counts, folded stacks, the
//! top-N table and the flame graph.

use super::symbols::Symbols;
use crate::machine::cpu::{Cpu, Stop, sr};
use crate::os::{OS_ENTRY, OS_ENTRY_P2};
use std::collections::HashMap;
use std::io::Write;
use std::path::Path;

/// Name of the code outside every symbol.
const UNKNOWN: &str = "[unknown]";
/// Name of an interrupt handler outside every symbol.
const INTERRUPT: &str = "[interrupt]";
/// Prefix of the leaves that stand for OS calls.
pub const OS_PREFIX: &str = "OS:";
/// Parent of the call tree's roots.
const NO_NODE: u32 = u32::MAX;

/// A function: a symbol's address range, or a pseudo-function (unknown code, OS calls).
struct Func {
    start: u32,
    end: u32,
    name: String,
    os: bool,
}

/// Counts of one function.
#[derive(Clone, Copy, Default)]
struct Counts {
    self_insns: u64,
    inclusive: u64,
    calls: u64,
    os_cycles: u64,
}

/// A frame of the shadow stack.
struct Frame {
    func: u32,
    node: u32,
    /// Where the frame returns to.
    ret: u32,
    /// r15 right after the call.
    sp: u32,
    /// The function's range, for the quick "still inside" check.
    start: u32,
    end: u32,
    /// Instructions and OS cycles counted when the frame (or its function) began.
    insns_at: u64,
    os_at: u64,
}

/// A node of the call tree: a function reached through a given chain of callers.
struct Node {
    parent: u32,
    func: u32,
    /// Instructions executed in it (OS leaves: cycles).
    count: u64,
    /// Times it was called along this path (OS leaves: completed calls).
    calls: u64,
}

/// The shadow call stack and its counts (see the module's documentation).
pub struct Profiler {
    funcs: Vec<Func>,
    /// The first `code` entries of `funcs` are the symbols, sorted by start.
    code: usize,
    counts: Vec<Counts>,
    /// Frames of each function on the stack.
    active: Vec<u32>,
    stack: Vec<Frame>,
    nodes: Vec<Node>,
    children: HashMap<(u32, u32), u32>,
    os_funcs: HashMap<u32, u32>,
    unknown: u32,
    insns: u64,
    os_cycles: u64,
}

/// Whether instruction word `w` is a subroutine call (`bsr`, `bsrf Rn`, `jsr @Rn`).
fn is_call(w: u16) -> bool {
    w & 0xF000 == 0xB000 || w & 0xF0FF == 0x0003 || w & 0xF0FF == 0x400B
}

impl Profiler {
    /// A profiler naming functions by the ELF's `symbols`.
    pub fn new(symbols: &Symbols) -> Profiler {
        let syms = symbols.functions();
        let mut funcs: Vec<Func> = Vec::new();
        for (i, (start, size, name)) in syms.iter().enumerate() {
            if funcs.last().is_some_and(|f| f.start == *start) {
                continue; // an alias of the previous symbol
            }
            let next = syms[i..]
                .iter()
                .map(|s| s.0)
                .find(|&a| a > *start)
                .unwrap_or(u32::MAX);
            // Without a size: up to the next symbol, within the section (a symbol at
            // the section's end, like `__bss_start`, covers nothing).
            let end = if *size != 0 {
                start.saturating_add(*size)
            } else {
                next.min(symbols.text_end(*start).unwrap_or(*start))
            };
            funcs.push(Func {
                start: *start,
                end,
                name: name.replace(';', ","),
                os: false,
            });
        }
        let code = funcs.len();
        funcs.push(Func {
            start: 0,
            end: 0,
            name: UNKNOWN.into(),
            os: false,
        });
        funcs.push(Func {
            start: 0,
            end: 0,
            name: INTERRUPT.into(),
            os: false,
        });
        let n = funcs.len();
        Profiler {
            funcs,
            code,
            counts: vec![Counts::default(); n],
            active: vec![0; n],
            stack: Vec::new(),
            nodes: Vec::new(),
            children: HashMap::new(),
            os_funcs: HashMap::new(),
            unknown: code as u32,
            insns: 0,
            os_cycles: 0,
        }
    }

    /// The function whose symbol covers `pc`.
    fn lookup(&self, pc: u32) -> Option<u32> {
        let i = self.funcs[..self.code].partition_point(|f| f.start <= pc);
        let f = self.funcs[..self.code].get(i.checked_sub(1)?)?;
        (pc < f.end).then_some(i as u32 - 1)
    }

    /// Runs at most `max` instructions one at a time (like `Cpu::run`), counting them.
    pub fn run(&mut self, cpu: &mut Cpu, max: u64) -> Stop {
        let end = cpu.icount.saturating_add(max);
        self.sync(cpu);
        while cpu.icount < end {
            let stop = self.step(cpu);
            if stop != Stop::Budget {
                return stop;
            }
        }
        Stop::Budget
    }

    /// Brings the stack up to date with a PC that something other than an instruction
    /// moved (an OS call returning, a timer handler starting or returning).
    fn sync(&mut self, cpu: &Cpu) {
        let pc = cpu.pc;
        self.unwind(pc, cpu.r[15]);
        let Some(top) = self.stack.last() else {
            return; // the next instruction makes the first frame
        };
        if pc >= top.start && pc < top.end {
            return;
        }
        match self.lookup(pc) {
            Some(f) if self.funcs[f as usize].start == pc => self.push(pc, cpu.pr, cpu.r[15]),
            _ => self.follow(pc),
        }
    }

    /// Executes one instruction (with its delay slot) and updates the stack.
    fn step(&mut self, cpu: &mut Cpu) -> Stop {
        let (pc, pr, sp) = (cpu.pc, cpu.pr, cpu.r[15]);
        let word = cpu.mem.fetch_fast(pc);
        let blocked = cpu.sr() & sr::BL != 0;
        let before = cpu.icount;
        let stop = cpu.step();
        let n = cpu.icount - before;
        if n == 0 {
            return stop;
        }
        if self.stack.is_empty() {
            // The first frame (or one after the bottom frame returned): the function
            // that runs, returning where PR pointed.
            self.push(pc, pr, sp);
        }
        if !blocked && cpu.sr() & sr::BL != 0 && cpu.spc == pc {
            // An interrupt was accepted before the instruction at `pc`: the handler at
            // VBR + 0x600 ran instead, and returns to `pc` with `rte`.
            let entry = cpu.vbr.wrapping_add(0x600);
            let func = self.lookup(entry).unwrap_or(self.unknown + 1);
            self.push_func(func, entry, pc, sp);
            self.count(n);
            self.follow(cpu.pc);
            return stop;
        }
        self.count(n);
        let new_pc = cpu.pc;
        if word.is_some_and(is_call) && cpu.pr == pc.wrapping_add(4) {
            if new_pc != OS_ENTRY && new_pc != OS_ENTRY_P2 {
                self.push(new_pc, cpu.pr, cpu.r[15]);
            }
        } else {
            self.unwind(new_pc, cpu.r[15]);
            self.follow(new_pc);
        }
        stop
    }

    /// `n` instructions ran in the top frame.
    fn count(&mut self, n: u64) {
        self.insns += n;
        let top = self.stack.last().expect("a frame");
        self.nodes[top.node as usize].count += n;
        self.counts[top.func as usize].self_insns += n;
    }

    /// The call-tree node of `func` called from `parent`.
    fn node(&mut self, parent: u32, func: u32) -> u32 {
        let next = self.nodes.len() as u32;
        let id = *self.children.entry((parent, func)).or_insert(next);
        if id == next {
            self.nodes.push(Node {
                parent,
                func,
                count: 0,
                calls: 0,
            });
        }
        id
    }

    /// A frame for the function at `pc`, returning to `ret`, with `sp` its caller's
    /// stack pointer.
    fn push(&mut self, pc: u32, ret: u32, sp: u32) {
        let func = self.lookup(pc).unwrap_or(self.unknown);
        self.push_func(func, pc, ret, sp);
    }

    /// A frame for `func`, entered at `pc`.
    fn push_func(&mut self, func: u32, pc: u32, ret: u32, sp: u32) {
        let parent = self.stack.last().map_or(NO_NODE, |f| f.node);
        let node = self.node(parent, func);
        let (start, end) = self.range(func, pc);
        self.enter(func);
        self.nodes[node as usize].calls += 1;
        self.stack.push(Frame {
            func,
            node,
            ret,
            sp,
            start,
            end,
            insns_at: self.insns,
            os_at: self.os_cycles,
        });
    }

    /// The address range of `func` (code outside the symbols: just `pc`, looked up
    /// again when left).
    fn range(&self, func: u32, pc: u32) -> (u32, u32) {
        if func as usize >= self.code {
            (pc, pc.wrapping_add(1))
        } else {
            let f = &self.funcs[func as usize];
            (f.start, f.end)
        }
    }

    /// One more call of `func`, now on the stack.
    fn enter(&mut self, func: u32) {
        self.counts[func as usize].calls += 1;
        self.active[func as usize] += 1;
    }

    /// `func` leaves the stack (a frame that began at `insns_at`, `os_at`): its
    /// inclusive counts grow when it was its outermost frame.
    fn leave(&mut self, func: u32, insns_at: u64, os_at: u64) {
        let a = &mut self.active[func as usize];
        *a -= 1;
        if *a == 0 {
            let c = &mut self.counts[func as usize];
            c.inclusive += self.insns - insns_at;
            c.os_cycles += self.os_cycles - os_at;
        }
    }

    /// After a move of the PC to `pc` that was not a call: pops the frame returning to
    /// `pc` with its caller's stack pointer (at most one: recursion returns to the same
    /// place once per level, and a recursive function may branch to the place its
    /// callee returns to); then, if the PC left the top frame's function, every frame
    /// the stack pointer `sp` has left (r15 is above the stack pointer they were called
    /// with).
    fn unwind(&mut self, pc: u32, sp: u32) {
        let Some(top) = self.stack.last() else {
            return;
        };
        if top.ret == pc && sp >= top.sp {
            self.pop();
        } else if pc >= top.start && pc < top.end {
            // Still in the function: a `longjmp` restores r15 before it jumps.
            return;
        }
        while self.stack.last().is_some_and(|f| sp > f.sp) {
            self.pop();
        }
    }

    fn pop(&mut self) {
        if let Some(f) = self.stack.pop() {
            self.leave(f.func, f.insns_at, f.os_at);
        }
    }

    /// The PC went to `pc` without a call: when that is another function, the top frame
    /// now runs it (a tail call when `pc` is its start).
    fn follow(&mut self, pc: u32) {
        let Some(top) = self.stack.last() else {
            return;
        };
        if pc >= top.start && pc < top.end {
            return;
        }
        let func = self.lookup(pc);
        let at_start = func.is_some_and(|f| self.funcs[f as usize].start == pc);
        if !at_start
            && let Some(i) = self.stack[..self.stack.len() - 1]
                .iter()
                .rposition(|f| pc >= f.start && pc < f.end)
        {
            // Back inside a caller without returning (`longjmp`): its callees are gone.
            while self.stack.len() > i + 1 {
                self.pop();
            }
            return;
        }
        let Some(func) = func else {
            // Outside every symbol (the OS entry, code in RAM): still the same frame.
            if top.func as usize >= self.code {
                let last = self.stack.last_mut().expect("a frame");
                (last.start, last.end) = (pc, pc.wrapping_add(1));
            }
            return;
        };
        let top = self.stack.pop().expect("a frame");
        self.leave(top.func, top.insns_at, top.os_at);
        let parent = self.stack.last().map_or(NO_NODE, |f| f.node);
        let node = self.node(parent, func);
        self.active[func as usize] += 1;
        if self.funcs[func as usize].start == pc {
            self.counts[func as usize].calls += 1;
            self.nodes[node as usize].calls += 1;
        }
        let (start, end) = self.range(func, pc);
        self.stack.push(Frame {
            func,
            node,
            start,
            end,
            insns_at: self.insns,
            os_at: self.os_cycles,
            ..top
        });
    }

    /// OS call `number` (named `name`) took `cycles` of emulated time; `done`: it
    /// completed (a call that waits for keys the script lacks runs again later).
    pub fn os_call(&mut self, number: u32, name: Option<&str>, cycles: u64, done: bool) {
        let next = self.funcs.len() as u32;
        let func = *self.os_funcs.entry(number).or_insert(next);
        if func == next {
            let name = match name {
                Some(n) => format!("{OS_PREFIX}{n}"),
                None => format!("{OS_PREFIX}{number:#06x}"),
            };
            self.funcs.push(Func {
                start: 0,
                end: 0,
                name,
                os: true,
            });
            self.counts.push(Counts::default());
            self.active.push(0);
        }
        let parent = self.stack.last().map_or(NO_NODE, |f| f.node);
        let node = self.node(parent, func);
        self.nodes[node as usize].count += cycles;
        self.nodes[node as usize].calls += done as u64;
        self.os_cycles += cycles;
        let c = &mut self.counts[func as usize];
        c.os_cycles += cycles;
        c.calls += done as u64;
    }

    /// The counts so far (frames still on the stack count up to now).
    pub fn profile(&self) -> Profile {
        let mut counts = self.counts.clone();
        let mut seen = vec![false; self.funcs.len()];
        for f in &self.stack {
            if !std::mem::replace(&mut seen[f.func as usize], true) {
                let c = &mut counts[f.func as usize];
                c.inclusive += self.insns - f.insns_at;
                c.os_cycles += self.os_cycles - f.os_at;
            }
        }
        let functions = self
            .funcs
            .iter()
            .zip(&counts)
            .filter(|(_, c)| c.calls > 0 || c.self_insns > 0 || c.os_cycles > 0)
            .map(|(f, c)| FunctionProfile {
                name: f.name.clone(),
                self_instructions: c.self_insns,
                inclusive_instructions: c.inclusive,
                calls: c.calls,
                os_cycles: c.os_cycles,
                os_call: f.os,
            })
            .collect();
        let mut folded = Vec::new();
        let mut calls = Vec::new();
        for node in self.nodes.iter().filter(|n| n.count > 0 || n.calls > 0) {
            let mut names = vec![self.funcs[node.func as usize].name.as_str()];
            let mut p = node.parent;
            while p != NO_NODE {
                let n = &self.nodes[p as usize];
                names.push(&self.funcs[n.func as usize].name);
                p = n.parent;
            }
            names.reverse();
            let stack = names.join(";");
            if node.calls > 0 {
                calls.push((stack.clone(), node.calls));
            }
            if node.count > 0 {
                folded.push((stack, node.count));
            }
        }
        folded.sort();
        calls.sort();
        Profile {
            functions,
            folded,
            calls,
            instructions: self.insns,
            os_cycles: self.os_cycles,
        }
    }
}

/// The counts of one function (or OS call).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FunctionProfile {
    /// Demangled name; OS calls are `OS:Name`.
    pub name: String,
    /// Instructions executed in the function itself.
    pub self_instructions: u64,
    /// Instructions executed while it was on the stack (itself and what it called).
    pub inclusive_instructions: u64,
    /// Times it was called (OS calls: completed calls).
    pub calls: u64,
    /// Emulated cycles spent in OS calls while it was on the stack (OS calls: their own).
    pub os_cycles: u64,
    /// Whether this is an OS call.
    pub os_call: bool,
}

/// What the profiler measured.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Profile {
    /// Every function that ran, and every OS call made.
    pub functions: Vec<FunctionProfile>,
    /// Folded stacks: `main;foo;bar` and its count (instructions in `bar` called along
    /// that path; for an `OS:` leaf, the cycles of those OS calls).
    pub folded: Vec<(String, u64)>,
    /// Call paths: `main;foo;bar` and the number of calls of `bar` made along that path
    /// (for an `OS:` leaf, the completed OS calls).
    pub calls: Vec<(String, u64)>,
    /// Instructions counted.
    pub instructions: u64,
    /// Emulated cycles spent in OS calls.
    pub os_cycles: u64,
}

/// `name` without generic arguments, for the terminal: `Foo<T>::bar::<U>` is
/// `Foo::bar`; a qualified path `<A as B>` stays.
pub fn short_name(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut depth = 0usize;
    let mut prev = ' ';
    for c in name.chars() {
        match c {
            '<' if depth > 0 => depth += 1,
            '<' if prev.is_alphanumeric() || prev == '_' || out.ends_with("::") => {
                depth = 1;
                if out.ends_with("::") {
                    out.truncate(out.len() - 2);
                }
            }
            '>' if depth > 0 => depth -= 1,
            _ if depth > 0 => {}
            c => out.push(c),
        }
        if depth == 0 {
            prev = c;
        }
    }
    out
}

/// Whether a folded stack ends in an OS call.
fn is_os_leaf(stack: &str) -> bool {
    stack
        .rsplit(';')
        .next()
        .is_some_and(|f| f.starts_with(OS_PREFIX))
}

/// The folded stacks, in the folder [`Profile::write`] fills.
pub const FOLDED_FILE: &str = "profile.folded";
/// The flame graph of emulated time: instructions and OS calls.
pub const FLAMEGRAPH_FILE: &str = "flamegraph.svg";
/// The flame graph of the instructions alone (the OS calls left out): where the CPU
/// time goes when waits in OS calls fill the other one.
pub const FLAMEGRAPH_INSTRUCTIONS_FILE: &str = "flamegraph-instructions.svg";
/// Every function, tab-separated.
pub const FUNCTIONS_FILE: &str = "functions.tsv";

impl Profile {
    /// The functions (not OS calls) that executed instructions, most self instructions
    /// first.
    pub fn by_self(&self) -> Vec<&FunctionProfile> {
        let mut v: Vec<_> = self
            .functions
            .iter()
            .filter(|f| !f.os_call && f.self_instructions > 0)
            .collect();
        v.sort_by(|a, b| {
            b.self_instructions
                .cmp(&a.self_instructions)
                .then(a.name.cmp(&b.name))
        });
        v
    }

    /// The function named `name`.
    pub fn function(&self, name: &str) -> Option<&FunctionProfile> {
        self.functions.iter().find(|f| f.name == name)
    }

    /// The part of the run spent under the functions whose (demangled) name contains
    /// `pattern`, as pprof's `-focus` does: only the stacks through such a function are
    /// kept, each cut to begin at its outermost one, so the flame graph's root is that
    /// function and its top is where that function's time went. The counts are
    /// recomputed from the kept stacks. `None` when no such function ran.
    ///
    /// ```
    /// use prizm_emu::harness::profile::Profile;
    /// let p = Profile {
    ///     functions: vec![],
    ///     folded: vec![("main;draw".into(), 90), ("main;unlock;sha256".into(), 8), ("main;unlock".into(), 2)],
    ///     calls: vec![("main".into(), 1), ("main;draw".into(), 3), ("main;unlock".into(), 1), ("main;unlock;sha256".into(), 2)],
    ///     instructions: 100,
    ///     os_cycles: 0,
    /// };
    /// let f = p.focus("unlock").unwrap();
    /// assert_eq!(f.folded, [("unlock".to_string(), 2), ("unlock;sha256".to_string(), 8)]);
    /// assert_eq!(f.instructions, 10);
    /// assert_eq!(f.by_self()[0].name, "sha256");
    /// assert_eq!(f.function("sha256").unwrap().calls, 2);
    /// assert_eq!(f.function("unlock").unwrap().inclusive_instructions, 10);
    /// assert!(p.focus("nothing").is_none());
    /// ```
    pub fn focus(&self, pattern: &str) -> Option<Profile> {
        let trim = |stack: &str| -> Option<String> {
            let frames: Vec<&str> = stack.split(';').collect();
            let i = frames.iter().position(|f| f.contains(pattern))?;
            Some(frames[i..].join(";"))
        };
        let merge = |paths: &[(String, u64)]| -> Vec<(String, u64)> {
            let mut m = std::collections::BTreeMap::new();
            for (s, n) in paths {
                if let Some(t) = trim(s) {
                    *m.entry(t).or_insert(0) += n;
                }
            }
            m.into_iter().collect()
        };
        let folded = merge(&self.folded);
        let calls = merge(&self.calls);
        if folded.is_empty() && calls.is_empty() {
            return None;
        }
        let mut funcs: std::collections::BTreeMap<String, FunctionProfile> = Default::default();
        fn entry<'a>(
            funcs: &'a mut std::collections::BTreeMap<String, FunctionProfile>,
            name: &str,
        ) -> &'a mut FunctionProfile {
            funcs
                .entry(name.to_string())
                .or_insert_with(|| FunctionProfile {
                    name: name.to_string(),
                    self_instructions: 0,
                    inclusive_instructions: 0,
                    calls: 0,
                    os_cycles: 0,
                    os_call: name.starts_with(OS_PREFIX),
                })
        }
        let (mut instructions, mut os_cycles) = (0, 0);
        for (stack, n) in &folded {
            let frames: Vec<&str> = stack.split(';').collect();
            let (leaf, callers) = frames.split_last().expect("a frame");
            let os = is_os_leaf(stack);
            let mut seen: Vec<&str> = Vec::new();
            for f in callers.iter().chain([leaf]) {
                if seen.contains(f) {
                    continue;
                }
                seen.push(f);
                let e = entry(&mut funcs, f);
                if os {
                    e.os_cycles += n;
                } else {
                    e.inclusive_instructions += n;
                }
            }
            if os {
                os_cycles += n;
            } else {
                entry(&mut funcs, leaf).self_instructions += n;
                instructions += n;
            }
        }
        for (stack, n) in &calls {
            let leaf = stack.rsplit(';').next().expect("a frame");
            entry(&mut funcs, leaf).calls += n;
        }
        Some(Profile {
            functions: funcs.into_values().collect(),
            folded,
            calls,
            instructions,
            os_cycles,
        })
    }

    /// The folded stacks as text, one `stack count` line each.
    pub fn folded_text(&self) -> String {
        self.folded
            .iter()
            .map(|(s, n)| format!("{s} {n}\n"))
            .collect()
    }

    /// The table of the `n` functions with the most self instructions, then the OS calls
    /// that took the most time.
    pub fn top(&self, n: usize) -> String {
        let pct = |v: u64| 100.0 * v as f64 / self.instructions.max(1) as f64;
        let mut s = format!(
            "profile: {} instructions, {} cycles in OS calls\n\
             top {n} functions by self instructions:\n\
             {:>12} {:>6} {:>12} {:>8} {:>12}  function\n",
            self.instructions, self.os_cycles, "self", "%", "inclusive", "calls", "OS cycles"
        );
        for f in self.by_self().into_iter().take(n) {
            s += &format!(
                "{:>12} {:>5.1}% {:>12} {:>8} {:>12}  {}\n",
                f.self_instructions,
                pct(f.self_instructions),
                f.inclusive_instructions,
                f.calls,
                f.os_cycles,
                short_name(&f.name)
            );
        }
        let mut os: Vec<_> = self.functions.iter().filter(|f| f.os_call).collect();
        os.sort_by(|a, b| b.os_cycles.cmp(&a.os_cycles).then(a.name.cmp(&b.name)));
        if !os.is_empty() {
            s += &format!(
                "OS calls by cycles:\n{:>12} {:>8}  call\n",
                "cycles", "calls"
            );
            for f in os.into_iter().take(5) {
                s += &format!("{:>12} {:>8}  {}\n", f.os_cycles, f.calls, f.name);
            }
        }
        s
    }

    /// Every function as tab-separated lines: name, self, inclusive, calls, OS cycles
    /// (a header line first).
    pub fn functions_tsv(&self) -> String {
        let mut s = String::from("function\tself\tinclusive\tcalls\tos_cycles\n");
        let mut all: Vec<_> = self.functions.iter().collect();
        all.sort_by(|a, b| {
            b.self_instructions
                .cmp(&a.self_instructions)
                .then(b.os_cycles.cmp(&a.os_cycles))
                .then(a.name.cmp(&b.name))
        });
        for f in all {
            s += &format!(
                "{}\t{}\t{}\t{}\t{}\n",
                f.name, f.self_instructions, f.inclusive_instructions, f.calls, f.os_cycles
            );
        }
        s
    }

    /// The flame graph (SVG) of the folded stacks, titled `title`: emulated time, with
    /// the OS calls (`instructions_only`: the instructions, without the OS calls).
    pub fn flamegraph(&self, title: &str, instructions_only: bool) -> std::io::Result<Vec<u8>> {
        let mut opt = inferno::flamegraph::Options::default();
        opt.title = title.to_string();
        opt.subtitle = Some(if instructions_only {
            format!("{} instructions (without OS calls)", self.instructions)
        } else {
            format!(
                "{} instructions (1 instruction = 1 cycle) and {} cycles in OS calls (OS: leaves)",
                self.instructions, self.os_cycles
            )
        });
        opt.count_name = if instructions_only {
            "instructions".into()
        } else {
            "cycles".into()
        };
        opt.hash = true;
        opt.deterministic = true;
        let lines: Vec<String> = self
            .folded
            .iter()
            .filter(|(s, _)| !(instructions_only && is_os_leaf(s)))
            .map(|(s, n)| format!("{s} {n}"))
            .collect();
        if lines.is_empty() {
            return Err(std::io::Error::other("nothing was profiled"));
        }
        let mut out = Vec::new();
        inferno::flamegraph::from_lines(&mut opt, lines.iter().map(String::as_str), &mut out)?;
        Ok(out)
    }

    /// Writes [`FOLDED_FILE`], [`FLAMEGRAPH_FILE`] and [`FLAMEGRAPH_INSTRUCTIONS_FILE`]
    /// (titled `title`), and [`FUNCTIONS_FILE`] into the folder `dir` (created if
    /// needed).
    pub fn write(&self, dir: &Path, title: &str) -> Result<(), String> {
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        let svg = |only| {
            self.flamegraph(title, only)
                .map_err(|e| format!("cannot make the flame graph: {e}"))
        };
        for (name, bytes) in [
            (FOLDED_FILE, self.folded_text().into_bytes()),
            (FLAMEGRAPH_FILE, svg(false)?),
            (FLAMEGRAPH_INSTRUCTIONS_FILE, svg(true)?),
            (FUNCTIONS_FILE, self.functions_tsv().into_bytes()),
        ] {
            let path = dir.join(name);
            std::fs::File::create(&path)
                .and_then(|mut f| f.write_all(&bytes))
                .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        }
        Ok(())
    }
}
