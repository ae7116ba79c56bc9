//! ELF to image conversion, with the prebuilt SuperH fixture `data/tiny.elf` (from
//! `data/tiny.s` by `data/make-fixtures.sh`) and with ELF files made here.

use std::path::{Path, PathBuf};

use cargo_prizm::elf::{LOAD_ADDRESS, elf_to_image, load_segments};
use cargo_prizm::error::Error;
use cargo_prizm::metadata::PrizmMetadata;
use cargo_prizm::pack::g3a_from_elf;

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

fn fixture() -> Vec<u8> {
    std::fs::read(data("tiny.elf")).unwrap()
}

fn message(r: cargo_prizm::Result<Vec<u8>>) -> String {
    match r {
        Err(e @ Error::Elf { .. }) => e.to_string(),
        other => panic!("expected an ELF error, got {other:?}"),
    }
}

/// The image of tiny.s: 12 bytes of code, "RODATA!!", then .data loaded from ROM.
#[test]
fn fixture_becomes_the_expected_image() {
    let image = elf_to_image(&fixture(), Path::new("tiny.elf")).unwrap();
    assert_eq!(image.len(), 0x1C);
    // mov.l @(disp,pc),r1 ; mov.l @r1,r0 ; rts ; nop ; .long _value (0x08100000)
    assert_eq!(
        &image[..12],
        &[
            0xD1, 0x01, 0x60, 0x12, 0x00, 0x0B, 0x00, 0x09, 0x08, 0x10, 0x00, 0x00
        ]
    );
    assert_eq!(&image[12..20], b"RODATA!!");
    assert_eq!(
        &image[20..28],
        &[0x12, 0x34, 0x56, 0x78, 0x9A, 0xBC, 0xDE, 0xF0]
    );
    let segs = load_segments(&fixture(), Path::new("tiny.elf")).unwrap();
    assert_eq!(segs.len(), 2);
    assert_eq!(segs[1].vaddr, 0x0810_0000, ".data runs in RAM");
    assert_eq!(segs[1].paddr, 0x0030_0014, ".data is loaded from ROM");
    assert_eq!(segs[1].memsz, 0x48, ".bss takes no room in the image");
}

#[test]
fn fixture_packs_into_a_valid_g3a() {
    let meta = PrizmMetadata::from_json(Path::new("/x/Cargo.toml"), "tiny", "1.2.3", None).unwrap();
    let date = "2026.0520.1200".parse().unwrap();
    let file = g3a_from_elf(&fixture(), Path::new("tiny.elf"), &meta, "tiny.g3a", date).unwrap();
    let g = g3a::G3a::parse(&file).unwrap();
    assert_eq!(
        g.code(),
        elf_to_image(&fixture(), Path::new("t")).unwrap().as_slice()
    );
    assert_eq!(g.short_name(), "tiny");
    assert_eq!(g.internal_name(), "@TINY");
    assert_eq!(g.version().to_string(), "01.02.0003");
    assert_eq!(g.file_name(), "tiny.g3a");
    assert_eq!(g.date().parsed(), Some(date));
    assert!(g.findings().is_empty(), "{:?}", g.findings());
}

#[test]
fn wrong_machine_endianness_class_or_entry_is_refused() {
    let mut f = fixture();
    f[18..20].copy_from_slice(&62u16.to_be_bytes());
    let m = message(elf_to_image(&f, Path::new("x86.elf")));
    assert!(
        m.contains("x86.elf") && m.contains("machine 62 (x86-64)") && m.contains("SuperH (42)"),
        "{m}"
    );

    let mut f = fixture();
    f[5] = 1;
    let m = message(elf_to_image(&f, Path::new("le.elf")));
    assert!(m.contains("little-endian"), "{m}");

    let mut f = fixture();
    f[4] = 2;
    assert!(message(elf_to_image(&f, Path::new("a"))).contains("64-bit"));

    let mut f = fixture();
    f[24..28].copy_from_slice(&0x0030_0010u32.to_be_bytes());
    let m = message(elf_to_image(&f, Path::new("a")));
    assert!(
        m.contains("entry point is 0x00300010") && m.contains("0x00300000"),
        "{m}"
    );

    let mut f = fixture();
    f[16..18].copy_from_slice(&1u16.to_be_bytes());
    assert!(message(elf_to_image(&f, Path::new("a"))).contains("not an executable"));

    assert!(message(elf_to_image(b"#!/bin/sh\n", Path::new("a"))).contains("not an ELF"));
    assert!(message(elf_to_image(&fixture()[..40], Path::new("a"))).contains("truncated"));
    assert!(
        message(elf_to_image(&fixture()[..100], Path::new("a"))).contains("program header table")
    );
    assert!(message(elf_to_image(&fixture()[..0x80], Path::new("a"))).contains("past the end"));
}

