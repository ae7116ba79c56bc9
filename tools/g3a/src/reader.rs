//! Reading a `.g3a` file as the calculator does: [`G3a::parse`] refuses what the OS would
//! refuse or misload, and reports the rest of what is unusual as [`Finding`]s.

use crate::checksum::checksum;
use crate::error::{Field, G3aError};
use crate::finding::{Finding, FindingKind};
use crate::icon::Icon;
use crate::layout::*;
use crate::meta::{AddinMeta, Date, Labels, Language, Version};
use crate::text::{show, stored_text};
use crate::text_fields::{TextRule, file_name_findings, internal_name_findings, read_text};
use crate::text_value::TextValue;
use crate::word16::Word16;

/// A `.g3a` file that the calculator loads: every field [`G3a::parse`] treats as an error
/// is right. What else is unusual is in [`G3a::findings`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct G3a {
    short_name: String,
    internal_name: String,
    labels: Labels,
    eactivity: bool,
    version: TextValue<Version>,
    date: TextValue<Date>,
    file_name: String,
    icon_unselected: Icon,
    icon_selected: Icon,
    code: Vec<u8>,
    checksum: u32,
    word16: Word16,
    file_size: u32,
    findings: Vec<Finding>,
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

/// The text fields, in file order, with what the writer puts there.
const SHORT_NAME_RULE: TextRule = TextRule {
    field: Field::ShortName,
    at: SHORT_NAME,
    room: SHORT_NAME_LEN,
    max: SHORT_NAME_MAX,
    required: true,
    next: "the file size at 0x05C",
};
const INTERNAL_NAME_RULE: TextRule = TextRule {
    field: Field::InternalName,
    at: INTERNAL_NAME,
    room: INTERNAL_NAME_LEN,
    max: 1 + INTERNAL_NAME_MAX,
    required: true,
    next: "the English label at 0x06B",
};
const VERSION_RULE: TextRule = TextRule {
    field: Field::Version,
    at: VERSION,
    room: VERSION_LEN,
    max: VERSION_LEN,
    required: false,
    next: "the date at 0x13C",
};
const DATE_RULE: TextRule = TextRule {
    field: Field::Date,
    at: DATE,
    room: DATE_LEN,
    max: DATE_LEN,
    required: false,
    next: "the bytes after it",
};
const FILE_NAME_RULE: TextRule = TextRule {
    field: Field::FileName,
    at: FILE_NAME,
    room: FILE_NAME_LEN,
    max: FILE_NAME_LEN - 1,
    required: true,
    next: "the unselected icon at 0x1000",
};

fn label_rule(lang: Language) -> TextRule {
    TextRule {
        field: Field::Label(lang),
        at: LABELS + lang.index() * LABEL_LEN,
        room: LABEL_LEN,
        max: LABEL_LEN,
        required: true,
        next: "the next label",
    }
}

/// A finding when the byte(s) at `field` are not `expected` (stored as they are);
/// `note` says what is known of them.
fn expect_constant(
    file: &[u8],
    field: Field,
    expected: &[u8],
    note: &str,
    findings: &mut Vec<Finding>,
) {
    let at = field.offset(file.len());
    let found = &file[at..at + expected.len()];
    if found != expected {
        findings.push(Finding::new(
            field,
            at,
            FindingKind::Constant,
            format!(
                "stored {} where the writers store {}; {note}",
                hex(found),
                hex(expected)
            ),
        ));
    }
}

/// A finding when a version or date is not in its standard form.
fn free_form<T>(value: &TextValue<T>, rule: &TextRule, what: &str, form: &str) -> Option<Finding> {
    (!value.is_standard()).then(|| {
        Finding::new(
            rule.field,
            rule.at,
            FindingKind::FreeForm,
            format!(
                "free-form {what} \"{}\" (the standard form is {form})",
                value.text()
            ),
        )
    })
}

