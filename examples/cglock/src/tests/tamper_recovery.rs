//! Tamper detection and damaged settings: never unlocked without the code.

use super::*;
use crate::crc::crc32;
use crate::hash::code_hash;
use crate::load::{CopyStatus, RecoveryReason};
use crate::record::{RECORD_LEN, RecordError};
use crate::screen::{Notice, Purpose};

fn record_for(code: &str, locked: bool) -> RecordBytes {
    let mut r = Record::new(code_hash(code.as_bytes(), &HW));
    r.locked = locked;
    r.encode()
}

/// Every kind of corruption, applied to a valid record.
fn corruptions() -> Vec<(Vec<u8>, RecordError)> {
    let good = record_for("2580", true);
    let mut out = Vec::new();
    out.push((good[..40].to_vec(), RecordError::Truncated { len: 40 }));
    let mut long = good.to_vec();
    long.extend_from_slice(&[0, 0]);
    out.push((
        long,
        RecordError::Oversized {
            len: RECORD_LEN + 2,
        },
    ));
    let mut b = good;
    b[1] ^= 0x20;
    out.push((b.to_vec(), RecordError::BadMagic));
    let mut b = good;
    b[4] = 9;
    out.push((b.to_vec(), RecordError::BadVersion(9)));
    let mut b = good;
    b[30] ^= 1;
    let stored = crc32(&good[..68]);
    let computed = crc32(&b[..68]);
    out.push((b.to_vec(), RecordError::BadChecksum { stored, computed }));
    let mut b = good;
    b[5] = 0x80;
    let crc = crc32(&b[..68]);
    b[68..].copy_from_slice(&crc.to_le_bytes());
    out.push((
        b.to_vec(),
        RecordError::BadField(crate::record::Field::Flags),
    ));
    out
}

fn boot_raw(storage: Option<&[u8]>, mcs: Option<&[u8]>) -> (Machine, Effects) {
    let mut m = Machine::new(HW);
    let fx = m.handle(Event::Loaded {
        storage,
        main_memory: mcs,
    });
    (m, fx)
}

#[test]
fn different_hashes_mean_tampering() {
    let mut s = Sim::boot(
        Some(record_for("2580", false)),
        Some(record_for("0000", false)),
    );
    assert_eq!(s.m.state(), State::Tampered);
    assert!(s.menu_disabled);
    assert!(s.shown().contains("Data tampering"));
    assert!(s.shown().contains("detected!"));
    for k in [
        Key::Alpha,
        Key::Exe,
        Key::Exit,
        Key::Menu,
        Key::F1,
        Key::Digit(0),
    ] {
        assert!(s.key(k).is_empty());
        assert_eq!(s.m.state(), State::Tampered);
    }
    // SHIFT+AC powers off and it is still there afterwards; nothing is written.
    s.key(Key::Shift);
    let fx = s.key(Key::Ac);
    assert_eq!(
        fx.iter().copied().collect::<Vec<_>>(),
        [Effect::PowerOff, Effect::Draw(Screen::Tampered)]
    );
    s.restart();
    assert_eq!(s.m.state(), State::Tampered);
}

#[test]
fn tampering_wins_even_when_both_say_unlocked() {
    let (m, fx) = boot_raw(Some(&record_for("1", false)), Some(&record_for("2", false)));
    assert_eq!(m.state(), State::Tampered);
    assert!(fx.iter().any(|e| *e == Effect::DisableMenu));
}

#[test]
fn every_corruption_kind_in_either_copy_leads_to_recovery() {
    let good = record_for("2580", false);
    for (bad, err) in corruptions() {
        assert_eq!(Record::parse(&bad), Err(err));
        for bad_in_storage in [true, false] {
            let (st, mc): (&[u8], &[u8]) = if bad_in_storage {
                (&bad, &good)
            } else {
                (&good, &bad)
            };
            let (m, fx) = boot_raw(Some(st), Some(mc));
            let reason = if bad_in_storage {
                RecoveryReason {
                    storage: CopyStatus::Corrupt(err),
                    main_memory: CopyStatus::Valid,
                }
            } else {
                RecoveryReason {
                    storage: CopyStatus::Valid,
                    main_memory: CopyStatus::Corrupt(err),
                }
            };
            assert_eq!(m.state(), State::Recovery(reason), "{err:?}");
            assert!(m.is_locked());
            assert_eq!(fx.iter().next(), Some(&Effect::DisableMenu));
            assert_eq!(
                fx.last_screen(),
                Some(&Screen::Recovery {
                    reason,
                    can_repair: true
                })
            );
        }
        // Both bad: nothing to repair from.
        let (m, fx) = boot_raw(Some(&bad), Some(&bad));
        assert!(matches!(m.state(), State::Recovery(_)));
        assert!(matches!(
            fx.last_screen(),
            Some(Screen::Recovery {
                can_repair: false,
                ..
            })
        ));
        // Bad and missing.
        let (m, _) = boot_raw(Some(&bad), None);
        assert!(matches!(m.state(), State::Recovery(_)));
        let (m, _) = boot_raw(None, Some(&bad));
        assert!(matches!(m.state(), State::Recovery(_)));
    }
}

