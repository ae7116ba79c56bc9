//! Errors: which field of a `.g3a` file (or of the add-in metadata, or of an icon) is wrong.

use std::fmt;

use crate::layout;
use crate::meta::Language;

/// A field of a `.g3a` file, used by [`G3aError`] to say where a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    /// `"USBPower"` at 0x000.
    Magic,
    /// File type byte at 0x008.
    Type,
    /// The five constant bytes at 0x009.
    Format,
    /// First control byte at 0x00E.
    Control1,
    /// Constant byte at 0x00F.
    Byte0F,
    /// File size at 0x010.
    FileSize,
    /// Second control byte at 0x014.
    Control2,
    /// The 16-bit word at 0x016 (a word sum for fxgxa, unset for mkg3a).
    WordSum,
    /// Checksum at 0x020.
    Checksum,
    /// The `01 01` marker at 0x024.
    Marker,
    /// Code size at 0x02E.
    CodeSize,
    /// Short name at 0x040.
    ShortName,
    /// Second file size at 0x05C.
    FileSize2,
    /// Internal name at 0x060.
    InternalName,
    /// One of the eight labels from 0x06B.
    Label(Language),
    /// eActivity flag at 0x12B.
    EActivity,
    /// Version at 0x130.
    Version,
    /// Date at 0x13C.
    Date,
    /// File name at 0xEBC.
    FileName,
    /// Unselected icon at 0x1000.
    IconUnselected,
    /// Selected icon at 0x4000.
    IconSelected,
    /// The code at 0x7000.
    Code,
    /// Checksum copy in the last four bytes.
    Trailer,
}

impl Field {
    /// The fields in file order (the trailer last).
    pub const ALL: [Field; 30] = [
        Field::Magic,
        Field::Type,
        Field::Format,
        Field::Control1,
        Field::Byte0F,
        Field::FileSize,
        Field::Control2,
        Field::WordSum,
        Field::Checksum,
        Field::Marker,
        Field::CodeSize,
        Field::ShortName,
        Field::FileSize2,
        Field::InternalName,
        Field::Label(Language::English),
        Field::Label(Language::Spanish),
        Field::Label(Language::German),
        Field::Label(Language::French),
        Field::Label(Language::Portuguese),
        Field::Label(Language::Chinese),
        Field::Label(Language::Extra1),
        Field::Label(Language::Extra2),
        Field::EActivity,
        Field::Version,
        Field::Date,
        Field::FileName,
        Field::IconUnselected,
        Field::IconSelected,
        Field::Code,
        Field::Trailer,
    ];

    /// A short human-readable name of the field, e.g. `"internal name"` or `"label (de)"`.
    pub fn name(self) -> String {
        match self {
            Field::Magic => "magic".into(),
            Field::Type => "file type".into(),
            Field::Format => "format bytes".into(),
            Field::Control1 => "control byte 1".into(),
            Field::Byte0F => "constant byte 0x0F".into(),
            Field::FileSize => "file size".into(),
            Field::Control2 => "control byte 2".into(),
            Field::WordSum => "16-bit word".into(),
            Field::Checksum => "checksum".into(),
            Field::Marker => "01 01 marker".into(),
            Field::CodeSize => "code size".into(),
            Field::ShortName => "short name".into(),
            Field::FileSize2 => "file size (copy at 0x05C)".into(),
            Field::InternalName => "internal name".into(),
            Field::Label(lang) => format!("label ({})", lang.code()),
            Field::EActivity => "eActivity flag".into(),
            Field::Version => "version".into(),
            Field::Date => "date".into(),
            Field::FileName => "file name".into(),
            Field::IconUnselected => "unselected icon".into(),
            Field::IconSelected => "selected icon".into(),
            Field::Code => "code".into(),
            Field::Trailer => "trailer (checksum copy)".into(),
        }
    }

    /// Offset of the field in a file of `file_len` bytes (only the trailer depends on it).
    pub fn offset(self, file_len: usize) -> usize {
        match self {
            Field::Magic => layout::MAGIC,
            Field::Type => layout::TYPE,
            Field::Format => layout::FORMAT,
            Field::Control1 => layout::CONTROL1,
            Field::Byte0F => layout::BYTE_0F,
            Field::FileSize => layout::FILE_SIZE,
            Field::Control2 => layout::CONTROL2,
            Field::WordSum => layout::WORD_SUM,
            Field::Checksum => layout::CHECKSUM,
            Field::Marker => layout::MARKER,
            Field::CodeSize => layout::CODE_SIZE,
            Field::ShortName => layout::SHORT_NAME,
            Field::FileSize2 => layout::FILE_SIZE_2,
            Field::InternalName => layout::INTERNAL_NAME,
            Field::Label(lang) => layout::LABELS + lang.index() * layout::LABEL_LEN,
            Field::EActivity => layout::EACTIVITY,
            Field::Version => layout::VERSION,
            Field::Date => layout::DATE,
            Field::FileName => layout::FILE_NAME,
            Field::IconUnselected => layout::ICON_UNSELECTED,
            Field::IconSelected => layout::ICON_SELECTED,
            Field::Code => layout::CODE,
            Field::Trailer => file_len
                .saturating_sub(layout::TRAILER_LEN)
                .max(layout::CODE),
        }
    }

