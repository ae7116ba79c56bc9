//! The SDK's areas, built for the calculator (`tests/addins/sdk-areas`) and run in
//! prizm-emu: display, keyboard, storage, time, heap and the panic screen. The add-in's
//! first key selects the area; each test checks what the emulator shows or leaves in
//! the storage folder against values computed here.

#[path = "addins/sdk-areas/src/scene.rs"]
#[allow(dead_code)]
mod scene;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use prizm::display::{Frame, PIXELS, WIDTH};
use prizm_test::{Addin, Built, Options, Outcome};

const MANIFEST: &str = "tests/addins/sdk-areas/Cargo.toml";
const SOURCE: &str = "tests/addins/sdk-areas/src/addin.rs";

/// The repository root.
fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The add-in, built once per test run.
fn built() -> &'static Built {
    static BUILT: OnceLock<Built> = OnceLock::new();
    BUILT.get_or_init(|| prizm_test::build(repo_root().join(MANIFEST)))
}

/// An empty folder `target/emu-storage/<name>` for the storage memory, kept after the
/// test for a look.
fn fresh_storage(name: &str) -> PathBuf {
    let dir = repo_root().join("target").join("emu-storage").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create the storage folder");
    dir
}

/// Keeps a screenshot as a test artefact: `target/test-screenshots/<name>.png`.
fn save_screenshot(calc: &Addin, name: &str) {
    calc.save_screenshot(
        repo_root()
            .join("target/test-screenshots")
            .join(format!("{name}.png")),
    );
}

/// Starts the add-in with `keys` (a key script) and an optional storage folder, and runs
/// it until it ends or waits for more keys.
fn start(keys: &str, storage: Option<&Path>) -> Addin {
    let options = Options {
        keys: prizm_emu::harness::keys::parse_script(keys).expect("key script"),
        storage: storage.map(Path::to_path_buf),
        max_instructions: 500_000_000,
        ..Options::default()
    };
    Addin::start_with(built(), options)
}

