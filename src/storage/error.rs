//! [`Error`]: what the Bfile and MCS calls' negative return codes mean.
use core::fmt;

/// A storage error. Bfile codes are those of the fx-9860G SDK's `filebios.h`
/// (`IML_FILEERR_*`), which the Prizm's Bfile calls return as well
/// (`prizm_abi::storage::bfile_error`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Error {
    /// -1: no such file or folder.
    NotFound,
    /// -2: a parameter was wrong.
    IllegalParam,
    /// -3: the path is not valid.
    IllegalPath,
    /// -4: storage memory is full.
    DeviceFull,
    /// -5: no such device.
    IllegalDevice,
    /// -8: access denied.
    AccessDenied,
    /// -9: already locked (open elsewhere).
    AlreadyLocked,
    /// -11: permission error.
    Permission,
    /// -12: too many entries (or handles).
    EntryFull,
    /// -13: the file or folder already exists.
    AlreadyExists,
    /// -14: the file is read-only.
    ReadOnly,
    /// -16: end of a search.
    EnumerationEnd,
    /// -19: seek outside the file.
    IllegalSeek,
    /// -30: a search is already running.
    FindInUse,
    /// -31: device error.
    DeviceError,
    /// Another negative code of the OS.
    Os(i32),
    /// The path or name broke a rule before the OS saw it (the text says which).
    InvalidName(&'static str),
    /// 16 files are open already.
    TooManyOpenFiles,
    /// The data does not fit (file size fixed at creation, or a buffer too small).
    TooBig,
    /// A main-memory (MCS) call failed with this non-zero code.
    Mcs(i32),
}

/// Result of storage operations.
pub type Result<T> = core::result::Result<T, Error>;

impl Error {
    /// The error of a negative Bfile return code.
    pub const fn from_code(code: i32) -> Error {
        use crate::abi::storage::bfile_error as e;
        match code {
            e::NOT_FOUND => Error::NotFound,
            e::ILLEGAL_PARAM => Error::IllegalParam,
            e::ILLEGAL_PATH => Error::IllegalPath,
            e::DEVICE_FULL => Error::DeviceFull,
            e::ILLEGAL_DEVICE => Error::IllegalDevice,
            e::ACCESS_DENIED => Error::AccessDenied,
            e::ALREADY_LOCKED => Error::AlreadyLocked,
            e::PERMISSION => Error::Permission,
            e::ENTRY_FULL => Error::EntryFull,
            e::ALREADY_EXISTS => Error::AlreadyExists,
            e::READ_ONLY => Error::ReadOnly,
            e::ENUMERATION_END => Error::EnumerationEnd,
            e::ILLEGAL_SEEK => Error::IllegalSeek,
            e::FIND_IN_USE => Error::FindInUse,
            e::DEVICE_ERROR => Error::DeviceError,
            c => Error::Os(c),
        }
    }

    /// `Ok(code)` for a non-negative return code, the error otherwise.
    pub const fn check(code: i32) -> Result<i32> {
        if code >= 0 {
            Ok(code)
        } else {
            Err(Error::from_code(code))
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::NotFound => f.write_str("file or folder not found"),
            Error::IllegalParam => f.write_str("invalid parameter"),
            Error::IllegalPath => f.write_str("invalid path"),
            Error::DeviceFull => f.write_str("storage memory full"),
            Error::IllegalDevice => f.write_str("no such device"),
            Error::AccessDenied => f.write_str("access denied"),
            Error::AlreadyLocked => f.write_str("file already in use"),
            Error::Permission => f.write_str("permission denied"),
            Error::EntryFull => f.write_str("too many entries"),
            Error::AlreadyExists => f.write_str("already exists"),
            Error::ReadOnly => f.write_str("read-only file"),
            Error::EnumerationEnd => f.write_str("no more entries"),
            Error::IllegalSeek => f.write_str("seek outside the file"),
            Error::FindInUse => f.write_str("a search is already running"),
            Error::DeviceError => f.write_str("device error"),
            Error::Os(c) => write!(f, "OS error {c}"),
            Error::InvalidName(why) => write!(f, "invalid name: {why}"),
            Error::TooManyOpenFiles => f.write_str("16 files are open already"),
            Error::TooBig => f.write_str("data does not fit"),
            Error::Mcs(c) => write!(f, "main memory error {c}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_map_and_round_trip_through_check() {
        assert_eq!(Error::from_code(-1), Error::NotFound);
        assert_eq!(Error::from_code(-13), Error::AlreadyExists);
        assert_eq!(Error::from_code(-4), Error::DeviceFull);
        assert_eq!(Error::from_code(-99), Error::Os(-99));
        assert_eq!(Error::check(5), Ok(5));
        assert_eq!(Error::check(0), Ok(0));
        assert_eq!(Error::check(-3), Err(Error::IllegalPath));
        for c in -40..0 {
            assert!(Error::check(c).is_err());
        }
    }

    #[test]
    fn messages_say_what_went_wrong() {
        extern crate std;
        use std::string::ToString;
        assert_eq!(Error::DeviceFull.to_string(), "storage memory full");
        assert_eq!(Error::Os(-42).to_string(), "OS error -42");
        assert_eq!(
            Error::InvalidName("empty").to_string(),
            "invalid name: empty"
        );
    }
}
