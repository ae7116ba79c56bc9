//! The add-in itself (calculator only; see `main.rs`).

use alloc::{boxed::Box, vec::Vec};
use core::fmt::Write;
use core::sync::atomic::{AtomicU32, Ordering};
use embedded_graphics::{
    mono_font::{MonoTextStyle, ascii::FONT_6X10},
    prelude::*,
    text::{Baseline, Text},
};
use prizm::display::{Rgb565, Screen};
use prizm::keyboard::{KeyMatrix, Keycode, get_key, poll_key};
use prizm::storage::{self, File, Mode, mcs};
use prizm::time;

use crate::scene;

prizm::heap!(16 * 1024);

/// A report of `key=value` lines.
type Report = heapless::String<1024>;
use prizm::heapless;

pub fn main() -> i32 {
    let mut screen = Screen::take().expect("the screen is free at start-up");
    match get_key() {
        Keycode::Char(0x31) => display(&mut screen),
        Keycode::Char(0x32) => keyboard(),
        Keycode::Char(0x33) => storage_area(),
        Keycode::Char(0x34) => time_area(),
        Keycode::Char(0x35) => heap_area(&mut screen),
        Keycode::Char(0x36) => panic!("sdk-areas: deliberate panic {}", 6 * 7), // PANIC-LINE
        Keycode::Char(0x37) => {
            let v: Vec<u8> = Vec::with_capacity(64 * 1024);
            v.len() as i32
        }
        Keycode::Char(0x38) => recurse(0) as i32,
        Keycode::Char(0x39) => timer_area(),
        Keycode::Char(0x30) => broken_timer_handler(),
        Keycode::Char(0x2E) => quit_handler(),
        Keycode::Char(0x2C) => broken_quit_handler(),
        _ => 99,
    }
}

/// Mode 8: recursion with 2 KiB frames and an OS call at each level, without end: the
/// stack runs over static data (the emulator stops it there).
#[inline(never)]
fn recurse(level: u32) -> u32 {
    let mut frame = core::hint::black_box([0u8; 2048]);
    frame[level as usize % 2048] = level as u8;
    let frame = core::hint::black_box(frame);
    let ticks = time::rtc_ticks();
    recurse(level + 1)
        .wrapping_add(frame[level as usize % 2048] as u32)
        .wrapping_add(ticks)
}

/// Writes `text` to `\\fls0\<name>` (replacing any older copy).
fn save(name: &str, text: &str) -> i32 {
    let mut path: heapless::String<32> = heapless::String::new();
    let _ = write!(path, "\\\\fls0\\{name}");
    match storage::replace(&path, text.as_bytes()) {
        Ok(()) => 0,
        Err(_) => 1,
    }
}

fn display(screen: &mut Screen) -> i32 {
    scene::draw_scene(screen);
    screen.update();
    scene::draw_bands(screen);
    screen.update_rows(scene::BAND_SHOWN.0, scene::BAND_SHOWN.1 - 1);
    0
}

fn keyboard() -> i32 {
    let mut codes: Vec<u16> = Vec::new();
    loop {
        let k = get_key();
        codes.push(k.to_getkey());
        if k == Keycode::Exit {
            break;
        }
    }
    // A polled key (GetKeyWait_OS without waiting), as 0xCCRR.
    let polled = loop {
        if let Some(k) = poll_key() {
            break k;
        }
    };
    let (c, r) = polled.matrix();
    codes.push(0xA000);
    codes.push(u16::from(c) << 8 | u16::from(r));
    // The key matrix registers: wait for a release, then for the next key.
    while !KeyMatrix::read().is_empty() {}
    let held = loop {
        let m = KeyMatrix::read();
        if let Some(k) = m.down().next() {
            break k;
        }
    };
    let (c, r) = held.matrix();
    codes.push(0xB000);
    codes.push(u16::from(c) << 8 | u16::from(r));
    let bytes: Vec<u8> = codes.iter().flat_map(|c| c.to_be_bytes()).collect();
    match storage::write_file("\\\\fls0\\keys.bin", &bytes) {
        Ok(()) => 0,
        Err(_) => 1,
    }
}

