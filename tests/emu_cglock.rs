//! `examples/cglock`, built for the calculator, runs in prizm-emu on a storage folder:
//! first-run setup, locking, wrong codes and the lock-out delay, unlocking, a restart
//! that stays locked with MENU blocked, a tampered copy, corrupt copies, SHIFT+AC, and
//! the app opened after unlocking (`APP_RUNMAT`; the emulator ends the run there with
//! `Outcome::OpenApp`).
//!
//! The checks read the stored record (the Bfile `CGLOCK.dat` and the main-memory item
//! `.mcs/@CGLOCK/Record` in the storage folder; layout in `examples/cglock/src/record.rs`)
//! and distinctive parts of the screen: the title bar's colour (dark red while locked,
//! dark green when not) and the rows of red `PrintXY` text of the warning screens.
//! Screenshots go to `target/test-screenshots/cglock-*.png`.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use prizm_emu::os::Event;
use prizm_test::{Addin, Built, Options, Outcome};

/// Title bar colours (RGB565) of `examples/cglock/src/addin/draw.rs`.
const LOCKED_BAR: u16 = (20 << 11) | (4 << 5) | 2;
const UNLOCKED_BAR: u16 = (28 << 5) | 8;
/// F-key tab colour.
const FKEY_BG: u16 = (6 << 11) | (14 << 5) | 12;
/// PrintXY red and blue.
const RED: u16 = 0xF800;
const BLUE: u16 = 0x001F;

/// Record fields (examples/cglock/src/record.rs).
const RECORD_LEN: usize = 72;
const OFF_FLAGS: usize = 5;
const OFF_APP: usize = 6;
const OFF_HASH: usize = 28;
const OFF_FAILURES: usize = 60;
const OFF_REMAINING: usize = 62;
const OFF_CRC: usize = 68;
const TICKS_PER_SECOND: u32 = 128;

/// The repository root.
fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn built() -> &'static Built {
    static BUILT: OnceLock<Built> = OnceLock::new();
    BUILT.get_or_init(|| prizm_test::build(repo_root().join("examples/cglock/Cargo.toml")))
}

