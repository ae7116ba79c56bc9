//! The hardware ID and the two stored copies of the record.

use cglock::hash::{HARDWARE_ID_LEN, HardwareId};
use cglock::record::{RECORD_LEN, RecordBytes};
use prizm::storage::{self, Error, mcs};

/// The storage-memory copy (at the root: Bfile is odd with sub-folders).
pub const BFILE: &str = "\\\\fls0\\CGLOCK.dat";
/// Main-memory folder of the other copy.
pub const MCS_FOLDER: &str = "@CGLOCK";
/// Main-memory item of the other copy.
pub const MCS_ITEM: &str = "Record";
/// Bytes read of a copy: more than a record, so that a longer copy is seen as such.
pub const READ_MAX: usize = RECORD_LEN + 8;

/// Where the boot code keeps the calculator's 8-byte ID (`prizm::abi::memory`, with its
/// sources).
const HARDWARE_ID: usize = prizm::abi::memory::HARDWARE_ID as usize;

/// The calculator's 8-byte ID, which salts the code hash (as in the original).
pub fn hardware_id() -> HardwareId {
    let mut id = [0u8; HARDWARE_ID_LEN];
    for (i, b) in id.iter_mut().enumerate() {
        // SAFETY: the boot code's area of flash is always mapped and readable.
        *b = unsafe { ((HARDWARE_ID + i) as *const u8).read_volatile() };
    }
    id
}

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

/// The storage-memory copy. If it is missing but a replacement was cut short, the new
/// data left in the temporary file is read.
pub fn read_storage(buf: &mut [u8; READ_MAX]) -> Option<&[u8]> {
    let mut r = classify(storage::read_file(BFILE, buf));
    if let Read::Missing = r
        && let Ok(temp) = storage::temp_path(BFILE)
    {
        r = classify(storage::read_file(&temp, buf));
    }
    slice(buf, r)
}

/// The main-memory copy.
pub fn read_main_memory(buf: &mut [u8; READ_MAX]) -> Option<&[u8]> {
    let r = classify(mcs::read(MCS_FOLDER, MCS_ITEM, buf));
    slice(buf, r)
}

/// Writes `bytes` to both copies; returns whether both were written.
pub fn persist(bytes: &RecordBytes) -> bool {
    // A copy on the stack: Bfile must never write from flash (the SDK's File::write
    // copies again through its own RAM buffer).
    let data: RecordBytes = *bytes;
    let storage_ok = storage::replace(BFILE, &data).is_ok();
    let main_ok = mcs::create_folder(MCS_FOLDER)
        .and_then(|()| mcs::replace(MCS_FOLDER, MCS_ITEM, &data))
        .is_ok();
    storage_ok && main_ok
}
