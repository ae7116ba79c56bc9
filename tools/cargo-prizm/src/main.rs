//! `cargo-prizm`: `cargo prizm new|init|build|run|debug|test|info|pack` (see `cargo prizm
//! help`).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use cargo_prizm::args::{BuildArgs, Command, parse_args};
use cargo_prizm::build::{Built, build, resolve_package};
use cargo_prizm::date::build_date;
use cargo_prizm::emulator::{
    DEBUGGER, debug_session, display_present, find_emulator, run_emulator, with_window,
};
use cargo_prizm::error::{Error, Result};
use cargo_prizm::info::info_command;
use cargo_prizm::new::{init_project, new_project};
use cargo_prizm::pack::pack_file;
use cargo_prizm::sdk::{SDK_VERSION, Sdk, install, prizm_home, sdk_dir};
use cargo_prizm::test_command::test_command;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let command = parse_args(&args).unwrap_or_else(|e| e.exit());
    match run(command) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(if matches!(e, Error::Usage(_)) { 2 } else { 1 })
        }
    }
}

fn cwd() -> Result<PathBuf> {
    std::env::current_dir().map_err(|e| Error::io(Path::new("."), e))
}

/// For `run` and `debug`: finds the emulator first (no point in building if it cannot
/// run), then builds the add-in.
fn find_emulator_and_build(b: &BuildArgs) -> Result<(PathBuf, Built)> {
    let exe = std::env::current_exe().ok();
    let emu = find_emulator(
        exe.as_deref().and_then(Path::parent),
        &std::env::var_os("PATH").unwrap_or_default(),
    )?;
    let built = build(b, &cwd()?)?;
    eprintln!("built {}", built.g3a.display());
    Ok((emu, built))
}

fn run(command: Command) -> Result<ExitCode> {
    match command {
        Command::New { path, name } => {
            let name = new_project(&path, name.as_deref(), &Sdk::installed()?)?;
            println!(
                "made add-in package `{name}` in {}: cd there, then `cargo prizm run` (or `cargo \
                 prizm test`)",
                path.display()
            );
        }
        Command::Init { path, name } => {
            let name = init_project(&path, name.as_deref(), &Sdk::installed()?)?;
            println!("made add-in package `{name}` in {}", path.display());
        }
        Command::InstallSdk { repo } => {
            let dest = sdk_dir(&prizm_home()?, SDK_VERSION);
            install(&repo, &dest)?;
            println!("{}", dest.display());
        }
        Command::Test {
            build: b,
            calc_only,
            filter,
        } => {
            if !test_command(&b, calc_only, filter.as_deref(), &cwd()?)? {
                return Ok(ExitCode::FAILURE);
            }
        }
        Command::Build(b) => {
            let built = build(&b, &cwd()?)?;
            println!("{}", built.g3a.display());
        }
        Command::Run { build: b, emu_args } => {
            let (emu, built) = find_emulator_and_build(&b)?;
            let emu_args = with_window(&emu_args, display_present());
            let code = run_emulator(&emu, &built.g3a, &built.elf, &emu_args)?;
            return Ok(ExitCode::from(code));
        }
        Command::Debug { build: b, emu_args } => {
            let debugger = std::env::var_os("PRIZM_GDB").map_or(DEBUGGER.into(), PathBuf::from);
            let (emu, built) = find_emulator_and_build(&b)?;
            let code = debug_session(&emu, &debugger, &built.g3a, &built.elf, &emu_args)?;
            return Ok(ExitCode::from(code));
        }
        Command::Info {
            file,
            icons,
            strict,
        } => return info_command(&file, icons.as_deref(), strict),
        Command::Pack {
            elf,
            package,
            output,
        } => {
            let (_, prizm) = resolve_package(&package, &cwd()?)?;
            let date = build_date(std::env::var("SOURCE_DATE_EPOCH").ok().as_deref())?;
            let output = output.unwrap_or_else(|| {
                let mut name = elf.as_os_str().to_owned();
                name.push(".g3a");
                PathBuf::from(name)
            });
            pack_file(&elf, &prizm, &output, date)?;
            println!("{}", output.display());
        }
    }
    Ok(ExitCode::SUCCESS)
}
