//! Host tests of the `.g3a` writer and reader: every header field, both sums, one
//! corrupted file for each kind of error, and one unusual file for each kind of finding.

use g3a::layout::*;
use g3a::{
    AddinMeta, Date, Field, FindingKind, G3a, G3aBuilder, G3aError, Icon, Language, Version,
    Word16, reseal_checksum,
};

fn meta() -> AddinMeta {
    let mut m = AddinMeta::new("Hello");
    m.labels.set(Language::German, "Hallo");
    m.labels.set(Language::Extra2, "x".repeat(24));
    m.version = Version::new(2, 13, 4567).unwrap();
    m.date = "2026.0520.1345".parse().unwrap();
    m.eactivity = true;
    m.file_name = "HELLO.g3a".into();
    m
}

/// Code long enough to cover the word-sum words at 0x7100..0x7110, with a known pattern.
fn code() -> Vec<u8> {
    (0..0x180u32).map(|i| (i * 7 + 3) as u8).collect()
}

fn build() -> Vec<u8> {
    let mut icon = vec![0u16; 92 * 64];
    icon[0] = 0x1234;
    icon[92 * 64 - 1] = 0xBEEF;
    G3aBuilder::new(meta())
        .icon_unselected(Icon::from_rgb565(icon).unwrap())
        .code(code())
        .build()
        .unwrap()
}

fn be32(f: &[u8], at: usize) -> u32 {
    u32::from_be_bytes(f[at..at + 4].try_into().unwrap())
}

/// The checksum, computed here independently of the library.
fn reference_checksum(f: &[u8]) -> u32 {
    let n = f.len();
    let mut sum = 0u32;
    for (i, &b) in f.iter().enumerate() {
        if !(0x20..0x24).contains(&i) && i < n - 4 {
            sum = sum.wrapping_add(b as u32);
        }
    }
    sum
}

fn text(f: &[u8], at: usize, room: usize) -> &str {
    let raw = &f[at..at + room];
    let end = raw.iter().position(|&b| b == 0).unwrap_or(room);
    assert!(raw[end..].iter().all(|&b| b == 0), "padding at {at:#x}");
    std::str::from_utf8(&raw[..end]).unwrap()
}

#[test]
fn every_header_field_is_at_its_offset() {
    let f = build();
    let len = 0x7000 + 0x180 + 4;
    assert_eq!(f.len(), len);
    // Inverted block.
    assert_eq!(
        &f[0..14],
        &[
            0xAA, 0xAC, 0xBD, 0xAF, 0x90, 0x88, 0x9A, 0x8D, 0xD3, 0xFF, 0xFE, 0xFF, 0xFE, 0xFF
        ]
    );
    assert_eq!(f[0x0E], (!(len as u8)).wrapping_sub(0x41));
    assert_eq!(f[0x0E], !((len as u8).wrapping_add(0x41)));
    assert_eq!(f[0x0F], 0xFE);
    assert_eq!(!be32(&f, 0x10), len as u32);
    assert_eq!(f[0x14], (!(len as u8)).wrapping_sub(0xB8));
    let words: u16 = (0..8).fold(0u16, |s, i| {
        s.wrapping_add(u16::from_be_bytes([f[0x7100 + 2 * i], f[0x7101 + 2 * i]]))
    });
    assert_ne!(words, 0);
    assert_eq!(!u16::from_be_bytes([f[0x16], f[0x17]]), words);
    // Checksum and trailer.
    let sum = reference_checksum(&f);
    assert_eq!(be32(&f, 0x20), sum);
    assert_eq!(be32(&f, len - 4), sum);
    assert_eq!(&f[0x24..0x26], &[1, 1]);
    assert_eq!(be32(&f, 0x2E), 0x180);
    assert_eq!(text(&f, 0x40, 0x1C), "Hello");
    assert_eq!(be32(&f, 0x5C), len as u32);
    assert_eq!(text(&f, 0x60, 11), "@HELLO");
    let labels: Vec<&str> = (0..8).map(|i| text(&f, 0x6B + 24 * i, 24)).collect();
    assert_eq!(labels[0], "Hello");
    assert_eq!(labels[2], "Hallo");
    assert_eq!(&f[0x6B + 24 * 7..0x6B + 24 * 8], "x".repeat(24).as_bytes());
    assert_eq!(f[0x12B], 1);
    assert_eq!(text(&f, 0x130, 12), "02.13.4567");
    assert_eq!(&f[0x13C..0x14A], b"2026.0520.1345");
    assert_eq!(text(&f, 0xEBC, 324), "HELLO.g3a");
    assert_eq!(&f[0x1000..0x1002], &[0x12, 0x34]);
    assert_eq!(
        &f[0x1000 + 92 * 64 * 2 - 2..0x1000 + 92 * 64 * 2],
        &[0xBE, 0xEF]
    );
    assert_eq!(
        &f[0x4000..0x4000 + ICON_BYTES],
        Icon::default_selected().to_be_bytes()
    );
    assert_eq!(&f[0x7000..len - 4], code());
}

