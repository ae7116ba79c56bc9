//! The profiler on a real add-in: what `prizm-emu run cglock.g3a --elf cglock --keys ...
//! --profile DIR` does (through the emulator's library), for a CGlock session (first-run set-up, lock, unlock), built for the
//! calculator with the test library.
//!
//! The checks: the files exist (folded stacks, flame graph, per-function table); every
//! instruction the emulator ran is in the folded stacks; each function's self and
//! inclusive instructions and OS cycles, counted from the shadow stack's frames, agree
//! with the folded stacks counted instruction by instruction; and the hash is where the
//! code says: SHA-256's compression function runs once per code hash (set-up, unlock),
//! under the unlock's `code_matches`, and takes most of it.
//!
//! What the profile shows (README "Profiling"): the session's time is text drawing
//! (embedded-graphics glyphs drawn pixel by pixel into the frame), not SHA-256, whose
//! one 64-byte block per code is a few thousand instructions. The unlock alone
//! (`--profile-focus code_matches`, `Profile::focus`) is SHA-256: its flame graph has
//! the compression function on top.

use prizm_emu::harness::keys::parse_script;
use prizm_emu::{Emulator, Options, Outcome};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// The repository root.
fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A new, empty folder `target/emu-profile/<name>`.
fn fresh_dir(name: &str) -> PathBuf {
    let dir = repo_root().join("target").join("emu-profile").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A function's line of `functions.tsv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Counts {
    self_insns: u64,
    inclusive: u64,
    calls: u64,
    os_cycles: u64,
}

fn functions(dir: &Path) -> HashMap<String, Counts> {
    let text = std::fs::read_to_string(dir.join("functions.tsv")).expect("functions.tsv");
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some("function\tself\tinclusive\tcalls\tos_cycles")
    );
    lines
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            assert_eq!(f.len(), 5, "{l}");
            let n = |i: usize| f[i].parse::<u64>().unwrap();
            (
                f[0].to_string(),
                Counts {
                    self_insns: n(1),
                    inclusive: n(2),
                    calls: n(3),
                    os_cycles: n(4),
                },
            )
        })
        .collect()
}

/// The folded stacks: (frames, count).
fn folded(dir: &Path) -> Vec<(Vec<String>, u64)> {
    let text = std::fs::read_to_string(dir.join("profile.folded")).expect("profile.folded");
    text.lines()
        .map(|l| {
            let (stack, n) = l.rsplit_once(' ').expect("`stack count`");
            (
                stack.split(';').map(String::from).collect(),
                n.parse().unwrap(),
            )
        })
        .collect()
}

const COMPRESS: &str = "cglock::hash::compress";
const CODE_HASH: &str = "cglock::hash::code_hash";
const CODE_MATCHES: &str = "cglock::hash::code_matches";

