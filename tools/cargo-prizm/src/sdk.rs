//! The installed SDK: what an add-in needs besides the toolchain, in a versioned folder
//! under `$PRIZM_HOME` (default `~/.cache/prizm-sdk`): `sdk/<version>/`.
//!
//! The folder is the `prizm` crate (its `Cargo.toml` without the repository's workspace,
//! its sources and build script), plus what `cargo prizm` needs next to it: the target
//! specification `sh4-prizm.json`, the cargo settings `cargo-config.toml` (rustflags of
//! the target) and `rust-toolchain.toml` (the pinned nightly); and under `tools/` the
//! crates an add-in's tests use (`prizm-test` and what it builds on). `tools/setup`
//! installs it with `cargo prizm install-sdk`. Add-in packages depend on
//! `prizm = { path = "<that folder>" }`; `cargo prizm` takes the target spec and the
//! settings from the folder of the `prizm` crate the package depends on, so that a
//! package always builds with the files of its own SDK version.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::toolchain::pinned_channel;

/// The SDK version this `cargo prizm` belongs to (the `prizm` crate has the same).
pub const SDK_VERSION: &str = env!("CARGO_PKG_VERSION");

/// The target specification, in the `prizm` crate's folder.
pub const TARGET_SPEC: &str = "sh4-prizm.json";
/// The cargo settings for the target (passed with `cargo --config FILE`).
pub const CARGO_CONFIG: &str = "cargo-config.toml";
/// The pinned toolchain.
pub const RUST_TOOLCHAIN: &str = "rust-toolchain.toml";

/// The files of the SDK's repository root that make up the installed `prizm` crate (the
/// manifest is rewritten, see [`sdk_manifest`]).
const ROOT_FILES: [&str; 6] = [
    "build.rs",
    "README.md",
    "Cargo.lock",
    TARGET_SPEC,
    CARGO_CONFIG,
    RUST_TOOLCHAIN,
];
/// The folders of the repository copied whole.
const ROOT_DIRS: [&str; 2] = ["src", "docs"];
/// The crates under `tools/` the installed SDK needs: the machine facts the `prizm` crate
/// depends on (`prizm-abi`) and its asset macros (`prizm-macros`), and what an add-in's
/// host tests use (the test library and the crates it builds on).
pub const TOOL_CRATES: [&str; 6] = [
    "prizm-abi",
    "prizm-macros",
    "g3a",
    "prizm-emu",
    "cargo-prizm",
    "prizm-test",
];

/// `$PRIZM_HOME`, or `~/.cache/prizm-sdk`.
pub fn prizm_home() -> Result<PathBuf> {
    if let Some(h) = std::env::var_os("PRIZM_HOME").filter(|h| !h.is_empty()) {
        return Ok(PathBuf::from(h));
    }
    let home = std::env::var_os("HOME")
        .filter(|h| !h.is_empty())
        .ok_or_else(|| {
            Error::Other("neither PRIZM_HOME nor HOME is set: cannot find the Prizm SDK".into())
        })?;
    Ok(PathBuf::from(home).join(".cache").join("prizm-sdk"))
}

/// Where version `version` of the SDK is installed under `home`.
pub fn sdk_dir(home: &Path, version: &str) -> PathBuf {
    home.join("sdk").join(version)
}

/// An SDK folder: the `prizm` crate with the target spec and settings next to it (the
/// installed SDK, or the SDK's own repository).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sdk {
    /// The folder of the `prizm` crate's `Cargo.toml`.
    pub root: PathBuf,
}

impl Sdk {
    /// The SDK of this `cargo prizm`'s version installed under `$PRIZM_HOME`; an error
    /// that says to run `tools/setup` when it is missing.
    pub fn installed() -> Result<Sdk> {
        let dir = sdk_dir(&prizm_home()?, SDK_VERSION);
        let sdk = Sdk { root: dir };
        sdk.check().map_err(|e| {
            Error::Other(format!(
                "the Prizm SDK {SDK_VERSION} is not installed ({e}): run tools/setup from the \
                 SDK's repository (it installs the SDK into $PRIZM_HOME/sdk/{SDK_VERSION})"
            ))
        })?;
        Ok(sdk)
    }