#[test]
fn parse_returns_every_field() {
    let f = build();
    let g = G3a::parse(&f).unwrap();
    assert_eq!(g.short_name(), "Hello");
    assert_eq!(g.internal_name(), "@HELLO");
    assert_eq!(g.label(Language::English), "Hello");
    assert_eq!(g.label(Language::German), "Hallo");
    assert_eq!(g.label(Language::Extra2), "x".repeat(24));
    assert!(g.eactivity());
    assert_eq!(g.version().to_string(), "02.13.4567");
    assert_eq!(
        g.version().parsed(),
        Some(Version::new(2, 13, 4567).unwrap())
    );
    assert_eq!(
        g.date().parsed(),
        Some("2026.0520.1345".parse::<Date>().unwrap())
    );
    assert_eq!(g.file_name(), "HELLO.g3a");
    assert_eq!(g.icon_unselected().pixel(0, 0), 0x1234);
    assert_eq!(g.icon_selected(), &Icon::default_selected());
    assert_eq!(g.code(), code().as_slice());
    assert_eq!(g.checksum(), reference_checksum(&f));
    assert_eq!(g.file_size() as usize, f.len());
    assert!(matches!(g.word16(), Word16::WordSum(w) if w != 0));
    assert!(g.findings().is_empty(), "{:?}", g.findings());
    assert_eq!(g.meta().unwrap(), meta());
    // Writing back what was read gives the same bytes.
    let again = G3aBuilder::new(g.meta().unwrap())
        .icon_unselected(g.icon_unselected().clone())
        .icon_selected(g.icon_selected().clone())
        .code(g.code())
        .build()
        .unwrap();
    assert_eq!(again, f);
}

#[test]
fn empty_and_tiny_code() {
    for n in [0usize, 1, 3, 0xFF, 0x101, 0x10F, 0x110] {
        let f = G3aBuilder::new(meta()).code(vec![0xA5; n]).build().unwrap();
        assert_eq!(f.len(), 0x7004 + n);
        let g = G3a::parse(&f).unwrap();
        assert_eq!(g.code().len(), n);
        assert!(g.findings().is_empty(), "{n}: {:?}", g.findings());
    }
}

#[test]
fn the_word_at_0x16_as_mkg3a_and_others_leave_it() {
    let words: u16 = code()[0x100..0x110].chunks(2).fold(0u16, |s, w| {
        s.wrapping_add(u16::from_be_bytes([w[0], w[1]]))
    });
    // mkg3a leaves the stored bytes zero: plain 0xFFFF.
    let mut f = build();
    f[0x16..0x18].copy_from_slice(&[0, 0]);
    reseal_checksum(&mut f);
    let g = G3a::parse(&f).unwrap();
    assert_eq!(g.word16(), Word16::Unset);
    assert_eq!(g.findings().len(), 1);
    assert_eq!(g.findings()[0].kind(), FindingKind::WordSum);
    // Stored FF FF: plain 0, another value.
    f[0x16..0x18].copy_from_slice(&[0xFF, 0xFF]);
    reseal_checksum(&mut f);
    let g = G3a::parse(&f).unwrap();
    assert_eq!(
        g.word16(),
        Word16::Other {
            plain: 0,
            word_sum: words
        }
    );
    assert_eq!(g.findings()[0].field(), Field::WordSum);
}

