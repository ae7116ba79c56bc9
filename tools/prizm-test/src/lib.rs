//! Test Casio Prizm add-ins in the emulator, from `cargo test` on the PC.
//!
//! ```no_run
//! use prizm_test::Addin;
//!
//! let mut calc = Addin::start(); // the add-in of the package under test
//! calc.keys("UP, UP, wait:500ms, EXE");
//! assert_eq!(calc.text_row(3), "Count: 0");
//! calc.assert_screen("tests/golden/reset.png"); // PRIZM_BLESS=1 writes it
//! calc.keys("EXIT");
//! assert!(calc.returned());
//! ```
//!
//! - [`Addin::start`] runs the add-in that `cargo prizm test` built for the calculator
//!   (it passes the build in `PRIZM_TEST_G3A` and `PRIZM_TEST_ELF`); under a plain
//!   `cargo test` it builds the package itself first ([`build`]).
//! - [`Addin::keys`] plays a key script (key names as `prizm-emu --keys` takes them, and
//!   `wait:500ms`, `wait:2s`, or `wait:500` in milliseconds) and runs until the add-in
//!   waits for more keys or ends.
//! - The screen: [`Addin::pixel`], [`Addin::screen`], [`Addin::text_rows`] (the `PrintXY`
//!   text grid read back from the pixels), [`Addin::assert_screen`] (a golden PNG).
//! - Memory: [`Addin::storage_file`] (storage memory, `\\fls0\...`) and
//!   [`Addin::main_memory_item`] (main memory, MCS), in a fresh folder per add-in run.
//! - [`Addin::emulator`] and [`Addin::emulator_mut`] give the whole [`Emulator`] for
//!   anything else.

#![warn(missing_docs)]

mod build;
mod golden;

use std::path::{Path, PathBuf};

pub use build::{build, built_for_test};
pub use cargo_prizm::build::Built;
pub use prizm_emu::{Emulator, Options, Outcome};

/// Screen width in pixels.
pub const WIDTH: usize = 384;
/// Screen height in pixels.
pub const HEIGHT: usize = 216;

/// An add-in running in the emulator.
pub struct Addin {
    emu: Emulator,
    storage: PathBuf,
    outcome: Outcome,
}

