//! The key-scan interface (KEYSC, at [`KEYSC_BASE`]): six 16-bit rows of key-matrix
//! bits, then the scan control registers. Which keys are down comes from a [`KeyInput`]
//! that the harness plugs in; the device knows matrix codes only.
//!
//! The control registers, their writable bits and the values CASIO's OS sets, from the
//! Vhex project's KEYSC notes (`hardware/sh7305/keysc.md`, by Yatis: KIUCNTREG +0x0C,
//! bits 0x8003, OS value 0x8000; KIAUTOFIXREG +0x0E, 0x8077, 0x8042; KIUMODEREG +0x10,
//! 0x0E00, 0x0200; KIUSTATEREG +0x12, read-only 0; KIUINTREG +0x14, 0xEF00 writable and
//! bits 6-0 a read-only status, 0x4800; KIUWSETREG +0x16, 0x7FFF, 0; KIUINTERVALREG
//! +0x18, 0xFFFF, 0x0098; KOUTPINSET +0x1A, 0x0FFF, 0x0FFF; KINPINSET +0x1C, 0x00FF,
//! 0x00FF) and the Vhex kernel's `sh7305_keysc` driver, which saves and restores them
//! all. They read back what was written; the scan itself (rows) does not depend on
//! them, and the KEYSC interrupt (0xBE0) is not raised: gint and the OS's key
//! functions add-ins call read the rows.

use super::Device;
use crate::machine::fault::Fault;

/// Keyboard scan registers (6 x 16-bit rows, then scan control): `prizm_abi::keys`.
pub const KEYSC_BASE: u32 = prizm_abi::keys::REGISTERS;
/// Size of the KEYSC register block.
pub const KEYSC_LEN: u32 = 0x20;
/// Bytes of key-matrix rows at the start of the block.
pub const KEYSC_ROWS_LEN: u32 = 2 * prizm_abi::keys::REGISTER_WORDS as u32;

/// Who presses the keys, as the scan registers see it.
pub trait KeyInput: Send {
    /// The keys down at emulated cycle `now` (none: every key is up);
    /// `Err(Fault::NoInput)` when no input is left to give (the read does not complete).
    fn keys_down(&mut self, now: u64) -> Result<KeysDown, Fault>;
}

/// A set of keys held down together, by matrix code (column*10+row, PRGM_GetKey
/// numbering; AC/ON is 10).
///
/// ```
/// use prizm_emu::machine::devices::keysc::KeysDown;
/// let keys: KeysDown = [38, 28].into_iter().collect();
/// assert!(keys.contains(28) && !keys.contains(27));
/// assert_eq!(keys.iter().collect::<Vec<_>>(), [28, 38]);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct KeysDown(u128);

impl KeysDown {
    /// Adds the key of matrix code `code` (codes from 128 up name no key and are left out).
    pub fn insert(&mut self, code: u8) {
        if code < 128 {
            self.0 |= 1 << code;
        }
    }

    /// Whether the key of matrix code `code` is down.
    pub fn contains(self, code: u8) -> bool {
        code < 128 && self.0 & (1 << code) != 0
    }

    /// The matrix codes down, lowest first.
    pub fn iter(self) -> impl Iterator<Item = u8> {
        let mut bits = self.0;
        std::iter::from_fn(move || {
            let c = bits.trailing_zeros();
            bits &= bits.wrapping_sub(1);
            (c < 128).then_some(c as u8)
        })
    }
}

impl FromIterator<u8> for KeysDown {
    fn from_iter<I: IntoIterator<Item = u8>>(codes: I) -> Self {
        let mut keys = KeysDown::default();
        for c in codes {
            keys.insert(c);
        }
        keys
    }
}

/// Offset of the first control register (KIUCNTREG).
const CTRL_BASE: u32 = 0x0C;
/// (writable bits, value after the OS's set-up) of the control registers from +0x0C.
const CTRL: [(u16, u16); 9] = [
    (0x8003, 0x8000), // KIUCNTREG
    (0x8077, 0x8042), // KIAUTOFIXREG
    (0x0E00, 0x0200), // KIUMODEREG
    (0x0000, 0x0000), // KIUSTATEREG
    (0xEF00, 0x4800), // KIUINTREG
    (0x7FFF, 0x0000), // KIUWSETREG
    (0xFFFF, 0x0098), // KIUINTERVALREG
    (0x0FFF, 0x0FFF), // KOUTPINSET
    (0x00FF, 0x00FF), // KINPINSET
];

/// The KEYSC device.
pub struct KeySc {
    /// Where key presses come from; none: no key is ever down.
    pub input: Option<Box<dyn KeyInput>>,
    /// The control registers from +0x0C.
    pub ctrl: [u16; 9],
}

impl Default for KeySc {
    fn default() -> Self {
        KeySc {
            input: None,
            ctrl: CTRL.map(|c| c.1),
        }
    }
}

