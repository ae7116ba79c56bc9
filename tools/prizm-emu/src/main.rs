//! `prizm-emu`: runs a Casio Prizm add-in headless. See `prizm-emu --help`.

use prizm_emu::harness::compat;
use prizm_emu::harness::keys::parse_script;
use prizm_emu::{Emulator, Model, Options, Outcome};
use std::path::PathBuf;
use std::process::ExitCode;

const HELP: &str = "\
prizm-emu: a headless Casio Prizm (fx-CG10/20/50) emulator

USAGE:
    prizm-emu run FILE.g3a [OPTIONS]
    prizm-emu compat [--model cg10|cg20|cg50] DIR|FILE.g3a...

OPTIONS:
    --elf FILE.elf              the add-in's ELF: symbols and a backtrace in crash reports
    --model cg10|cg20|cg50      calculator model (default cg50); sets the memory map
    --keys SCRIPT               key script, comma-separated (see below)
    --screenshot OUT.png        save the screen (384x216 PNG of the LCD) at the end
    --screenshot-every-frame DIR  save every displayed frame as DIR/frame_NNNNN.png
    --storage DIR               host folder backing the storage memory (\\\\fls0\\) and,
                                in DIR/.mcs/, the main memory
    --max-instructions N        instruction budget (default 2000000000)
    --hardware-id ID            the 8-byte ID at 0x8001FFD0 (default EMU-CG50,
                                EMU-CG20 or EMU-CG10 by model)
    --gdb PORT                  wait for GDB (gdb-multiarch) on 127.0.0.1:PORT and run
                                under its control (registers, memory, breakpoints, steps)
    --interpret                 interpret every instruction (no translation to host
                                code; same results, about half the speed)
    --trace-calls               print every OS call (name, arguments, result)
    --profile DIR               profile the run (needs --elf): per function self and
                                inclusive instructions, calls, cycles in OS calls;
                                writes DIR/profile.folded, DIR/flamegraph.svg (time),
                                DIR/flamegraph-instructions.svg (without OS calls) and
                                DIR/functions.tsv, prints the top 20 functions
    --window                    play the add-in in a window: the PC keyboard and a
                                clickable keypad are its keys, at the calculator's speed
                                (? or F7 in the window: the key map); needs a display
    --scale N                   window pixels per calculator pixel (default 2)
    -h, --help                  this text

COMPAT:
    Runs every .g3a (in each DIR, or each FILE) with a standard key script and prints
    a table: loads, reaches a first screen, reacts to keys, how it stopped.

KEY SCRIPT:
    Items separated by commas, names case-insensitive:
      0-9 EXE EXIT MENU AC DEL SHIFT ALPHA F1-F6 UP DOWN LEFT RIGHT OPTN VARS XTT
      LOG LN SIN COS TAN FRAC FD LPAR RPAR COMMA STORE SQUARE POW DOT EXP NEG PLUS
      MINUS MUL DIV, and letters A-Z (ALPHA + the key)
      wait:N ms|s   emulated time passes with no key (wait:500ms, wait:2s)
    Blocking key calls (GetKey...) take the next key at once. Code polling the
    keyboard sees each key held for 100 ms, then 50 ms released. When the script is
    exhausted and the add-in waits for a key (or polls for 0.5 s), the run ends idle.
    Example: --keys \"1,2,EXE,wait:500ms,EXIT\"

TIME:
    One instruction is one cycle of a 118 MHz clock; waits and delays add time.
    The clock starts at 2024-01-01 12:00:00.

EXIT CODES:
    0  the add-in returned to the menu (its return value is printed)
    1  usage error or bad input (file, key script, folder)
    2  crash: CPU exception or bad memory access (report on stderr)
    3  timeout: the instruction budget ran out
    4  unimplemented OS call (number, name and caller on stderr)
    5  idle: the add-in waits for a key and the key script is exhausted
    6  MENU pressed where the OS would go to the Main Menu
";

