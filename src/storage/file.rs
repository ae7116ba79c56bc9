//! Files in storage memory through the OS's Bfile calls (calculator only).
use core::ffi::c_void;

use super::{Error, MAX_OPEN_FILES, Name16, Result, temp_path};
use crate::sys::storage as bfile;

/// How [`File::open`] opens a file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(i32)]
pub enum Mode {
    /// Read only.
    Read = 0,
    /// Read, shared with other readers.
    ReadShare = 1,
    /// Write only.
    Write = 2,
    /// Read and write.
    ReadWrite = 3,
    /// Read and write, shared.
    ReadWriteShare = 4,
}

/// Files open now (the OS allows [`MAX_OPEN_FILES`]).
static OPEN: OpenCount = OpenCount(core::cell::UnsafeCell::new(0));

/// The open-file counter.
struct OpenCount(core::cell::UnsafeCell<usize>);
// SAFETY: the calculator runs one thread; files are not used from timer handlers.
unsafe impl Sync for OpenCount {}

impl OpenCount {
    fn get(&self) -> usize {
        // SAFETY: see the Sync impl.
        unsafe { *self.0.get() }
    }
    fn add(&self, d: isize) {
        // SAFETY: see the Sync impl.
        unsafe { *self.0.get() = (*self.0.get()).wrapping_add_signed(d) }
    }
}

/// An open file; closed when dropped.
pub struct File {
    handle: i32,
}

/// Bytes copied through the stack per write call.
const CHUNK: usize = 256;

impl File {
    /// Opens the file at `path`.
    pub fn open(path: &str, mode: Mode) -> Result<File> {
        let name = Name16::new(path)?;
        if OPEN.get() >= MAX_OPEN_FILES {
            return Err(Error::TooManyOpenFiles);
        }
        // SAFETY: `name` is a NUL-terminated 16-bit name that outlives the call.
        let handle =
            Error::check(unsafe { bfile::Bfile_OpenFile_OS(name.as_ptr(), mode as i32, 0) })?;
        OPEN.add(1);
        Ok(File { handle })
    }

    /// Creates a file of exactly `size` bytes (sizes never change afterwards).
    pub fn create(path: &str, size: usize) -> Result<()> {
        let name = Name16::new(path)?;
        let mut size = size;
        // SAFETY: valid name and size pointer; mode 1 creates a file.
        Error::check(unsafe { bfile::Bfile_CreateEntry_OS(name.as_ptr(), 1, &mut size) })?;
        Ok(())
    }

    /// Reads at the current position into `buf`; returns the bytes read.
    pub fn read(&mut self, buf: &mut [u8]) -> Result<usize> {
        self.read_raw(buf, -1)
    }

    /// Reads at byte `pos` into `buf`; returns the bytes read.
    pub fn read_at(&mut self, buf: &mut [u8], pos: usize) -> Result<usize> {
        self.read_raw(buf, i32::try_from(pos).map_err(|_| Error::IllegalSeek)?)
    }

    fn read_raw(&mut self, buf: &mut [u8], pos: i32) -> Result<usize> {
        let len = i32::try_from(buf.len()).map_err(|_| Error::TooBig)?;
        // SAFETY: `buf` is writable for `len` bytes.
        let n = Error::check(unsafe {
            bfile::Bfile_ReadFile_OS(self.handle, buf.as_mut_ptr() as *mut c_void, len, pos)
        })?;
        Ok(n as usize)
    }

    /// Writes `data` at the current position, copying it through a RAM buffer first
    /// (so data from the add-in image is safe to pass). Files never grow past the size
    /// they were created with reliably: create them at the final size.
    pub fn write(&mut self, data: &[u8]) -> Result<usize> {
        let mut bounce = [0u8; CHUNK];
        let mut done = 0;
        for chunk in data.chunks(CHUNK) {
            bounce[..chunk.len()].copy_from_slice(chunk);
            // SAFETY: `bounce` is in RAM (the stack) and holds `chunk.len()` bytes.
            Error::check(unsafe {
                bfile::Bfile_WriteFile_OS(
                    self.handle,
                    bounce.as_ptr() as *const c_void,
                    chunk.len() as i32,
                )
            })?;
            done += chunk.len();
        }
        Ok(done)
    }

    /// Moves to byte `pos`.
    pub fn seek(&mut self, pos: usize) -> Result<()> {
        let pos = i32::try_from(pos).map_err(|_| Error::IllegalSeek)?;
        // SAFETY: plain values.
        Error::check(unsafe { bfile::Bfile_SeekFile_OS(self.handle, pos) })?;
        Ok(())
    }

    /// The current position.
    pub fn position(&self) -> Result<usize> {
        // SAFETY: plain value.
        Ok(Error::check(unsafe { bfile::Bfile_TellFile_OS(self.handle) })? as usize)
    }

    /// The file's size.
    pub fn size(&self) -> Result<usize> {
        // SAFETY: plain value.
        Ok(Error::check(unsafe { bfile::Bfile_GetFileSize_OS(self.handle) })? as usize)
    }
}

impl Drop for File {
    fn drop(&mut self) {
        // SAFETY: the handle is open (only `open` makes a File).
        unsafe { bfile::Bfile_CloseFile_OS(self.handle) };
        OPEN.add(-1);
    }
}

