//! Reading and checking a `.g3a` file: [`G3a::parse`].

use crate::checksum::{checksum, word_sum};
use crate::error::{Field, G3aError};
use crate::icon::Icon;
use crate::layout::*;
use crate::meta::{AddinMeta, Date, Labels, Language, Version};
use crate::text::{read_field, show};

/// A `.g3a` file that passed every check of [`G3a::parse`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct G3a {
    short_name: String,
    internal_name: String,
    labels: Labels,
    eactivity: bool,
    version: Version,
    date: Date,
    file_name: String,
    icon_unselected: Icon,
    icon_selected: Icon,
    code: Vec<u8>,
    checksum: u32,
    word_sum: Option<u16>,
    file_size: u32,
}

fn be32(file: &[u8], at: usize) -> u32 {
    u32::from_be_bytes([file[at], file[at + 1], file[at + 2], file[at + 3]])
}

fn hex(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|b| format!("{b:02X}"))
        .collect::<Vec<_>>()
        .join(" ")
}

fn inverted(bytes: &[u8]) -> Vec<u8> {
    bytes.iter().map(|b| !b).collect()
}

/// Checks that the stored bytes at `field` are `expected_plain` inverted.
fn expect_inverted(
    file: &[u8],
    field: Field,
    expected_plain: &[u8],
    note: &str,
) -> Result<(), G3aError> {
    let at = field.offset(file.len());
    let stored = &file[at..at + expected_plain.len()];
    let expected = inverted(expected_plain);
    if stored != expected.as_slice() {
        return Err(G3aError::Mismatch {
            field,
            offset: at,
            expected: format!("stored bytes {}{note}", hex(&expected)),
            found: format!("{} (plain {})", hex(stored), show(&inverted(stored))),
        });
    }
    Ok(())
}

fn expect_u32(
    file: &[u8],
    field: Field,
    expected: u32,
    what: &str,
    inverted: bool,
) -> Result<(), G3aError> {
    let at = field.offset(file.len());
    let raw = be32(file, at);
    let found = if inverted { !raw } else { raw };
    if found != expected {
        let stored = if inverted { " (stored inverted)" } else { "" };
        return Err(G3aError::Mismatch {
            field,
            offset: at,
            expected: format!("{expected} ({expected:#010x}, {what}){stored}"),
            found: format!("{found} ({found:#010x})"),
        });
    }
    Ok(())
}

/// The first field (in file order) that does not fit in `len` bytes.
fn first_cut_field(len: usize) -> Field {
    Field::ALL
        .into_iter()
        .find(|f| f.offset(len) + f.len() > len)
        .unwrap_or(Field::Trailer)
}