fn usage(msg: &str) -> ExitCode {
    eprintln!("prizm-emu: {msg}\n(try `prizm-emu --help`)");
    ExitCode::from(1)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.is_empty() || args.iter().any(|a| a == "-h" || a == "--help") {
        print!("{HELP}");
        return if args.is_empty() {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        };
    }
    if args[0] == "compat" {
        return compat(&args[1..]);
    }
    if args[0] != "run" {
        return usage(&format!("unknown command `{}`", args[0]));
    }
    let mut file: Option<PathBuf> = None;
    let mut opts = Options::default();
    let mut screenshot: Option<PathBuf> = None;
    let mut elf_path: Option<PathBuf> = None;
    let mut gdb_port: Option<u16> = None;
    let mut profile_dir: Option<PathBuf> = None;
    let mut window = false;
    let mut scale: u32 = 2;
    let mut budget_given = false;
    let mut it = args[1..].iter();
    while let Some(a) = it.next() {
        let mut value = |name: &str| {
            it.next()
                .cloned()
                .ok_or_else(|| format!("{name} needs a value"))
        };
        let r: Result<(), String> = (|| {
            match a.as_str() {
                "--elf" => elf_path = Some(value("--elf")?.into()),
                "--model" => {
                    let v = value("--model")?;
                    opts.model = Model::parse(&v)
                        .ok_or(format!("unknown model `{v}` (cg10, cg20, cg50)"))?;
                }
                "--keys" => opts.keys = parse_script(&value("--keys")?)?,
                "--screenshot" => screenshot = Some(value("--screenshot")?.into()),
                "--screenshot-every-frame" => {
                    let d: PathBuf = value("--screenshot-every-frame")?.into();
                    std::fs::create_dir_all(&d)
                        .map_err(|e| format!("cannot create {}: {e}", d.display()))?;
                    opts.frame_dir = Some(d);
                }
                "--storage" => opts.storage = Some(value("--storage")?.into()),
                "--max-instructions" => {
                    let v = value("--max-instructions")?;
                    opts.max_instructions = v
                        .replace('_', "")
                        .parse()
                        .map_err(|_| format!("--max-instructions: `{v}` is not a number"))?;
                    budget_given = true;
                }
                "--interpret" => opts.interpret = true,
                "--window" => window = true,
                "--scale" => {
                    let v = value("--scale")?;
                    scale = v
                        .parse()
                        .ok()
                        .filter(|s| (1..=8).contains(s))
                        .ok_or(format!("--scale: `{v}` is not a number from 1 to 8"))?;
                }
                "--trace-calls" => opts.trace_calls = true,
                "--profile" => profile_dir = Some(value("--profile")?.into()),
                "--gdb" => {
                    let v = value("--gdb")?;
                    gdb_port = Some(
                        v.parse()
                            .map_err(|_| format!("--gdb: `{v}` is not a port number"))?,
                    );
                }
                "--hardware-id" => {
                    let v = value("--hardware-id")?;
                    let id: [u8; 8] = v.as_bytes().try_into().map_err(|_| {
                        format!("--hardware-id: `{v}` is not 8 bytes (e.g. EMU-CG50)")
                    })?;
                    opts.hardware_id = Some(id);
                }
                s if s.starts_with('-') => return Err(format!("unknown option `{s}`")),
                s => {
                    if file.is_some() {
                        return Err(format!("unexpected argument `{s}`"));
                    }
                    file = Some(s.into());
                }
            }
            Ok(())
        })();
        if let Err(m) = r {
            return usage(&m);
        }
    }
    let Some(file) = file else {
        return usage("no .g3a file given");
    };
    if window {
        if gdb_port.is_some() {
            return usage("--window and --gdb cannot be used together");
        }
        if !cfg!(feature = "window") {
            return usage("--window: this prizm-emu was built without its `window` feature");
        }
        if !display_available() {
            eprintln!(
                "prizm-emu: --window needs a display, and neither DISPLAY nor \
                 WAYLAND_DISPLAY is set (use --keys and --screenshot to run headless)"
            );
            return ExitCode::from(1);
        }
        if !budget_given {
            // A person plays as long as they like.
            opts.max_instructions = u64::MAX;
        }
    }
    if let Some(dir) = &profile_dir {
        if window {
            return usage("--profile and --window cannot be used together (profile a --keys run)");
        }
        if elf_path.is_none() {
            return usage(
                "--profile needs the add-in's ELF (--elf FILE.elf): its symbols name the functions",
            );
        }
        if let Err(e) = check_writable(dir) {
            return usage(&format!("--profile: {e}"));
        }
    }
    let bytes = match std::fs::read(&file) {
        Ok(b) => b,
        Err(e) => return usage(&format!("cannot read {}: {e}", file.display())),
    };
    if let Some(p) = &elf_path {
        match std::fs::read(p) {
            Ok(b) => opts.elf = Some(b),
            Err(e) => return usage(&format!("cannot read {}: {e}", p.display())),
        }
    }
    let mut emu = match Emulator::load(&bytes, opts) {
        Ok(e) => e,
        Err(e) => return usage(&format!("{}: {e}", file.display())),
    };
    if window {
        return run_window(&mut emu, &file, scale, screenshot.as_deref());
    }
    if profile_dir.is_some()
        && let Err(e) = emu.start_profile()
    {
        return usage(&e.to_string());
    }
    let outcome = match gdb_port {
        None => emu.run_until_idle(),
        Some(port) => {
            let listener = match std::net::TcpListener::bind(("127.0.0.1", port)) {
                Ok(l) => l,
                Err(e) => return usage(&format!("--gdb: cannot listen on port {port}: {e}")),
            };
            eprintln!(
                "prizm-emu: waiting for GDB on 127.0.0.1:{port} (gdb-multiarch {} -ex \
                 'target remote :{port}')",
                elf_path
                    .as_ref()
                    .map_or("FILE.elf".into(), |p| p.display().to_string())
            );
            match prizm_emu::harness::gdb::serve(&mut emu, &listener) {
                Ok(Some(o)) => o,
                // The debugger left (kill) before the add-in ended.
                Ok(None) => {
                    eprintln!("prizm-emu: the debugger ended the session");
                    return ExitCode::SUCCESS;
                }
                Err(e) => {
                    eprintln!("prizm-emu: GDB connection: {e}");
                    return ExitCode::from(1);
                }
            }
        }
    };
    if let Some(p) = &screenshot
        && let Err(e) = std::fs::write(p, emu.screenshot_png())
    {
        eprintln!("prizm-emu: cannot write {}: {e}", p.display());
    }
    for ev in emu.events() {
        match ev {
            prizm_emu::os::Event::PowerOff { at } => {
                eprintln!(
                    "event: PowerOff at {:.3} s",
                    *at as f64 / prizm_emu::machine::CLOCK_HZ as f64
                )
            }
            prizm_emu::os::Event::Ignored { name } => {
                eprintln!("note: {name} has no effect in the emulator")
            }
        }
    }
    if let Some(msg) = emu.panic_message() {
        eprintln!("the add-in panicked at {msg}");
    }
    let stats = format!(
        "{} instructions, {:.3} s emulated, {} frames",
        emu.cpu.icount,
        emu.emulated_seconds(),
        emu.frames()
    );
    match &outcome {
        Outcome::Returned(v) => println!("returned to the menu: {v} ({stats})"),
        Outcome::Crashed(r) => eprintln!("crash: {r}"),
        Outcome::Timeout => eprintln!("timeout: instruction budget used up ({stats})"),
        Outcome::Unimplemented { report, .. } => eprintln!("stopped: {report}"),
        Outcome::Idle => println!("idle: waiting for a key, key script exhausted ({stats})"),
        Outcome::Menu => println!("MENU pressed: the OS would go to the Main Menu ({stats})"),
    }
    if let (Some(dir), Some(profile)) = (&profile_dir, emu.profile()) {
        print!("{}", profile.top(20));
        let title = format!("prizm-emu profile: {}", file.display());
        if let Err(e) = profile.write(dir, &title) {
            eprintln!("prizm-emu: --profile: {e}");
            return ExitCode::from(1);
        }
        println!(
            "flame graph: {}",
            dir.join(prizm_emu::harness::profile::FLAMEGRAPH_FILE)
                .display()
        );
    }
    ExitCode::from(outcome.exit_code() as u8)
}

