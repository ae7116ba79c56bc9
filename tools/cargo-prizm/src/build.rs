//! `cargo prizm build`: building an add-in package with cargo for the Prizm target and
//! packing the result.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::args::{BuildArgs, PackageSelection};
use crate::date::build_date;
use crate::error::{Error, Result};
use crate::metadata::PrizmMetadata;
use crate::pack::pack_file;
use crate::sdk::Sdk;
use crate::toolchain::check_toolchain;
use crate::workspace::{
    Package, cargo_metadata, check_sdk, package_from_metadata, select_manifest,
};

/// The files a build produced.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Built {
    /// The linked add-in: `target/sh4-prizm/<profile>/<bin>`.
    pub elf: PathBuf,
    /// The packed add-in: `target/sh4-prizm/<profile>/<bin>.g3a`.
    pub g3a: PathBuf,
}

/// The cargo to run: `$CARGO` (set by cargo for its subcommands) or `cargo`.
pub fn cargo_program() -> OsString {
    std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into())
}

/// The arguments of the cargo command `sub` (`build`, `test`...) that compiles `package`
/// for the Prizm with the SDK's target spec and settings.
pub fn calc_cargo_args(sub: &str, package: &str, sdk: &Sdk, release: bool) -> Vec<OsString> {
    let mut args: Vec<OsString> = vec![
        sub.into(),
        "-p".into(),
        package.into(),
        "--target".into(),
        sdk.target_spec().into(),
        "--config".into(),
        sdk.cargo_config().into(),
        "-Zbuild-std=core,alloc".into(),
        "-Zbuild-std-features=compiler-builtins-mem".into(),
        "-Zjson-target-spec".into(),
    ];
    if release {
        args.push("--release".into());
    }
    args
}

/// The directory of the build's outputs: `<target dir>/sh4-prizm/<debug|release>`.
pub fn output_dir(target_dir: &Path, release: bool) -> PathBuf {
    target_dir
        .join("sh4-prizm")
        .join(if release { "release" } else { "debug" })
}

/// The selected package, as `cargo metadata` describes it.
pub fn find_package(sel: &PackageSelection, cwd: &Path) -> Result<Package> {
    let manifest = select_manifest(sel, cwd)?;
    let meta = cargo_metadata(&cargo_program(), &manifest, false)?;
    package_from_metadata(&meta, &manifest)
}

/// The add-in metadata of a package, checked.
pub fn addin_metadata(package: &Package) -> Result<PrizmMetadata> {
    PrizmMetadata::from_json(
        &package.manifest_path,
        &package.name,
        &package.version,
        Some(&package.metadata),
    )
}

/// The package and its checked metadata, for a selection.
pub fn resolve_package(sel: &PackageSelection, cwd: &Path) -> Result<(Package, PrizmMetadata)> {
    let package = find_package(sel, cwd)?;
    let prizm = addin_metadata(&package)?;
    Ok((package, prizm))
}

/// Checks what a build for the calculator needs: the package depends on a complete SDK,
/// and the toolchain that SDK pins is installed. Returns the SDK.
pub fn check_build_prerequisites(package: &Package) -> Result<&Sdk> {
    let sdk = package.sdk()?;
    check_sdk(sdk)?;
    check_toolchain(&package.workspace_root, &sdk.channel()?)?;
    Ok(sdk)
}

/// Runs a cargo command from the workspace root (so that its `.cargo/config.toml`
/// applies), with `target_dir` as cargo's target directory if given.
pub fn run_cargo(args: &[OsString], package: &Package, target_dir: Option<&Path>) -> Result<()> {
    let mut cargo = Command::new(cargo_program());
    cargo.args(args).current_dir(&package.workspace_root);
    if let Some(dir) = target_dir {
        cargo.env("CARGO_TARGET_DIR", dir);
    }
    let status = cargo
        .status()
        .map_err(|e| Error::Other(format!("cannot run cargo: {e}")))?;
    if !status.success() {
        return Err(Error::Other(format!(
            "`cargo {}` for package {} failed ({status})",
            args.first()
                .map(|a| a.to_string_lossy())
                .unwrap_or_default(),
            package.name
        )));
    }
    Ok(())
}

/// Builds the selected add-in and packs it; returns the ELF and `.g3a` paths.
pub fn build(args: &BuildArgs, cwd: &Path) -> Result<Built> {
    build_package(&find_package(&args.package, cwd)?, args)
}

/// Builds an add-in package and packs it; returns the ELF and `.g3a` paths.
///
/// Checks the metadata, the SDK and the toolchain, then runs `cargo build` for the
/// calculator from the workspace root, then packs `target/sh4-prizm/<profile>/<bin>` as
/// `<bin>.g3a` next to it.
pub fn build_package(package: &Package, args: &BuildArgs) -> Result<Built> {
    let prizm = addin_metadata(package)?;
    let bin = package.addin_bin()?;
    let date = build_date(std::env::var("SOURCE_DATE_EPOCH").ok().as_deref())?;
    let sdk = check_build_prerequisites(package)?;
    let cargo_args = calc_cargo_args("build", &package.name, sdk, args.release);
    run_cargo(&cargo_args, package, args.target_dir.as_deref())?;
    let target_dir = args.target_dir.as_ref().unwrap_or(&package.target_dir);
    let dir = output_dir(target_dir, args.release);
    let elf = dir.join(bin);
    if !elf.is_file() {
        return Err(Error::Other(format!(
            "cargo built {} but {} is missing",
            package.name,
            elf.display()
        )));
    }
    let g3a = dir.join(format!("{bin}.g3a"));
    pack_file(&elf, &prizm, &g3a, date)?;
    Ok(Built { elf, g3a })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cargo_command_line() {
        let sdk = Sdk {
            root: PathBuf::from("/sdk"),
        };
        let a = calc_cargo_args("build", "hello", &sdk, true);
        assert_eq!(
            a,
            [
                "build",
                "-p",
                "hello",
                "--target",
                "/sdk/sh4-prizm.json",
                "--config",
                "/sdk/cargo-config.toml",
                "-Zbuild-std=core,alloc",
                "-Zbuild-std-features=compiler-builtins-mem",
                "-Zjson-target-spec",
                "--release"
            ]
        );
        assert!(!calc_cargo_args("test", "x", &sdk, false).contains(&"--release".into()));
        assert_eq!(
            output_dir(Path::new("/ws/target"), false),
            Path::new("/ws/target/sh4-prizm/debug")
        );
        assert_eq!(
            output_dir(Path::new("/ws/target"), true),
            Path::new("/ws/target/sh4-prizm/release")
        );
    }
}
