//! [`Key`]: the 50 physical keys, their place in the key matrix and their Casio BASIC
//! (`Getkey`, `PRGM_GetKey`) codes.
//!
//! Matrix positions (column, row) are those of `GetKeyWait_OS` and
//! `Keyboard_PutKeycode`, from WikiPrizm's "Keycode Reference": columns 7 (left) to 2
//! (right), rows 0x0A (F-keys) down to 0x02 (0 . EXP (-) EXE); AC/ON alone at (1, 1).
//! The BASIC code is `10 * column + row - 1` (F1 = 79, EXE = 31, AC/ON = 10).
//! Sources: docs/hardware.md, "Keys" ([WP-keys], [MQ-keysc], [LFX-kbd]).

use super::Keycode;

macro_rules! keys {
    ($($name:ident = ($col:literal, $row:literal), $code:expr, $doc:literal;)*) => {
        /// A physical key of the fx-CG keyboard.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Key {
            $(#[doc = $doc] $name,)*
        }

        impl Key {
            /// Every key, top-left to bottom-right.
            pub const ALL: [Key; 50] = [$(Key::$name),*];

            /// (column, row) in the key matrix.
            pub const fn matrix(self) -> (u8, u8) {
                match self { $(Key::$name => ($col, $row),)* }
            }

            /// The code `GetKey` returns for the key pressed alone (no SHIFT or ALPHA).
            pub const fn keycode(self) -> Keycode {
                match self { $(Key::$name => $code,)* }
            }
        }
    };
}

keys! {
    F1 = (7, 0x0A), Keycode::F1, "F1.";
    F2 = (6, 0x0A), Keycode::F2, "F2.";
    F3 = (5, 0x0A), Keycode::F3, "F3.";
    F4 = (4, 0x0A), Keycode::F4, "F4.";
    F5 = (3, 0x0A), Keycode::F5, "F5.";
    F6 = (2, 0x0A), Keycode::F6, "F6.";
    Shift = (7, 9), Keycode::Shift, "SHIFT.";
    Optn = (6, 9), Keycode::Optn, "OPTN.";
    Vars = (5, 9), Keycode::Vars, "VARS.";
    Menu = (4, 9), Keycode::Menu, "MENU.";
    Left = (3, 9), Keycode::Left, "Left arrow.";
    Up = (2, 9), Keycode::Up, "Up arrow.";
    Alpha = (7, 8), Keycode::Alpha, "ALPHA.";
    Square = (6, 8), Keycode::Char(0x8B), "x squared.";
    Power = (5, 8), Keycode::Char(0xA8), "^.";
    Exit = (4, 8), Keycode::Exit, "EXIT.";
    Down = (3, 8), Keycode::Down, "Down arrow.";
    Right = (2, 8), Keycode::Right, "Right arrow.";
    XThetaT = (7, 7), Keycode::XThetaT, "X,θ,T.";
    Log = (6, 7), Keycode::Char(0x95), "log.";
    Ln = (5, 7), Keycode::Char(0x85), "ln.";
    Sin = (4, 7), Keycode::Char(0x81), "sin.";
    Cos = (3, 7), Keycode::Char(0x82), "cos.";
    Tan = (2, 7), Keycode::Char(0x83), "tan.";
    Frac = (7, 6), Keycode::Char(0xBB), "a b/c.";
    FD = (6, 6), Keycode::Fd, "F<->D.";
    LParen = (5, 6), Keycode::Char(0x28), "(.";
    RParen = (4, 6), Keycode::Char(0x29), ").";
    Comma = (3, 6), Keycode::Char(0x2C), "Comma.";
    Store = (2, 6), Keycode::Char(0x0E), "-> (store).";
    Num7 = (7, 5), Keycode::Char(0x37), "7.";
    Num8 = (6, 5), Keycode::Char(0x38), "8.";
    Num9 = (5, 5), Keycode::Char(0x39), "9.";
    Del = (4, 5), Keycode::Del, "DEL.";
    Num4 = (7, 4), Keycode::Char(0x34), "4.";
    Num5 = (6, 4), Keycode::Char(0x35), "5.";
    Num6 = (5, 4), Keycode::Char(0x36), "6.";
    Mul = (4, 4), Keycode::Char(0xA9), "×.";
    Div = (3, 4), Keycode::Char(0xB9), "÷.";
    Num1 = (7, 3), Keycode::Char(0x31), "1.";
    Num2 = (6, 3), Keycode::Char(0x32), "2.";
    Num3 = (5, 3), Keycode::Char(0x33), "3.";
    Plus = (4, 3), Keycode::Char(0x89), "+.";
    Minus = (3, 3), Keycode::Char(0x99), "-.";
    Num0 = (7, 2), Keycode::Char(0x30), "0.";
    Dot = (6, 2), Keycode::Char(0x2E), "Decimal point.";
    Exp = (5, 2), Keycode::Char(0x0F), "EXP (×10^x).";
    Neg = (4, 2), Keycode::Char(0x87), "(-), negation.";
    Exe = (3, 2), Keycode::Exe, "EXE.";
    AcOn = (1, 1), Keycode::Ac, "AC/ON.";
}

