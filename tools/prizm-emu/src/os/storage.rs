//! Storage memory ("Bfile", `\\fls0\...`) backed by a host folder (`--storage DIR`):
//! `\\fls0\a\b.txt` is `DIR/a/b.txt`.
//!
//! At most 16 files are open at once; handles are 0-15. Errors are the OS's negative
//! codes (the IML_FILEERR numbering): -1 entry not found, -2 illegal parameter, -3
//! illegal path, -4 device full, -5 no storage (no --storage folder), -8 access denied,
//! -12 no free handle, -13 entry exists, -16 end of enumeration, -19 illegal seek position.
//! ReadFile returns the bytes read, WriteFile the bytes written, SeekFile/TellFile the
//! position. New files are filled with zeros. Storage capacity is [`CAPACITY`] bytes.

use super::{CallResult, Ctx, Entry};
use prizm_abi::os_calls::calls;
use std::path::{Path, PathBuf};

/// The Bfile error codes the emulated calls return (`prizm_abi::storage::bfile_error`).
pub use prizm_abi::storage::bfile_error::{
    ACCESS_DENIED as ERR_ACCESS, ALREADY_EXISTS as ERR_EXISTS, DEVICE_FULL as ERR_FULL,
    ENTRY_FULL as ERR_HANDLES, ENUMERATION_END as ERR_ENUM_END, ILLEGAL_DEVICE as ERR_DEVICE,
    ILLEGAL_PARAM as ERR_PARAM, ILLEGAL_PATH as ERR_PATH, ILLEGAL_SEEK as ERR_SEEK,
    NOT_FOUND as ERR_NOT_FOUND,
};
/// Storage capacity reported by GetMediaFree (16 MiB).
pub const CAPACITY: u64 = 16 << 20;
/// Maximum number of open files.
pub const MAX_HANDLES: usize = prizm_abi::storage::MAX_OPEN_FILES;

/// An open file.
#[derive(Clone, Debug)]
pub struct OpenFile {
    /// Host path.
    pub path: PathBuf,
    /// Contents (written through to the host at every write).
    pub data: Vec<u8>,
    /// Position.
    pub pos: usize,
    /// Opened for writing.
    pub writable: bool,
}

/// An enumeration started by FindFirst.
#[derive(Clone, Debug)]
pub struct Find {
    /// Remaining (name, is_dir, size) entries.
    pub entries: Vec<(String, bool, u64)>,
    /// Next index.
    pub next: usize,
}

/// Storage state.
#[derive(Clone, Debug, Default)]
pub struct StorageState {
    /// Host folder of `\\fls0\`.
    pub root: Option<PathBuf>,
    /// Open files by handle.
    pub handles: [Option<OpenFile>; MAX_HANDLES],
    /// Enumerations by find handle.
    pub finds: Vec<Option<Find>>,
}

impl StorageState {
    /// Host path of a calculator path given as text (`\\fls0\x` or `x`).
    pub fn host_path_str(&self, path: &str) -> Option<PathBuf> {
        let units: Vec<u16> = path.bytes().map(|b| b as u16).collect();
        let full = if path.to_ascii_lowercase().starts_with("\\\\fls0\\") {
            units
        } else {
            "\\\\fls0\\"
                .bytes()
                .map(|b| b as u16)
                .chain(units)
                .collect()
        };
        self.host_path(&full).ok()
    }

    /// Host path of a 16-bit calculator path, or an error code.
    pub fn host_path(&self, name: &[u16]) -> Result<PathBuf, i32> {
        let root = self.root.as_ref().ok_or(ERR_DEVICE)?;
        let s: String = name
            .iter()
            .map(|&u| char::from_u32(u as u32).unwrap_or('?'))
            .collect();
        let lower = s.to_ascii_lowercase();
        let rest = lower
            .strip_prefix("\\\\fls0\\")
            .map(|_| &s[7..])
            .or_else(|| if lower == "\\\\fls0" { Some("") } else { None })
            .ok_or(ERR_PATH)?;
        let mut p = root.clone();
        for part in rest.split('\\').filter(|x| !x.is_empty()) {
            if part == ".." || part == "." || part.contains('/') || part.contains('\0') {
                return Err(ERR_PATH);
            }
            p.push(part);
        }
        Ok(p)
    }
}

