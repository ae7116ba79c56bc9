//! `cargo prizm test`: a package's PC tests, then its on-calculator tests.

use std::path::Path;
use std::process::Command;

use crate::args::BuildArgs;
use crate::build::{build_package, cargo_program, check_build_prerequisites, find_package};
use crate::calc_test::{build_tests, run_all};
use crate::error::{Error, Result};
use crate::workspace::calc_test_targets;

/// The variables that give the PC tests the add-in built for the calculator
/// (`prizm_test::Addin::start` reads them).
pub const G3A_VAR: &str = "PRIZM_TEST_G3A";
/// See [`G3A_VAR`].
pub const ELF_VAR: &str = "PRIZM_TEST_ELF";

/// Runs the tests of the selected package; returns whether all passed.
///
/// 1. Unless `calc_only`: builds the add-in (if the package is one) for the calculator,
///    then runs `cargo test` for the package on the PC with [`G3A_VAR`] and [`ELF_VAR`]
///    naming that build, for its emulator tests.
/// 2. Builds the test targets without harness (`prizm::tests!`) for the calculator and
///    runs each of their tests in prizm-emu.
///
/// With a `filter`, only the tests whose name contains it run (on the PC it is cargo
/// test's filter).
pub fn test_command(
    args: &BuildArgs,
    calc_only: bool,
    filter: Option<&str>,
    cwd: &Path,
) -> Result<bool> {
    let package = find_package(&args.package, cwd)?;
    let sdk = check_build_prerequisites(&package)?.clone();
    let mut ok = true;
    if !calc_only {
        let mut cargo = Command::new(cargo_program());
        cargo
            .args(["test", "-p", &package.name])
            .current_dir(&package.workspace_root);
        if package.bin.is_some() {
            let built = build_package(&package, args)?;
            eprintln!("built {} for the emulator tests", built.g3a.display());
            cargo.env(G3A_VAR, &built.g3a).env(ELF_VAR, &built.elf);
        }
        if let Some(f) = filter {
            cargo.args(["--", f]);
        }
        let status = cargo
            .status()
            .map_err(|e| Error::Other(format!("cannot run cargo: {e}")))?;
        ok &= status.success();
        if !status.success() {
            eprintln!("error: the PC tests of {} failed ({status})", package.name);
        }
    }
    let targets = calc_test_targets(&package.manifest_path)?;
    if targets.is_empty() {
        println!(
            "\nno on-calculator tests in {}: add a test target with `harness = false` that holds \
             `prizm::tests! {{ ... }}` (see `cargo prizm new`)",
            package.manifest_path.display()
        );
        return Ok(ok);
    }
    let binaries = build_tests(
        &package,
        &sdk,
        &targets,
        args.release,
        args.target_dir.as_deref(),
    )?;
    let root = package
        .manifest_path
        .parent()
        .unwrap_or(&package.workspace_root);
    ok &= run_all(&binaries, root, filter)?;
    Ok(ok)
}
