//! On-calculator tests: building a package's test targets without harness
//! (`prizm::tests!`) for the calculator, and running each test in prizm-emu.
//!
//! A test binary holds its test names (symbol `_prizm_test_names`, one per line) and a
//! selector word (`_prizm_test_select`) in its image. For each test the selector is set
//! to the test's index in a copy of the image, which runs in a fresh emulator: returning
//! to the OS passes; a panic (its message and place from the SDK's panic record), a
//! crash, an OS call the emulator lacks or a wait for keys fails.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use cargo_metadata::{Message, TargetKind};
use object::{Object, ObjectSymbol};
use prizm_emu::{Emulator, Options, Outcome};

use crate::build::{calc_cargo_args, cargo_program};
use crate::elf::{LOAD_ADDRESS, elf_to_image};
use crate::error::{Error, Result};
use crate::workspace::Package;

/// ELF symbol of the test names (sh-elf GCC adds the `_`).
pub const NAMES_SYMBOL: &str = "_prizm_test_names";
/// ELF symbol of the selector word.
pub const SELECT_SYMBOL: &str = "_prizm_test_select";
/// Instructions a test may run before it counts as hanging.
pub const MAX_INSTRUCTIONS: u64 = 1_000_000_000;

/// A test binary built for the calculator.
#[derive(Clone, Debug)]
pub struct TestBinary {
    /// The test target's name.
    pub target: String,
    /// Its source file.
    pub source: PathBuf,
    /// The linked program.
    pub elf: PathBuf,
}

/// Builds the test targets `targets` of `package` for the calculator (`cargo test
/// --no-run`); returns their programs.
pub fn build_tests(
    package: &Package,
    sdk: &crate::sdk::Sdk,
    targets: &[String],
    release: bool,
    target_dir: Option<&Path>,
) -> Result<Vec<TestBinary>> {
    let mut args: Vec<OsString> = calc_cargo_args("test", &package.name, sdk, release);
    args.push("--no-run".into());
    // Tests build their dependencies with panic=unwind unless told otherwise, and the
    // calculator's core is abort-only: without this, two cores meet.
    args.push("-Zpanic-abort-tests".into());
    args.push("--message-format=json-render-diagnostics".into());
    for t in targets {
        args.push("--test".into());
        args.push(t.into());
    }
    let mut cargo = Command::new(cargo_program());
    cargo
        .args(&args)
        .current_dir(&package.workspace_root)
        .stdout(Stdio::piped());
    if let Some(dir) = target_dir {
        cargo.env("CARGO_TARGET_DIR", dir);
    }
    let mut child = cargo
        .spawn()
        .map_err(|e| Error::Other(format!("cannot run cargo: {e}")))?;
    let stdout = child.stdout.take().expect("piped stdout");
    let mut found = Vec::new();
    for message in Message::parse_stream(std::io::BufReader::new(stdout)) {
        let message = message.map_err(|e| Error::Other(format!("reading cargo's output: {e}")))?;
        if let Message::CompilerArtifact(a) = message
            && a.target.kind.contains(&TargetKind::Test)
            && targets.contains(&a.target.name)
            && let Some(exe) = a.executable
        {
            found.push(TestBinary {
                target: a.target.name.clone(),
                source: a.target.src_path.into_std_path_buf(),
                elf: exe.into_std_path_buf(),
            });
        }
    }
    let status = child
        .wait()
        .map_err(|e| Error::Other(format!("cargo: {e}")))?;
    if !status.success() {
        return Err(Error::Other(format!(
            "building the on-calculator tests of {} failed ({status})",
            package.name
        )));
    }
    Ok(found)
}

/// A test program ready to run: its image, where its selector is, its test names.
#[derive(Clone, Debug)]
pub struct TestProgram {
    /// The ELF file's bytes (symbols for the emulator's reports).
    pub elf: Vec<u8>,
    /// The image the OS maps at 0x00300000.
    pub image: Vec<u8>,
    /// Offset of the selector word in the image.
    pub select_offset: usize,
    /// The tests, in selector order.
    pub names: Vec<String>,
}

