//! OS calls: the storage memory file system ("Bfile", `\\fls0\...`).
//!
//! The table is `prizm_abi::storage_calls!` (tools/prizm-abi/src/os_calls/storage.rs).
use core::ffi::c_void;

/// What [`Bfile_FindFirst`]/[`Bfile_FindNext`] report about an entry.
///
/// Layout as used by gbl08ma's Utilities add-in (`file_type_t`); not in libfxcg.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default)]
pub struct FindInfo {
    /// Entry index.
    pub id: u16,
    /// Entry type (folder or file kind).
    pub kind: u16,
    /// File size in bytes.
    pub fsize: u32,
    /// Data size in bytes.
    pub dsize: u32,
    /// Property bits.
    pub property: u32,
    /// Address of the data.
    pub address: u32,
}

prizm_abi::storage_calls!(crate::os_calls);
