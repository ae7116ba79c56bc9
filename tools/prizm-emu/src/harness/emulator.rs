//! The emulator: loads an add-in, runs it, dispatches OS calls, and reports how the run
//! ended.

use super::keys::{KeyItem, KeyQueue, Keys};
use super::profile::{Profile, Profiler};
use super::report::{self, CrashReport};
use super::symbols::Symbols;
use crate::machine::board;
use crate::machine::cpu::{Cpu, Exception, Stop, sr};
use crate::machine::fault::Fault;
use crate::machine::model::{self, CLOCK_HZ, Model, RAM_SIZE, RAM_WINDOW, ROM_MAX, VRAM_SIZE};
use crate::os::keymap::key_by_name;
use crate::os::{self, Ctx, Halt, MAGIC_RETURN, OS_ENTRY, OS_ENTRY_P2, OsState, TIMER_RETURN};
use std::path::PathBuf;

/// Run options.
#[derive(Clone, Debug)]
pub struct Options {
    /// Which calculator.
    pub model: Model,
    /// The key script.
    pub keys: Vec<KeyItem>,
    /// Host folder backing the storage memory (`\\fls0\`) and main memory; `None`: no
    /// storage (file calls fail like on an empty, unwritable medium).
    pub storage: Option<PathBuf>,
    /// Instruction budget of [`Emulator::run_until_idle`].
    pub max_instructions: u64,
    /// The add-in's ELF, for symbols in crash reports.
    pub elf: Option<Vec<u8>>,
    /// Folder where every displayed frame is saved as `frame_NNNNN.png`.
    pub frame_dir: Option<PathBuf>,
    /// The 8-byte hardware ID read at 0x8001FFD0 (and 0xA001FFD0); `None`: the model's
    /// [`Model::hardware_id`] (`EMU-CG50`...).
    pub hardware_id: Option<[u8; 8]>,
    /// Interpret every instruction instead of translating cached code to host code
    /// (same results, slower; for comparing the two).
    pub interpret: bool,
    /// Print every OS call (number, name, arguments r4-r7, result) on stderr.
    pub trace_calls: bool,
    /// Keep every OS call the add-in makes ([`Emulator::os_calls`]), for tests.
    pub record_calls: bool,
}

/// An OS call the add-in made (kept with [`Options::record_calls`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OsCallRecord {
    /// Call number (r0).
    pub number: u32,
    /// r4-r7.
    pub args: [u32; 4],
    /// Return address (PR): where the add-in called from.
    pub caller: u32,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            model: Model::default(),
            keys: Vec::new(),
            storage: None,
            max_instructions: 2_000_000_000,
            elf: None,
            frame_dir: None,
            hardware_id: None,
            interpret: false,
            trace_calls: false,
            record_calls: false,
        }
    }
}

/// A load error: the file is not a usable add-in, or an option is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadError(pub String);

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for LoadError {}

/// Instructions between two checks of the stack pointer (besides the checks at OS calls).
pub const STACK_CHECK_INTERVAL: u64 = 1_000_000;

/// How a run ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// The add-in returned to the menu with this value (exit code 0).
    Returned(i32),
    /// A CPU exception or bad memory access (exit code 2).
    Crashed(Box<CrashReport>),
    /// The instruction budget ran out (exit code 3).
    Timeout,
    /// An OS call the emulator does not implement (exit code 4).
    Unimplemented {
        /// Call number.
        number: u32,
        /// Its name, when known.
        name: Option<&'static str>,
        /// Return address of the call (PR).
        pr: u32,
        /// Report with symbols and registers.
        report: Box<CrashReport>,
    },
    /// The add-in waits for a key and the script is exhausted (exit code 5).
    Idle,
    /// MENU was pressed where the OS goes to the Main Menu (exit code 6).
    Menu,
    /// The add-in asked the OS to open this built-in app, which the emulator does not
    /// have (exit code 7; an `APP_*` call, see [`crate::os::app`]).
    OpenApp(&'static str),
}

impl Outcome {
    /// The CLI exit code of this outcome.
    pub fn exit_code(&self) -> i32 {
        match self {
            Outcome::Returned(_) => 0,
            Outcome::Crashed(_) => 2,
            Outcome::Timeout => 3,
            Outcome::Unimplemented { .. } => 4,
            Outcome::Idle => 5,
            Outcome::Menu => 6,
            Outcome::OpenApp(_) => 7,
        }
    }
}

