//! The calculator's keys: each one's name (as key scripts spell it), its position in
//! the key matrix and the code GetKey returns for it.

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

const fn k(name: &'static str, matrix: u8, getkey: u16) -> Key {
    Key {
        name,
        matrix,
        getkey,
        alpha: false,
    }
}
const fn l(name: &'static str, matrix: u8) -> Key {
    Key {
        name,
        matrix,
        getkey: name.as_bytes()[0] as u16,
        alpha: true,
    }
}

/// Every key the script knows.
pub const KEYS: &[Key] = &[
    k("0", 71, 0x30),
    k("1", 72, 0x31),
    k("2", 62, 0x32),
    k("3", 52, 0x33),
    k("4", 73, 0x34),
    k("5", 63, 0x35),
    k("6", 53, 0x36),
    k("7", 74, 0x37),
    k("8", 64, 0x38),
    k("9", 54, 0x39),
    k("EXE", 31, 30004),
    k("EXIT", 47, 30002),
    k("MENU", 48, 30003),
    k("AC", 10, 30015),
    k("DEL", 44, 30025),
    k("SHIFT", 78, 30006),
    k("ALPHA", 77, 30007),
    k("OPTN", 68, 30008),
    k("VARS", 58, 30016),
    k("F1", 79, 30009),
    k("F2", 69, 30010),
    k("F3", 59, 30011),
    k("F4", 49, 30012),
    k("F5", 39, 30013),
    k("F6", 29, 30014),
    k("UP", 28, 30018),
    k("DOWN", 37, 30023),
    k("LEFT", 38, 30020),
    k("RIGHT", 27, 30021),
    k("XTT", 76, 30001),
    k("LOG", 66, 0x95),
    k("LN", 56, 0x85),
    k("SIN", 46, 0x81),
    k("COS", 36, 0x82),
    k("TAN", 26, 0x83),
    k("FRAC", 75, 0xbb),
    k("FD", 65, 30046),
    k("LPAR", 55, 0x28),
    k("RPAR", 45, 0x29),
    k("COMMA", 35, 0x2c),
    k("STORE", 25, 0x0e),
    k("SQUARE", 67, 0x8b),
    k("POW", 57, 0xa8),
    k("DOT", 61, 0x2e),
    k("EXP", 51, 0x0f),
    k("NEG", 41, 0x87),
    k("PLUS", 42, 0x89),
    k("MINUS", 32, 0x99),
    k("MUL", 43, 0xa9),
    k("DIV", 33, 0xb9),
    l("A", 76),
    l("B", 66),
    l("C", 56),
    l("D", 46),
    l("E", 36),
    l("F", 26),
    l("G", 75),
    l("H", 65),
    l("I", 55),
    l("J", 45),
    l("K", 35),
    l("L", 25),
    l("M", 74),
    l("N", 64),
    l("O", 54),
    l("P", 73),
    l("Q", 63),
    l("R", 53),
    l("S", 43),
    l("T", 33),
    l("U", 72),
    l("V", 62),
    l("W", 52),
    l("X", 42),
    l("Y", 32),
    l("Z", 71),
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
