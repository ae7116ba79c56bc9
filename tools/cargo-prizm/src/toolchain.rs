//! Checks that the Prizm toolchain installed by `tools/setup` is there: the pinned nightly,
//! the rustc_codegen_gcc backend, libgccjit for sh-elf, and `sh-elf-ld`.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::error::{Error, Result};

/// What to do when something is missing.
pub const SETUP_HINT: &str = "the Prizm toolchain is not installed: run tools/setup";

/// The `channel` of the `[toolchain]` table of a `rust-toolchain.toml` file.
pub fn pinned_channel(rust_toolchain_toml: &str) -> Option<String> {
    let doc: toml_edit::DocumentMut = rust_toolchain_toml.parse().ok()?;
    Some(doc.get("toolchain")?.get("channel")?.as_str()?.to_string())
}

/// The value of `key: value` in the output of `rustc -vV`.
fn vv_field<'a>(rustc_vv: &'a str, key: &str) -> Option<&'a str> {
    rustc_vv
        .lines()
        .find_map(|l| l.strip_prefix(key)?.strip_prefix(':').map(str::trim))
}

/// The day before a `YYYY-MM-DD` date (nightlies are built from the previous day's commit).
fn day_before(date: &str) -> Option<String> {
    let d: Vec<u32> = date
        .split('-')
        .map(|p| p.parse().ok())
        .collect::<Option<_>>()?;
    let [y, m, day] = d[..] else { return None };
    if day > 1 {
        return Some(format!("{y:04}-{m:02}-{:02}", day - 1));
    }
    let (y, m) = if m == 1 { (y - 1, 12) } else { (y, m - 1) };
    let leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
    let last = match m {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    Some(format!("{y:04}-{m:02}-{last:02}"))
}

/// Checks that the active rustc is the pinned nightly `channel` (e.g. `nightly-2026-05-20`).
///
/// `rustc_vv` is the output of `rustc -vV`; `manifest_date` is the `date` of the
/// toolchain's `lib/rustlib/multirust-channel-manifest.toml` when rustup installed it. The
/// nightly of a date is built from the previous day's commit, so without a manifest the
/// commit date may be the channel date or the day before.
pub fn check_rustc(channel: &str, rustc_vv: &str, manifest_date: Option<&str>) -> Result<()> {
    let version_line = rustc_vv.lines().next().unwrap_or("").trim();
    let wrong = |what: String| {
        Error::Toolchain(format!(
            "the active rustc is `{version_line}`{what}, but the Prizm SDK needs {channel}: \
             the workspace root needs a rust-toolchain.toml with `[toolchain] channel = \"{channel}\"` \
             (cargo prizm new and init write one) so that rustup picks it \
             (`rustup toolchain install {channel}` if it is missing), then run tools/setup"
        ))
    };
    let Some(date) = channel.strip_prefix("nightly-") else {
        // Not a dated nightly: only a nightly can build core with -Zbuild-std.
        return match vv_field(rustc_vv, "release") {
            Some(r) if r.contains("nightly") || r.contains("dev") => Ok(()),
            _ => Err(wrong(String::new())),
        };
    };
    let release = vv_field(rustc_vv, "release").unwrap_or("");
    if !release.contains("nightly") && !release.contains("dev") {
        return Err(wrong(" (not a nightly)".into()));
    }
    if let Some(m) = manifest_date {
        return if m == date {
            Ok(())
        } else {
            Err(wrong(format!(" (nightly of {m})")))
        };
    }
    let commit = vv_field(rustc_vv, "commit-date").unwrap_or("unknown");
    if commit == date || day_before(date).as_deref() == Some(commit) {
        Ok(())
    } else {
        Err(wrong(format!(" (built from a commit of {commit})")))
    }
}

/// The directory where rustc looks for codegen backends:
/// `<sysroot>/lib/rustlib/<host>/codegen-backends`.
pub fn backend_dir(sysroot: &Path, host: &str) -> PathBuf {
    sysroot
        .join("lib")
        .join("rustlib")
        .join(host)
        .join("codegen-backends")
}

/// The rustc_codegen_gcc backend (`librustc_codegen_gcc*.so`) in `dir`, if any.
pub fn find_backend(dir: &Path) -> Option<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .and_then(OsStr::to_str)
                .is_some_and(|n| n.starts_with("librustc_codegen_gcc") && n.ends_with(".so"))
        })
        .collect();
    found.sort();
    found.into_iter().next()
}