/// Result of a bounded run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Status {
    /// The budget was used; the add-in can go on.
    Running,
    /// The run is over.
    Done(Outcome),
}

/// An emulated calculator running one add-in.
pub struct Emulator {
    /// Processor and memory.
    pub cpu: Cpu,
    /// OS state.
    pub os: OsState,
    /// The model.
    pub model: Model,
    /// Options of the run.
    pub options: Options,
    pub(crate) symbols: Option<Symbols>,
    /// The key script, shared with the keyboard device.
    keys: Keys,
    /// The OS calls made so far, with [`Options::record_calls`].
    calls: Vec<OsCallRecord>,
    outcome: Option<Outcome>,
    /// The profiler, when on ([`Emulator::start_profile`]).
    profiler: Option<Box<Profiler>>,
}

/// The add-in code of a `.g3a` file (the bytes mapped at 0x00300000).
pub fn addin_code(file: &[u8]) -> Result<Vec<u8>, LoadError> {
    let g3a =
        g3a::G3a::parse(file).map_err(|e| LoadError(format!("not a valid .g3a file: {e}")))?;
    Ok(g3a.code().to_vec())
}

impl Emulator {
    /// Loads a `.g3a` file.
    pub fn load(g3a_bytes: &[u8], options: Options) -> Result<Emulator, LoadError> {
        let code = addin_code(g3a_bytes)?;
        Self::load_code(&code, options)
    }

    /// Loads raw add-in code (what a `.g3a` maps at 0x00300000).
    pub fn load_code(code: &[u8], options: Options) -> Result<Emulator, LoadError> {
        if code.is_empty() {
            return Err(LoadError("the add-in has no code".into()));
        }
        if code.len() > ROM_MAX as usize {
            return Err(LoadError(format!(
                "the add-in code is {} bytes, more than the {} bytes the emulator maps",
                code.len(),
                ROM_MAX
            )));
        }
        if let Some(dir) = &options.storage
            && !dir.is_dir()
        {
            return Err(LoadError(format!(
                "storage folder {} does not exist",
                dir.display()
            )));
        }
        let symbols = match &options.elf {
            Some(bytes) => Some(Symbols::parse(bytes).map_err(LoadError)?),
            None => None,
        };
        let model = options.model;
        let id = options.hardware_id.unwrap_or(model.hardware_id());
        let mut mem = board::memory(model, code, id);
        let keys = Keys::new(KeyQueue::new(options.keys.clone()));
        mem.devices.keysc.input = Some(Box::new(keys.clone()));
        let mut cpu = Cpu::new(mem);
        cpu.set_ticks_per_insn(model.ticks_per_cycle());
        if options.interpret {
            cpu.set_translate(false);
        }
        os::boot::start_addin(&mut cpu, model);
        let mut os = OsState::default();
        os.storage.root = options.storage.clone();
        let emu = Emulator {
            cpu,
            os,
            model,
            options,
            symbols,
            keys,
            calls: Vec::new(),
            outcome: None,
            profiler: None,
        };
        Ok(emu)
    }

    /// Adds a key to the end of the key script.
    pub fn press(&mut self, key: &str) -> Result<(), LoadError> {
        let k = key_by_name(key).ok_or_else(|| LoadError(format!("unknown key `{key}`")))?;
        self.keys.lock().push(KeyItem::Key(k));
        if self.outcome == Some(Outcome::Idle) {
            self.outcome = None;
        }
        Ok(())
    }

    /// Adds a wait of `ms` emulated milliseconds to the key script.
    pub fn wait_ms(&mut self, ms: u64) {
        self.keys
            .lock()
            .push(KeyItem::Wait(model::ms_to_cycles(ms)));
        if self.outcome == Some(Outcome::Idle) {
            self.outcome = None;
        }
    }

    /// Adds a key script (`--keys`' syntax, [`parse_script`](super::keys::parse_script))
    /// to the keys to play; nothing is added when it does not parse.
    pub fn play(&mut self, script: &str) -> Result<(), LoadError> {
        let items = super::keys::parse_script(script).map_err(LoadError)?;
        let mut keys = self.keys.lock();
        for item in items {
            keys.push(item);
        }
        drop(keys);
        if self.outcome == Some(Outcome::Idle) {
            self.outcome = None;
        }
        Ok(())
    }