#[test]
fn recovery_without_intact_copy_explains_and_stays() {
    let zeros = [0u8; RECORD_LEN];
    let mut s = Sim::boot(Some(zeros), Some(zeros));
    assert!(s.shown().contains("bad magic"));
    assert!(s.shown().contains("RESTART"));
    for k in [Key::Alpha, Key::Exe, Key::Exit, Key::Menu, Key::F1] {
        assert!(s.key(k).is_empty());
    }
    assert!(s.m.is_locked());
    s.key(Key::Shift);
    let fx = s.key(Key::Ac);
    assert!(
        !fx.iter().any(|e| matches!(e, Effect::Persist(_))),
        "nothing valid to write"
    );
    assert_eq!(s.storage, Some(zeros));
}

#[test]
fn wiped_main_memory_with_unlocked_storage_still_needs_the_code() {
    // The stored copy says "unlocked", the main-memory copy is gone (e.g. reset).
    let mut s = Sim::boot(Some(record_for("2580", false)), None);
    assert!(matches!(s.m.state(), State::Recovery(_)));
    assert!(s.menu_disabled);
    assert!(s.shown().contains("Main: missing"));
    assert!(s.shown().contains("[ALPHA]"));
    // Powering off writes the intact copy back, but as locked.
    s.key(Key::Shift);
    s.key(Key::Ac);
    assert!(s.stored().locked);
    s.restart();
    assert_eq!(
        s.m.state(),
        State::Locked,
        "repaired copies are locked, never unlocked"
    );
    s.try_unlock("2580");
    assert_eq!(s.m.state(), State::Home);
}

#[test]
fn repair_with_the_right_code() {
    let mut s = Sim::boot(None, Some(record_for("2580", true)));
    s.key(Key::Alpha);
    assert_eq!(s.m.state(), State::Prompt(Purpose::Repair));
    assert!(s.shown().contains("Repair"));
    s.key(Key::Exit);
    assert!(matches!(s.m.state(), State::Recovery(_)));
    s.key(Key::Alpha);
    s.type_code("2580");
    let fx = s.key(Key::Exe);
    assert!(fx.iter().any(|e| *e == Effect::EnableMenu));
    assert_eq!(s.m.state(), State::Home);
    assert_eq!(
        s.screen,
        Some(Screen::Home {
            notice: Some(Notice::Repaired)
        })
    );
    assert!(!s.stored().locked);
    s.restart();
    assert_eq!(s.m.state(), State::Home);
}

#[test]
fn repair_attempts_are_counted_and_delayed() {
    let mut s = Sim::boot(Some(record_for("2580", false)), None);
    for _ in 0..4 {
        s.key(Key::Alpha);
        s.type_code("1");
        s.key(Key::Exe);
        assert_eq!(s.m.state(), State::WrongCode(Purpose::Repair));
        s.key(Key::Exit);
    }
    assert_eq!(s.m.state(), State::Lockout(Purpose::Repair));
    assert_eq!(s.stored().failures, 4);
    assert!(s.stored().locked);
    s.key(Key::Exit);
    assert!(matches!(s.m.state(), State::Recovery(_)));
    s.wait(secs(30));
    s.key(Key::Alpha);
    assert_eq!(s.m.state(), State::Prompt(Purpose::Repair));
}

#[test]
fn garbage_never_unlocks() {
    // A simple xorshift generator over many random and mutated inputs.
    let good = record_for("2580", false);
    let mut x = 0x1234_5678_9abc_def0u64;
    let mut next = || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    for i in 0..2000 {
        let mut a = [0u8; RECORD_LEN];
        if i % 2 == 0 {
            a = good;
            let n = (next() % 4 + 1) as usize;
            for _ in 0..n {
                let pos = (next() as usize) % RECORD_LEN;
                a[pos] ^= (next() as u8) | 1;
            }
        } else {
            for b in a.iter_mut() {
                *b = next() as u8;
            }
        }
        let len = if i % 7 == 0 {
            (next() as usize) % RECORD_LEN
        } else {
            RECORD_LEN
        };
        if a[..len] == good[..] {
            continue; // the mutations cancelled out
        }
        for (st, mc) in [
            (Some(&a[..len]), Some(&good[..])),
            (Some(&good[..]), Some(&a[..len])),
            (Some(&a[..len]), None),
        ] {
            let (m, _) = boot_raw(st, mc);
            assert!(
                m.is_locked(),
                "unlocked with damaged input #{i}: {:?}",
                m.state()
            );
        }
    }
}
