//! Finding the add-in to test: the build `cargo prizm test` made, or a build made here.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

use cargo_prizm::args::{BuildArgs, PackageSelection};
use cargo_prizm::build::{Built, build_package, find_package};
use cargo_prizm::test_command::{ELF_VAR, G3A_VAR};

/// Builds the add-in package of `manifest` for the calculator (release profile), once
/// per test process, in `<target dir>/prizm-test` (the running `cargo test` holds the
/// workspace's own target directory). Panics with cargo prizm's message if it fails.
pub fn build(manifest: impl AsRef<Path>) -> Built {
    static BUILT: OnceLock<Mutex<HashMap<PathBuf, Built>>> = OnceLock::new();
    let manifest = manifest.as_ref().to_path_buf();
    let mut cache = BUILT
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    if let Some(b) = cache.get(&manifest) {
        return b.clone();
    }
    let cwd = manifest.parent().unwrap_or(Path::new("."));
    let sel = PackageSelection {
        example: None,
        manifest_path: Some(manifest.clone()),
    };
    let package = find_package(&sel, cwd)
        .unwrap_or_else(|e| panic!("cargo prizm: {}: {e}", manifest.display()));
    let args = BuildArgs {
        package: sel,
        release: true,
        target_dir: Some(package.target_dir.join("prizm-test")),
    };
    let built = build_package(&package, &args).unwrap_or_else(|e| {
        panic!(
            "cargo prizm build --manifest-path {} failed: {e}",
            manifest.display()
        )
    });
    cache.insert(manifest, built.clone());
    built
}

/// The add-in of the package under test: the build named by `PRIZM_TEST_G3A` and
/// `PRIZM_TEST_ELF` (set by `cargo prizm test`), or else [`build`] of the package whose
/// tests run (`CARGO_MANIFEST_DIR`, set by cargo).
pub fn built_for_test() -> &'static Built {
    static BUILT: OnceLock<Built> = OnceLock::new();
    BUILT.get_or_init(|| {
        if let (Some(g3a), Some(elf)) = (std::env::var_os(G3A_VAR), std::env::var_os(ELF_VAR)) {
            return Built {
                g3a: g3a.into(),
                elf: elf.into(),
            };
        }
        let dir = std::env::var_os("CARGO_MANIFEST_DIR")
            .expect("CARGO_MANIFEST_DIR: run the tests with cargo (`cargo prizm test`)");
        build(Path::new(&dir).join("Cargo.toml"))
    })
}
