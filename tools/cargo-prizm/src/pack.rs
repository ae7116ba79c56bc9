//! Packing a linked add-in and its metadata into a `.g3a` file.

use std::path::Path;

use g3a::{Date, G3aBuilder};

use crate::elf::elf_to_image;
use crate::error::{Error, Result};
use crate::metadata::PrizmMetadata;

/// The `.g3a` file for the ELF `elf` (read from `elf_path`, named in errors), whose header
/// holds `meta`, the file name `file_name` and the date `date`.
pub fn g3a_from_elf(
    elf: &[u8],
    elf_path: &Path,
    meta: &PrizmMetadata,
    file_name: &str,
    date: Date,
) -> Result<Vec<u8>> {
    let image = elf_to_image(elf, elf_path)?;
    let (unselected, selected) = meta.icons()?;
    G3aBuilder::new(meta.addin_meta(file_name, date)?)
        .icon_unselected(unselected)
        .icon_selected(selected)
        .code(image)
        .build()
        .map_err(|error| Error::G3a {
            path: elf_path.to_path_buf(),
            error,
        })
}

/// Reads the ELF at `elf_path`, packs it (see [`g3a_from_elf`]) and writes the `.g3a` to
/// `output`, whose file name goes in the header. Returns the file's bytes.
pub fn pack_file(
    elf_path: &Path,
    meta: &PrizmMetadata,
    output: &Path,
    date: Date,
) -> Result<Vec<u8>> {
    let elf = std::fs::read(elf_path).map_err(|e| Error::io(elf_path, e))?;
    let file_name = output
        .file_name()
        .and_then(|n| n.to_str())
        .ok_or_else(|| Error::Other(format!("{}: not a file name", output.display())))?;
    let bytes = g3a_from_elf(&elf, elf_path, meta, file_name, date)?;
    std::fs::write(output, &bytes).map_err(|e| Error::io(output, e))?;
    Ok(bytes)
}