/// libgccjit for sh-elf (`<backend dir>/lib/sh-elf/libgccjit.so`, or a versioned
/// `libgccjit.so.N`), if any.
pub fn find_libgccjit(backend_dir: &Path) -> Option<PathBuf> {
    let dir = backend_dir.join("lib").join("sh-elf");
    let plain = dir.join("libgccjit.so");
    if plain.is_file() {
        return Some(plain);
    }
    let mut found: Vec<PathBuf> = std::fs::read_dir(&dir)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .and_then(OsStr::to_str)
                .is_some_and(|n| n.starts_with("libgccjit.so."))
        })
        .collect();
    found.sort();
    found.into_iter().next()
}

/// The first executable file `name` in the directories of `path_var` (a `PATH` value).
pub fn find_on_path(name: &str, path_var: &OsStr) -> Option<PathBuf> {
    std::env::split_paths(path_var)
        .map(|d| d.join(name))
        .find(|p| is_executable(p))
}

/// Whether `p` is a file that may be executed.
pub fn is_executable(p: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        p.metadata()
            .is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
    }
    #[cfg(not(unix))]
    {
        p.is_file()
    }
}

/// Checks that the parts installed by `tools/setup` are there: the backend and libgccjit
/// in the toolchain at `sysroot` for `host`, and `sh-elf-ld` on `path_var`. The error
/// lists everything missing.
pub fn check_installed(sysroot: &Path, host: &str, path_var: &OsStr) -> Result<()> {
    let dir = backend_dir(sysroot, host);
    let mut missing = Vec::new();
    if find_backend(&dir).is_none() {
        missing.push(format!(
            "the rustc_codegen_gcc backend (no librustc_codegen_gcc*.so in {})",
            dir.display()
        ));
    }
    if find_libgccjit(&dir).is_none() {
        missing.push(format!(
            "libgccjit for sh-elf (no {})",
            dir.join("lib/sh-elf/libgccjit.so").display()
        ));
    }
    if find_on_path("sh-elf-ld", path_var).is_none() {
        missing.push("the linker sh-elf-ld (not found on PATH)".into());
    }
    if missing.is_empty() {
        Ok(())
    } else {
        Err(Error::Toolchain(format!(
            "{SETUP_HINT}\n  missing: {}",
            missing.join("\n  missing: ")
        )))
    }
}

