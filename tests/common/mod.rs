//! Helpers shared by the tests that build SH4 code with the project's toolchain (the
//! emulator tests use the test library, `tools/prizm-test`).
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

/// The repository root (the SDK crate's manifest directory).
pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Builds package `package` (release, at `opt_level`) for the target spec `target`
/// (its rustflags come from the repository's .cargo/config.toml) and returns the ELF's
/// path.
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