    /// The target specification.
    pub fn target_spec(&self) -> PathBuf {
        self.root.join(TARGET_SPEC)
    }

    /// The cargo settings of the target.
    pub fn cargo_config(&self) -> PathBuf {
        self.root.join(CARGO_CONFIG)
    }

    /// The test library's folder.
    pub fn test_crate(&self) -> PathBuf {
        self.root.join("tools").join("prizm-test")
    }

    /// The pinned nightly channel, e.g. `nightly-2026-05-20`.
    pub fn channel(&self) -> Result<String> {
        let path = self.root.join(RUST_TOOLCHAIN);
        let text = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
        pinned_channel(&text)
            .ok_or_else(|| Error::Other(format!("{}: no [toolchain] channel", path.display())))
    }

    /// Checks that the files `cargo prizm` uses are there; the error names the first
    /// missing one.
    pub fn check(&self) -> Result<()> {
        for f in ["Cargo.toml", TARGET_SPEC, CARGO_CONFIG, RUST_TOOLCHAIN] {
            let p = self.root.join(f);
            if !p.is_file() {
                return Err(Error::Other(format!("no {}", p.display())));
            }
        }
        Ok(())
    }
}

/// The manifest of the installed `prizm` crate: the repository's root `Cargo.toml`
/// without what belongs to the repository (the workspace, dev-dependencies, profiles,
/// test targets).
pub fn sdk_manifest(repo_manifest: &str) -> Result<String> {
    let mut doc: toml_edit::DocumentMut = repo_manifest
        .parse()
        .map_err(|e| Error::Other(format!("the SDK's Cargo.toml: {e}")))?;
    for key in [
        "workspace",
        "dev-dependencies",
        "profile",
        "test",
        "bench",
        "example",
    ] {
        doc.remove(key);
    }
    // Platform-specific dev-dependencies too, and the platform tables left empty.
    if let Some(targets) = doc.get_mut("target").and_then(|t| t.as_table_like_mut()) {
        let mut empty = Vec::new();
        for (name, platform) in targets.iter_mut() {
            if let Some(p) = platform.as_table_like_mut() {
                p.remove("dev-dependencies");
                if p.is_empty() {
                    empty.push(name.get().to_string());
                }
            }
        }
        for name in empty {
            targets.remove(&name);
        }
    }
    if doc
        .get("target")
        .and_then(|t| t.as_table_like())
        .is_some_and(|t| t.is_empty())
    {
        doc.remove("target");
    }
    let package = doc
        .get_mut("package")
        .and_then(|p| p.as_table_mut())
        .ok_or_else(|| Error::Other("the SDK's Cargo.toml has no [package]".into()))?;
    for key in ["autotests", "autobenches", "autoexamples"] {
        package.insert(key, toml_edit::value(false));
    }
    Ok(doc.to_string())
}

fn copy_dir(from: &Path, to: &Path) -> Result<()> {
    std::fs::create_dir_all(to).map_err(|e| Error::io(to, e))?;
    for entry in std::fs::read_dir(from).map_err(|e| Error::io(from, e))? {
        let entry = entry.map_err(|e| Error::io(from, e))?;
        let path = entry.path();
        let name = entry.file_name();
        if path.is_dir() {
            // Build output and version control stay behind.
            if name == "target" || name == ".git" {
                continue;
            }
            copy_dir(&path, &to.join(&name))?;
        } else {
            let dest = to.join(&name);
            std::fs::copy(&path, &dest).map_err(|e| Error::io(&dest, e))?;
        }
    }
    Ok(())
}

