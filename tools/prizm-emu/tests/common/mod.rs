//! Test helpers: build small add-ins from SH assembly with sh-elf-as/sh-elf-ld.
#![allow(dead_code)]

use std::path::PathBuf;
use std::process::Command;

/// Assembly prelude: `SYSCALL num` calls an OS function (clobbers r0, r2).
pub const PRELUDE: &str = "
    .macro SYSCALL num
    mov.l 1001f, r2
    mov.l 1002f, r0
    jsr @r2
    nop
    bra 1003f
    nop
    .align 2
1001: .long 0x80020070
1002: .long \\num
1003:
    .endm
    .macro LOADL reg, value
    mov.l 1004f, \\reg
    bra 1005f
    nop
    .align 2
1004: .long \\value
1005:
    .endm
";

/// An add-in that waits for keys with GetKey, draws nothing, and returns 7 on EXE.
pub const WAITS_FOR_EXE: &str = "
    sts.l pr,@-r15
loop:
    add #-4,r15
    mov r15,r4
    SYSCALL 0xEAB           ! GetKey(&key)
    mov.l @r15+,r1
    LOADL r3, 30004
    cmp/eq r3,r1
    bf loop
    lds.l @r15+,pr
    rts
    mov #7,r0
";

/// A fresh temporary directory.
pub fn tempdir(tag: &str) -> PathBuf {
    static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = N.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let d = std::env::temp_dir().join(format!("prizm-emu-test-{}-{n}-{tag}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// Assembles and links `src` (after [`PRELUDE`]) at 0x00300000; returns (code, ELF).
pub fn build(src: &str, tag: &str) -> (Vec<u8>, Vec<u8>) {
    let d = tempdir(&format!("build-{tag}"));
    let s = d.join("a.s");
    std::fs::write(
        &s,
        format!("{PRELUDE}\n.text\n.global _start\n_start:\n{src}\n"),
    )
    .unwrap();
    let run = |cmd: &mut Command| {
        let out = cmd
            .output()
            .expect("sh-elf binutils (Debian binutils-sh-elf) are needed");
        assert!(
            out.status.success(),
            "{:?}: {}",
            cmd,
            String::from_utf8_lossy(&out.stderr)
        );
    };
    run(Command::new("sh-elf-as")
        .args(["-big", "--isa=sh4a-nofpu", "-o"])
        .arg(d.join("a.o"))
        .arg(&s));
    run(Command::new("sh-elf-ld")
        .args(["-EB", "-Ttext=0x300000", "-e", "_start", "-o"])
        .arg(d.join("a.elf"))
        .arg(d.join("a.o")));
    run(Command::new("sh-elf-objcopy")
        .args(["-O", "binary", "-j", ".text"])
        .arg(d.join("a.elf"))
        .arg(d.join("a.bin")));
    let code = std::fs::read(d.join("a.bin")).unwrap();
    let elf = std::fs::read(d.join("a.elf")).unwrap();
    let _ = std::fs::remove_dir_all(&d);
    (code, elf)
}

/// Wraps code into a .g3a file.
pub fn g3a(code: &[u8]) -> Vec<u8> {
    g3a::G3aBuilder::new(g3a::AddinMeta::new("Test"))
        .code(code.to_vec())
        .build()
        .unwrap()
}
