//! [`Screen`]: what to show, as data. The add-in turns it into pixels;
//! [`layout`](crate::layout::layout) gives a text-grid rendering of it.

use crate::load::RecoveryReason;
use crate::record::{Options, OwnerName};

/// Why a code is being asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    /// To unlock the calculator.
    Unlock,
    /// To confirm the current code before choosing a new one.
    ChangeCode,
    /// To repair damaged settings from the intact copy (the calculator stays locked
    /// until the code is right).
    Repair,
}

/// The step of setting a code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SetStep {
    /// Type the new code.
    NewCode,
    /// Type it again.
    Confirm,
}

/// Why a new code was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SetProblem {
    /// "Code can't be empty".
    Empty,
    /// The two entries differed.
    Mismatch,
}

/// A one-off message on the home screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Notice {
    /// The code was set or changed.
    CodeSet,
    /// Settings were repaired with the right code.
    Repaired,
}

/// An entry of the settings menu.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SettingsItem {
    /// Power off right after locking.
    PowerOffOnLock,
    /// The owner name on the lock screen.
    OwnerName,
    /// The application opened after unlocking.
    AfterUnlock,
}

impl SettingsItem {
    /// The entries, top to bottom.
    pub const ALL: [SettingsItem; 3] = [
        SettingsItem::PowerOffOnLock,
        SettingsItem::OwnerName,
        SettingsItem::AfterUnlock,
    ];

    /// The position of this entry in [`SettingsItem::ALL`].
    pub fn index(self) -> usize {
        SettingsItem::ALL
            .iter()
            .position(|&i| i == self)
            .unwrap_or(0)
    }
}

/// A screen to show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    /// Before the settings have been read.
    Loading,
    /// "Calculator locked", with the owner name if set; ALPHA opens the prompt.
    Lock {
        /// The owner name (may be empty).
        owner: OwnerName,
    },
    /// The code prompt, showing one `*` per typed character.
    Prompt {
        /// Why the code is asked for.
        purpose: Purpose,
        /// How many characters have been typed.
        typed: u8,
    },
    /// "Wrong code", with the delay before the next try (0: none).
    WrongCode {
        /// Why the code was asked for.
        purpose: Purpose,
        /// Consecutive wrong codes.
        failures: u16,
        /// Seconds before another try is allowed.
        wait_seconds: u32,
    },
    /// Lock-out countdown: no code can be tried yet.
    Lockout {
        /// Why the code is asked for.
        purpose: Purpose,
        /// Seconds left.
        wait_seconds: u32,
    },
    /// Setting a code (first run, or change).
    SetCode {
        /// Which entry is being typed.
        step: SetStep,
        /// How many characters have been typed.
        typed: u8,
        /// Why the last attempt was refused, if it was.
        problem: Option<SetProblem>,
        /// Whether this is the first-run setup (EXIT leaves the add-in).
        first_run: bool,
    },
    /// The unlocked main screen: F1 lock, F2 change code, F3 settings, EXIT leave.
    Home {
        /// A message to show once.
        notice: Option<Notice>,
    },
    /// The settings menu.
    Settings {
        /// The highlighted entry.
        selected: SettingsItem,
        /// The current values.
        options: Options,
    },
    /// Editing the owner name.
    EditOwner {
        /// The name typed so far.
        name: OwnerName,
    },
    /// "Data tampering detected!": the two copies hold different codes. Stays locked.
    Tampered,
    /// The settings are damaged or missing; explains how to recover. Stays locked.
    Recovery {
        /// What is wrong with each copy.
        reason: RecoveryReason,
        /// Whether the code can be entered (ALPHA) to repair from the intact copy.
        can_repair: bool,
    },
}

/// `typed` asterisks (at most 21, one screen line), the masked form of a code.
pub fn mask(typed: u8) -> crate::text::Text<21> {
    let mut t = crate::text::Text::new();
    for _ in 0..typed {
        if !t.push(b'*') {
            break;
        }
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks() {
        assert_eq!(mask(0).as_str(), "");
        assert_eq!(mask(4).as_str(), "****");
        assert_eq!(mask(40).len(), 21);
    }

    #[test]
    fn settings_index() {
        for (i, s) in SettingsItem::ALL.iter().enumerate() {
            assert_eq!(s.index(), i);
        }
    }
}
