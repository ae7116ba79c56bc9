//! A package that lacks something gets one message that names the fix, and nothing is
//! lost: no SDK installed, no `prizm` dependency, no pinned toolchain, an existing
//! folder for `new`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn temp_dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("cargo-prizm-fixes-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn cargo_prizm(dir: &Path, home: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cargo-prizm"))
        .arg("prizm")
        .args(args)
        .current_dir(dir)
        .env("PRIZM_HOME", home)
        .env_remove("RUSTUP_TOOLCHAIN")
        .env_remove("CARGO_TARGET_DIR")
        .output()
        .unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap()
}

#[test]
fn new_without_an_installed_sdk_says_to_run_setup() {
    let dir = temp_dir("nosdk");
    let o = cargo_prizm(&dir, &dir.join("empty-home"), &["new", "demo"]);
    assert_eq!(o.status.code(), Some(1));
    let e = stderr(&o);
    assert!(
        e.contains("is not installed") && e.contains("run tools/setup"),
        "{e}"
    );
    assert!(!dir.join("demo").exists(), "nothing made");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn new_refuses_an_existing_folder() {
    let dir = temp_dir("exists");
    let home = dir.join("home");
    // An SDK: this repository's files, installed the way tools/setup does.
    let o = cargo_prizm(&dir, &home, &["install-sdk", repo().to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    std::fs::create_dir_all(dir.join("demo")).unwrap();
    std::fs::write(dir.join("demo/notes.txt"), "mine").unwrap();
    let o = cargo_prizm(&dir, &home, &["new", "demo"]);
    assert_eq!(o.status.code(), Some(1));
    let e = stderr(&o);
    assert!(
        e.contains("already exists") && e.contains("cargo prizm init"),
        "{e}"
    );
    assert_eq!(
        std::fs::read_to_string(dir.join("demo/notes.txt")).unwrap(),
        "mine"
    );
    // init there works, and keeps the file.
    let o = cargo_prizm(&dir.join("demo"), &home, &["init"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(dir.join("demo/src/addin.rs").is_file());
    assert_eq!(
        std::fs::read_to_string(dir.join("demo/notes.txt")).unwrap(),
        "mine"
    );
    // A second init: refused, naming the files.
    let o = cargo_prizm(&dir.join("demo"), &home, &["init"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("Cargo.toml"), "{}", stderr(&o));
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A plain cargo package: `cargo new` output with `dependencies` added.
fn package(dir: &Path, dependencies: &str, toolchain: bool) {
    std::fs::create_dir_all(dir.join("src")).unwrap();
    std::fs::write(dir.join("src/main.rs"), "fn main() {}\n").unwrap();
    std::fs::write(
        dir.join("Cargo.toml"),
        format!(
            "[package]\nname = \"plain\"\nversion = \"0.1.0\"\nedition = \"2024\"\n\n\
             [dependencies]\n{dependencies}\n\n[workspace]\n"
        ),
    )
    .unwrap();
    if toolchain {
        std::fs::copy(
            repo().join("rust-toolchain.toml"),
            dir.join("rust-toolchain.toml"),
        )
        .unwrap();
    }
}

#[test]
fn build_without_prizm_names_the_dependency_to_add() {
    let dir = temp_dir("noprizm");
    package(&dir, "", true);
    let o = cargo_prizm(&dir, &dir.join("home"), &["build"]);
    assert_eq!(o.status.code(), Some(1));
    let e = stderr(&o);
    assert!(
        e.contains("does not depend on `prizm`") && e.contains("prizm = { path = "),
        "{e}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn build_with_another_toolchain_names_rust_toolchain_toml() {
    let dir = temp_dir("notoolchain");
    let prizm = format!("prizm = {{ path = \"{}\" }}", repo().display());
    package(&dir, &prizm, false);
    // rustup's stable toolchain stands for whatever a package without the SDK's
    // rust-toolchain.toml gets.
    let o = Command::new(env!("CARGO_BIN_EXE_cargo-prizm"))
        .args(["prizm", "build"])
        .current_dir(&dir)
        .env("RUSTUP_TOOLCHAIN", "stable")
        .env_remove("CARGO")
        .env_remove("RUSTC")
        .env_remove("CARGO_TARGET_DIR")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    let e = stderr(&o);
    assert!(
        e.contains("the active rustc")
            && e.contains("rust-toolchain.toml")
            && e.contains("channel = \"nightly-"),
        "{e}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}
