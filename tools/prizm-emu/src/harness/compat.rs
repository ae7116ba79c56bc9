//! The compatibility check behind `prizm-emu compat`: runs an add-in with a standard
//! key script and says how far it got: loaded, reached a first screen, reacted to keys,
//! and how the run stopped.
//!
//! - **Loads**: the `.g3a` has no error ([`Emulator::load`]).
//! - **First screen**: within [`START_MS`] of emulated time (or by the time it first
//!   waits for a key), it put a frame on the LCD (a blank one counts: some add-ins
//!   start on a white screen) or the LCD shows something.
//! - **Reacts to keys**: after one of the keys of [`KEYS`], the screen changes within
//!   [`STEP_MS`], or the add-in ends (returns to the menu, or MENU takes it there
//!   through its key call).
//!
//! Each step runs until the add-in waits for a key or the step's time is up, so
//! add-ins that poll the keyboard in a real-time loop are checked too. An add-in that
//! crashes reaching for another model's memory is checked again as that model.

use super::emulator::{Emulator, Options, Outcome, Status};
use crate::machine::model::{Model, ms_to_cycles};

/// Emulated time the add-in gets to show its first screen, in ms.
pub const START_MS: u64 = 3_000;
/// Emulated time after each key, in ms.
pub const STEP_MS: u64 = 1_000;
/// The standard keys, pressed one after another: confirming, moving, a digit, a
/// function key, then leaving.
pub const KEYS: &[&str] = &[
    "EXE", "DOWN", "RIGHT", "UP", "LEFT", "1", "F1", "EXE", "EXIT", "EXIT", "MENU",
];

/// How far an add-in got, in increasing order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    /// The file was refused.
    Refused,
    /// It loaded but showed no screen.
    Loads,
    /// It showed a first screen but did not react to the keys.
    FirstScreen,
    /// It reacted to a key.
    ReactsToKeys,
}

impl Level {
    /// A short name for tables.
    pub fn name(self) -> &'static str {
        match self {
            Level::Refused => "refused",
            Level::Loads => "loads",
            Level::FirstScreen => "first screen",
            Level::ReactsToKeys => "reacts to keys",
        }
    }

    /// Parses a [`Level::name`].
    pub fn parse(s: &str) -> Option<Level> {
        [
            Level::Refused,
            Level::Loads,
            Level::FirstScreen,
            Level::ReactsToKeys,
        ]
        .into_iter()
        .find(|l| l.name() == s)
    }
}

/// The result of checking one add-in.
#[derive(Clone, Debug)]
pub struct Report {
    /// The model it ran as: the one asked for, or the one whose memory it reached for
    /// when it crashed on the one asked for.
    pub model: Model,
    /// How far it got.
    pub level: Level,
    /// Keys after which the screen changed or the add-in ended.
    pub reacted_to: Vec<&'static str>,
    /// How the run stopped (or why the file was refused), one line.
    pub stop: String,
    /// Instructions executed.
    pub instructions: u64,
    /// Frames displayed.
    pub frames: u64,
}

/// Whether the screen shows something: not one flat colour.
fn shows_something(screen: &[u16]) -> bool {
    screen.iter().any(|&p| p != screen[0])
}

/// Runs `emu` for at most `ms` of emulated time, or until it stops or waits for a
/// key; `Some(outcome)` when the run is over (not just waiting).
fn run_for(emu: &mut Emulator, ms: u64) -> Option<Outcome> {
    let end = emu.cpu.now() + ms_to_cycles(ms);
    match emu.run_until(u64::MAX, end) {
        Status::Running | Status::Done(Outcome::Idle) => None,
        Status::Done(o) => Some(o),
    }
}

