//! [`Keycode`]: what `GetKey` returns (libfxcg's `KEY_CHAR_*` and `KEY_CTRL_*`).
use super::Key;

macro_rules! controls {
    ($($name:ident = $code:literal, $key:expr, $doc:literal;)*) => {
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

            /// The physical key and whether SHIFT was used, where known (control codes
            /// and the unshifted and ALPHA characters of the keyboard).
            pub fn key(self) -> Option<(Key, bool)> {
                match self {
                    Keycode::Char(c) => char_key(c),
                    Keycode::Other(_) => None,
                    $(Keycode::$name => $key,)*
                }
            }
        }
    };
}

const fn plain(k: Key) -> Option<(Key, bool)> {
    Some((k, false))
}
const fn shifted(k: Key) -> Option<(Key, bool)> {
    Some((k, true))
}

controls! {
    Nop = 0, None, "No key (KEY_CTRL_NOP).";
    Exe = 30004, plain(Key::Exe), "EXE.";
    Del = 30025, plain(Key::Del), "DEL.";
    Ac = 30015, plain(Key::AcOn), "AC.";
    Fd = 30046, plain(Key::FD), "F<->D.";
    Undo = 30045, None, "Undo.";
    XThetaT = 30001, plain(Key::XThetaT), "X,θ,T.";
    Exit = 30002, plain(Key::Exit), "EXIT.";
    Menu = 30003, plain(Key::Menu), "MENU (only seen when the OS does not take it).";
    Shift = 30006, plain(Key::Shift), "SHIFT.";
    Alpha = 30007, plain(Key::Alpha), "ALPHA.";
    Optn = 30008, plain(Key::Optn), "OPTN.";
    F1 = 30009, plain(Key::F1), "F1.";
    F2 = 30010, plain(Key::F2), "F2.";
    F3 = 30011, plain(Key::F3), "F3.";
    F4 = 30012, plain(Key::F4), "F4.";
    F5 = 30013, plain(Key::F5), "F5.";
    F6 = 30014, plain(Key::F6), "F6.";
    Vars = 30016, plain(Key::Vars), "VARS.";
    Up = 30018, plain(Key::Up), "Up.";
    Left = 30020, plain(Key::Left), "Left.";
    Right = 30021, plain(Key::Right), "Right.";
    Down = 30023, plain(Key::Down), "Down.";
    FracCnvrt = 30026, None, "Fraction conversion.";
    Prgm = 30028, None, "PRGM.";
    Quit = 30029, shifted(Key::Exit), "QUIT (SHIFT+EXIT).";
    Ins = 30033, shifted(Key::Del), "INS (SHIFT+DEL).";
    Paste = 30036, None, "PASTE.";
    Setup = 30037, shifted(Key::Menu), "SETUP (SHIFT+MENU).";
    Clip = 30050, None, "CLIP.";
    PageUp = 30052, None, "Page up.";
    PageDown = 30053, None, "Page down.";
    MixedFrac = 30054, None, "Mixed fraction.";
    Capture = 30055, None, "CAPTURE.";
    ShiftOptn = 30059, shifted(Key::Optn), "SHIFT+OPTN.";
    ShiftLeft = 30062, shifted(Key::Left), "SHIFT+Left.";
    ShiftRight = 30063, shifted(Key::Right), "SHIFT+Right.";
    Catalog = 30100, None, "CATALOG.";
    Format = 30101, None, "FORMAT.";
}

/// Physical key of a character code.
fn char_key(c: u16) -> Option<(Key, bool)> {
    use Key::*;
    let k = match c {
        0x30 => Num0,
        0x31 => Num1,
        0x32 => Num2,
        0x33 => Num3,
        0x34 => Num4,
        0x35 => Num5,
        0x36 => Num6,
        0x37 => Num7,
        0x38 => Num8,
        0x39 => Num9,
        0x2E => Dot,
        0x0F => Exp,
        0x87 => Neg,
        0x89 => Plus,
        0x99 => Minus,
        0xA9 => Mul,
        0xB9 => Div,
        0xBB => Frac,
        0x28 => LParen,
        0x29 => RParen,
        0x2C => Comma,
        0x0E => Store,
        0x95 => Log,
        0x85 => Ln,
        0x81 => Sin,
        0x82 => Cos,
        0x83 => Tan,
        0x8B => Square,
        0xA8 => Power,
        // SHIFT functions of libfxcg's table.
        0xD0 => return shifted(Exp),    // π
        0xC0 => return shifted(Neg),    // Ans
        0x91 => return shifted(Sin),    // asin
        0x92 => return shifted(Cos),    // acos
        0x93 => return shifted(Tan),    // atan
        0xB5 => return shifted(Log),    // 10^x
        0xA5 => return shifted(Ln),     // e^x
        0x86 => return shifted(Square), // square root
        0xB8 => return shifted(Power),  // x-th root
        // ALPHA letters, in keyboard order from X,θ,T (A) to 0 (Z).
        0x41..=0x5A => {
            const ORDER: [Key; 26] = [
                XThetaT, Log, Ln, Sin, Cos, Tan, Frac, FD, LParen, RParen, Comma, Store, Num7,
                Num8, Num9, Num4, Num5, Num6, Mul, Div, Num1, Num2, Num3, Plus, Minus, Num0,
            ];
            ORDER[usize::from(c - 0x41)]
        }
        _ => return None,
    };
    plain(k)
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
