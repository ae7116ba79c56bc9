//! The two stored copies of the record, through the SDK's [`Storage`].

use cglock::record::{RECORD_LEN, RecordBytes};
use prizm::app::Storage;
use prizm::storage::{self, Error};

/// The storage-memory copy (at the root: Bfile is odd with sub-folders).
pub const BFILE: &str = "\\\\fls0\\CGLOCK.dat";
/// Main-memory folder of the other copy.
pub const MCS_FOLDER: &str = "@CGLOCK";
/// Main-memory item of the other copy.
pub const MCS_ITEM: &str = "Record";
/// Bytes read of a copy: more than a record, so that a longer copy is seen as such.
pub const READ_MAX: usize = RECORD_LEN + 8;

/// What was read of one copy.
enum Read {
    Missing,
    Bytes(usize),
    /// It could not be read: passed on as an empty (truncated) copy, so that the
    /// machine shows the recovery screen and stays locked rather than starting over.
    Unreadable,
}

fn slice(buf: &[u8; READ_MAX], r: Read) -> Option<&[u8]> {
    match r {
        Read::Missing => None,
        Read::Bytes(n) => Some(&buf[..n]),
        Read::Unreadable => Some(&buf[..0]),
    }
}

fn classify(r: storage::Result<usize>) -> Read {
    match r {
        Ok(n) => Read::Bytes(n),
        Err(Error::NotFound) => Read::Missing,
        // Longer than any record: the whole buffer reads as an oversized copy.
        Err(Error::TooBig) => Read::Bytes(READ_MAX),
        Err(_) => Read::Unreadable,
    }
}

/// The storage-memory copy (or, if a replacement was cut short, the new data it left).
pub fn read_storage<'a>(storage: &Storage, buf: &'a mut [u8; READ_MAX]) -> Option<&'a [u8]> {
    let r = classify(storage.read(BFILE, buf));
    slice(buf, r)
}

/// The main-memory copy.
pub fn read_main_memory<'a>(storage: &Storage, buf: &'a mut [u8; READ_MAX]) -> Option<&'a [u8]> {
    let r = classify(storage.read_item(MCS_FOLDER, MCS_ITEM, buf));
    slice(buf, r)
}

/// Writes `bytes` to both copies; returns whether both were written.
pub fn persist(storage: &mut Storage, bytes: &RecordBytes) -> bool {
    // A copy on the stack: Bfile must never write from flash (the SDK's File::write
    // copies again through its own RAM buffer).
    let data: RecordBytes = *bytes;
    let storage_ok = storage.write(BFILE, &data).is_ok();
    let main_ok = storage.write_item(MCS_FOLDER, MCS_ITEM, &data).is_ok();
    storage_ok && main_ok
}
