//! SHA-256 (FIPS 180-4) and the code hash of the original CGlock / Utilities lock:
//! `SHA-256(code bytes as ASCII ‖ 8-byte hardware ID)`.
//!
//! Written here rather than taken from a crate so that every buffer that held code
//! bytes (the message block, the message schedule) is wiped after use.

use zeroize::Zeroize;

use crate::secret::{ct_eq, zeroize_bytes};

/// Length in bytes of a SHA-256 digest.
pub const DIGEST_LEN: usize = 32;
/// Length in bytes of the calculator's hardware ID (read from flash by the add-in).
pub const HARDWARE_ID_LEN: usize = prizm::abi::memory::HARDWARE_ID_LEN;

/// A SHA-256 digest.
pub type Digest = [u8; DIGEST_LEN];
/// The calculator's 8-byte hardware ID, the salt of the code hash.
pub type HardwareId = [u8; HARDWARE_ID_LEN];

const K: [u32; 64] = [
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
];

const H0: [u32; 8] = [
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
];

/// An incremental SHA-256 computation. Its buffered message bytes are wiped when it is
/// finished or dropped.
pub struct Sha256 {
    state: [u32; 8],
    block: [u8; 64],
    used: usize,
    total: u64,
}

impl Sha256 {
    /// A fresh computation.
    pub const fn new() -> Self {
        Sha256 {
            state: H0,
            block: [0; 64],
            used: 0,
            total: 0,
        }
    }

    /// Feeds more message bytes.
    pub fn update(&mut self, mut data: &[u8]) {
        self.total = self.total.wrapping_add(data.len() as u64);
        while !data.is_empty() {
            let n = (64 - self.used).min(data.len());
            self.block[self.used..self.used + n].copy_from_slice(&data[..n]);
            self.used += n;
            data = &data[n..];
            if self.used == 64 {
                compress(&mut self.state, &self.block);
                self.used = 0;
            }
        }
    }

    /// Pads the message and returns the digest.
    pub fn finish(mut self) -> Digest {
        let bits = self.total.wrapping_mul(8);
        self.update(&[0x80]);
        while self.used != 56 {
            self.update(&[0]);
        }
        self.update(&bits.to_be_bytes());
        debug_assert_eq!(self.used, 0);
        let mut out = [0u8; DIGEST_LEN];
        for (chunk, word) in out.chunks_exact_mut(4).zip(self.state) {
            chunk.copy_from_slice(&word.to_be_bytes());
        }
        out
    }
}

impl Default for Sha256 {
    fn default() -> Self {
        Self::new()
    }
}

impl Drop for Sha256 {
    fn drop(&mut self) {
        zeroize_bytes(&mut self.block);
    }
}

fn compress(state: &mut [u32; 8], block: &[u8; 64]) {
    let mut w = [0u32; 64];
    for (i, c) in block.chunks_exact(4).enumerate() {
        w[i] = u32::from_be_bytes([c[0], c[1], c[2], c[3]]);
    }
    for i in 16..64 {
        let s0 = w[i - 15].rotate_right(7) ^ w[i - 15].rotate_right(18) ^ (w[i - 15] >> 3);
        let s1 = w[i - 2].rotate_right(17) ^ w[i - 2].rotate_right(19) ^ (w[i - 2] >> 10);
        w[i] = w[i - 16]
            .wrapping_add(s0)
            .wrapping_add(w[i - 7])
            .wrapping_add(s1);
    }
    let [mut a, mut b, mut c, mut d, mut e, mut f, mut g, mut h] = *state;
    for i in 0..64 {
        let s1 = e.rotate_right(6) ^ e.rotate_right(11) ^ e.rotate_right(25);
        let ch = (e & f) ^ (!e & g);
        let t1 = h
            .wrapping_add(s1)
            .wrapping_add(ch)
            .wrapping_add(K[i])
            .wrapping_add(w[i]);
        let s0 = a.rotate_right(2) ^ a.rotate_right(13) ^ a.rotate_right(22);
        let maj = (a & b) ^ (a & c) ^ (b & c);
        let t2 = s0.wrapping_add(maj);
        h = g;
        g = f;
        f = e;
        e = d.wrapping_add(t1);
        d = c;
        c = b;
        b = a;
        a = t1.wrapping_add(t2);
    }
    for (s, v) in state.iter_mut().zip([a, b, c, d, e, f, g, h]) {
        *s = s.wrapping_add(v);
    }
    // The message schedule holds words of the (secret) message: wipe it.
    w.zeroize();
}

