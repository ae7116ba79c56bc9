//! Byte strings for the OS text calls (pure, host-tested): NUL-terminated, ASCII only,
//! and PrintXY's two leading bytes that the OS skips.

/// Text cells per row of `PrintXY`.
pub const COLUMNS: usize = crate::abi::screen::TEXT_COLUMNS as usize;

/// Copies `text` into a NUL-terminated buffer of at most `N - 1 - skip` characters after
/// `skip` leading bytes (left 0); non-ASCII characters and NUL become `?`.
pub fn cstr_at<const N: usize>(text: &str, skip: usize) -> [u8; N] {
    let mut buf = [0u8; N];
    let room = N.saturating_sub(1 + skip);
    for (dst, c) in buf[skip.min(N)..].iter_mut().zip(text.chars().take(room)) {
        *dst = if c.is_ascii() && c != '\0' {
            c as u8
        } else {
            b'?'
        };
    }
    buf
}

/// [`cstr_at`] with no leading bytes.
pub fn cstr<const N: usize>(text: &str) -> [u8; N] {
    cstr_at::<N>(text, 0)
}

/// The string `PrintXY` gets for `text` at column `x` (1-based): two padding bytes
/// (`PrintXY` skips the first two bytes of its string), then what fits from column `x`
/// to the right edge, then NUL.
pub fn print_xy_string(x: u8, text: &str) -> [u8; 2 + COLUMNS + 1] {
    let cols = COLUMNS.saturating_sub(usize::from(x.max(1)) - 1);
    let mut buf = cstr_at::<{ 2 + COLUMNS + 1 }>(text, 2);
    buf[0] = b'X';
    buf[1] = b'X';
    buf[2 + cols] = 0;
    buf
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(buf: &[u8]) -> &[u8] {
        &buf[..buf.iter().position(|&b| b == 0).unwrap()]
    }

    #[test]
    fn print_xy_pads_and_clips() {
        assert_eq!(text(&print_xy_string(1, "Hello")), b"XXHello");
        let b = print_xy_string(1, "abcdefghijklmnopqrstuvwxyz");
        assert_eq!(text(&b), b"XXabcdefghijklmnopqrstu");
        assert_eq!(text(&print_xy_string(19, "abcdef")), b"XXabc");
        assert_eq!(text(&print_xy_string(21, "abc")), b"XXa");
        assert_eq!(text(&print_xy_string(30, "abc")), b"XX");
        assert_eq!(text(&print_xy_string(0, "ab")), b"XXab");
    }

    #[test]
    fn non_ascii_and_nul_become_question_marks() {
        assert_eq!(text(&cstr::<16>("é\0x")), b"??x");
        assert_eq!(text(&cstr::<4>("abcdef")), b"abc");
        assert_eq!(cstr::<1>("abc"), [0]);
    }
}
