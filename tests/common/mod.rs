//! Helpers shared by the tests that build SH4 code with the project's toolchain.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

/// The repository root (the SDK crate's manifest directory).
pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Builds package `package` (release, at `opt_level`) for the target spec `target`
/// (its rustflags come from .cargo/config.toml) and returns the ELF's path.
///
/// Each opt-level gets its own target directory so that the three builds of core and
/// alloc stay cached side by side. Panics with the build's output if it fails, or with
/// a hint to run `tools/setup` if the toolchain is missing.
pub fn build_sh4(package: &str, target: &Path, opt_level: &str) -> PathBuf {
    let root = repo_root();
    let target_dir = root.join("target").join(format!("sh4-test-O{opt_level}"));
    let output = Command::new(env!("CARGO"))
        .current_dir(&root)
        .args(["build", "--release", "-p", package, "--target"])
        .arg(target)
        .args([
            "-Zbuild-std=core,alloc",
            "-Zbuild-std-features=compiler-builtins-mem",
            "-Zjson-target-spec",
        ])
        .env("CARGO_TARGET_DIR", &target_dir)
        .env("CARGO_PROFILE_RELEASE_OPT_LEVEL", opt_level)
        .env_remove("RUSTFLAGS")
        .env_remove("CARGO_ENCODED_RUSTFLAGS")
        .output()
        .expect("run cargo");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "building {package} for {} failed (is the toolchain installed? run tools/setup):\n{stderr}",
        target.display()
    );
    let stem = target.file_stem().unwrap();
    target_dir.join(stem).join("release").join(package)
}

/// Builds the example add-in `examples/<name>` (release) with `cargo prizm`'s library
/// and returns its ELF and `.g3a`. The build uses its own target directory, since the
/// test run holds the workspace's.
pub fn build_example(name: &str) -> cargo_prizm::build::Built {
    use cargo_prizm::args::{BuildArgs, PackageSelection};
    let root = repo_root();
    let args = BuildArgs {
        package: PackageSelection {
            example: Some(name.to_string()),
            manifest_path: None,
        },
        release: true,
        target_dir: Some(root.join("target").join("emu-tests")),
    };
    cargo_prizm::build::build(&args, &root)
        .unwrap_or_else(|e| panic!("cargo prizm build --example {name} failed: {e}"))
}

/// Loads a built add-in into the emulator with `options` (its ELF attached for crash
/// reports).
pub fn load(
    built: &cargo_prizm::build::Built,
    mut options: prizm_emu::Options,
) -> prizm_emu::Emulator {
    let g3a = std::fs::read(&built.g3a).expect("read the .g3a");
    options.elf = Some(std::fs::read(&built.elf).expect("read the ELF"));
    prizm_emu::Emulator::load(&g3a, options).expect("the emulator loads the add-in")
}

/// Writes a screenshot to `target/test-screenshots/<name>.png` (kept as a test artefact)
/// and returns its path.
pub fn save_screenshot(emu: &prizm_emu::Emulator, name: &str) -> PathBuf {
    let dir = repo_root().join("target").join("test-screenshots");
    std::fs::create_dir_all(&dir).expect("create target/test-screenshots");
    let path = dir.join(format!("{name}.png"));
    std::fs::write(&path, emu.screenshot_png()).expect("write the screenshot");
    path
}

/// Builds the add-in package whose manifest is `manifest_path` (relative to the
/// repository root; release) with `cargo prizm`'s library, in the same target directory
/// as [`build_example`], and returns its ELF and `.g3a`.
pub fn build_package(manifest_path: &str) -> cargo_prizm::build::Built {
    use cargo_prizm::args::{BuildArgs, PackageSelection};
    let root = repo_root();
    let args = BuildArgs {
        package: PackageSelection {
            example: None,
            manifest_path: Some(root.join(manifest_path)),
        },
        release: true,
        target_dir: Some(root.join("target").join("emu-tests")),
    };
    cargo_prizm::build::build(&args, &root)
        .unwrap_or_else(|e| panic!("cargo prizm build --manifest-path {manifest_path} failed: {e}"))
}

/// An empty folder `target/emu-storage/<name>` for an emulator's storage memory.
pub fn fresh_storage(name: &str) -> PathBuf {
    let dir = repo_root().join("target").join("emu-storage").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create the storage folder");
    dir
}

/// A xorshift64 generator: reproducible random test inputs from a seed (non-zero).
pub struct Rng(pub u64);

impl Rng {
    /// The next 64 random bits.
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    /// A number in `lo..hi`.
    pub fn range(&mut self, lo: i32, hi: i32) -> i32 {
        lo + self.below((hi - lo) as u64) as i32
    }
}
