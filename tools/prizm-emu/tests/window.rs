//! `prizm-emu run --window` for real: under Xvfb, the window opens on a small add-in,
//! xdotool types a key and clicks the on-screen keypad, and captures of the window
//! (xwd) must show the emulator's own screen, scaled, in its border. Needs Xvfb,
//! xdotool and xwd (Debian xvfb, xdotool, x11-apps; tools/setup installs them): the
//! test says so and passes without them.

mod common;

use common::{build, g3a, tempdir};
use prizm_emu::machine::devices::lcd::{SHOWN_X, SHOWN_Y};
use prizm_emu::{Emulator, Options, Outcome};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// Scale the window is opened at.
const SCALE: usize = 2;
/// Border colour the add-in sets (green).
const FRAME: u16 = 0x07E0;
/// How long to wait for the window to show something before failing (a bound on a
/// wait for an event, not a measure of speed).
const PATIENCE: Duration = Duration::from_secs(20);

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

/// Whether `tool` runs (`-version`/`-h` exits or prints something).
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
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

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
            // Ready once it answers a request.
            if socket.exists()
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
    let (r, g, b) = ((p >> 11) as u32 & 31, (p >> 5) as u32 & 63, p as u32 & 31);
    (((r * 255 + 15) / 31) << 16) | (((g * 255 + 31) / 63) << 8) | ((b * 255 + 15) / 31)
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

/// Captures the window until its panel shows `want`; fails after PATIENCE with the
/// number of pixels that differ (and the capture saved beside the test's files).
fn wait_for(display: &str, id: &str, want: &[u32], what: &str, dir: &Path, emu: &mut Guard) {
    let start = Instant::now();
    loop {
        let xwd = x(display, "xwd", &["-id", id, "-silent"]);
        let (diff, first) = differences(&parse_xwd(&xwd), want);
        if diff == 0 {
            return;
        }
        if let Ok(Some(status)) = emu.0.try_wait() {
            panic!("prizm-emu ended ({status}) before showing {what}");
        }
        if start.elapsed() > PATIENCE {
            let path = dir.join("capture.xwd");
            std::fs::write(&path, &xwd).unwrap();
            panic!(
                "the window does not show {what}: {diff} pixels differ, the first (x, y, \
                 got, wanted) {first:x?} (capture: {})",
                path.display()
            );
        }
        std::thread::sleep(Duration::from_millis(100));
    }
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
    emu.press("EXE").unwrap();
    assert_eq!(emu.run_until_idle(), Outcome::Idle);
    let second = expected_panel(emu.screen_rgb565(), FRAME);
    assert_ne!(first, second);
    emu.press("EXIT").unwrap();
    assert_eq!(emu.run_until_idle(), Outcome::Returned(42));

    let (_xvfb, display) = xvfb();
    let mut child = Guard(
        Command::new(env!("CARGO_BIN_EXE_prizm-emu"))
            .arg("run")
            .arg(&file)
            .args(["--window", "--scale", &SCALE.to_string()])
            .env("DISPLAY", &display)
            .env_remove("WAYLAND_DISPLAY")
            .current_dir(&dir)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap(),
    );
    let stdout = child.0.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            let _ = tx.send(line);
        }
    });

    // The window, by its title.
    let start = Instant::now();
    let id = loop {
        let out = Command::new("xdotool")
            .args(["search", "--name", "^prizm-emu: wintest"])
            .env("DISPLAY", &display)
            .output()
            .unwrap();
        let ids = String::from_utf8_lossy(&out.stdout).trim().to_string();
        if let Some(id) = ids.lines().next() {
            break id.to_string();
        }
        if let Ok(Some(status)) = child.0.try_wait() {
            let mut err = String::new();
            std::io::Read::read_to_string(child.0.stderr.as_mut().unwrap(), &mut err).unwrap();
            panic!("prizm-emu ended ({status}) without a window: {err}");
        }
        assert!(start.elapsed() < PATIENCE, "no prizm-emu window appeared");
        std::thread::sleep(Duration::from_millis(100));
    };

    // The first screen, in its green border.
    wait_for(&display, &id, &first, "the first screen", &dir, &mut child);
    // Enter is EXE.
    x(&display, "xdotool", &["key", "--window", &id, "Return"]);
    wait_for(
        &display,
        &id,
        &second,
        "the screen after EXE",
        &dir,
        &mut child,
    );
    // A click on the keypad's EXIT button ends the add-in: it returns 42.
    let exit = prizm_emu::harness::window::keypad::buttons()
        .into_iter()
        .find(|b| b.key == "EXIT")
        .unwrap();
    let (cx, cy) = (
        ((exit.x + exit.w / 2) as usize * SCALE).to_string(),
        ((exit.y + exit.h / 2) as usize * SCALE).to_string(),
    );
    x(
        &display,
        "xdotool",
        &["mousemove", "--window", &id, &cx, &cy, "mousedown", "1"],
    );
    let line = rx
        .recv_timeout(PATIENCE)
        .expect("prizm-emu reports how the run ended");
    x(&display, "xdotool", &["mouseup", "1"]);
    assert!(line.starts_with("returned to the menu: 42"), "{line}");
    // The report covers the screen: the panel is no longer the add-in's picture.
    let cap = parse_xwd(&x(&display, "xwd", &["-id", &id, "-silent"]));
    assert!(
        differences(&cap, &second).0 > 1000,
        "an overlay shows the end"
    );
    drop(child);
    let _ = std::fs::remove_dir_all(&dir);
}
