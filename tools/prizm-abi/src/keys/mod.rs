//! The keyboard: the 50 physical keys and their matrix positions ([`Key`]), the codes
//! `GetKey` returns ([`Keycode`]), and the key-scan registers that report held keys
//! ([`REGISTERS`], [`register_bit`]).

mod key;
mod keycode;

pub use key::{ALPHA_KEYS, Key};
pub use keycode::Keycode;

/// Address of the first key-scan register: six 16-bit words of held keys (KEYSC, P2;
/// docs/hardware.md "Keys": [MQ-keysc], [RW-utilities] and other add-ins use it).
pub const REGISTERS: u32 = 0xA44B_0000;

/// Number of 16-bit words of held keys at [`REGISTERS`].
pub const REGISTER_WORDS: usize = 6;

/// (word, bit) of the key with BASIC code `code` (10 x column + row - 1, see
/// [`Key::prgm_code`]) in the key-scan registers: with row `r = code % 10` and column
/// `c = code / 10 - 1`, word `r / 2`, bit `c + 8 * (r % 2)` (the layout of the Prizm
/// community's `keydown` routine, Cemetech forum p=173836, and of MQ's `keysc.c`).
/// `None` for codes below 10 or past the registers.
pub const fn register_bit(code: u8) -> Option<(usize, u32)> {
    if code < 10 {
        return None;
    }
    let (r, c) = (code % 10, code / 10 - 1);
    if (r / 2) as usize >= REGISTER_WORDS || c >= 8 {
        return None;
    }
    Some(((r / 2) as usize, (c + 8 * (r % 2)) as u32))
}