/// The storage calls.
pub const CALLS: &[Entry] = &[
    (calls::Bfile_StrToName_ncpy, str_to_name_ncpy),
    (calls::Bfile_NameToStr_ncpy, name_to_str_ncpy),
    (calls::Bfile_OpenFile_OS, open_file),
    (calls::Bfile_CloseFile_OS, close_file),
    (calls::Bfile_CreateEntry_OS, create_entry),
    (calls::Bfile_ReadFile_OS, read_file),
    (calls::Bfile_WriteFile_OS, write_file),
    (calls::Bfile_SeekFile_OS, seek_file),
    (calls::Bfile_TellFile_OS, tell_file),
    (calls::Bfile_GetFileSize_OS, get_file_size),
    (calls::Bfile_DeleteEntry, delete_entry),
    (calls::Bfile_RenameEntry, rename_entry),
    (calls::Bfile_FindFirst, find_first),
    (calls::Bfile_FindNext, find_next),
    (calls::Bfile_FindFirst_NON_SMEM, find_first_non_smem),
    (calls::Bfile_FindNext_NON_SMEM, find_next_non_smem),
    (calls::Bfile_FindClose, find_close),
    (calls::Bfile_GetMediaFree_OS, get_media_free),
    (calls::Bfile_Name_MatchMask, name_match_mask),
];

/// Bfile_Name_MatchMask(mask, name): 1 if the 16-bit `name` matches the 16-bit
/// wildcard `mask` (`*`, `?`, letters compared ignoring case, as Bfile_FindFirst
/// matches), else 0.
fn name_match_mask(e: &mut Ctx) -> CallResult {
    let (m, n) = (e.arg(0)?, e.arg(1)?);
    let narrow = |w: Vec<u16>| -> Vec<u8> {
        w.into_iter()
            .map(|c| if c < 0x100 { c as u8 } else { 0x01 })
            .collect()
    };
    let mask = narrow(e.rd_wstr(m, 512)?);
    let name = narrow(e.rd_wstr(n, 512)?);
    Ok(wildcard(&mask, &name) as u32)
}

fn err(code: i32) -> CallResult {
    Ok(code as u32)
}

fn name_arg(e: &mut Ctx, i: usize) -> Result<Result<PathBuf, i32>, super::Halt> {
    let p = e.arg(i)?;
    if p == 0 {
        return Ok(Err(ERR_PARAM));
    }
    let name = e.rd_wstr(p, 512)?;
    Ok(e.os.storage.host_path(&name))
}

/// Bfile_StrToName_ncpy(u16* dest, const u8* src, n): widens like strncpy (stops at NUL,
/// pads with zeros up to n).
fn str_to_name_ncpy(e: &mut Ctx) -> CallResult {
    let (d, s, n) = (e.arg(0)?, e.arg(1)?, e.arg(2)? as usize);
    let src = e.rd_cstr(s, n)?;
    for i in 0..n.min(4096) {
        e.wr16(d + 2 * i as u32, *src.get(i).unwrap_or(&0) as u16)?;
    }
    Ok(0)
}

/// Bfile_NameToStr_ncpy(u8* dest, const u16* src, n): narrows like strncpy.
fn name_to_str_ncpy(e: &mut Ctx) -> CallResult {
    let (d, s, n) = (e.arg(0)?, e.arg(1)?, e.arg(2)? as usize);
    let src = e.rd_wstr(s, n)?;
    for i in 0..n.min(4096) {
        e.wr8(d + i as u32, *src.get(i).unwrap_or(&0) as u8)?;
    }
    Ok(0)
}