/// Creates a folder.
pub fn create_dir(path: &str) -> Result<()> {
    let name = Name16::new(path)?;
    let mut zero = 0usize;
    // SAFETY: valid name; mode 5 creates a folder.
    Error::check(unsafe { bfile::Bfile_CreateEntry_OS(name.as_ptr(), 5, &mut zero) })?;
    Ok(())
}

/// Deletes a file or an empty folder.
pub fn delete(path: &str) -> Result<()> {
    let name = Name16::new(path)?;
    // SAFETY: valid name.
    Error::check(unsafe { bfile::Bfile_DeleteEntry(name.as_ptr()) })?;
    Ok(())
}

/// Renames (or moves) an entry.
pub fn rename(from: &str, to: &str) -> Result<()> {
    let (a, b) = (Name16::new(from)?, Name16::new(to)?);
    // SAFETY: valid names.
    Error::check(unsafe { bfile::Bfile_RenameEntry(a.as_ptr(), b.as_ptr()) })?;
    Ok(())
}

/// Whether a file exists (it can be opened for reading).
pub fn exists(path: &str) -> Result<bool> {
    match File::open(path, Mode::ReadShare) {
        Ok(_) => Ok(true),
        Err(Error::NotFound) => Ok(false),
        Err(e) => Err(e),
    }
}

/// Creates `path` with exactly `data` (fails with [`Error::AlreadyExists`] if it
/// exists: use [`replace`]).
pub fn write_file(path: &str, data: &[u8]) -> Result<()> {
    File::create(path, data.len())?;
    let mut f = File::open(path, Mode::ReadWrite)?;
    f.write(data)?;
    Ok(())
}

/// Reads the whole file into `buf`; returns its size ([`Error::TooBig`] if `buf` is
/// smaller).
pub fn read_file(path: &str, buf: &mut [u8]) -> Result<usize> {
    let mut f = File::open(path, Mode::ReadShare)?;
    let size = f.size()?;
    let buf = buf.get_mut(..size).ok_or(Error::TooBig)?;
    let mut done = 0;
    while done < size {
        let n = f.read_at(&mut buf[done..], done)?;
        if n == 0 {
            break;
        }
        done += n;
    }
    Ok(done)
}

/// Replaces the contents of `path` with `data` (any size) without a moment where
/// neither the old nor the new data is stored: writes `path~` first, then deletes the
/// old file and renames. If it stops half-way, `path~` holds the new data.
pub fn replace(path: &str, data: &[u8]) -> Result<()> {
    let temp = temp_path(path)?;
    match delete(&temp) {
        Ok(()) | Err(Error::NotFound) => {}
        Err(e) => return Err(e),
    }
    write_file(&temp, data)?;
    match delete(path) {
        Ok(()) | Err(Error::NotFound) => {}
        Err(e) => return Err(e),
    }
    rename(&temp, path)
}

/// Free bytes of storage memory.
pub fn free_space() -> Result<u64> {
    let media: [u16; 7] = [
        b'\\' as u16,
        b'\\' as u16,
        b'f' as u16,
        b'l' as u16,
        b's' as u16,
        b'0' as u16,
        0,
    ];
    // The OS may write a 64-bit (big-endian) or a 32-bit value: give it 8 bytes.
    let mut out = [0i32; 2];
    // SAFETY: NUL-terminated medium name and 8 writable bytes.
    Error::check(unsafe { bfile::Bfile_GetMediaFree_OS(media.as_ptr(), out.as_mut_ptr()) })?;
    Ok(if out[1] != 0 {
        ((out[0] as u32 as u64) << 32) | out[1] as u32 as u64
    } else {
        out[0] as u32 as u64
    })
}

/// Calls `f` with the name and size of each entry matching `pattern` (e.g.
/// `\\fls0\*.bin`); stops early if `f` returns `false`.
pub fn find(pattern: &str, mut f: impl FnMut(&str, u32) -> bool) -> Result<()> {
    let pat = Name16::pattern(pattern)?;
    let mut handle = 0i32;
    let mut found = [0u16; super::MAX_PATH + 1];
    let mut info = bfile::FindInfo::default();
    // SAFETY: valid pattern, out-pointers and a buffer of MAX_PATH + 1 units.
    let mut r =
        unsafe { bfile::Bfile_FindFirst(pat.as_ptr(), &mut handle, found.as_mut_ptr(), &mut info) };
    let result = loop {
        match Error::check(r) {
            Err(Error::NotFound | Error::EnumerationEnd) => break Ok(()),
            Err(e) => break Err(e),
            Ok(_) => {}
        }
        let mut name = [0u8; super::MAX_PATH];
        let mut len = 0;
        for (d, &u) in name.iter_mut().zip(found.iter().take_while(|&&u| u != 0)) {
            *d = if u < 0x80 { u as u8 } else { b'?' };
            len += 1;
        }
        if !f(
            core::str::from_utf8(&name[..len]).unwrap_or("?"),
            info.fsize,
        ) {
            break Ok(());
        }
        // SAFETY: as above, with the handle of this search.
        r = unsafe { bfile::Bfile_FindNext(handle, found.as_mut_ptr(), &mut info) };
    };
    // SAFETY: closes the search opened above.
    unsafe { bfile::Bfile_FindClose(handle) };
    result
}
