//! Writing a `.g3a` file: [`G3aBuilder`].

use crate::checksum::{checksum, word_sum};
use crate::error::G3aError;
use crate::icon::Icon;
use crate::layout::*;
use crate::meta::AddinMeta;
use crate::text::put;

/// Builds a `.g3a` file from metadata, two icons and the code.
///
/// ```
/// use g3a::{AddinMeta, G3aBuilder, G3a};
/// let file = G3aBuilder::new(AddinMeta::new("Hello")).code(vec![0x00, 0x0B, 0x00, 0x09]).build()?;
/// assert_eq!(G3a::parse(&file)?.short_name(), "Hello");
/// # Ok::<(), g3a::G3aError>(())
/// ```
#[derive(Clone, Debug)]
pub struct G3aBuilder {
    meta: AddinMeta,
    icon_unselected: Option<Icon>,
    icon_selected: Option<Icon>,
    code: Vec<u8>,
}

impl G3aBuilder {
    /// A builder with this metadata, the built-in icons and no code.
    pub fn new(meta: AddinMeta) -> G3aBuilder {
        G3aBuilder {
            meta,
            icon_unselected: None,
            icon_selected: None,
            code: Vec::new(),
        }
    }

    /// Sets the icon shown when the add-in is not selected (default:
    /// [`Icon::default_unselected`]).
    pub fn icon_unselected(mut self, icon: Icon) -> G3aBuilder {
        self.icon_unselected = Some(icon);
        self
    }

    /// Sets the icon shown when the add-in is selected (default: [`Icon::default_selected`]).
    pub fn icon_selected(mut self, icon: Icon) -> G3aBuilder {
        self.icon_selected = Some(icon);
        self
    }

    /// Sets the code: the bytes the OS maps at 0x00300000 and jumps into.
    pub fn code(mut self, code: impl Into<Vec<u8>>) -> G3aBuilder {
        self.code = code.into();
        self
    }

    /// The metadata.
    pub fn meta(&self) -> &AddinMeta {
        &self.meta
    }

    /// Writes the file. Fails if the metadata does not pass [`AddinMeta::validate`] or the
    /// code is larger than the 2 MiB the OS maps ([`MAX_CODE_LEN`]). The file has no
    /// findings: [`crate::G3a::parse`] reads it back with an empty
    /// [`crate::G3a::findings`].
    pub fn build(&self) -> Result<Vec<u8>, G3aError> {
        self.meta.validate()?;
        if self.code.len() > MAX_CODE_LEN {
            return Err(G3aError::CodeTooLarge {
                size: self.code.len(),
            });
        }
        let size = MIN_FILE_LEN + self.code.len();
        let size32 = size as u32;
        let mut file = vec![0u8; size];
        file[CODE..CODE + self.code.len()].copy_from_slice(&self.code);

        // The first 0x20 bytes, in plain form, inverted below.
        file[MAGIC..MAGIC + 8].copy_from_slice(MAGIC_VALUE);
        file[TYPE] = TYPE_VALUE;
        file[FORMAT..FORMAT + 5].copy_from_slice(&FORMAT_VALUE);
        file[CONTROL1] = (size as u8).wrapping_add(CONTROL1_ADD);
        file[BYTE_0F] = BYTE_0F_VALUE;
        file[FILE_SIZE..FILE_SIZE + 4].copy_from_slice(&size32.to_be_bytes());
        file[CONTROL2] = (size as u8).wrapping_add(CONTROL2_ADD);
        file[WORD_SUM..WORD_SUM + 2].copy_from_slice(&word_sum(&self.code).to_be_bytes());
        for b in &mut file[..INVERTED_LEN] {
            *b = !*b;
        }

        file[MARKER..MARKER + 2].copy_from_slice(&MARKER_VALUE);
        file[CODE_SIZE..CODE_SIZE + 4].copy_from_slice(&(self.code.len() as u32).to_be_bytes());
        put(&mut file, SHORT_NAME, &self.meta.short_name);
        file[FILE_SIZE_2..FILE_SIZE_2 + 4].copy_from_slice(&size32.to_be_bytes());
        put(&mut file, INTERNAL_NAME, &self.meta.internal_name);
        for (lang, label) in self.meta.labels.iter() {
            put(&mut file, LABELS + lang.index() * LABEL_LEN, label);
        }
        file[EACTIVITY] = u8::from(self.meta.eactivity);
        put(&mut file, VERSION, &self.meta.version.to_string());
        put(&mut file, DATE, &self.meta.date.to_string());
        put(&mut file, FILE_NAME, &self.meta.file_name);
        let unselected = self
            .icon_unselected
            .clone()
            .unwrap_or_else(Icon::default_unselected);
        let selected = self
            .icon_selected
            .clone()
            .unwrap_or_else(Icon::default_selected);
        file[ICON_UNSELECTED..ICON_UNSELECTED + ICON_BYTES]
            .copy_from_slice(&unselected.to_be_bytes());
        file[ICON_SELECTED..ICON_SELECTED + ICON_BYTES].copy_from_slice(&selected.to_be_bytes());

        reseal_checksum(&mut file);
        Ok(file)
    }
}

/// Recomputes and stores the checksum at 0x020 and its copy in the last four bytes of a
/// file of at least 0x7004 bytes (for tools that edit a file in place).
///
/// # Panics
/// If `file` is shorter than 0x7004 bytes.
pub fn reseal_checksum(file: &mut [u8]) {
    assert!(
        file.len() >= MIN_FILE_LEN,
        "a .g3a file has at least {MIN_FILE_LEN} bytes"
    );
    let sum = checksum(file).to_be_bytes();
    file[CHECKSUM..CHECKSUM + 4].copy_from_slice(&sum);
    let end = file.len();
    file[end - TRAILER_LEN..].copy_from_slice(&sum);
}