impl G3a {
    /// Reads and checks a `.g3a` file, field by field, in this order: magic, file type,
    /// format bytes, length, constant byte 0x0F, file size, the two control bytes, the
    /// `01 01` marker, code size, second file size, short name, internal name, labels,
    /// eActivity flag, version, date, file name, word sum, checksum, trailer. The first
    /// wrong field is reported, with its offset and the expected and found values.
    ///
    /// Text fields must be NUL-padded with nothing but zeros after the text, without
    /// control characters. The word sum is accepted when it is the right sum or zero (mkg3a
    /// leaves it zero, and the OS ignores it): see [`G3a::word_sum`].
    ///
    /// Never panics, whatever the input.
    pub fn parse(file: &[u8]) -> Result<G3a, G3aError> {
        let len = file.len();
        let need = |field: Field, needed: usize| {
            if len < needed {
                Err(G3aError::Truncated {
                    field,
                    needed,
                    found: len,
                })
            } else {
                Ok(())
            }
        };
        need(Field::Magic, MAGIC + 8)?;
        expect_inverted(file, Field::Magic, MAGIC_VALUE, " (\"USBPower\" inverted)")?;
        need(Field::Type, TYPE + 1)?;
        expect_inverted(
            file,
            Field::Type,
            &[TYPE_VALUE],
            " (0x2C inverted: an add-in)",
        )?;
        need(Field::Format, FORMAT + 5)?;
        expect_inverted(file, Field::Format, &FORMAT_VALUE, "")?;
        if len < MIN_FILE_LEN {
            return Err(G3aError::Truncated {
                field: first_cut_field(len),
                needed: MIN_FILE_LEN,
                found: len,
            });
        }
        expect_inverted(file, Field::Byte0F, &[BYTE_0F_VALUE], "")?;
        let Ok(len32) = u32::try_from(len) else {
            return Err(G3aError::Mismatch {
                field: Field::FileSize,
                offset: FILE_SIZE,
                expected: "a file of at most 4 GiB".into(),
                found: format!("{len} bytes"),
            });
        };
        expect_u32(file, Field::FileSize, len32, "the actual file length", true)?;
        let control = |field: Field, add: u8| {
            let at = field.offset(len);
            let expected = !(len as u8).wrapping_add(add);
            if file[at] != expected {
                return Err(G3aError::Mismatch {
                    field,
                    offset: at,
                    expected: format!(
                        "stored {expected:#04x} (low byte of the file length {len:#x}, plus {add:#04x}, inverted)"
                    ),
                    found: format!("{:#04x}", file[at]),
                });
            }
            Ok(())
        };
        control(Field::Control1, CONTROL1_ADD)?;
        control(Field::Control2, CONTROL2_ADD)?;
        if file[MARKER..MARKER + 2] != MARKER_VALUE {
            return Err(G3aError::Mismatch {
                field: Field::Marker,
                offset: MARKER,
                expected: hex(&MARKER_VALUE),
                found: hex(&file[MARKER..MARKER + 2]),
            });
        }
        let code_len = len - MIN_FILE_LEN;
        expect_u32(
            file,
            Field::CodeSize,
            code_len as u32,
            "file length - 0x7004",
            false,
        )?;
        expect_u32(
            file,
            Field::FileSize2,
            len32,
            "the actual file length",
            false,
        )?;

        let short_name = read_field(
            file,
            Field::ShortName,
            SHORT_NAME,
            SHORT_NAME_LEN,
            1,
            SHORT_NAME_LEN,
        )?;
        let internal_name = read_field(
            file,
            Field::InternalName,
            INTERNAL_NAME,
            INTERNAL_NAME_LEN,
            2,
            1 + INTERNAL_NAME_MAX,
        )?;
        if !internal_name.starts_with('@') || internal_name.chars().any(|c| c.is_lowercase()) {
            return Err(G3aError::Malformed {
                field: Field::InternalName,
                offset: INTERNAL_NAME,
                expected: format!("'@' followed by 1 to {INTERNAL_NAME_MAX} upper-case characters"),
                found: format!("{internal_name:?}"),
            });
        }
        let mut labels = Labels::default();
        for lang in Language::ALL {
            let at = Field::Label(lang).offset(len);
            labels.set(
                lang,
                read_field(file, Field::Label(lang), at, LABEL_LEN, 0, LABEL_LEN)?,
            );
        }
        let eactivity = match file[EACTIVITY] {
            0 => false,
            1 => true,
            other => {
                return Err(G3aError::Mismatch {
                    field: Field::EActivity,
                    offset: EACTIVITY,
                    expected: "0 or 1".into(),
                    found: format!("{other:#04x}"),
                });
            }
        };
        let version_text = read_field(file, Field::Version, VERSION, VERSION_LEN, 10, 10)?;
        let version: Version = version_text.parse().map_err(|_| G3aError::Malformed {
            field: Field::Version,
            offset: VERSION,
            expected: "MM.mm.pppp (digits)".into(),
            found: format!("{version_text:?}"),
        })?;
        let date_raw = &file[DATE..DATE + DATE_LEN];
        let date: Date = std::str::from_utf8(date_raw)
            .ok()
            .and_then(|s| s.parse().ok())
            .ok_or_else(|| G3aError::Malformed {
                field: Field::Date,
                offset: DATE,
                expected: "a valid date written yyyy.MMdd.hhmm".into(),
                found: show(date_raw),
            })?;
        let file_name = read_field(
            file,
            Field::FileName,
            FILE_NAME,
            FILE_NAME_LEN,
            5,
            FILE_NAME_LEN,
        )?;
        if !file_name.to_ascii_lowercase().ends_with(".g3a") {
            return Err(G3aError::Malformed {
                field: Field::FileName,
                offset: FILE_NAME,
                expected: "a name ending in .g3a".into(),
                found: format!("{file_name:?}"),
            });
        }
        let icon = |at: usize| Icon::from_be_bytes(&file[at..at + ICON_BYTES]).expect("icon size");
        let icon_unselected = icon(ICON_UNSELECTED);
        let icon_selected = icon(ICON_SELECTED);
        let code = file[CODE..CODE + code_len].to_vec();

        let stored_word_sum = !u16::from_be_bytes([file[WORD_SUM], file[WORD_SUM + 1]]);
        let expected_word_sum = word_sum(&code);
        if stored_word_sum != expected_word_sum && stored_word_sum != 0 {
            return Err(G3aError::Mismatch {
                field: Field::WordSum,
                offset: WORD_SUM,
                expected: format!(
                    "{expected_word_sum:#06x} (sum of the 8 words at 0x7100, stored inverted), or 0"
                ),
                found: format!("{stored_word_sum:#06x}"),
            });
        }
        let sum = checksum(file);
        expect_u32(
            file,
            Field::Checksum,
            sum,
            "sum of all bytes but the checksum and trailer",
            false,
        )?;
        expect_u32(file, Field::Trailer, sum, "copy of the checksum", false)?;

        Ok(G3a {
            short_name,
            internal_name,
            labels,
            eactivity,
            version,
            date,
            file_name,
            icon_unselected,
            icon_selected,
            code,
            checksum: sum,
            word_sum: (stored_word_sum != 0 || expected_word_sum == 0).then_some(stored_word_sum),
            file_size: len32,
        })
    }

