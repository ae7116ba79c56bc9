//! The storage facts the SDK and the emulator share: the Bfile calls' error codes, how
//! many files may be open, the main memory's name length and size. Sources in
//! docs/hardware.md ("Bfile error codes", "Open files", "MCS names", "Main memory").

/// The negative codes the Bfile calls return, as the fx-9860G SDK's `filebios.h`
/// (`IML_FILEERR_*`) names them ([CASIO-fx9860sdk]; unverified).
pub mod bfile_error {
    /// No such file or folder.
    pub const NOT_FOUND: i32 = -1;
    /// A parameter was wrong (bad handle, mode).
    pub const ILLEGAL_PARAM: i32 = -2;
    /// The path is not valid.
    pub const ILLEGAL_PATH: i32 = -3;
    /// Storage memory is full.
    pub const DEVICE_FULL: i32 = -4;
    /// No such device.
    pub const ILLEGAL_DEVICE: i32 = -5;
    /// Access denied (e.g. writing a file opened read-only).
    pub const ACCESS_DENIED: i32 = -8;
    /// Already locked (open elsewhere).
    pub const ALREADY_LOCKED: i32 = -9;
    /// Permission error.
    pub const PERMISSION: i32 = -11;
    /// Too many entries (or handles).
    pub const ENTRY_FULL: i32 = -12;
    /// The file or folder already exists.
    pub const ALREADY_EXISTS: i32 = -13;
    /// The file is read-only.
    pub const READ_ONLY: i32 = -14;
    /// End of a search.
    pub const ENUMERATION_END: i32 = -16;
    /// Seek outside the file.
    pub const ILLEGAL_SEEK: i32 = -19;
    /// A search is already running.
    pub const FIND_IN_USE: i32 = -30;
    /// Device error.
    pub const DEVICE_ERROR: i32 = -31;
}

/// Files and search handles open at once ([WP-bfile]; unverified).
pub const MAX_OPEN_FILES: usize = 16;

/// Bytes of a main-memory (MCS) folder or item name ([UT-events]; unverified).
pub const MCS_NAME_LEN: usize = 8;
