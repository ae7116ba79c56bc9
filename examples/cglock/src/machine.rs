//! [`Machine`]: the CGlock state machine. Events in, effects out, no OS calls.

use crate::delay::{delay_after, elapsed, seconds_ceil};
use crate::effect::{Effect, Effects};
use crate::event::Event;
use crate::hash::{HardwareId, code_hash, code_matches};
use crate::key::Key;
use crate::load::{LoadOutcome, RecoveryReason, reconcile};
use crate::record::{App, OwnerName, Record};
use crate::screen::{Notice, Purpose, Screen, SetProblem, SetStep, SettingsItem};
use crate::secret::Secret;
use crate::state::State;

/// Longest code, in characters.
pub const MAX_CODE_LEN: usize = 32;

/// The typed-code buffer.
pub type CodeBuffer = Secret<MAX_CODE_LEN>;

/// The CGlock state machine.
///
/// Create it once with [`Machine::new`], feed [`Event::Loaded`] first, then key
/// presses and RTC ticks, and perform the returned [`Effects`] in order.
///
/// It owns the buffers that hold typed codes; they are wiped as soon as a code has been
/// checked or set, and on drop. Keep the machine in one place once codes are typed
/// (moving it would copy those buffers).
pub struct Machine {
    hardware_id: HardwareId,
    state: State,
    record: Option<Record>,
    input: CodeBuffer,
    first: CodeBuffer,
    owner_edit: OwnerName,
    notice: Option<Notice>,
    problem: Option<SetProblem>,
    shift: bool,
    last_tick: Option<u32>,
    settings_dirty: bool,
    damage: Option<RecoveryReason>,
}

impl Machine {
    /// A machine for the calculator with this hardware ID, waiting for
    /// [`Event::Loaded`].
    pub const fn new(hardware_id: HardwareId) -> Self {
        Machine {
            hardware_id,
            state: State::Loading,
            record: None,
            input: Secret::new(),
            first: Secret::new(),
            owner_edit: OwnerName::new(),
            notice: None,
            problem: None,
            shift: false,
            last_tick: None,
            settings_dirty: false,
            damage: None,
        }
    }

    /// The current state.
    pub fn state(&self) -> State {
        self.state
    }

    /// The record in use (`None` before loading, during first-run setup, and when the
    /// stored settings are unusable with no intact copy).
    pub fn record(&self) -> Option<&Record> {
        self.record.as_ref()
    }

    /// Whether the calculator is locked (MENU must not leave the add-in).
    pub fn is_locked(&self) -> bool {
        self.state.is_locked()
    }

    /// Lock-out time left, in ticks.
    pub fn lockout_remaining(&self) -> u32 {
        self.record.map_or(0, |r| r.lockout_remaining)
    }

    /// How many characters of a code have been typed (for tests and drawing).
    pub fn typed_len(&self) -> usize {
        self.input.len()
    }

    /// The whole backing buffers of both code buffers, to test that they are wiped.
    #[cfg(test)]
    pub(crate) fn code_buffers_raw(&self) -> ([u8; MAX_CODE_LEN], [u8; MAX_CODE_LEN]) {
        (*self.input.raw(), *self.first.raw())
    }

    /// Whether SHIFT is pending.
    pub fn shift_pending(&self) -> bool {
        self.shift
    }

    /// The screen for the current state (what the last `Draw` showed, updated).
    pub fn screen(&self) -> Screen {
        let typed = self.input.len() as u8;
        let wait_seconds = seconds_ceil(self.lockout_remaining());
        match self.state {
            State::Loading => Screen::Loading,
            State::SetCode { step, first_run } => Screen::SetCode {
                step,
                typed,
                problem: self.problem,
                first_run,
            },
            State::Home => Screen::Home {
                notice: self.notice,
            },
            State::Settings(selected) => Screen::Settings {
                selected,
                options: self.record.map(|r| r.options).unwrap_or_default(),
            },
            State::EditOwner => Screen::EditOwner {
                name: self.owner_edit,
            },
            State::Locked => Screen::Lock {
                owner: self.record.map(|r| r.options.owner).unwrap_or_default(),
            },
            State::Prompt(purpose) => Screen::Prompt { purpose, typed },
            State::WrongCode(purpose) => Screen::WrongCode {
                purpose,
                failures: self.record.map_or(0, |r| r.failures),
                wait_seconds,
            },
            State::Lockout(purpose) => Screen::Lockout {
                purpose,
                wait_seconds,
            },
            State::Tampered => Screen::Tampered,
            State::Recovery(reason) => Screen::Recovery {
                reason,
                can_repair: self.record.is_some(),
            },
        }
    }