#[test]
fn cglock_unlock_profile() {
    let built = prizm_test::build(repo_root().join("examples/cglock/Cargo.toml"));
    let storage = fresh_dir("storage");
    let out_dir = fresh_dir("cglock").join("profile");
    // Set-up (the code twice), F1 locks, ALPHA + the code + EXE unlocks.
    let keys = "1,2,3,4,EXE,1,2,3,4,EXE,F1,ALPHA,1,2,3,4,EXE";
    // The emulator as `prizm-emu run ... --profile DIR` drives it (its command line is
    // tested in tools/prizm-emu/tests/profile.rs).
    let options = Options {
        elf: Some(std::fs::read(&built.elf).expect("the ELF")),
        storage: Some(storage.clone()),
        keys: parse_script(keys).unwrap(),
        ..Options::default()
    };
    let mut emu = Emulator::load(&std::fs::read(&built.g3a).unwrap(), options).unwrap();
    emu.start_profile().unwrap();
    assert_eq!(emu.run_until_idle(), Outcome::Idle, "idle after the script");
    let profile = emu.profile().expect("profiling");
    assert!(
        profile
            .top(20)
            .contains("top 20 functions by self instructions")
    );
    profile.write(&out_dir, "CGlock").unwrap();
    let svg = std::fs::read_to_string(out_dir.join("flamegraph.svg")).expect("flamegraph.svg");
    assert!(svg.contains("<svg") && svg.contains("OS:OS_InnerWait_ms"));
    let svg = std::fs::read_to_string(out_dir.join("flamegraph-instructions.svg"))
        .expect("flamegraph-instructions.svg");
    assert!(svg.contains("<svg") && svg.contains("cglock::addin::main"));
    assert!(svg.contains(COMPRESS), "the hash is in the flame graph");

    // Every instruction the run counted is in the folded stacks (OS leaves are cycles).
    let total = emu.cpu.icount;
    let stacks = folded(&out_dir);
    let is_os = |s: &Vec<String>| s.last().is_some_and(|f| f.starts_with("OS:"));
    let insns: u64 = stacks.iter().filter(|s| !is_os(&s.0)).map(|s| s.1).sum();
    assert_eq!(insns, total);

    // Per function, the frames' counts agree with the folded stacks: self = lines
    // ending in it, inclusive = instructions of the lines it is in (once per line, for
    // recursion), OS cycles = OS leaves under it.
    let funcs = functions(&out_dir);
    for (name, c) in &funcs {
        let (mut self_insns, mut inclusive, mut os) = (0, 0, 0);
        for (stack, n) in &stacks {
            if !stack.contains(name) {
                continue;
            }
            if is_os(stack) {
                os += n;
            } else {
                inclusive += n;
                if stack.last() == Some(name) {
                    self_insns += n;
                }
            }
        }
        if name.starts_with("OS:") {
            assert_eq!(
                (c.self_insns, c.inclusive, c.os_cycles),
                (0, 0, os),
                "{name}"
            );
        } else {
            assert_eq!(
                (c.self_insns, c.inclusive, c.os_cycles),
                (self_insns, inclusive, os),
                "{name}"
            );
        }
    }
    // `main` (inlined into the SDK's call of it, whose name then names it).
    let main = funcs
        .iter()
        .find(|(n, _)| n.contains("cglock::addin::main"))
        .map(|(_, c)| *c)
        .expect("cglock::addin::main");
    assert_eq!(main.calls, 1);
    assert!(main.inclusive > total * 8 / 10, "{main:?} of {total}");

    // SHA-256: one compression per code hash, at set-up and at the unlock.
    assert_eq!(funcs[CODE_HASH].calls, 2);
    assert_eq!(
        funcs[CODE_MATCHES].calls, 1,
        "the unlock checks the code once"
    );
    let compress = funcs[COMPRESS];
    assert_eq!(compress.calls, 2);
    for (stack, _) in stacks
        .iter()
        .filter(|s| s.0.contains(&COMPRESS.to_string()))
    {
        let h = stack.iter().position(|f| f == CODE_HASH);
        let c = stack.iter().position(|f| f == COMPRESS);
        assert!(h < c, "compress under code_hash: {stack:?}");
    }
    // The unlock's check is mostly the compression function (with what it calls).
    let matches = funcs[CODE_MATCHES];
    assert!(
        compress.inclusive / compress.calls * 2 > matches.inclusive,
        "compress {compress:?}, code_matches {matches:?}"
    );
    // And the top of the profile is drawing: the hash is under 1 % of the session.
    let top = funcs
        .iter()
        .filter(|(n, _)| !n.starts_with("OS:"))
        .max_by_key(|(_, c)| c.self_insns)
        .unwrap();
    assert!(
        top.0.contains("prizm::display") || top.0.contains("embedded_graphics"),
        "top function {top:?}"
    );
    assert!(funcs[CODE_HASH].inclusive * 100 < total);

    // The unlock alone, as `--profile-focus code_matches` writes it: SHA-256 on top.
    let unlock = profile.focus(CODE_MATCHES).expect("the unlock ran");
    let unlock_dir = out_dir.with_file_name("unlock");
    unlock.write(&unlock_dir, "CGlock unlock").unwrap();
    let stacks = folded(&unlock_dir);
    assert!(
        stacks.iter().all(|(s, _)| s[0] == CODE_MATCHES),
        "{stacks:?}"
    );
    let funcs = functions(&unlock_dir);
    assert_eq!(funcs[CODE_MATCHES].calls, 1);
    assert_eq!(funcs[CODE_MATCHES].inclusive, unlock.instructions);
    assert_eq!(funcs[COMPRESS].calls, 1, "one block per code");
    // The compression function (with what it calls) is most of the unlock's check, and
    // the function with the most self instructions runs under it.
    assert!(
        funcs[COMPRESS].inclusive * 3 > unlock.instructions * 2,
        "compress {:?} of {}",
        funcs[COMPRESS],
        unlock.instructions
    );
    let top = &unlock.by_self()[0].name;
    assert!(
        stacks
            .iter()
            .any(|(s, _)| s.last() == Some(top) && s.contains(&COMPRESS.to_string())),
        "top {top} under compress"
    );
    let svg = std::fs::read_to_string(unlock_dir.join("flamegraph-instructions.svg")).unwrap();
    assert!(svg.contains(COMPRESS) && !svg.contains("cglock::addin::"));
}
