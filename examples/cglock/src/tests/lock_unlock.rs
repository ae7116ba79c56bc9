//! Locking, the lock screen, the code prompt, MENU and SHIFT+AC.

use super::*;
use crate::record::{App, OwnerName};
use crate::screen::Purpose;

#[test]
fn lock_persists_and_disables_menu() {
    let mut s = Sim::with_code("2580");
    let fx = s.key(Key::F1);
    let v: Vec<Effect> = fx.iter().copied().collect();
    assert!(matches!(v[0], Effect::Persist(_)));
    assert_eq!(v[1], Effect::DisableMenu);
    assert!(matches!(v[2], Effect::Draw(Screen::Lock { .. })));
    assert_eq!(v.len(), 3);
    assert!(s.stored().locked);
    assert!(s.m.is_locked());
    assert_eq!(s.shown().row(7), Some("Calculator locked"));
}

#[test]
fn exe_on_home_also_locks() {
    let mut s = Sim::with_code("1");
    s.key(Key::Exe);
    assert_eq!(s.m.state(), State::Locked);
}

#[test]
fn exit_on_home_leaves() {
    let mut s = Sim::with_code("1");
    let fx = s.key(Key::Exit);
    assert_eq!(fx.iter().copied().collect::<Vec<_>>(), [Effect::Exit]);
}

#[test]
fn alpha_opens_masked_prompt_and_exit_goes_back() {
    let mut s = Sim::with_code("2580");
    s.lock();
    s.key(Key::Alpha);
    assert_eq!(s.m.state(), State::Prompt(Purpose::Unlock));
    s.type_code("2580");
    assert_eq!(s.shown().row(4), Some("****"));
    assert!(!s.shown().contains("2580"));
    s.key(Key::Exit);
    assert_eq!(s.m.state(), State::Locked);
    s.assert_wiped();
    // Reopening starts with an empty prompt.
    s.key(Key::Exe);
    assert_eq!(s.m.state(), State::Prompt(Purpose::Unlock));
    assert_eq!(s.m.typed_len(), 0);
}

#[test]
fn other_keys_do_nothing_on_the_lock_screen() {
    let mut s = Sim::with_code("2580");
    s.lock();
    for k in [
        Key::Exit,
        Key::Digit(1),
        Key::F1,
        Key::F6,
        Key::Optn,
        Key::Up,
        Key::Ac,
        Key::Del,
        Key::Other,
    ] {
        assert!(s.key(k).is_empty(), "{k:?}");
        assert_eq!(s.m.state(), State::Locked);
    }
}

#[test]
fn right_code_unlocks() {
    let mut s = Sim::with_code("2580");
    s.lock();
    let fx = s.try_unlock("2580");
    let v: Vec<Effect> = fx.iter().copied().collect();
    assert!(matches!(v[0], Effect::Persist(_)));
    assert_eq!(v[1], Effect::EnableMenu);
    assert_eq!(v[2], Effect::Draw(Screen::Home { notice: None }));
    assert_eq!(v.len(), 3);
    assert_eq!(s.m.state(), State::Home);
    assert!(!s.stored().locked);
    s.assert_wiped();
    s.restart();
    assert_eq!(s.m.state(), State::Home);
}

#[test]
fn wrong_code_says_so_and_stays_locked() {
    let mut s = Sim::with_code("2580");
    s.lock();
    s.try_unlock("0000");
    assert_eq!(s.m.state(), State::WrongCode(Purpose::Unlock));
    assert_eq!(s.shown().row(3), Some("Wrong code"));
    assert_eq!(s.stored().failures, 1);
    assert!(s.stored().locked);
    s.assert_wiped();
    s.key(Key::Exit);
    assert_eq!(s.m.state(), State::Locked);
    s.try_unlock("2580");
    assert_eq!(s.m.state(), State::Home);
    assert_eq!(s.stored().failures, 0);
}

#[test]
fn empty_code_at_the_prompt_is_not_an_attempt() {
    let mut s = Sim::with_code("2580");
    s.lock();
    s.key(Key::Alpha);
    assert!(s.key(Key::Exe).is_empty());
    assert_eq!(s.m.state(), State::Prompt(Purpose::Unlock));
    assert_eq!(s.stored().failures, 0);
}

#[test]
fn menu_never_leaves_while_locked() {
    let mut s = Sim::with_code("2580");
    s.lock();
    for setup in [&[][..], &[Key::Alpha][..], &[Key::Alpha, Key::Digit(1)][..]] {
        s.keys(setup);
        let before = s.m.state();
        assert!(s.key(Key::Menu).is_empty());
        assert_eq!(s.m.state(), before);
        assert!(s.menu_disabled);
        s.key(Key::Exit);
    }
    s.try_unlock("9");
    assert!(s.key(Key::Menu).is_empty());
    assert_eq!(s.m.state(), State::WrongCode(Purpose::Unlock));
}

