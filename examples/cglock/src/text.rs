//! [`Text`]: a fixed-capacity string of printable ASCII, for owner names and screen lines.

use core::fmt;

/// Up to `N` printable ASCII characters (0x20..=0x7E), stored inline.
///
/// Because only printable ASCII is accepted, the contents are always valid UTF-8 and one
/// byte is one character cell on the calculator's screen.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Text<const N: usize> {
    buf: [u8; N],
    len: u8,
}

/// Whether `b` is printable ASCII, the only bytes a [`Text`] holds.
pub const fn is_printable(b: u8) -> bool {
    matches!(b, 0x20..=0x7E)
}

impl<const N: usize> Text<N> {
    /// The number of characters a text can hold.
    pub const CAPACITY: usize = N;

    /// An empty text.
    pub const fn new() -> Self {
        assert!(N <= 255, "Text capacity must fit in a u8");
        Text {
            buf: [0; N],
            len: 0,
        }
    }

    /// A text holding the string `s`, or `None` if it is too long or not printable ASCII.
    pub fn from_ascii(s: &str) -> Option<Self> {
        Self::from_bytes(s.as_bytes())
    }

    /// A text holding `bytes`, or `None` if too long or not printable ASCII.
    pub fn from_bytes(bytes: &[u8]) -> Option<Self> {
        let mut t = Self::new();
        for &b in bytes {
            if !t.push(b) {
                return None;
            }
        }
        Some(t)
    }

    /// Appends a printable ASCII byte; returns `false` (changing nothing) if the text is
    /// full or the byte is not printable.
    pub fn push(&mut self, b: u8) -> bool {
        if !is_printable(b) || self.len() == N {
            return false;
        }
        self.buf[self.len()] = b;
        self.len += 1;
        true
    }

    /// Appends as much of `s` as fits; non-printable characters become `?`.
    pub fn push_str_lossy(&mut self, s: &str) {
        for &b in s.as_bytes() {
            let b = if is_printable(b) { b } else { b'?' };
            if !self.push(b) {
                break;
            }
        }
    }

    /// Removes the last character; returns `false` if already empty.
    pub fn pop(&mut self) -> bool {
        if self.len == 0 {
            return false;
        }
        self.len -= 1;
        self.buf[self.len()] = 0;
        true
    }

    /// Empties the text.
    pub fn clear(&mut self) {
        *self = Self::new();
    }

    /// The characters as a string slice.
    pub fn as_str(&self) -> &str {
        // Only printable ASCII is ever stored, which is valid UTF-8.
        core::str::from_utf8(self.as_bytes()).unwrap_or("")
    }

    /// The characters as bytes.
    pub fn as_bytes(&self) -> &[u8] {
        &self.buf[..self.len()]
    }

    /// The number of characters.
    pub fn len(&self) -> usize {
        usize::from(self.len)
    }

    /// Whether the text is empty.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

impl<const N: usize> Default for Text<N> {
    fn default() -> Self {
        Self::new()
    }
}

impl<const N: usize> fmt::Debug for Text<N> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl<const N: usize> fmt::Display for Text<N> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Writing past the capacity truncates silently (screen lines are clipped, not errors).
impl<const N: usize> fmt::Write for Text<N> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.push_str_lossy(s);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_only_printable_ascii_up_to_capacity() {
        let mut t = Text::<3>::new();
        assert!(t.push(b'A') && t.push(b' '));
        assert!(!t.push(b'\n'));
        assert!(t.push(b'~'));
        assert!(!t.push(b'x'));
        assert_eq!(t.as_str(), "A ~");
        assert!(t.pop());
        assert_eq!(t.as_str(), "A ");
        assert_eq!(Text::<4>::from_ascii("abcde"), None);
        assert_eq!(Text::<4>::from_ascii("ab\u{e9}"), None);
        assert_eq!(Text::<4>::from_ascii("abcd").unwrap().len(), 4);
    }

    #[test]
    fn write_truncates() {
        use core::fmt::Write;
        let mut t = Text::<5>::new();
        write!(t, "{}-{}", 1234, 5678).unwrap();
        assert_eq!(t.as_str(), "1234-");
    }
}
