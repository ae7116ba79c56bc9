//! [`Keycode`]: what `GetKey` returns (libfxcg's `KEY_CHAR_*` and `KEY_CTRL_*`).
//!
//! Sources: docs/hardware.md, "Keys" ([LFX-kbd] `KEY_CHAR_*`, `KEY_CTRL_*`; [MQ-cw]).

use super::{ALPHA_KEYS, Key};

macro_rules! controls {
    ($($name:ident = $code:literal, $doc:literal;)*) => {
        /// A key code from `GetKey`: a character (digits, operators, letters with ALPHA,
        /// functions such as sin) or a control code.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Keycode {
            /// A character code (`KEY_CHAR_*`): ASCII, or an OS multi-byte code such as
            /// 0x81 (sin) or 0x7F50 (i).
            Char(u16),
            $(#[doc = $doc] $name,)*
            /// A control code this crate has no name for.
            Other(u16),
        }

        impl Keycode {
            /// Decodes a `GetKey` code.
            pub const fn from_getkey(code: u16) -> Keycode {
                match code {
                    $($code => Keycode::$name,)*
                    0..=29999 => Keycode::Char(code),
                    _ => Keycode::Other(code),
                }
            }

            /// The `GetKey` code.
            pub const fn to_getkey(self) -> u16 {
                match self {
                    Keycode::Char(c) | Keycode::Other(c) => c,
                    $(Keycode::$name => $code,)*
                }
            }

        }
    };
}

controls! {
    Nop = 0, "No key (KEY_CTRL_NOP).";
    Exe = 30004, "EXE.";
    Del = 30025, "DEL.";
    Ac = 30015, "AC.";
    Fd = 30046, "F<->D.";
    Undo = 30045, "Undo.";
    XThetaT = 30001, "X,θ,T.";
    Exit = 30002, "EXIT.";
    Menu = 30003, "MENU (only seen when the OS does not take it).";
    Shift = 30006, "SHIFT.";
    Alpha = 30007, "ALPHA.";
    Optn = 30008, "OPTN.";
    F1 = 30009, "F1.";
    F2 = 30010, "F2.";
    F3 = 30011, "F3.";
    F4 = 30012, "F4.";
    F5 = 30013, "F5.";
    F6 = 30014, "F6.";
    Vars = 30016, "VARS.";
    Up = 30018, "Up.";
    Left = 30020, "Left.";
    Right = 30021, "Right.";
    Down = 30023, "Down.";
    FracCnvrt = 30026, "Fraction conversion.";
    Prgm = 30028, "PRGM.";
    Quit = 30029, "QUIT (SHIFT+EXIT).";
    Ins = 30033, "INS (SHIFT+DEL).";
    Paste = 30036, "PASTE.";
    Setup = 30037, "SETUP (SHIFT+MENU).";
    Clip = 30050, "CLIP.";
    PageUp = 30052, "Page up.";
    PageDown = 30053, "Page down.";
    MixedFrac = 30054, "Mixed fraction.";
    Capture = 30055, "CAPTURE.";
    ShiftOptn = 30059, "SHIFT+OPTN.";
    ShiftLeft = 30062, "SHIFT+Left.";
    ShiftRight = 30063, "SHIFT+Right.";
    Catalog = 30100, "CATALOG.";
    Format = 30101, "FORMAT.";
}

/// The codes of SHIFT with a key (libfxcg's `KEY_CTRL_*` and `KEY_CHAR_*` tables).
const SHIFTED: [(Keycode, Key); 15] = [
    (Keycode::Quit, Key::Exit),
    (Keycode::Ins, Key::Del),
    (Keycode::Setup, Key::Menu),
    (Keycode::ShiftOptn, Key::Optn),
    (Keycode::ShiftLeft, Key::Left),
    (Keycode::ShiftRight, Key::Right),
    (Keycode::Char(0xD0), Key::Exp),    // π
    (Keycode::Char(0xC0), Key::Neg),    // Ans
    (Keycode::Char(0x91), Key::Sin),    // asin
    (Keycode::Char(0x92), Key::Cos),    // acos
    (Keycode::Char(0x93), Key::Tan),    // atan
    (Keycode::Char(0xB5), Key::Log),    // 10^x
    (Keycode::Char(0xA5), Key::Ln),     // e^x
    (Keycode::Char(0x86), Key::Square), // square root
    (Keycode::Char(0xB8), Key::Power),  // x-th root
];

