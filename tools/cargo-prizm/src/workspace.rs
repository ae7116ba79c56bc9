//! Finding the add-in package: its manifest, what `cargo metadata` says about it, and the
//! SDK (the `prizm` crate it depends on, with the target spec next to it).

use std::path::{Path, PathBuf};

use cargo_metadata::{Metadata, MetadataCommand, TargetKind};
use serde_json::Value;

use crate::args::PackageSelection;
use crate::error::{Error, Result};
use crate::sdk::{SDK_VERSION, Sdk, TARGET_SPEC, prizm_home, sdk_dir};

/// What `cargo prizm` needs to know about a package.
#[derive(Clone, Debug, PartialEq)]
pub struct Package {
    /// The package name.
    pub name: String,
    /// The package version.
    pub version: String,
    /// Its `Cargo.toml`.
    pub manifest_path: PathBuf,
    /// The name of its binary target (the add-in), if it has exactly one.
    pub bin: Option<String>,
    /// Its binary targets (an add-in package has exactly one).
    pub bins: Vec<String>,
    /// Its `[package.metadata]` table, as JSON (`null` if there is none).
    pub metadata: Value,
    /// The workspace root.
    pub workspace_root: PathBuf,
    /// The target directory of the workspace.
    pub target_dir: PathBuf,
    /// The SDK the package builds with: the folder of the `prizm` crate it depends on
    /// (the package itself for the `prizm` crate).
    pub sdk: Option<Sdk>,
}

impl Package {
    /// The add-in binary; an error naming the fix when the package has none or several.
    pub fn addin_bin(&self) -> Result<&str> {
        match &self.bins[..] {
            [one] => Ok(one),
            [] => Err(Error::Other(format!(
                "package `{}` ({}) has no binary target, so it is not an add-in: give --example \
                 NAME or the --manifest-path of an add-in package (`cargo prizm new NAME` makes \
                 one)",
                self.name,
                self.manifest_path.display()
            ))),
            _ => Err(Error::Other(format!(
                "package `{}` has several binaries ({}); an add-in package must have exactly one",
                self.name,
                self.bins.join(", ")
            ))),
        }
    }

