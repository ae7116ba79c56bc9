//! Host tests of the state machine, driven through a small simulator of the add-in.

mod change_code;
mod delays;
mod first_run;
mod lock_unlock;
mod screens;
mod settings;
mod tamper_recovery;

use std::vec::Vec;

use crate::effect::{Effect, Effects};
use crate::event::Event;
use crate::hash::HardwareId;
use crate::key::Key;
use crate::layout::{Layout, layout};
use crate::machine::Machine;
use crate::record::{Record, RecordBytes};
use crate::screen::Screen;
use crate::state::State;

/// The hardware ID of the simulated calculator.
pub const HW: HardwareId = *b"\x01\x23\x45\x67\x89\xab\xcd\xef";

/// A simulated calculator: the machine, the two stored copies, the RTC, and a log of
/// everything the add-in was asked to do.
pub struct Sim {
    pub m: Machine,
    pub storage: Option<RecordBytes>,
    pub mcs: Option<RecordBytes>,
    pub now: u32,
    pub log: Vec<Effect>,
    pub menu_disabled: bool,
    pub screen: Option<Screen>,
}

impl Sim {
    /// Boots with the given stored copies.
    pub fn boot(storage: Option<RecordBytes>, mcs: Option<RecordBytes>) -> Sim {
        let mut s = Sim {
            m: Machine::new(HW),
            storage,
            mcs,
            now: 1000,
            log: Vec::new(),
            menu_disabled: false,
            screen: None,
        };
        s.load();
        s
    }

    fn load(&mut self) {
        let (st, mc) = (self.storage, self.mcs);
        let fx = self.m.handle(Event::Loaded {
            storage: st.as_ref().map(|b| &b[..]),
            main_memory: mc.as_ref().map(|b| &b[..]),
        });
        self.apply(&fx);
        let now = self.now;
        let fx = self.m.handle(Event::Tick(now));
        self.apply(&fx);
    }

    /// A calculator where the code `code` was just set (first run done), on Home.
    pub fn with_code(code: &str) -> Sim {
        let mut s = Sim::boot(None, None);
        s.type_code(code);
        s.key(Key::Exe);
        s.type_code(code);
        s.key(Key::Exe);
        assert_eq!(s.m.state(), State::Home);
        s.log.clear();
        s
    }

    /// Simulates a restart of the add-in: a new machine loading what is stored.
    /// The menu flag is what the fresh OS session has (enabled) until the machine
    /// asks otherwise.
    pub fn restart(&mut self) {
        self.m = Machine::new(HW);
        self.menu_disabled = false;
        self.log.clear();
        self.load();
    }

    /// Performs effects as the add-in would.
    pub fn apply(&mut self, fx: &Effects) {
        for e in fx.iter() {
            match e {
                Effect::Draw(s) => self.screen = Some(*s),
                Effect::Persist(b) => {
                    self.storage = Some(*b);
                    self.mcs = Some(*b);
                }
                Effect::DisableMenu => self.menu_disabled = true,
                Effect::EnableMenu => self.menu_disabled = false,
                Effect::PowerOff | Effect::OpenApp(_) | Effect::Exit => {}
            }
            self.log.push(*e);
        }
        // The screen on display always matches the machine's state.
        if let Some(s) = self.screen
            && fx.last_screen().is_some()
        {
            assert_eq!(s, self.m.screen());
        }
        // MENU is disabled exactly while locked, once loaded.
        if self.m.state() != State::Loading {
            assert_eq!(
                self.menu_disabled,
                self.m.is_locked(),
                "menu flag in {:?}",
                self.m.state()
            );
        }
    }

    /// Presses a key.
    pub fn key(&mut self, k: Key) -> Effects {
        let fx = self.m.handle(Event::Key(k));
        self.apply(&fx);
        fx
    }

    /// Presses keys in order.
    pub fn keys(&mut self, ks: &[Key]) {
        for &k in ks {
            self.key(k);
        }
    }

    /// Types a code: digits as digit keys, anything else as characters.
    pub fn type_code(&mut self, code: &str) {
        for b in code.bytes() {
            let k = if b.is_ascii_digit() {
                Key::Digit(b - b'0')
            } else {
                Key::Char(b)
            };
            self.key(k);
        }
    }

    /// Lets `dt` ticks pass (in steps of at most one second, as the add-in would).
    pub fn wait(&mut self, mut dt: u32) -> Vec<Effect> {
        let mut all = Vec::new();
        while dt > 0 {
            let step = dt.min(128);
            dt -= step;
            self.now = (self.now + step) % crate::delay::TICKS_PER_DAY;
            let now = self.now;
            let fx = self.m.handle(Event::Tick(now));
            self.apply(&fx);
            all.extend(fx.iter().copied());
        }
        all
    }

    /// Locks from the home screen.
    pub fn lock(&mut self) {
        assert_eq!(self.m.state(), State::Home);
        self.key(Key::F1);
        assert_eq!(self.m.state(), State::Locked);
    }

    /// Types a code at the lock screen (ALPHA, code, EXE).
    pub fn try_unlock(&mut self, code: &str) -> Effects {
        self.key(Key::Alpha);
        self.type_code(code);
        self.key(Key::Exe)
    }

    /// The stored record (both copies must agree).
    pub fn stored(&self) -> Record {
        assert_eq!(self.storage, self.mcs);
        Record::parse(&self.storage.expect("stored")).expect("valid")
    }

    /// The layout of what is on display.
    pub fn shown(&self) -> Layout {
        layout(self.screen.as_ref().expect("something drawn"))
    }

    /// Asserts no code bytes remain in the machine's buffers.
    pub fn assert_wiped(&self) {
        let (a, b) = self.m.code_buffers_raw();
        assert!(a.iter().all(|&x| x == 0), "input buffer not wiped: {a:?}");
        assert!(
            b.iter().all(|&x| x == 0),
            "first-entry buffer not wiped: {b:?}"
        );
    }
}

/// Seconds to ticks.
pub const fn secs(s: u32) -> u32 {
    s * crate::delay::TICKS_PER_SECOND
}