/// One line saying how a run ended.
pub fn describe(outcome: Option<&Outcome>) -> String {
    match outcome {
        None => "still running or waiting for a key".into(),
        Some(Outcome::Returned(v)) => format!("returned to the menu ({v})"),
        Some(Outcome::Menu) => "MENU: went to the Main Menu".into(),
        Some(Outcome::OpenApp(app)) => format!("opened the OS's {app}"),
        Some(Outcome::Idle) => "waiting for a key".into(),
        Some(Outcome::Timeout) => "instruction budget used up".into(),
        Some(Outcome::Crashed(r)) => format!("crash: {} at {:#010x}", r.what, r.pc),
        Some(Outcome::Unimplemented { number, name, .. }) => format!(
            "unimplemented OS call {number:#06x}{}",
            name.map(|n| format!(" ({n})")).unwrap_or_default()
        ),
    }
}

/// Checks the add-in in `file` (the bytes of a `.g3a`) on `model`, and again on another
/// model when the add-in crashed reaching for that model's memory.
pub fn check(file: &[u8], model: Model) -> Report {
    let (report, other) = check_on(file, model);
    match other {
        Some(m) if m != model => check_on(file, m).0,
        _ => report,
    }
}

/// Checks the add-in on `model`; also returns the model suggested by a crash.
fn check_on(file: &[u8], model: Model) -> (Report, Option<Model>) {
    let options = Options {
        model,
        max_instructions: u64::MAX,
        ..Options::default()
    };
    let mut emu = match Emulator::load(file, options) {
        Ok(e) => e,
        Err(e) => {
            let report = Report {
                model,
                level: Level::Refused,
                reacted_to: Vec::new(),
                stop: e.to_string(),
                instructions: 0,
                frames: 0,
            };
            return (report, None);
        }
    };
    let mut level = Level::Loads;
    let mut reacted_to = Vec::new();
    let mut end = run_for(&mut emu, START_MS);
    let on_screen = |emu: &Emulator| emu.frames() > 0 || shows_something(emu.screen_rgb565());
    if on_screen(&emu) {
        level = Level::FirstScreen;
    }
    for &key in KEYS {
        if end.is_some() {
            break;
        }
        let before = emu.screen_rgb565().to_vec();
        emu.press(key).expect("a known key");
        end = run_for(&mut emu, STEP_MS);
        let changed = emu.screen_rgb565() != before.as_slice();
        if on_screen(&emu) && level < Level::FirstScreen {
            level = Level::FirstScreen;
        }
        let ended = matches!(
            end,
            Some(Outcome::Returned(_) | Outcome::Menu | Outcome::OpenApp(_))
        );
        if level >= Level::FirstScreen && (changed || ended) {
            level = Level::ReactsToKeys;
            reacted_to.push(key);
        }
    }
    let report = Report {
        model,
        level,
        reacted_to,
        stop: describe(end.as_ref()),
        instructions: emu.cpu.icount,
        frames: emu.frames(),
    };
    (report, emu.suggested_model())
}

/// The table `prizm-emu compat` prints: one row per add-in.
pub fn table(rows: &[(String, Report)]) -> String {
    use std::fmt::Write;
    let mut t = String::new();
    let _ = writeln!(
        t,
        "| add-in | model | loads | first screen | reacts to keys | how it stopped |"
    );
    let _ = writeln!(t, "|---|---|---|---|---|---|");
    let yes = |b: bool| if b { "yes" } else { "no" };
    for (name, r) in rows {
        let keys = if r.reacted_to.is_empty() {
            String::new()
        } else {
            format!(" ({})", r.reacted_to.join(" "))
        };
        let _ = writeln!(
            t,
            "| {name} | {} | {} | {} | {}{keys} | {} |",
            r.model.name(),
            yes(r.level >= Level::Loads),
            yes(r.level >= Level::FirstScreen),
            yes(r.level >= Level::ReactsToKeys),
            r.stop.replace('|', "/"),
        );
    }
    let count = |l: Level| rows.iter().filter(|(_, r)| r.level >= l).count();
    let _ = writeln!(
        t,
        "\n{} add-ins: {} load, {} reach a first screen, {} react to keys",
        rows.len(),
        count(Level::Loads),
        count(Level::FirstScreen),
        count(Level::ReactsToKeys)
    );
    t
}
