//! CGlock's "app after unlocking" setting (issue 11 item 5), in prizm-emu: with
//! Run-Matrix chosen, the right code unlocks and the add-in asks the OS to open
//! Run-Matrix (`APP_RUNMAT`); the emulator has no OS apps, so the run ends there with
//! `Outcome::OpenApp` and an `Event::OpenApp`. A wrong code opens nothing, and an app no
//! OS call opens (Statistics) leaves the add-in running on its home screen.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use prizm_emu::os::Event;
use prizm_test::{Addin, Built, Options, Outcome};

/// Record layout (examples/cglock/src/record.rs): flags byte, bit 0 "locked"; the
/// app to open after unlocking (1 Run-Matrix, 2 Statistics, ...).
const OFF_FLAGS: usize = 5;
const OFF_APP: usize = 6;

fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn built() -> &'static Built {
    static BUILT: OnceLock<Built> = OnceLock::new();
    BUILT.get_or_init(|| prizm_test::build(repo_root().join("examples/cglock/Cargo.toml")))
}

/// A new, empty storage folder `target/emu-cglock-app/<name>`.
fn fresh_dir(name: &str) -> PathBuf {
    let dir = repo_root().join("target").join("emu-cglock-app").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

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

fn type_keys(emu: &mut Addin, script: &str) {
    assert_eq!(emu.keys(script), Outcome::Idle, "after `{script}`");
}

/// The storage-memory copy of the record.
fn record(dir: &Path) -> Vec<u8> {
    std::fs::read(dir.join("CGLOCK.dat")).expect("storage copy")
}

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
/// unlocking", EXE `presses` times cycles it (none -> Run-Matrix -> Statistics ...),
/// EXIT saves; F1 locks.
fn set_up_choose_and_lock(dir: &Path, presses: usize) -> Addin {
    let mut emu = boot(dir);
    type_keys(&mut emu, "1,2,3,4,EXE,1,2,3,4,EXE,F3,UP");
    for _ in 0..presses {
        type_keys(&mut emu, "EXE");
    }
    type_keys(&mut emu, "EXIT,F1");
    let r = record(dir);
    assert_eq!(r[OFF_FLAGS] & 1, 1, "locked");
    assert_eq!(usize::from(r[OFF_APP]), presses, "the app chosen");
    emu
}

#[test]
fn right_code_opens_run_matrix() {
    let dir = fresh_dir("run-matrix");
    let mut emu = set_up_choose_and_lock(&dir, 1);
    // A wrong code opens nothing.
    type_keys(&mut emu, "ALPHA,9,9,9,9,EXE");
    assert_eq!(opened_apps(&emu), []);
    type_keys(&mut emu, "EXIT");
    // The right one unlocks, saves, and asks the OS for Run-Matrix: the run ends.
    assert_eq!(
        emu.keys("ALPHA,1,2,3,4,EXE"),
        Outcome::OpenApp("Run-Matrix")
    );
    assert_eq!(opened_apps(&emu), [("APP_RUNMAT", "Run-Matrix")]);
    assert_eq!(record(&dir)[OFF_FLAGS] & 1, 0, "unlocked and saved first");
}

#[test]
fn no_app_chosen_opens_nothing() {
    let dir = fresh_dir("none");
    let mut emu = set_up_choose_and_lock(&dir, 0);
    type_keys(&mut emu, "ALPHA,1,2,3,4,EXE");
    assert_eq!(opened_apps(&emu), []);
    assert_eq!(record(&dir)[OFF_FLAGS] & 1, 0, "unlocked");
    assert_eq!(note_pixels(&emu), 0, "no note");
}

#[test]
fn app_without_os_call_stays_in_the_add_in() {
    let dir = fresh_dir("statistics");
    let mut emu = set_up_choose_and_lock(&dir, 2);
    // No OS call opens Statistics: the add-in stays, unlocked, and says where it is.
    type_keys(&mut emu, "ALPHA,1,2,3,4,EXE");
    assert_eq!(opened_apps(&emu), []);
    assert_eq!(record(&dir)[OFF_FLAGS] & 1, 0, "unlocked");
    let note = note_pixels(&emu);
    assert!(note > 50, "'Open Statistics from the MENU': {note} pixels");
}
