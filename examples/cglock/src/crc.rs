//! CRC-32 (IEEE 802.3, reflected, polynomial 0xEDB88320): the checksum of a stored
//! record. It catches accidental damage, not deliberate edits (the tamper check
//! compares the two copies for that).

/// CRC-32 of `data`, the same value as `zlib.crc32` in Python.
pub fn crc32(data: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &byte in data {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            let mask = (crc & 1).wrapping_neg();
            crc = (crc >> 1) ^ (0xEDB8_8320 & mask);
        }
    }
    !crc
}

#[cfg(test)]
mod tests {
    use super::crc32;

    #[test]
    fn check_value() {
        // The standard check value; python3 -c "import zlib; print(hex(zlib.crc32(b'123456789')))"
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
    }
}