    /// Turns the profiler on (it needs the ELF's symbols, [`Options::elf`]): from now
    /// on the CPU runs one instruction at a time and every instruction and OS call is
    /// counted per function ([`profile`](super::profile)).
    pub fn start_profile(&mut self) -> Result<(), LoadError> {
        let symbols = self.symbols.as_ref().ok_or_else(|| {
            LoadError("profiling needs the add-in's ELF (--elf FILE.elf) to name functions".into())
        })?;
        self.profiler = Some(Box::new(Profiler::new(symbols)));
        Ok(())
    }

    /// What the profiler counted so far; `None` when it is off.
    pub fn profile(&self) -> Option<Profile> {
        self.profiler.as_ref().map(|p| p.profile())
    }

    /// The outcome, once the run is over.
    pub fn outcome(&self) -> Option<&Outcome> {
        self.outcome.as_ref()
    }

    /// Emulated seconds since the start.
    pub fn emulated_seconds(&self) -> f64 {
        self.cpu.now() as f64 / CLOCK_HZ as f64
    }

    /// Runs until the add-in ends, idles, or `options.max_instructions` instructions
    /// have run in total.
    pub fn run_until_idle(&mut self) -> Outcome {
        loop {
            let left = self
                .options
                .max_instructions
                .saturating_sub(self.cpu.icount);
            if left == 0 {
                self.outcome = Some(Outcome::Timeout);
            }
            if let Some(o) = &self.outcome {
                return o.clone();
            }
            if let Status::Done(o) = self.run(left) {
                return o;
            }
        }
    }

    /// Runs at most `n` more instructions.
    pub fn run(&mut self, n: u64) -> Status {
        self.run_until(n, u64::MAX)
    }

    /// Runs at most `n` more instructions, and stops early (still [`Status::Running`])
    /// once the emulated clock, idle time included ([`Cpu::now`]), reaches cycle `until`:
    /// a window paces the add-in with it, since an add-in waiting in OS calls (display
    /// updates, key polls, sleeps) moves the clock much faster than its instructions.
    pub fn run_until(&mut self, n: u64, until: u64) -> Status {
        if let Some(o) = &self.outcome {
            return Status::Done(o.clone());
        }
        let end = self.cpu.icount.saturating_add(n);
        while self.cpu.icount < end && self.cpu.now() < until {
            let left = end - self.cpu.icount;
            let mut slice = os::time::timer_slice(&mut self.cpu, &mut self.os, left);
            if self.stack_limit().is_some() {
                slice = slice.min(STACK_CHECK_INTERVAL);
            }
            let frames = self.frames();
            let stop = match self.profiler.as_deref_mut() {
                Some(p) => p.run(&mut self.cpu, slice),
                None => self.cpu.run(slice),
            };
            // Frames the add-in sent to the panel itself (DMA, the LCD window).
            if self.frames() != frames {
                self.save_frame();
            }
            if self.stack_overflowed() {
                return Status::Done(self.outcome.clone().expect("set by the check"));
            }
            match stop {
                Stop::Budget => continue,
                Stop::Special(MAGIC_RETURN) => {
                    self.outcome = Some(Outcome::Returned(self.cpu.r[0] as i32));
                }
                Stop::Special(TIMER_RETURN) => {
                    match os::time::timer_returned(&mut self.cpu, &mut self.os) {
                        Ok(Some(os::time::Callback::Quit)) => self.outcome = Some(Outcome::Menu),
                        Ok(_) => {}
                        Err(b) => {
                            let what = format!(
                                "the {} at {:#010x} returned with {} changed: the OS \
                                 expects a callback to keep r8-r15, MACH and MACL (Renesas \
                                 calling convention)",
                                b.kind.describe(),
                                b.callback,
                                b.changed
                            );
                            self.crash(what, b.callback, false);
                        }
                    }
                }
                Stop::Special(_) => self.os_call(),
                Stop::Sleep => {
                    // Time passes until the next interrupt the CPU takes, 1 ms at most.
                    self.cpu.sleep(CLOCK_HZ / 1000);
                    self.cpu.pc = self.cpu.pc.wrapping_add(2);
                }
                Stop::Trapa(imm) => {
                    let pc = self.cpu.pc;
                    self.crash(
                        format!("trapa #{imm:#x}: no trap handler in an add-in"),
                        pc,
                        false,
                    );
                }
                Stop::NoInput { pc } => {
                    // Polling an exhausted script: run the read again on resume.
                    self.cpu.pc = pc;
                    self.outcome = Some(Outcome::Idle);
                }
                Stop::Exception { exc, pc, in_slot } if self.add_in_handles(&exc) => {
                    let entry = exc.entry().expect("checked");
                    self.cpu.take_exception(entry, pc, in_slot);
                }
                Stop::Exception { exc, pc, in_slot } => {
                    let other = self.other_model(&exc);
                    let mut what = exc.to_string();
                    if let Some(m) = other {
                        what += &format!(
                            " (that is {} memory: an {} add-in? try --model {})",
                            m.family(),
                            m.family(),
                            m.name()
                        );
                    }
                    self.crash_for(what, pc, in_slot, other);
                }
            }
            if let Some(o) = &self.outcome {
                return Status::Done(o.clone());
            }
        }
        Status::Running
    }

