//! Read, write and check Casio Prizm (fx-CG10/20/50) `.g3a` add-in files.
//!
//! A `.g3a` file is a 0x7000-byte header (names, labels, version, date, two 92×64 icons,
//! sizes and sums), then the code that the OS maps at 0x00300000, then a copy of the
//! checksum. [`G3aBuilder`] writes one from an [`AddinMeta`], [`Icon`]s and the code, and
//! refuses anything unusual. [`G3a::parse`] reads any file the calculator loads: it
//! returns a [`G3aError`] naming the field, its offset, and the expected and found values
//! only for what makes the OS refuse or misload a file (magic, type, sizes, checksums,
//! code larger than the OS maps), and reports what is merely unusual (long or empty
//! names, free-form versions, Casio's multi-byte characters, the word at 0x016...) as
//! [`Finding`]s. The crate's `README.md` gives the format and its sources.
//!
//! ```
//! use g3a::{AddinMeta, G3a, G3aBuilder, Language};
//! let mut meta = AddinMeta::new("Hello");
//! meta.labels.set(Language::French, "Bonjour");
//! let file = G3aBuilder::new(meta).code(vec![0u8; 64]).build()?;
//! let g3a = G3a::parse(&file)?;
//! assert_eq!(g3a.internal_name(), "@HELLO");
//! assert_eq!(g3a.label(Language::French), "Bonjour");
//! assert_eq!(g3a.code().len(), 64);
//! assert!(g3a.findings().is_empty());
//! # Ok::<(), g3a::G3aError>(())
//! ```

#![warn(missing_docs)]

mod charset;
mod checksum;
mod error;
mod finding;
mod icon;
pub mod layout;
mod meta;
pub mod png_rgba;
mod reader;
mod text;
mod text_fields;
mod text_value;
mod word16;
mod writer;

pub use charset::decode_casio;
pub use checksum::{checksum, word_sum};
pub use error::{Field, G3aError};
pub use finding::{Finding, FindingKind};
pub use icon::{Icon, icon_from_png, icon_from_png_bytes, rgb565, rgb888};
pub use meta::{
    AddinMeta, Date, Labels, Language, Version, default_internal_name, validate_file_name,
    validate_internal_name, validate_label, validate_short_name,
};
pub use reader::G3a;
pub use text_value::TextValue;
pub use word16::Word16;
pub use writer::{G3aBuilder, reseal_checksum};
