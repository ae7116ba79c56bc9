//! The high score in storage memory (`\\fls0\BLOCKS.sav`, layout in `blocks::save`).

use blocks::save;
use prizm::app::Storage;

/// The saved high score; 0 when there is none or the file is damaged (it is then
/// replaced by the next save).
pub fn load(storage: &Storage) -> u32 {
    let mut buf = [0u8; save::LEN + 1];
    match storage.read(save::FILE, &mut buf) {
        Ok(n) => save::decode(&buf[..n]).unwrap_or(0),
        Err(_) => 0,
    }
}

/// Saves `high`; returns whether it was written.
pub fn save(storage: &mut Storage, high: u32) -> bool {
    storage.write(save::FILE, &save::encode(high)).is_ok()
}