/// Bfile_OpenFile_OS(name, mode, 0): mode 0/1 read, 2 write, 3/4 read-write.
fn open_file(e: &mut Ctx) -> CallResult {
    let path = match name_arg(e, 0)? {
        Ok(p) => p,
        Err(c) => return err(c),
    };
    let mode = e.arg(1)?;
    if mode > 4 {
        return err(ERR_PARAM);
    }
    if !path.is_file() {
        return err(ERR_NOT_FOUND);
    }
    let Some(slot) = e.os.storage.handles.iter().position(|h| h.is_none()) else {
        return err(ERR_HANDLES);
    };
    let data = match std::fs::read(&path) {
        Ok(d) => d,
        Err(_) => return err(ERR_ACCESS),
    };
    e.os.storage.handles[slot] = Some(OpenFile {
        path,
        data,
        pos: 0,
        writable: mode >= 2,
    });
    Ok(slot as u32)
}

fn handle(e: &mut Ctx, i: usize) -> Result<Option<usize>, super::Halt> {
    let h = e.arg(i)? as usize;
    Ok((h < MAX_HANDLES && e.os.storage.handles[h].is_some()).then_some(h))
}

fn close_file(e: &mut Ctx) -> CallResult {
    let Some(h) = handle(e, 0)? else {
        return err(ERR_PARAM);
    };
    e.os.storage.handles[h] = None;
    Ok(0)
}

/// Bfile_CreateEntry_OS(name, mode, int* size): mode 1 a file of *size zero bytes,
/// mode 5 a folder.
fn create_entry(e: &mut Ctx) -> CallResult {
    let path = match name_arg(e, 0)? {
        Ok(p) => p,
        Err(c) => return err(c),
    };
    let (mode, psize) = (e.arg(1)?, e.arg(2)?);
    if path.exists() {
        return err(ERR_EXISTS);
    }
    if !path.parent().is_some_and(Path::is_dir) {
        return err(ERR_PATH);
    }
    match mode {
        1 => {
            let size = if psize == 0 { 0 } else { e.rd32(psize)? } as u64;
            if used_bytes(e) + size > CAPACITY {
                return err(ERR_FULL);
            }
            match std::fs::write(&path, vec![0u8; size as usize]) {
                Ok(()) => Ok(0),
                Err(_) => err(ERR_ACCESS),
            }
        }
        5 => match std::fs::create_dir(&path) {
            Ok(()) => Ok(0),
            Err(_) => err(ERR_ACCESS),
        },
        _ => err(ERR_PARAM),
    }
}

/// Bfile_ReadFile_OS(h, buf, size, readpos): readpos < 0 reads at the position.
fn read_file(e: &mut Ctx) -> CallResult {
    let Some(h) = handle(e, 0)? else {
        return err(ERR_PARAM);
    };
    let (buf, size, readpos) = (e.arg(1)?, e.arg(2)? as i32, e.arg(3)? as i32);
    if size < 0 {
        return err(ERR_PARAM);
    }
    let f = e.os.storage.handles[h].as_mut().unwrap();
    if readpos >= 0 {
        f.pos = readpos as usize;
    }
    let start = f.pos.min(f.data.len());
    let n = (size as usize).min(f.data.len() - start);
    let chunk = f.data[start..start + n].to_vec();
    f.pos = start + n;
    e.wr_bytes(buf, &chunk)?;
    Ok(n as u32)
}

/// Bfile_WriteFile_OS(h, buf, size): writes at the position, growing the file.
fn write_file(e: &mut Ctx) -> CallResult {
    let Some(h) = handle(e, 0)? else {
        return err(ERR_PARAM);
    };
    let (buf, size) = (e.arg(1)?, e.arg(2)? as i32);
    if size < 0 {
        return err(ERR_PARAM);
    }
    if !e.os.storage.handles[h].as_ref().unwrap().writable {
        return err(ERR_ACCESS);
    }
    let bytes = e.rd_bytes(buf, size as usize)?;
    let f = e.os.storage.handles[h].as_mut().unwrap();
    let end = f.pos + bytes.len();
    if end > f.data.len() {
        f.data.resize(end, 0);
    }
    f.data[f.pos..end].copy_from_slice(&bytes);
    f.pos = end;
    if std::fs::write(&f.path, &f.data).is_err() {
        return err(ERR_ACCESS);
    }
    Ok(bytes.len() as u32)
}

