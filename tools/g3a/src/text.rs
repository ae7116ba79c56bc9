//! Fixed-size, NUL-padded text fields: writing them, splitting them into text and
//! padding, and parsing fixed-width digit groups.

/// Whether every character of `s` is printable ASCII (space to `~`).
pub(crate) fn is_printable_ascii(s: &str) -> bool {
    s.bytes().all(|b| (0x20..=0x7E).contains(&b))
}

/// Splits `bytes` into groups of exactly `groups[i]` ASCII digits separated by `sep` and
/// returns their values; `None` if `bytes` does not have exactly that shape.
pub(crate) fn fixed_digits(bytes: &[u8], groups: &[usize], sep: u8) -> Option<Vec<u64>> {
    let parts: Vec<&[u8]> = bytes.split(|&b| b == sep).collect();
    if parts.len() != groups.len() {
        return None;
    }
    parts
        .iter()
        .zip(groups)
        .map(|(part, &len)| {
            (part.len() == len && part.iter().all(u8::is_ascii_digit))
                .then(|| part.iter().fold(0u64, |v, d| v * 10 + u64::from(d - b'0')))
        })
        .collect()
}

/// Copies `s` to `buf[at..]`; the caller has checked that it fits in its field.
pub(crate) fn put(buf: &mut [u8], at: usize, s: &str) {
    buf[at..at + s.len()].copy_from_slice(s.as_bytes());
}

/// Shows bytes as a quoted string with non-printable bytes escaped, for error messages.
pub(crate) fn show(bytes: &[u8]) -> String {
    format!("\"{}\"", bytes.escape_ascii())
}

/// A NUL-terminated text field as stored in the file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct StoredText<'a> {
    /// The bytes before the first NUL (the whole field if there is none).
    pub text: &'a [u8],
    /// Whether a NUL ends the text inside the field.
    pub terminated: bool,
    /// File offset and value of the first non-zero byte after the NUL, if any.
    pub stray: Option<(usize, u8)>,
}

/// The text field of `room` bytes at `at` in `file` (which must hold it).
pub(crate) fn stored_text(file: &[u8], at: usize, room: usize) -> StoredText<'_> {
    let raw = &file[at..at + room];
    let len = raw.iter().position(|&b| b == 0).unwrap_or(room);
    let stray = raw[len..]
        .iter()
        .position(|&b| b != 0)
        .map(|i| (at + len + i, raw[len + i]));
    StoredText {
        text: &raw[..len],
        terminated: len < room,
        stray,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits() {
        assert_eq!(
            fixed_digits(b"01.02.0003", &[2, 2, 4], b'.'),
            Some(vec![1, 2, 3])
        );
        assert_eq!(fixed_digits(b"01.02.003", &[2, 2, 4], b'.'), None);
        assert_eq!(fixed_digits(b"01.02.0003.", &[2, 2, 4], b'.'), None);
        assert_eq!(fixed_digits(b"0+.02.0003", &[2, 2, 4], b'.'), None);
    }

    #[test]
    fn stored_texts() {
        let f = b"ab\0\0xy\0z";
        let t = stored_text(f, 0, 4);
        assert_eq!((t.text, t.terminated, t.stray), (&b"ab"[..], true, None));
        let t = stored_text(f, 0, 6);
        assert_eq!(
            (t.text, t.terminated, t.stray),
            (&b"ab"[..], true, Some((4, b'x')))
        );
        let t = stored_text(f, 4, 2);
        assert_eq!((t.text, t.terminated, t.stray), (&b"xy"[..], false, None));
        let t = stored_text(f, 2, 2);
        assert_eq!((t.text, t.terminated), (&b""[..], true));
    }
}
