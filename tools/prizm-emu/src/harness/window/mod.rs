//! `prizm-emu run --window`: the calculator in a window (the `minifb` crate). It shows
//! the panel scaled with the on-screen keypad, feeds the PC keyboard and mouse clicks to
//! the add-in as live keys ([`KeyQueue::key_down`](super::keys::KeyQueue::key_down)),
//! runs at the calculator's speed (Tab held: as fast as it goes), saves screenshots and
//! GIF recordings, and shows how the run ended (a crash report, the add-in's panic) over
//! the screen instead of closing.

pub mod draw;
pub mod input;
pub mod keypad;
pub mod pace;
pub mod record;

use super::emulator::{Emulator, Outcome, Status};
use crate::machine::model::CLOCK_HZ;
use crate::os::keymap::key_by_name;
use draw::Canvas;
use input::{Action, Mapper};
use minifb::{Key as PcKey, MouseButton, MouseMode, Window, WindowOptions};
use pace::{Pacer, Speed};
use record::Recorder;
use std::cell::RefCell;
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::time::{Duration, Instant};

/// Window settings.
#[derive(Clone, Debug)]
pub struct Options {
    /// Window pixels per panel pixel.
    pub scale: u32,
    /// Folder for screenshots and recordings.
    pub out_dir: PathBuf,
    /// Name of the add-in (title, file names).
    pub name: String,
}

/// How the window session ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum End {
    /// The window was closed while the add-in ran.
    Closed,
    /// The run ended (shown in the window until it was closed).
    Ended(Outcome),
    /// The emulator itself panicked (message shown in the window).
    Panicked(String),
}

/// Whether a display server is named in the environment ($DISPLAY or $WAYLAND_DISPLAY).
pub fn display_available() -> bool {
    ["DISPLAY", "WAYLAND_DISPLAY"]
        .iter()
        .any(|v| std::env::var_os(v).is_some_and(|s| !s.is_empty()))
}

/// Emulated time run per slice between two looks at the wall clock.
const SLICE: u64 = CLOCK_HZ / 1000;
/// Wall time given to emulation in one window frame.
const FRAME_BUDGET: Duration = Duration::from_millis(12);
/// How long a status message stays.
const TOAST: Duration = Duration::from_secs(3);
/// Characters in an overlay line.
const COLUMNS: usize = 48;
/// A cursor key held this long repeats for blocking calls (GetKey)...
const REPEAT_FIRST: Duration = Duration::from_millis(500);
/// ...then again at this interval.
const REPEAT_NEXT: Duration = Duration::from_millis(125);
/// The keys that repeat.
const REPEATING: [&str; 4] = ["UP", "DOWN", "LEFT", "RIGHT"];

/// A window input, in order.
enum Input {
    Key(PcKey, bool),
    Char(u32),
}

/// Collects the window's key events for the loop.
struct Collector(Rc<RefCell<Vec<Input>>>);

impl minifb::InputCallback for Collector {
    fn add_char(&mut self, c: u32) {
        self.0.borrow_mut().push(Input::Char(c));
    }

    fn set_key_state(&mut self, key: PcKey, down: bool) {
        self.0.borrow_mut().push(Input::Key(key, down));
    }
}

/// Where the run is.
enum State {
    /// Running at the pace.
    Running,
    /// Blocked in a key call with no key (idle) since the instant.
    Waiting(Instant),
    /// Over.
    Ended,
}

/// Text over the screen: its lines and colour.
type Message = (Vec<String>, u32);

/// The first `dir/name-NNN.ext` that does not exist.
fn free_path(dir: &Path, name: &str, ext: &str) -> PathBuf {
    (1..)
        .map(|n| dir.join(format!("{name}-{n:03}.{ext}")))
        .find(|p| !p.exists())
        .expect("a free name")
}

/// The help overlay's lines.
fn help_lines() -> Vec<String> {
    let mut out = vec![format!("{:<23}calculator", "PC key"), String::new()];
    for (pc, calc) in input::HELP {
        out.push(format!("{pc:<23}{calc}"));
    }
    out.push(String::new());
    out.push("? or F7 again: close this help".into());
    out
}

