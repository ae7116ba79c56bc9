//! The records an add-in built with the SDK keeps at fixed symbols for an emulator or a
//! debugger to read: the panic being shown ([`PanicRecord`], symbol [`PANIC_SYMBOL`])
//! and the memory use ([`Usage`], symbol [`USAGE_SYMBOL`]). The SDK writes them, the
//! emulator reads them through this one definition (both `repr(C)`, the same on the
//! calculator and the PC: 4-byte words and bytes only).

/// Bytes of text the panic record keeps (longer texts are cut at a character boundary).
pub const PANIC_TEXT_LEN: usize = 600;

/// The value of [`PanicRecord::magic`] once a panic was recorded ("PANC").
pub const PANIC_MAGIC: u32 = 0x5041_4E43;

/// The ELF symbol of the panic record (the SDK's static `prizm_panic`; sh-elf adds `_`).
pub const PANIC_SYMBOL: &str = "_prizm_panic";

/// What the symbol [`PANIC_SYMBOL`] holds.
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

    /// Stores `text` (at most [`PANIC_TEXT_LEN`] bytes are kept) and marks the record
    /// as set.
    pub fn store(&mut self, text: &[u8]) {
        let n = text.len().min(PANIC_TEXT_LEN);
        self.text[..n].copy_from_slice(&text[..n]);
        self.len = n as u32;
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

/// Byte offsets of the panic record's fields, for readers of the target's memory.
pub mod panic_offsets {
    use super::PanicRecord;
    use core::mem::offset_of;
    /// Offset of [`PanicRecord::magic`].
    pub const MAGIC: u32 = offset_of!(PanicRecord, magic) as u32;
    /// Offset of [`PanicRecord::len`].
    pub const LEN: u32 = offset_of!(PanicRecord, len) as u32;
    /// Offset of [`PanicRecord::text`].
    pub const TEXT: u32 = offset_of!(PanicRecord, text) as u32;
}

/// The value of [`Usage::magic`] once anything was recorded ("USAG").
pub const USAGE_MAGIC: u32 = 0x5553_4147;

/// The ELF symbol of the usage record (the SDK's static `prizm_usage`).
pub const USAGE_SYMBOL: &str = "_prizm_usage";

/// What the symbol [`USAGE_SYMBOL`] holds.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Usage {
    /// [`USAGE_MAGIC`] once anything was recorded.
    pub magic: u32,
    /// Deepest stack use seen, in bytes.
    pub stack_high_water: u32,
    /// Bytes of the global heap.
    pub heap_size: u32,
    /// Most heap bytes ever in use.
    pub heap_high_water: u32,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layout() {
        assert_eq!(
            (
                panic_offsets::MAGIC,
                panic_offsets::LEN,
                panic_offsets::TEXT
            ),
            (0, 4, 8)
        );
        assert_eq!(core::mem::size_of::<PanicRecord>(), 8 + PANIC_TEXT_LEN);
        assert_eq!(core::mem::size_of::<Usage>(), 16);
        let mut r = PanicRecord::EMPTY;
        assert_eq!(r.text(), None);
        r.store(b"boom");
        assert_eq!(r.text(), Some("boom"));
        r.store(&[b'x'; 700]);
        assert_eq!(r.len as usize, PANIC_TEXT_LEN);
    }
}
