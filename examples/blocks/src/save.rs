//! The saved high score: 12 bytes in storage memory. Anything else read back (missing,
//! short, long, wrong magic, a damaged score) counts as no high score.

/// The file in storage memory (at the root).
pub const FILE: &str = "\\\\fls0\\BLOCKS.sav";
/// Bytes of a saved record.
pub const LEN: usize = 12;
/// First four bytes.
pub const MAGIC: [u8; 4] = *b"BLK1";

/// The record of `high`: magic, the score (little-endian), and its bitwise complement
/// (so that a damaged score is seen as such).
pub fn encode(high: u32) -> [u8; LEN] {
    let mut b = [0u8; LEN];
    b[..4].copy_from_slice(&MAGIC);
    b[4..8].copy_from_slice(&high.to_le_bytes());
    b[8..].copy_from_slice(&(!high).to_le_bytes());
    b
}

/// The high score of a record; `None` unless `bytes` is exactly a record [`encode`]
/// makes.
pub fn decode(bytes: &[u8]) -> Option<u32> {
    let b: &[u8; LEN] = bytes.try_into().ok()?;
    if b[..4] != MAGIC {
        return None;
    }
    let high = u32::from_le_bytes(b[4..8].try_into().ok()?);
    let check = u32::from_le_bytes(b[8..].try_into().ok()?);
    (check == !high).then_some(high)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        for h in [0, 1, 1234, u32::MAX] {
            assert_eq!(decode(&encode(h)), Some(h));
        }
        assert_eq!(&encode(0x0102_0304)[4..8], &[4, 3, 2, 1]);
    }

    #[test]
    fn damaged_records_are_refused() {
        let good = encode(4321);
        assert_eq!(decode(&good[..LEN - 1]), None, "short");
        let mut long = [0u8; LEN + 1];
        long[..LEN].copy_from_slice(&good);
        assert_eq!(decode(&long), None, "long");
        assert_eq!(decode(&[]), None, "empty");
        for i in 0..LEN {
            for bit in 0..8 {
                let mut bad = good;
                bad[i] ^= 1 << bit;
                assert_eq!(decode(&bad), None, "byte {i} bit {bit}");
            }
        }
        assert_eq!(decode(&[0xFF; LEN]), None);
    }
}