    /// Whether the add-in takes exception `exc` itself: it has set VBR to its own
    /// handlers (as gint does; the OS's handlers are not emulated, so with VBR unset the
    /// run stops with a crash report instead), SR.BL is clear (an exception with BL set
    /// resets the CPU) and the exception is one the SH-4A raises.
    fn add_in_handles(&self, exc: &Exception) -> bool {
        self.cpu.vbr != 0 && self.cpu.sr() & sr::BL == 0 && exc.entry().is_some()
    }

    /// The message of the panic the add-in is showing (or showed): `file:line:column:
    /// message`, read from the SDK's panic record (`_prizm_panic`, needs the ELF; its layout is
    /// `prizm_abi::records::PanicRecord`).
    pub fn panic_message(&mut self) -> Option<String> {
        use prizm_abi::records::{PANIC_MAGIC, PANIC_TEXT_LEN, panic_offsets};
        let at = self.symbols.as_ref()?.panic_record()?;
        if self.cpu.peek(at + panic_offsets::MAGIC, 4).ok()? != PANIC_MAGIC {
            return None;
        }
        let len = self
            .cpu
            .peek(at + panic_offsets::LEN, 4)
            .ok()?
            .min(PANIC_TEXT_LEN as u32);
        let text: Vec<u8> = (0..len)
            .map(|i| {
                self.cpu
                    .peek(at + panic_offsets::TEXT + i, 1)
                    .map(|b| b as u8)
            })
            .collect::<Result<_, _>>()
            .ok()?;
        Some(String::from_utf8_lossy(&text).into_owned())
    }

    /// The lowest offset in the add-in RAM the stack may use: the end of static data,
    /// known from the ELF's `_prizm_end` (add-ins built with the SDK).
    fn stack_limit(&self) -> Option<u32> {
        let end = self.symbols.as_ref()?.static_end()?;
        self.ram_offset(end)
    }

    /// The offset in the add-in RAM of `addr`, seen at the add-in's window (where the
    /// linker puts static data) or at the model's P1/P2 aliases (where the OS puts the
    /// stack).
    fn ram_offset(&self, addr: u32) -> Option<u32> {
        let p1 = self.model.ram_p1();
        [RAM_WINDOW, p1, model::p2(p1)]
            .into_iter()
            .find(|&base| addr.wrapping_sub(base) < RAM_SIZE)
            .map(|base| addr - base)
    }

    /// Ends the run with a crash report when the stack pointer has gone below the end
    /// of static data (checked at every OS call and every [`STACK_CHECK_INTERVAL`]
    /// instructions); returns whether it did.
    fn stack_overflowed(&mut self) -> bool {
        let Some(limit) = self.stack_limit() else {
            return false;
        };
        let sp = self.cpu.r[15];
        if self.outcome.is_some() || !self.ram_offset(sp).is_some_and(|o| o < limit) {
            return false;
        }
        // At an OS call, the caller.
        let pc = match self.cpu.pc {
            OS_ENTRY | OS_ENTRY_P2 => self.cpu.pr,
            pc => pc,
        };
        self.crash(
            format!(
                "stack overflow: r15 = {sp:#010x} is {} bytes below the end of static data \
                 (`_prizm_end`, {:#010x}): the stack has run over static data (it had {} \
                 bytes; checked at OS calls and every {} instructions)",
                limit - self.ram_offset(sp).unwrap_or(limit),
                RAM_WINDOW + limit,
                RAM_SIZE - limit,
                STACK_CHECK_INTERVAL
            ),
            pc,
            false,
        );
        true
    }

    /// The model whose memory the add-in reached for when it crashed on an address
    /// that model has and the emulated one lacks (an add-in made for another model).
    pub fn suggested_model(&self) -> Option<Model> {
        match self.outcome.as_ref()? {
            Outcome::Crashed(r) => r.other_model,
            _ => None,
        }
    }

