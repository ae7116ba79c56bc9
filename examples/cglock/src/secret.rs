//! [`Secret`]: a fixed-capacity byte buffer for the code being typed, wiped on drop.
//!
//! The code is never kept in plain text longer than needed: every buffer that held
//! code bytes is overwritten with zeros through volatile writes (which the compiler
//! may not remove as "dead stores") as soon as it is no longer needed, and at the
//! latest when it is dropped.

use core::fmt;
use core::ptr;
use core::sync::atomic::{Ordering, compiler_fence};

/// Overwrites `buf` with zeros using volatile writes, then fences so that the writes are
/// not reordered after later code (for example the memory being reused).
pub fn zeroize_bytes(buf: &mut [u8]) {
    for b in buf.iter_mut() {
        // SAFETY: `b` is a valid, aligned, exclusive reference to a `u8`.
        unsafe { ptr::write_volatile(b, 0) };
    }
    compiler_fence(Ordering::SeqCst);
}

/// Compares two byte strings in time that depends only on their lengths, not on where
/// they first differ.
pub fn ct_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut diff = 0u8;
    for (x, y) in a.iter().zip(b) {
        diff |= x ^ y;
    }
    // Read through a volatile load so that the loop is not turned into an early exit.
    // SAFETY: `diff` is a valid local.
    unsafe { ptr::read_volatile(&diff) == 0 }
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
        // SAFETY: `self.len` is a valid, aligned, exclusive `usize`.
        unsafe { ptr::write_volatile(&mut self.len, 0) };
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

impl<const N: usize> fmt::Debug for Secret<N> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Secret(<{} bytes>)", self.len)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use core::mem::ManuallyDrop;

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

    #[test]
    fn drop_wipes_buffer() {
        let mut s = ManuallyDrop::new(Secret::<8>::new());
        for b in b"31415926" {
            s.push(*b);
        }
        let p: *const [u8; 8] = s.raw();
        // SAFETY: dropped exactly once; the memory stays allocated (ManuallyDrop on the
        // stack) and a `[u8; 8]` is valid for any bit pattern, so reading it is sound.
        unsafe {
            ManuallyDrop::drop(&mut s);
            assert_eq!(ptr::read_volatile(p), [0u8; 8]);
        }
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