fn seek_file(e: &mut Ctx) -> CallResult {
    let Some(h) = handle(e, 0)? else {
        return err(ERR_PARAM);
    };
    let pos = e.arg(1)? as i32;
    let f = e.os.storage.handles[h].as_mut().unwrap();
    if pos < 0 || pos as usize > f.data.len() {
        return err(ERR_SEEK);
    }
    f.pos = pos as usize;
    Ok(pos as u32)
}

fn tell_file(e: &mut Ctx) -> CallResult {
    let Some(h) = handle(e, 0)? else {
        return err(ERR_PARAM);
    };
    Ok(e.os.storage.handles[h].as_ref().unwrap().pos as u32)
}

fn get_file_size(e: &mut Ctx) -> CallResult {
    let Some(h) = handle(e, 0)? else {
        return err(ERR_PARAM);
    };
    Ok(e.os.storage.handles[h].as_ref().unwrap().data.len() as u32)
}

fn delete_entry(e: &mut Ctx) -> CallResult {
    let path = match name_arg(e, 0)? {
        Ok(p) => p,
        Err(c) => return err(c),
    };
    if e.os
        .storage
        .handles
        .iter()
        .flatten()
        .any(|f| f.path == path)
    {
        return err(ERR_ACCESS);
    }
    let r = if path.is_dir() {
        std::fs::remove_dir(&path)
    } else if path.is_file() {
        std::fs::remove_file(&path)
    } else {
        return err(ERR_NOT_FOUND);
    };
    match r {
        Ok(()) => Ok(0),
        Err(_) => err(ERR_ACCESS),
    }
}

fn rename_entry(e: &mut Ctx) -> CallResult {
    let old = match name_arg(e, 0)? {
        Ok(p) => p,
        Err(c) => return err(c),
    };
    let new = match name_arg(e, 1)? {
        Ok(p) => p,
        Err(c) => return err(c),
    };
    if !old.exists() {
        return err(ERR_NOT_FOUND);
    }
    if new.exists() {
        return err(ERR_EXISTS);
    }
    match std::fs::rename(&old, &new) {
        Ok(()) => Ok(0),
        Err(_) => err(ERR_ACCESS),
    }
}

/// Case-insensitive wildcard match (`*`, `?`).
pub fn wildcard(pattern: &[u8], name: &[u8]) -> bool {
    match (pattern.first(), name.first()) {
        (None, None) => true,
        (Some(b'*'), _) => {
            wildcard(&pattern[1..], name) || (!name.is_empty() && wildcard(pattern, &name[1..]))
        }
        (Some(b'?'), Some(_)) => wildcard(&pattern[1..], &name[1..]),
        (Some(p), Some(n)) if p.eq_ignore_ascii_case(n) => wildcard(&pattern[1..], &name[1..]),
        _ => false,
    }
}

fn write_found(
    e: &mut Ctx,
    pfound: u32,
    pinfo: u32,
    entry: &(String, bool, u64),
    id: usize,
) -> Result<(), super::Halt> {
    if pfound != 0 {
        for (i, b) in entry.0.bytes().chain(std::iter::once(0)).enumerate() {
            e.wr16(pfound + 2 * i as u32, b as u16)?;
        }
    }
    if pinfo != 0 {
        e.wr16(pinfo, id as u16)?;
        e.wr16(pinfo + 2, if entry.1 { 0 } else { 1 })?;
        e.wr32(pinfo + 4, entry.2 as u32)?;
        e.wr32(pinfo + 8, entry.2 as u32)?;
        e.wr32(pinfo + 12, 0)?;
        e.wr32(pinfo + 16, 0)?;
    }
    Ok(())
}