/// Installs the SDK from its repository `repo` into `dest` (e.g.
/// `$PRIZM_HOME/sdk/<version>`), replacing an older copy: it is written next to it first
/// and renamed into place, so a failed install leaves the old one intact.
pub fn install(repo: &Path, dest: &Path) -> Result<()> {
    let manifest_path = repo.join("Cargo.toml");
    let manifest =
        std::fs::read_to_string(&manifest_path).map_err(|e| Error::io(&manifest_path, e))?;
    if !manifest.contains("name = \"prizm\"") {
        return Err(Error::Other(format!(
            "{} is not the Prizm SDK's repository (its Cargo.toml is not the prizm crate's)",
            repo.display()
        )));
    }
    let parent = dest
        .parent()
        .ok_or_else(|| Error::Other(format!("bad SDK folder {}", dest.display())))?;
    std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
    let tmp = parent.join(format!(
        ".{}.tmp-{}",
        dest.file_name().and_then(|n| n.to_str()).unwrap_or("sdk"),
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&tmp);
    std::fs::create_dir_all(&tmp).map_err(|e| Error::io(&tmp, e))?;
    let result = (|| {
        let out = tmp.join("Cargo.toml");
        std::fs::write(&out, sdk_manifest(&manifest)?).map_err(|e| Error::io(&out, e))?;
        for f in ROOT_FILES {
            let (from, to) = (repo.join(f), tmp.join(f));
            std::fs::copy(&from, &to).map_err(|e| Error::io(&from, e))?;
        }
        for d in ROOT_DIRS {
            if repo.join(d).is_dir() {
                copy_dir(&repo.join(d), &tmp.join(d))?;
            }
        }
        for c in TOOL_CRATES {
            copy_dir(&repo.join("tools").join(c), &tmp.join("tools").join(c))?;
        }
        Sdk { root: tmp.clone() }.check()
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_dir_all(&tmp);
        return Err(e);
    }
    let old = parent.join(format!(".old-{}", std::process::id()));
    if dest.exists() {
        std::fs::rename(dest, &old).map_err(|e| Error::io(dest, e))?;
    }
    std::fs::rename(&tmp, dest).map_err(|e| Error::io(dest, e))?;
    let _ = std::fs::remove_dir_all(&old);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_installed_manifest_has_no_repository_parts() {
        let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let text = std::fs::read_to_string(repo.join("Cargo.toml")).unwrap();
        let m = sdk_manifest(&text).unwrap();
        let doc: toml_edit::DocumentMut = m.parse().unwrap();
        assert_eq!(doc["package"]["name"].as_str(), Some("prizm"));
        assert!(doc.get("workspace").is_none() && doc.get("dev-dependencies").is_none());
        assert!(
            doc.get("target").is_none(),
            "no dev-dependencies for any platform:\n{m}"
        );
        assert!(doc.get("profile").is_none());
        assert_eq!(doc["package"]["autotests"].as_bool(), Some(false));
        assert!(doc["dependencies"].get("heapless").is_some());
        // The SDK's version is this cargo prizm's.
        assert_eq!(doc["package"]["version"].as_str(), Some(SDK_VERSION));
    }

    #[test]
    fn installs_a_copy_that_stands_alone() {
        let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let home = std::env::temp_dir().join(format!("prizm-sdk-install-{}", std::process::id()));
        let dest = sdk_dir(&home, SDK_VERSION);
        install(&repo, &dest).unwrap();
        let sdk = Sdk { root: dest.clone() };
        sdk.check().unwrap();
        assert!(sdk.channel().unwrap().starts_with("nightly-"));
        assert!(dest.join("src/lib.rs").is_file() && dest.join("src/rt/prizm.ld").is_file());
        assert!(sdk.test_crate().join("Cargo.toml").is_file());
        // The asset macros the `prizm` crate depends on by path.
        assert!(dest.join("tools/prizm-macros/src/lib.rs").is_file());
        assert!(!dest.join("tools/prizm-emu/target").exists());
        // A second install replaces the first.
        std::fs::write(dest.join("stale"), b"x").unwrap();
        install(&repo, &dest).unwrap();
        assert!(!dest.join("stale").exists());
        // Not the SDK: refused, nothing lost.
        let e = install(&dest.join("src"), &dest).unwrap_err().to_string();
        assert!(e.contains("Cargo.toml"), "{e}");
        assert!(dest.join("src/lib.rs").is_file());
        std::fs::remove_dir_all(&home).unwrap();
    }
}