fn run(rustc: &OsStr, args: &[&str], dir: &Path) -> Result<String> {
    let out = Command::new(rustc)
        .args(args)
        .current_dir(dir)
        .output()
        .map_err(|e| {
            Error::Toolchain(format!(
                "cannot run `{} {}`: {e}: install rustup and the pinned nightly, then run tools/setup",
                rustc.to_string_lossy(),
                args.join(" ")
            ))
        })?;
    if !out.status.success() {
        return Err(Error::Toolchain(format!(
            "`{} {}` failed: {}",
            rustc.to_string_lossy(),
            args.join(" "),
            String::from_utf8_lossy(&out.stderr).trim()
        )));
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// Runs every check for a build in `workspace_root`: the rustc that cargo will use there
/// (`$RUSTC` or `rustc`, as rustup picks it there) is the nightly `channel` that the SDK
/// pins, and [`check_installed`] passes.
pub fn check_toolchain(workspace_root: &Path, channel: &str) -> Result<()> {
    let rustc = std::env::var_os("RUSTC").unwrap_or_else(|| "rustc".into());
    let vv = run(&rustc, &["-vV"], workspace_root)?;
    let sysroot = PathBuf::from(run(&rustc, &["--print", "sysroot"], workspace_root)?.trim());
    let manifest =
        std::fs::read_to_string(sysroot.join("lib/rustlib/multirust-channel-manifest.toml")).ok();
    let date = manifest.as_deref().and_then(|m| {
        m.lines().find_map(|l| {
            l.trim()
                .strip_prefix("date")?
                .trim()
                .strip_prefix('=')
                .map(|v| v.trim().trim_matches('"').to_string())
        })
    });
    check_rustc(channel, &vv, date.as_deref())?;
    let host = vv_field(&vv, "host").unwrap_or("x86_64-unknown-linux-gnu");
    check_installed(
        &sysroot,
        host,
        &std::env::var_os("PATH").unwrap_or_default(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const VV: &str = "rustc 1.97.0-nightly (e50aa6fba 2026-05-19)\nbinary: rustc\ncommit-hash: e50aa6fba4e63ab34c72bf9acfd2c307c1155d1a\ncommit-date: 2026-05-19\nhost: x86_64-unknown-linux-gnu\nrelease: 1.97.0-nightly\nLLVM version: 22.1.4\n";

    #[test]
    fn channel_from_toml() {
        let toml = "# comment\n[toolchain]\nchannel = \"nightly-2026-05-20\" # pinned\ncomponents = [\"rust-src\"]\n";
        assert_eq!(pinned_channel(toml).as_deref(), Some("nightly-2026-05-20"));
        assert_eq!(pinned_channel("[other]\nchannel = \"x\"\n"), None);
    }

    #[test]
    fn rustc_version_checks() {
        check_rustc("nightly-2026-05-20", VV, Some("2026-05-20")).unwrap();
        check_rustc("nightly-2026-05-20", VV, None).unwrap();
        check_rustc("nightly-2026-05-19", VV, None).unwrap();
        let e = check_rustc("nightly-2026-05-21", VV, None)
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("nightly-2026-05-21")
                && e.contains("rustc 1.97.0-nightly")
                && e.contains("tools/setup"),
            "{e}"
        );
        let e = check_rustc("nightly-2026-05-19", VV, Some("2026-05-20"))
            .unwrap_err()
            .to_string();
        assert!(e.contains("nightly of 2026-05-20"), "{e}");
        let stable = VV.replace("-nightly", "");
        assert!(
            check_rustc("nightly-2026-05-20", &stable, None)
                .unwrap_err()
                .to_string()
                .contains("not a nightly")
        );
        assert_eq!(day_before("2026-03-01").as_deref(), Some("2026-02-28"));
        assert_eq!(day_before("2024-03-01").as_deref(), Some("2024-02-29"));
        assert_eq!(day_before("2026-01-01").as_deref(), Some("2025-12-31"));
        check_rustc(
            "nightly-2026-03-01",
            &VV.replace("2026-05-19", "2026-02-28"),
            None,
        )
        .unwrap();
    }

    fn touch(p: &Path, exec: bool) {
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, b"").unwrap();
        #[cfg(unix)]
        if exec {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(p, std::fs::Permissions::from_mode(0o755)).unwrap();
        }
    }

    #[test]
    fn installed_parts() {
        let root =
            std::env::temp_dir().join(format!("cargo-prizm-toolchain-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        let sysroot = root.join("sysroot");
        let bin = root.join("bin");
        std::fs::create_dir_all(&bin).unwrap();
        let host = "x86_64-unknown-linux-gnu";
        let e = check_installed(&sysroot, host, bin.as_os_str())
            .unwrap_err()
            .to_string();
        assert!(e.starts_with(SETUP_HINT), "{e}");
        assert!(
            e.contains("librustc_codegen_gcc")
                && e.contains("libgccjit")
                && e.contains("sh-elf-ld"),
            "{e}"
        );
        let dir = backend_dir(&sysroot, host);
        touch(&dir.join("librustc_codegen_gcc-nightly.so"), false);
        touch(&dir.join("lib/sh-elf/libgccjit.so.0"), false);
        touch(&bin.join("sh-elf-ld"), false);
        let e = check_installed(&sysroot, host, bin.as_os_str())
            .unwrap_err()
            .to_string();
        assert!(
            !e.contains("librustc_codegen_gcc")
                && !e.contains("libgccjit")
                && e.contains("sh-elf-ld"),
            "{e}"
        );
        touch(&bin.join("sh-elf-ld"), true);
        check_installed(&sysroot, host, bin.as_os_str()).unwrap();
        assert_eq!(
            find_libgccjit(&dir),
            Some(dir.join("lib/sh-elf/libgccjit.so.0"))
        );
        touch(&dir.join("lib/sh-elf/libgccjit.so"), false);
        assert_eq!(
            find_libgccjit(&dir),
            Some(dir.join("lib/sh-elf/libgccjit.so"))
        );
        std::fs::remove_dir_all(&root).unwrap();
    }
}
