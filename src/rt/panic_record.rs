//! The record of the panic being shown, at a fixed symbol, `_prizm_panic` (sh-elf adds the
//! `_`), where an emulator or debugger reads it: `prizm-emu` prints it when an add-in
//! stops on its panic screen. Its layout ([`PanicRecord`]) is in `prizm_abi::records`,
//! which the emulator reads too.

pub use crate::abi::records::{PANIC_MAGIC, PANIC_TEXT_LEN, PanicRecord};

/// Records `message` at `location` (file, line, column) in `record`, as the panic
/// screen shows them (without the place for running out of memory, which is inside
/// `alloc`).
#[cfg(any(prizm, test))]
pub(crate) fn fill(record: &mut PanicRecord, message: &str, location: Option<(&str, u32, u32)>) {
    use super::panic_screen::{Truncating, is_out_of_memory};
    use core::fmt::Write;
    let mut t = Truncating::<PANIC_TEXT_LEN>::new();
    if let Some((file, line, column)) = location.filter(|_| !is_out_of_memory(message)) {
        let _ = write!(t, "{file}:{line}:{column}: ");
    }
    let _ = t.write_str(message);
    record.store(t.as_str().as_bytes());
}

/// The record (symbol `prizm_panic`, `prizm_abi::records::PANIC_SYMBOL`).
#[cfg(prizm)]
#[unsafe(no_mangle)]
#[used]
static mut prizm_panic: PanicRecord = PanicRecord::EMPTY;

/// Records the panic being shown (the panic handler calls it once).
#[cfg(prizm)]
pub(crate) fn record(message: &str, location: Option<(&str, u32, u32)>) {
    // SAFETY: one thread; the panic handler runs this once (it does not recurse).
    fill(unsafe { &mut *(&raw mut prizm_panic) }, message, location);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_location_and_message() {
        let mut r = PanicRecord::EMPTY;
        assert_eq!(r.text(), None);
        fill(&mut r, "index out of bounds", Some(("src/a.rs", 12, 5)));
        assert_eq!(r.text(), Some("src/a.rs:12:5: index out of bounds"));
        fill(&mut r, "no place", None);
        assert_eq!(r.text(), Some("no place"));
        fill(
            &mut r,
            "memory allocation of 8 bytes failed",
            Some(("alloc.rs", 1, 2)),
        );
        assert_eq!(r.text(), Some("memory allocation of 8 bytes failed"));
    }

    #[test]
    fn long_text_is_cut_at_a_character() {
        let mut r = PanicRecord::EMPTY;
        let long = "é".repeat(400);
        fill(&mut r, &long, None);
        let t = r.text().unwrap();
        assert!(t.len() <= PANIC_TEXT_LEN && t.len() >= PANIC_TEXT_LEN - 1);
        assert!(t.chars().all(|c| c == 'é'));
    }
}
