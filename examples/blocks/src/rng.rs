//! Deterministic randomness: a xorshift32 generator and the "7-bag" (each run of seven
//! pieces holds every kind once, in a shuffled order).

use crate::piece::Kind;

/// Marsaglia's xorshift32 ("Xorshift RNGs", Journal of Statistical Software 8(14),
/// 2003: shifts 13, 17, 5). Same seed, same sequence, on the PC and the calculator.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rng(u32);

impl Rng {
    /// A generator from `seed`; a zero seed (which would stay zero) is replaced.
    pub fn new(seed: u32) -> Rng {
        Rng(if seed == 0 { 0x9E37_79B9 } else { seed })
    }

    /// The next number.
    pub fn next_u32(&mut self) -> u32 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        self.0 = x;
        x
    }

    /// A number in `0..n` (`n` > 0), by multiply-shift (no division: the CPU has no
    /// divide instruction).
    pub fn below(&mut self, n: u32) -> u32 {
        ((u64::from(self.next_u32()) * u64::from(n)) >> 32) as u32
    }
}

/// The pieces to come, seven at a time.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bag {
    rng: Rng,
    pieces: [Kind; 7],
    used: usize,
}

impl Bag {
    /// A bag shuffled with `seed` (any number: close seeds give unrelated bags).
    pub fn new(seed: u32) -> Bag {
        let mut bag = Bag {
            rng: Rng::new(mix(seed)),
            pieces: Kind::ALL,
            used: 7,
        };
        bag.refill();
        bag
    }

    fn refill(&mut self) {
        self.pieces = Kind::ALL;
        // Fisher-Yates.
        for i in (1..7).rev() {
            let j = self.rng.below(i as u32 + 1) as usize;
            self.pieces.swap(i, j);
        }
        self.used = 0;
    }

    /// The next piece.
    pub fn take(&mut self) -> Kind {
        if self.used == 7 {
            self.refill();
        }
        self.used += 1;
        self.pieces[self.used - 1]
    }
}

/// Spreads the bits of `x` over the whole word (the finaliser of Austin Appleby's
/// MurmurHash3, `fmix32`): xorshift from a small seed starts with small numbers.
fn mix(mut x: u32) -> u32 {
    x ^= x >> 16;
    x = x.wrapping_mul(0x85EB_CA6B);
    x ^= x >> 13;
    x = x.wrapping_mul(0xC2B2_AE35);
    x ^ (x >> 16)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xorshift_matches_the_paper() {
        // Marsaglia's xor32 from y = 2463534242: the first output.
        let mut r = Rng::new(2_463_534_242);
        assert_eq!(r.next_u32(), 723_471_715);
    }

    #[test]
    fn below_stays_in_range_and_covers_it() {
        let mut r = Rng::new(1);
        let mut seen = [false; 5];
        for _ in 0..1000 {
            let v = r.below(5) as usize;
            seen[v] = true;
        }
        assert_eq!(seen, [true; 5]);
    }

    #[test]
    fn small_seeds_start_with_every_kind() {
        let mut seen = [false; 7];
        for seed in 0..50 {
            seen[Bag::new(seed).take().index()] = true;
        }
        assert_eq!(seen, [true; 7]);
    }

    #[test]
    fn every_seven_pieces_hold_each_kind_once() {
        let mut bag = Bag::new(42);
        for _ in 0..20 {
            let mut seen = [0; 7];
            for _ in 0..7 {
                seen[bag.take().index()] += 1;
            }
            assert_eq!(seen, [1; 7]);
        }
    }

    #[test]
    fn same_seed_same_pieces_other_seed_others() {
        let take = |seed| {
            let mut b = Bag::new(seed);
            core::array::from_fn::<Kind, 28, _>(|_| b.take())
        };
        assert_eq!(take(7), take(7));
        assert_ne!(take(7), take(8));
        assert_ne!(take(0), take(1));
    }
}
