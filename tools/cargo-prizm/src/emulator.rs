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

/// Whether a display is named in the environment ($DISPLAY or $WAYLAND_DISPLAY), and
/// windows are not turned off (`PRIZM_WINDOW=0`).
pub fn display_present() -> bool {
    std::env::var_os("PRIZM_WINDOW").is_none_or(|v| v != "0")
        && ["DISPLAY", "WAYLAND_DISPLAY"]
            .iter()
            .any(|v| std::env::var_os(v).is_some_and(|s| !s.is_empty()))
}

/// `cargo prizm run`'s emulator arguments: `extra`, plus `--window` when `display` is
/// present and `extra` gives no key script (`--keys`), debugger (`--gdb`), profile
/// (`--profile`) or `--window` of its own.
pub fn with_window(extra: &[String], display: bool) -> Vec<String> {
    let mut out = extra.to_vec();
    let headless = ["--keys", "--gdb", "--profile", "--window"];
    if display && !extra.iter().any(|a| headless.contains(&a.as_str())) {
        out.push("--window".into());
    }
    out
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

/// The debugger `cargo prizm debug` opens (Debian's multi-architecture GDB), unless
/// `PRIZM_GDB` names another.
pub const DEBUGGER: &str = "gdb-multiarch";

/// The debugger's arguments: the ELF (symbols, source lines) and the connection.
pub fn debugger_args(elf: &Path, port: u16) -> Vec<OsString> {
    vec![
        elf.into(),
        "-ex".into(),
        format!("target remote 127.0.0.1:{port}").into(),
    ]
}

/// `cargo prizm debug`: starts `emulator run G3A --elf ELF --gdb PORT EXTRA...` on a
/// free port, waits until it listens, runs `debugger` on it (interactive), then stops
/// the emulator. Returns the debugger's exit code.
pub fn debug_session(
    emulator: &Path,
    debugger: &Path,
    g3a: &Path,
    elf: &Path,
    extra: &[String],
) -> Result<u8> {
    use std::io::{BufRead, BufReader};
    let port = std::net::TcpListener::bind(("127.0.0.1", 0))
        .and_then(|l| l.local_addr())
        .map_err(|e| Error::Other(format!("no free TCP port for the debugger: {e}")))?
        .port();
    let mut args = emulator_args(g3a, elf, extra);
    args.extend(["--gdb".into(), port.to_string().into()]);
    let mut emu = std::process::Command::new(emulator)
        .args(&args)
        .stderr(std::process::Stdio::piped())
        .spawn()
        .map_err(|e| Error::Other(format!("cannot run {}: {e}", emulator.display())))?;
    // The emulator says when it listens; pass its messages on meanwhile and after.
    let mut lines = BufReader::new(emu.stderr.take().expect("piped stderr")).lines();
    let listening = loop {
        match lines.next() {
            Some(Ok(line)) => {
                eprintln!("{line}");
                if line.contains("waiting for GDB") {
                    break true;
                }
            }
            _ => break false,
        }
    };
    let relay = std::thread::spawn(move || {
        for line in lines.map_while(|l| l.ok()) {
            eprintln!("{line}");
        }
    });
    if !listening {
        let status = emu.wait().ok().and_then(|s| s.code()).unwrap_or(1);
        let _ = relay.join();
        return Err(Error::Other(format!(
            "{} stopped before waiting for the debugger (exit code {status})",
            emulator.display()
        )));
    }
    let status = std::process::Command::new(debugger)
        .args(debugger_args(elf, port))
        .status();
    // The session is over: the emulator ends when the debugger detaches or kills;
    // make sure it does.
    let _ = emu.kill();
    let _ = emu.wait();
    let _ = relay.join();
    let status = status.map_err(|e| {
        Error::Other(format!(
            "cannot run the debugger {}: {e} (install gdb-multiarch: tools/setup does; or \
             set PRIZM_GDB)",
            debugger.display()
        ))
    })?;
    Ok(status.code().unwrap_or(1).clamp(0, 255) as u8)
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

    /// Writes an executable shell script.
    #[cfg(unix)]
    fn script(path: &Path, body: &str) {
        use std::os::unix::fs::PermissionsExt;
        std::fs::write(path, format!("#!/bin/sh\n{body}\n")).unwrap();
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn debug_session_connects_the_debugger_to_the_emulator_port() {
        let dir = std::env::temp_dir().join(format!("cargo-prizm-debug-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let (emu, gdb) = (dir.join("emu"), dir.join("gdb"));
        let (emu_log, gdb_log) = (dir.join("emu.txt"), dir.join("gdb.txt"));
        // The emulator: says it listens, then waits (the session stops it).
        script(
            &emu,
            &format!(
                "echo \"$@\" > {}\necho 'prizm-emu: waiting for GDB' >&2\nexec sleep 30",
                emu_log.display()
            ),
        );
        script(
            &gdb,
            &format!("echo \"$@\" > {}\nexit 3", gdb_log.display()),
        );
        let code = debug_session(
            &emu,
            &gdb,
            Path::new("a.g3a"),
            Path::new("a"),
            &["--keys".into(), "EXE".into()],
        )
        .unwrap();
        assert_eq!(code, 3, "the debugger's exit code");
        let emu_args = std::fs::read_to_string(&emu_log).unwrap();
        let port = emu_args
            .trim()
            .strip_prefix("run a.g3a --elf a --keys EXE --gdb ")
            .unwrap_or_else(|| panic!("{emu_args}"));
        assert_eq!(
            std::fs::read_to_string(&gdb_log).unwrap().trim(),
            format!("a -ex target remote 127.0.0.1:{port}")
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn debug_session_reports_an_emulator_that_stops_early() {
        let dir = std::env::temp_dir().join(format!("cargo-prizm-debug2-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let emu = dir.join("emu");
        script(&emu, "echo 'prizm-emu: not a valid .g3a file' >&2\nexit 1");
        let e = debug_session(
            &emu,
            Path::new("/nonexistent/gdb"),
            Path::new("a.g3a"),
            Path::new("a"),
            &[],
        )
        .unwrap_err();
        assert!(
            e.to_string()
                .contains("stopped before waiting for the debugger (exit code 1)"),
            "{e}"
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn window_when_a_display_and_no_key_script() {
        let args = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(with_window(&[], true), ["--window"]);
        assert_eq!(
            with_window(&args(&["--model", "cg20"]), true),
            ["--model", "cg20", "--window"]
        );
        assert!(with_window(&[], false).is_empty());
        for a in ["--keys", "--gdb", "--profile", "--window"] {
            assert_eq!(with_window(&args(&[a, "x"]), true), [a, "x"]);
        }
    }
}
