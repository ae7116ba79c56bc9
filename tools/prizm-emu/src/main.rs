//! `prizm-emu`: runs a Casio Prizm add-in headless. See `prizm-emu --help`.

use clap::error::ErrorKind;
use clap::{Args, Parser, Subcommand};
use prizm_emu::harness::compat;
use prizm_emu::harness::keys::{KeyItem, parse_script};
use prizm_emu::{Emulator, Model, Options, Outcome};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// What `prizm-emu --help` and `prizm-emu run --help` add after the options.
const AFTER_HELP: &str = "\
KEY SCRIPT:
    Items separated by commas, names case-insensitive:
      0-9 EXE EXIT MENU AC DEL SHIFT ALPHA F1-F6 UP DOWN LEFT RIGHT OPTN VARS XTT
      LOG LN SIN COS TAN FRAC FD LPAR RPAR COMMA STORE SQUARE POW DOT EXP NEG PLUS
      MINUS MUL DIV, and letters A-Z (ALPHA + the key)
      A+B           keys held together (LEFT+SHIFT): the key matrix shows them all,
                    the OS's key calls take the last
      wait:N ms|s   emulated time passes with no key (wait:500ms, wait:2s)
    Blocking key calls (GetKey...) take the next key at once. Code polling the
    keyboard sees each key held for 100 ms, then 50 ms released (and released before
    each press, for 50 ms when it was last seen down). When the script is
    exhausted and the add-in waits for a key (or polls for 0.5 s), the run ends idle.
    Example: --keys \"1,2,EXE,wait:500ms,EXIT\"

TIME:
    One instruction is one cycle of the model's clock (117.96 MHz on the fx-CG50,
    58.98 MHz on the fx-CG10/20); waits and delays add time.
    The clock starts at 2024-01-01 12:00:00.

EXIT CODES:
    0  the add-in returned to the menu (its return value is printed)
    1  usage error or bad input (file, key script, folder)
    2  crash: CPU exception or bad memory access (report on stderr)
    3  timeout: the instruction budget ran out
    4  unimplemented OS call (number, name and caller on stderr)
    5  idle: the add-in waits for a key and the key script is exhausted
    6  MENU pressed where the OS would go to the Main Menu
    7  an APP_* call: the OS would open a built-in app (named on stdout)
";

/// prizm-emu: a Casio Prizm (fx-CG10/20/50) emulator.
#[derive(Parser)]
#[command(name = "prizm-emu", version, after_help = AFTER_HELP)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Runs an add-in (headless with a key script, or in a window).
    #[command(after_help = AFTER_HELP)]
    Run(Box<RunArgs>),
    /// Checks how far real add-ins get: a table of each one's level.
    ///
    /// Runs every .g3a (in each DIR, or each FILE) with a standard key script and
    /// prints a table: loads, reaches a first screen, reacts to keys, how it stopped.
    Compat(CompatArgs),
}

