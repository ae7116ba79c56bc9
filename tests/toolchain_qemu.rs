//! The toolchain's code runs correctly on a real SH4 implementation.
//!
//! `tests/sh4-smoke` (u64/i64/u128 arithmetic, division, `core::fmt`, a packed struct,
//! slices, `alloc` collections on a static arena, a panic) is built with the project's
//! toolchain at opt-levels s, 2 and 3, linked as a static Linux/SH ELF and run under
//! Debian's `qemu-sh4eb`. Its output must equal the output of the same checks compiled
//! for the PC and run here.

extern crate alloc;

#[path = "sh4-smoke/src/checks.rs"]
mod checks;

mod common;

use std::process::Command;

fn host_output() -> String {
    let mut out = String::new();
    checks::run(&mut out).unwrap();
    out
}

fn build_and_run(opt_level: &str) {
    let root = common::repo_root();
    let elf = common::build_sh4(
        "sh4-smoke",
        &root.join("tests/sh4-smoke/sh4-linux.json"),
        opt_level,
    );
    let header = std::fs::read(&elf).unwrap();
    assert_eq!(&header[..4], b"\x7fELF");
    assert_eq!(header[5], 2, "big-endian ELF");
    assert_eq!(
        u16::from_be_bytes([header[18], header[19]]),
        42,
        "e_machine is SH"
    );

    let run = Command::new("qemu-sh4eb")
        .arg(&elf)
        .output()
        .expect("qemu-sh4eb not found: run tools/setup (Debian package qemu-user)");
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert_eq!(
        run.status.code(),
        Some(101),
        "exit status (the panic handler exits 101); output:\n{stdout}"
    );

    let expected = host_output();
    let (checks_out, panic_out) =
        stdout.split_at(stdout.find("panicked at").unwrap_or(stdout.len()));
    for (i, (sh4, host)) in checks_out.lines().zip(expected.lines()).enumerate() {
        assert_eq!(sh4, host, "line {} differs at opt-level {opt_level}", i + 1);
    }
    assert_eq!(
        checks_out.lines().count(),
        expected.lines().count(),
        "line count at opt-level {opt_level}"
    );
    assert!(
        panic_out.starts_with("panicked at tests/sh4-smoke/src/checks.rs:")
            && panic_out.contains("\ndeliberate panic: index 42 of 3"),
        "panic message at opt-level {opt_level}: {panic_out:?}"
    );
}

#[test]
fn sh4_code_matches_host_at_opt_level_s() {
    build_and_run("s");
}

#[test]
fn sh4_code_matches_host_at_opt_level_2() {
    build_and_run("2");
}

#[test]
fn sh4_code_matches_host_at_opt_level_3() {
    build_and_run("3");
}