/// A new, empty storage folder `target/emu-cglock/<name>`.
fn fresh_dir(name: &str) -> PathBuf {
    let dir = repo_root().join("target").join("emu-cglock").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Starts CGlock on storage folder `dir` and runs it until it waits for keys. The
/// emulated fx-CG50's boot flash holds the hardware ID `EMU-CG50` at 0x8001FFD0, where
/// the add-in reads it.
fn boot(dir: &Path) -> Addin {
    let emu = Addin::start_with(
        built(),
        Options {
            storage: Some(dir.to_path_buf()),
            ..Options::default()
        },
    );
    assert_eq!(*emu.outcome(), Outcome::Idle, "start-up");
    emu
}

/// Plays a key script (key names and `wait:N` in ms) and runs until the add-in waits.
fn keys(emu: &mut Addin, script: &str) -> Outcome {
    emu.keys(script)
}

/// Like [`keys`], expecting the add-in to wait for more keys afterwards.
fn type_keys(emu: &mut Addin, script: &str) {
    let o = keys(emu, script);
    assert_eq!(o, Outcome::Idle, "after `{script}`");
}

/// Keeps a screenshot as a test artefact: `target/test-screenshots/cglock-<name>.png`.
fn shot(emu: &Addin, name: &str) {
    emu.save_screenshot(
        repo_root()
            .join("target/test-screenshots")
            .join(format!("cglock-{name}.png")),
    );
}

/// Pixels of colour `c` in rows `y0..y1`.
fn count(emu: &Addin, y0: usize, y1: usize, c: u16) -> usize {
    emu.screen()[y0 * 384..y1 * 384]
        .iter()
        .filter(|&&p| p == c)
        .count()
}

/// Pixels of colour `c` on PrintXY text row `row` (1..=8).
fn on_row(emu: &Addin, row: usize, c: u16) -> usize {
    count(emu, row * 24, row * 24 + 24, c)
}

/// The title bar says locked (dark red) or not (dark green).
fn bar_locked(emu: &Addin) -> bool {
    let p = emu.screen()[384 + 250];
    assert!(
        p == LOCKED_BAR || p == UNLOCKED_BAR,
        "title bar colour {p:#06x}"
    );
    p == LOCKED_BAR
}

/// Whether MENU in the OS's key calls is disabled (the add-in's DisableMenu).
fn menu_blocked(emu: &Addin) -> bool {
    emu.emulator().os.keyboard.menu_locked
}

fn storage_copy(dir: &Path) -> Option<Vec<u8>> {
    std::fs::read(dir.join("CGLOCK.dat")).ok()
}

fn main_copy(dir: &Path) -> Option<Vec<u8>> {
    std::fs::read(dir.join(".mcs").join("@CGLOCK").join("Record")).ok()
}

/// Both copies, which must exist, be 72 bytes and be identical.
fn record(dir: &Path) -> Vec<u8> {
    let s = storage_copy(dir).expect("storage copy");
    let m = main_copy(dir).expect("main-memory copy");
    assert_eq!(s.len(), RECORD_LEN);
    assert_eq!(s, m, "the two copies differ");
    assert_eq!(&s[..4], b"CGLK");
    assert_eq!(crc32(&s[..OFF_CRC]).to_le_bytes(), s[OFF_CRC..], "CRC");
    s
}

fn locked(r: &[u8]) -> bool {
    r[OFF_FLAGS] & 1 != 0
}

fn failures(r: &[u8]) -> u16 {
    u16::from_le_bytes([r[OFF_FAILURES], r[OFF_FAILURES + 1]])
}

fn remaining_ticks(r: &[u8]) -> u32 {
    u32::from_le_bytes(r[OFF_REMAINING..OFF_REMAINING + 4].try_into().unwrap())
}

/// CRC-32 (IEEE), as the record uses.
fn crc32(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in data {
        crc ^= b as u32;
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// First run on an empty folder: code `1234` typed twice, then F1 locks.
fn set_up_and_lock(dir: &Path, screenshots: bool) -> Addin {
    let mut emu = boot(dir);
    // The setup screen, nothing stored yet.
    assert!(!bar_locked(&emu));
    assert!(!menu_blocked(&emu));
    assert!(on_row(&emu, 1, BLUE) > 100, "title 'Set up CGlock'");
    assert_eq!(emu.text_row(1).trim(), "Set up CGlock");
    assert_eq!(storage_copy(dir), None);
    assert_eq!(main_copy(dir), None);
    if screenshots {
        shot(&emu, "setup");
    }
    // An empty code is refused (red message on row 6).
    type_keys(&mut emu, "EXE");
    assert!(on_row(&emu, 6, RED) > 100, "'Code can't be empty'");
    assert_eq!(emu.text_row(6).trim(), "Code can't be empty");
    type_keys(&mut emu, "1,2,3,4,EXE,1,2,3");
    if screenshots {
        shot(&emu, "setup-confirm");
    }
    // Four asterisks on row 4 once the fourth digit is typed.
    let ink3 = on_row(&emu, 4, 0x0000);
    type_keys(&mut emu, "4");
    assert!(on_row(&emu, 4, 0x0000) > ink3, "a fourth '*'");
    type_keys(&mut emu, "EXE");
    // Home: "Code set", F-key tabs, unlocked; both copies written.
    assert!(!bar_locked(&emu));
    assert!(count(&emu, 192, 216, FKEY_BG) > 1000, "F-key tabs");
    let r = record(dir);
    assert!(!locked(&r));
    assert_eq!(failures(&r), 0);
    if screenshots {
        shot(&emu, "home");
        type_keys(&mut emu, "F3");
        shot(&emu, "settings");
        type_keys(&mut emu, "EXIT");
    }
    // F1 locks: stored as locked, MENU disabled, red title bar.
    type_keys(&mut emu, "F1");
    assert!(bar_locked(&emu));
    assert!(menu_blocked(&emu));
    assert!(on_row(&emu, 7, RED) > 100, "'Calculator locked'");
    assert!(locked(&record(dir)));
    if screenshots {
        shot(&emu, "locked");
    }
    emu
}

/// Bytes of the add-in RAM's stack area the run has used: the start-up code paints the
/// free stack (from the end of static data up) with 0x5AC35AC3; the deepest point the
/// stack reached is where the painted run ends.
fn stack_high_water(emu: &Addin) -> usize {
    const PAINT: u32 = 0x5AC3_5AC3;
    let size = 512 * 1024;
    let ram = emu
        .emulator()
        .cpu
        .mem
        .slice(0x0810_0000, size)
        .expect("add-in RAM");
    let words: Vec<u32> = ram
        .chunks(4)
        .map(|c| u32::from_be_bytes(c.try_into().unwrap()))
        .collect();
    let first = words
        .iter()
        .position(|&w| w == PAINT)
        .expect("painted stack");
    let end = first + words[first..].iter().position(|&w| w != PAINT).unwrap();
    size - 4 * end
}

/// (a) first run sets a code and locks; the lock survives MENU.
#[test]
fn first_run_sets_code_and_locks() {
    let dir = fresh_dir("first-run");
    let mut emu = set_up_and_lock(&dir, true);
    assert_eq!(
        keys(&mut emu, "MENU"),
        Outcome::Idle,
        "MENU must not leave while locked"
    );
    assert!(bar_locked(&emu));
}

/// (b) the fourth wrong code starts a 30 s delay, which passes with emulated time;
/// (c) then the right code unlocks.
#[test]
fn wrong_codes_delay_then_right_code_unlocks() {
    let dir = fresh_dir("wrong-codes");
    let mut emu = set_up_and_lock(&dir, false);

    // ALPHA opens the prompt; typed digits show as '*'.
    type_keys(&mut emu, "ALPHA,9,9");
    assert!(bar_locked(&emu));
    shot(&emu, "prompt");
    type_keys(&mut emu, "9,9,EXE");
    assert_eq!(failures(&record(&dir)), 1);
    assert!(on_row(&emu, 3, RED) > 100, "'Wrong code'");
    assert_eq!(emu.text_row(3).trim(), "Wrong code");
    assert_eq!(on_row(&emu, 5, RED), 0, "no delay yet");
    for n in 2..=3 {
        type_keys(&mut emu, "EXIT,ALPHA,5,5,5,5,EXE");
        let r = record(&dir);
        assert_eq!(
            (failures(&r), remaining_ticks(&r)),
            (n, 0),
            "wrong code {n}: no delay"
        );
    }
    // The fourth: 30 s to wait, saved at once.
    type_keys(&mut emu, "EXIT,ALPHA,5,5,5,5,EXE");
    let r = record(&dir);
    assert_eq!(failures(&r), 4);
    assert_eq!(remaining_ticks(&r), 30 * TICKS_PER_SECOND);
    assert!(locked(&r));
    assert!(on_row(&emu, 5, RED) > 100, "'Wait 30 s'");
    shot(&emu, "wrong-code");
    // EXIT shows the countdown; ALPHA cannot open the prompt meanwhile.
    type_keys(&mut emu, "EXIT");
    assert!(on_row(&emu, 3, RED) > 100, "'Too many wrong codes'");
    shot(&emu, "lockout");
    type_keys(&mut emu, "wait:5000");
    let t0 = emu.emulator().emulated_seconds();
    type_keys(&mut emu, "EXIT,ALPHA,1,2,3,4,EXE");
    assert!(bar_locked(&emu), "no code is tried during the delay");
    assert_eq!(failures(&record(&dir)), 4);
    // 30 s of emulated time later the delay is over (and saved as over).
    type_keys(&mut emu, "EXIT,wait:30000");
    assert!(emu.emulator().emulated_seconds() - t0 >= 30.0);
    let r = record(&dir);
    assert_eq!((failures(&r), remaining_ticks(&r)), (4, 0));
    // (c) the right code unlocks: failures reset, stored unlocked, MENU enabled.
    type_keys(&mut emu, "ALPHA,1,2,3,4,EXE");
    assert!(!bar_locked(&emu));
    assert!(!menu_blocked(&emu));
    let r = record(&dir);
    assert!(!locked(&r));
    assert_eq!(failures(&r), 0);
    shot(&emu, "unlocked");

    let stack = stack_high_water(&emu);
    let g3a = std::fs::metadata(&built().g3a).unwrap().len();
    eprintln!("cglock: .g3a {g3a} bytes, stack high-water mark {stack} bytes");
    assert!(stack < 64 * 1024, "stack use {stack}");
}

/// (d) after a restart on the same storage the calculator is still locked and MENU
/// does nothing; once unlocked, MENU goes to the Main Menu again.
#[test]
fn restart_stays_locked_and_blocks_menu() {
    let dir = fresh_dir("restart");
    drop(set_up_and_lock(&dir, false));
    let mut emu = boot(&dir);
    assert!(bar_locked(&emu));
    assert!(menu_blocked(&emu));
    assert!(on_row(&emu, 7, RED) > 100, "lock screen");
    assert_eq!(
        keys(&mut emu, "MENU"),
        Outcome::Idle,
        "MENU must not leave while locked"
    );
    assert_eq!(keys(&mut emu, "EXIT,MENU"), Outcome::Idle);
    assert!(bar_locked(&emu));
    type_keys(&mut emu, "ALPHA,1,2,3,4,EXE");
    assert!(!bar_locked(&emu));
    assert_eq!(
        keys(&mut emu, "MENU"),
        Outcome::Menu,
        "unlocked, MENU leaves"
    );
}

/// (e) one copy rewritten with another code's hash (and a matching CRC, as a careful
/// attacker would): "Data tampering detected!", locked for good.
#[test]
fn tampered_copy_is_detected() {
    let dir = fresh_dir("tamper");
    drop(set_up_and_lock(&dir, false));
    let mut r = record(&dir);
    r[OFF_HASH] ^= 0xFF;
    r[OFF_HASH + 17] ^= 0x5A;
    let crc = crc32(&r[..OFF_CRC]);
    r[OFF_CRC..].copy_from_slice(&crc.to_le_bytes());
    let mut emu = boot(&dir);
    emu.emulator_mut()
        .storage_write("\\\\fls0\\CGLOCK.dat", &r)
        .unwrap();
    drop(emu);

    let mut emu = boot(&dir);
    assert!(bar_locked(&emu));
    assert!(menu_blocked(&emu));
    assert!(
        on_row(&emu, 3, RED) > 100 && on_row(&emu, 4, RED) > 100,
        "'Data tampering detected!'"
    );
    shot(&emu, "tampered");
    let before = (storage_copy(&dir), main_copy(&dir));
    // Nothing gets out of it, not even the right code.
    type_keys(&mut emu, "ALPHA,1,2,3,4,EXE,EXIT,EXE,MENU");
    assert!(bar_locked(&emu));
    assert!(on_row(&emu, 3, RED) > 100);
    assert_eq!(
        (storage_copy(&dir), main_copy(&dir)),
        before,
        "nothing written"
    );
}

/// (f) corrupt copies: the recovery screen, locked; with one intact copy the right
/// code repairs both, with none nothing unlocks.
#[test]
fn corrupt_record_shows_recovery_and_never_unlocks() {
    let dir = fresh_dir("corrupt");
    drop(set_up_and_lock(&dir, false));
    // A changed hash byte without a new CRC: a bad checksum.
    let mut r = record(&dir);
    r[OFF_HASH + 3] ^= 0x01;
    std::fs::write(dir.join("CGLOCK.dat"), &r).unwrap();

    let mut emu = boot(&dir);
    assert!(bar_locked(&emu));
    assert!(menu_blocked(&emu));
    assert!(on_row(&emu, 1, RED) > 100, "'Settings damaged'");
    shot(&emu, "recovery");
    assert_eq!(keys(&mut emu, "MENU,EXIT,EXE"), Outcome::Idle);
    // EXE opened the repair prompt: a wrong code is counted and keeps it locked.
    type_keys(&mut emu, "9,9,9,9,EXE");
    assert!(bar_locked(&emu));
    assert!(
        locked(&record(&dir)),
        "a wrong code rewrites both copies, locked"
    );
    type_keys(&mut emu, "EXIT,ALPHA,1,2,3,4,EXE");
    assert!(!bar_locked(&emu), "repaired with the right code");
    let r = record(&dir);
    assert!(!locked(&r));
    assert_eq!(failures(&r), 0);
    shot(&emu, "repaired");
    drop(emu);

    // Both copies damaged: no code can be checked, nothing unlocks.
    std::fs::write(dir.join("CGLOCK.dat"), b"CGLK garbage").unwrap();
    std::fs::write(
        dir.join(".mcs").join("@CGLOCK").join("Record"),
        [0u8; RECORD_LEN],
    )
    .unwrap();
    let mut emu = boot(&dir);
    assert!(bar_locked(&emu));
    assert!(menu_blocked(&emu));
    assert!(on_row(&emu, 1, RED) > 100, "'Settings damaged'");
    shot(&emu, "recovery-lost");
    let o = keys(&mut emu, "ALPHA,1,2,3,4,EXE,EXE,EXIT,F1,AC,MENU");
    assert_eq!(o, Outcome::Idle);
    assert!(bar_locked(&emu));
    assert!(menu_blocked(&emu));
    assert_eq!(
        storage_copy(&dir).unwrap(),
        b"CGLK garbage",
        "nothing written"
    );
}

/// (g) SHIFT then AC switches off (a PowerOff event) and the calculator is still locked
/// when switched on; the half-typed code is gone.
#[test]
fn shift_ac_powers_off_and_stays_locked() {
    let dir = fresh_dir("power-off");
    let mut emu = set_up_and_lock(&dir, false);
    type_keys(&mut emu, "ALPHA,1,2");
    assert!(
        !emu.emulator()
            .events()
            .iter()
            .any(|e| matches!(e, Event::PowerOff { .. }))
    );
    type_keys(&mut emu, "SHIFT,AC");
    let offs = emu
        .emulator()
        .events()
        .iter()
        .filter(|e| matches!(e, Event::PowerOff { .. }))
        .count();
    assert_eq!(offs, 1, "one PowerOff: {:?}", emu.emulator().events());
    assert!(bar_locked(&emu));
    assert!(menu_blocked(&emu));
    assert!(on_row(&emu, 7, RED) > 100, "back on the lock screen");
    assert!(locked(&record(&dir)));
    // "12" was discarded: "34" alone is a wrong code.
    type_keys(&mut emu, "ALPHA,3,4,EXE");
    assert!(bar_locked(&emu));
    assert_eq!(failures(&record(&dir)), 1);
    assert_eq!(keys(&mut emu, "EXIT,MENU"), Outcome::Idle);
}

/// The emulator's translation to host code changes nothing: the same session (set-up,
/// lock, wrong codes, the delay, unlock) run with translation and interpreted alone
/// gives the same screen, registers and instruction count after every key, and the
/// same stored record.
#[test]
fn translated_and_interpreted_runs_agree() {
    let session = "1,2,3,4,EXE,1,2,3,4,EXE,F1,ALPHA,9,9,9,9,EXE,EXIT,ALPHA,5,5,5,5,EXE,\
                   EXIT,ALPHA,5,5,5,5,EXE,EXIT,ALPHA,5,5,5,5,EXE,EXIT,wait:31000,\
                   ALPHA,1,2,3,4,EXE";
    let mut runs: Vec<(Addin, PathBuf)> = [false, true]
        .into_iter()
        .map(|interpret| {
            let dir = fresh_dir(if interpret {
                "agree-interp"
            } else {
                "agree-jit"
            });
            let emu = Addin::start_with(
                built(),
                Options {
                    storage: Some(dir.clone()),
                    interpret,
                    ..Options::default()
                },
            );
            assert_eq!(emu.emulator().cpu.translates(), !interpret);
            assert_eq!(*emu.outcome(), Outcome::Idle);
            (emu, dir)
        })
        .collect();
    for item in session.split(',').map(str::trim) {
        for (emu, _) in &mut runs {
            assert_eq!(keys(emu, item), Outcome::Idle, "after {item}");
        }
        let (a, b) = (&runs[0].0, &runs[1].0);
        assert_eq!(
            a.emulator().cpu.icount,
            b.emulator().cpu.icount,
            "instructions after {item}"
        );
        assert_eq!(
            a.emulator().cpu.save_regs(),
            b.emulator().cpu.save_regs(),
            "registers after {item}"
        );
        assert!(a.screen() == b.screen(), "screen after {item}");
    }
    assert!(!bar_locked(&runs[0].0), "the session ends unlocked");
    assert_eq!(record(&runs[0].1), record(&runs[1].1));
}

/// The OS apps the add-in asked for, as (OS call, app).
fn opened_apps(emu: &Addin) -> Vec<(&'static str, &'static str)> {
    emu.emulator()
        .events()
        .iter()
        .filter_map(|e| match e {
            Event::OpenApp { call, app, .. } => Some((*call, *app)),
            _ => None,
        })
        .collect()
}

/// Pixels in the blue of the note "Open X from the MENU" (RGB565 0x0018,
/// examples/cglock/src/addin/draw.rs).
fn note_pixels(emu: &Addin) -> usize {
    emu.screen().iter().filter(|&&p| p == 0x0018).count()
}

/// First run with code 1234, then the settings (F3): UP selects "app after
/// unlocking", EXE `presses` times cycles it (none, Run-Matrix, Statistics, ...), EXIT
/// saves; F1 locks.
fn set_up_choose_app_and_lock(dir: &Path, presses: usize) -> Addin {
    let mut emu = boot(dir);
    type_keys(&mut emu, "1,2,3,4,EXE,1,2,3,4,EXE,F3,UP");
    for _ in 0..presses {
        type_keys(&mut emu, "EXE");
    }
    type_keys(&mut emu, "EXIT,F1");
    let r = record(dir);
    assert!(locked(&r));
    assert_eq!(usize::from(r[OFF_APP]), presses, "the app chosen");
    emu
}

/// (h) with Run-Matrix chosen, a wrong code opens nothing; the right code unlocks,
/// saves, and asks the OS for Run-Matrix (the run ends: the emulator has no OS apps).
#[test]
fn right_code_opens_the_chosen_app() {
    let dir = fresh_dir("open-app");
    let mut emu = set_up_choose_app_and_lock(&dir, 1);
    type_keys(&mut emu, "ALPHA,9,9,9,9,EXE");
    assert_eq!(opened_apps(&emu), []);
    type_keys(&mut emu, "EXIT");
    assert_eq!(
        keys(&mut emu, "ALPHA,1,2,3,4,EXE"),
        Outcome::OpenApp("Run-Matrix")
    );
    assert_eq!(opened_apps(&emu), [("APP_RUNMAT", "Run-Matrix")]);
    assert!(!locked(&record(&dir)), "unlocked and saved first");
}

/// (i) no app chosen: unlocking opens nothing and shows no note.
#[test]
fn no_app_chosen_opens_nothing() {
    let dir = fresh_dir("open-none");
    let mut emu = set_up_choose_app_and_lock(&dir, 0);
    type_keys(&mut emu, "ALPHA,1,2,3,4,EXE");
    assert_eq!(opened_apps(&emu), []);
    assert!(!locked(&record(&dir)));
    assert_eq!(note_pixels(&emu), 0, "no note");
}

/// (j) Statistics chosen: no OS call opens it, so the add-in stays, unlocked, and says
/// where to find it.
#[test]
fn app_without_os_call_stays_in_the_add_in() {
    let dir = fresh_dir("open-statistics");
    let mut emu = set_up_choose_app_and_lock(&dir, 2);
    type_keys(&mut emu, "ALPHA,1,2,3,4,EXE");
    assert_eq!(opened_apps(&emu), []);
    assert!(!locked(&record(&dir)));
    let note = note_pixels(&emu);
    assert!(note > 50, "'Open Statistics from the MENU': {note} pixels");
}
