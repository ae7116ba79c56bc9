//! A record of the panic being shown, at a fixed symbol, `_prizm_panic` (sh-elf adds the
//! `_`), where an emulator or debugger reads it: `prizm-emu` prints it when an add-in
//! stops on its panic screen.

use core::fmt::Write;

use super::panic_screen::{Truncating, is_out_of_memory};

/// Bytes of text the record keeps (longer texts are cut at a character boundary).
pub const PANIC_TEXT_LEN: usize = 600;

/// The value of [`PanicRecord::magic`] once a panic was recorded ("PANC").
pub const PANIC_MAGIC: u32 = 0x5041_4E43;

/// What the symbol `prizm_panic` holds.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PanicRecord {
    /// [`PANIC_MAGIC`] once a panic was recorded, else 0.
    pub magic: u32,
    /// Bytes of `text` in use.
    pub len: u32,
    /// `file:line:column: message` (or just the message), UTF-8.
    pub text: [u8; PANIC_TEXT_LEN],
}

impl PanicRecord {
    /// An empty record.
    pub const EMPTY: PanicRecord = PanicRecord {
        magic: 0,
        len: 0,
        text: [0; PANIC_TEXT_LEN],
    };

    /// Records `message` at `location` (file, line, column), like the panic screen
    /// shows them (without the place for running out of memory, which is inside
    /// `alloc`).
    pub fn set(&mut self, message: &str, location: Option<(&str, u32, u32)>) {
        let mut t = Truncating::<PANIC_TEXT_LEN>::new();
        if let Some((file, line, column)) = location.filter(|_| !is_out_of_memory(message)) {
            let _ = write!(t, "{file}:{line}:{column}: ");
        }
        let _ = t.write_str(message);
        let s = t.as_str().as_bytes();
        self.text[..s.len()].copy_from_slice(s);
        self.len = s.len() as u32;
        self.magic = PANIC_MAGIC;
    }

    /// The recorded text, if any.
    pub fn text(&self) -> Option<&str> {
        let len = (self.len as usize).min(PANIC_TEXT_LEN);
        (self.magic == PANIC_MAGIC)
            .then(|| core::str::from_utf8(&self.text[..len]).ok())
            .flatten()
    }
}

/// The record (symbol `prizm_panic`).
#[cfg(prizm)]
#[unsafe(no_mangle)]
#[used]
static mut prizm_panic: PanicRecord = PanicRecord::EMPTY;

/// Records the panic being shown (the panic handler calls it once).
#[cfg(prizm)]
pub(crate) fn record(message: &str, location: Option<(&str, u32, u32)>) {
    // SAFETY: one thread; the panic handler runs this once (it does not recurse).
    unsafe { (*(&raw mut prizm_panic)).set(message, location) };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_location_and_message() {
        let mut r = PanicRecord::EMPTY;
        assert_eq!(r.text(), None);
        r.set("index out of bounds", Some(("src/a.rs", 12, 5)));
        assert_eq!(r.text(), Some("src/a.rs:12:5: index out of bounds"));
        r.set("no place", None);
        assert_eq!(r.text(), Some("no place"));
        r.set(
            "memory allocation of 8 bytes failed",
            Some(("alloc.rs", 1, 2)),
        );
        assert_eq!(r.text(), Some("memory allocation of 8 bytes failed"));
    }

    #[test]
    fn long_text_is_cut_at_a_character() {
        let mut r = PanicRecord::EMPTY;
        let long = "é".repeat(400);
        r.set(&long, None);
        let t = r.text().unwrap();
        assert!(t.len() <= PANIC_TEXT_LEN && t.len() >= PANIC_TEXT_LEN - 1);
        assert!(t.chars().all(|c| c == 'é'));
    }
}