/// A panic's message.
fn panic_text(p: &(dyn std::any::Any + Send)) -> String {
    p.downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| p.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "(no message)".into())
}

/// What the terminal and the overlay say about an outcome.
pub fn describe(emu: &Emulator, outcome: &Outcome) -> String {
    let stats = format!(
        "{} instructions, {:.3} s emulated, {} frames",
        emu.cpu.icount,
        emu.emulated_seconds(),
        emu.frames()
    );
    match outcome {
        Outcome::Returned(v) => format!("returned to the menu: {v} ({stats})"),
        Outcome::Crashed(r) => format!("crash: {r}"),
        Outcome::Timeout => format!("timeout: instruction budget used up ({stats})"),
        Outcome::Unimplemented { report, .. } => format!("stopped: {report}"),
        Outcome::Idle => format!("idle: waiting for a key ({stats})"),
        Outcome::Menu => format!("MENU pressed: the OS would go to the Main Menu ({stats})"),
        Outcome::OpenApp(app) => format!("the OS would open {app} ({stats})"),
    }
}

/// Runs `emu` in a window until the window is closed.
pub fn run(emu: &mut Emulator, opts: &Options) -> Result<End, String> {
    if !display_available() {
        return Err("--window needs a display: neither DISPLAY nor WAYLAND_DISPLAY is set".into());
    }
    let scale = opts.scale.max(1);
    let mut canvas = Canvas::new(scale);
    let title = format!("prizm-emu: {} (? or F7: help)", opts.name);
    let mut window = Window::new(
        &title,
        canvas.width(),
        canvas.height(),
        WindowOptions::default(),
    )
    .map_err(|e| format!("cannot open a window: {e}"))?;
    window.set_target_fps(60);
    let events = Rc::new(RefCell::new(Vec::new()));
    window.set_input_callback(Box::new(Collector(events.clone())));
    emu.keys().lock().set_live();

    let mut mapper = Mapper::default();
    let mut held: Vec<&'static str> = Vec::new();
    let mut mouse_key: Option<&'static str> = None;
    // The cursor key held last and when it repeats next.
    let mut repeat: Option<(&'static str, Instant)> = None;
    let mut state = State::Running;
    let mut end = End::Closed;
    // The help shows over the message (how the run ended, a panic) while it is open.
    let mut help = false;
    let mut message: Option<Message> = None;
    let mut fast = false;
    let mut toast: Option<(String, Instant)> = None;
    let mut recorder: Option<Recorder> = None;
    let mut panic_shown = false;
    let mut was_active = true;
    let mut shown_frames = u64::MAX;
    let mut dirty = true;
    let start = Instant::now();
    let mut pacer = Pacer::new(start, emu.cpu.now());
    let mut speed = Speed::new(start, emu.cpu.now());

    while window.is_open() {
        let now = Instant::now();
        // Inputs, in order.
        let mut actions = Vec::new();
        for ev in events.borrow_mut().drain(..) {
            actions.extend(match ev {
                Input::Key(k, down) => mapper.key(k, down, now),
                Input::Char(c) => mapper.char(c),
            });
        }
        actions.extend(mapper.tick(now));
        let active = window.is_active();
        if was_active && !active {
            actions.extend(mapper.release_all());
        }
        was_active = active;
        let clicked = if window.get_mouse_down(MouseButton::Left) {
            window
                .get_mouse_pos(MouseMode::Discard)
                .and_then(|(x, y)| keypad::hit(x as u32 / scale, y as u32 / scale))
                .and_then(|b| key_by_name(b.key))
                .map(|k| k.name)
        } else {
            None
        };
        if clicked != mouse_key {
            if let Some(k) = mouse_key.take() {
                actions.push(Action::Up(k));
            }
            if let Some(k) = clicked {
                actions.push(Action::Down(k));
                mouse_key = Some(k);
            }
        }
        for a in actions {
            match a {
                Action::Down(name) | Action::Up(name) => {
                    let Some(key) = key_by_name(name) else {
                        continue;
                    };
                    let mut keys = emu.keys().lock();
                    if let Action::Down(_) = a {
                        keys.key_down(key);
                        held.push(key.name);
                        if REPEATING.contains(&key.name) {
                            repeat = Some((key.name, now + REPEAT_FIRST));
                        }
                    } else {
                        keys.key_up(key);
                        if repeat.is_some_and(|(k, _)| k == key.name) {
                            repeat = None;
                        }
                        if let Some(i) = held.iter().position(|k| *k == key.name) {
                            held.remove(i);
                        }
                    }
                    dirty = true;
                }
                Action::Help => {
                    help = !help;
                    dirty = true;
                }
                Action::Fast(on) => {
                    fast = on;
                    pacer.rebase(now, emu.cpu.now());
                }
                Action::Screenshot => {
                    let path = free_path(&opts.out_dir, &opts.name, "png");
                    let msg = match std::fs::write(&path, emu.screenshot_png()) {
                        Ok(()) => format!("saved {}", path.display()),
                        Err(e) => format!("cannot write {}: {e}", path.display()),
                    };
                    eprintln!("prizm-emu: {msg}");
                    toast = Some((msg, now));
                    dirty = true;
                }
                Action::Record => {
                    let msg = match recorder.take() {
                        Some(r) => {
                            let path = r.path().to_owned();
                            match r.finish(emu.cpu.now()) {
                                Ok(n) => format!("saved {} ({n} frames)", path.display()),
                                Err(e) => format!("cannot write {}: {e}", path.display()),
                            }
                        }
                        None => {
                            let path = free_path(&opts.out_dir, &opts.name, "gif");
                            match Recorder::start(&path) {
                                Ok(mut r) => {
                                    let _ = r.frame(emu.screen_rgb565(), emu.cpu.now());
                                    recorder = Some(r);
                                    format!("recording {}", path.display())
                                }
                                Err(e) => format!("cannot write {}: {e}", path.display()),
                            }
                        }
                    };
                    eprintln!("prizm-emu: {msg}");
                    toast = Some((msg, now));
                    dirty = true;
                }
            }
        }
        // Only while the add-in waits in a key call: a polling add-in sees the key held.
        if let Some((name, at)) = repeat
            && now >= at
            && matches!(state, State::Waiting(_))
            && let Some(key) = key_by_name(name)
        {
            emu.keys().lock().key_repeat(key);
            repeat = Some((name, now + REPEAT_NEXT));
        }
        // A press wakes a run blocked on a key; the wait took wall-clock time.
        if let State::Waiting(since) = state
            && emu.keys().lock().live_pending()
        {
            let waited = now.saturating_duration_since(since);
            emu.cpu.idle_cycles += (waited.as_nanos() * CLOCK_HZ as u128 / 1_000_000_000) as u64;
            emu.resume();
            pacer.rebase(now, emu.cpu.now());
            state = State::Running;
        }

        // Emulation, at the pace (or as fast as it goes).
        if let State::Running = state {
            let deadline = now + FRAME_BUDGET;
            let due = if fast { u64::MAX } else { pacer.due(now) };
            let mut status = Status::Running;
            while emu.cpu.now() < due && Instant::now() < deadline {
                if emu.cpu.icount >= emu.options.max_instructions {
                    status = Status::Done(Outcome::Timeout);
                    break;
                }
                let n = SLICE.min(due - emu.cpu.now());
                let run = || emu.run_until(n, due);
                match std::panic::catch_unwind(std::panic::AssertUnwindSafe(run)) {
                    Ok(Status::Running) => {}
                    Ok(done) => {
                        status = done;
                        break;
                    }
                    Err(p) => {
                        let msg = panic_text(&*p);
                        // The panic hook printed it on the terminal already.
                        message = Some((
                            draw::wrap(
                                &format!(
                                    "prizm-emu itself panicked (a bug in the emulator): {msg}\n\n\
                                     Close the window to quit."
                                ),
                                COLUMNS,
                            ),
                            0xff_80_80,
                        ));
                        end = End::Panicked(msg);
                        state = State::Ended;
                        dirty = true;
                        break;
                    }
                }
            }
            if fast {
                pacer.rebase(Instant::now(), emu.cpu.now());
            } else {
                pacer.catch_up(Instant::now(), emu.cpu.now());
            }
            match status {
                Status::Running => {}
                Status::Done(Outcome::Idle) => {
                    state = State::Waiting(Instant::now());
                    if !panic_shown && let Some(msg) = emu.panic_message() {
                        panic_shown = true;
                        let text = format!("the add-in panicked at {msg}");
                        eprintln!("{text}");
                        message = Some((
                            draw::wrap(&format!("{text}\n\n(? or F7: help)"), COLUMNS),
                            0xff_c0_60,
                        ));
                        dirty = true;
                    }
                }
                Status::Done(o) => {
                    let text = describe(emu, &o);
                    if o.exit_code() == 0 {
                        println!("{text}");
                    } else {
                        eprintln!("{text}");
                    }
                    let color = if matches!(
                        o,
                        Outcome::Returned(_) | Outcome::Menu | Outcome::OpenApp(_)
                    ) {
                        0xc0_ff_c0
                    } else {
                        0xff_80_80
                    };
                    message = Some((
                        draw::wrap(&format!("{text}\n\nClose the window to quit."), COLUMNS),
                        color,
                    ));
                    end = End::Ended(o);
                    state = State::Ended;
                    dirty = true;
                }
            }
        }

        // The picture.
        let frames = emu.frames();
        if frames != shown_frames {
            shown_frames = frames;
            dirty = true;
            if let Some(r) = &mut recorder
                && let Err(e) = r.frame(emu.screen_rgb565(), emu.cpu.now())
            {
                eprintln!("prizm-emu: recording: {e}");
                recorder = None;
            }
        }
        if speed.sample(now, emu.cpu.now()) {
            dirty = true;
        }
        if toast
            .as_ref()
            .is_some_and(|(_, t)| now.duration_since(*t) > TOAST)
        {
            toast = None;
            dirty = true;
        }
        if dirty {
            dirty = false;
            let frame = emu.os.display.frame_color;
            canvas.panel(emu.screen_rgb565(), frame);
            canvas.keypad(&held);
            let right = match (&state, &recorder) {
                (_, Some(r)) => format!("REC {}", r.frames()),
                (State::Waiting(_), _) => "waiting for a key".into(),
                (State::Ended, _) => "ended".into(),
                (State::Running, _) if fast => ">> fast".into(),
                (State::Running, _) => speed.percent.map_or(String::new(), |p| format!("{p}%")),
            };
            let left = match &toast {
                Some((t, _)) => t.clone(),
                None => "?:help Tab:fast F12:shot F9:rec".into(),
            };
            let room = (draw::WIDTH as usize - 4) / 8;
            let left: String = left
                .chars()
                .take(room.saturating_sub(right.len() + 1))
                .collect();
            canvas.status(&format!("{left:<w$}{right}", w = room - right.len()));
            if help {
                canvas.overlay(&help_lines(), 0xff_ff_ff);
            } else if let Some((lines, color)) = &message {
                canvas.overlay(lines, *color);
            }
        }
        window
            .update_with_buffer(&canvas.pixels, canvas.width(), canvas.height())
            .map_err(|e| format!("window: {e}"))?;
    }
    if let Some(r) = recorder.take() {
        let path = r.path().to_owned();
        match r.finish(emu.cpu.now()) {
            Ok(n) => eprintln!("prizm-emu: saved {} ({n} frames)", path.display()),
            Err(e) => eprintln!("prizm-emu: cannot write {}: {e}", path.display()),
        }
    }
    Ok(end)
}
