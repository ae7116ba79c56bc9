//! The stored record: one fixed-size, versioned, checksummed byte layout, written both
//! to storage memory (a Bfile) and to main memory (an MCS item).
//!
//! # Layout (version 1, 72 bytes, integers little-endian)
//!
//! | offset | size | field |
//! |-------:|-----:|-------|
//! | 0  | 4  | magic `b"CGLK"` |
//! | 4  | 1  | format version, `1` |
//! | 5  | 1  | flags: bit 0 locked, bit 1 power off on lock; other bits 0 |
//! | 6  | 1  | app to open after unlocking: 0 none, see [`App::code`] |
//! | 7  | 1  | owner name length, 0..=[`OWNER_MAX`] |
//! | 8  | 20 | owner name, printable ASCII, unused bytes 0 |
//! | 28 | 32 | code hash, `SHA-256(code ‖ hardware ID)` |
//! | 60 | 2  | consecutive wrong codes |
//! | 62 | 4  | lock-out time remaining, in RTC ticks (1/128 s), ≤ [`MAX_DELAY_TICKS`] |
//! | 66 | 2  | reserved, 0 |
//! | 68 | 4  | CRC-32 (IEEE) of bytes 0..68 |
//!
//! The length is even (Bfile writes like even sizes) and fixed: Bfiles cannot shrink,
//! so the add-in deletes and recreates the file to update it.
//!
//! **Remaining time, not a deadline.** The lock-out is stored as the ticks still to
//! wait, not as an RTC time to wait until: the RTC counts only time of day, wraps at
//! midnight and can be reset or set, so an absolute deadline could be skipped or made
//! endless. The remaining time only goes down while the add-in runs and sees the clock
//! advance; time spent while the add-in was not running is not counted, which can only
//! make a lock-out longer. It is saved whenever it starts, when the calculator is
//! powered off from the lock screen, and when it ends.

use crate::crc::crc32;
use crate::delay::MAX_DELAY_TICKS;
use crate::hash::{DIGEST_LEN, Digest};
use crate::text::{Text, is_printable};

/// Size in bytes of an encoded record.
pub const RECORD_LEN: usize = 72;
/// The magic bytes at the start of a record.
pub const MAGIC: [u8; 4] = *b"CGLK";
/// The record format version written by this code.
pub const VERSION: u8 = 1;
/// Maximum length of the owner name shown on the lock screen.
pub const OWNER_MAX: usize = 20;

const FLAG_LOCKED: u8 = 1 << 0;
const FLAG_POWER_OFF: u8 = 1 << 1;
const KNOWN_FLAGS: u8 = FLAG_LOCKED | FLAG_POWER_OFF;

const OFF_VERSION: usize = 4;
const OFF_FLAGS: usize = 5;
const OFF_APP: usize = 6;
const OFF_OWNER_LEN: usize = 7;
const OFF_OWNER: usize = 8;
const OFF_HASH: usize = OFF_OWNER + OWNER_MAX;
const OFF_FAILURES: usize = OFF_HASH + DIGEST_LEN;
const OFF_REMAINING: usize = OFF_FAILURES + 2;
const OFF_RESERVED: usize = OFF_REMAINING + 4;
const OFF_CRC: usize = OFF_RESERVED + 2;
const _: () = assert!(OFF_CRC + 4 == RECORD_LEN);

/// An encoded record, ready to be written.
pub type RecordBytes = [u8; RECORD_LEN];
/// The owner name shown on the lock screen.
pub type OwnerName = Text<OWNER_MAX>;

/// A built-in application to open after unlocking.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum App {
    /// Run-Matrix.
    RunMatrix,
    /// Statistics.
    Statistics,
    /// Graph.
    Graph,
    /// eActivity.
    EActivity,
    /// Spreadsheet.
    Spreadsheet,
}

impl App {
    /// All apps, in the order the settings screen cycles through them.
    pub const ALL: [App; 5] = [
        App::RunMatrix,
        App::Statistics,
        App::Graph,
        App::EActivity,
        App::Spreadsheet,
    ];

