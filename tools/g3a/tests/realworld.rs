//! The reader against real add-ins made by other tools, in the folder named by
//! `PRIZM_REALWORLD` (a relative path is taken from the repository root; CI sets
//! `../shared/realworld`). Without the variable these tests say that they skipped.
//!
//! Every expectation is derived here from the file's raw bytes, independently of the
//! library: nothing is keyed to one file.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use g3a::{Field, Finding, FindingKind, G3a, Word16, reseal_checksum};

/// The real add-ins, smallest first; `None` (after saying so) without `PRIZM_REALWORLD`.
fn real_addins() -> Option<Vec<(PathBuf, Vec<u8>)>> {
    let Some(dir) = std::env::var_os("PRIZM_REALWORLD") else {
        eprintln!("skipped: PRIZM_REALWORLD is not set (the folder of real .g3a add-ins)");
        return None;
    };
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(dir);
    let mut files: Vec<(PathBuf, Vec<u8>)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("PRIZM_REALWORLD: cannot read {}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e.eq_ignore_ascii_case("g3a")))
        .map(|p| {
            let bytes = std::fs::read(&p).unwrap();
            (p, bytes)
        })
        .collect();
    assert!(!files.is_empty(), "no .g3a file in {}", dir.display());
    files.sort_by_key(|(p, b)| (b.len(), p.clone()));
    Some(files)
}

/// The bytes of a NUL-terminated text field, up to its NUL.
fn text(f: &[u8], at: usize, room: usize) -> &[u8] {
    let raw = &f[at..at + room];
    &raw[..raw.iter().position(|&b| b == 0).unwrap_or(room)]
}

fn has(findings: &[Finding], field: Field, kind: FindingKind) -> bool {
    findings
        .iter()
        .any(|x| x.field() == field && x.kind() == kind)
}

fn is_standard_version(v: &[u8]) -> bool {
    v.len() == 10
        && v.iter().enumerate().all(|(i, b)| {
            if i == 2 || i == 5 {
                *b == b'.'
            } else {
                b.is_ascii_digit()
            }
        })
}

#[test]
fn real_addins_load_and_each_kind_of_finding_is_found() {
    let Some(files) = real_addins() else { return };
    let mut kinds = BTreeSet::new();
    for (path, f) in &files {
        let name = path.display();
        let g = G3a::parse(f).unwrap_or_else(|e| panic!("{name}: {e}"));
        let findings = g.findings();
        assert_eq!(g.code(), &f[0x7000..f.len() - 4], "{name}");
        assert_eq!(g.file_size() as usize, f.len(), "{name}");

        // The word at 0x16: stored 00 00 and a non-0xFFFF sum is "unset".
        let words = (0..8).fold(0u16, |s, i| {
            let at = 0x7100 + 2 * i;
            let w = [
                f.get(at).copied().unwrap_or(0),
                f.get(at + 1).copied().unwrap_or(0),
            ];
            s.wrapping_add(u16::from_be_bytes(w))
        });
        let plain = !u16::from_be_bytes([f[0x16], f[0x17]]);
        assert_eq!(g.word16().plain(), plain, "{name}");
        assert_eq!(
            has(findings, Field::WordSum, FindingKind::WordSum),
            plain != words,
            "{name}"
        );
        if plain == 0xFFFF && words != 0xFFFF {
            assert_eq!(g.word16(), Word16::Unset, "{name}");
        }

        // Names: empty, and internal names longer than '@' and 8 characters.
        let short = text(f, 0x40, 0x1C);
        assert_eq!(
            has(findings, Field::ShortName, FindingKind::Empty),
            short.is_empty(),
            "{name}"
        );
        let internal = text(f, 0x60, 11);
        assert_eq!(
            has(findings, Field::InternalName, FindingKind::Empty),
            internal.is_empty() || internal == b"@",
            "{name}"
        );
        assert_eq!(
            has(findings, Field::InternalName, FindingKind::Long),
            internal.len() == 10,
            "{name}"
        );
        let odd_internal = internal.len() > 1
            && internal[1..].iter().any(|b| {
                (0x20..0x7F).contains(b)
                    && !(b.is_ascii_uppercase() || b.is_ascii_digit() || *b == b'_')
            });
        assert_eq!(
            has(findings, Field::InternalName, FindingKind::Characters),
            odd_internal || internal.first().is_some_and(|&b| b != b'@'),
            "{name}"
        );
        for (i, lang) in g3a::Language::ALL.into_iter().enumerate() {
            let label = text(f, 0x6B + 24 * i, 24);
            assert_eq!(
                has(findings, Field::Label(lang), FindingKind::Empty),
                label.is_empty(),
                "{name} {lang}"
            );
            assert_eq!(
                has(findings, Field::Label(lang), FindingKind::NonAscii),
                label.iter().any(|&b| b >= 0x7F),
                "{name} {lang}"
            );
        }

        // The version, as text, and free-form when not MM.mm.pppp.
        let version = text(f, 0x130, 12);
        assert_eq!(g.version().text().as_bytes(), version, "{name}");
        assert_eq!(
            has(findings, Field::Version, FindingKind::FreeForm),
            !is_standard_version(version),
            "{name}"
        );
        assert_eq!(g.version().parsed().is_some(), is_standard_version(version));

        // The file name: a directory separator, as mkg3a leaves it.
        let file_name = text(f, 0xEBC, 324);
        if file_name.contains(&b'/') {
            assert!(
                has(findings, Field::FileName, FindingKind::Characters),
                "{name}"
            );
        }

        for x in findings {
            let start = x.field().offset(f.len());
            assert!(
                (start..start + x.field().len().max(1)).contains(&x.offset()),
                "{name}: {x}"
            );
            kinds.insert(x.kind());
        }
    }
    // The kinds real add-ins are known to have (see the folder's README).
    for kind in [
        FindingKind::Empty,
        FindingKind::Long,
        FindingKind::Characters,
        FindingKind::FreeForm,
        FindingKind::WordSum,
    ] {
        assert!(
            kinds.contains(&kind),
            "no {kind:?} finding in any real add-in"
        );
    }
}

#[test]
fn corrupt_real_addins_are_rejected() {
    let Some(files) = real_addins() else { return };
    let (path, original) = &files[0];
    type Corruption = (&'static str, fn(&mut Vec<u8>), Field);
    let corruptions: [Corruption; 7] = [
        ("magic", |f| f[1] ^= 0x01, Field::Magic),
        ("file type", |f| f[8] = !0x49, Field::Type),
        ("file size", |f| f[0x12] ^= 0x01, Field::FileSize),
        ("code size", |f| f[0x2F] ^= 0x01, Field::CodeSize),
        ("checksum", |f| f[0x22] ^= 0x10, Field::Checksum),
        (
            "trailer",
            |f| {
                let n = f.len();
                f[n - 2] ^= 0x10;
            },
            Field::Trailer,
        ),
        (
            "truncated",
            |f| {
                f.truncate(0x6000);
            },
            Field::IconSelected,
        ),
    ];
    for (what, corrupt, field) in corruptions {
        let mut f = original.clone();
        corrupt(&mut f);
        if !matches!(field, Field::Checksum | Field::Trailer) && f.len() >= 0x7004 {
            reseal_checksum(&mut f);
        }
        let e = G3a::parse(&f).expect_err(what);
        assert_eq!(e.field(), Some(field), "{} {what}: {e}", path.display());
    }
}