#[test]
fn bad_metadata_is_refused_by_the_writer() {
    let mut m = meta();
    m.internal_name = "@hello".into();
    let e = G3aBuilder::new(m).build().unwrap_err();
    assert_eq!(e.field(), Some(Field::InternalName));
    assert!(e.to_string().contains("internal name"), "{e}");
    let e = G3aBuilder::new(meta())
        .code(vec![0; MAX_CODE_LEN + 1])
        .build()
        .unwrap_err();
    assert_eq!(
        e,
        G3aError::CodeTooLarge {
            size: MAX_CODE_LEN + 1
        }
    );
    let f = G3aBuilder::new(meta())
        .code(vec![0; MAX_CODE_LEN])
        .build()
        .unwrap();
    assert_eq!(G3a::parse(&f).unwrap().code().len(), MAX_CODE_LEN);
}

/// Sets the size fields (both file sizes, the two control bytes, the code size) for the
/// file's actual length and reseals the checksum, as a tool that appends code would:
/// written here independently of the library.
fn fix_sizes(f: &mut [u8]) {
    let n = f.len() as u32;
    f[0x10..0x14].copy_from_slice(&(!n).to_be_bytes());
    f[0x0E] = !(n as u8).wrapping_add(0x41);
    f[0x14] = !(n as u8).wrapping_add(0xB8);
    f[0x2E..0x32].copy_from_slice(&(n - 0x7004).to_be_bytes());
    f[0x5C..0x60].copy_from_slice(&n.to_be_bytes());
    let sum = reference_checksum(f);
    f[0x20..0x24].copy_from_slice(&sum.to_be_bytes());
    let end = f.len();
    f[end - 4..].copy_from_slice(&sum.to_be_bytes());
}

#[test]
fn code_larger_than_the_os_maps_is_an_error() {
    for extra in [0usize, 1, 4096] {
        let mut f = build();
        let code_len = MAX_CODE_LEN + extra;
        f.truncate(f.len() - 4);
        f.resize(0x7000 + code_len + 4, 0x09);
        fix_sizes(&mut f);
        let r = G3a::parse(&f);
        if extra == 0 {
            assert_eq!(r.unwrap().code().len(), MAX_CODE_LEN);
        } else {
            let e = r.unwrap_err();
            assert_eq!(e, G3aError::CodeTooLarge { size: code_len });
            let msg = e.to_string();
            assert!(msg.contains("code") && msg.contains("2097152"), "{msg}");
        }
    }
}