fn storage_area() -> i32 {
    let mut rep = Report::new();
    check(
        &mut rep,
        "write",
        storage::write_file("\\\\fls0\\a.txt", b"hello storage"),
    );
    check(
        &mut rep,
        "exists_again",
        match storage::write_file("\\\\fls0\\a.txt", b"x") {
            Err(storage::Error::AlreadyExists) => Ok(()),
            Err(e) => Err(e),
            Ok(()) => Err(storage::Error::Os(-100)),
        },
    );
    check(
        &mut rep,
        "read",
        (|| {
            let mut buf = [0u8; 64];
            let n = storage::read_file("\\\\fls0\\a.txt", &mut buf)?;
            if &buf[..n] == b"hello storage" {
                Ok(())
            } else {
                Err(storage::Error::Os(-101))
            }
        })(),
    );
    check(
        &mut rep,
        "replace",
        storage::replace("\\\\fls0\\a.txt", b"replaced by a longer text"),
    );
    check(&mut rep, "mkdir", storage::create_dir("\\\\fls0\\sub"));
    let all: Vec<u8> = (0..=255u8).collect();
    check(
        &mut rep,
        "write_bin",
        storage::write_file("\\\\fls0\\sub\\b.bin", &all),
    );
    check(
        &mut rep,
        "file_api",
        (|| {
            File::create("\\\\fls0\\c.dat", 8)?;
            let mut f = File::open("\\\\fls0\\c.dat", Mode::ReadWrite)?;
            f.write(b"ABCD")?;
            f.write(b"EFGH")?;
            let mut buf = [0u8; 4];
            let n = f.read_at(&mut buf, 2)?;
            if n == 4 && &buf == b"CDEF" && f.size()? == 8 {
                Ok(())
            } else {
                Err(storage::Error::Os(-102))
            }
        })(),
    );
    check(
        &mut rep,
        "delete",
        (|| {
            storage::write_file("\\\\fls0\\gone.txt", b"soon gone")?;
            storage::delete("\\\\fls0\\gone.txt")?;
            if storage::exists("\\\\fls0\\gone.txt")? {
                Err(storage::Error::Os(-103))
            } else {
                Ok(())
            }
        })(),
    );
    check(
        &mut rep,
        "rename",
        (|| {
            storage::write_file("\\\\fls0\\old.txt", b"moved")?;
            storage::rename("\\\\fls0\\old.txt", "\\\\fls0\\new.txt")
        })(),
    );
    let mut found: heapless::String<128> = heapless::String::new();
    check(
        &mut rep,
        "find",
        storage::find("\\\\fls0\\*.txt", |name, size| {
            let _ = write!(found, "{name}:{size} ");
            true
        }),
    );
    let _ = writeln!(rep, "found={}", found.trim_end());
    check(&mut rep, "mcs_folder", mcs::create_folder("SDKTEST"));
    check(
        &mut rep,
        "mcs_create",
        mcs::create("SDKTEST", "ITEM1", b"mcs data"),
    );
    check(
        &mut rep,
        "mcs_replace",
        mcs::replace("SDKTEST", "ITEM1", b"new, longer mcs data"),
    );
    check(
        &mut rep,
        "mcs_delete",
        (|| {
            mcs::create("SDKTEST", "ITEM2", b"temporary")?;
            mcs::delete("SDKTEST", "ITEM2")?;
            if mcs::len("SDKTEST", "ITEM2")?.is_none() {
                Ok(())
            } else {
                Err(storage::Error::Os(-104))
            }
        })(),
    );
    check(
        &mut rep,
        "mcs_read",
        (|| {
            let mut buf = [0u8; 64];
            let n = mcs::read("SDKTEST", "ITEM1", &mut buf)?;
            let ok =
                &buf[..n] == b"new, longer mcs data" && mcs::len("SDKTEST", "ITEM1")? == Some(n);
            if ok {
                Ok(())
            } else {
                Err(storage::Error::Os(-105))
            }
        })(),
    );
    save("storage.txt", &rep)
}