impl std::fmt::Debug for KeySc {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("KeySc")
            .field("input", &self.input.is_some())
            .field("ctrl", &self.ctrl)
            .finish()
    }
}

/// The 12 bytes of the scan registers with the keys of matrix codes `codes` down: six
/// big-endian 16-bit words, each key's bit set as `prizm_abi::keys::register_bit` places
/// it.
pub fn scan_rows(codes: impl IntoIterator<Item = u8>) -> [u8; KEYSC_ROWS_LEN as usize] {
    let mut words = [0u16; prizm_abi::keys::REGISTER_WORDS];
    for (w, b) in codes.into_iter().filter_map(prizm_abi::keys::register_bit) {
        words[w] |= 1 << b;
    }
    let mut b = [0u8; KEYSC_ROWS_LEN as usize];
    for (i, w) in words.iter().enumerate() {
        b[2 * i..2 * i + 2].copy_from_slice(&w.to_be_bytes());
    }
    b
}

impl Device for KeySc {
    fn read(&mut self, off: u32, size: u8, now: u64) -> Result<u32, Fault> {
        // Any size, as the bus splits a wide read over neighbouring registers (add-ins
        // memcpy the block): the rows, then the control registers, big-endian.
        if off + size as u32 > CTRL_BASE + 2 * CTRL.len() as u32 {
            return Err(Fault::Unmapped {
                addr: KEYSC_BASE + off,
                size,
                write: false,
            });
        }
        let rows = if off < KEYSC_ROWS_LEN {
            let keys = match &mut self.input {
                Some(input) => input.keys_down(now)?,
                None => KeysDown::default(),
            };
            scan_rows(keys.iter())
        } else {
            [0; KEYSC_ROWS_LEN as usize]
        };
        let byte = |a: u32| -> u32 {
            if a < KEYSC_ROWS_LEN {
                rows[a as usize] as u32
            } else {
                let r = self.ctrl[(a - CTRL_BASE) as usize / 2];
                (if a.is_multiple_of(2) {
                    r >> 8
                } else {
                    r & 0xFF
                }) as u32
            }
        };
        Ok((off..off + size as u32).fold(0, |v, a| (v << 8) | byte(a)))
    }

    fn write(&mut self, off: u32, size: u8, v: u32, _now: u64) -> Result<(), Fault> {
        if off < KEYSC_ROWS_LEN {
            return Ok(()); // the rows are read-only
        }
        if size == 2 && off >= CTRL_BASE && ((off - CTRL_BASE) as usize) < 2 * CTRL.len() {
            let i = (off - CTRL_BASE) as usize / 2;
            self.ctrl[i] = v as u16 & CTRL[i].0;
            return Ok(());
        }
        Err(Fault::Unmapped {
            addr: KEYSC_BASE + off,
            size,
            write: true,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matrix_layout() {
        let b = scan_rows(Some(10)); // AC/ON
        assert_eq!(b[1], 1);
        let b = scan_rows(Some(31)); // EXE: col 3 row 1 -> word 0, bit 2+8
        assert_eq!(u16::from_be_bytes([b[0], b[1]]), 1 << 10);
        assert_eq!(scan_rows(None), [0; 12]);
        // Two keys down at once: both bits.
        let b = scan_rows([10, 31]);
        assert_eq!(u16::from_be_bytes([b[0], b[1]]), (1 << 10) | 1);
    }

    #[test]
    fn control_registers_read_back() {
        let mut k = KeySc::default();
        assert_eq!(k.read(0x0C, 2, 0).unwrap(), 0x8000);
        assert_eq!(k.read(0x18, 2, 0).unwrap(), 0x0098);
        k.write(0x0C, 2, 0xFFFF, 0).unwrap();
        assert_eq!(k.read(0x0C, 2, 0).unwrap(), 0x8003);
        k.write(0x14, 2, 0xFFFF, 0).unwrap(); // status bits are read-only
        assert_eq!(k.read(0x14, 2, 0).unwrap(), 0xEF00);
        k.write(0x12, 2, 0xFFFF, 0).unwrap();
        assert_eq!(k.read(0x12, 2, 0).unwrap(), 0);
        k.write(0x1C, 2, 0x7E, 0).unwrap();
        assert_eq!(k.read(0x1C, 2, 0).unwrap(), 0x7E);
        // Rows still read the keys; nothing beyond KINPINSET.
        assert_eq!(k.read(0, 2, 0).unwrap(), 0);
        assert!(k.read(0x1E, 2, 0).is_err());
        // Byte and long reads, as memcpy does them.
        assert_eq!(k.read(0x0C, 1, 0).unwrap(), 0x80);
        assert_eq!(k.read(0x0D, 1, 0).unwrap(), 0x03);
        assert_eq!(k.read(0x18, 4, 0).unwrap(), 0x0098_0FFF);
        assert_eq!(k.read(0x08, 4, 0).unwrap(), 0);
    }
}
