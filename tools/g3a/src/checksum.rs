//! The two sums of a `.g3a` file: the 32-bit checksum at 0x020 (copied at the end of the
//! file) and the 16-bit word sum at 0x016.

use crate::layout;

/// The checksum of a whole `.g3a` file as stored: the wrapping u32 sum of every byte
/// except the four checksum bytes at 0x020 and the four trailer bytes at the end.
///
/// Bytes are summed as stored (the first 0x20 bytes inverted). If `file` is shorter than
/// the header, the bytes that are there (less the checksum bytes) are summed.
pub fn checksum(file: &[u8]) -> u32 {
    let end = file
        .len()
        .saturating_sub(layout::TRAILER_LEN)
        .max(layout::CHECKSUM + 4);
    let sum = |bytes: &[u8]| {
        bytes
            .iter()
            .fold(0u32, |s, &b| s.wrapping_add(u32::from(b)))
    };
    let head = &file[..layout::CHECKSUM.min(file.len())];
    let body = file
        .get(layout::CHECKSUM + 4..end.min(file.len()))
        .unwrap_or(&[]);
    sum(head).wrapping_add(sum(body))
}

/// The word sum (plain form) of an add-in whose code is `code`: the wrapping u16 sum of
/// the eight big-endian u16 words at file offset 0x7100 (code offset 0x100).
///
/// Words past the end of the code count as zero: for code shorter than 0x110 bytes the
/// trailer is not summed (it holds the checksum, which depends on the word sum).
pub fn word_sum(code: &[u8]) -> u16 {
    let start = layout::WORD_SUM_START - layout::CODE;
    (0..8).fold(0u16, |s, i| {
        let at = start + 2 * i;
        let hi = code.get(at).copied().unwrap_or(0);
        let lo = code.get(at + 1).copied().unwrap_or(0);
        s.wrapping_add(u16::from_be_bytes([hi, lo]))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checksum_skips_its_own_bytes_and_the_trailer() {
        let mut file = vec![1u8; 0x7010];
        let base = checksum(&file);
        assert_eq!(base, (0x7010 - 8) as u32);
        for at in [0x20, 0x21, 0x22, 0x23, 0x700C, 0x700D, 0x700E, 0x700F] {
            file[at] = 0xAB;
            assert_eq!(checksum(&file), base, "byte {at:#x} must not count");
        }
        file[0x1F] = 2;
        assert_eq!(checksum(&file), base + 1);
        file[0x24] = 3;
        assert_eq!(checksum(&file), base + 3);
        file[0x700B] = 5;
        assert_eq!(checksum(&file), base + 7);
    }

    #[test]
    fn checksum_of_short_input_does_not_panic() {
        for len in 0..0x40 {
            let _ = checksum(&vec![0xFF; len]);
        }
        assert_eq!(checksum(&[1, 2, 3]), 6);
    }

    #[test]
    fn word_sum_pads_with_zeros_and_wraps() {
        assert_eq!(word_sum(&[]), 0);
        let mut file = vec![0u8; 0x110];
        for i in 0..8 {
            file[0x100 + 2 * i] = 0x80;
            file[0x100 + 2 * i + 1] = i as u8;
        }
        // 8 × 0x8000 wraps to 0; the low bytes add 0+1+...+7 = 28.
        assert_eq!(word_sum(&file), 28);
        file.truncate(0x104);
        // 0x8000 + 0x8001 wraps to 1.
        assert_eq!(word_sum(&file), 1);
        file.truncate(0x103);
        // The missing low byte counts as zero: 0x8000 + 0x8000 wraps to 0.
        assert_eq!(word_sum(&file), 0);
    }
}