#[test]
fn shift_ac_powers_off_and_stays_locked() {
    let mut s = Sim::with_code("2580");
    s.lock();
    s.key(Key::Alpha);
    s.type_code("25");
    assert!(s.key(Key::Shift).is_empty());
    assert!(s.m.shift_pending());
    let fx = s.key(Key::Ac);
    let v: Vec<Effect> = fx.iter().copied().collect();
    assert!(matches!(v[0], Effect::Persist(_)));
    assert_eq!(v[1], Effect::PowerOff);
    assert!(matches!(v[2], Effect::Draw(Screen::Lock { .. })));
    // Switched on again: still the lock screen, the half-typed code gone.
    assert_eq!(s.m.state(), State::Locked);
    assert!(s.stored().locked);
    s.assert_wiped();
    // A restart (the add-in started again) is also locked.
    s.restart();
    assert_eq!(s.m.state(), State::Locked);
    assert!(s.menu_disabled);
}

#[test]
fn shift_then_other_key_is_ignored() {
    let mut s = Sim::with_code("2580");
    s.lock();
    s.key(Key::Alpha);
    s.key(Key::Shift);
    assert!(s.key(Key::Exit).is_empty(), "SHIFT+EXIT (QUIT) is blocked");
    assert_eq!(s.m.state(), State::Prompt(Purpose::Unlock));
    assert!(!s.m.shift_pending());
    s.key(Key::Shift);
    s.key(Key::Shift);
    assert!(!s.m.shift_pending(), "SHIFT twice cancels");
    s.key(Key::Ac);
    assert_eq!(
        s.m.state(),
        State::Prompt(Purpose::Unlock),
        "AC alone clears the entry"
    );
}

#[test]
fn shift_ac_when_unlocked_just_powers_off() {
    let mut s = Sim::with_code("2580");
    s.key(Key::Shift);
    let fx = s.key(Key::Ac);
    let v: Vec<Effect> = fx.iter().copied().collect();
    assert_eq!(
        v,
        [
            Effect::PowerOff,
            Effect::Draw(Screen::Home { notice: None })
        ]
    );
}

#[test]
fn power_off_on_lock_option() {
    let mut s = Sim::with_code("2580");
    s.keys(&[Key::F3, Key::Exe, Key::Exit]);
    assert!(s.stored().options.power_off_on_lock);
    let fx = s.key(Key::F1);
    let v: Vec<Effect> = fx.iter().copied().collect();
    assert!(matches!(v[0], Effect::Persist(_)));
    assert_eq!(v[1], Effect::DisableMenu);
    assert!(matches!(v[2], Effect::Draw(Screen::Lock { .. })));
    assert_eq!(v[3], Effect::PowerOff);
    assert!(matches!(v[4], Effect::Draw(Screen::Lock { .. })));
    assert_eq!(s.m.state(), State::Locked);
}

#[test]
fn owner_name_is_on_the_lock_screen() {
    let mut s = Sim::with_code("1");
    s.keys(&[Key::F3, Key::Down, Key::Exe]);
    s.type_code("Ada");
    s.keys(&[Key::Exe, Key::Exit]);
    assert_eq!(
        s.stored().options.owner,
        OwnerName::from_ascii("Ada").unwrap()
    );
    s.lock();
    assert_eq!(
        s.screen,
        Some(Screen::Lock {
            owner: OwnerName::from_ascii("Ada").unwrap()
        })
    );
    assert!(s.shown().contains("Ada"));
}

#[test]
fn open_app_after_unlock() {
    let mut s = Sim::with_code("1");
    s.keys(&[Key::F3, Key::Down, Key::Down, Key::Exe, Key::Exit]);
    assert_eq!(s.stored().options.after_unlock, Some(App::RunMatrix));
    s.lock();
    let fx = s.try_unlock("1");
    let v: Vec<Effect> = fx.iter().copied().collect();
    assert_eq!(v[1], Effect::EnableMenu);
    assert_eq!(*v.last().unwrap(), Effect::OpenApp(App::RunMatrix));
    // A wrong code never opens anything.
    s.lock();
    let fx = s.try_unlock("2");
    assert!(!fx.iter().any(|e| matches!(e, Effect::OpenApp(_))));
}

#[test]
fn loaded_is_only_accepted_once() {
    let mut s = Sim::with_code("1");
    s.lock();
    let fx = s.m.handle(Event::Loaded {
        storage: None,
        main_memory: None,
    });
    assert!(fx.is_empty());
    assert_eq!(s.m.state(), State::Locked);
}