    /// The byte stored for this app (1..=5; 0 means none).
    pub const fn code(self) -> u8 {
        match self {
            App::RunMatrix => 1,
            App::Statistics => 2,
            App::Graph => 3,
            App::EActivity => 4,
            App::Spreadsheet => 5,
        }
    }

    /// The app stored as `code` (1..=5); `None` for any other value. (0, "no app", is
    /// handled by the record parser.)
    pub fn from_code(code: u8) -> Option<App> {
        App::ALL.iter().copied().find(|a| a.code() == code)
    }

    /// The app's name as shown in the settings.
    pub const fn name(self) -> &'static str {
        match self {
            App::RunMatrix => "Run-Matrix",
            App::Statistics => "Statistics",
            App::Graph => "Graph",
            App::EActivity => "eActivity",
            App::Spreadsheet => "Spreadsheet",
        }
    }

    /// The next choice after `current` in the settings cycle (none → first app → ... →
    /// last app → none).
    pub fn cycle(current: Option<App>) -> Option<App> {
        match current {
            None => Some(App::ALL[0]),
            Some(a) => App::ALL
                .iter()
                .position(|&x| x == a)
                .and_then(|i| App::ALL.get(i + 1).copied()),
        }
    }
}

/// User options.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Options {
    /// Power the calculator off right after locking.
    pub power_off_on_lock: bool,
    /// Name shown on the lock screen (empty: none).
    pub owner: OwnerName,
    /// Application to open after unlocking, if any.
    pub after_unlock: Option<App>,
}

/// Everything CGlock stores.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Record {
    /// `SHA-256(code ‖ hardware ID)`.
    pub hash: Digest,
    /// Consecutive wrong codes since the last right one.
    pub failures: u16,
    /// Lock-out time still to wait, in RTC ticks (see the module docs).
    pub lockout_remaining: u32,
    /// Whether the calculator is locked.
    pub locked: bool,
    /// User options.
    pub options: Options,
}

/// A field of the record whose value is out of range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    /// Unknown flag bits are set.
    Flags,
    /// Unknown app code.
    App,
    /// Owner name longer than [`OWNER_MAX`].
    OwnerLength,
    /// Owner name with non-printable bytes, or non-zero padding after it.
    OwnerText,
    /// Lock-out remaining above [`MAX_DELAY_TICKS`].
    LockoutRemaining,
    /// Reserved bytes are not zero.
    Reserved,
}

/// Why a stored record could not be read. Every kind leads to the recovery screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RecordError {
    /// Fewer bytes than a record.
    Truncated {
        /// The length found.
        len: usize,
    },
    /// More bytes than a record.
    Oversized {
        /// The length found.
        len: usize,
    },
    /// The first four bytes are not [`MAGIC`].
    BadMagic,
    /// A format version this code does not know.
    BadVersion(u8),
    /// The CRC does not match the bytes.
    BadChecksum {
        /// The CRC stored in the record.
        stored: u32,
        /// The CRC of the bytes read.
        computed: u32,
    },
    /// The CRC matches but a field is out of range.
    BadField(Field),
}

impl Record {
    /// A new, unlocked record for a code with this hash and default options.
    pub fn new(hash: Digest) -> Self {
        Record {
            hash,
            failures: 0,
            lockout_remaining: 0,
            locked: false,
            options: Options::default(),
        }
    }

    /// Encodes the record in the layout described in the module docs.
    pub fn encode(&self) -> RecordBytes {
        let mut b = [0u8; RECORD_LEN];
        b[..4].copy_from_slice(&MAGIC);
        b[OFF_VERSION] = VERSION;
        let mut flags = 0;
        if self.locked {
            flags |= FLAG_LOCKED;
        }
        if self.options.power_off_on_lock {
            flags |= FLAG_POWER_OFF;
        }
        b[OFF_FLAGS] = flags;
        b[OFF_APP] = self.options.after_unlock.map_or(0, App::code);
        let owner = self.options.owner.as_bytes();
        b[OFF_OWNER_LEN] = owner.len() as u8;
        b[OFF_OWNER..OFF_OWNER + owner.len()].copy_from_slice(owner);
        b[OFF_HASH..OFF_HASH + DIGEST_LEN].copy_from_slice(&self.hash);
        b[OFF_FAILURES..OFF_FAILURES + 2].copy_from_slice(&self.failures.to_le_bytes());
        let remaining = self.lockout_remaining.min(MAX_DELAY_TICKS);
        b[OFF_REMAINING..OFF_REMAINING + 4].copy_from_slice(&remaining.to_le_bytes());
        let crc = crc32(&b[..OFF_CRC]);
        b[OFF_CRC..].copy_from_slice(&crc.to_le_bytes());
        b
    }