impl G3a {
    /// Reads a `.g3a` file as the calculator's OS does.
    ///
    /// Errors, checked in this order, are what makes the OS refuse or misload the file:
    /// the magic `USBPower`, the file type 0x2C and the five bytes after it, the file
    /// size at 0x010 and its two control bytes, the code size at 0x02E, the file size at
    /// 0x05C, code that does not fit the 2 MiB the OS maps ([`MAX_CODE_LEN`]), the
    /// checksum at 0x020 and its copy in the last four bytes. The first wrong one is
    /// returned, naming the field, its offset, and the expected and found values.
    ///
    /// Everything else is read as the calculator shows it, and what the writer would not
    /// have written is reported by [`G3a::findings`]: empty, long or unterminated names,
    /// labels in Casio's multi-byte character set, free-form versions and dates, the word
    /// at 0x016, bytes after a text's NUL, unusual constant bytes.
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
        if code_len > MAX_CODE_LEN {
            return Err(G3aError::CodeTooLarge { size: code_len });
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

        let mut findings = Vec::new();
        let code = file[CODE..CODE + code_len].to_vec();
        let word16 = Word16::classify(
            !u16::from_be_bytes([file[WORD_SUM], file[WORD_SUM + 1]]),
            &code,
        );
        findings.extend(word16.finding(&code));
        expect_constant(
            file,
            Field::Byte0F,
            &[!BYTE_0F_VALUE],
            "libcasio reads it as alignment that need not be 0x01",
            &mut findings,
        );
        expect_constant(
            file,
            Field::Marker,
            &MARKER_VALUE,
            "mkg3a notes that it does not seem necessary",
            &mut findings,
        );

        let short_name = read_text(file, &SHORT_NAME_RULE, &mut findings);
        let internal_name = read_text(file, &INTERNAL_NAME_RULE, &mut findings);
        let stored_name = stored_text(file, INTERNAL_NAME, INTERNAL_NAME_LEN);
        internal_name_findings(&INTERNAL_NAME_RULE, stored_name.text, &mut findings);
        let mut labels = Labels::default();
        for lang in Language::ALL {
            labels.set(lang, read_text(file, &label_rule(lang), &mut findings));
        }
        let eactivity = file[EACTIVITY] != 0;
        expect_constant(
            file,
            Field::EActivity,
            &[u8::from(eactivity)],
            "read here as yes, since it is not zero",
            &mut findings,
        );
        let version = TextValue::parse(&read_text(file, &VERSION_RULE, &mut findings));
        findings.extend(free_form(&version, &VERSION_RULE, "version", "MM.mm.pppp"));
        let date = TextValue::parse(&read_text(file, &DATE_RULE, &mut findings));
        findings.extend(free_form(&date, &DATE_RULE, "date", "yyyy.MMdd.hhmm"));
        let file_name = read_text(file, &FILE_NAME_RULE, &mut findings);
        let stored_file_name = stored_text(file, FILE_NAME, FILE_NAME_LEN);
        file_name_findings(&FILE_NAME_RULE, stored_file_name.text, &mut findings);

        let icon = |at: usize| Icon::from_be_bytes(&file[at..at + ICON_BYTES]).expect("icon size");
        Ok(G3a {
            short_name,
            internal_name,
            labels,
            eactivity,
            version,
            date,
            file_name,
            icon_unselected: icon(ICON_UNSELECTED),
            icon_selected: icon(ICON_SELECTED),
            code,
            checksum: sum,
            word16,
            file_size: len32,
            findings,
        })
    }

    /// What is unusual in the file but does not stop the calculator from loading it, in
    /// file order of the fields; empty for a file made by [`crate::G3aBuilder`].
    pub fn findings(&self) -> &[Finding] {
        &self.findings
    }

    /// The short name (0x040), decoded from Casio's character set.
    pub fn short_name(&self) -> &str {
        &self.short_name
    }

    /// The internal name, usually `"@NAME"` (0x060), decoded from Casio's character set.
    pub fn internal_name(&self) -> &str {
        &self.internal_name
    }

    /// The eight localized labels (0x06B), decoded from Casio's character set.
    pub fn labels(&self) -> &Labels {
        &self.labels
    }

    /// The label in one language.
    pub fn label(&self, lang: Language) -> &str {
        self.labels.get(lang)
    }

    /// Whether the add-in may be used as an eActivity strip (0x12B is not zero).
    pub fn eactivity(&self) -> bool {
        self.eactivity
    }

    /// The version (0x130): its text, and its value when written `MM.mm.pppp`.
    pub fn version(&self) -> &TextValue<Version> {
        &self.version
    }

    /// The build date (0x13C): its text, and its value when written `yyyy.MMdd.hhmm`.
    pub fn date(&self) -> &TextValue<Date> {
        &self.date
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

    /// What the word at 0x016 holds (the OS does not check it).
    pub fn word16(&self) -> Word16 {
        self.word16
    }

    /// The file size in bytes (0x010 and 0x05C).
    pub fn file_size(&self) -> u32 {
        self.file_size
    }

    /// The metadata, as the writer takes it; an [`G3aError::InvalidMeta`] error if the
    /// version or the date is free-form. The names and labels are given as read:
    /// [`AddinMeta::validate`] may refuse them.
    pub fn meta(&self) -> Result<AddinMeta, G3aError> {
        Ok(AddinMeta {
            short_name: self.short_name.clone(),
            internal_name: self.internal_name.clone(),
            labels: self.labels.clone(),
            version: self.version.text().parse()?,
            date: self.date.text().parse()?,
            eactivity: self.eactivity,
            file_name: self.file_name.clone(),
        })
    }
}