/// Parses `key=value` lines.
fn report(text: &[u8]) -> HashMap<String, String> {
    String::from_utf8_lossy(text)
        .lines()
        .filter_map(|l| l.split_once('='))
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

fn px(screen: &[u16], x: usize, y: usize) -> u16 {
    screen[y * WIDTH + x]
}

/// The frame the host build of the SDK draws with `draw`, from a black buffer.
fn host_frame(draw: impl FnOnce(&mut Frame<'_>)) -> Vec<u16> {
    let mut buf = vec![0u16; PIXELS];
    draw(&mut Frame::new(&mut buf).unwrap());
    buf
}

const RED: u16 = 0xF800;
const BLUE: u16 = 0x001F;
const YELLOW: u16 = 0xFFE0;
const CYAN: u16 = 0x07FF;
const WHITE: u16 = 0xFFFF;
const MAGENTA: u16 = 0xF81F;
const LIME: u16 = 0x07E0;
const ORANGE: u16 = 0xFD20;
const GRAY: u16 = 0x8410;
const BLACK: u16 = 0x0000;
const NAVY: u16 = 0x0010;

#[test]
fn display_fills_shapes_text_and_partial_update() {
    let emu = start("1", None);
    assert_eq!(*emu.outcome(), Outcome::Returned(0));
    save_screenshot(&emu, "sdk-display");
    let vram = emu.emulator().vram_rgb565();
    let lcd = emu.screen().to_vec();
    let bg = scene::BG;

    // Fixed pixels, computed from the scene's coordinates (not from any renderer).
    let v = |x, y| px(&vram, x, y);
    assert_eq!(v(383, 215), bg, "background");
    // 101x51 at (31, 41): an odd x and width.
    for (x, y) in [(31, 41), (131, 41), (31, 91), (131, 91), (80, 60)] {
        assert_eq!(v(x, y), RED, "rectangle at ({x}, {y})");
    }
    for (x, y) in [(30, 41), (132, 41), (31, 40), (31, 92), (132, 92)] {
        assert_eq!(v(x, y), bg, "outside the rectangle at ({x}, {y})");
    }
    // Clipped to x 0..20, y 200..216.
    for (x, y) in [(0, 200), (19, 200), (0, 215), (19, 215)] {
        assert_eq!(v(x, y), BLUE, "clipped rectangle at ({x}, {y})");
    }
    assert_eq!(v(20, 200), bg);
    assert_eq!(v(0, 199), bg);
    // Lines: horizontal, vertical, 45°.
    for x in 200..=299 {
        assert_eq!(v(x, 30), YELLOW, "horizontal line at x={x}");
    }
    assert_eq!(
        (v(199, 30), v(300, 30), v(250, 29), v(250, 31)),
        (bg, bg, bg, bg)
    );
    for y in 40..=90 {
        assert_eq!(v(210, y), CYAN, "vertical line at y={y}");
    }
    assert_eq!(
        (v(210, 39), v(210, 91), v(209, 60), v(211, 60)),
        (bg, bg, bg, bg)
    );
    for i in 0..=40 {
        assert_eq!(v(220 + i, 40 + i), WHITE, "diagonal at i={i}");
    }
    assert_eq!((v(221, 40), v(220, 41)), (bg, bg));
    // The outline of (300, 100) 40x30; its rows 100..120 are under the orange band.
    for y in 120..=129 {
        assert_eq!(
            (v(300, y), v(339, y)),
            (MAGENTA, MAGENTA),
            "outline sides at y={y}"
        );
    }
    for x in 300..=339 {
        assert_eq!(v(x, 129), MAGENTA, "outline bottom at x={x}");
    }
    assert_eq!(
        (v(301, 125), v(338, 128), v(340, 125), v(300, 130)),
        (bg, bg, bg, bg)
    );
    // Filled circle of diameter 21 at (140, 140): centre (150, 150).
    assert_eq!(
        (
            v(150, 150),
            v(140, 150),
            v(160, 150),
            v(150, 140),
            v(150, 160)
        ),
        (LIME, LIME, LIME, LIME, LIME)
    );
    assert_eq!((v(140, 140), v(160, 160)), (bg, bg), "circle corners");
    // Text: 8 cells of 6x10, white on black, from (40, 120).
    let text_px: Vec<u16> = (120..130)
        .flat_map(|y| (40..88).map(move |x| (x, y)))
        .map(|(x, y)| v(x, y))
        .collect();
    assert!(
        text_px.iter().all(|&p| p == WHITE || p == BLACK),
        "text box is white on black"
    );
    let ink = text_px.iter().filter(|&&p| p == WHITE).count();
    assert!((60..300).contains(&ink), "text ink: {ink} pixels");
    assert_eq!(
        (v(39, 125), v(88, 125), v(60, 130)),
        (bg, bg, bg),
        "around the text"
    );
    // The 3x2 picture at (5, 5).
    assert_eq!(
        [v(5, 5), v(6, 5), v(7, 5), v(5, 6), v(6, 6), v(7, 6)],
        [RED, LIME, BLUE, WHITE, BLACK, 0x1234]
    );
    // The bands are in VRAM...
    for y in 100..120 {
        assert!(
            vram[y * WIDTH..(y + 1) * WIDTH]
                .iter()
                .all(|&p| p == ORANGE),
            "shown band, row {y}"
        );
    }
    for y in 180..190 {
        assert!(
            vram[y * WIDTH..(y + 1) * WIDTH].iter().all(|&p| p == GRAY),
            "hidden band, row {y}"
        );
    }
    // ...but only rows 100..=119 were put to the display after the full update.
    for y in 0..216 {
        let row = |s: &[u16]| s[y * WIDTH..(y + 1) * WIDTH].to_vec();
        if (180..190).contains(&y) {
            assert!(
                row(&lcd).iter().all(|&p| p != GRAY),
                "row {y} must not be displayed yet"
            );
        } else {
            assert_eq!(row(&lcd), row(&vram), "displayed row {y}");
        }
    }
    assert_eq!(px(&lcd, 383, 185), bg);
    // GetKey, the full update and the partial one.
    assert_eq!(emu.emulator().frames(), 3);

    // The whole frame, against the SDK and embedded-graphics built for the PC.
    let before = host_frame(scene::draw_scene);
    let after = host_frame(|f| {
        scene::draw_scene(f);
        scene::draw_bands(f);
    });
    let diff = |a: &[u16], b: &[u16]| a.iter().zip(b).filter(|(x, y)| x != y).count();
    assert_eq!(
        diff(&vram, &after),
        0,
        "VRAM differs from the host rendering"
    );
    let mut expected_lcd = before.clone();
    expected_lcd[100 * WIDTH..120 * WIDTH].copy_from_slice(&after[100 * WIDTH..120 * WIDTH]);
    assert_eq!(
        diff(&lcd, &expected_lcd),
        0,
        "display differs from the host rendering"
    );
}

/// The keys of the keyboard run and what the add-in records for them.
const KEY_SCRIPT: &str = "2, 5, SHIFT, EXIT, A, DOT, F1, EXIT, F2, wait:200ms, TAN";

/// Runs the keyboard area once (two tests read its record; concurrent runs would share
/// the storage folder).
fn keyboard_record() -> Vec<u16> {
    static RECORD: std::sync::OnceLock<Vec<u16>> = std::sync::OnceLock::new();
    RECORD
        .get_or_init(|| {
            let dir = fresh_storage("sdk-keyboard");
            let emu = start(KEY_SCRIPT, Some(&dir));
            assert_eq!(*emu.outcome(), Outcome::Returned(0));
            let bytes = std::fs::read(dir.join("keys.bin")).expect("keys.bin written");
            bytes
                .chunks(2)
                .map(|c| u16::from_be_bytes([c[0], c[1]]))
                .collect()
        })
        .clone()
}

#[test]
fn keyboard_getkey_codes_and_key_matrix() {
    let codes = keyboard_record();
    assert_eq!(codes.len(), 10, "{codes:x?}");
    // GetKey: '5', QUIT (SHIFT+EXIT), 'A' (ALPHA letter), '.', F1, EXIT.
    assert_eq!(&codes[..6], &[0x35, 30029, 0x41, 0x2E, 30009, 30002]);
    // poll_key (GetKeyWait_OS without waiting) saw a key: checked in
    // `keyboard_polled_key_matrix_position`.
    assert_eq!(codes[6], 0xA000);
    assert_eq!(codes[7] >> 8, 6, "F2's column");
    // The key matrix registers: tan at column 2, row 7.
    assert_eq!(&codes[8..], &[0xB000, 0x0207]);

    // MENU in GetKey leaves the add-in.
    let emu = start("2, 1, MENU", None);
    assert_eq!(*emu.outcome(), Outcome::Menu);
}

/// GetKeyWait_OS reports F2 at column 6, row 0x0A (WikiPrizm, "Keycode Reference":
/// matrix codes 0xCCRR, F-keys in row 0x0A).
#[test]
fn keyboard_polled_key_matrix_position() {
    let codes = keyboard_record();
    assert_eq!(codes[7], 0x060A, "poll_key saw {:#06x}", codes[7]);
}

#[test]
fn storage_files_folders_and_mcs_items() {
    let dir = fresh_storage("sdk-storage");
    let emu = start("3", Some(&dir));
    assert_eq!(*emu.outcome(), Outcome::Returned(0));
    let text = std::fs::read(dir.join("storage.txt")).expect("storage.txt written");
    let rep = report(&text);
    for step in [
        "write",
        "exists_again",
        "read",
        "replace",
        "mkdir",
        "write_bin",
        "file_api",
        "delete",
        "rename",
        "find",
        "mcs_folder",
        "mcs_create",
        "mcs_replace",
        "mcs_delete",
        "mcs_read",
    ] {
        assert_eq!(
            rep.get(step).map(String::as_str),
            Some("ok"),
            "step {step}: {}",
            String::from_utf8_lossy(&text)
        );
    }
    // What the emulator's storage memory holds afterwards.
    assert_eq!(
        emu.storage_file("\\\\fls0\\a.txt").unwrap(),
        b"replaced by a longer text"
    );
    assert_eq!(
        std::fs::read(dir.join("a.txt")).unwrap(),
        b"replaced by a longer text"
    );
    assert!(
        !dir.join("a.txt~").exists(),
        "replace leaves no temporary file"
    );
    assert_eq!(
        std::fs::read(dir.join("sub").join("b.bin")).unwrap(),
        (0..=255u8).collect::<Vec<_>>()
    );
    assert_eq!(std::fs::read(dir.join("c.dat")).unwrap(), b"ABCDEFGH");
    assert!(!dir.join("gone.txt").exists());
    assert!(!dir.join("old.txt").exists());
    assert_eq!(std::fs::read(dir.join("new.txt")).unwrap(), b"moved");
    assert_eq!(rep["found"], "a.txt:25 new.txt:5");
    // Main memory: one item left, with the replaced data, no temporary item.
    let mcs = dir.join(".mcs").join("SDKTEST");
    assert_eq!(
        emu.main_memory_item("SDKTEST", "ITEM1").as_deref(),
        Some(&b"new, longer mcs data"[..])
    );
    assert_eq!(emu.main_memory_item("SDKTEST", "ITEM2"), None);
    let mut items: Vec<String> = std::fs::read_dir(&mcs)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    items.sort();
    assert_eq!(items, ["ITEM1"]);
}

/// Runs the time mode with a wait of `wait_ms` before its key; returns the report.
fn time_run(wait_ms: u64) -> HashMap<String, u64> {
    let dir = fresh_storage(&format!("sdk-time-{wait_ms}"));
    let emu = start(&format!("4, wait:{wait_ms}ms, EXE"), Some(&dir));
    assert_eq!(*emu.outcome(), Outcome::Returned(0));
    assert!(emu.emulator().emulated_seconds() >= (wait_ms + 500) as f64 / 1000.0);
    let rep = report(&std::fs::read(dir.join("time.txt")).unwrap());
    rep.into_iter()
        .map(|(k, v)| (k, v.parse().unwrap()))
        .collect()
}

#[test]
fn time_ticks_follow_waits_and_sleep() {
    for wait_ms in [2000u64, 5000] {
        let r = time_run(wait_ms);
        let ticks = wait_ms * 128 / 1000;
        // The key wait (plus the frame GetKey shows), then a 500 ms sleep (64 ticks).
        let waited = r["t1"] - r["t0"];
        assert!(
            (ticks..=ticks + 3).contains(&waited),
            "{wait_ms} ms wait: {waited} ticks"
        );
        let slept = r["t2"] - r["t1"];
        assert!((64..=65).contains(&slept), "500 ms sleep: {slept} ticks");
        let ms = r["elapsed_ms"];
        assert!(
            (wait_ms + 500..=wait_ms + 540).contains(&ms),
            "Instant::elapsed: {ms} ms"
        );
        // The emulated RTC starts at 12:00:00.
        assert_eq!((r["hour"], r["minute"]), (12, 0));
    }
}

#[test]
fn heap_allocates_frees_and_reports() {
    let dir = fresh_storage("sdk-heap");
    let emu = start("5", Some(&dir));
    assert_eq!(*emu.outcome(), Outcome::Returned(0));
    save_screenshot(&emu, "sdk-heap");
    let text = std::fs::read(dir.join("heap.txt")).expect("heap.txt written");
    let rep = report(&text);
    // size used free largest_free high_water allocations failed_request
    let s: Vec<Vec<usize>> = (0..5)
        .map(|i| {
            rep[&format!("s{i}")]
                .split(' ')
                .map(|n| n.parse().unwrap())
                .collect()
        })
        .collect();
    let size = 16 * 1024;
    assert_eq!(s[0], [size, 0, size, size, 0, 0, 0], "fresh heap");
    // A 1000-byte Vec and a 256-byte Box (both multiples of the 8-byte granularity).
    assert_eq!(
        s[1],
        [size, 1256, size - 1256, size - 1256, 1256, 2, 0],
        "two blocks"
    );
    assert_eq!(s[2][..3], [size, 256, size - 256], "Vec freed");
    assert_eq!(s[2][5], 1);
    assert_eq!(
        s[3],
        [size, 0, size, size, 1256, 0, 0],
        "all freed, high-water mark kept"
    );
    assert_eq!(
        s[4],
        [size, 0, size, size, 1256, 0, 1 << 20],
        "the failed request is remembered"
    );
    assert_eq!(rep["failed"], "true");
    // The statistics are on the screen too: ink in the text rows, white below.
    let lcd = emu.screen();
    let ink = |y0: usize, y1: usize| {
        lcd[y0 * WIDTH..y1 * WIDTH]
            .iter()
            .filter(|&&p| p != WHITE)
            .count()
    };
    assert!(ink(2, 68) > 500, "statistics drawn: {}", ink(2, 68));
    assert_eq!(ink(80, 216), 0);
}

/// The line and column of the add-in's deliberate panic.
fn panic_location() -> (u32, u32) {
    let src = std::fs::read_to_string(repo_root().join(SOURCE)).unwrap();
    let (i, line) = src
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains("// PANIC-LINE"))
        .unwrap();
    (i as u32 + 1, line.find("panic!").unwrap() as u32 + 1)
}

#[test]
fn panic_screen_shows_message_and_location_until_menu() {
    let mut emu = start("6", None);
    assert_eq!(
        *emu.outcome(),
        Outcome::Idle,
        "the panic screen waits for a key"
    );
    save_screenshot(&emu, "sdk-panic");
    let lcd = emu.screen().to_vec();
    // Title bar, black message text, navy location text, footer.
    assert_eq!(px(&lcd, 0, 0), RED);
    assert_eq!(px(&lcd, 383, 15), RED);
    let count = |y0: usize, y1: usize, c: u16| {
        lcd[y0 * WIDTH..y1 * WIDTH]
            .iter()
            .filter(|&&p| p == c)
            .count()
    };
    assert!(count(22, 33, BLACK) > 100, "message line");
    assert!(count(37, 48, NAVY) > 100, "location line");
    assert!(count(204, 216, BLACK) > 100, "footer");
    assert_eq!(count(60, 200, WHITE), 140 * WIDTH, "nothing else");
    // Exactly the screen the SDK draws for this message and place.
    let (line, col) = panic_location();
    let expected = host_frame(|f| {
        prizm::rt::panic_screen::draw(
            f,
            "sdk-areas: deliberate panic 42",
            Some((SOURCE, line, col)),
        )
    });
    assert!(
        lcd == expected,
        "panic screen differs from the SDK's drawing of {SOURCE}:{line}:{col}"
    );
    // The emulator reads the same message and place from the SDK's panic record.
    assert_eq!(
        emu.panic_message().as_deref(),
        Some(format!("{SOURCE}:{line}:{col}: sdk-areas: deliberate panic 42").as_str())
    );

    // Other keys keep it there; MENU leaves.
    assert_eq!(emu.keys("EXE"), Outcome::Idle);
    assert_eq!(emu.keys("MENU"), Outcome::Menu);
}

#[test]
fn out_of_memory_screen() {
    let mut emu = start("7", None);
    assert_eq!(*emu.outcome(), Outcome::Idle);
    save_screenshot(&emu, "sdk-oom");
    let expected = host_frame(|f| {
        prizm::rt::panic_screen::draw(
            f,
            "memory allocation of 65536 bytes failed",
            Some(("alloc", 1, 1)),
        )
    });
    assert!(emu.screen() == expected.as_slice(), "out-of-memory screen");
    assert_eq!(
        emu.panic_message().as_deref(),
        Some("memory allocation of 65536 bytes failed")
    );
    assert_eq!(emu.keys("MENU"), Outcome::Menu);
}

/// A stack overflow (endless recursion) is stopped where the stack runs over static
/// data, with a report that says so and shows the recursion.
#[test]
fn stack_overflow_is_reported() {
    let mut emu = start("8", None);
    let Outcome::Crashed(report) = emu.outcome().clone() else {
        panic!("expected a crash, got {:?}", emu.outcome());
    };
    assert_eq!(emu.panic_message(), None, "no panic");
    assert!(report.what.starts_with("stack overflow"), "{}", report.what);
    assert!(
        report.text.contains("recurse"),
        "the backtrace shows the recursion"
    );
    // Stopped within a level (a frame holds two copies of the 2 KiB array) past the
    // limit, long before the stack would reach the start of RAM.
    let below: u32 = report
        .what
        .split(" is ")
        .nth(1)
        .and_then(|s| s.split(' ').next())
        .and_then(|n| n.parse().ok())
        .expect("the overflow in bytes");
    assert!(below <= 8192, "{below} bytes past the end of static data");
}

/// Mode 9: an SDK timer (`prizm::time::Timer`, every millisecond) whose handler
/// allocates and multiplies, while the main program allocates and frees without pause.
/// Every allocation on both sides holds what was written, nothing leaks, every handler
/// returned keeping the OS's convention (else the emulator stops the run), and some
/// handlers came due inside the allocator's masked section and waited for its end.
#[test]
fn timer_handlers_allocate_safely_during_allocations() {
    let dir = fresh_storage("sdk-timer");
    let calc = start("9", Some(&dir));
    assert_eq!(
        *calc.outcome(),
        Outcome::Returned(0),
        "{:?}",
        calc.outcome()
    );
    let rep: HashMap<String, u64> = report(&std::fs::read(dir.join("timer.txt")).unwrap())
        .into_iter()
        .map(|(k, v)| (k, v.parse().unwrap()))
        .collect();
    let runs = rep["runs"];
    assert_eq!(runs, 30, "{rep:?}");
    assert_eq!(rep["handler_allocs"], 2 * runs, "{rep:?}");
    assert_eq!((rep["handler_bad"], rep["main_bad"]), (0, 0), "{rep:?}");
    assert!(rep["main_allocs"] > 1000, "{rep:?}");
    assert_eq!(rep["live_before"], rep["live_after"], "{rep:?}");
    assert_eq!(rep["failed"], 0, "{rep:?}");
    let stats = calc.emulator().os.timer_stats;
    println!("{rep:?} {stats:?}");
    assert_eq!(stats.fired, runs, "{stats:?}");
    assert!(
        stats.held_off > 0,
        "no handler came due during an allocation: {stats:?}"
    );
}

/// Mode 0: a Rust function that multiplies, given to `Timer_Install` directly (without
/// the SDK's shim), returns with MACL changed: the emulator stops the run and names it.
#[test]
fn an_unshimmed_timer_handler_breaks_the_contract_and_is_caught() {
    let calc = start("0", None);
    let Outcome::Crashed(report) = calc.outcome().clone() else {
        panic!("expected a crash, got {:?}", calc.outcome());
    };
    assert!(
        report.what.contains("the timer handler at") && report.what.contains("MACL: "),
        "{}",
        report.what
    );
    assert!(report.text.contains("unshimmed_handler"), "{}", report.text);
}

/// Modes '.' and ',': MENU calls the quit handler before the run ends. Set through the
/// SDK (`prizm::callback::set_quit_handler`, a shim around a function that multiplies)
/// it keeps the OS's convention; given to `SetQuitHandler` directly, the same function
/// returns with MACL changed and the run stops with a report naming it.
#[test]
fn quit_handlers_run_at_menu_and_are_checked() {
    let calc = start("DOT,MENU", None);
    assert_eq!(*calc.outcome(), Outcome::Menu, "{:?}", calc.outcome());
    assert!(calc.emulator().os.keyboard.quit_handler.is_some());
    let calc = start("COMMA,MENU", None);
    let Outcome::Crashed(report) = calc.outcome().clone() else {
        panic!("expected a crash, got {:?}", calc.outcome());
    };
    assert!(
        report.what.contains("the quit handler (SetQuitHandler) at")
            && report.what.contains("MACL: "),
        "{}",
        report.what
    );
    assert!(report.text.contains("unshimmed_quit"), "{}", report.text);
}