    /// Handles one event and returns the effects to perform, in order.
    pub fn handle(&mut self, event: Event<'_>) -> Effects {
        let mut fx = Effects::new();
        match event {
            Event::Loaded {
                storage,
                main_memory,
            } => {
                if self.state == State::Loading {
                    self.load(reconcile(storage, main_memory), &mut fx);
                }
            }
            Event::Tick(now) => self.tick(now, &mut fx),
            Event::Key(key) => self.key(key, &mut fx),
        }
        fx
    }

    fn go(&mut self, state: State, fx: &mut Effects) {
        self.state = state;
        fx.push(Effect::Draw(self.screen()));
    }

    fn persist(&self, fx: &mut Effects) {
        if let Some(r) = &self.record {
            fx.push(Effect::Persist(r.encode()));
        }
    }

    fn load(&mut self, outcome: LoadOutcome, fx: &mut Effects) {
        match outcome {
            LoadOutcome::FirstRun => self.go(
                State::SetCode {
                    step: SetStep::NewCode,
                    first_run: true,
                },
                fx,
            ),
            LoadOutcome::Ready(r) => {
                self.record = Some(r);
                if r.locked {
                    fx.push(Effect::DisableMenu);
                    self.go(State::Locked, fx);
                } else {
                    self.go(State::Home, fx);
                }
            }
            LoadOutcome::Tampered => {
                fx.push(Effect::DisableMenu);
                self.go(State::Tampered, fx);
            }
            LoadOutcome::Damaged { reason, intact } => {
                // Whatever the intact copy says, stay locked until the code is typed:
                // anything written from now on says "locked".
                self.record = intact.map(|r| Record { locked: true, ..r });
                self.damage = Some(reason);
                fx.push(Effect::DisableMenu);
                self.go(State::Recovery(reason), fx);
            }
        }
    }

    fn tick(&mut self, now: u32, fx: &mut Effects) {
        let dt = self.last_tick.map_or(0, |prev| elapsed(prev, now));
        self.last_tick = Some(now);
        let Some(rec) = self.record.as_mut() else {
            return;
        };
        if rec.lockout_remaining == 0 || dt == 0 {
            return;
        }
        let shown_before = seconds_ceil(rec.lockout_remaining);
        rec.lockout_remaining = rec.lockout_remaining.saturating_sub(dt);
        let ended = rec.lockout_remaining == 0;
        if ended {
            // Save the end so that a restart does not wait again.
            self.persist(fx);
        }
        match self.state {
            State::Lockout(p) if ended => self.back_to_origin(p, fx),
            State::Lockout(_) | State::WrongCode(_)
                if seconds_ceil(self.lockout_remaining()) != shown_before =>
            {
                fx.push(Effect::Draw(self.screen()));
            }
            _ => {}
        }
    }

    fn origin(&self, purpose: Purpose) -> State {
        match purpose {
            Purpose::Unlock => State::Locked,
            Purpose::ChangeCode => State::Home,
            // Repair is only reachable from the recovery screen, which set `damage`;
            // the fallback is another locked state.
            Purpose::Repair => self.damage.map_or(State::Tampered, State::Recovery),
        }
    }

    fn back_to_origin(&mut self, purpose: Purpose, fx: &mut Effects) {
        self.input.clear();
        let s = self.origin(purpose);
        self.go(s, fx);
    }

    fn key(&mut self, key: Key, fx: &mut Effects) {
        if key == Key::Shift {
            self.shift = !self.shift;
            return;
        }
        if self.shift {
            self.shift = false;
            if key == Key::Ac {
                self.power_off(fx);
            }
            // Other shifted functions (QUIT, SETUP, ...) are not available.
            return;
        }
        if key == Key::Menu {
            // Never leaves while locked; when unlocked the OS handles MENU itself.
            return;
        }
        match self.state {
            State::Loading | State::Tampered => {}
            State::SetCode { step, first_run } => self.set_code_key(step, first_run, key, fx),
            State::Home => self.home_key(key, fx),
            State::Settings(item) => self.settings_key(item, key, fx),
            State::EditOwner => self.edit_owner_key(key, fx),
            State::Locked => {
                if matches!(key, Key::Alpha | Key::Exe) {
                    self.start_prompt(Purpose::Unlock, fx);
                }
            }
            State::Prompt(p) => self.prompt_key(p, key, fx),
            State::WrongCode(p) => {
                if matches!(key, Key::Exit | Key::Exe) {
                    if self.lockout_remaining() > 0 {
                        self.go(State::Lockout(p), fx);
                    } else {
                        self.back_to_origin(p, fx);
                    }
                }
            }
            State::Lockout(p) => {
                if key == Key::Exit {
                    self.back_to_origin(p, fx);
                }
            }
            State::Recovery(_) => {
                if matches!(key, Key::Alpha | Key::Exe) && self.record.is_some() {
                    self.start_prompt(Purpose::Repair, fx);
                }
            }
        }
    }

