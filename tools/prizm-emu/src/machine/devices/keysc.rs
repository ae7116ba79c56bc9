//! The key-scan interface (KEYSC, at [`KEYSC_BASE`]): six 16-bit rows of key-matrix
//! bits. Which key is down comes from a [`KeyInput`] that the harness plugs in; the
//! device knows matrix codes only.

use super::Device;
use crate::machine::fault::Fault;

/// Keyboard scan registers (6 x 16-bit rows, then scan control).
pub const KEYSC_BASE: u32 = 0xA44B_0000;
/// Size of the KEYSC register block.
pub const KEYSC_LEN: u32 = 0x20;
/// Bytes of key-matrix rows at the start of the block.
pub const KEYSC_ROWS_LEN: u32 = 12;

/// Who presses the keys, as the scan registers see it.
pub trait KeyInput: Send {
    /// The matrix code (column*10+row, PRGM_GetKey numbering; AC/ON is 10) of the key
    /// down at emulated cycle `now`, `None` when every key is up; `Err(Fault::NoInput)`
    /// when no input is left to give (the read does not complete).
    fn key_down(&mut self, now: u64) -> Result<Option<u8>, Fault>;
}

/// The KEYSC device.
#[derive(Default)]
pub struct KeySc {
    /// Where key presses come from; none: no key is ever down.
    pub input: Option<Box<dyn KeyInput>>,
}

impl std::fmt::Debug for KeySc {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("KeySc")
            .field("input", &self.input.is_some())
            .finish()
    }
}

/// The 12 bytes of the scan registers with the key of matrix code `code` down: six
/// big-endian 16-bit words; row r is in word r/2, column c (1-based) at bit
/// (c-1) + 8*(r%2).
pub fn scan_rows(code: Option<u8>) -> [u8; 12] {
    let mut words = [0u16; 6];
    if let Some(code) = code.filter(|&c| c >= 10) {
        let row = (code % 10) as usize;
        let col = (code / 10) as usize - 1;
        if row / 2 < 6 {
            words[row / 2] |= 1 << (col + 8 * (row & 1));
        }
    }
    let mut b = [0u8; 12];
    for (i, w) in words.iter().enumerate() {
        b[2 * i..2 * i + 2].copy_from_slice(&w.to_be_bytes());
    }
    b
}

impl Device for KeySc {
    fn read(&mut self, off: u32, size: u8, now: u64) -> Result<u32, Fault> {
        if off >= KEYSC_ROWS_LEN {
            return Err(Fault::Unmapped {
                addr: KEYSC_BASE + off,
                size,
                write: false,
            });
        }
        let key = match &mut self.input {
            Some(input) => input.key_down(now)?,
            None => None,
        };
        let b = scan_rows(key);
        let mut v = 0;
        for i in 0..size as usize {
            v = (v << 8) | *b.get(off as usize + i).unwrap_or(&0) as u32;
        }
        Ok(v)
    }

    fn write(&mut self, _off: u32, _size: u8, _v: u32, _now: u64) -> Result<(), Fault> {
        Ok(()) // scan control: ignored
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
    }
}
