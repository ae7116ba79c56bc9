//! `prizm-emu run --window` for real: under Xvfb, the window opens on a small add-in,
//! xdotool types a key and clicks the on-screen keypad, and captures of the window
//! (xwd) must show the emulator's own screen, scaled, in its border. Needs Xvfb,
//! xdotool and xwd (Debian xvfb, xdotool, x11-apps; tools/setup installs them): the
//! test says so and passes without them.
#![cfg(feature = "window")]

mod common;

use common::{build, g3a, tempdir};
use prizm_emu::machine::devices::lcd::{SHOWN_X, SHOWN_Y};
use prizm_emu::{Emulator, Options, Outcome};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::Receiver;
use std::time::{Duration, Instant};

/// Scale the window is opened at.
const SCALE: usize = 2;
/// Border colour the add-in sets (green).
const FRAME: u16 = 0x07E0;
/// How long to wait for the window to show something before failing (a bound on a
/// wait for an event, not a measure of speed).
const PATIENCE: Duration = Duration::from_secs(120);

/// Blue screen with a line of text, a green border; GetKey; then EXE gives a red screen
/// with another line; EXIT returns 42.
const ADDIN: &str = "
    sts.l pr,@-r15
    mov #1,r4
    LOADL r5, 0x07E0
    SYSCALL 0x2A3           ! FrameColor(1, green)
    mov #0x1F,r4
    mov #1,r5
    SYSCALL 0x275           ! Bdisp_Fill_VRAM(blue, below the status area)
    mova first,r0
    bsr print
    mov r0,r6
wait_exe:
    bsr getkey
    nop
    LOADL r3, 30004
    cmp/eq r3,r1
    bf wait_exe
    LOADL r4, 0xF800
    mov #1,r5
    SYSCALL 0x275           ! Bdisp_Fill_VRAM(red, below the status area)
    mova second,r0
    bsr print
    mov r0,r6
wait_exit:
    bsr getkey
    nop
    LOADL r3, 30002
    cmp/eq r3,r1
    bf wait_exit
    lds.l @r15+,pr
    rts
    mov #42,r0

print:                      ! PrintXY(1, 3, r6, 0, black)
    sts.l pr,@-r15
    mov #1,r4
    mov #3,r5
    mov #0,r7
    mov #0,r1
    mov.l r1,@-r15
    SYSCALL 0x18F9
    add #4,r15
    lds.l @r15+,pr
    rts
    nop

getkey:                     ! r1 = GetKey()
    sts.l pr,@-r15
    add #-4,r15
    mov r15,r4
    SYSCALL 0xEAB
    mov.l @r15+,r1
    lds.l @r15+,pr
    rts
    nop

    .align 2
first: .asciz \"XXWindow test\"
    .align 2
second: .asciz \"XXEXE pressed\"
";

/// Whether `tool` is on the PATH.
fn have(tool: &str) -> bool {
    Command::new("which")
        .arg(tool)
        .output()
        .is_ok_and(|o| o.status.success())
}

/// A child process killed when dropped.
struct Guard(Child);