/// Appends `name=ok` or `name=error ...` to the report.
fn check(rep: &mut Report, name: &str, r: storage::Result<()>) {
    let _ = match r {
        Ok(()) => writeln!(rep, "{name}=ok"),
        Err(e) => writeln!(rep, "{name}=error {e}"),
    };
}

fn time_area() -> i32 {
    let t0 = time::rtc_ticks();
    let i0 = time::Instant::now();
    // The key script holds a wait before this key.
    let _ = get_key();
    let t1 = time::rtc_ticks();
    time::sleep_ms(500);
    let t2 = time::rtc_ticks();
    let elapsed = i0.elapsed().as_millis();
    let now = time::time_of_day();
    let (h, m) = (now.hour, now.minute);
    let mut rep = Report::new();
    let _ = write!(
        rep,
        "t0={t0}\nt1={t1}\nt2={t2}\nelapsed_ms={elapsed}\nhour={h}\nminute={m}\n"
    );
    save("time.txt", &rep)
}

fn heap_area(screen: &mut Screen) -> i32 {
    let s0 = prizm_heap_stats();
    let v: Vec<u8> = Vec::with_capacity(1000);
    let b = Box::new([7u32; 64]);
    let s1 = prizm_heap_stats();
    drop(v);
    let s2 = prizm_heap_stats();
    drop(b);
    let s3 = prizm_heap_stats();
    let mut big: Vec<u8> = Vec::new();
    let failed = big.try_reserve_exact(1 << 20).is_err();
    let s4 = prizm_heap_stats();
    let mut rep = Report::new();
    for (i, s) in [s0, s1, s2, s3, s4].iter().enumerate() {
        let _ = writeln!(
            rep,
            "s{i}={} {} {} {} {} {} {}",
            s.size,
            s.used,
            s.free,
            s.largest_free,
            s.high_water,
            s.allocations,
            s.failed_request.unwrap_or(0)
        );
    }
    let _ = writeln!(rep, "failed={failed}");
    // Shown on the screen too.
    let _ = screen.clear(Rgb565::WHITE);
    let style = MonoTextStyle::new(&FONT_6X10, Rgb565::BLACK);
    let _ = Text::with_baseline(&rep, Point::new(2, 2), style, Baseline::Top).draw(&mut **screen);
    screen.update();
    save("heap.txt", &rep)
}

fn prizm_heap_stats() -> prizm::heap::HeapStats {
    PRIZM_HEAP.stats()
}

/// Runs of the timer handler, allocations it made, and allocations that failed or held
/// wrong values.
static RUNS: AtomicU32 = AtomicU32::new(0);
static HANDLER_ALLOCS: AtomicU32 = AtomicU32::new(0);
static HANDLER_BAD: AtomicU32 = AtomicU32::new(0);

/// The timer handler: allocates a box and a vector, filled with products (so it
/// changes MACL, as ordinary Rust code does), checks them and frees them.
fn on_timer() {
    let n = RUNS.fetch_add(1, Ordering::Relaxed) + 1;
    let k = core::hint::black_box(n);
    let b = Box::new([k.wrapping_mul(0x9E37_79B9); 4]);
    let v: Vec<u32> = (1..=(k % 8 + 1)).map(|i| i.wrapping_mul(k)).collect();
    let ok = b.iter().all(|&x| x == k.wrapping_mul(0x9E37_79B9))
        && v.iter()
            .enumerate()
            .all(|(i, &x)| x == (i as u32 + 1).wrapping_mul(k));
    HANDLER_ALLOCS.fetch_add(2, Ordering::Relaxed);
    if !ok {
        HANDLER_BAD.fetch_add(1, Ordering::Relaxed);
    }
}