impl Keycode {
    /// The physical key and whether SHIFT was used, where known (the code of each key
    /// pressed alone, [`Key::keycode`], its SHIFT functions and the ALPHA letters).
    pub fn key(self) -> Option<(Key, bool)> {
        if let Some(k) = Key::ALL.into_iter().find(|k| k.keycode() == self) {
            return Some((k, false));
        }
        if let Some(&(_, k)) = SHIFTED.iter().find(|(c, _)| *c == self) {
            return Some((k, true));
        }
        match self {
            Keycode::Char(c @ 0x41..=0x5A) => Some((ALPHA_KEYS[usize::from(c - 0x41)], false)),
            _ => None,
        }
    }
}

impl Keycode {
    /// The digit of a character code `'0'..='9'`.
    pub const fn digit(self) -> Option<u8> {
        match self {
            Keycode::Char(c @ 0x30..=0x39) => Some((c - 0x30) as u8),
            _ => None,
        }
    }

    /// The character, for ASCII character codes.
    pub fn ascii(self) -> Option<char> {
        match self {
            Keycode::Char(c) if c < 0x80 => Some(c as u8 as char),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documented_codes_decode() {
        assert_eq!(Keycode::from_getkey(30004), Keycode::Exe);
        assert_eq!(Keycode::from_getkey(30002), Keycode::Exit);
        assert_eq!(Keycode::from_getkey(30025), Keycode::Del);
        assert_eq!(Keycode::from_getkey(30015), Keycode::Ac);
        assert_eq!(Keycode::from_getkey(30003), Keycode::Menu);
        for (i, f) in [
            Keycode::F1,
            Keycode::F2,
            Keycode::F3,
            Keycode::F4,
            Keycode::F5,
            Keycode::F6,
        ]
        .into_iter()
        .enumerate()
        {
            assert_eq!(Keycode::from_getkey(30009 + i as u16), f);
        }
        assert_eq!(Keycode::from_getkey(30018), Keycode::Up);
        assert_eq!(Keycode::from_getkey(30023), Keycode::Down);
        assert_eq!(Keycode::from_getkey(30020), Keycode::Left);
        assert_eq!(Keycode::from_getkey(30021), Keycode::Right);
        assert_eq!(Keycode::from_getkey(30029), Keycode::Quit);
        assert_eq!(Keycode::from_getkey(30037), Keycode::Setup);
        assert_eq!(Keycode::from_getkey(0x35), Keycode::Char(0x35));
        assert_eq!(Keycode::from_getkey(0x35).digit(), Some(5));
        assert_eq!(Keycode::from_getkey(30999), Keycode::Other(30999));
    }

    #[test]
    fn round_trip_every_code() {
        for code in 0..=u16::MAX {
            assert_eq!(Keycode::from_getkey(code).to_getkey(), code);
        }
    }

    #[test]
    fn keys_of_codes() {
        assert_eq!(Keycode::Exe.key(), Some((Key::Exe, false)));
        assert_eq!(Keycode::Quit.key(), Some((Key::Exit, true)));
        assert_eq!(Keycode::Char(0x30).key(), Some((Key::Num0, false)));
        assert_eq!(Keycode::Char(0x89).key(), Some((Key::Plus, false)));
        assert_eq!(
            Keycode::Char(u16::from(b'A')).key(),
            Some((Key::XThetaT, false))
        );
        assert_eq!(
            Keycode::Char(u16::from(b'Z')).key(),
            Some((Key::Num0, false))
        );
        assert_eq!(Keycode::Char(0xD0).key(), Some((Key::Exp, true)));
        // Every digit key maps back to its digit.
        for d in 0..10u16 {
            let (k, _) = Keycode::Char(0x30 + d).key().unwrap();
            assert_eq!(k.digit(), Some(d as u8));
        }
    }
}
