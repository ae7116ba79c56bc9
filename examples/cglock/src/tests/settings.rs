//! The settings menu and the owner-name editor.

use super::*;
use crate::record::{App, OwnerName};
use crate::screen::SettingsItem;

#[test]
fn cursor_moves_and_wraps() {
    let mut s = Sim::with_code("1");
    s.key(Key::F3);
    assert_eq!(s.m.state(), State::Settings(SettingsItem::PowerOffOnLock));
    s.key(Key::Down);
    assert_eq!(s.m.state(), State::Settings(SettingsItem::OwnerName));
    s.key(Key::Down);
    s.key(Key::Down);
    assert_eq!(s.m.state(), State::Settings(SettingsItem::PowerOffOnLock));
    s.key(Key::Up);
    assert_eq!(s.m.state(), State::Settings(SettingsItem::AfterUnlock));
}

#[test]
fn nothing_written_when_nothing_changed() {
    let mut s = Sim::with_code("1");
    s.keys(&[Key::F3, Key::Down, Key::Up]);
    let fx = s.key(Key::Exit);
    assert!(!fx.iter().any(|e| matches!(e, Effect::Persist(_))));
    assert_eq!(s.m.state(), State::Home);
}

#[test]
fn toggles_and_cycles_are_saved_on_exit() {
    let mut s = Sim::with_code("1");
    s.keys(&[Key::F3, Key::Right]);
    assert!(!s.stored().options.power_off_on_lock, "saved only on EXIT");
    s.keys(&[Key::Up]);
    for _ in 0..App::ALL.len() + 2 {
        s.key(Key::Exe);
    }
    let fx = s.key(Key::Exit);
    assert_eq!(
        fx.iter()
            .filter(|e| matches!(e, Effect::Persist(_)))
            .count(),
        1
    );
    let o = s.stored().options;
    assert!(o.power_off_on_lock);
    assert_eq!(o.after_unlock, Some(App::ALL[0]));
    s.restart();
    assert_eq!(s.m.record().unwrap().options, o);
}

#[test]
fn owner_name_editing() {
    let mut s = Sim::with_code("1");
    s.keys(&[Key::F3, Key::Down, Key::Exe]);
    assert_eq!(s.m.state(), State::EditOwner);
    s.type_code("Bob X");
    s.key(Key::Del);
    s.key(Key::Del);
    assert_eq!(
        s.screen,
        Some(Screen::EditOwner {
            name: OwnerName::from_ascii("Bob").unwrap()
        })
    );
    s.key(Key::Exe);
    assert_eq!(s.m.state(), State::Settings(SettingsItem::OwnerName));
    assert!(s.shown().contains("Bob"));
    // A second edit, cancelled.
    s.keys(&[Key::Exe, Key::Ac]);
    s.type_code("Eve");
    s.key(Key::Exit);
    s.key(Key::Exit);
    assert_eq!(s.stored().options.owner.as_str(), "Bob");
}

#[test]
fn owner_name_is_capped() {
    let mut s = Sim::with_code("1");
    s.keys(&[Key::F3, Key::Down, Key::Exe]);
    s.type_code("abcdefghijklmnopqrstuvwxyz");
    s.keys(&[Key::Exe, Key::Exit]);
    assert_eq!(s.stored().options.owner.as_str(), "abcdefghijklmnopqrst");
}
