//! Main memory (MCS): folders of named items. Kept in memory and, with a storage
//! folder, persisted under `DIR/.mcs/<folder>/<item>` after every change (and read from
//! there at start).
//!
//! Return codes: 0 success; 0x40 folder not found; 0x42 folder exists; 0x34 item not
//! found; 0x33 item exists (MCSPutVar2 does not overwrite); 0x31 out of memory; 0x3A bad
//! name. Capacity [`CAPACITY`] bytes.

use super::{CallResult, Ctx, Entry};
use prizm_abi::os_calls::calls;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// Main memory capacity in bytes.
pub const CAPACITY: u32 = 61 * 1024;
const FOLDER_NOT_FOUND: u32 = 0x40;
const FOLDER_EXISTS: u32 = 0x42;
const ITEM_NOT_FOUND: u32 = 0x34;
const ITEM_EXISTS: u32 = 0x33;
const OUT_OF_MEMORY: u32 = 0x31;
const BAD_NAME: u32 = 0x3A;

/// MCS state.
#[derive(Clone, Debug, Default)]
pub struct McsState {
    /// Folders and their items.
    pub folders: BTreeMap<String, BTreeMap<String, Vec<u8>>>,
    /// Whether the persisted copy was read.
    pub loaded: bool,
    /// Item selected by MCSGetDlen2 for MCSGetData1: (folder, item).
    pub open: Option<(String, String)>,
}

/// The MCS calls.
pub const CALLS: &[Entry] = &[
    (calls::MCS_CreateDirectory, create_directory),
    (calls::MCS_DeleteDirectory, delete_directory),
    (calls::MCSPutVar2, put_var2),
    (calls::MCSOvwDat2, ovw_dat2),
    (calls::MCSDelVar2, del_var2),
    (calls::MCSGetDlen2, get_dlen2),
    (calls::MCSGetData1, get_data1),
    (calls::MCSGetOpenItem, get_open_item),
    (calls::MCS_GetState, get_state),
    (calls::MCS_GetCapa, get_capa),
];

fn mcs_dir(e: &Ctx) -> Option<PathBuf> {
    e.os.storage.root.as_ref().map(|r| r.join(".mcs"))
}

fn ensure_loaded(e: &mut Ctx) {
    if e.os.mcs.loaded {
        return;
    }
    e.os.mcs.loaded = true;
    let Some(dir) = mcs_dir(e) else { return };
    let Ok(rd) = std::fs::read_dir(&dir) else {
        return;
    };
    for d in rd.flatten() {
        let Ok(folder) = d.file_name().into_string() else {
            continue;
        };
        let mut items = BTreeMap::new();
        if let Ok(rd2) = std::fs::read_dir(d.path()) {
            for f in rd2.flatten() {
                if let (Ok(name), Ok(data)) = (f.file_name().into_string(), std::fs::read(f.path()))
                {
                    items.insert(name, data);
                }
            }
        }
        e.os.mcs.folders.insert(folder, items);
    }
}

/// Writes the whole main memory to the storage folder (when there is one).
fn persist(e: &Ctx) {
    let Some(dir) = mcs_dir(e) else { return };
    let _ = std::fs::remove_dir_all(&dir);
    for (folder, items) in &e.os.mcs.folders {
        let fd = dir.join(folder);
        if std::fs::create_dir_all(&fd).is_err() {
            eprintln!("prizm-emu: cannot write main memory to {}", fd.display());
            return;
        }
        for (name, data) in items {
            let _ = std::fs::write(fd.join(name), data);
        }
    }
}

fn name(e: &mut Ctx, i: usize) -> Result<Option<String>, super::Halt> {
    let p = e.arg(i)?;
    if p == 0 {
        return Ok(None);
    }
    let b = e.rd_cstr(p, 16)?;
    let s: String = b.iter().map(|&c| c as char).collect();
    let ok = !s.is_empty()
        && s.len() <= prizm_abi::storage::MCS_NAME_LEN
        && !s.contains(['/', '\\', '\0'])
        && s != "."
        && s != "..";
    Ok(ok.then_some(s))
}

fn used(e: &Ctx) -> u32 {
    e.os.mcs
        .folders
        .values()
        .flat_map(|f| f.values())
        .map(|d| d.len() as u32 + 16)
        .sum()
}

fn create_directory(e: &mut Ctx) -> CallResult {
    ensure_loaded(e);
    let Some(dir) = name(e, 0)? else {
        return Ok(BAD_NAME);
    };
    if e.os.mcs.folders.contains_key(&dir) {
        return Ok(FOLDER_EXISTS);
    }
    e.os.mcs.folders.insert(dir, BTreeMap::new());
    persist(e);
    Ok(0)
}

fn delete_directory(e: &mut Ctx) -> CallResult {
    ensure_loaded(e);
    let Some(dir) = name(e, 0)? else {
        return Ok(BAD_NAME);
    };
    if e.os.mcs.folders.remove(&dir).is_none() {
        return Ok(FOLDER_NOT_FOUND);
    }
    persist(e);
    Ok(0)
}