/// Creates the folder `dir` if needed and checks that files can be written in it.
fn check_writable(dir: &std::path::Path) -> Result<(), String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let probe = dir.join(prizm_emu::harness::profile::FOLDED_FILE);
    std::fs::write(&probe, b"").map_err(|e| format!("cannot write into {}: {e}", dir.display()))
}

/// Whether a display is named in the environment (see the window module).
fn display_available() -> bool {
    #[cfg(feature = "window")]
    return prizm_emu::harness::window::display_available();
    #[cfg(not(feature = "window"))]
    return false;
}

/// Without the `window` feature: refused before loading (see `main`).
#[cfg(not(feature = "window"))]
fn run_window(
    _: &mut Emulator,
    _: &std::path::Path,
    _: u32,
    _: Option<&std::path::Path>,
) -> ExitCode {
    usage("--window: this prizm-emu was built without its `window` feature")
}

/// `prizm-emu run --window`: plays the add-in in a window until it is closed; the exit
/// code is the outcome's when the run ended, 0 when the window was closed first.
/// `--screenshot` saves the screen as the window closes.
#[cfg(feature = "window")]
fn run_window(
    emu: &mut Emulator,
    file: &std::path::Path,
    scale: u32,
    screenshot: Option<&std::path::Path>,
) -> ExitCode {
    use prizm_emu::harness::window;
    let opts = window::Options {
        scale,
        out_dir: PathBuf::from("."),
        name: file
            .file_stem()
            .map_or("addin".into(), |s| s.to_string_lossy().into_owned()),
    };
    let end = window::run(emu, &opts);
    if let Some(p) = screenshot
        && let Err(e) = std::fs::write(p, emu.screenshot_png())
    {
        eprintln!("prizm-emu: cannot write {}: {e}", p.display());
    }
    match end {
        Ok(window::End::Closed) => ExitCode::SUCCESS,
        Ok(window::End::Ended(o)) => ExitCode::from(o.exit_code() as u8),
        Ok(window::End::Panicked(_)) => ExitCode::from(101),
        Err(e) => {
            eprintln!("prizm-emu: {e}");
            ExitCode::from(1)
        }
    }
}