/// A big-endian SuperH ELF32 executable with these (paddr, vaddr, bytes) PT_LOAD segments.
fn make_elf(entry: u32, segments: &[(u32, u32, &[u8])]) -> Vec<u8> {
    let phoff = 52u32;
    let mut data_off = phoff + 32 * segments.len() as u32;
    let mut f = vec![0u8; 52];
    f[..7].copy_from_slice(b"\x7fELF\x01\x02\x01");
    f[16..18].copy_from_slice(&2u16.to_be_bytes());
    f[18..20].copy_from_slice(&42u16.to_be_bytes());
    f[20..24].copy_from_slice(&1u32.to_be_bytes());
    f[24..28].copy_from_slice(&entry.to_be_bytes());
    f[28..32].copy_from_slice(&phoff.to_be_bytes());
    f[40..42].copy_from_slice(&52u16.to_be_bytes());
    f[42..44].copy_from_slice(&32u16.to_be_bytes());
    f[44..46].copy_from_slice(&(segments.len() as u16).to_be_bytes());
    for &(paddr, vaddr, bytes) in segments {
        for v in [
            1,
            data_off,
            vaddr,
            paddr,
            bytes.len() as u32,
            bytes.len() as u32,
            5,
            4,
        ] {
            f.extend(v.to_be_bytes());
        }
        data_off += bytes.len() as u32;
    }
    for &(_, _, bytes) in segments {
        f.extend_from_slice(bytes);
    }
    f
}

#[test]
fn segments_go_at_their_load_address_with_zero_gaps() {
    let elf = make_elf(
        LOAD_ADDRESS,
        &[
            (0x0030_0100, 0x0810_0000, b"DATA"),
            (LOAD_ADDRESS, LOAD_ADDRESS, b"CODE"),
        ],
    );
    let image = elf_to_image(&elf, Path::new("a")).unwrap();
    assert_eq!(image.len(), 0x104);
    assert_eq!(&image[..4], b"CODE");
    assert!(image[4..0x100].iter().all(|&b| b == 0));
    assert_eq!(&image[0x100..], b"DATA");
    // A segment with no bytes in the file (.bss) is skipped.
    let elf = make_elf(
        LOAD_ADDRESS,
        &[
            (LOAD_ADDRESS, LOAD_ADDRESS, b"CODE"),
            (0x0810_0000, 0x0810_0000, b""),
        ],
    );
    assert_eq!(elf_to_image(&elf, Path::new("a")).unwrap(), b"CODE");
}

#[test]
fn bad_segments_are_refused() {
    let outside = make_elf(
        LOAD_ADDRESS,
        &[
            (LOAD_ADDRESS, LOAD_ADDRESS, b"CODE"),
            (0x0810_0000, 0x0810_0000, b"DATA"),
        ],
    );
    let m = message(elf_to_image(&outside, Path::new("a")));
    assert!(
        m.contains("segment 1") && m.contains("0x08100000") && m.contains("outside"),
        "{m}"
    );
    let overlap = make_elf(
        LOAD_ADDRESS,
        &[
            (LOAD_ADDRESS, LOAD_ADDRESS, b"CODECODE"),
            (0x0030_0004, 0x0810_0000, b"DATA"),
        ],
    );
    assert!(message(elf_to_image(&overlap, Path::new("a"))).contains("overlap"));
    let late = make_elf(LOAD_ADDRESS, &[(0x0030_0010, 0x0030_0010, b"CODE")]);
    assert!(
        message(elf_to_image(&late, Path::new("a")))
            .contains("nothing is loaded at the entry point")
    );
    let empty = make_elf(LOAD_ADDRESS, &[]);
    assert!(message(elf_to_image(&empty, Path::new("a"))).contains("no loadable segment"));
    let too_big = make_elf(
        LOAD_ADDRESS,
        &[
            (LOAD_ADDRESS, LOAD_ADDRESS, b"CODE"),
            (0x0050_0000 - 2, 0x0050_0000 - 2, b"DATA"),
        ],
    );
    assert!(message(elf_to_image(&too_big, Path::new("a"))).contains("outside"));
}

#[test]
fn damaged_elf_files_never_panic() {
    let f = fixture();
    let mut state = 0x9E37_79B9_7F4A_7C15u64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for len in 0..f.len() {
        let _ = elf_to_image(&f[..len], Path::new("a"));
    }
    for _ in 0..3000 {
        let mut g = f.clone();
        for _ in 0..1 + next() % 4 {
            let at = (next() % g.len() as u64) as usize;
            g[at] = next() as u8;
        }
        let _ = elf_to_image(&g, Path::new("a"));
    }
}

/// Rebuilds the fixture with sh-elf-as and sh-elf-ld and checks that it matches the
/// committed one; skipped (with a note) where those tools are not installed.
#[test]
fn fixture_matches_its_source() {
    let has = |tool: &str| {
        std::process::Command::new(tool)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    };
    if !has("sh-elf-as") || !has("sh-elf-ld") {
        eprintln!("note: sh-elf-as or sh-elf-ld not installed: not rebuilding tests/data/tiny.elf");
        return;
    }
    let out = std::env::temp_dir().join(format!("cargo-prizm-fixture-{}", std::process::id()));
    let status = std::process::Command::new("sh")
        .arg(data("make-fixtures.sh"))
        .arg(&out)
        .stdout(std::process::Stdio::null())
        .status()
        .unwrap();
    assert!(status.success());
    let rebuilt = std::fs::read(out.join("tiny.elf")).unwrap();
    std::fs::remove_dir_all(&out).unwrap();
    assert_eq!(
        rebuilt,
        fixture(),
        "tests/data/tiny.elf is stale: run tests/data/make-fixtures.sh"
    );
}