impl Key {
    /// The key at matrix (column, row).
    pub fn from_matrix(col: u8, row: u8) -> Option<Key> {
        Key::ALL.into_iter().find(|k| k.matrix() == (col, row))
    }

    /// The Casio BASIC `Getkey` code (`KEY_PRGM_*`): 10 x column + row - 1.
    pub const fn prgm_code(self) -> u8 {
        let (c, r) = self.matrix();
        10 * c + r - 1
    }

    /// The key of a Casio BASIC `Getkey` code.
    pub fn from_prgm_code(code: u8) -> Option<Key> {
        Key::ALL.into_iter().find(|k| k.prgm_code() == code)
    }

    /// The digit of a number key.
    pub const fn digit(self) -> Option<u8> {
        Some(match self {
            Key::Num0 => 0,
            Key::Num1 => 1,
            Key::Num2 => 2,
            Key::Num3 => 3,
            Key::Num4 => 4,
            Key::Num5 => 5,
            Key::Num6 => 6,
            Key::Num7 => 7,
            Key::Num8 => 8,
            Key::Num9 => 9,
            _ => return None,
        })
    }

    /// (word, bit) of the key in the key-scan registers ([`super::register_bit`] of its
    /// BASIC code).
    pub const fn register_bit(self) -> (usize, u32) {
        match super::register_bit(self.prgm_code()) {
            Some(wb) => wb,
            None => panic!("every key has a register bit"),
        }
    }
}

/// The keys of the letters A to Z with ALPHA, in keyboard order from X,θ,T (A) to 0 (Z)
/// (libfxcg's `KEY_CHAR_A` ... `KEY_CHAR_Z` with their `KEY_PRGM_*` positions).
pub const ALPHA_KEYS: [Key; 26] = {
    use Key::*;
    [
        XThetaT, Log, Ln, Sin, Cos, Tan, Frac, FD, LParen, RParen, Comma, Store, Num7, Num8, Num9,
        Num4, Num5, Num6, Mul, Div, Num1, Num2, Num3, Plus, Minus, Num0,
    ]
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documented_codes() {
        // KEY_PRGM_* values of libfxcg's keyboard.h.
        for (k, code) in [
            (Key::AcOn, 10),
            (Key::Down, 37),
            (Key::Exit, 47),
            (Key::F1, 79),
            (Key::F2, 69),
            (Key::F3, 59),
            (Key::F4, 49),
            (Key::F5, 39),
            (Key::F6, 29),
            (Key::Left, 38),
            (Key::Exe, 31),
            (Key::Right, 27),
            (Key::Up, 28),
            (Key::Num0, 71),
            (Key::Num1, 72),
            (Key::Num2, 62),
            (Key::Num3, 52),
            (Key::Num4, 73),
            (Key::Num5, 63),
            (Key::Num6, 53),
            (Key::Num7, 74),
            (Key::Num8, 64),
            (Key::Num9, 54),
            (Key::XThetaT, 76),
            (Key::Tan, 26),
            (Key::Alpha, 77),
            (Key::Shift, 78),
            (Key::Optn, 68),
            (Key::Menu, 48),
        ] {
            assert_eq!(k.prgm_code(), code, "{k:?}");
            assert_eq!(Key::from_prgm_code(code), Some(k));
        }
    }

    #[test]
    fn matrix_round_trip_and_uniqueness() {
        let mut bits = [[false; 16]; 6];
        for k in Key::ALL {
            let (c, r) = k.matrix();
            assert_eq!(Key::from_matrix(c, r), Some(k));
            let (w, b) = k.register_bit();
            assert!(w < 6 && b < 16);
            assert!(!bits[w][b as usize], "{k:?}");
            bits[w][b as usize] = true;
        }
        assert_eq!(Key::from_matrix(1, 2), None);
        assert_eq!(Key::AcOn.register_bit(), (0, 0));
        assert_eq!(Key::Exe.register_bit(), (0, 10));
        assert_eq!(Key::F1.register_bit(), (4, 14));
    }
}
