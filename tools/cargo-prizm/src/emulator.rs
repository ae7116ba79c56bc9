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

#[cfg(test)]
mod tests {
    use super::*;

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