/// Mode 9: an SDK timer every millisecond whose handler allocates, while the main
/// program allocates and frees without pause until the handler ran 30 times; then the
/// timer is dropped and the heap must be as before.
fn timer_area() -> i32 {
    let before = PRIZM_HEAP.stats();
    let mut t =
        time::Timer::install(time::Duration::from_millis(1), on_timer).expect("a timer slot");
    t.start();
    let mut main_allocs = 0u32;
    let mut main_bad = 0u32;
    while RUNS.load(Ordering::Relaxed) < 30 {
        let len = 8 + (main_allocs % 57) as usize;
        let v: Vec<u8> = (0..len).map(|i| i as u8).collect();
        let v = core::hint::black_box(v);
        if v.len() != len || v.iter().enumerate().any(|(i, &x)| x != i as u8) {
            main_bad += 1;
        }
        drop(v);
        main_allocs += 1;
    }
    drop(t);
    let after = PRIZM_HEAP.stats();
    let mut rep = Report::new();
    let _ = write!(
        rep,
        "runs={}\nhandler_allocs={}\nhandler_bad={}\nmain_allocs={main_allocs}\n\
         main_bad={main_bad}\nlive_before={}\nlive_after={}\nfailed={}\n",
        RUNS.load(Ordering::Relaxed),
        HANDLER_ALLOCS.load(Ordering::Relaxed),
        HANDLER_BAD.load(Ordering::Relaxed),
        before.allocations,
        after.allocations,
        after.failed_request.unwrap_or(0),
    );
    save("timer.txt", &rep)
}

/// A handler given to the OS directly, without the SDK's shim: its multiplication
/// changes MACL, which the OS's calling convention says a callee keeps.
extern "C" fn unshimmed_handler() {
    let n = RUNS.fetch_add(1, Ordering::Relaxed) + 1;
    let k = core::hint::black_box(n);
    RUNS_PRODUCT.store(
        k.wrapping_mul(core::hint::black_box(0x9E37_79B9)),
        Ordering::Relaxed,
    );
}
static RUNS_PRODUCT: AtomicU32 = AtomicU32::new(0);

/// Mode 0: installs [`unshimmed_handler`] with the raw OS call and waits for it; the
/// emulator stops the run when it returns with MACL changed.
fn broken_timer_handler() -> i32 {
    // SAFETY: deliberately breaks the OS's convention (the test expects the emulator to
    // stop here); the handler touches only atomics.
    let id = unsafe { prizm::sys::time::Timer_Install(0, Some(unshimmed_handler), 1) };
    // SAFETY: an id the OS gave.
    unsafe { prizm::sys::time::Timer_Start(id) };
    while RUNS.load(Ordering::Relaxed) < 3 {}
    RUNS.load(Ordering::Relaxed) as i32
}

/// The quit handler: multiplies (changing MACL) and notes that it ran.
fn on_quit() {
    let k = core::hint::black_box(RUNS.load(Ordering::Relaxed) + 7);
    RUNS_PRODUCT.store(
        k.wrapping_mul(core::hint::black_box(0x9E37_79B9)),
        Ordering::Relaxed,
    );
}

/// Mode '.': sets a quit handler through the SDK, then waits for keys (MENU leaves).
fn quit_handler() -> i32 {
    prizm::callback::set_quit_handler(Some(on_quit));
    loop {
        let _ = get_key();
    }
}

/// A quit handler given to the OS directly, without the SDK's shim (it changes MACL).
extern "C" fn unshimmed_quit() {
    on_quit();
}

/// Mode ',': sets [`unshimmed_quit`] with the raw OS call, then waits for keys: MENU
/// calls it, and the emulator stops the run when it returns with MACL changed.
fn broken_quit_handler() -> i32 {
    // SAFETY: deliberately breaks the OS's convention (the test expects the emulator to
    // stop when it returns); the handler touches only atomics.
    unsafe { prizm::sys::system::SetQuitHandler(Some(unshimmed_quit)) };
    loop {
        let _ = get_key();
    }
}