impl Drop for Guard {
    fn drop(&mut self) {
        // SIGTERM, so that Xvfb removes its lock file and socket; then SIGKILL.
        let _ = Command::new("kill").arg(self.0.id().to_string()).status();
        for _ in 0..50 {
            if let Ok(Some(_)) = self.0.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Held while a test's Xvfb runs: two servers started at once could both take the
/// same display number for free.
static XVFB: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// Starts Xvfb on a free display; returns it and its name.
fn xvfb() -> (Guard, String) {
    for n in 90..200 {
        if Path::new(&format!("/tmp/.X{n}-lock")).exists()
            || Path::new(&format!("/tmp/.X11-unix/X{n}")).exists()
        {
            continue;
        }
        let child = Command::new("Xvfb")
            .args([
                &format!(":{n}"),
                "-screen",
                "0",
                "1024x800x24",
                "-nolisten",
                "tcp",
                // No server reset when the last client leaves, which would refuse the
                // next connection for a moment.
                "-noreset",
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("Xvfb starts");
        let mut guard = Guard(child);
        let socket = PathBuf::from(format!("/tmp/.X11-unix/X{n}"));
        let start = Instant::now();
        while start.elapsed() < PATIENCE {
            let display = format!(":{n}");
            // Ready once it answers a request (and is still ours: another server that
            // took the number meanwhile would answer too).
            if socket.exists()
                && matches!(guard.0.try_wait(), Ok(None))
                && Command::new("xdotool")
                    .arg("getdisplaygeometry")
                    .env("DISPLAY", &display)
                    .stderr(Stdio::null())
                    .output()
                    .is_ok_and(|o| o.status.success())
            {
                return (guard, display);
            }
            if let Ok(Some(_)) = guard.0.try_wait() {
                break; // taken meanwhile: try the next number
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
    panic!("no free X display for Xvfb");
}

/// Runs an X tool on `display`; its standard output.
fn x(display: &str, tool: &str, args: &[&str]) -> Vec<u8> {
    let out = Command::new(tool)
        .args(args)
        .env("DISPLAY", display)
        .output()
        .unwrap_or_else(|e| panic!("{tool}: {e}"));
    assert!(
        out.status.success(),
        "{tool} {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// A window capture: width, height, 0RGB pixels.
struct Capture {
    width: usize,
    height: usize,
    pixels: Vec<u32>,
}

/// Reads an XWD file (ZPixmap, 24-bit depth in 32-bit pixels).
fn parse_xwd(d: &[u8]) -> Capture {
    let field = |i: usize| u32::from_be_bytes(d[4 * i..4 * i + 4].try_into().unwrap()) as usize;
    let (header, format, width, height) = (field(0), field(2), field(4), field(5));
    let (byte_order, bits_per_pixel, bytes_per_line, ncolors) =
        (field(7), field(11), field(12), field(19));
    assert_eq!(format, 2, "ZPixmap");
    assert_eq!(bits_per_pixel, 32, "32-bit pixels");
    let data = &d[header + 12 * ncolors..];
    let mut pixels = Vec::with_capacity(width * height);
    for y in 0..height {
        for x in 0..width {
            let b: [u8; 4] = data[y * bytes_per_line + 4 * x..][..4].try_into().unwrap();
            let v = if byte_order == 0 {
                u32::from_le_bytes(b)
            } else {
                u32::from_be_bytes(b)
            };
            pixels.push(v & 0xFF_FF_FF);
        }
    }
    Capture {
        width,
        height,
        pixels,
    }
}

/// RGB565 as 0RGB, rounded as the emulator's PNG screenshots are.
fn rgb(p: u16) -> u32 {
    let [r, g, b] = prizm_abi::screen::rgb888(p);
    (u32::from(r) << 16) | (u32::from(g) << 8) | u32::from(b)
}

/// The 396x224 panel as the window must show it: `screen` (384x216) where the panel
/// shows it, the border in `frame`, each pixel SCALE x SCALE.
fn expected_panel(screen: &[u16], frame: u16) -> Vec<u32> {
    let (sx, sy) = (SHOWN_X as usize, SHOWN_Y as usize);
    let (w, h) = (396 * SCALE, 224 * SCALE);
    let mut out = vec![rgb(frame); w * h];
    for y in 0..h {
        for x in 0..w {
            let (px, py) = (x / SCALE, y / SCALE);
            if (sx..sx + 384).contains(&px) && (sy..sy + 216).contains(&py) {
                out[y * w + x] = rgb(screen[(py - sy) * 384 + px - sx]);
            }
        }
    }
    out
}

/// A 384x216 RGB565 screen as RGBA bytes (as the GIF decoder gives them).
fn rgba(screen: &[u16]) -> Vec<u8> {
    screen
        .iter()
        .flat_map(|&p| {
            let c = rgb(p);
            [(c >> 16) as u8, (c >> 8) as u8, c as u8, 255]
        })
        .collect()
}

/// The frames of a GIF file, as RGBA.
fn gif_frames(path: &Path) -> Vec<Vec<u8>> {
    let mut opts = gif::DecodeOptions::new();
    opts.set_color_output(gif::ColorOutput::RGBA);
    let mut d = opts.read_info(std::fs::File::open(path).unwrap()).unwrap();
    let mut out = Vec::new();
    while let Some(f) = d.read_next_frame().unwrap() {
        assert_eq!((f.left, f.top, f.width, f.height), (0, 0, 384, 216));
        out.push(f.buffer.to_vec());
    }
    out
}

/// Pixels of the capture's panel area that differ from `want`, and the first one
/// (x, y, got, wanted).
fn differences(cap: &Capture, want: &[u32]) -> (usize, Option<(usize, usize, u32, u32)>) {
    let w = 396 * SCALE;
    if cap.width < w || cap.height < 224 * SCALE {
        return (want.len(), None);
    }
    let mut first = None;
    let mut n = 0;
    for (i, &p) in want.iter().enumerate() {
        let got = cap.pixels[(i / w) * cap.width + i % w];
        if got != p {
            n += 1;
            first.get_or_insert((i % w, i / w, got, p));
        }
    }
    (n, first)
}

/// Captures the window (`None` while it cannot be captured yet, e.g. not mapped).
fn capture(display: &str, id: &str) -> Option<(Capture, Vec<u8>)> {
    let out = Command::new("xwd")
        .args(["-id", id, "-silent"])
        .env("DISPLAY", display)
        .output()
        .ok()?;
    (out.status.success() && out.stdout.len() > 100).then(|| (parse_xwd(&out.stdout), out.stdout))
}

/// prizm-emu running in a window on an X display.
struct Running {
    child: Guard,
    display: String,
    /// The window's id.
    id: String,
    stdout: Receiver<String>,
    stderr: Receiver<String>,
}

/// The lines of `r`, sent to a channel as they come.
fn lines(r: impl std::io::Read + Send + 'static) -> Receiver<String> {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(r).lines().map_while(Result::ok) {
            let _ = tx.send(line);
        }
    });
    rx
}

/// Starts `prizm-emu run FILE --window --scale SCALE ARGS...` on `display` (in the
/// file's folder) and waits for its window.
fn start(display: &str, file: &Path, args: &[&str]) -> Running {
    let mut child = Guard(
        Command::new(env!("CARGO_BIN_EXE_prizm-emu"))
            .arg("run")
            .arg(file)
            .args(["--window", "--scale", &SCALE.to_string()])
            .args(args)
            .env("DISPLAY", display)
            .env_remove("WAYLAND_DISPLAY")
            .current_dir(file.parent().unwrap())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap(),
    );
    let stdout = lines(child.0.stdout.take().unwrap());
    let stderr = lines(child.0.stderr.take().unwrap());
    let name = file.file_stem().unwrap().to_string_lossy();
    let start = Instant::now();
    loop {
        let out = Command::new("xdotool")
            .args(["search", "--name", &format!("^prizm-emu: {name} ")])
            .env("DISPLAY", display)
            .output()
            .unwrap();
        if let Some(id) = String::from_utf8_lossy(&out.stdout).lines().next() {
            return Running {
                child,
                display: display.to_string(),
                id: id.to_string(),
                stdout,
                stderr,
            };
        }
        if let Ok(Some(status)) = child.0.try_wait() {
            let err: Vec<String> = stderr.try_iter().collect();
            panic!(
                "prizm-emu ended ({status}) without a window: {}",
                err.join("\n")
            );
        }
        assert!(start.elapsed() < PATIENCE, "no prizm-emu window appeared");
        std::thread::sleep(Duration::from_millis(100));
    }
}

impl Running {
    /// Runs xdotool on the window's display.
    fn xdotool(&self, args: &[&str]) {
        x(&self.display, "xdotool", args);
    }

    /// Captures the window until its panel shows `want`; fails after PATIENCE with the
    /// number of pixels that differ (and the capture saved in `dir`).
    fn wait_for(&mut self, want: &[u32], what: &str, dir: &Path) {
        let start = Instant::now();
        loop {
            let got = capture(&self.display, &self.id);
            let (diff, first) = got
                .as_ref()
                .map_or((want.len(), None), |(c, _)| differences(c, want));
            if diff == 0 {
                return;
            }
            if let Ok(Some(status)) = self.child.0.try_wait() {
                panic!("prizm-emu ended ({status}) before showing {what}");
            }
            if start.elapsed() > PATIENCE {
                let path = dir.join("capture.xwd");
                if let Some((_, xwd)) = &got {
                    std::fs::write(&path, xwd).unwrap();
                }
                panic!(
                    "the window does not show {what}: {diff} pixels differ, the first (x, y, \
                     got, wanted) {first:x?} (capture: {})",
                    path.display()
                );
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// The next line of standard error that contains `text`.
    fn stderr_line(&self, text: &str) -> String {
        let start = Instant::now();
        loop {
            let left = PATIENCE.saturating_sub(start.elapsed());
            match self.stderr.recv_timeout(left) {
                Ok(line) if line.contains(text) => return line,
                Ok(_) => {}
                Err(_) => panic!("prizm-emu wrote no line with `{text}` on stderr"),
            }
        }
    }

    /// Captures the window until `n` pixels of its panel have the colour `color` (the
    /// text of an overlay); fails after PATIENCE.
    fn wait_for_color(&self, color: u32, n: usize, what: &str) {
        let start = Instant::now();
        loop {
            let count = capture(&self.display, &self.id).map_or(0, |(c, _)| {
                (0..224 * SCALE)
                    .flat_map(|y| (0..396 * SCALE).map(move |x| (x, y)))
                    .filter(|&(x, y)| c.pixels[y * c.width + x] == color)
                    .count()
            });
            if count >= n {
                return;
            }
            assert!(
                start.elapsed() < PATIENCE,
                "the window does not show {what}: {count} pixels of {color:06x}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

/// The tools the window tests need, or why they skip.
fn tools_present() -> bool {
    let missing: Vec<&str> = ["Xvfb", "xdotool", "xwd"]
        .into_iter()
        .filter(|t| !have(t))
        .collect();
    if !missing.is_empty() {
        eprintln!(
            "SKIPPED: the window test needs {} (Debian xvfb, xdotool, x11-apps; tools/setup \
             installs them)",
            missing.join(", ")
        );
    }
    missing.is_empty()
}

#[test]
fn window_without_a_display_is_an_error() {
    let out = Command::new(env!("CARGO_BIN_EXE_prizm-emu"))
        .args(["run", "none.g3a", "--window"])
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("--window needs a display"), "{err}");
}

#[test]
fn window_shows_the_screen_and_takes_keys_and_clicks() {
    if !tools_present() {
        return;
    }
    let dir = tempdir("window");
    let (code, _) = build(ADDIN, "window");
    let file = dir.join("wintest.g3a");
    std::fs::write(&file, g3a(&code)).unwrap();

    // The emulator's own screens, headless: before and after EXE, and the end.
    let mut emu = Emulator::load(&g3a(&code), Options::default()).unwrap();
    assert_eq!(emu.run_until_idle(), Outcome::Idle);
    assert_eq!(emu.os.display.frame_color, FRAME);
    let first = expected_panel(emu.screen_rgb565(), FRAME);
    let first_png = emu.screenshot_png();
    let first_rgb = rgba(emu.screen_rgb565());
    emu.press("EXE").unwrap();
    assert_eq!(emu.run_until_idle(), Outcome::Idle);
    let second = expected_panel(emu.screen_rgb565(), FRAME);
    let second_rgb = rgba(emu.screen_rgb565());
    assert_ne!(first, second);
    emu.press("EXIT").unwrap();
    assert_eq!(emu.run_until_idle(), Outcome::Returned(42));

    let _one = XVFB.lock().unwrap_or_else(|e| e.into_inner());
    let (_xvfb, display) = xvfb();
    let mut w = start(&display, &file, &[]);
    // The first screen, in its green border.
    w.wait_for(&first, "the first screen", &dir);
    // F12: a screenshot, the emulator's own PNG.
    w.xdotool(&["key", "--window", &w.id, "F12"]);
    let saved = w.stderr_line("saved");
    assert!(saved.ends_with("wintest-001.png"), "{saved}");
    assert_eq!(
        std::fs::read(dir.join("wintest-001.png")).unwrap(),
        first_png
    );
    // F9 starts a recording; Enter is EXE; F9 ends the recording.
    w.xdotool(&["key", "--window", &w.id, "F9"]);
    w.stderr_line("recording");
    w.xdotool(&["key", "--window", &w.id, "Return"]);
    w.wait_for(&second, "the screen after EXE", &dir);
    w.xdotool(&["key", "--window", &w.id, "F9"]);
    let saved = w.stderr_line("saved");
    assert!(saved.contains("wintest-001.gif ("), "{saved}");
    // Its frames: the first screen (unless EXE came within a GIF frame's 20 ms of
    // emulated time, when the recorder keeps only the later one), then the second.
    let frames = gif_frames(&dir.join("wintest-001.gif"));
    assert!(
        saved.contains(&format!("({} frames)", frames.len())),
        "{saved}"
    );
    assert!(
        frames.last() == Some(&second_rgb),
        "the GIF ends with the screen after EXE"
    );
    assert!(frames.len() == 1 || (frames.len() == 2 && frames[0] == first_rgb));
    // A click on the keypad's EXIT button ends the add-in: it returns 42.
    let exit = prizm_emu::harness::window::keypad::buttons()
        .into_iter()
        .find(|b| b.key == "EXIT")
        .unwrap();
    let (cx, cy) = (
        ((exit.x + exit.w / 2) as usize * SCALE).to_string(),
        ((exit.y + exit.h / 2) as usize * SCALE).to_string(),
    );
    w.xdotool(&["mousemove", "--window", &w.id, &cx, &cy, "mousedown", "1"]);
    let line = w
        .stdout
        .recv_timeout(PATIENCE)
        .expect("prizm-emu reports how the run ended");
    w.xdotool(&["mouseup", "1"]);
    assert!(line.starts_with("returned to the menu: 42"), "{line}");
    // The report covers the screen (green text).
    w.wait_for_color(0xc0_ff_c0, 500, "the return value");
    drop(w);
    let _ = std::fs::remove_dir_all(&dir);
}

/// Writes to address 0: a crash.
const CRASH: &str = "
    mov #0,r1
    mov.l r1,@r1
    rts
    nop
";

/// An SDK add-in's panic, as the SDK leaves it: the panic record filled (magic `PANC`,
/// length, text), then waiting for a key.
const PANIC: &str = "
    sts.l pr,@-r15
wait:
    add #-4,r15
    mov r15,r4
    SYSCALL 0xEAB           ! GetKey(&key)
    bra wait
    add #4,r15
    .align 2
    .global _prizm_panic
_prizm_panic:
    .long 0x50414E43
    .long 22
    .ascii \"src/main.rs:3:5: boom!\"
";

#[test]
fn window_shows_a_crash_and_a_panic() {
    if !tools_present() {
        return;
    }
    let dir = tempdir("window-end");
    let _one = XVFB.lock().unwrap_or_else(|e| e.into_inner());
    let (_xvfb, display) = xvfb();
    for (src, name, expect, color) in [
        (CRASH, "crashing", "crash: write of 4 byte(s)", 0xff_80_80),
        (
            PANIC,
            "panicking",
            "the add-in panicked at src/main.rs:3:5: boom!",
            0xff_c0_60,
        ),
    ] {
        let (code, elf) = build(src, name);
        let file = dir.join(format!("{name}.g3a"));
        std::fs::write(&file, g3a(&code)).unwrap();
        let elf_file = dir.join(format!("{name}.elf"));
        std::fs::write(&elf_file, elf).unwrap();
        let w = start(&display, &file, &["--elf", elf_file.to_str().unwrap()]);
        let line = w.stderr_line(expect);
        assert!(line.contains(expect), "{line}");
        w.wait_for_color(color, 500, name);
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// Polls the keyboard (PRGM_GetKey) in a loop: a red screen while RIGHT is held, blue
/// otherwise.
const POLLING: &str = "
    sts.l pr,@-r15
    add #-12,r15
loop:
    mov r15,r4
    SYSCALL 0xD39           ! PRGM_GetKey_OS(buf): column in buf[1], row << 4 in buf[2]
    mov.b @(1,r15),r0
    extu.b r0,r0
    cmp/eq #2,r0
    bf up
    mov.b @(2,r15),r0
    extu.b r0,r0
    cmp/eq #0x70,r0         ! RIGHT: matrix 27
    bf up
    LOADL r4, 0xF800
    bra draw
    nop
up:
    mov #0x1F,r4
draw:
    mov #1,r5
    SYSCALL 0x275           ! Bdisp_Fill_VRAM(colour, below the status area)
    SYSCALL 0x25F           ! Bdisp_PutDisp_DD
    bra loop
    nop
";

/// The window's pacing bound: `run_until` stops once the emulated clock reaches the
/// cycle asked, although the instruction budget would let the add-in run on (each loop
/// of the polling add-in is a few instructions and 12 ms of emulated time in OS calls).
#[test]
fn run_until_stops_at_the_emulated_cycle() {
    use prizm_emu::machine::model::ms_to_cycles;
    let (code, _) = build(POLLING, "until");
    let load = || {
        let e = Emulator::load(&g3a(&code), Options::default()).unwrap();
        e.keys().lock().set_live();
        e
    };
    let mut paced = load();
    let until = paced.cpu.now() + ms_to_cycles(50);
    assert_eq!(
        paced.run_until(1_000_000, until),
        prizm_emu::Status::Running
    );
    let now = paced.cpu.now();
    assert!(now >= until, "{now} < {until}");
    assert!(
        now < until + ms_to_cycles(20),
        "{} ms past",
        (now - until) / ms_to_cycles(1)
    );
    assert!(paced.cpu.icount < 10_000);
    // 5,000 instructions (42 us at the calculator's clock) alone run a second ahead.
    let mut free = load();
    assert_eq!(free.run(5_000), prizm_emu::Status::Running);
    assert!(free.emulated_seconds() > 1.0, "{}", free.emulated_seconds());
}

#[test]
fn window_holds_keys_for_polling_add_ins() {
    if !tools_present() {
        return;
    }
    let dir = tempdir("window-poll");
    let (code, _) = build(POLLING, "poll");
    let file = dir.join("polling.g3a");
    std::fs::write(&file, g3a(&code)).unwrap();
    // The screens: the status area as the add-in starts (white), the rest in a colour;
    // the frame is white (never set).
    let screen = |c: u16| {
        let mut s = vec![0xFFFFu16; 384 * 216];
        s[384 * 24..].fill(c);
        expected_panel(&s, 0xFFFF)
    };
    let (blue, red) = (screen(0x001F), screen(0xF800));
    let _one = XVFB.lock().unwrap_or_else(|e| e.into_inner());
    let (_xvfb, display) = xvfb();
    let mut w = start(&display, &file, &[]);
    w.wait_for(&blue, "the screen with no key down", &dir);
    // Held down: the add-in sees it at every poll, as long as it is held.
    w.xdotool(&["keydown", "--window", &w.id, "Right"]);
    w.wait_for(&red, "the screen while RIGHT is held", &dir);
    w.xdotool(&["keyup", "--window", &w.id, "Right"]);
    w.wait_for(&blue, "the screen once RIGHT is released", &dir);
    drop(w);
    let _ = std::fs::remove_dir_all(&dir);
}
