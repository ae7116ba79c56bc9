//! [`Secret`]: a fixed-capacity byte buffer for the code being typed, wiped on drop.
//!
//! The code is never kept in plain text longer than needed: every buffer that held
//! code bytes is overwritten with zeros through volatile writes (which the compiler
//! may not remove as "dead stores") as soon as it is no longer needed, and at the
//! latest when it is dropped.

use core::fmt;

use subtle::ConstantTimeEq;
use zeroize::Zeroize;

/// Overwrites `buf` with zeros through volatile writes and a fence, so that the writes
/// are neither removed as dead stores nor moved after later code (the `zeroize` crate).
pub fn zeroize_bytes(buf: &mut [u8]) {
    buf.zeroize();
}

/// Compares two byte strings in time that depends only on their lengths, not on where
/// they first differ (the `subtle` crate).
pub fn ct_eq(a: &[u8], b: &[u8]) -> bool {
    a.ct_eq(b).into()
}

/// A secret of at most `N` bytes (the code being typed), zeroed when cleared or dropped.
///
/// It is neither `Copy` nor `Clone`, and its `Debug` output shows only its length. Moving
/// a value copies its bytes in memory without wiping the old place, so keep secrets in
/// one place (the state machine owns two, for the lifetime of the add-in) and copy
/// between them with [`Secret::copy_from`].
pub struct Secret<const N: usize> {
    buf: [u8; N],
    len: usize,
}

impl<const N: usize> Secret<N> {
    /// The number of bytes a secret can hold.
    pub const CAPACITY: usize = N;

    /// An empty secret.
    pub const fn new() -> Self {
        Secret {
            buf: [0; N],
            len: 0,
        }
    }

    /// Appends a byte; returns `false` (and changes nothing) when the secret is full.
    pub fn push(&mut self, byte: u8) -> bool {
        if self.len == N {
            return false;
        }
        self.buf[self.len] = byte;
        self.len += 1;
        true
    }

    /// Removes the last byte (wiping it); returns `false` when already empty.
    pub fn pop(&mut self) -> bool {
        if self.len == 0 {
            return false;
        }
        self.len -= 1;
        zeroize_bytes(&mut self.buf[self.len..self.len + 1]);
        true
    }

    /// Empties the secret and wipes the whole buffer.
    pub fn clear(&mut self) {
        self.zeroize();
    }

    /// Wipes every byte of the buffer (not only the used ones) and sets the length to 0.
    pub fn zeroize(&mut self) {
        zeroize_bytes(&mut self.buf);
        self.len.zeroize();
    }

    /// Replaces the contents with a copy of `other` (wiping the old contents first).
    pub fn copy_from(&mut self, other: &Secret<N>) {
        self.zeroize();
        self.buf[..other.len].copy_from_slice(other.as_bytes());
        self.len = other.len;
    }

    /// The bytes typed so far.
    pub fn as_bytes(&self) -> &[u8] {
        &self.buf[..self.len]
    }

    /// The number of bytes typed so far.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether nothing has been typed.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Whether no more bytes fit.
    pub fn is_full(&self) -> bool {
        self.len == N
    }

    /// Constant-time comparison with another secret of the same capacity.
    pub fn ct_eq(&self, other: &Secret<N>) -> bool {
        ct_eq(self.as_bytes(), other.as_bytes())
    }

    /// The whole backing buffer, used bytes or not; for tests of the wiping.
    #[cfg(test)]
    pub(crate) fn raw(&self) -> &[u8; N] {
        &self.buf
    }
}

impl<const N: usize> Default for Secret<N> {
    fn default() -> Self {
        Self::new()
    }
}

impl<const N: usize> Drop for Secret<N> {
    fn drop(&mut self) {
        self.zeroize();
    }
}

/// Dropping a secret wipes it (the `Drop` above).
impl<const N: usize> zeroize::ZeroizeOnDrop for Secret<N> {}

impl<const N: usize> fmt::Debug for Secret<N> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Secret(<{} bytes>)", self.len)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn push_pop_and_capacity() {
        let mut s = Secret::<3>::new();
        assert!(s.is_empty());
        assert!(s.push(b'1') && s.push(b'2') && s.push(b'3'));
        assert!(s.is_full());
        assert!(!s.push(b'4'));
        assert_eq!(s.as_bytes(), b"123");
        assert!(s.pop());
        assert_eq!(s.as_bytes(), b"12");
        assert_eq!(s.raw(), &[b'1', b'2', 0], "popped byte is wiped");
        assert!(s.pop() && s.pop());
        assert!(!s.pop());
    }

    #[test]
    fn clear_wipes_whole_buffer() {
        let mut s = Secret::<8>::new();
        for b in b"9876" {
            s.push(*b);
        }
        s.clear();
        assert_eq!(s.len(), 0);
        assert_eq!(s.raw(), &[0u8; 8]);
    }

    /// Reading the buffer after the drop would need raw pointers, which the examples do
    /// not use: the drop's wipe is `zeroize`, tested above through `clear`, and the
    /// type says it wipes on drop.
    #[test]
    fn drop_wipes_buffer() {
        fn wipes_on_drop<T: zeroize::ZeroizeOnDrop>(_: &T) {}
        let mut s = Secret::<8>::new();
        for b in b"31415926" {
            s.push(*b);
        }
        wipes_on_drop(&s);
        s.zeroize();
        assert_eq!(s.raw(), &[0u8; 8]);
    }

    #[test]
    fn copy_from_and_compare() {
        let mut a = Secret::<8>::new();
        let mut b = Secret::<8>::new();
        for x in b"1234" {
            a.push(*x);
        }
        b.push(b'9');
        b.push(b'9');
        b.push(b'9');
        b.push(b'9');
        b.push(b'9');
        assert!(!a.ct_eq(&b));
        b.copy_from(&a);
        assert!(a.ct_eq(&b));
        assert_eq!(b.raw(), &[b'1', b'2', b'3', b'4', 0, 0, 0, 0]);
    }

    #[test]
    fn debug_hides_contents() {
        use core::fmt::Write;
        let mut s = Secret::<4>::new();
        s.push(b'7');
        let mut out = crate::text::Text::<32>::new();
        write!(out, "{s:?}").unwrap();
        assert_eq!(out.as_str(), "Secret(<1 bytes>)");
    }

    #[test]
    fn ct_eq_slices() {
        assert!(ct_eq(b"", b""));
        assert!(ct_eq(b"ab", b"ab"));
        assert!(!ct_eq(b"ab", b"ac"));
        assert!(!ct_eq(b"ab", b"abc"));
    }

    #[test]
    fn zeroize_bytes_zeroes() {
        let mut b = [0xAAu8; 5];
        zeroize_bytes(&mut b);
        assert_eq!(b, [0; 5]);
    }
}