    /// Decodes a record, checking, in this order: length, magic, version, CRC, fields.
    pub fn parse(b: &[u8]) -> Result<Record, RecordError> {
        if b.len() < RECORD_LEN {
            return Err(RecordError::Truncated { len: b.len() });
        }
        if b.len() > RECORD_LEN {
            return Err(RecordError::Oversized { len: b.len() });
        }
        if b[..4] != MAGIC {
            return Err(RecordError::BadMagic);
        }
        if b[OFF_VERSION] != VERSION {
            return Err(RecordError::BadVersion(b[OFF_VERSION]));
        }
        let stored =
            u32::from_le_bytes([b[OFF_CRC], b[OFF_CRC + 1], b[OFF_CRC + 2], b[OFF_CRC + 3]]);
        let computed = crc32(&b[..OFF_CRC]);
        if stored != computed {
            return Err(RecordError::BadChecksum { stored, computed });
        }
        let bad = |f| Err(RecordError::BadField(f));
        let flags = b[OFF_FLAGS];
        if flags & !KNOWN_FLAGS != 0 {
            return bad(Field::Flags);
        }
        let after_unlock = match b[OFF_APP] {
            0 => None,
            code => match App::from_code(code) {
                Some(app) => Some(app),
                None => return bad(Field::App),
            },
        };
        let owner_len = usize::from(b[OFF_OWNER_LEN]);
        if owner_len > OWNER_MAX {
            return bad(Field::OwnerLength);
        }
        let owner_area = &b[OFF_OWNER..OFF_OWNER + OWNER_MAX];
        if owner_area[..owner_len].iter().any(|&c| !is_printable(c))
            || owner_area[owner_len..].iter().any(|&c| c != 0)
        {
            return bad(Field::OwnerText);
        }
        let Some(owner) = OwnerName::from_bytes(&owner_area[..owner_len]) else {
            return bad(Field::OwnerText);
        };
        let mut hash = [0u8; DIGEST_LEN];
        hash.copy_from_slice(&b[OFF_HASH..OFF_HASH + DIGEST_LEN]);
        let failures = u16::from_le_bytes([b[OFF_FAILURES], b[OFF_FAILURES + 1]]);
        let lockout_remaining = u32::from_le_bytes([
            b[OFF_REMAINING],
            b[OFF_REMAINING + 1],
            b[OFF_REMAINING + 2],
            b[OFF_REMAINING + 3],
        ]);
        if lockout_remaining > MAX_DELAY_TICKS {
            return bad(Field::LockoutRemaining);
        }
        if b[OFF_RESERVED..OFF_CRC].iter().any(|&c| c != 0) {
            return bad(Field::Reserved);
        }
        Ok(Record {
            hash,
            failures,
            lockout_remaining,
            locked: flags & FLAG_LOCKED != 0,
            options: Options {
                power_off_on_lock: flags & FLAG_POWER_OFF != 0,
                owner,
                after_unlock,
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Record {
        let mut r = Record::new([0xA5; 32]);
        r.failures = 7;
        r.lockout_remaining = 12_345;
        r.locked = true;
        r.options.power_off_on_lock = true;
        r.options.owner = OwnerName::from_ascii("Ada Lovelace").unwrap();
        r.options.after_unlock = Some(App::Statistics);
        r
    }

    /// Re-signs `b` after a field edit so that only the field check can fail.
    fn resign(b: &mut RecordBytes) {
        let crc = crc32(&b[..OFF_CRC]);
        b[OFF_CRC..].copy_from_slice(&crc.to_le_bytes());
    }

    #[test]
    fn round_trip() {
        let r = sample();
        assert_eq!(Record::parse(&r.encode()), Ok(r));
        let plain = Record::new([0; 32]);
        assert_eq!(Record::parse(&plain.encode()), Ok(plain));
    }

    #[test]
    fn layout_is_as_documented() {
        let b = sample().encode();
        assert_eq!(&b[..4], b"CGLK");
        assert_eq!(b[4], 1);
        assert_eq!(b[5], 0b11);
        assert_eq!(b[6], 2);
        assert_eq!(b[7], 12);
        assert_eq!(&b[8..20], b"Ada Lovelace");
        assert!(b[20..28].iter().all(|&c| c == 0));
        assert_eq!(&b[28..60], &[0xA5; 32]);
        assert_eq!(&b[60..62], &7u16.to_le_bytes());
        assert_eq!(&b[62..66], &12_345u32.to_le_bytes());
        assert_eq!(&b[66..68], &[0, 0]);
        assert_eq!(
            u32::from_le_bytes(b[68..72].try_into().unwrap()),
            crc32(&b[..68])
        );
    }

    #[test]
    fn truncated_and_oversized() {
        let b = sample().encode();
        assert_eq!(Record::parse(&[]), Err(RecordError::Truncated { len: 0 }));
        assert_eq!(
            Record::parse(&b[..71]),
            Err(RecordError::Truncated { len: 71 })
        );
        let mut long = [0u8; 80];
        long[..72].copy_from_slice(&b);
        assert_eq!(
            Record::parse(&long),
            Err(RecordError::Oversized { len: 80 })
        );
    }

    #[test]
    fn bad_magic_and_version() {
        let mut b = sample().encode();
        b[0] = b'X';
        assert_eq!(Record::parse(&b), Err(RecordError::BadMagic));
        let mut b = sample().encode();
        b[4] = 2;
        resign(&mut b);
        assert_eq!(Record::parse(&b), Err(RecordError::BadVersion(2)));
    }

    #[test]
    fn every_single_bit_flip_is_detected() {
        let good = sample().encode();
        for i in 0..RECORD_LEN {
            for bit in 0..8 {
                let mut b = good;
                b[i] ^= 1 << bit;
                assert!(
                    Record::parse(&b).is_err(),
                    "flip of bit {bit} of byte {i} not detected"
                );
            }
        }
        let mut b = good;
        b[40] ^= 0xFF;
        assert!(matches!(
            Record::parse(&b),
            Err(RecordError::BadChecksum { .. })
        ));
    }

    #[test]
    fn bad_fields() {
        let cases: [(usize, u8, Field); 7] = [
            (OFF_FLAGS, 0b100, Field::Flags),
            (OFF_APP, 6, Field::App),
            (OFF_OWNER_LEN, 21, Field::OwnerLength),
            (OFF_OWNER, 0x07, Field::OwnerText),
            (OFF_OWNER + 15, b'x', Field::OwnerText),
            (OFF_REMAINING + 3, 0x10, Field::LockoutRemaining),
            (OFF_RESERVED, 1, Field::Reserved),
        ];
        for (off, val, field) in cases {
            let mut b = sample().encode();
            b[off] = val;
            resign(&mut b);
            assert_eq!(
                Record::parse(&b),
                Err(RecordError::BadField(field)),
                "offset {off}"
            );
        }
    }

    #[test]
    fn app_codes_and_cycle() {
        for a in App::ALL {
            assert_eq!(App::from_code(a.code()), Some(a));
        }
        assert_eq!(App::from_code(0), None);
        assert_eq!(App::from_code(99), None);
        let mut c = None;
        let mut seen = 0;
        loop {
            c = App::cycle(c);
            seen += 1;
            if c.is_none() {
                break;
            }
        }
        assert_eq!(seen, App::ALL.len() + 1);
    }
}
