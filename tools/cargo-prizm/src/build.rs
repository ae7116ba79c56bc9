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
use crate::toolchain::check_toolchain;
use crate::workspace::{
    Package, TARGET_SPEC, cargo_metadata, package_from_metadata, select_manifest,
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

/// The arguments of the `cargo build` that compiles `package` for the Prizm.
pub fn cargo_build_args(package: &str, target_spec: &Path, release: bool) -> Vec<OsString> {
    let mut args: Vec<OsString> = vec![
        "build".into(),
        "-p".into(),
        package.into(),
        "--target".into(),
        target_spec.into(),
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

/// The package, its checked metadata, and the workspace's target spec, for a selection.
pub fn resolve_package(sel: &PackageSelection, cwd: &Path) -> Result<(Package, PrizmMetadata)> {
    let manifest = select_manifest(sel, cwd)?;
    let meta = cargo_metadata(&cargo_program(), &manifest)?;
    let package = package_from_metadata(&meta, &manifest)?;
    let prizm = PrizmMetadata::from_json(
        &package.manifest_path,
        &package.name,
        &package.version,
        Some(&package.metadata),
    )?;
    Ok((package, prizm))
}

/// Builds the selected add-in and packs it; returns the ELF and `.g3a` paths.
///
/// Checks the metadata, then the toolchain, then runs `cargo build` from the workspace
/// root (so its `.cargo/config.toml` applies), then packs
/// `target/sh4-prizm/<profile>/<bin>` as `<bin>.g3a` next to it.
pub fn build(args: &BuildArgs, cwd: &Path) -> Result<Built> {
    let (package, prizm) = resolve_package(&args.package, cwd)?;
    let date = build_date(std::env::var("SOURCE_DATE_EPOCH").ok().as_deref())?;
    let root = &package.workspace_root;
    let spec = root.join(TARGET_SPEC);
    if !spec.is_file() {
        return Err(Error::Other(format!(
            "no {TARGET_SPEC} in the workspace root {}: is this the Prizm workspace?",
            root.display()
        )));
    }
    check_toolchain(root)?;
    let mut cargo = Command::new(cargo_program());
    cargo
        .args(cargo_build_args(&package.name, &spec, args.release))
        .current_dir(root);
    if let Some(dir) = &args.target_dir {
        cargo.env("CARGO_TARGET_DIR", dir);
    }
    let status = cargo
        .status()
        .map_err(|e| Error::Other(format!("cannot run cargo: {e}")))?;
    if !status.success() {
        return Err(Error::Other(format!(
            "`cargo build -p {}` for the Prizm failed ({status})",
            package.name
        )));
    }
    let target_dir = args.target_dir.as_ref().unwrap_or(&package.target_dir);
    let dir = output_dir(target_dir, args.release);
    let elf = dir.join(&package.bin);
    if !elf.is_file() {
        return Err(Error::Other(format!(
            "cargo built {} but {} is missing",
            package.name,
            elf.display()
        )));
    }
    let g3a = dir.join(format!("{}.g3a", package.bin));
    pack_file(&elf, &prizm, &g3a, date)?;
    Ok(Built { elf, g3a })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cargo_command_line() {
        let a = cargo_build_args("hello", Path::new("/ws/sh4-prizm.json"), true);
        assert_eq!(
            a,
            [
                "build",
                "-p",
                "hello",
                "--target",
                "/ws/sh4-prizm.json",
                "-Zbuild-std=core,alloc",
                "-Zbuild-std-features=compiler-builtins-mem",
                "-Zjson-target-spec",
                "--release"
            ]
        );
        assert!(!cargo_build_args("x", Path::new("t.json"), false).contains(&"--release".into()));
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