/// The address and size of symbol `name`.
fn symbol(file: &object::File<'_>, name: &str) -> Option<(u64, u64)> {
    file.symbols()
        .find(|s| s.name() == Ok(name))
        .map(|s| (s.address(), s.size()))
}

impl TestProgram {
    /// Reads a linked test program; an error if it was not made by `prizm::tests!`.
    pub fn load(path: &Path) -> Result<TestProgram> {
        let elf = std::fs::read(path).map_err(|e| Error::io(path, e))?;
        let image = elf_to_image(&elf, path)?;
        let file = object::File::parse(&*elf)
            .map_err(|e| Error::elf(path, format!("cannot read its symbols: {e}")))?;
        let missing = |what: &str| {
            Error::elf(
                path,
                format!(
                    "no {what}: a test target with `harness = false` holds its tests in \
                     `prizm::tests! {{ fn name() {{ ... }} }}`"
                ),
            )
        };
        let (names_at, names_len) =
            symbol(&file, NAMES_SYMBOL).ok_or_else(|| missing(NAMES_SYMBOL))?;
        let (select_at, _) = symbol(&file, SELECT_SYMBOL).ok_or_else(|| missing(SELECT_SYMBOL))?;
        let in_image = |at: u64, len: u64| {
            let start = at.checked_sub(u64::from(LOAD_ADDRESS))? as usize;
            let end = start.checked_add(len as usize)?;
            (end <= image.len()).then_some(start..end)
        };
        let names_range = in_image(names_at, names_len)
            .ok_or_else(|| Error::elf(path, format!("{NAMES_SYMBOL} is not in the image")))?;
        let select_range = in_image(select_at, 4)
            .ok_or_else(|| Error::elf(path, format!("{SELECT_SYMBOL} is not in the image")))?;
        let names = String::from_utf8_lossy(&image[names_range])
            .lines()
            .filter(|l| !l.is_empty())
            .map(String::from)
            .collect();
        Ok(TestProgram {
            image,
            select_offset: select_range.start,
            names,
            elf,
        })
    }

    /// Instructions of a run that selects no test (start-up and return): what
    /// [`TestProgram::run`] leaves out of each test's count.
    pub fn baseline(&self) -> u64 {
        let r = self.run_selected(u32::MAX, String::new());
        r.instructions
    }

    /// Runs test `index` in a fresh emulator; its instruction count includes the start-up
    /// (see [`TestProgram::baseline`]).
    pub fn run(&self, index: usize) -> TestResult {
        self.run_selected(index as u32, self.names[index].clone())
    }

    fn run_selected(&self, index: u32, name: String) -> TestResult {
        let mut image = self.image.clone();
        image[self.select_offset..self.select_offset + 4].copy_from_slice(&index.to_be_bytes());
        let storage =
            std::env::temp_dir().join(format!("prizm-calc-test-{}-{index}", std::process::id()));
        let _ = std::fs::remove_dir_all(&storage);
        let options = Options {
            elf: Some(self.elf.clone()),
            max_instructions: MAX_INSTRUCTIONS,
            storage: std::fs::create_dir_all(&storage)
                .ok()
                .map(|_| storage.clone()),
            ..Options::default()
        };
        let mut emu = match Emulator::load_code(&image, options) {
            Ok(emu) => emu,
            Err(e) => {
                return TestResult {
                    name,
                    failure: Some(format!("the emulator refused the program: {e}")),
                    instructions: 0,
                };
            }
        };
        let outcome = emu.run_until_idle();
        let panic = emu.panic_message();
        let _ = std::fs::remove_dir_all(&storage);
        TestResult {
            name,
            failure: failure(&outcome, panic),
            instructions: emu.cpu.icount,
        }
    }
}