type Corruption = (&'static str, fn(&mut Vec<u8>), Field);

/// One corruption of each field the OS depends on, and the field the error must name.
fn corruptions() -> Vec<Corruption> {
    vec![
        ("magic", |f| f[3] ^= 0x20, Field::Magic),
        ("type", |f| f[8] = !0x2D, Field::Type),
        ("format bytes", |f| f[0x0B] = 0x00, Field::Format),
        (
            "control 1",
            |f| f[0x0E] = f[0x0E].wrapping_add(1),
            Field::Control1,
        ),
        ("file size", |f| f[0x13] ^= 0x04, Field::FileSize),
        ("control 2", |f| f[0x14] ^= 0x80, Field::Control2),
        ("checksum", |f| f[0x23] ^= 0x01, Field::Checksum),
        ("code size", |f| f[0x31] ^= 0x01, Field::CodeSize),
        ("file size copy", |f| f[0x5F] ^= 0x10, Field::FileSize2),
        (
            "trailer",
            |f| {
                let n = f.len();
                f[n - 1] ^= 0x01;
            },
            Field::Trailer,
        ),
        (
            "icon pixel (checksum)",
            |f| f[0x1000] ^= 0xFF,
            Field::Checksum,
        ),
        (
            "code byte (checksum)",
            |f| f[0x7000] ^= 0x01,
            Field::Checksum,
        ),
        ("truncated", |f| f.truncate(0x5000), Field::IconSelected),
        (
            "truncated in the header",
            |f| f.truncate(0x100),
            Field::Label(Language::Extra1),
        ),
        ("truncated magic", |f| f.truncate(5), Field::Magic),
        ("one byte added", |f| f.push(0), Field::FileSize),
        (
            "one byte removed",
            |f| {
                f.pop();
            },
            Field::FileSize,
        ),
    ]
}

#[test]
fn each_corrupted_field_is_named_in_the_error() {
    for (what, corrupt, field) in corruptions() {
        for reseal in [false, true] {
            let mut f = build();
            corrupt(&mut f);
            let resealable =
                f.len() >= MIN_FILE_LEN && !matches!(field, Field::Checksum | Field::Trailer);
            if reseal && resealable {
                reseal_checksum(&mut f);
            }
            let e = G3a::parse(&f).expect_err(what);
            assert_eq!(e.field(), Some(field), "{what}: {e}");
            let msg = e.to_string();
            assert!(msg.contains(&field.name()), "{what}: {msg}");
            let offset = format!("{:#06x}", field.offset(f.len()));
            assert!(msg.contains(&offset), "{what}: no offset {offset} in {msg}");
        }
    }
}

type Oddity = (&'static str, fn(&mut Vec<u8>), Field, FindingKind);

/// One unusual but harmless change of each kind, as real add-ins have them, with the field
/// and kind of the finding it must give.
fn oddities() -> Vec<Oddity> {
    use FindingKind::*;
    vec![
        (
            "word unset",
            |f| f[0x16..0x18].fill(0),
            Field::WordSum,
            WordSum,
        ),
        ("word other", |f| f[0x17] ^= 0x01, Field::WordSum, WordSum),
        ("byte 0x0F", |f| f[0x0F] = 0xFF, Field::Byte0F, Constant),
        ("marker", |f| f[0x25] = 0x02, Field::Marker, Constant),
        (
            "short name empty",
            |f| f[0x40..0x45].fill(0),
            Field::ShortName,
            Empty,
        ),
        (
            "short name control",
            |f| f[0x41] = 0x07,
            Field::ShortName,
            Characters,
        ),
        (
            "short name padding",
            |f| f[0x50] = b'Z',
            Field::ShortName,
            Padding,
        ),
        (
            "short name long",
            |f| f[0x40..0x54].copy_from_slice(b"A rather long name!!"),
            Field::ShortName,
            Long,
        ),
        (
            "short name unterminated",
            |f| f[0x40..0x5C].fill(b'x'),
            Field::ShortName,
            Unterminated,
        ),
        (
            "internal name only @",
            |f| f[0x61..0x66].fill(0),
            Field::InternalName,
            Empty,
        ),
        (
            "internal name without @",
            |f| f[0x60] = b'H',
            Field::InternalName,
            Characters,
        ),
        (
            "internal name lower case",
            |f| f[0x61] = b'h',
            Field::InternalName,
            Characters,
        ),
        (
            "internal name of 10 bytes",
            |f| f[0x60..0x6A].copy_from_slice(b"@ADVENTURE"),
            Field::InternalName,
            Long,
        ),
        (
            "internal name into the next field",
            |f| f[0x60..0x6B].copy_from_slice(b"@ABCDEFGHIJ"),
            Field::InternalName,
            Unterminated,
        ),
        (
            "label empty",
            |f| f[0x6B..0x70].fill(0),
            Field::Label(Language::English),
            Empty,
        ),
        (
            "label control",
            |f| f[0x6B] = 0x1F,
            Field::Label(Language::English),
            Characters,
        ),
        (
            "label padding",
            |f| f[0x6B + 5 * 24 + 10] = b'!',
            Field::Label(Language::Chinese),
            Padding,
        ),
        (
            "label in Casio characters",
            |f| f[0x83..0x8E].copy_from_slice(b"Conversi\xE6\x14n"),
            Field::Label(Language::Spanish),
            NonAscii,
        ),
        ("eActivity 2", |f| f[0x12B] = 2, Field::EActivity, Constant),
        (
            "version x.y.z",
            |f| f[0x130..0x13C].copy_from_slice(b"1.8.0\0\0\0\0\0\0\0"),
            Field::Version,
            FreeForm,
        ),
        (
            "version 01.090.000",
            |f| f[0x130..0x13A].copy_from_slice(b"01.090.000"),
            Field::Version,
            FreeForm,
        ),
        (
            "version empty",
            |f| f[0x130..0x13A].fill(0),
            Field::Version,
            FreeForm,
        ),
        (
            "version padding",
            |f| f[0x13B] = b'1',
            Field::Version,
            Padding,
        ),
        ("date format", |f| f[0x140] = b'/', Field::Date, FreeForm),
        (
            "date month 13",
            |f| f[0x141..0x143].copy_from_slice(b"13"),
            Field::Date,
            FreeForm,
        ),
        (
            "file name with mkg3a's slash",
            |f| f[0xEBC..0xEC6].copy_from_slice(b"/HELLO.g3a"),
            Field::FileName,
            Characters,
        ),
        (
            "file name suffix",
            |f| f[0xEBC + 8] = b'b',
            Field::FileName,
            Characters,
        ),
        (
            "file name padding",
            |f| f[0xEBC + 100] = b'b',
            Field::FileName,
            Padding,
        ),
    ]
}

#[test]
fn each_unusual_field_is_a_finding_not_an_error() {
    let mut kinds = std::collections::BTreeSet::new();
    for (what, change, field, kind) in oddities() {
        let mut f = build();
        change(&mut f);
        // Without a new checksum the change is caught as corruption.
        let e = G3a::parse(&f).expect_err(what);
        assert_eq!(e.field(), Some(Field::Checksum), "{what}: {e}");
        reseal_checksum(&mut f);
        let g = G3a::parse(&f).unwrap_or_else(|e| panic!("{what}: {e}"));
        assert!(
            g.findings()
                .iter()
                .any(|x| x.field() == field && x.kind() == kind),
            "{what}: no {kind:?} finding on {field} in {:?}",
            g.findings()
        );
        for x in g.findings() {
            // Only the changed field is reported, at a byte inside it.
            assert_eq!(x.field(), field, "{what}: {x}");
            let start = field.offset(f.len());
            assert!(
                (start..start + field.len().max(1)).contains(&x.offset()),
                "{what}: offset of {x}"
            );
            let shown = x.to_string();
            assert!(
                shown.starts_with(&format!("{field} at {:#06x}: ", x.offset())),
                "{what}: {shown}"
            );
            assert!(x.message().len() > 10, "{what}: {shown}");
        }
        kinds.insert(kind);
    }
    assert_eq!(kinds.len(), FindingKind::ALL.len(), "a kind has no case");
}

#[test]
fn unusual_text_is_shown_as_the_calculator_shows_it() {
    let mut f = build();
    f[0x83..0x8E].copy_from_slice(b"Conversi\xE6\x14n");
    f[0x130..0x13C].copy_from_slice(b"1.8.0\0\0\0\0\0\0\0");
    f[0x60..0x6B].copy_from_slice(b"@ABCDEFGHIJ");
    reseal_checksum(&mut f);
    let g = G3a::parse(&f).unwrap();
    assert_eq!(g.label(Language::Spanish), "Conversión");
    assert_eq!(g.version().text(), "1.8.0");
    assert_eq!(g.version().parsed(), None);
    assert_eq!(g.internal_name(), "@ABCDEFGHIJ");
    let e = g.meta().unwrap_err();
    assert_eq!(e.field(), Some(Field::Version));
}

#[test]
fn error_messages_give_expected_and_found_values() {
    let mut f = build();
    f[0x31] ^= 0x01;
    let msg = G3a::parse(&f).unwrap_err().to_string();
    assert!(
        msg.contains("code size")
            && msg.contains("0x002e")
            && msg.contains("expected 384")
            && msg.contains("found 385"),
        "{msg}"
    );
    let mut f = build();
    f[0x7000] ^= 0x01;
    let e = G3a::parse(&f).unwrap_err();
    let G3aError::Mismatch {
        expected, found, ..
    } = &e
    else {
        panic!("{e:?}")
    };
    assert_ne!(expected, found);
    assert!(
        e.to_string()
            .starts_with("bad checksum at offset 0x0020: expected "),
        "{e}"
    );
}

/// A small deterministic pseudo-random generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

#[test]
fn every_single_bit_flip_is_detected() {
    let f = G3aBuilder::new(meta())
        .code(vec![0x5A; 0x20])
        .build()
        .unwrap();
    let mut rng = Rng(0x1234_5678_9ABC_DEF1);
    // Every bit of the first 0x200 bytes and of the end, and random bits elsewhere.
    let mut spots: Vec<usize> = (0..0x200 * 8)
        .chain((f.len() - 0x30) * 8..f.len() * 8)
        .collect();
    spots.extend((0..3000).map(|_| rng.below(f.len() * 8)));
    for bit in spots {
        let mut g = f.clone();
        g[bit / 8] ^= 1 << (bit % 8);
        assert!(
            G3a::parse(&g).is_err(),
            "flip of bit {} of byte {:#x} not detected",
            bit % 8,
            bit / 8
        );
    }
}

#[test]
fn arbitrary_input_never_panics() {
    let f = build();
    let mut rng = Rng(0xDEAD_BEEF_CAFE_F00D);
    for len in 0..0x80 {
        assert!(G3a::parse(&f[..len]).is_err());
    }
    for len in (0..f.len()).step_by(97) {
        let e = G3a::parse(&f[..len]).unwrap_err();
        assert!(
            matches!(e, G3aError::Truncated { .. } | G3aError::Mismatch { .. }),
            "{len}: {e}"
        );
    }
    for _ in 0..400 {
        let mut g = f.clone();
        match rng.below(4) {
            0 => g.truncate(rng.below(f.len() + 1)),
            1 => {
                for _ in 0..1 + rng.below(20) {
                    let at = rng.below(g.len());
                    g[at] = rng.next() as u8;
                }
            }
            2 => {
                // Random bytes, but a valid magic and type, so parsing goes further.
                g = (0..rng.below(0x7100)).map(|_| rng.next() as u8).collect();
                let n = g.len().min(14);
                g[..n].copy_from_slice(&f[..n]);
            }
            _ => {
                // Corrupt a random header byte and fix the sums, then flip a size field.
                let at = 0x24 + rng.below(0x7000 - 0x24);
                g[at] = rng.next() as u8;
                reseal_checksum(&mut g);
                if rng.below(2) == 0 {
                    g.extend((0..rng.below(50)).map(|_| rng.next() as u8));
                }
            }
        }
        let _ = G3a::parse(&g);
    }
    let random: Vec<u8> = (0..0x8000).map(|_| rng.next() as u8).collect();
    assert_eq!(G3a::parse(&random).unwrap_err().field(), Some(Field::Magic));
}

#[test]
fn errors_display_clearly() {
    let e = G3a::parse(b"PK\x03\x04 zip").unwrap_err();
    assert_eq!(e.field(), Some(Field::Magic));
    let msg = e.to_string();
    assert!(
        msg.contains("magic") && msg.contains("AA AC BD AF 90 88 9A 8D"),
        "{msg}"
    );
    let e = G3a::parse(&build()[..0x7002]).unwrap_err();
    let msg = e.to_string();
    assert!(
        msg.contains("truncated") && msg.contains("28674 bytes") && msg.contains("28676"),
        "{msg}"
    );
}