    /// Size of the field in bytes (the code's size is unknown here: 0).
    pub fn len(self) -> usize {
        match self {
            Field::Magic => 8,
            Field::Type | Field::Control1 | Field::Byte0F | Field::Control2 | Field::EActivity => 1,
            Field::Format => 5,
            Field::FileSize | Field::Checksum | Field::CodeSize | Field::FileSize2 => 4,
            Field::Trailer => layout::TRAILER_LEN,
            Field::WordSum | Field::Marker => 2,
            Field::ShortName => layout::SHORT_NAME_LEN,
            Field::InternalName => layout::INTERNAL_NAME_LEN,
            Field::Label(_) => layout::LABEL_LEN,
            Field::Version => layout::VERSION_LEN,
            Field::Date => layout::DATE_LEN,
            Field::FileName => layout::FILE_NAME_LEN,
            Field::IconUnselected | Field::IconSelected => layout::ICON_BYTES,
            Field::Code => 0,
        }
    }

    /// Whether the field has no size of its own (only [`Field::Code`]).
    pub fn is_empty(self) -> bool {
        self.len() == 0
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.name())
    }
}

/// Everything that can go wrong when reading or writing a `.g3a` file or its icons.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum G3aError {
    /// The input ends before a field that must be there.
    Truncated {
        /// The first field that does not fit.
        field: Field,
        /// Bytes needed to hold that field.
        needed: usize,
        /// Bytes actually there.
        found: usize,
    },
    /// A field holds a value other than the one it must hold.
    Mismatch {
        /// The wrong field.
        field: Field,
        /// Its offset in the file.
        offset: usize,
        /// The value it must hold, as text.
        expected: String,
        /// The value found, as text.
        found: String,
    },
    /// A field is not well-formed (bad characters, bad format, bad padding...).
    Malformed {
        /// The wrong field.
        field: Field,
        /// Its offset in the file.
        offset: usize,
        /// What the field must look like.
        expected: String,
        /// What was found, as text.
        found: String,
    },
    /// A value given to the writer (in [`crate::AddinMeta`]) is not allowed.
    InvalidMeta {
        /// The field the value is for.
        field: Field,
        /// The value given.
        value: String,
        /// What is allowed.
        allowed: String,
    },
    /// The code is larger than the 2 MiB the OS maps at 0x00300000
    /// ([`crate::layout::MAX_CODE_LEN`]).
    CodeTooLarge {
        /// Size of the code given.
        size: usize,
    },
    /// An icon image does not have the size of an icon.
    IconSize {
        /// Where the image came from (a file name).
        source_name: String,
        /// Its width.
        width: u32,
        /// Its height.
        height: u32,
    },
    /// An icon image could not be read or decoded.
    IconRead {
        /// Where the image came from (a file name).
        source_name: String,
        /// The reason.
        reason: String,
    },
}

impl G3aError {
    /// The file field this error is about, if any.
    pub fn field(&self) -> Option<Field> {
        match self {
            G3aError::Truncated { field, .. }
            | G3aError::Mismatch { field, .. }
            | G3aError::Malformed { field, .. }
            | G3aError::InvalidMeta { field, .. } => Some(*field),
            G3aError::CodeTooLarge { .. } => Some(Field::Code),
            G3aError::IconSize { .. } | G3aError::IconRead { .. } => None,
        }
    }
}

impl fmt::Display for G3aError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            G3aError::Truncated {
                field,
                needed,
                found,
            } => write!(
                f,
                "truncated .g3a file: the {field} field at offset {:#06x} needs the file to be \
                 at least {needed} bytes long, but it is {found} bytes",
                field.offset(*found),
            ),
            G3aError::Mismatch {
                field,
                offset,
                expected,
                found,
            } => write!(
                f,
                "bad {field} at offset {offset:#06x}: expected {expected}, found {found}"
            ),
            G3aError::Malformed {
                field,
                offset,
                expected,
                found,
            } => write!(
                f,
                "malformed {field} at offset {offset:#06x}: expected {expected}, found {found}"
            ),
            G3aError::InvalidMeta {
                field,
                value,
                allowed,
            } => write!(f, "invalid {field} {value:?}: {allowed}"),
            G3aError::CodeTooLarge { size } => write!(
                f,
                "code too large at offset {:#06x}: it is {size} bytes, but the OS maps at \
                 most {} bytes (2 MiB) of add-in code at {:#010x}",
                layout::CODE,
                layout::MAX_CODE_LEN,
                layout::CODE_ADDRESS
            ),
            G3aError::IconSize {
                source_name,
                width,
                height,
            } => write!(
                f,
                "icon {source_name}: is {width}x{height} pixels, but a Prizm icon must be exactly \
                 {}x{} pixels",
                layout::ICON_WIDTH,
                layout::ICON_HEIGHT
            ),
            G3aError::IconRead {
                source_name,
                reason,
            } => write!(f, "icon {source_name}: cannot read it as PNG: {reason}"),
        }
    }
}

impl std::error::Error for G3aError {}
