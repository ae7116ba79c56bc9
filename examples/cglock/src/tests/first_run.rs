//! First run: no stored settings → set a code, typed twice.

use super::*;
use crate::hash::code_hash;
use crate::screen::{Notice, SetProblem, SetStep};

#[test]
fn fresh_calculator_asks_for_a_new_code() {
    let s = Sim::boot(None, None);
    assert_eq!(
        s.m.state(),
        State::SetCode {
            step: SetStep::NewCode,
            first_run: true
        }
    );
    assert!(!s.menu_disabled);
    assert!(s.shown().contains("Set up CGlock"));
    assert!(s.storage.is_none() && s.mcs.is_none());
}

#[test]
fn empty_code_is_rejected() {
    let mut s = Sim::boot(None, None);
    s.key(Key::Exe);
    assert_eq!(
        s.m.state(),
        State::SetCode {
            step: SetStep::NewCode,
            first_run: true
        }
    );
    assert!(matches!(
        s.screen,
        Some(Screen::SetCode {
            problem: Some(SetProblem::Empty),
            ..
        })
    ));
    assert!(s.shown().contains("Code can't be empty"));
    // Typing again clears the message.
    s.key(Key::Digit(1));
    assert!(matches!(
        s.screen,
        Some(Screen::SetCode {
            problem: None,
            typed: 1,
            ..
        })
    ));
    assert!(s.storage.is_none());
}

#[test]
fn mismatched_confirmation_is_rejected() {
    let mut s = Sim::boot(None, None);
    s.type_code("1234");
    s.key(Key::Exe);
    assert_eq!(
        s.m.state(),
        State::SetCode {
            step: SetStep::Confirm,
            first_run: true
        }
    );
    assert!(s.shown().contains("Type it again"));
    s.type_code("1243");
    s.key(Key::Exe);
    assert_eq!(
        s.m.state(),
        State::SetCode {
            step: SetStep::NewCode,
            first_run: true
        }
    );
    assert!(s.shown().contains("Codes don't match"));
    assert!(s.storage.is_none() && s.mcs.is_none());
    s.assert_wiped();
}

#[test]
fn empty_confirmation_is_a_mismatch() {
    let mut s = Sim::boot(None, None);
    s.type_code("12");
    s.key(Key::Exe);
    s.key(Key::Exe);
    assert!(matches!(
        s.screen,
        Some(Screen::SetCode {
            problem: Some(SetProblem::Mismatch),
            ..
        })
    ));
}

#[test]
fn matching_codes_store_the_salted_hash_in_both_places() {
    let mut s = Sim::boot(None, None);
    s.type_code("1234");
    s.key(Key::Exe);
    s.type_code("1234");
    let fx = s.key(Key::Exe);
    assert_eq!(s.m.state(), State::Home);
    assert_eq!(
        s.screen,
        Some(Screen::Home {
            notice: Some(Notice::CodeSet)
        })
    );
    let stored = Record::parse(fx.last_persisted().unwrap()).unwrap();
    assert_eq!(stored.hash, code_hash(b"1234", &HW));
    assert_eq!(s.stored(), stored);
    assert!(!stored.locked);
    assert_eq!((stored.failures, stored.lockout_remaining), (0, 0));
    s.assert_wiped();
    // The notice goes away at the next key.
    s.key(Key::Up);
    assert_eq!(s.screen, Some(Screen::Home { notice: None }));
    // Restarting goes straight to the unlocked home screen.
    s.restart();
    assert_eq!(s.m.state(), State::Home);
}

#[test]
fn editing_keys_work_while_typing_a_code() {
    let mut s = Sim::boot(None, None);
    s.type_code("129");
    s.key(Key::Del);
    s.type_code("3");
    assert_eq!(s.m.typed_len(), 3);
    s.key(Key::Ac);
    assert_eq!(s.m.typed_len(), 0);
    s.type_code("12a");
    s.key(Key::Exe);
    s.type_code("12a");
    s.key(Key::Exe);
    assert_eq!(s.stored().hash, code_hash(b"12a", &HW));
}

#[test]
fn code_length_is_capped() {
    let mut s = Sim::boot(None, None);
    for _ in 0..40 {
        s.key(Key::Digit(7));
    }
    assert_eq!(s.m.typed_len(), crate::machine::MAX_CODE_LEN);
}

#[test]
fn exit_during_first_run_leaves_without_storing() {
    let mut s = Sim::boot(None, None);
    s.type_code("55");
    s.key(Key::Exe);
    s.type_code("5");
    let fx = s.key(Key::Exit);
    assert!(fx.iter().any(|e| *e == Effect::Exit));
    assert!(s.storage.is_none() && s.mcs.is_none());
    assert_eq!(
        s.m.state(),
        State::SetCode {
            step: SetStep::NewCode,
            first_run: true
        }
    );
    s.assert_wiped();
}

#[test]
fn non_code_keys_are_ignored_in_setup() {
    let mut s = Sim::boot(None, None);
    for k in [
        Key::F1,
        Key::Up,
        Key::Optn,
        Key::Alpha,
        Key::Menu,
        Key::Digit(12),
        Key::Char(0x01),
    ] {
        let fx = s.key(k);
        assert!(fx.is_empty(), "{k:?}");
    }
}