    /// The SDK; an error naming the fix when the package does not depend on `prizm`.
    pub fn sdk(&self) -> Result<&Sdk> {
        self.sdk.as_ref().ok_or_else(|| {
            let home = prizm_home()
                .map(|h| sdk_dir(&h, SDK_VERSION).display().to_string())
                .unwrap_or_else(|_| format!("$PRIZM_HOME/sdk/{SDK_VERSION}"));
            Error::Other(format!(
                "package `{}` ({}) does not depend on `prizm`: add\n    prizm = {{ path = \"{home}\" }}\n\
                 under [dependencies] (the SDK that tools/setup installed), or start from \
                 `cargo prizm new NAME`",
                self.name,
                self.manifest_path.display()
            ))
        })
    }
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

/// Runs `cargo metadata` for `manifest` (with the dependency graph unless `no_deps`).
pub fn cargo_metadata(cargo: &std::ffi::OsStr, manifest: &Path, no_deps: bool) -> Result<Metadata> {
    let mut cmd = MetadataCommand::new();
    cmd.cargo_path(cargo).manifest_path(manifest);
    if no_deps {
        cmd.no_deps();
    }
    cmd.exec().map_err(|e| {
        Error::Other(format!(
            "`cargo metadata` failed for {}: {}",
            manifest.display(),
            match e {
                cargo_metadata::Error::CargoMetadata { stderr } => stderr.trim().to_string(),
                other => other.to_string(),
            }
        ))
    })
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
    let nearest = find_manifest(cwd).ok_or_else(|| {
        Error::Other(format!(
            "no Cargo.toml in {} or above it: run cargo prizm in an add-in package (`cargo prizm \
             new NAME` makes one), or give --manifest-path PATH",
            cwd.display()
        ))
    })?;
    let Some(name) = &sel.example else {
        return Ok(nearest);
    };
    let meta = cargo_metadata(&crate::build::cargo_program(), &nearest, true)?;
    let root = meta.workspace_root.into_std_path_buf();
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
    Ok(manifest)
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

/// Picks the package of `manifest` in the output of `cargo metadata`, its binaries, and
/// the `prizm` crate it depends on.
pub fn package_from_metadata(meta: &Metadata, manifest: &Path) -> Result<Package> {
    let pkg = meta
        .packages
        .iter()
        .find(|p| same_file(p.manifest_path.as_std_path(), manifest))
        .ok_or_else(|| {
            Error::Other(format!(
                "{} is not a package (a virtual workspace manifest?): give --example NAME or \
                 --manifest-path of an add-in",
                manifest.display()
            ))
        })?;
    let bins: Vec<String> = pkg
        .targets
        .iter()
        .filter(|t| t.kind.contains(&TargetKind::Bin))
        .map(|t| t.name.clone())
        .collect();
    let prizm = if pkg.name.as_str() == "prizm" {
        Some(pkg)
    } else {
        // The `prizm` package this one depends on, through the resolved graph (the
        // dependency may be renamed).
        meta.resolve
            .as_ref()
            .and_then(|r| r.nodes.iter().find(|n| n.id == pkg.id))
            .and_then(|node| {
                node.deps.iter().find_map(|d| {
                    let p = meta.packages.iter().find(|p| p.id == d.pkg)?;
                    (p.name.as_str() == "prizm").then_some(p)
                })
            })
    };
    let sdk = prizm.map(|p| Sdk {
        root: p
            .manifest_path
            .parent()
            .map(|d| d.as_std_path().to_path_buf())
            .unwrap_or_default(),
    });
    Ok(Package {
        name: pkg.name.to_string(),
        version: pkg.version.to_string(),
        manifest_path: manifest.to_path_buf(),
        bin: match &bins[..] {
            [one] => Some(one.clone()),
            _ => None,
        },
        bins,
        metadata: pkg.metadata.clone(),
        workspace_root: meta.workspace_root.clone().into_std_path_buf(),
        target_dir: meta.target_directory.clone().into_std_path_buf(),
        sdk,
    })
}

/// Checks that the SDK of a package has what a build needs; the error names the fix.
pub fn check_sdk(sdk: &Sdk) -> Result<()> {
    sdk.check().map_err(|e| {
        Error::Other(format!(
            "the `prizm` crate at {} is not a complete Prizm SDK ({e}; it should hold {TARGET_SPEC} \
             and the cargo settings): depend on the SDK that tools/setup installed, \
             prizm = {{ path = \"$PRIZM_HOME/sdk/{SDK_VERSION}\" }}",
            sdk.root.display()
        ))
    })
}

/// The names of the package's on-calculator test targets: its `[[test]]` targets with
/// `harness = false` (their `main` comes from `prizm::tests!`). `cargo metadata` does not
/// tell the harness, so the manifest is read.
pub fn calc_test_targets(manifest: &Path) -> Result<Vec<String>> {
    let text = std::fs::read_to_string(manifest).map_err(|e| Error::io(manifest, e))?;
    let doc: toml_edit::DocumentMut = text
        .parse()
        .map_err(|e| Error::Other(format!("{}: {e}", manifest.display())))?;
    let Some(tests) = doc.get("test").and_then(|t| t.as_array_of_tables()) else {
        return Ok(Vec::new());
    };
    Ok(tests
        .iter()
        .filter(|t| t.get("harness").and_then(|h| h.as_bool()) == Some(false))
        .filter_map(|t| t.get("name").and_then(|n| n.as_str()).map(String::from))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn repo() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../..")
            .canonicalize()
            .unwrap()
    }

    #[test]
    fn an_example_depends_on_the_repository_sdk() {
        let root = repo();
        let manifest = root.join("examples/hello/Cargo.toml");
        let meta = cargo_metadata(&crate::build::cargo_program(), &manifest, false).unwrap();
        let p = package_from_metadata(&meta, &manifest).unwrap();
        assert_eq!(p.name, "hello");
        assert_eq!(p.addin_bin().unwrap(), "hello");
        assert_eq!(p.workspace_root, root);
        assert_eq!(p.sdk().unwrap().root, root);
        check_sdk(p.sdk().unwrap()).unwrap();
        // The SDK crate itself: its own SDK, no binary.
        let m = root.join("Cargo.toml");
        let p = package_from_metadata(&meta, &m).unwrap();
        assert_eq!(p.sdk().unwrap().root, root);
        let e = p.addin_bin().unwrap_err().to_string();
        assert!(e.contains("no binary target"), "{e}");
        let e = package_from_metadata(&meta, Path::new("/elsewhere/Cargo.toml")).unwrap_err();
        assert!(e.to_string().contains("not a package"), "{e}");
    }

    #[test]
    fn finds_examples_in_this_workspace() {
        let here = Path::new(env!("CARGO_MANIFEST_DIR"));
        let root = repo();
        let sel = PackageSelection {
            example: Some("hello".into()),
            manifest_path: None,
        };
        assert!(same_file(
            &select_manifest(&sel, here).unwrap(),
            &root.join("examples/hello/Cargo.toml")
        ));
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

    #[test]
    fn on_calculator_test_targets_are_those_without_harness() {
        let dir = std::env::temp_dir().join(format!("cargo-prizm-tests-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let m = dir.join("Cargo.toml");
        std::fs::write(
            &m,
            "[package]\nname = \"x\"\n[[test]]\nname = \"calc\"\nharness = false\n\
             [[test]]\nname = \"emu\"\n",
        )
        .unwrap();
        assert_eq!(calc_test_targets(&m).unwrap(), ["calc"]);
        std::fs::write(&m, "[package]\nname = \"x\"\n").unwrap();
        assert!(calc_test_targets(&m).unwrap().is_empty());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
