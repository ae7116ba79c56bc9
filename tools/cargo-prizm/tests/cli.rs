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
        "nothing unusual",
    ] {
        assert!(s.contains(want), "no {want:?} in\n{s}");
    }
    assert!(text(&o.stderr).is_empty(), "{}", text(&o.stderr));
    std::fs::remove_dir_all(dir).unwrap();
}

/// A small valid add-in made by the writer.
fn built_g3a() -> Vec<u8> {
    g3a::G3aBuilder::new(g3a::AddinMeta::new("Odd"))
        .code((0..0x200u32).map(|i| i as u8).collect::<Vec<u8>>())
        .build()
        .unwrap()
}

/// Sets both file sizes, the two control bytes, the code size and both checksums for the
/// file's length, as a tool that appends code would (written here independently).
fn fix_sizes(f: &mut [u8]) {
    let n = f.len() as u32;
    f[0x10..0x14].copy_from_slice(&(!n).to_be_bytes());
    f[0x0E] = !(n as u8).wrapping_add(0x41);
    f[0x14] = !(n as u8).wrapping_add(0xB8);
    f[0x2E..0x32].copy_from_slice(&(n - 0x7004).to_be_bytes());
    f[0x5C..0x60].copy_from_slice(&n.to_be_bytes());
    g3a::reseal_checksum(f);
}

