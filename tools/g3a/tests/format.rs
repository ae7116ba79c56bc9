//! Host tests of the `.g3a` writer and reader: every header field, both sums, and one
//! corrupted file for each field.

use g3a::layout::*;
use g3a::{
    AddinMeta, Date, Field, G3a, G3aBuilder, G3aError, Icon, Language, Version, reseal_checksum,
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
    assert_eq!(g.date(), "2026.0520.1345".parse::<Date>().unwrap());
    assert_eq!(g.file_name(), "HELLO.g3a");
    assert_eq!(g.icon_unselected().pixel(0, 0), 0x1234);
    assert_eq!(g.icon_selected(), &Icon::default_selected());
    assert_eq!(g.code(), code().as_slice());
    assert_eq!(g.checksum(), reference_checksum(&f));
    assert_eq!(g.file_size() as usize, f.len());
    assert!(g.word_sum().is_some());
    assert_eq!(g.meta(), meta());
    // Writing back what was read gives the same bytes.
    let again = G3aBuilder::new(g.meta())
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
    }
}

#[test]
fn zero_word_sum_is_accepted_like_mkg3a_writes_it() {
    let mut f = build();
    f[0x16] = 0xFF;
    f[0x17] = 0xFF;
    reseal_checksum(&mut f);
    let g = G3a::parse(&f).unwrap();
    assert_eq!(g.word_sum(), None);
}

#[test]
fn bad_metadata_is_refused_by_the_writer() {
    let mut m = meta();
    m.internal_name = "@hello".into();
    let e = G3aBuilder::new(m).build().unwrap_err();
    assert_eq!(e.field(), Some(Field::InternalName));
    assert!(e.to_string().contains("internal name"), "{e}");
}

type Corruption = (&'static str, fn(&mut Vec<u8>), Field);

/// One corruption of each field, and the field the error must name.
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
        ("byte 0x0F", |f| f[0x0F] = 0xFF, Field::Byte0F),
        ("file size", |f| f[0x13] ^= 0x04, Field::FileSize),
        ("control 2", |f| f[0x14] ^= 0x80, Field::Control2),
        ("word sum", |f| f[0x17] ^= 0x01, Field::WordSum),
        ("checksum", |f| f[0x23] ^= 0x01, Field::Checksum),
        ("marker", |f| f[0x25] = 0x02, Field::Marker),
        ("code size", |f| f[0x31] ^= 0x01, Field::CodeSize),
        ("short name empty", |f| f[0x40] = 0, Field::ShortName),
        (
            "short name control char",
            |f| f[0x41] = 0x07,
            Field::ShortName,
        ),
        ("short name padding", |f| f[0x50] = b'Z', Field::ShortName),
        ("file size copy", |f| f[0x5F] ^= 0x10, Field::FileSize2),
        (
            "internal name without @",
            |f| f[0x60] = b'H',
            Field::InternalName,
        ),
        (
            "internal name lower case",
            |f| f[0x61] = b'h',
            Field::InternalName,
        ),
        (
            "internal name too long",
            |f| f[0x60..0x6A].copy_from_slice(b"@ABCDEFGHI"),
            Field::InternalName,
        ),
        (
            "label en",
            |f| f[0x6B] = 0x1F,
            Field::Label(Language::English),
        ),
        (
            "label zh",
            |f| f[0x6B + 5 * 24 + 10] = b'!',
            Field::Label(Language::Chinese),
        ),
        ("eActivity", |f| f[0x12B] = 2, Field::EActivity),
        ("version", |f| f[0x132] = b'-', Field::Version),
        ("version padding", |f| f[0x13B] = b'1', Field::Version),
        ("date format", |f| f[0x140] = b'/', Field::Date),
        (
            "date month 13",
            |f| f[0x141..0x143].copy_from_slice(b"13"),
            Field::Date,
        ),
        ("file name suffix", |f| f[0xEBC + 8] = b'b', Field::FileName),
        (
            "file name padding",
            |f| f[0xEBC + 100] = b'b',
            Field::FileName,
        ),
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