    /// SHIFT then AC: save the lock state, power off, and show the same (locked)
    /// screen when switched on again. A half-typed code is discarded.
    fn power_off(&mut self, fx: &mut Effects) {
        self.input.clear();
        self.first.clear();
        self.notice = None;
        match self.state {
            State::Prompt(p) => self.state = self.origin(p),
            State::SetCode { first_run, .. } => {
                self.state = State::SetCode {
                    step: SetStep::NewCode,
                    first_run,
                }
            }
            _ => {}
        }
        if self.is_locked() || self.lockout_remaining() > 0 {
            self.persist(fx);
        }
        fx.push(Effect::PowerOff);
        fx.push(Effect::Draw(self.screen()));
    }

    /// Types, deletes or clears a character of the code; returns whether `key` was one
    /// of those.
    fn edit_code(&mut self, key: Key) -> bool {
        if let Some(b) = key.typed_byte() {
            self.input.push(b);
        } else if key == Key::Del {
            self.input.pop();
        } else if key == Key::Ac {
            self.input.clear();
        } else {
            return false;
        }
        true
    }

    fn start_prompt(&mut self, purpose: Purpose, fx: &mut Effects) {
        self.input.clear();
        if self.lockout_remaining() > 0 {
            self.go(State::Lockout(purpose), fx);
        } else {
            self.go(State::Prompt(purpose), fx);
        }
    }

    fn set_code_key(&mut self, step: SetStep, first_run: bool, key: Key, fx: &mut Effects) {
        if self.edit_code(key) {
            self.problem = None;
            fx.push(Effect::Draw(self.screen()));
            return;
        }
        match key {
            Key::Exit => {
                self.input.clear();
                self.first.clear();
                self.problem = None;
                if first_run {
                    self.state = State::SetCode {
                        step: SetStep::NewCode,
                        first_run,
                    };
                    fx.push(Effect::Exit);
                    fx.push(Effect::Draw(self.screen()));
                } else {
                    self.go(State::Home, fx);
                }
            }
            Key::Exe => match step {
                SetStep::NewCode => {
                    if self.input.is_empty() {
                        self.problem = Some(SetProblem::Empty);
                        fx.push(Effect::Draw(self.screen()));
                    } else {
                        self.first.copy_from(&self.input);
                        self.input.clear();
                        self.problem = None;
                        self.go(
                            State::SetCode {
                                step: SetStep::Confirm,
                                first_run,
                            },
                            fx,
                        );
                    }
                }
                SetStep::Confirm => {
                    let same = self.input.ct_eq(&self.first);
                    let hash = if same {
                        Some(code_hash(self.input.as_bytes(), &self.hardware_id))
                    } else {
                        None
                    };
                    self.input.clear();
                    self.first.clear();
                    match hash {
                        Some(hash) => {
                            let mut rec = self.record.unwrap_or_else(|| Record::new(hash));
                            rec.hash = hash;
                            rec.failures = 0;
                            rec.lockout_remaining = 0;
                            rec.locked = false;
                            self.record = Some(rec);
                            self.persist(fx);
                            self.problem = None;
                            self.notice = Some(Notice::CodeSet);
                            self.go(State::Home, fx);
                        }
                        None => {
                            self.problem = Some(SetProblem::Mismatch);
                            self.go(
                                State::SetCode {
                                    step: SetStep::NewCode,
                                    first_run,
                                },
                                fx,
                            );
                        }
                    }
                }
            },
            _ => {}
        }
    }

    fn home_key(&mut self, key: Key, fx: &mut Effects) {
        let had_notice = self.notice.take().is_some();
        match key {
            Key::F1 | Key::Exe => self.lock(fx),
            Key::F2 => self.start_prompt(Purpose::ChangeCode, fx),
            Key::F3 => {
                self.settings_dirty = false;
                self.go(State::Settings(SettingsItem::ALL[0]), fx);
            }
            Key::Exit => fx.push(Effect::Exit),
            _ => {
                if had_notice {
                    fx.push(Effect::Draw(self.screen()));
                }
            }
        }
    }