/// `prizm-emu compat [--model M] DIR|FILE...`.
fn compat(args: &[String]) -> ExitCode {
    let mut model = Model::default();
    let mut files = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if a == "--model" {
            let Some(v) = it.next() else {
                return usage("--model needs a value");
            };
            match Model::parse(v) {
                Some(m) => model = m,
                None => return usage(&format!("unknown model `{v}` (cg10, cg20, cg50)")),
            }
        } else if a.starts_with('-') {
            return usage(&format!("unknown option `{a}`"));
        } else {
            let path = PathBuf::from(a);
            if path.is_dir() {
                match g3a_files(&path) {
                    Ok(mut found) => files.append(&mut found),
                    Err(e) => return usage(&format!("cannot read {}: {e}", path.display())),
                }
            } else {
                files.push(path);
            }
        }
    }
    if files.is_empty() {
        return usage("compat: no .g3a file given or found");
    }
    let mut rows = Vec::new();
    for f in &files {
        let name = f.file_name().map_or(f.display().to_string(), |n| {
            n.to_string_lossy().into_owned()
        });
        let report = match std::fs::read(f) {
            Ok(bytes) => compat::check(&bytes, model),
            Err(e) => return usage(&format!("cannot read {}: {e}", f.display())),
        };
        rows.push((name, report));
    }
    print!("{}", compat::table(&rows));
    ExitCode::SUCCESS
}

/// The `.g3a` files in `dir`, sorted by name.
fn g3a_files(dir: &std::path::Path) -> std::io::Result<Vec<PathBuf>> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x.eq_ignore_ascii_case("g3a")))
        .collect();
    out.sort();
    Ok(out)
}
