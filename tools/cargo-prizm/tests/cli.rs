//! The `cargo-prizm` executable, run as cargo runs it (`cargo-prizm prizm ...`). Nothing
//! here builds for the calculator: `pack` stands in for `build` with a prebuilt ELF.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

fn temp_dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("cargo-prizm-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn cargo_prizm(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cargo-prizm"))
        .arg("prizm")
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("SOURCE_DATE_EPOCH", "1779284759")
        .output()
        .unwrap()
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn pack_then_info() {
    let dir = temp_dir("pack");
    let out = dir.join("hello.g3a");
    let o = cargo_prizm(&[
        "pack",
        data("tiny.elf").to_str().unwrap(),
        "--example",
        "hello",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert_eq!(text(&o.stdout).trim(), out.to_str().unwrap());
    let o = cargo_prizm(&["info", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let s = text(&o.stdout);
    for want in [
        "short name:    Hello",
        "internal name: @HELLO",
        "version:       00.01.0000",
        "date:          2026.0520.1345",
        "file name:     hello.g3a",
        "code:          28 bytes",
        "(OK, trailer matches)",
    ] {
        assert!(s.contains(want), "no {want:?} in\n{s}");
    }
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn info_names_the_wrong_field() {
    let dir = temp_dir("info");
    let meta = g3a::AddinMeta::new("Bad");
    let mut file = g3a::G3aBuilder::new(meta)
        .code(vec![0u8; 16])
        .build()
        .unwrap();
    file[0x61] = b'b';
    g3a::reseal_checksum(&mut file);
    let path = dir.join("bad.g3a");
    std::fs::write(&path, &file).unwrap();
    let o = cargo_prizm(&["info", path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let e = text(&o.stderr);
    assert!(
        e.contains("internal name") && e.contains("0x0060") && e.contains("bad.g3a"),
        "{e}"
    );

    std::fs::write(&path, &file[..0x6000]).unwrap();
    let o = cargo_prizm(&["info", path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o.stderr).contains("truncated"), "{}", text(&o.stderr));

    let o = cargo_prizm(&["info", dir.join("missing.g3a").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn pack_refuses_an_elf_for_another_machine() {
    let dir = temp_dir("machine");
    let mut elf = std::fs::read(data("tiny.elf")).unwrap();
    elf[18..20].copy_from_slice(&3u16.to_be_bytes());
    let path = dir.join("x86.elf");
    std::fs::write(&path, elf).unwrap();
    let o = cargo_prizm(&["pack", path.to_str().unwrap(), "--example", "hello"]);
    assert_eq!(o.status.code(), Some(1));
    let e = text(&o.stderr);
    assert!(e.contains("x86.elf") && e.contains("SuperH"), "{e}");
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn bad_metadata_names_the_key() {
    let dir = temp_dir("meta");
    std::fs::create_dir_all(dir.join("src")).unwrap();
    std::fs::write(dir.join("src/main.rs"), "fn main() {}\n").unwrap();
    std::fs::write(
        dir.join("Cargo.toml"),
        "[package]\nname = \"badmeta\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[workspace]\n\n\
         [package.metadata.prizm]\nname = \"Bad\"\neactivity = \"yes\"\n",
    )
    .unwrap();
    let manifest = dir.join("Cargo.toml");
    let o = cargo_prizm(&[
        "pack",
        data("tiny.elf").to_str().unwrap(),
        "--manifest-path",
        manifest.to_str().unwrap(),
        "-o",
        dir.join("x.g3a").to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    let e = text(&o.stderr);
    assert!(
        e.contains("`eactivity`") && e.contains("boolean") && e.contains("Cargo.toml"),
        "{e}"
    );
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn usage_errors_and_help() {
    let o = cargo_prizm(&["frobnicate"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("unknown command `frobnicate`"));
    let o = cargo_prizm(&["build", "--example", "no-such-addin"]);
    assert_eq!(o.status.code(), Some(1));
    let e = text(&o.stderr);
    assert!(e.contains("no-such-addin") && e.contains("hello"), "{e}");
    let o = cargo_prizm(&["help"]);
    assert!(o.status.success());
    assert!(text(&o.stdout).contains("cargo prizm build [--example NAME]"));
}