type Corruption = (&'static str, fn(&mut Vec<u8>), &'static str, &'static str);

#[test]
fn info_rejects_a_corrupt_file_of_each_error_kind() {
    let dir = temp_dir("info");
    let corruptions: Vec<Corruption> = vec![
        ("magic", |f| f[2] ^= 0x40, "magic", "0x0000"),
        ("file type", |f| f[8] = !0x49, "file type", "0x0008"),
        (
            "size field",
            |f| {
                f[0x5F] ^= 0x01;
                g3a::reseal_checksum(f);
            },
            "file size (copy at 0x05C)",
            "0x005c",
        ),
        ("checksum", |f| f[0x21] ^= 0x01, "checksum", "0x0020"),
        (
            "trailer",
            |f| {
                let n = f.len();
                f[n - 1] ^= 0x80;
            },
            "trailer (checksum copy)",
            "0x7200",
        ),
        (
            "truncated",
            |f| f.truncate(0x6000),
            "truncated",
            "selected icon",
        ),
        (
            "code too large",
            |f| {
                f.truncate(f.len() - 4);
                f.resize(0x7000 + 2 * 1024 * 1024 + 2 + 4, 0);
                fix_sizes(f);
            },
            "code too large",
            "2097154",
        ),
    ];
    for (what, corrupt, field, detail) in corruptions {
        let mut file = built_g3a();
        corrupt(&mut file);
        let path = dir.join("bad.g3a");
        std::fs::write(&path, &file).unwrap();
        let o = cargo_prizm(&["info", path.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(1), "{what}");
        let e = text(&o.stderr);
        assert!(
            e.starts_with("error: ") && e.contains(field) && e.contains(detail),
            "{what}: {e}"
        );
        assert!(e.contains("bad.g3a"), "{what}: {e}");
        assert!(text(&o.stdout).is_empty(), "{what}");
    }
    let o = cargo_prizm(&["info", dir.join("missing.g3a").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn info_warns_about_unusual_fields_and_strict_refuses_them() {
    let dir = temp_dir("warn");
    let mut file = built_g3a();
    file[0x60..0x6A].copy_from_slice(b"@ADVENTURE");
    file[0x83..0x8E].copy_from_slice(b"Conversi\xE6\x14n");
    file[0x130..0x13C].copy_from_slice(b"1.8.0\0\0\0\0\0\0\0");
    file[0x16..0x18].fill(0);
    g3a::reseal_checksum(&mut file);
    let path = dir.join("odd.g3a");
    std::fs::write(&path, &file).unwrap();

    let o = cargo_prizm(&["info", path.to_str().unwrap()]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let out = text(&o.stdout);
    for want in [
        "internal name: @ADVENTURE",
        "  es:          Conversión",
        "version:       1.8.0 (free-form)",
        "4 unusual fields",
    ] {
        assert!(out.contains(want), "no {want:?} in\n{out}");
    }
    let err = text(&o.stderr);
    let warnings: Vec<&str> = err.lines().collect();
    assert_eq!(warnings.len(), 4, "{err}");
    for (line, want) in warnings.iter().zip([
        "16-bit word at 0x0016: left unset",
        "internal name at 0x0060: \"@ADVENTURE\"",
        "label (es) at 0x008b: Casio multi-byte characters, shown as \"Conversión\"",
        "version at 0x0130: free-form version \"1.8.0\"",
    ]) {
        assert!(
            line.starts_with("warning: ") && line.contains("odd.g3a: ") && line.contains(want),
            "{line:?} is not a warning about {want:?}"
        );
    }

    let o = cargo_prizm(&["info", "--strict", path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let err = text(&o.stderr);
    assert_eq!(
        err.lines().filter(|l| l.starts_with("error: ")).count(),
        5,
        "{err}"
    );
    assert!(!err.contains("warning"), "{err}");
    assert!(
        err.contains("--strict") && err.contains("version at 0x0130"),
        "{err}"
    );

    // A file without findings passes --strict.
    std::fs::write(&path, built_g3a()).unwrap();
    let o = cargo_prizm(&["info", path.to_str().unwrap(), "--strict"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert!(text(&o.stderr).is_empty(), "{}", text(&o.stderr));
    assert!(text(&o.stdout).contains("nothing unusual"));
    std::fs::remove_dir_all(dir).unwrap();
}

/// `.g3a` files in the folder named by `PRIZM_REALWORLD` (relative to the repository
/// root), or `None` after saying that the test skipped.
fn real_addins() -> Option<Vec<PathBuf>> {
    let Some(dir) = std::env::var_os("PRIZM_REALWORLD") else {
        eprintln!("skipped: PRIZM_REALWORLD is not set (the folder of real .g3a add-ins)");
        return None;
    };
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(dir);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("PRIZM_REALWORLD: cannot read {}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e.eq_ignore_ascii_case("g3a")))
        .collect();
    assert!(!files.is_empty(), "no .g3a file in {}", dir.display());
    files.sort();
    Some(files)
}

#[test]
fn info_accepts_real_addins_with_warnings() {
    let Some(files) = real_addins() else { return };
    for path in files {
        let p = path.to_str().unwrap();
        let o = cargo_prizm(&["info", p]);
        let err = text(&o.stderr);
        assert!(o.status.success(), "{p}: {err}");
        assert!(text(&o.stdout).contains("the calculator loads it"), "{p}");
        assert!(
            err.lines().all(|l| l.starts_with("warning: ")),
            "{p}: {err}"
        );
        let strict = cargo_prizm(&["info", "--strict", p]);
        assert_eq!(strict.status.success(), err.is_empty(), "{p}");
    }
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
    assert!(text(&o.stderr).contains("unrecognized subcommand 'frobnicate'"));
    let o = cargo_prizm(&["build", "--example", "no-such-addin"]);
    assert_eq!(o.status.code(), Some(1));
    let e = text(&o.stderr);
    assert!(e.contains("no-such-addin") && e.contains("hello"), "{e}");
    let o = cargo_prizm(&["help"]);
    assert!(o.status.success());
    let help = text(&o.stdout);
    for command in [
        "new", "init", "build", "run", "debug", "test", "info", "pack",
    ] {
        assert!(
            help.contains(&format!("\n  {command} ")),
            "{command} in\n{help}"
        );
    }
    let o = cargo_prizm(&["build", "--help"]);
    assert!(text(&o.stdout).contains("--example <NAME>"));
}
