//! Findings: what is unusual in a `.g3a` file but does not stop the calculator from
//! loading it (see [`crate::G3a::findings`]).

use std::fmt;

use crate::error::Field;

/// The kinds of [`Finding`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FindingKind {
    /// A name or label is empty (an internal name of only `@` counts as empty).
    Empty,
    /// Text longer than the writer writes (and fxgxa documents), still inside its field.
    Long,
    /// Text that fills its whole field without a terminating NUL, so that a reader looking
    /// for its end runs into the next field.
    Unterminated,
    /// Characters the writer does not write there: control bytes, an internal name without
    /// `@` or with lower-case letters or punctuation, a file name with a directory or
    /// without `.g3a`.
    Characters,
    /// Characters of Casio's multi-byte set (accented letters and the like), shown decoded
    /// where they are known (see [`crate::decode_casio`]).
    NonAscii,
    /// Non-zero bytes after the terminating NUL of a text.
    Padding,
    /// A version or date that is not in its standard form (`MM.mm.pppp`,
    /// `yyyy.MMdd.hhmm`).
    FreeForm,
    /// The word at 0x016 is not the inverted sum of the eight words at 0x7100 (see
    /// [`crate::Word16`]).
    WordSum,
    /// A byte that every documented writer sets to one value holds another: byte 0x00F,
    /// the `01 01` at 0x024, the eActivity flag.
    Constant,
}

impl FindingKind {
    /// Every kind, in declaration order.
    pub const ALL: [FindingKind; 9] = [
        FindingKind::Empty,
        FindingKind::Long,
        FindingKind::Unterminated,
        FindingKind::Characters,
        FindingKind::NonAscii,
        FindingKind::Padding,
        FindingKind::FreeForm,
        FindingKind::WordSum,
        FindingKind::Constant,
    ];
}

/// Something unusual but harmless in a `.g3a` file: which field, where, and what.
///
/// ```
/// use g3a::{Field, FindingKind, G3a, G3aBuilder, AddinMeta, reseal_checksum};
/// let mut file = G3aBuilder::new(AddinMeta::new("Demo")).code(vec![0; 4]).build()?;
/// file[0x130..0x13A].copy_from_slice(b"1.8.0\0\0\0\0\0");
/// reseal_checksum(&mut file);
/// let g3a = G3a::parse(&file)?;
/// let finding = &g3a.findings()[0];
/// assert_eq!((finding.field(), finding.kind()), (Field::Version, FindingKind::FreeForm));
/// assert!(finding.to_string().starts_with("version at 0x0130: free-form version \"1.8.0\""));
/// # Ok::<(), g3a::G3aError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    field: Field,
    offset: usize,
    kind: FindingKind,
    message: String,
}

impl Finding {
    /// A finding about `field`, at file offset `offset`.
    pub fn new(field: Field, offset: usize, kind: FindingKind, message: impl Into<String>) -> Self {
        Finding {
            field,
            offset,
            kind,
            message: message.into(),
        }
    }

    /// The field concerned.
    pub fn field(&self) -> Field {
        self.field
    }

    /// The file offset of the unusual bytes (the field's start, or a byte inside it).
    pub fn offset(&self) -> usize {
        self.offset
    }

    /// What kind of finding it is.
    pub fn kind(&self) -> FindingKind {
        self.kind
    }

    /// What is unusual, for a person: the value found and why it is harmless.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} at {:#06x}: {}",
            self.field, self.offset, self.message
        )
    }
}