    /// The model that maps the address `exc` failed on, when this one does not.
    fn other_model(&self, exc: &Exception) -> Option<Model> {
        let Exception::Memory(Fault::Unmapped { addr, .. }) = exc else {
            return None;
        };
        let addr = *addr;
        Model::ALL
            .into_iter()
            .find(|m| m.maps(addr))
            .filter(|_| !self.model.maps(addr))
    }

    fn crash(&mut self, what: String, pc: u32, in_slot: bool) {
        self.crash_for(what, pc, in_slot, None);
    }

    /// A crash whose failed access was for `other_model`'s memory (see
    /// [`Emulator::suggested_model`]).
    fn crash_for(&mut self, what: String, pc: u32, in_slot: bool, other_model: Option<Model>) {
        let r = report::crash_report(
            &self.cpu,
            self.model,
            self.symbols.as_ref(),
            what,
            pc,
            in_slot,
        );
        self.outcome = Some(Outcome::Crashed(Box::new(CrashReport { other_model, ..r })));
    }

    /// Ends the run on OS call `number`, which the emulator does not implement (`what`
    /// says how), with a report made at its return address.
    fn unimplemented(&mut self, number: u32, what: String) {
        let pr = self.cpu.pr;
        let report = report::crash_report(
            &self.cpu,
            self.model,
            self.symbols.as_ref(),
            what,
            pr,
            false,
        );
        self.outcome = Some(Outcome::Unimplemented {
            number,
            name: os::name(number),
            pr,
            report: Box::new(report),
        });
    }

    fn os_call(&mut self) {
        if self.stack_overflowed() {
            return;
        }
        let number = self.cpu.r[0];
        let frames = self.frames();
        let args = [self.cpu.r[4], self.cpu.r[5], self.cpu.r[6], self.cpu.r[7]];
        let caller = self.cpu.pr;
        if self.options.record_calls {
            self.calls.push(OsCallRecord {
                number,
                args,
                caller,
            });
        }
        let start = self.cpu.now();
        let result = {
            os::dispatch(&mut Ctx {
                cpu: &mut self.cpu,
                os: &mut self.os,
                model: self.model,
                keys: &mut self.keys,
            })
        };
        if let Some(p) = self.profiler.as_deref_mut() {
            let cycles = self.cpu.now() - start;
            let done = !matches!(result, Err(Halt::Idle));
            p.os_call(number, os::name(number), cycles, done);
        }
        if self.frames() != frames {
            self.save_frame();
        }
        if self.options.trace_calls {
            eprintln!(
                "os call {number:#06x} {}({:#x}, {:#x}, {:#x}, {:#x}) from {caller:#010x}: {}",
                os::name(number).unwrap_or("?"),
                args[0],
                args[1],
                args[2],
                args[3],
                match &result {
                    Ok(()) => format!("{:#x}", self.cpu.r[0]),
                    Err(h) => format!("{h:?}"),
                }
            );
        }
        let name = || os::name(number).unwrap_or("?");
        match result {
            Ok(()) => {}
            Err(Halt::Idle) => {
                // Leave the CPU at the call: more keys let the add-in go on.
                self.outcome = Some(Outcome::Idle);
            }
            Err(Halt::Menu) => match self.os.keyboard.quit_handler {
                // Leaving for another app calls the quit handler first; the run ends
                // when it returns.
                Some(h) if self.os.in_timer.is_none() => os::time::start_callback(
                    &mut self.cpu,
                    &mut self.os,
                    h,
                    os::time::Callback::Quit,
                ),
                _ => self.outcome = Some(Outcome::Menu),
            },
            Err(Halt::OpenApp(app)) => self.outcome = Some(Outcome::OpenApp(app)),
            Err(Halt::Fault(f)) => {
                let pr = self.cpu.pr;
                let what = format!("OS call {number:#06x} ({}): {f}", name());
                self.crash(what, pr, false);
            }
            Err(Halt::Unsupported(msg)) => {
                let what = format!("OS call {number:#06x} ({}): {msg}", name());
                self.unimplemented(number, what);
            }
            Err(Halt::Unknown(_)) => {
                let what = format!(
                    "unimplemented OS call {number:#06x}{}",
                    os::name(number)
                        .map(|n| format!(" ({n})"))
                        .unwrap_or_default()
                );
                self.unimplemented(number, what);
            }
        }
    }