/// MCSPutVar2(dir, item, len, buf): creates an item (fails if it exists).
fn put_var2(e: &mut Ctx) -> CallResult {
    ensure_loaded(e);
    let (Some(dir), Some(item)) = (name(e, 0)?, name(e, 1)?) else {
        return Ok(BAD_NAME);
    };
    let (len, buf) = (e.arg(2)? as usize, e.arg(3)?);
    let Some(f) = e.os.mcs.folders.get(&dir) else {
        return Ok(FOLDER_NOT_FOUND);
    };
    if f.contains_key(&item) {
        return Ok(ITEM_EXISTS);
    }
    if used(e) + len as u32 + 16 > CAPACITY {
        return Ok(OUT_OF_MEMORY);
    }
    let data = e.rd_bytes(buf, len)?;
    e.os.mcs.folders.get_mut(&dir).unwrap().insert(item, data);
    persist(e);
    Ok(0)
}

/// MCSOvwDat2(dir, item, len, buf, offset): writes into an item at `offset`, creating
/// or growing it as needed.
fn ovw_dat2(e: &mut Ctx) -> CallResult {
    ensure_loaded(e);
    let (Some(dir), Some(item)) = (name(e, 0)?, name(e, 1)?) else {
        return Ok(BAD_NAME);
    };
    let (len, buf, off) = (e.arg(2)? as usize, e.arg(3)?, e.arg(4)? as usize);
    if !e.os.mcs.folders.contains_key(&dir) {
        return Ok(FOLDER_NOT_FOUND);
    }
    let bytes = e.rd_bytes(buf, len)?;
    let grow = (off + len).saturating_sub(e.os.mcs.folders[&dir].get(&item).map_or(0, |d| d.len()));
    if used(e) + grow as u32 + 16 > CAPACITY {
        return Ok(OUT_OF_MEMORY);
    }
    let d =
        e.os.mcs
            .folders
            .get_mut(&dir)
            .unwrap()
            .entry(item)
            .or_default();
    if d.len() < off + len {
        d.resize(off + len, 0);
    }
    d[off..off + len].copy_from_slice(&bytes);
    persist(e);
    Ok(0)
}

fn del_var2(e: &mut Ctx) -> CallResult {
    ensure_loaded(e);
    let (Some(dir), Some(item)) = (name(e, 0)?, name(e, 1)?) else {
        return Ok(BAD_NAME);
    };
    let Some(f) = e.os.mcs.folders.get_mut(&dir) else {
        return Ok(FOLDER_NOT_FOUND);
    };
    if f.remove(&item).is_none() {
        return Ok(ITEM_NOT_FOUND);
    }
    persist(e);
    Ok(0)
}

/// MCSGetDlen2(dir, item, int* len): the item's length; selects it for MCSGetData1.
fn get_dlen2(e: &mut Ctx) -> CallResult {
    ensure_loaded(e);
    let (Some(dir), Some(item)) = (name(e, 0)?, name(e, 1)?) else {
        return Ok(BAD_NAME);
    };
    let p = e.arg(2)?;
    let Some(f) = e.os.mcs.folders.get(&dir) else {
        return Ok(FOLDER_NOT_FOUND);
    };
    let Some(d) = f.get(&item) else {
        return Ok(ITEM_NOT_FOUND);
    };
    let len = d.len() as u32;
    e.os.mcs.open = Some((dir, item));
    if p != 0 {
        e.wr32(p, len)?;
    }
    Ok(0)
}

/// MCSGetData1(offset, len, buf): copies from the item selected by MCSGetDlen2.
fn get_data1(e: &mut Ctx) -> CallResult {
    let (off, len, buf) = (e.arg(0)? as usize, e.arg(1)? as usize, e.arg(2)?);
    let Some((dir, item)) = e.os.mcs.open.clone() else {
        return Ok(ITEM_NOT_FOUND);
    };
    let Some(d) = e.os.mcs.folders.get(&dir).and_then(|f| f.get(&item)) else {
        return Ok(ITEM_NOT_FOUND);
    };
    let start = off.min(d.len());
    let chunk = d[start..(start + len).min(d.len())].to_vec();
    e.wr_bytes(buf, &chunk)?;
    Ok(0)
}

fn get_open_item(e: &mut Ctx) -> CallResult {
    let p = e.arg(0)?;
    let Some((_, item)) = e.os.mcs.open.clone() else {
        return Ok(ITEM_NOT_FOUND);
    };
    let mut b = item.into_bytes();
    b.push(0);
    e.wr_bytes(p, &b)?;
    Ok(0)
}

/// MCS_GetState(int* max, int* used, int* free).
fn get_state(e: &mut Ctx) -> CallResult {
    ensure_loaded(e);
    let u = used(e);
    let p = [e.arg(0)?, e.arg(1)?, e.arg(2)?];
    for (p, v) in p.into_iter().zip([CAPACITY, u, CAPACITY - u.min(CAPACITY)]) {
        if p != 0 {
            e.wr32(p, v)?;
        }
    }
    Ok(0)
}

/// MCS_GetCapa(int* used): bytes in use.
fn get_capa(e: &mut Ctx) -> CallResult {
    ensure_loaded(e);
    let p = e.arg(0)?;
    let u = used(e);
    if p != 0 {
        e.wr32(p, u)?;
    }
    Ok(0)
}