/// Why a run failed, or `None` if the test passed.
fn failure(outcome: &Outcome, panic: Option<String>) -> Option<String> {
    if let Some(p) = panic {
        return Some(format!("panicked at {p}"));
    }
    match outcome {
        Outcome::Returned(0) => None,
        Outcome::Returned(1) => Some("no such test in the program".into()),
        Outcome::Returned(n) => Some(format!("the program returned {n}")),
        Outcome::Crashed(report) => Some(format!("crashed: {}\n{}", report.what, report.text)),
        Outcome::Timeout => Some(format!(
            "still running after {MAX_INSTRUCTIONS} instructions (an endless loop?)"
        )),
        Outcome::Unimplemented { number, name, .. } => Some(format!(
            "made an OS call the emulator lacks: {} ({number:#06x})",
            name.unwrap_or("unknown")
        )),
        Outcome::Idle => Some("waits for a key: a test cannot read the keyboard".into()),
        Outcome::Menu => Some("went to the main menu".into()),
        Outcome::OpenApp(app) => Some(format!("opened the OS's {app}")),
    }
}

/// The result of one test.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TestResult {
    /// The test's name.
    pub name: String,
    /// Why it failed (`None`: passed).
    pub failure: Option<String>,
    /// Instructions the run took (from [`run_all`]: the test's own, without the
    /// program's start-up).
    pub instructions: u64,
}

/// Runs every test of every binary (those whose name contains `filter`, if given),
/// printing one line per test and the failures; returns whether all passed.
pub fn run_all(binaries: &[TestBinary], root: &Path, filter: Option<&str>) -> Result<bool> {
    let mut results = Vec::new();
    for b in binaries {
        let program = TestProgram::load(&b.elf)?;
        let source = b.source.strip_prefix(root).unwrap_or(&b.source);
        let selected: Vec<usize> = (0..program.names.len())
            .filter(|&i| filter.is_none_or(|f| program.names[i].contains(f)))
            .collect();
        println!(
            "\n     Running {} on the calculator (prizm-emu): {} test{}{}",
            source.display(),
            selected.len(),
            if selected.len() == 1 { "" } else { "s" },
            match selected.len() {
                n if n < program.names.len() =>
                    format!(" ({} filtered out)", program.names.len() - n),
                _ => String::new(),
            }
        );
        let baseline = program.baseline();
        for i in selected {
            let mut r = program.run(i);
            r.instructions = r.instructions.saturating_sub(baseline);
            println!(
                "test {} ... {} ({} instructions)",
                r.name,
                if r.failure.is_none() { "ok" } else { "FAILED" },
                r.instructions
            );
            results.push(r);
        }
    }
    let failed: Vec<&TestResult> = results.iter().filter(|r| r.failure.is_some()).collect();
    if !failed.is_empty() {
        println!("\nfailures:");
        for r in &failed {
            println!(
                "\n---- {} ----\n{}",
                r.name,
                r.failure.as_deref().unwrap_or("")
            );
        }
        println!(
            "\nfailures:\n{}",
            failed
                .iter()
                .map(|r| format!("    {}", r.name))
                .collect::<Vec<_>>()
                .join("\n")
        );
    }
    println!(
        "\ntest result: {}. {} passed; {} failed (on the calculator)",
        if failed.is_empty() { "ok" } else { "FAILED" },
        results.len() - failed.len(),
        failed.len()
    );
    Ok(failed.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn failures_say_what_happened() {
        assert_eq!(failure(&Outcome::Returned(0), None), None);
        let p = failure(&Outcome::Idle, Some("tests/calc.rs:3:5: boom".into())).unwrap();
        assert_eq!(p, "panicked at tests/calc.rs:3:5: boom");
        assert!(failure(&Outcome::Idle, None).unwrap().contains("key"));
        assert!(
            failure(&Outcome::Timeout, None)
                .unwrap()
                .contains("instructions")
        );
        assert!(failure(&Outcome::Returned(3), None).unwrap().contains('3'));
    }
}
