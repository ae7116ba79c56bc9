//! Storage: files in storage memory (Bfile, `\\fls0\...`) and items in main memory
//! (MCS), with validated names, typed errors and a `replace` that never loses data.
//!
//! Rules of the OS this module enforces (WikiPrizm, "Bfile" and "File System"):
//! - paths are `\\fls0\` followed by folder and file names (see [`validate_path`]);
//! - at most 16 files open at once ([`MAX_OPEN_FILES`]);
//! - a file's size is fixed when it is created: to change it, write a new file
//!   ([`replace`] does this safely);
//! - data written comes from a RAM buffer, never straight from the add-in image (the
//!   OS may move flash while writing): [`File::write`] copies through the stack;
//! - do not use files while OS timers are installed (SYSTEM ERROR).

mod error;
#[cfg(any(doc, prizm))]
mod file;
#[cfg(any(doc, prizm))]
#[cfg_attr(doc, doc(cfg(prizm)))]
pub mod mcs;
mod mcs_name;
mod path;

pub use error::{Error, Result};
#[cfg(any(doc, prizm))]
#[cfg_attr(doc, doc(cfg(prizm)))]
pub use file::{
    File, Mode, create_dir, delete, exists, find, free_space, read_file, rename, replace,
    write_file,
};
pub use mcs_name::{McsName, temp_item_name, validate_mcs_name};
pub use path::{MAX_PATH, Name16, ROOT, temp_path, validate_path};

/// Files the OS lets be open at once.
pub const MAX_OPEN_FILES: usize = crate::abi::storage::MAX_OPEN_FILES;
