//! [`Key`]: the keys the state machine understands, independent of the OS key codes.
//!
//! The add-in maps the OS key codes (from `GetKey` or `GetKeyWait_OS`) to these. Letters
//! typed in alpha mode arrive as [`Key::Char`].

/// A key press.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    /// A digit key, 0..=9 (other values are ignored).
    Digit(u8),
    /// A printable ASCII character other than a digit, as produced in alpha mode
    /// (letters, space, symbols). Non-printable values are ignored.
    Char(u8),
    /// EXE.
    Exe,
    /// EXIT.
    Exit,
    /// DEL.
    Del,
    /// AC/ON.
    Ac,
    /// SHIFT (a prefix: SHIFT then AC powers off).
    Shift,
    /// ALPHA (opens the code prompt on the lock screen).
    Alpha,
    /// Cursor up.
    Up,
    /// Cursor down.
    Down,
    /// Cursor left.
    Left,
    /// Cursor right.
    Right,
    /// F1.
    F1,
    /// F2.
    F2,
    /// F3.
    F3,
    /// F4.
    F4,
    /// F5.
    F5,
    /// F6.
    F6,
    /// MENU (never leaves while locked).
    Menu,
    /// OPTN.
    Optn,
    /// Any other key; ignored.
    Other,
}

impl Key {
    /// The byte this key types into a code or a name, if it types one.
    pub fn typed_byte(self) -> Option<u8> {
        match self {
            Key::Digit(d) if d <= 9 => Some(b'0' + d),
            Key::Char(c) if crate::text::is_printable(c) => Some(c),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Key;

    #[test]
    fn typed_bytes() {
        assert_eq!(Key::Digit(0).typed_byte(), Some(b'0'));
        assert_eq!(Key::Digit(9).typed_byte(), Some(b'9'));
        assert_eq!(Key::Digit(10).typed_byte(), None);
        assert_eq!(Key::Char(b'x').typed_byte(), Some(b'x'));
        assert_eq!(Key::Char(0x7F).typed_byte(), None);
        assert_eq!(Key::Exe.typed_byte(), None);
    }
}
