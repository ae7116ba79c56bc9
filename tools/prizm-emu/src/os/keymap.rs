//! The calculator's keys as key scripts name them (`EXE`, `F1`, `A`...), with their
//! position in the key matrix and the code GetKey returns for them, both from
//! `prizm_abi::keys` (the names are the emulator's own).

use prizm_abi::keys::{ALPHA_KEYS, Key as Abi};

/// A physical key: its name, its matrix code (column*10+row as in the PRGM_GetKey
/// numbering: column 1 is the right-most, row 1 the bottom; AC/ON is 10) and the code
/// GetKey returns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Key {
    /// Script name.
    pub name: &'static str,
    /// Matrix code (PRGM_GetKey numbering).
    pub matrix: u8,
    /// GetKey code (KEY_CHAR_* / KEY_CTRL_*).
    pub getkey: u16,
    /// Whether it stands for ALPHA followed by a key (letters).
    pub alpha: bool,
}

/// The key named `name` (a script name), pressed alone.
const fn k(name: &'static str, key: Abi) -> Key {
    Key {
        name,
        matrix: key.prgm_code(),
        getkey: key.keycode().to_getkey(),
        alpha: false,
    }
}

/// Letter `i` (A = 0): ALPHA and then its key ([`ALPHA_KEYS`]).
const fn l(i: usize) -> Key {
    Key {
        name: LETTERS[i],
        matrix: ALPHA_KEYS[i].prgm_code(),
        getkey: b'A' as u16 + i as u16,
        alpha: true,
    }
}

/// The letters' script names.
const LETTERS: [&str; 26] = [
    "A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "O", "P", "Q", "R", "S",
    "T", "U", "V", "W", "X", "Y", "Z",
];

/// Every key the script knows: the script's names for the keys of `prizm_abi::keys`
/// (matrix positions and GetKey codes come from there), then the ALPHA letters.
pub const KEYS: &[Key] = &[
    k("0", Abi::Num0),
    k("1", Abi::Num1),
    k("2", Abi::Num2),
    k("3", Abi::Num3),
    k("4", Abi::Num4),
    k("5", Abi::Num5),
    k("6", Abi::Num6),
    k("7", Abi::Num7),
    k("8", Abi::Num8),
    k("9", Abi::Num9),
    k("EXE", Abi::Exe),
    k("EXIT", Abi::Exit),
    k("MENU", Abi::Menu),
    k("AC", Abi::AcOn),
    k("DEL", Abi::Del),
    k("SHIFT", Abi::Shift),
    k("ALPHA", Abi::Alpha),
    k("OPTN", Abi::Optn),
    k("VARS", Abi::Vars),
    k("F1", Abi::F1),
    k("F2", Abi::F2),
    k("F3", Abi::F3),
    k("F4", Abi::F4),
    k("F5", Abi::F5),
    k("F6", Abi::F6),
    k("UP", Abi::Up),
    k("DOWN", Abi::Down),
    k("LEFT", Abi::Left),
    k("RIGHT", Abi::Right),
    k("XTT", Abi::XThetaT),
    k("LOG", Abi::Log),
    k("LN", Abi::Ln),
    k("SIN", Abi::Sin),
    k("COS", Abi::Cos),
    k("TAN", Abi::Tan),
    k("FRAC", Abi::Frac),
    k("FD", Abi::FD),
    k("LPAR", Abi::LParen),
    k("RPAR", Abi::RParen),
    k("COMMA", Abi::Comma),
    k("STORE", Abi::Store),
    k("SQUARE", Abi::Square),
    k("POW", Abi::Power),
    k("DOT", Abi::Dot),
    k("EXP", Abi::Exp),
    k("NEG", Abi::Neg),
    k("PLUS", Abi::Plus),
    k("MINUS", Abi::Minus),
    k("MUL", Abi::Mul),
    k("DIV", Abi::Div),
    l(0),
    l(1),
    l(2),
    l(3),
    l(4),
    l(5),
    l(6),
    l(7),
    l(8),
    l(9),
    l(10),
    l(11),
    l(12),
    l(13),
    l(14),
    l(15),
    l(16),
    l(17),
    l(18),
    l(19),
    l(20),
    l(21),
    l(22),
    l(23),
    l(24),
    l(25),
];

/// Looks a key up by script name (case-insensitive).
pub fn key_by_name(name: &str) -> Option<Key> {
    KEYS.iter()
        .find(|k| k.name.eq_ignore_ascii_case(name))
        .copied()
}

/// Looks a key up by matrix code.
pub fn key_by_matrix(code: u8) -> Option<Key> {
    KEYS.iter().find(|k| k.matrix == code && !k.alpha).copied()
}