/// `prizm-emu run`.
#[derive(Args)]
struct RunArgs {
    /// The add-in.
    #[arg(value_name = "FILE.g3a")]
    file: PathBuf,
    /// The add-in's ELF: symbols and a backtrace in crash reports.
    #[arg(long, value_name = "FILE.elf")]
    elf: Option<PathBuf>,
    /// Calculator model; sets the memory map.
    #[arg(long, value_name = "cg10|cg20|cg50", default_value = "cg50", value_parser = parse_model)]
    model: Model,
    /// Key script, comma-separated (see below).
    #[arg(long, value_name = "SCRIPT", value_parser = parse_keys)]
    keys: Option<KeyScript>,
    /// Save the screen (384x216 PNG of the LCD) at the end.
    #[arg(long, value_name = "OUT.png")]
    screenshot: Option<PathBuf>,
    /// Save every displayed frame as DIR/frame_NNNNN.png.
    #[arg(long, value_name = "DIR")]
    screenshot_every_frame: Option<PathBuf>,
    /// Record the run as an animated GIF, headless (the screen every 1/50 emulated
    /// second, each frame shown for its emulated time), as F9 does in a window.
    #[arg(long, value_name = "OUT.gif", conflicts_with_all = ["window", "gdb"])]
    gif: Option<PathBuf>,
    /// Host folder backing the storage memory (\\fls0\) and, in DIR/.mcs/, the main
    /// memory.
    #[arg(long, value_name = "DIR")]
    storage: Option<PathBuf>,
    /// Instruction budget (default 2000000000; unlimited with --window).
    #[arg(long, value_name = "N", value_parser = parse_count)]
    max_instructions: Option<u64>,
    /// The 8-byte ID at 0x8001FFD0 (default EMU-CG50, EMU-CG20 or EMU-CG10 by model).
    #[arg(long, value_name = "ID", value_parser = parse_hardware_id)]
    hardware_id: Option<[u8; 8]>,
    /// Wait for GDB (gdb-multiarch) on 127.0.0.1:PORT and run under its control.
    #[arg(long, value_name = "PORT", value_parser = parse_port)]
    gdb: Option<u16>,
    /// Interpret every instruction (no translation to host code; same results, about
    /// half the speed).
    #[arg(long)]
    interpret: bool,
    /// Print every OS call (name, arguments, result).
    #[arg(long)]
    trace_calls: bool,
    /// Profile the run (needs --elf): per function self and inclusive instructions,
    /// calls, cycles in OS calls; writes DIR/profile.folded, DIR/flamegraph.svg (time),
    /// DIR/flamegraph-instructions.svg (without OS calls) and DIR/functions.tsv, prints
    /// the top 20 functions.
    #[arg(long, value_name = "DIR")]
    profile: Option<PathBuf>,
    /// With --profile: keep only the time spent under the functions whose name contains
    /// NAME (as pprof's -focus), each stack starting at the outermost one: the flame graph
    /// of one part of the add-in, e.g. `--profile-focus code_matches` for CGlock's unlock.
    #[arg(long, value_name = "NAME", requires = "profile")]
    profile_focus: Option<String>,
    /// Play the add-in in a window: the PC keyboard and a clickable keypad are its keys,
    /// at the calculator's speed (? or F7 in the window: the key map); needs a display.
    #[arg(long)]
    window: bool,
    /// Window pixels per calculator pixel.
    #[arg(long, value_name = "N", default_value_t = 2, value_parser = clap::value_parser!(u32).range(1..=8))]
    scale: u32,
}

/// `prizm-emu compat`.
#[derive(Args)]
struct CompatArgs {
    /// The model to run them as first.
    #[arg(long, value_name = "cg10|cg20|cg50", default_value = "cg50", value_parser = parse_model)]
    model: Model,
    /// Folders of .g3a files, or .g3a files.
    #[arg(value_name = "DIR|FILE.g3a", required = true)]
    paths: Vec<PathBuf>,
}

/// A parsed key script (one value of `--keys`).
#[derive(Clone)]
struct KeyScript(Vec<KeyItem>);

fn parse_keys(s: &str) -> Result<KeyScript, String> {
    parse_script(s).map(KeyScript)
}

fn parse_model(s: &str) -> Result<Model, String> {
    Model::parse(s).ok_or(format!("unknown model `{s}` (cg10, cg20, cg50)"))
}

fn parse_count(s: &str) -> Result<u64, String> {
    s.replace('_', "")
        .parse()
        .map_err(|_| format!("`{s}` is not a number"))
}

fn parse_port(s: &str) -> Result<u16, String> {
    s.parse().map_err(|_| format!("`{s}` is not a port number"))
}

fn parse_hardware_id(s: &str) -> Result<[u8; 8], String> {
    s.as_bytes()
        .try_into()
        .map_err(|_| format!("`{s}` is not 8 bytes (e.g. EMU-CG50)"))
}

