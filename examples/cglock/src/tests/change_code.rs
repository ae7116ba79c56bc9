//! Changing the code: confirm the current one, then type the new one twice.

use super::*;
use crate::hash::code_hash;
use crate::screen::{Notice, Purpose, SetProblem, SetStep};

fn change_state() -> State {
    State::SetCode {
        step: SetStep::NewCode,
        first_run: false,
    }
}

#[test]
fn change_code_flow() {
    let mut s = Sim::with_code("2580");
    s.key(Key::F2);
    assert_eq!(s.m.state(), State::Prompt(Purpose::ChangeCode));
    assert!(!s.m.is_locked());
    assert!(s.shown().contains("Current code"));
    s.type_code("2580");
    s.key(Key::Exe);
    assert_eq!(s.m.state(), change_state());
    assert!(s.shown().contains("Change code"));
    s.type_code("7777");
    s.key(Key::Exe);
    s.type_code("7777");
    s.key(Key::Exe);
    assert_eq!(
        s.screen,
        Some(Screen::Home {
            notice: Some(Notice::CodeSet)
        })
    );
    assert_eq!(s.stored().hash, code_hash(b"7777", &HW));
    s.assert_wiped();
    // The old code no longer unlocks, the new one does.
    s.lock();
    s.try_unlock("2580");
    assert_eq!(s.m.state(), State::WrongCode(Purpose::Unlock));
    s.key(Key::Exit);
    s.try_unlock("7777");
    assert_eq!(s.m.state(), State::Home);
}

#[test]
fn change_keeps_options() {
    let mut s = Sim::with_code("1");
    s.keys(&[Key::F3, Key::Exe, Key::Exit]);
    s.key(Key::F2);
    s.type_code("1");
    s.key(Key::Exe);
    s.type_code("2");
    s.key(Key::Exe);
    s.type_code("2");
    s.key(Key::Exe);
    assert!(s.stored().options.power_off_on_lock);
}

#[test]
fn wrong_current_code_is_counted() {
    let mut s = Sim::with_code("2580");
    s.key(Key::F2);
    s.type_code("1");
    s.key(Key::Exe);
    assert_eq!(s.m.state(), State::WrongCode(Purpose::ChangeCode));
    assert_eq!(s.stored().failures, 1);
    assert!(!s.stored().locked);
    s.key(Key::Exit);
    assert_eq!(s.m.state(), State::Home);
    // After enough failures the change prompt is locked out too.
    for _ in 0..3 {
        s.key(Key::F2);
        s.type_code("1");
        s.key(Key::Exe);
        s.key(Key::Exit);
    }
    assert_eq!(s.m.state(), State::Lockout(Purpose::ChangeCode));
    assert!(
        !s.m.is_locked(),
        "still unlocked: the calculator was unlocked"
    );
    s.key(Key::Exit);
    s.key(Key::F2);
    assert_eq!(s.m.state(), State::Lockout(Purpose::ChangeCode));
    // It ends by itself back on the home screen.
    s.wait(secs(30));
    assert_eq!(s.m.state(), State::Home);
    // A right code resets the counter.
    s.key(Key::F2);
    s.type_code("2580");
    s.key(Key::Exe);
    assert_eq!(s.stored().failures, 0);
}

#[test]
fn new_code_mismatch_and_empty_are_rejected() {
    let mut s = Sim::with_code("2580");
    s.key(Key::F2);
    s.type_code("2580");
    s.key(Key::Exe);
    s.key(Key::Exe);
    assert!(matches!(
        s.screen,
        Some(Screen::SetCode {
            problem: Some(SetProblem::Empty),
            first_run: false,
            ..
        })
    ));
    s.type_code("11");
    s.key(Key::Exe);
    s.type_code("12");
    s.key(Key::Exe);
    assert!(matches!(
        s.screen,
        Some(Screen::SetCode {
            problem: Some(SetProblem::Mismatch),
            ..
        })
    ));
    assert_eq!(s.m.state(), change_state());
    assert_eq!(s.stored().hash, code_hash(b"2580", &HW));
}

#[test]
fn exit_cancels_a_change() {
    let mut s = Sim::with_code("2580");
    s.key(Key::F2);
    s.key(Key::Exit);
    assert_eq!(s.m.state(), State::Home);
    s.key(Key::F2);
    s.type_code("2580");
    s.key(Key::Exe);
    s.type_code("99");
    s.key(Key::Exe);
    let fx = s.key(Key::Exit);
    assert!(
        !fx.iter().any(|e| *e == Effect::Exit),
        "cancelling a change stays in the add-in"
    );
    assert_eq!(s.m.state(), State::Home);
    assert_eq!(s.stored().hash, code_hash(b"2580", &HW));
    s.assert_wiped();
}
