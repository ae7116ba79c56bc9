//! Main memory (MCS): small named items in folders, kept in RAM by the OS
//! (calculator only).
use core::ffi::c_void;

use super::{Error, McsName, Result, temp_item_name};
use crate::sys::mcs as os;

/// Creates a folder; succeeds if it exists already.
pub fn create_folder(folder: &str) -> Result<()> {
    let f = McsName::new(folder)?;
    // SAFETY: NUL-terminated name. A non-zero result means "exists" or an error; a
    // real error shows up at the next call on the folder.
    unsafe { os::MCS_CreateDirectory(f.as_ptr()) };
    Ok(())
}

/// Length of an item, or `None` if it does not exist.
pub fn len(folder: &str, item: &str) -> Result<Option<usize>> {
    let (f, i) = (McsName::new(folder)?, McsName::new(item)?);
    let mut n = 0i32;
    // SAFETY: NUL-terminated names, valid out-pointer.
    let r = unsafe { os::MCSGetDlen2(f.as_ptr(), i.as_ptr(), &mut n) };
    Ok((r == 0).then_some(n as usize))
}

/// Reads an item into `buf`; returns its length. If the item is missing but a
/// [`replace`] was interrupted, reads the new data it left.
pub fn read(folder: &str, item: &str, buf: &mut [u8]) -> Result<usize> {
    match read_exact_item(folder, &McsName::new(item)?, buf) {
        Err(Error::NotFound) => read_exact_item(folder, &temp_item_name(item)?, buf),
        r => r,
    }
}

fn read_exact_item(folder: &str, item: &McsName, buf: &mut [u8]) -> Result<usize> {
    let Some(n) = len(folder, item.as_str())? else {
        return Err(Error::NotFound);
    };
    let buf = buf.get_mut(..n).ok_or(Error::TooBig)?;
    // SAFETY: `len` opened the item; `buf` is writable for `n` bytes.
    let r = unsafe { os::MCSGetData1(0, n as i32, buf.as_mut_ptr() as *mut c_void) };
    if r != 0 {
        return Err(Error::Mcs(r));
    }
    Ok(n)
}

/// Creates an item with `data` (fails if it exists: use [`replace`]).
pub fn create(folder: &str, item: &str, data: &[u8]) -> Result<()> {
    put(&McsName::new(folder)?, &McsName::new(item)?, data)
}

fn put(f: &McsName, i: &McsName, data: &[u8]) -> Result<()> {
    let len = i32::try_from(data.len()).map_err(|_| Error::TooBig)?;
    // SAFETY: NUL-terminated names; `data` holds `len` bytes, which the OS copies
    // (main memory is RAM: no flash remapping as with Bfile).
    let r = unsafe { os::MCSPutVar2(f.as_ptr(), i.as_ptr(), len, data.as_ptr() as *const c_void) };
    if r != 0 { Err(Error::Mcs(r)) } else { Ok(()) }
}

/// Deletes an item (no error if it does not exist).
pub fn delete(folder: &str, item: &str) -> Result<()> {
    let (f, i) = (McsName::new(folder)?, McsName::new(item)?);
    // SAFETY: NUL-terminated names.
    unsafe { os::MCSDelVar2(f.as_ptr(), i.as_ptr()) };
    Ok(())
}

/// Replaces an item's data (any size) so that one copy always exists: the new data is
/// first stored under a temporary name ([`temp_item_name`]), then the item is
/// re-created and the temporary deleted. [`read`] falls back to the temporary.
pub fn replace(folder: &str, item: &str, data: &[u8]) -> Result<()> {
    let (f, i, t) = (
        McsName::new(folder)?,
        McsName::new(item)?,
        temp_item_name(item)?,
    );
    // SAFETY (both calls below): NUL-terminated names.
    unsafe { os::MCSDelVar2(f.as_ptr(), t.as_ptr()) };
    put(&f, &t, data)?;
    unsafe { os::MCSDelVar2(f.as_ptr(), i.as_ptr()) };
    put(&f, &i, data)?;
    unsafe { os::MCSDelVar2(f.as_ptr(), t.as_ptr()) };
    Ok(())
}

/// Free bytes of main memory.
pub fn free_space() -> usize {
    let (mut max, mut used, mut free) = (0, 0, 0);
    // SAFETY: valid out-pointers.
    unsafe { os::MCS_GetState(&mut max, &mut used, &mut free) };
    free.max(0) as usize
}
