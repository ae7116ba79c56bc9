//! [`map_key`]: the calculator's physical keys (`prizm::keyboard::Key`, as the add-in
//! reads them from the key matrix) to the state machine's [`Key`], with ALPHA letters.
//!
//! The add-in reads keys as physical keys, so SHIFT and ALPHA arrive as keys of their
//! own: SHIFT then AC reaches the machine (power off), and ALPHA is handled by the add-in
//! as a one-shot letter prefix while a code or a name is being typed.

use crate::key::Key;
use prizm::keyboard::Key as Phys;

/// The letter ALPHA gives on each key, in the keyboard's order from X,θ,T (A) to 0 (Z),
/// as printed in red on the fx-CG keyboard.
const LETTERS: [Phys; 26] = [
    Phys::XThetaT,
    Phys::Log,
    Phys::Ln,
    Phys::Sin,
    Phys::Cos,
    Phys::Tan,
    Phys::Frac,
    Phys::FD,
    Phys::LParen,
    Phys::RParen,
    Phys::Comma,
    Phys::Store,
    Phys::Num7,
    Phys::Num8,
    Phys::Num9,
    Phys::Num4,
    Phys::Num5,
    Phys::Num6,
    Phys::Mul,
    Phys::Div,
    Phys::Num1,
    Phys::Num2,
    Phys::Num3,
    Phys::Plus,
    Phys::Minus,
    Phys::Num0,
];

/// The character ALPHA gives on `key` (upper-case letters, and a space on the decimal
/// point key), if any.
pub fn alpha_char(key: Phys) -> Option<u8> {
    if key == Phys::Dot {
        return Some(b' ');
    }
    LETTERS
        .iter()
        .position(|&k| k == key)
        .map(|i| b'A' + i as u8)
}

/// The machine's key for physical key `key`; with `alpha` (ALPHA was pressed just
/// before, while typing) keys that carry a letter give [`Key::Char`].
pub fn map_key(key: Phys, alpha: bool) -> Key {
    if alpha && let Some(c) = alpha_char(key) {
        return Key::Char(c);
    }
    if let Some(d) = key.digit() {
        return Key::Digit(d);
    }
    match key {
        Phys::Exe => Key::Exe,
        Phys::Exit => Key::Exit,
        Phys::Del => Key::Del,
        Phys::AcOn => Key::Ac,
        Phys::Shift => Key::Shift,
        Phys::Alpha => Key::Alpha,
        Phys::Up => Key::Up,
        Phys::Down => Key::Down,
        Phys::Left => Key::Left,
        Phys::Right => Key::Right,
        Phys::F1 => Key::F1,
        Phys::F2 => Key::F2,
        Phys::F3 => Key::F3,
        Phys::F4 => Key::F4,
        Phys::F5 => Key::F5,
        Phys::F6 => Key::F6,
        Phys::Menu => Key::Menu,
        Phys::Optn => Key::Optn,
        _ => Key::Other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_keys() {
        assert_eq!(map_key(Phys::Num0, false), Key::Digit(0));
        assert_eq!(map_key(Phys::Num7, false), Key::Digit(7));
        assert_eq!(map_key(Phys::Exe, false), Key::Exe);
        assert_eq!(map_key(Phys::AcOn, false), Key::Ac);
        assert_eq!(map_key(Phys::Shift, false), Key::Shift);
        assert_eq!(map_key(Phys::Menu, false), Key::Menu);
        assert_eq!(map_key(Phys::F6, false), Key::F6);
        assert_eq!(map_key(Phys::Sin, false), Key::Other);
        // Without a letter, ALPHA changes nothing.
        assert_eq!(map_key(Phys::Exe, true), Key::Exe);
    }

    #[test]
    fn alpha_letters() {
        assert_eq!(map_key(Phys::XThetaT, true), Key::Char(b'A'));
        assert_eq!(map_key(Phys::Num7, true), Key::Char(b'M'));
        assert_eq!(map_key(Phys::Num0, true), Key::Char(b'Z'));
        assert_eq!(map_key(Phys::Dot, true), Key::Char(b' '));
        let mut seen = std::vec::Vec::new();
        for k in Phys::ALL {
            if let Some(c) = alpha_char(k) {
                assert!(!seen.contains(&c), "{k:?}");
                seen.push(c);
            }
        }
        assert_eq!(seen.len(), 27);
    }
}
