//! Finding the add-in package: the workspace root, the package's manifest, and what
//! `cargo metadata` says about it.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

use crate::args::PackageSelection;
use crate::error::{Error, Result};

/// The file that marks the root of a Prizm workspace (the target specification).
pub const TARGET_SPEC: &str = "sh4-prizm.json";

/// What `cargo prizm` needs to know about an add-in package.
#[derive(Clone, Debug, PartialEq)]
pub struct Package {
    /// The package name.
    pub name: String,
    /// The package version.
    pub version: String,
    /// Its `Cargo.toml`.
    pub manifest_path: PathBuf,
    /// The name of its binary target (the add-in).
    pub bin: String,
    /// Its `[package.metadata]` table, as JSON (`null` if there is none).
    pub metadata: Value,
    /// The workspace root.
    pub workspace_root: PathBuf,
    /// The target directory of the workspace.
    pub target_dir: PathBuf,
}

/// The nearest directory at or above `start` that holds `sh4-prizm.json`.
pub fn find_workspace_root(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .find(|d| d.join(TARGET_SPEC).is_file())
        .map(Path::to_path_buf)
}

/// The nearest `Cargo.toml` at or above `start`.
pub fn find_manifest(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .map(|d| d.join("Cargo.toml"))
        .find(|p| p.is_file())
}

/// The names of the directories under `<root>/examples` that hold a `Cargo.toml`.
pub fn list_examples(root: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(root.join("examples"))
        .into_iter()
        .flatten()
        .filter_map(|e| e.ok())
        .filter(|e| e.path().join("Cargo.toml").is_file())
        .filter_map(|e| e.file_name().into_string().ok())
        .collect();
    names.sort();
    names
}

/// The `Cargo.toml` of the selected package: `<workspace root>/examples/NAME/Cargo.toml`
/// for `--example NAME`, the `--manifest-path`, or the nearest one above `cwd`.
pub fn select_manifest(sel: &PackageSelection, cwd: &Path) -> Result<PathBuf> {
    if let Some(path) = &sel.manifest_path {
        let path = cwd.join(path);
        if !path.is_file() {
            return Err(Error::Other(format!(
                "--manifest-path {}: no such file",
                path.display()
            )));
        }
        return Ok(path);
    }
    if let Some(name) = &sel.example {
        let root = find_workspace_root(cwd).ok_or_else(|| {
            Error::Other(format!(
                "--example {name}: no {TARGET_SPEC} in {} or above it: run cargo prizm inside the \
                 Prizm workspace",
                cwd.display()
            ))
        })?;
        let manifest = root.join("examples").join(name).join("Cargo.toml");
        if !manifest.is_file() {
            let known = list_examples(&root);
            return Err(Error::Other(format!(
                "--example {name}: no package in {} (the examples are: {})",
                manifest.parent().unwrap_or(&root).display(),
                if known.is_empty() {
                    "none".into()
                } else {
                    known.join(", ")
                }
            )));
        }
        return Ok(manifest);
    }
    find_manifest(cwd).ok_or_else(|| {
        Error::Other(format!(
            "no Cargo.toml in {} or above it: give --example NAME or --manifest-path PATH",
            cwd.display()
        ))
    })
}

