//! The 16-bit word at 0x016: what a file holds there, next to what tools write.
//!
//! The OS does not check it (Simon Lothar's fx-CG20 G3A table: "not cared for by the
//! fxCG20-OS"), so a reader only reports it. Tools disagree on what to write: fxgxa and
//! WikiPrizm give the inverted sum of the eight big-endian words at 0x7100, mkg3a leaves
//! it zero in the stored (inverted) form, and early reverse-engineers took CASIO's own
//! value for a CRC they could not reproduce. The crate's README gives the sources.

use crate::checksum::word_sum;
use crate::error::Field;
use crate::finding::{Finding, FindingKind};
use crate::layout::WORD_SUM;

/// What the word at 0x016 holds, in plain (un-inverted) form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Word16 {
    /// The sum of the eight big-endian words at 0x7100, as fxgxa and this crate's writer
    /// store it.
    WordSum(u16),
    /// Stored `00 00` (plain 0xFFFF) although the words sum to something else: left
    /// unset, as mkg3a leaves it.
    Unset,
    /// Any other value: `plain` is what is stored (un-inverted), `word_sum` what the
    /// formula gives.
    Other {
        /// The word as stored, un-inverted.
        plain: u16,
        /// The sum of the eight words at 0x7100.
        word_sum: u16,
    },
}

impl Word16 {
    /// Classifies the plain word `plain` of a file whose code is `code`.
    pub fn classify(plain: u16, code: &[u8]) -> Word16 {
        let sum = word_sum(code);
        if plain == sum {
            Word16::WordSum(sum)
        } else if plain == 0xFFFF {
            Word16::Unset
        } else {
            Word16::Other {
                plain,
                word_sum: sum,
            }
        }
    }

    /// The plain value stored.
    pub fn plain(self) -> u16 {
        match self {
            Word16::WordSum(w) | Word16::Other { plain: w, .. } => w,
            Word16::Unset => 0xFFFF,
        }
    }

    /// A [`FindingKind::WordSum`] finding, unless the word is the word sum.
    pub(crate) fn finding(self, code: &[u8]) -> Option<Finding> {
        let message = match self {
            Word16::WordSum(_) => return None,
            Word16::Unset => format!(
                "left unset (stored 00 00, plain 0xffff, as mkg3a writes it) instead of the \
                 word sum {:#06x} of the 8 words at 0x7100; the OS does not check this word",
                word_sum(code)
            ),
            Word16::Other { plain, word_sum } => format!(
                "holds {plain:#06x}, not the word sum {word_sum:#06x} of the 8 words at \
                 0x7100 (fxgxa's formula); the OS does not check this word"
            ),
        };
        Some(Finding::new(
            Field::WordSum,
            WORD_SUM,
            FindingKind::WordSum,
            message,
        ))
    }
}

impl std::fmt::Display for Word16 {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Word16::WordSum(w) => write!(f, "{w:#06x} (the word sum of the 8 words at 0x7100)"),
            Word16::Unset => write!(f, "unset (stored 00 00, as mkg3a leaves it)"),
            Word16::Other { plain, word_sum } => write!(
                f,
                "{plain:#06x} (not the word sum {word_sum:#06x} of the 8 words at 0x7100)"
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code_summing_to(sum: u16) -> Vec<u8> {
        let mut code = vec![0u8; 0x110];
        code[0x100..0x102].copy_from_slice(&sum.to_be_bytes());
        code
    }

    #[test]
    fn classifies_the_three_cases() {
        let code = code_summing_to(0x1234);
        assert_eq!(Word16::classify(0x1234, &code), Word16::WordSum(0x1234));
        assert_eq!(Word16::classify(0xFFFF, &code), Word16::Unset);
        assert_eq!(
            Word16::classify(0, &code),
            Word16::Other {
                plain: 0,
                word_sum: 0x1234
            }
        );
        // A sum of 0xFFFF stored as 00 00 is the word sum, not "unset".
        let code = code_summing_to(0xFFFF);
        assert_eq!(Word16::classify(0xFFFF, &code), Word16::WordSum(0xFFFF));
    }

    #[test]
    fn findings_only_when_not_the_sum() {
        let code = code_summing_to(7);
        assert!(Word16::classify(7, &code).finding(&code).is_none());
        let f = Word16::classify(0xFFFF, &code).finding(&code).unwrap();
        assert_eq!((f.field(), f.offset()), (Field::WordSum, 0x16));
        assert!(f.message().contains("mkg3a") && f.message().contains("0x0007"));
        let f = Word16::classify(0xBEEF, &code).finding(&code).unwrap();
        assert!(f.message().contains("0xbeef") && f.message().contains("0x0007"));
        assert_eq!(Word16::Unset.plain(), 0xFFFF);
        assert_eq!(Word16::classify(0xBEEF, &code).plain(), 0xBEEF);
    }
}
