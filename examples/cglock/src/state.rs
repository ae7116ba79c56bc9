//! [`State`]: where the state machine is.

use crate::load::RecoveryReason;
use crate::screen::{Purpose, SetStep, SettingsItem};

/// The state of the machine. Data shared by several states (the record, the typed code,
/// the clock) lives in [`Machine`](crate::Machine).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum State {
    /// Waiting for [`Event::Loaded`](crate::Event::Loaded).
    Loading,
    /// Setting a code: at first run, or after confirming the current one.
    SetCode {
        /// Which entry is being typed.
        step: SetStep,
        /// First-run setup (no code stored yet) rather than a change.
        first_run: bool,
    },
    /// Unlocked main screen.
    Home,
    /// Settings menu, with the highlighted entry.
    Settings(SettingsItem),
    /// Editing the owner name.
    EditOwner,
    /// Locked: the lock screen.
    Locked,
    /// Typing a code.
    Prompt(Purpose),
    /// A wrong code was typed; the message is shown.
    WrongCode(Purpose),
    /// Waiting for a lock-out to end before a code can be typed.
    Lockout(Purpose),
    /// The two copies disagree: locked for good.
    Tampered,
    /// The settings are damaged: locked, with repair possible if one copy is intact.
    Recovery(RecoveryReason),
}

impl State {
    /// Whether the calculator is locked in this state (MENU must not leave): the lock
    /// screens, the unlock and repair prompts, and the tamper and recovery screens.
    pub fn is_locked(self) -> bool {
        match self {
            State::Locked | State::Tampered | State::Recovery(_) => true,
            State::Prompt(p) | State::WrongCode(p) | State::Lockout(p) => p != Purpose::ChangeCode,
            State::Loading
            | State::SetCode { .. }
            | State::Home
            | State::Settings(_)
            | State::EditOwner => false,
        }
    }
}
