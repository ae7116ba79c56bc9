//! Fixed-size, NUL-padded text fields: writing them, and reading them back strictly.

use crate::error::{Field, G3aError};

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

/// Reads the NUL-padded text field `field` of `room` bytes at `at` in `file`.
///
/// The text is the bytes before the first NUL (all `room` bytes if there is none). It must
/// be `min..=max` bytes long, made of printable ASCII or bytes ≥ 0x80 (the calculator's
/// multi-byte characters), and every byte after its terminating NUL must be zero.
/// Bytes ≥ 0x80 are kept as the Latin-1 characters of the same value.
pub(crate) fn read_field(
    file: &[u8],
    field: Field,
    at: usize,
    room: usize,
    min: usize,
    max: usize,
) -> Result<String, G3aError> {
    let raw = &file[at..at + room];
    let len = raw.iter().position(|&b| b == 0).unwrap_or(room);
    let (text, padding) = raw.split_at(len);
    let malformed = |expected: String, found: String| G3aError::Malformed {
        field,
        offset: at,
        expected,
        found,
    };
    if let Some(i) = text.iter().position(|&b| b < 0x20 || b == 0x7F) {
        return Err(malformed(
            "text without control characters".into(),
            format!(
                "byte {:#04x} at offset {:#06x} in {}",
                text[i],
                at + i,
                show(text)
            ),
        ));
    }
    if !(min..=max).contains(&len) {
        return Err(malformed(
            format!("text of {min} to {max} bytes"),
            format!("{len} bytes: {}", show(text)),
        ));
    }
    if let Some(i) = padding.iter().position(|&b| b != 0) {
        return Err(malformed(
            "zero padding after the text".into(),
            format!("byte {:#04x} at offset {:#06x}", padding[i], at + len + i),
        ));
    }
    Ok(text.iter().map(|&b| char::from(b)).collect())
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
    fn fields() {
        let f = b"ab\0\0xy\0";
        assert_eq!(read_field(f, Field::ShortName, 0, 4, 1, 4).unwrap(), "ab");
        assert_eq!(read_field(f, Field::ShortName, 4, 2, 1, 2).unwrap(), "xy");
        let e = read_field(f, Field::ShortName, 0, 6, 1, 6).unwrap_err();
        assert!(e.to_string().contains("zero padding"), "{e}");
        let e = read_field(f, Field::ShortName, 2, 2, 1, 2).unwrap_err();
        assert!(e.to_string().contains("0 bytes"), "{e}");
        let e = read_field(b"a\x01", Field::ShortName, 0, 2, 1, 2).unwrap_err();
        assert!(e.to_string().contains("0x01"), "{e}");
    }
}