    fn lock(&mut self, fx: &mut Effects) {
        let Some(rec) = self.record.as_mut() else {
            return;
        };
        rec.locked = true;
        let power_off = rec.options.power_off_on_lock;
        self.persist(fx);
        fx.push(Effect::DisableMenu);
        self.go(State::Locked, fx);
        if power_off {
            fx.push(Effect::PowerOff);
            fx.push(Effect::Draw(self.screen()));
        }
    }

    fn settings_key(&mut self, item: SettingsItem, key: Key, fx: &mut Effects) {
        let i = item.index();
        let n = SettingsItem::ALL.len();
        match key {
            Key::Up => self.go(State::Settings(SettingsItem::ALL[(i + n - 1) % n]), fx),
            Key::Down => self.go(State::Settings(SettingsItem::ALL[(i + 1) % n]), fx),
            Key::Exe | Key::Right | Key::Left => {
                let Some(rec) = self.record.as_mut() else {
                    return;
                };
                match item {
                    SettingsItem::PowerOffOnLock => {
                        rec.options.power_off_on_lock = !rec.options.power_off_on_lock;
                        self.settings_dirty = true;
                        fx.push(Effect::Draw(self.screen()));
                    }
                    SettingsItem::AfterUnlock => {
                        rec.options.after_unlock = App::cycle(rec.options.after_unlock);
                        self.settings_dirty = true;
                        fx.push(Effect::Draw(self.screen()));
                    }
                    SettingsItem::OwnerName => {
                        self.owner_edit = rec.options.owner;
                        self.go(State::EditOwner, fx);
                    }
                }
            }
            Key::Exit => {
                if self.settings_dirty {
                    self.persist(fx);
                    self.settings_dirty = false;
                }
                self.go(State::Home, fx);
            }
            _ => {}
        }
    }

    fn edit_owner_key(&mut self, key: Key, fx: &mut Effects) {
        if let Some(b) = key.typed_byte() {
            self.owner_edit.push(b);
            fx.push(Effect::Draw(self.screen()));
            return;
        }
        match key {
            Key::Del => {
                self.owner_edit.pop();
                fx.push(Effect::Draw(self.screen()));
            }
            Key::Ac => {
                self.owner_edit.clear();
                fx.push(Effect::Draw(self.screen()));
            }
            Key::Exe => {
                if let Some(rec) = self.record.as_mut()
                    && rec.options.owner != self.owner_edit
                {
                    rec.options.owner = self.owner_edit;
                    self.settings_dirty = true;
                }
                self.go(State::Settings(SettingsItem::OwnerName), fx);
            }
            Key::Exit => self.go(State::Settings(SettingsItem::OwnerName), fx),
            _ => {}
        }
    }

    fn prompt_key(&mut self, purpose: Purpose, key: Key, fx: &mut Effects) {
        if self.edit_code(key) {
            fx.push(Effect::Draw(self.screen()));
            return;
        }
        match key {
            Key::Exit => self.back_to_origin(purpose, fx),
            Key::Exe if !self.input.is_empty() => self.check_code(purpose, fx),
            _ => {}
        }
    }

    fn check_code(&mut self, purpose: Purpose, fx: &mut Effects) {
        let Some(mut rec) = self.record else {
            self.input.clear();
            return;
        };
        if rec.lockout_remaining > 0 {
            self.input.clear();
            self.go(State::Lockout(purpose), fx);
            return;
        }
        let ok = code_matches(self.input.as_bytes(), &self.hardware_id, &rec.hash);
        self.input.clear();
        if !ok {
            rec.failures = rec.failures.saturating_add(1);
            rec.lockout_remaining = delay_after(rec.failures);
            self.record = Some(rec);
            self.persist(fx);
            self.go(State::WrongCode(purpose), fx);
            return;
        }
        let had_failures = rec.failures > 0;
        rec.failures = 0;
        match purpose {
            Purpose::Unlock | Purpose::Repair => {
                rec.locked = false;
                self.record = Some(rec);
                // For a repair this rewrites both copies from the intact one.
                self.persist(fx);
                fx.push(Effect::EnableMenu);
                self.notice = if purpose == Purpose::Repair {
                    Some(Notice::Repaired)
                } else {
                    None
                };
                self.go(State::Home, fx);
                if let Some(app) = rec.options.after_unlock {
                    fx.push(Effect::OpenApp(app));
                }
            }
            Purpose::ChangeCode => {
                self.record = Some(rec);
                if had_failures {
                    self.persist(fx);
                }
                self.problem = None;
                self.go(
                    State::SetCode {
                        step: SetStep::NewCode,
                        first_run: false,
                    },
                    fx,
                );
            }
        }
    }
}