    /// The short name (0x040).
    pub fn short_name(&self) -> &str {
        &self.short_name
    }

    /// The internal name, `"@NAME"` (0x060).
    pub fn internal_name(&self) -> &str {
        &self.internal_name
    }

    /// The eight localized labels (0x06B).
    pub fn labels(&self) -> &Labels {
        &self.labels
    }

    /// The label in one language.
    pub fn label(&self, lang: Language) -> &str {
        self.labels.get(lang)
    }

    /// Whether the add-in may be used as an eActivity strip (0x12B).
    pub fn eactivity(&self) -> bool {
        self.eactivity
    }

    /// The version (0x130).
    pub fn version(&self) -> Version {
        self.version
    }

    /// The build date (0x13C).
    pub fn date(&self) -> Date {
        self.date
    }

    /// The file name stored in the header (0xEBC); it may differ from the real file's.
    pub fn file_name(&self) -> &str {
        &self.file_name
    }

    /// The icon shown when the add-in is not selected (0x1000).
    pub fn icon_unselected(&self) -> &Icon {
        &self.icon_unselected
    }

    /// The icon shown when the add-in is selected (0x4000).
    pub fn icon_selected(&self) -> &Icon {
        &self.icon_selected
    }

    /// The code: the bytes the OS maps at 0x00300000 (everything between the header and
    /// the trailer).
    pub fn code(&self) -> &[u8] {
        &self.code
    }

    /// The checksum (0x020), which is also the trailer.
    pub fn checksum(&self) -> u32 {
        self.checksum
    }

    /// The word sum (0x016, plain form), or `None` when the file leaves it zero (as mkg3a
    /// does) although the words at 0x7100 do not sum to zero.
    pub fn word_sum(&self) -> Option<u16> {
        self.word_sum
    }

    /// The file size in bytes (0x010 and 0x05C).
    pub fn file_size(&self) -> u32 {
        self.file_size
    }

    /// The metadata, as the writer takes it (the header may hold values that
    /// [`AddinMeta::validate`] refuses, such as non-ASCII labels).
    pub fn meta(&self) -> AddinMeta {
        AddinMeta {
            short_name: self.short_name.clone(),
            internal_name: self.internal_name.clone(),
            labels: self.labels.clone(),
            version: self.version,
            date: self.date,
            eactivity: self.eactivity,
            file_name: self.file_name.clone(),
        }
    }
}
