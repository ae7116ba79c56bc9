//! [`KeyMatrix`]: a snapshot of the keyboard registers, read without waiting.
use super::Key;

/// Which keys are held, as the keyboard registers at [`KEYBOARD_REGISTERS`] report them:
/// 16-bit words, bit layout given by [`Key::register_bit`] (`prizm_abi::keys`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct KeyMatrix {
    words: [u16; WORDS],
}

/// Address of the first keyboard register (`prizm_abi::keys::REGISTERS`).
pub const KEYBOARD_REGISTERS: usize = crate::abi::keys::REGISTERS as usize;
/// Number of register words.
const WORDS: usize = crate::abi::keys::REGISTER_WORDS;

impl KeyMatrix {
    /// A snapshot from raw register words.
    pub const fn from_words(words: [u16; WORDS]) -> Self {
        KeyMatrix { words }
    }

    /// The raw register words.
    pub const fn words(&self) -> [u16; WORDS] {
        self.words
    }

    /// Reads the registers now (calculator only). The OS scans the keyboard in the
    /// background; this does not wait and does not handle MENU or power-off.
    #[cfg(any(doc, prizm))]
    #[cfg_attr(doc, doc(cfg(prizm)))]
    pub fn read() -> Self {
        let mut words = [0u16; WORDS];
        for (i, w) in words.iter_mut().enumerate() {
            // SAFETY: the keyboard registers are readable 16-bit memory-mapped I/O.
            *w = unsafe { ((KEYBOARD_REGISTERS + 2 * i) as *const u16).read_volatile() };
        }
        KeyMatrix { words }
    }

    /// Whether `key` is held.
    pub const fn is_down(&self, key: Key) -> bool {
        let (w, b) = key.register_bit();
        self.words[w] & (1 << b) != 0
    }

    /// Marks `key` held (for tests and key injection).
    pub fn set(&mut self, key: Key, down: bool) {
        let (w, b) = key.register_bit();
        if down {
            self.words[w] |= 1 << b;
        } else {
            self.words[w] &= !(1 << b);
        }
    }

    /// The held keys.
    pub fn down(&self) -> impl Iterator<Item = Key> + '_ {
        Key::ALL.into_iter().filter(|&k| self.is_down(k))
    }

    /// Whether no key is held.
    pub fn is_empty(&self) -> bool {
        self.down().next().is_none()
    }

    /// Keys held now but not in `before`.
    pub fn pressed_since<'a>(&'a self, before: &'a KeyMatrix) -> impl Iterator<Item = Key> + 'a {
        self.down().filter(|&k| !before.is_down(k))
    }

    /// Keys held in `before` but not now.
    pub fn released_since<'a>(&'a self, before: &'a KeyMatrix) -> impl Iterator<Item = Key> + 'a {
        before.down().filter(|&k| !self.is_down(k))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    extern crate std;
    use std::vec::Vec;

    #[test]
    fn bits_decode_to_keys() {
        // AC/ON is bit 0 of word 0; EXE bit 10 of word 0; F1 bit 14 of word 4.
        let m = KeyMatrix::from_words([0x0401, 0, 0, 0, 0x4000, 0]);
        assert_eq!(m.down().collect::<Vec<_>>(), [Key::F1, Key::Exe, Key::AcOn]);
    }

    #[test]
    fn set_and_edges() {
        let mut a = KeyMatrix::default();
        assert!(a.is_empty());
        for k in Key::ALL {
            let mut m = KeyMatrix::default();
            m.set(k, true);
            assert_eq!(m.down().collect::<Vec<_>>(), [k]);
        }
        a.set(Key::Up, true);
        let mut b = a;
        b.set(Key::Up, false);
        b.set(Key::Shift, true);
        assert_eq!(b.pressed_since(&a).collect::<Vec<_>>(), [Key::Shift]);
        assert_eq!(b.released_since(&a).collect::<Vec<_>>(), [Key::Up]);
    }
}
