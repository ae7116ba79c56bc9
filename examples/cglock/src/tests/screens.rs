//! Every screen lays out inside the text grid, with the texts of the original.

use super::*;
use crate::layout::{COLUMNS, ROWS};
use crate::load::{CopyStatus, RecoveryReason};
use crate::record::{App, Options, OwnerName};
use crate::screen::{Notice, Purpose, SetProblem, SetStep, SettingsItem};
use std::vec;

fn all_screens() -> Vec<Screen> {
    let owner = OwnerName::from_ascii("ABCDEFGHIJKLMNOPQRST").unwrap();
    let mut v = vec![
        Screen::Loading,
        Screen::Lock { owner },
        Screen::Lock {
            owner: OwnerName::new(),
        },
    ];
    for purpose in [Purpose::Unlock, Purpose::ChangeCode, Purpose::Repair] {
        v.push(Screen::Prompt { purpose, typed: 32 });
        v.push(Screen::WrongCode {
            purpose,
            failures: u16::MAX,
            wait_seconds: 3600,
        });
        v.push(Screen::Lockout {
            purpose,
            wait_seconds: 3599,
        });
    }
    for step in [SetStep::NewCode, SetStep::Confirm] {
        for problem in [None, Some(SetProblem::Empty), Some(SetProblem::Mismatch)] {
            for first_run in [true, false] {
                v.push(Screen::SetCode {
                    step,
                    typed: 5,
                    problem,
                    first_run,
                });
            }
        }
    }
    for notice in [None, Some(Notice::CodeSet), Some(Notice::Repaired)] {
        v.push(Screen::Home { notice });
    }
    for selected in SettingsItem::ALL {
        let options = Options {
            power_off_on_lock: true,
            owner,
            after_unlock: Some(App::Spreadsheet),
        };
        v.push(Screen::Settings { selected, options });
    }
    v.push(Screen::EditOwner { name: owner });
    v.push(Screen::Tampered);
    let bad = CopyStatus::Corrupt(crate::record::RecordError::BadChecksum {
        stored: 0,
        computed: 1,
    });
    for can_repair in [true, false] {
        v.push(Screen::Recovery {
            reason: RecoveryReason {
                storage: bad,
                main_memory: bad,
            },
            can_repair,
        });
    }
    v
}

#[test]
fn every_screen_fits_the_grid_without_overlap() {
    for screen in all_screens() {
        let l = layout(&screen);
        let mut used = [[false; COLUMNS]; ROWS];
        for line in l.lines() {
            assert!((1..=ROWS as u8).contains(&line.row), "{screen:?}");
            let start = usize::from(line.col) - 1;
            let end = start + line.text.len();
            assert!(end <= COLUMNS, "{screen:?}: {line:?}");
            for c in &mut used[usize::from(line.row) - 1][start..end] {
                assert!(!*c, "overlap in {screen:?}");
                *c = true;
            }
        }
        assert!(l.lines().count() > 0, "{screen:?} is blank");
        assert!(!l.contains("ABCDEFGHIJKLMNOPQRSTU"));
    }
}

#[test]
fn texts_of_the_original() {
    let l = layout(&Screen::Lock {
        owner: OwnerName::new(),
    });
    assert_eq!(l.row(7), Some("Calculator locked"));
    let l = layout(&Screen::Prompt {
        purpose: Purpose::Unlock,
        typed: 4,
    });
    assert_eq!(l.row(4), Some("****"));
    let l = layout(&Screen::WrongCode {
        purpose: Purpose::Unlock,
        failures: 1,
        wait_seconds: 0,
    });
    assert!(l.contains("Wrong code") && l.contains("Press:[EXIT]"));
    let l = layout(&Screen::SetCode {
        step: SetStep::NewCode,
        typed: 0,
        problem: Some(SetProblem::Empty),
        first_run: true,
    });
    assert!(l.contains("Code can't be empty"));
    let l = layout(&Screen::Tampered);
    assert!(l.contains("Data tampering") && l.contains("detected!"));
    let l = layout(&Screen::Lockout {
        purpose: Purpose::Unlock,
        wait_seconds: 90,
    });
    assert!(l.contains("1:30"));
    let l = layout(&Screen::Home { notice: None });
    assert_eq!(l.fkeys[0], "Lock");
}
