//! [`Storage`]: files in storage memory and items in main memory, through the handle
//! (calculator only; the work is [`crate::storage`]'s).
use crate::storage::{self, Error, Result, mcs};

/// Storage memory (files, `\\fls0\...`) and main memory (MCS items in folders), with
/// writes that never lose the old data (see [`crate::storage::replace`]).
pub struct Storage {
    _private: (),
}

impl Storage {
    pub(crate) const fn new() -> Storage {
        Storage { _private: () }
    }

    /// Reads the file `path` into `buf`; returns its size. If it is missing but a
    /// [`write`](Storage::write) was cut short, reads the new data that write left (as
    /// [`mcs::read`] does for items).
    pub fn read(&self, path: &str, buf: &mut [u8]) -> Result<usize> {
        match storage::read_file(path, buf) {
            Err(Error::NotFound) => storage::read_file(&storage::temp_path(path)?, buf),
            r => r,
        }
    }

    /// Writes `data` as the file `path`, replacing it if it exists.
    pub fn write(&mut self, path: &str, data: &[u8]) -> Result<()> {
        storage::replace(path, data)
    }

    /// Whether the file `path` exists.
    pub fn exists(&self, path: &str) -> Result<bool> {
        storage::exists(path)
    }

    /// Deletes the file `path`.
    pub fn delete(&mut self, path: &str) -> Result<()> {
        storage::delete(path)
    }

    /// Reads main-memory item `folder`/`item` into `buf`; returns its length.
    pub fn read_item(&self, folder: &str, item: &str, buf: &mut [u8]) -> Result<usize> {
        mcs::read(folder, item, buf)
    }

    /// Writes `data` as main-memory item `folder`/`item`, creating the folder if needed
    /// and replacing the item if it exists.
    pub fn write_item(&mut self, folder: &str, item: &str, data: &[u8]) -> Result<()> {
        mcs::create_folder(folder)?;
        mcs::replace(folder, item, data)
    }
}