/// Runs `cargo metadata --no-deps --format-version 1` for `manifest` with `cargo`.
pub fn cargo_metadata(cargo: &OsStr, manifest: &Path) -> Result<Value> {
    let out = Command::new(cargo)
        .args([
            "metadata",
            "--no-deps",
            "--format-version",
            "1",
            "--manifest-path",
        ])
        .arg(manifest)
        .output()
        .map_err(|e| Error::Other(format!("cannot run `cargo metadata`: {e}")))?;
    if !out.status.success() {
        return Err(Error::Other(format!(
            "`cargo metadata` failed for {}:\n{}",
            manifest.display(),
            String::from_utf8_lossy(&out.stderr).trim()
        )));
    }
    serde_json::from_slice(&out.stdout)
        .map_err(|e| Error::Other(format!("cannot read the output of `cargo metadata`: {e}")))
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

/// Picks the package of `manifest` in the output of `cargo metadata`, and its binary.
pub fn package_from_metadata(meta: &Value, manifest: &Path) -> Result<Package> {
    let bad = |what: &str| Error::Other(format!("unexpected `cargo metadata` output: no {what}"));
    let root = meta["workspace_root"]
        .as_str()
        .ok_or_else(|| bad("workspace_root"))?;
    let target_dir = meta["target_directory"]
        .as_str()
        .ok_or_else(|| bad("target_directory"))?;
    let packages = meta["packages"].as_array().ok_or_else(|| bad("packages"))?;
    let pkg = packages
        .iter()
        .find(|p| {
            p["manifest_path"]
                .as_str()
                .is_some_and(|m| same_file(Path::new(m), manifest))
        })
        .ok_or_else(|| {
            Error::Other(format!(
                "{} is not a package (a virtual workspace manifest?): give --example NAME or \
                 --manifest-path of an add-in",
                manifest.display()
            ))
        })?;
    let name = pkg["name"]
        .as_str()
        .ok_or_else(|| bad("package name"))?
        .to_string();
    let bins: Vec<&str> = pkg["targets"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|t| {
            t["kind"]
                .as_array()
                .is_some_and(|k| k.iter().any(|k| k == "bin"))
        })
        .filter_map(|t| t["name"].as_str())
        .collect();
    let bin = match bins[..] {
        [one] => one.to_string(),
        [] => {
            return Err(Error::Other(format!(
                "package `{name}` ({}) has no binary target, so it is not an add-in: give \
                 --example NAME or the --manifest-path of an add-in package",
                manifest.display()
            )));
        }
        _ => {
            return Err(Error::Other(format!(
                "package `{name}` has several binaries ({}); an add-in package must have exactly one",
                bins.join(", ")
            )));
        }
    };
    Ok(Package {
        name,
        version: pkg["version"].as_str().unwrap_or("0.0.0").to_string(),
        manifest_path: manifest.to_path_buf(),
        bin,
        metadata: pkg["metadata"].clone(),
        workspace_root: PathBuf::from(root),
        target_dir: PathBuf::from(target_dir),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn meta(targets: Value) -> Value {
        json!({
            "workspace_root": "/ws",
            "target_directory": "/ws/target",
            "packages": [
                { "name": "prizm", "version": "0.1.0", "manifest_path": "/ws/Cargo.toml",
                  "targets": [{ "name": "prizm", "kind": ["lib"] }], "metadata": null },
                { "name": "hello", "version": "0.2.0", "manifest_path": "/ws/examples/hello/Cargo.toml",
                  "targets": targets, "metadata": { "prizm": { "name": "Hello" } } },
            ]
        })
    }

    #[test]
    fn picks_the_package_and_its_binary() {
        let m = meta(json!([{ "name": "hello", "kind": ["bin"] }]));
        let p = package_from_metadata(&m, Path::new("/ws/examples/hello/Cargo.toml")).unwrap();
        assert_eq!(p.name, "hello");
        assert_eq!(p.bin, "hello");
        assert_eq!(p.version, "0.2.0");
        assert_eq!(p.workspace_root, Path::new("/ws"));
        assert_eq!(p.target_dir, Path::new("/ws/target"));
        assert_eq!(p.metadata["prizm"]["name"], "Hello");
    }

    #[test]
    fn refuses_a_library_or_several_binaries() {
        let m = meta(json!([{ "name": "a", "kind": ["bin"] }, { "name": "b", "kind": ["bin"] }]));
        let e = package_from_metadata(&m, Path::new("/ws/examples/hello/Cargo.toml")).unwrap_err();
        assert!(e.to_string().contains("a, b"), "{e}");
        let e = package_from_metadata(&m, Path::new("/ws/Cargo.toml")).unwrap_err();
        assert!(e.to_string().contains("no binary target"), "{e}");
        let e = package_from_metadata(&m, Path::new("/elsewhere/Cargo.toml")).unwrap_err();
        assert!(e.to_string().contains("not a package"), "{e}");
    }

    #[test]
    fn finds_examples_in_this_workspace() {
        let here = Path::new(env!("CARGO_MANIFEST_DIR"));
        let root = find_workspace_root(here).expect("the repository root");
        assert!(root.join("rust-toolchain.toml").is_file());
        let sel = PackageSelection {
            example: Some("hello".into()),
            manifest_path: None,
        };
        assert_eq!(
            select_manifest(&sel, here).unwrap(),
            root.join("examples/hello/Cargo.toml")
        );
        let sel = PackageSelection {
            example: Some("nope".into()),
            manifest_path: None,
        };
        let e = select_manifest(&sel, here).unwrap_err().to_string();
        assert!(e.contains("nope") && e.contains("hello"), "{e}");
        assert_eq!(
            select_manifest(&PackageSelection::default(), here).unwrap(),
            here.join("Cargo.toml")
        );
        assert!(list_examples(&root).contains(&"hello".to_string()));
    }
}