/// A new, empty folder for an emulator's storage memory and main memory.
fn fresh_storage() -> PathBuf {
    use std::sync::atomic::{AtomicU32, Ordering};
    static NEXT: AtomicU32 = AtomicU32::new(0);
    let dir = std::env::temp_dir().join(format!(
        "prizm-test-{}-{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create a storage folder");
    dir
}

impl Addin {
    /// Starts the add-in of the package under test (see [`built_for_test`]) with an
    /// empty storage memory, and runs it until it waits for keys or ends.
    pub fn start() -> Addin {
        Addin::start_with(built_for_test(), Options::default())
    }

    /// Starts the add-in of `built` with `options` (its ELF is attached for crash reports
    /// and panic messages; without a storage folder, a fresh one is used), and runs it
    /// until it waits for keys or ends.
    pub fn start_with(built: &Built, mut options: Options) -> Addin {
        let g3a = std::fs::read(&built.g3a)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", built.g3a.display()));
        options.elf = Some(
            std::fs::read(&built.elf)
                .unwrap_or_else(|e| panic!("cannot read {}: {e}", built.elf.display())),
        );
        let storage = options.storage.clone().unwrap_or_else(fresh_storage);
        options.storage = Some(storage.clone());
        let mut emu = Emulator::load(&g3a, options)
            .unwrap_or_else(|e| panic!("the emulator refused {}: {e}", built.g3a.display()));
        let outcome = emu.run_until_idle();
        Addin {
            emu,
            storage,
            outcome,
        }
    }

    /// Plays `script` (the syntax of `prizm-emu run --keys`: comma-separated key names,
    /// e.g. `EXE`, `UP`, `F1`, `SHIFT`, `1`, and waits `wait:500ms`, `wait:2s`, or
    /// `wait:500` in milliseconds), then runs until the add-in waits for more
    /// keys or ends; returns how the run stands.
    pub fn keys(&mut self, script: &str) -> Outcome {
        // `--keys`' syntax, and a bare `wait:N` in milliseconds.
        let script: Vec<String> = script
            .split(',')
            .map(|item| {
                let item = item.trim();
                match item.strip_prefix("wait:") {
                    Some(n) if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => {
                        format!("{item}ms")
                    }
                    _ => item.to_string(),
                }
            })
            .collect();
        let script = script.join(",");
        self.emu
            .play(&script)
            .unwrap_or_else(|e| panic!("key script `{script}`: {e}"));
        self.outcome = self.emu.run_until_idle();
        self.outcome.clone()
    }

    /// Lets `ms` milliseconds of emulated time pass (the add-in runs meanwhile).
    pub fn wait_ms(&mut self, ms: u64) -> Outcome {
        self.keys(&format!("wait:{ms}"))
    }

    /// How the last run stopped: [`Outcome::Idle`] while the add-in waits for keys.
    pub fn outcome(&self) -> &Outcome {
        &self.outcome
    }

    /// Whether the add-in returned to the OS's menu.
    pub fn returned(&self) -> bool {
        matches!(self.outcome, Outcome::Returned(_))
    }

    /// The message and place of the panic the add-in shows (`file:line:col: message`).
    pub fn panic_message(&mut self) -> Option<String> {
        self.emu.panic_message()
    }

    /// The displayed screen, 384x216 RGB565 pixels, row by row.
    pub fn screen(&self) -> &[u16] {
        self.emu.screen_rgb565()
    }

    /// The RGB565 colour of the displayed pixel (x, y).
    pub fn pixel(&self, x: usize, y: usize) -> u16 {
        assert!(x < WIDTH && y < HEIGHT, "({x}, {y}) is off the screen");
        self.screen()[y * WIDTH + x]
    }

    /// The 8 `PrintXY` text rows on the screen (index 0 is row 1), without trailing
    /// spaces; cells that hold no `PrintXY` character read as `?`.
    pub fn text_rows(&self) -> Vec<String> {
        self.emu.text_rows()
    }

    /// `PrintXY` text row `row` (1..=8, as `PrintXY` counts).
    pub fn text_row(&self, row: usize) -> String {
        assert!((1..=8).contains(&row), "text rows are 1..=8, not {row}");
        self.text_rows().swap_remove(row - 1)
    }

    /// The displayed screen as a PNG file's bytes.
    pub fn screenshot_png(&self) -> Vec<u8> {
        self.emu.screenshot_png()
    }

    /// Writes the displayed screen as a PNG file (creating its folder).
    pub fn save_screenshot(&self, path: impl AsRef<Path>) {
        let path = path.as_ref();
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).expect("create the screenshot's folder");
        }
        std::fs::write(path, self.screenshot_png())
            .unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
    }

    /// Checks the screen against the golden screenshot `path` (a PNG, relative to the
    /// package); with `PRIZM_BLESS=1` writes it instead. On a difference, writes the
    /// screen next to it as `NAME.actual.png` and panics with the first differing pixel.
    pub fn assert_screen(&self, path: impl AsRef<Path>) {
        golden::assert_screen(&self.screenshot_png(), path.as_ref());
    }

    /// A file of the storage memory, by its name on the calculator (`\\fls0\a.txt` or
    /// `a.txt`), if it exists.
    pub fn storage_file(&self, path: &str) -> Option<Vec<u8>> {
        self.emu.storage_read(path)
    }

    /// An item of the main memory (MCS): `folder` and `item` as the add-in names them.
    pub fn main_memory_item(&self, folder: &str, item: &str) -> Option<Vec<u8>> {
        std::fs::read(self.storage.join(".mcs").join(folder).join(item)).ok()
    }

    /// The host folder that holds the storage memory (and the main memory under `.mcs`).
    pub fn storage_dir(&self) -> &Path {
        &self.storage
    }

    /// The emulator, for anything this type does not offer (CPU, memory, OS state).
    pub fn emulator(&self) -> &Emulator {
        &self.emu
    }

    /// The emulator, to change it (e.g. write a file of its storage memory).
    pub fn emulator_mut(&mut self) -> &mut Emulator {
        &mut self.emu
    }

    /// Takes the emulator out (e.g. to keep running it past this type's helpers).
    pub fn into_emulator(self) -> Emulator {
        self.emu
    }
}