/// SHA-256 of `data` in one go.
pub fn sha256(data: &[u8]) -> Digest {
    let mut h = Sha256::new();
    h.update(data);
    h.finish()
}

/// The stored form of a code: `SHA-256(code ‖ hardware_id)`, exactly as the original
/// add-in computes it, so a hash made by one matches the other for the same code.
pub fn code_hash(code: &[u8], hardware_id: &HardwareId) -> Digest {
    let mut h = Sha256::new();
    h.update(code);
    h.update(hardware_id);
    h.finish()
}

/// Whether `code` hashes to `stored` with this `hardware_id`; the comparison takes the
/// same time wherever the digests differ.
pub fn code_matches(code: &[u8], hardware_id: &HardwareId, stored: &Digest) -> bool {
    let mut h = code_hash(code, hardware_id);
    let ok = ct_eq(&h, stored);
    zeroize_bytes(&mut h);
    ok
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(s: &str) -> Digest {
        let mut out = [0u8; 32];
        for (i, o) in out.iter_mut().enumerate() {
            *o = u8::from_str_radix(&s[2 * i..2 * i + 2], 16).unwrap();
        }
        out
    }

    // FIPS 180-4 / NIST CAVP vectors; rechecked with
    // python3 -c "import hashlib; print(hashlib.sha256(MSG).hexdigest())"
    #[test]
    fn fips_vectors() {
        assert_eq!(
            sha256(b""),
            hex("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        );
        assert_eq!(
            sha256(b"abc"),
            hex("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        );
        assert_eq!(
            sha256(b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            hex("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        );
        assert_eq!(
            sha256(
                b"abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu"
            ),
            hex("cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1")
        );
    }

    #[test]
    fn million_a_in_odd_pieces() {
        let mut h = Sha256::new();
        let chunk = [b'a'; 997];
        let mut left = 1_000_000usize;
        while left > 0 {
            let n = left.min(chunk.len());
            h.update(&chunk[..n]);
            left -= n;
        }
        assert_eq!(
            h.finish(),
            hex("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
        );
    }

    /// Hardware ID used by the vectors below: 01 23 45 67 89 ab cd ef.
    pub(crate) const HW: HardwareId = [0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef];

    // Computed independently:
    // python3 -c "import hashlib; hw=bytes.fromhex('0123456789abcdef');
    //   print(hashlib.sha256(b'1234'+hw).hexdigest())"   (and so on)
    #[test]
    fn code_hash_matches_original_format() {
        assert_eq!(
            code_hash(b"1234", &HW),
            hex("dafea4ae4ac7444c9f110c7d330f71cd0aa3693db7d215f28ce5f50ecbe41c16")
        );
        assert_eq!(
            code_hash(b"0000", &HW),
            hex("37750bc416bb5b55caf28bd714306cfddb8abd88f8a35fd9cc9452a0dfb7b9b0")
        );
        assert_eq!(
            code_hash(b"Secret42", &HW),
            hex("cd75dc8344faa3c65106e2c05c554c7316435b6121bc67f26aa8b3f414064354")
        );
        // python3: hashlib.sha256(b'2580' + b'\0'*8).hexdigest()
        assert_eq!(
            code_hash(b"2580", &[0; 8]),
            hex("37ba4671933ac19875c94d68d8a31d4e0ecfd971a43cb09df122c3800fcc59aa")
        );
    }

    #[test]
    fn code_matches_checks_salt_and_code() {
        let stored = code_hash(b"1234", &HW);
        assert!(code_matches(b"1234", &HW, &stored));
        assert!(!code_matches(b"1235", &HW, &stored));
        assert!(!code_matches(b"1234", &[0; 8], &stored));
    }
}