    /// The OS calls made so far, oldest first (kept with [`Options::record_calls`]).
    pub fn os_calls(&self) -> &[OsCallRecord] {
        &self.calls
    }

    /// Saves the displayed frame in `options.frame_dir`, if set, as `frame_NNNNN.png`.
    fn save_frame(&self) {
        if let Some(dir) = &self.options.frame_dir {
            let path = dir.join(format!("frame_{:05}.png", self.frames()));
            if let Err(e) = std::fs::write(&path, self.screenshot_png()) {
                eprintln!("prizm-emu: cannot write {}: {e}", path.display());
            }
        }
    }

    /// Calls OS function `num` directly with `args` (r4-r7, then the stack), as if the
    /// add-in had called it; returns r0 or a description of why the call stopped. For
    /// tests and tools: the add-in's registers except r0 and r4-r7 are kept.
    pub fn call_os(&mut self, num: u16, args: &[u32]) -> Result<u32, String> {
        let Some((_, name, handler)) = os::table().get(&num).copied() else {
            return Err(format!("OS call {num:#x} is not implemented"));
        };
        let sp = self.cpu.r[15];
        let extra = args.len().saturating_sub(4) as u32;
        let new_sp = sp - 4 * extra;
        for (i, &a) in args.iter().enumerate() {
            if i < 4 {
                self.cpu.r[4 + i] = a;
            } else {
                self.cpu
                    .poke(new_sp + 4 * (i as u32 - 4), 4, a)
                    .map_err(|f| f.to_string())?;
            }
        }
        self.cpu.r[15] = new_sp;
        self.cpu.r[0] = num as u32;
        let r = {
            handler(&mut Ctx {
                cpu: &mut self.cpu,
                os: &mut self.os,
                model: self.model,
                keys: &mut self.keys,
            })
        };
        self.cpu.r[15] = sp;
        r.map_err(|h| format!("{name}: {h:?}"))
    }

    /// The key queue shared with the keyboard device (live keys of a window:
    /// [`KeyQueue::key_down`](super::keys::KeyQueue::key_down)).
    pub fn keys(&self) -> &Keys {
        &self.keys
    }

    /// Resumes after an idle stop once keys were added: the blocked call runs again.
    pub fn resume(&mut self) {
        if self.outcome == Some(Outcome::Idle) {
            self.outcome = None;
        }
    }

    /// The displayed screen (what the last display update showed), 384x216 RGB565.
    pub fn screen_rgb565(&self) -> &[u16] {
        &self.cpu.mem.devices.lcd.pixels
    }

    /// The VRAM contents, 384x216 RGB565 (not necessarily displayed yet).
    pub fn vram_rgb565(&self) -> Vec<u16> {
        let v = self
            .cpu
            .mem
            .slice(self.model.vram_p2(), VRAM_SIZE as usize)
            .unwrap();
        v.chunks(2)
            .map(|c| u16::from_be_bytes([c[0], c[1]]))
            .collect()
    }

    /// The 8 `PrintXY` text rows of the displayed screen (row 1 first), read back from
    /// its pixels (see [`text`](crate::harness::text)).
    pub fn text_rows(&self) -> Vec<String> {
        crate::harness::text::text_rows(self.screen_rgb565())
    }

    /// The displayed screen as a 384x216 PNG.
    pub fn screenshot_png(&self) -> Vec<u8> {
        super::screenshot::png_rgb565(self.screen_rgb565(), 384, 216)
    }

    /// Number of frames displayed so far.
    pub fn frames(&self) -> u64 {
        self.cpu.mem.devices.lcd.frames
    }

    /// Events recorded so far (power-off, ignored calls).
    pub fn events(&self) -> &[os::Event] {
        &self.os.events
    }

    /// Reads a file of the storage memory by its calculator path (e.g. `\\fls0\a.txt`
    /// or `a.txt`).
    pub fn storage_read(&self, path: &str) -> Option<Vec<u8>> {
        let p = self.os.storage.host_path_str(path)?;
        std::fs::read(p).ok()
    }

    /// Writes a file of the storage memory by its calculator path.
    pub fn storage_write(&mut self, path: &str, data: &[u8]) -> std::io::Result<()> {
        let p = self
            .os
            .storage
            .host_path_str(path)
            .ok_or_else(|| std::io::Error::other("no storage folder or bad path"))?;
        std::fs::write(p, data)
    }
}