fn usage(msg: &str) -> ExitCode {
    eprintln!("prizm-emu: {msg}\n(try `prizm-emu --help`)");
    ExitCode::from(1)
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            // Help and version are answers; anything else is a usage error (exit 1, as
            // documented, rather than clap's 2).
            return match e.kind() {
                ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => ExitCode::SUCCESS,
                _ => ExitCode::from(1),
            };
        }
    };
    match cli.command {
        Command::Run(args) => run(*args),
        Command::Compat(args) => compat(args),
    }
}

/// `--gif`: runs the add-in with a headless recorder and says where the GIF went.
#[cfg(feature = "window")]
fn record_gif(emu: &mut Emulator, path: &Path, budget: u64) -> std::io::Result<Outcome> {
    use prizm_emu::harness::window::record::{HEADLESS_STEP, Recorder, run_recorded};
    let mut rec = Recorder::start(path)?;
    let outcome = run_recorded(emu, &mut rec, HEADLESS_STEP, budget)?;
    let frames = rec.finish(emu.cpu.now())?;
    eprintln!("prizm-emu: recorded {} ({frames} frames)", path.display());
    Ok(outcome)
}

/// `--gif` without the GIF encoder.
#[cfg(not(feature = "window"))]
fn record_gif(_: &mut Emulator, _: &Path, _: u64) -> std::io::Result<Outcome> {
    Err(std::io::Error::other(
        "this prizm-emu was built without its `window` feature (the GIF encoder)",
    ))
}

/// `prizm-emu run`.
fn run(args: RunArgs) -> ExitCode {
    let RunArgs {
        file,
        elf: elf_path,
        model,
        keys,
        screenshot,
        screenshot_every_frame,
        gif,
        storage,
        max_instructions,
        hardware_id,
        gdb: gdb_port,
        interpret,
        trace_calls,
        profile: profile_dir,
        profile_focus,
        window,
        scale,
    } = args;
    let budget_given = max_instructions.is_some();
    let mut opts = Options {
        model,
        keys: keys.map(|k| k.0).unwrap_or_default(),
        storage,
        hardware_id,
        interpret,
        trace_calls,
        ..Options::default()
    };
    if let Some(n) = max_instructions {
        opts.max_instructions = n;
    }
    if let Some(d) = screenshot_every_frame {
        if let Err(e) = std::fs::create_dir_all(&d) {
            return usage(&format!("cannot create {}: {e}", d.display()));
        }
        opts.frame_dir = Some(d);
    }
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
    let budget = opts.max_instructions;
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
        None => match &gif {
            Some(path) => match record_gif(&mut emu, path, budget) {
                Ok(o) => o,
                Err(e) => {
                    eprintln!("prizm-emu: --gif {}: {e}", path.display());
                    return ExitCode::from(1);
                }
            },
            None => emu.run_until_idle(),
        },
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
            prizm_emu::os::Event::OpenApp { call, app, at } => {
                eprintln!(
                    "event: {call} at {:.3} s: the OS would open {app}",
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
        Outcome::OpenApp(app) => println!("the OS would open {app} ({stats})"),
    }
    if let (Some(dir), Some(mut profile)) = (&profile_dir, emu.profile()) {
        let mut title = format!("prizm-emu profile: {}", file.display());
        if let Some(name) = &profile_focus {
            let Some(focused) = profile.focus(name) else {
                eprintln!(
                    "prizm-emu: --profile-focus: no function whose name contains {name:?} ran"
                );
                return ExitCode::from(1);
            };
            profile = focused;
            title += &format!(", under {name}");
        }
        print!("{}", profile.top(20));
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
fn compat(args: CompatArgs) -> ExitCode {
    let model = args.model;
    let mut files = Vec::new();
    for path in args.paths {
        if path.is_dir() {
            match g3a_files(&path) {
                Ok(mut found) => files.append(&mut found),
                Err(e) => return usage(&format!("cannot read {}: {e}", path.display())),
            }
        } else {
            files.push(path);
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
