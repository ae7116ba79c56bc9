//! Reconciling the two stored copies (storage memory and main memory) at start-up.

use crate::record::{Record, RecordError};

/// Where a copy of the record lives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Location {
    /// Storage memory (a Bfile in `\\fls0\`).
    Storage,
    /// Main memory (an MCS item).
    MainMemory,
}

/// What was found at one location.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CopyStatus {
    /// A valid record.
    Valid,
    /// No record there.
    Missing,
    /// A record that does not parse.
    Corrupt(RecordError),
}

/// Why the stored settings cannot be used: the status of each copy.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RecoveryReason {
    /// The storage-memory copy.
    pub storage: CopyStatus,
    /// The main-memory copy.
    pub main_memory: CopyStatus,
}

/// The result of loading both copies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LoadOutcome {
    /// Neither copy exists: first run, set a code.
    FirstRun,
    /// Both copies are valid and hold the same code hash. The merged record takes the
    /// more cautious value of each state field (see [`reconcile`]).
    Ready(Record),
    /// Both copies are valid but hold different code hashes: "Data tampering detected!".
    Tampered,
    /// At least one copy is missing or corrupt (but not both missing). The calculator
    /// stays locked; if one copy is intact, its code can repair the other.
    Damaged {
        /// The status of each copy.
        reason: RecoveryReason,
        /// The valid copy, if exactly one copy is valid.
        intact: Option<Record>,
    },
}

fn status(r: &Option<Result<Record, RecordError>>) -> CopyStatus {
    match r {
        None => CopyStatus::Missing,
        Some(Ok(_)) => CopyStatus::Valid,
        Some(Err(e)) => CopyStatus::Corrupt(*e),
    }
}

/// Parses and compares the two copies (`None` = not found).
///
/// When both are valid with equal hashes they are merged cautiously, since a power loss
/// between the two writes can leave one a step behind: the higher failure count, the
/// longer remaining lock-out, locked if either is locked, and the storage copy's options.
pub fn reconcile(storage: Option<&[u8]>, main_memory: Option<&[u8]>) -> LoadOutcome {
    let s = storage.map(Record::parse);
    let m = main_memory.map(Record::parse);
    match (s, m) {
        (None, None) => LoadOutcome::FirstRun,
        (Some(Ok(a)), Some(Ok(b))) => {
            if !crate::secret::ct_eq(&a.hash, &b.hash) {
                return LoadOutcome::Tampered;
            }
            LoadOutcome::Ready(Record {
                hash: a.hash,
                failures: a.failures.max(b.failures),
                lockout_remaining: a.lockout_remaining.max(b.lockout_remaining),
                locked: a.locked || b.locked,
                options: a.options,
            })
        }
        (s, m) => {
            let reason = RecoveryReason {
                storage: status(&s),
                main_memory: status(&m),
            };
            let intact = match (s, m) {
                (Some(Ok(r)), _) | (_, Some(Ok(r))) => Some(r),
                _ => None,
            };
            LoadOutcome::Damaged { reason, intact }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::RECORD_LEN;

    fn rec(hash_byte: u8) -> Record {
        Record::new([hash_byte; 32])
    }

    #[test]
    fn first_run_when_both_missing() {
        assert_eq!(reconcile(None, None), LoadOutcome::FirstRun);
    }

    #[test]
    fn ready_when_equal() {
        let b = rec(1).encode();
        assert_eq!(reconcile(Some(&b), Some(&b)), LoadOutcome::Ready(rec(1)));
    }

    #[test]
    fn merge_is_cautious() {
        let mut a = rec(1);
        a.failures = 5;
        a.lockout_remaining = 10;
        let mut b = rec(1);
        b.failures = 4;
        b.lockout_remaining = 99;
        b.locked = true;
        let LoadOutcome::Ready(r) = reconcile(Some(&a.encode()), Some(&b.encode())) else {
            panic!()
        };
        assert_eq!((r.failures, r.lockout_remaining, r.locked), (5, 99, true));
    }

    #[test]
    fn tampered_when_hashes_differ() {
        assert_eq!(
            reconcile(Some(&rec(1).encode()), Some(&rec(2).encode())),
            LoadOutcome::Tampered
        );
    }

    #[test]
    fn one_missing_is_damaged_with_intact_copy() {
        let b = rec(3).encode();
        assert_eq!(
            reconcile(Some(&b), None),
            LoadOutcome::Damaged {
                reason: RecoveryReason {
                    storage: CopyStatus::Valid,
                    main_memory: CopyStatus::Missing
                },
                intact: Some(rec(3)),
            }
        );
        assert_eq!(
            reconcile(None, Some(&b)),
            LoadOutcome::Damaged {
                reason: RecoveryReason {
                    storage: CopyStatus::Missing,
                    main_memory: CopyStatus::Valid
                },
                intact: Some(rec(3)),
            }
        );
    }

    #[test]
    fn corrupt_copies() {
        let good = rec(3).encode();
        let short = &good[..10];
        assert_eq!(
            reconcile(Some(short), Some(&good)),
            LoadOutcome::Damaged {
                reason: RecoveryReason {
                    storage: CopyStatus::Corrupt(RecordError::Truncated { len: 10 }),
                    main_memory: CopyStatus::Valid
                },
                intact: Some(rec(3)),
            }
        );
        let zeros = [0u8; RECORD_LEN];
        assert_eq!(
            reconcile(Some(&zeros), None),
            LoadOutcome::Damaged {
                reason: RecoveryReason {
                    storage: CopyStatus::Corrupt(RecordError::BadMagic),
                    main_memory: CopyStatus::Missing
                },
                intact: None,
            }
        );
    }
}
