//! Finding and running the emulator for `cargo prizm run`.

use std::ffi::{OsStr, OsString};
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::toolchain::{find_on_path, is_executable};

/// The emulator's executable name.
pub const EMULATOR: &str = "prizm-emu";

/// `prizm-emu` next to the `cargo-prizm` executable (in `exe_dir`), else on `path_var`.
pub fn find_emulator(exe_dir: Option<&Path>, path_var: &OsStr) -> Result<PathBuf> {
    if let Some(p) = exe_dir
        .map(|d| d.join(EMULATOR))
        .filter(|p| is_executable(p))
    {
        return Ok(p);
    }
    find_on_path(EMULATOR, path_var).ok_or_else(|| {
        let next_to = exe_dir.map(|d| format!(" next to cargo-prizm ({})", d.display()));
        Error::Other(format!(
            "{EMULATOR} was not found{} nor on PATH: run tools/setup to install it (or \
             `cargo build -p prizm-emu` and put target/debug on PATH)",
            next_to.unwrap_or_default()
        ))
    })
}

/// The emulator's arguments: `run FILE.g3a --elf FILE.elf EMU-ARGS...`.
pub fn emulator_args(g3a: &Path, elf: &Path, extra: &[String]) -> Vec<OsString> {
    let mut args: Vec<OsString> = vec!["run".into(), g3a.into(), "--elf".into(), elf.into()];
    args.extend(extra.iter().map(OsString::from));
    args
}

/// Runs `emulator run G3A --elf ELF EXTRA...` and returns the exit code to forward: the
/// emulator's own, or 128 + the signal that killed it.
pub fn run_emulator(emulator: &Path, g3a: &Path, elf: &Path, extra: &[String]) -> Result<u8> {
    let status = std::process::Command::new(emulator)
        .args(emulator_args(g3a, elf, extra))
        .status()
        .map_err(|e| Error::Other(format!("cannot run {}: {e}", emulator.display())))?;
    if let Some(code) = status.code() {
        return Ok(code.clamp(0, 255) as u8);
    }
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if let Some(sig) = status.signal() {
            return Ok((128 + sig).clamp(0, 255) as u8);
        }
    }
    Ok(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn finds_and_runs_the_emulator_and_forwards_its_exit_code() {
        use std::os::unix::fs::PermissionsExt;
        let dir = std::env::temp_dir().join(format!("cargo-prizm-emu-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("bin")).unwrap();
        let emu = dir.join("bin").join(EMULATOR);
        let log = dir.join("args.txt");
        std::fs::write(
            &emu,
            format!("#!/bin/sh\necho \"$@\" > {}\nexit 7\n", log.display()),
        )
        .unwrap();
        std::fs::set_permissions(&emu, std::fs::Permissions::from_mode(0o755)).unwrap();
        assert_eq!(
            find_emulator(Some(&dir.join("bin")), OsStr::new("")).unwrap(),
            emu
        );
        assert_eq!(
            find_emulator(Some(&dir), dir.join("bin").as_os_str()).unwrap(),
            emu
        );
        let code = run_emulator(
            &emu,
            Path::new("a.g3a"),
            Path::new("a"),
            &["--keys".into(), "EXE".into()],
        )
        .unwrap();
        assert_eq!(code, 7);
        assert_eq!(
            std::fs::read_to_string(&log).unwrap(),
            "run a.g3a --elf a --keys EXE\n"
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn arguments() {
        let a = emulator_args(
            Path::new("a.g3a"),
            Path::new("a"),
            &["--keys".into(), "EXE".into()],
        );
        assert_eq!(a, ["run", "a.g3a", "--elf", "a", "--keys", "EXE"]);
    }

    #[test]
    fn not_found_says_to_run_setup() {
        let e = find_emulator(
            Some(Path::new("/nonexistent/bin")),
            OsStr::new("/nonexistent"),
        )
        .unwrap_err();
        let m = e.to_string();
        assert!(
            m.contains("prizm-emu") && m.contains("tools/setup") && m.contains("/nonexistent/bin"),
            "{m}"
        );
    }
}