/// Bfile_FindFirst(pattern, int* find_handle, u16* found, info*): info gets
/// {id u16, type u16 (0 folder, 1 file), fsize, dsize, property, address}.
fn find_first(e: &mut Ctx) -> CallResult {
    let pat_p = e.arg(0)?;
    let (ph, pfound, pinfo) = (e.arg(1)?, e.arg(2)?, e.arg(3)?);
    let pat = e.rd_wstr(pat_p, 512)?;
    let split = pat
        .iter()
        .rposition(|&c| c == b'\\' as u16)
        .map(|i| i + 1)
        .unwrap_or(0);
    let dir = match e.os.storage.host_path(&pat[..split]) {
        Ok(d) => d,
        Err(c) => return err(c),
    };
    let mask: Vec<u8> = pat[split..].iter().map(|&c| c as u8).collect();
    let Ok(rd) = std::fs::read_dir(&dir) else {
        return err(ERR_NOT_FOUND);
    };
    let mut entries: Vec<(String, bool, u64)> = rd
        .flatten()
        .filter_map(|d| {
            let name = d.file_name().into_string().ok()?;
            let md = d.metadata().ok()?;
            wildcard(&mask, name.as_bytes())
                .then(|| (name, md.is_dir(), if md.is_dir() { 0 } else { md.len() }))
        })
        .collect();
    entries.sort();
    if entries.is_empty() {
        return err(ERR_NOT_FOUND);
    }
    let slot = match e.os.storage.finds.iter().position(|f| f.is_none()) {
        Some(s) => s,
        None => {
            e.os.storage.finds.push(None);
            e.os.storage.finds.len() - 1
        }
    };
    let first = entries[0].clone();
    e.os.storage.finds[slot] = Some(Find { entries, next: 1 });
    if ph != 0 {
        e.wr32(ph, slot as u32)?;
    }
    write_found(e, pfound, pinfo, &first, 0)?;
    Ok(0)
}

fn find_next(e: &mut Ctx) -> CallResult {
    let (h, pfound, pinfo) = (e.arg(0)? as usize, e.arg(1)?, e.arg(2)?);
    let Some(Some(f)) = e.os.storage.finds.get_mut(h) else {
        return err(ERR_PARAM);
    };
    if f.next >= f.entries.len() {
        return err(ERR_ENUM_END);
    }
    let id = f.next;
    let entry = f.entries[id].clone();
    f.next += 1;
    write_found(e, pfound, pinfo, &entry, id)?;
    Ok(0)
}

/// Bfile_FindFirst_NON_SMEM(pattern, int* handle, u16* found, info*): the signature of
/// Bfile_FindFirst (libfxcg include/fxcg/file.h), and the same listing: gbl08ma's
/// utilities (src/fileProvider.cpp) and Eigenmath's file browser call it in its place,
/// and the MQ emulator (system/casiowin.c) treats 0x1DB6 and 0x1DB7 alike.
fn find_first_non_smem(e: &mut Ctx) -> CallResult {
    find_first(e)
}

/// Bfile_FindNext_NON_SMEM(handle, u16* found, info*): Bfile_FindNext's signature
/// (libfxcg include/fxcg/file.h), used after Bfile_FindFirst_NON_SMEM in gbl08ma's
/// utilities (src/fileProvider.cpp) as Bfile_FindNext is after Bfile_FindFirst.
fn find_next_non_smem(e: &mut Ctx) -> CallResult {
    find_next(e)
}

fn find_close(e: &mut Ctx) -> CallResult {
    let h = e.arg(0)? as usize;
    match e.os.storage.finds.get_mut(h) {
        Some(f @ Some(_)) => {
            *f = None;
            Ok(0)
        }
        _ => err(ERR_PARAM),
    }
}

fn used_bytes(e: &Ctx) -> u64 {
    fn walk(p: &Path) -> u64 {
        std::fs::read_dir(p)
            .map(|rd| {
                rd.flatten()
                    .map(|d| match d.metadata() {
                        Ok(m) if m.is_dir() => walk(&d.path()),
                        Ok(m) => m.len(),
                        Err(_) => 0,
                    })
                    .sum()
            })
            .unwrap_or(0)
    }
    e.os.storage.root.as_deref().map(walk).unwrap_or(0)
}

/// Bfile_GetMediaFree_OS(media, free*): writes the free bytes as a 64-bit value.
fn get_media_free(e: &mut Ctx) -> CallResult {
    let p = e.arg(1)?;
    if e.os.storage.root.is_none() {
        return err(ERR_DEVICE);
    }
    let free = CAPACITY.saturating_sub(used_bytes(e));
    e.wr32(p, (free >> 32) as u32)?;
    e.wr32(p + 4, free as u32)?;
    Ok(0)
}
