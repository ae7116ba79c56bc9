//! Differential testing against qemu-sh4eb: GCC's gcc.c-torture/execute programs,
//! compiled `-O2 -m4-nofpu -mb` with sh-elf-gcc against the minimal C library in
//! `tests/torture/`, linked as static Linux/SH ELFs, run under qemu-sh4eb and under the
//! emulator's Linux user mode ([`prizm_emu::harness::linux`]); exit status and output compared.
//!
//! - `cargo test -p prizm-emu --test gcc_torture` runs a fast subset (every 40th program).
//! - `cargo test -p prizm-emu --release --test gcc_torture -- --ignored` runs all of them
//!   (2 threads), or set `PRIZM_EMU_TORTURE=full` for the subset test to do the same.
//!
//! Compiled ELFs are cached by content hash in `target/prizm-emu-torture/`; the summary
//! and every disagreement go to `target/prizm-emu-torture/report.txt`. Tools: the
//! compiler is `$PRIZM_EMU_GCC` or `~/.cache/prizm-sdk/current/bin/sh-elf-gcc`, the
//! sources `$PRIZM_EMU_TORTURE_DIR` or the GCC source tree next to it; without them
//! the tests print why and pass.

use prizm_emu::harness::linux::{LinuxOutcome, run_elf};
use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

const CFLAGS: &[&str] = &[
    "-O2",
    "-m4-nofpu",
    "-mb",
    "-std=gnu17",
    "-fpermissive",
    "-w",
    "-fno-diagnostics-color",
];
/// Instruction budget of the emulator per program.
const MAX_INSTRUCTIONS: u64 = 4_000_000_000;
/// Wall-clock limit of qemu per program, seconds.
const QEMU_TIMEOUT: &str = "20";

fn home() -> PathBuf {
    std::env::var_os("HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|| "/root".into())
}

fn gcc() -> PathBuf {
    std::env::var_os("PRIZM_EMU_GCC")
        .map(PathBuf::from)
        .unwrap_or_else(|| home().join(".cache/prizm-sdk/current/bin/sh-elf-gcc"))
}

fn torture_dir() -> PathBuf {
    std::env::var_os("PRIZM_EMU_TORTURE_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            home().join(".cache/prizm-sdk/src/gcc-16.2.0/gcc/testsuite/gcc.c-torture/execute")
        })
}

fn qemu() -> PathBuf {
    std::env::var_os("PRIZM_EMU_QEMU")
        .map(PathBuf::from)
        .unwrap_or_else(|| "/usr/bin/qemu-sh4eb".into())
}

fn manifest() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn cache_dir() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| manifest().join("../../target"));
    let d = target.join("prizm-emu-torture");
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn hash_of(parts: &[&[u8]]) -> String {
    let mut h = DefaultHasher::new();
    for p in parts {
        p.hash(&mut h);
    }
    format!("{:016x}", h.finish())
}

fn run_ok(cmd: &mut Command) -> Result<(), String> {
    let out = cmd.output().map_err(|e| format!("{cmd:?}: {e}"))?;
    if out.status.success() {
        Ok(())
    } else {
        Err(String::from_utf8_lossy(&out.stderr)
            .lines()
            .take(3)
            .collect::<Vec<_>>()
            .join(" | "))
    }
}

/// Builds crt0.o and libc.o once; returns their paths and a hash of the shim.
fn shim() -> Result<(PathBuf, PathBuf, String), String> {
    let t = manifest().join("tests/torture");
    let mut parts = Vec::new();
    for f in ["crt0.s", "libc.c", "link.ld"] {
        parts.push(std::fs::read(t.join(f)).unwrap());
    }
    let mut inc: Vec<_> = std::fs::read_dir(t.join("include"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    inc.sort();
    for f in inc {
        parts.push(std::fs::read(f).unwrap());
    }
    let refs: Vec<&[u8]> = parts.iter().map(|p| p.as_slice()).collect();
    let h = hash_of(&refs);
    let d = cache_dir().join(format!("shim-{h}"));
    let (crt0, libc) = (d.join("crt0.o"), d.join("libc.o"));
    if !libc.exists() {
        std::fs::create_dir_all(&d).unwrap();
        run_ok(
            Command::new(gcc())
                .args(["-c", "-mb", "-m4-nofpu", "-o"])
                .arg(&crt0)
                .arg(t.join("crt0.s")),
        )?;
        run_ok(
            Command::new(gcc())
                .args(CFLAGS)
                .args([
                    "-fno-builtin",
                    "-fno-tree-loop-distribute-patterns",
                    "-c",
                    "-o",
                ])
                .arg(d.join("libc.tmp.o"))
                .arg(t.join("libc.c")),
        )?;
        std::fs::rename(d.join("libc.tmp.o"), &libc).unwrap();
    }
    Ok((crt0, libc, h))
}

/// Compiles one program (cached); `Err` when it does not compile or link.
fn compile(src: &Path, shim: &(PathBuf, PathBuf, String)) -> Result<PathBuf, String> {
    let code = std::fs::read(src).unwrap();
    let flags = CFLAGS.join(" ");
    let h = hash_of(&[&code, flags.as_bytes(), shim.2.as_bytes()]);
    let stem = src.file_stem().unwrap().to_string_lossy().to_string();
    let elf = cache_dir().join(format!("{stem}-{h}.elf"));
    let fail = cache_dir().join(format!("{stem}-{h}.fail"));
    if elf.exists() {
        return Ok(elf);
    }
    if fail.exists() {
        return Err(std::fs::read_to_string(&fail).unwrap_or_default());
    }
    let t = manifest().join("tests/torture");
    let obj = cache_dir().join(format!("{stem}-{h}.o"));
    let tmp = cache_dir().join(format!("{stem}-{h}.elf.tmp"));
    let r = run_ok(
        Command::new(gcc())
            .args(CFLAGS)
            .arg("-I")
            .arg(t.join("include"))
            .arg("-c")
            .arg(src)
            .arg("-o")
            .arg(&obj),
    )
    .and_then(|()| {
        run_ok(
            Command::new(gcc())
                .args([
                    "-mb",
                    "-m4-nofpu",
                    "-nostdlib",
                    "-static",
                    "-Wl,-z,max-page-size=0x10000",
                    "-T",
                ])
                .arg(t.join("link.ld"))
                .arg(&shim.0)
                .arg(&shim.1)
                .arg(&obj)
                .arg("-lgcc")
                .arg("-o")
                .arg(&tmp),
        )
    });
    let _ = std::fs::remove_file(&obj);
    match r {
        Ok(()) => {
            std::fs::rename(&tmp, &elf).unwrap();
            Ok(elf)
        }
        Err(e) => {
            let _ = std::fs::write(&fail, &e);
            Err(e)
        }
    }
}

/// A run's observable result: exit status (or signal/crash) and output.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Res {
    Exit(i32, Vec<u8>),
    Crash(String),
    Timeout,
}

fn run_qemu(elf: &Path) -> Res {
    let out = Command::new("timeout")
        .arg(QEMU_TIMEOUT)
        .arg(qemu())
        .arg(elf)
        .output()
        .expect("qemu-sh4eb");
    use std::os::unix::process::ExitStatusExt;
    match (out.status.code(), out.status.signal()) {
        (Some(124), _) => Res::Timeout,
        (Some(c), _) => Res::Exit(c, out.stdout),
        (None, Some(s)) => Res::Crash(format!("signal {s}")),
        _ => Res::Crash("?".into()),
    }
}

fn run_ours(elf: &Path) -> (Res, u64) {
    let bytes = std::fs::read(elf).unwrap();
    match run_elf(&bytes, MAX_INSTRUCTIONS) {
        Ok(r) => (
            match r.outcome {
                LinuxOutcome::Exited(c) => Res::Exit(c & 0xFF, r.stdout),
                LinuxOutcome::Crashed(m) => Res::Crash(m),
                LinuxOutcome::Timeout => Res::Timeout,
            },
            r.instructions,
        ),
        Err(e) => (Res::Crash(e), 0),
    }
}

#[derive(Default)]
struct Summary {
    total: usize,
    compiled: usize,
    qemu_pass: usize,
    agree_on_pass: usize,
    agree_all: usize,
    instructions: u64,
    lines: Vec<String>,
}

fn differential(every: usize) -> Option<Summary> {
    if !gcc().exists() || !qemu().exists() || !torture_dir().is_dir() {
        eprintln!(
            "skipped: needs {} , {} and {}",
            gcc().display(),
            qemu().display(),
            torture_dir().display()
        );
        return None;
    }
    let shim = match shim() {
        Ok(s) => s,
        Err(e) => panic!("cannot build the C library shim: {e}"),
    };
    let mut progs: Vec<PathBuf> = std::fs::read_dir(torture_dir())
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "c"))
        .collect();
    progs.sort();
    let progs: Vec<PathBuf> = progs.into_iter().step_by(every).collect();
    let next = AtomicUsize::new(0);
    let sum = Mutex::new(Summary {
        total: progs.len(),
        ..Default::default()
    });
    std::thread::scope(|s| {
        for _ in 0..2 {
            s.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(p) = progs.get(i) else { break };
                    let name = p.file_name().unwrap().to_string_lossy().to_string();
                    let elf = match compile(p, &shim) {
                        Ok(e) => e,
                        Err(_) => continue,
                    };
                    let q = run_qemu(&elf);
                    let (o, n) = run_ours(&elf);
                    let mut g = sum.lock().unwrap();
                    g.compiled += 1;
                    g.instructions += n;
                    let pass = matches!(q, Res::Exit(0, _));
                    if pass {
                        g.qemu_pass += 1;
                    }
                    let agree =
                        q == o || (matches!(q, Res::Crash(_)) && matches!(o, Res::Crash(_)));
                    if agree {
                        g.agree_all += 1;
                        if pass {
                            g.agree_on_pass += 1;
                        }
                    } else {
                        let show = |r: &Res| match r {
                            Res::Exit(c, out) => format!("exit {c}, {} bytes of output", out.len()),
                            other => format!("{other:?}"),
                        };
                        g.lines.push(format!(
                            "{name}: qemu {} / prizm-emu {}",
                            show(&q),
                            show(&o)
                        ));
                    }
                }
            });
        }
    });
    let mut s = sum.into_inner().unwrap();
    s.lines.sort();
    let pct = 100.0 * s.agree_on_pass as f64 / s.qemu_pass.max(1) as f64;
    let report = format!(
        "programs: {}\ncompiled: {}\nqemu passes: {}\nagreement on qemu-passing programs: {} ({pct:.2}%)\nagreement on all compiled: {}\nemulated instructions: {}\ndisagreements:\n{}\n",
        s.total,
        s.compiled,
        s.qemu_pass,
        s.agree_on_pass,
        s.agree_all,
        s.instructions,
        s.lines
            .iter()
            .map(|l| format!("  {l}\n"))
            .collect::<String>()
    );
    let _ = std::fs::write(
        cache_dir().join(if every == 1 {
            "report.txt"
        } else {
            "report-subset.txt"
        }),
        &report,
    );
    eprintln!("{report}");
    Some(s)
}

fn check(s: &Summary) {
    assert!(s.compiled > 0, "nothing compiled");
    let pct = 100.0 * s.agree_on_pass as f64 / s.qemu_pass.max(1) as f64;
    assert!(
        pct >= 98.0,
        "agreement {pct:.2}% < 98%:\n{}",
        s.lines.join("\n")
    );
}

#[test]
fn gcc_torture_subset() {
    let every = if std::env::var("PRIZM_EMU_TORTURE").as_deref() == Ok("full") {
        1
    } else {
        40
    };
    if let Some(s) = differential(every) {
        check(&s);
    }
}

#[test]
#[ignore]
fn gcc_torture_full() {
    if let Some(s) = differential(1) {
        check(&s);
    }
}

/// Linux mode and qemu agree on a hand-assembled program (needs only binutils + qemu).
#[test]
fn linux_mode_smoke_matches_qemu() {
    if !qemu().exists() {
        eprintln!("skipped: no qemu-sh4eb");
        return;
    }
    let d = cache_dir().join(format!("smoke-{}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    std::fs::write(
        d.join("h.s"),
        "    .section .text.start,\"ax\"\n    .global start\nstart:\n    mov #4,r3\n    mov #1,r4\n    mova msg,r0\n    mov r0,r5\n    mov #6,r6\n    trapa #0x13\n    mov #1,r3\n    mov #3,r4\n    trapa #0x11\n    .align 2\nmsg: .ascii \"hello\\n\"\n",
    )
    .unwrap();
    let st = Command::new("sh-elf-as")
        .args(["-big", "-o"])
        .arg(d.join("h.o"))
        .arg(d.join("h.s"))
        .status()
        .unwrap();
    assert!(st.success());
    let st = Command::new("sh-elf-ld")
        .args(["-EB", "-z", "max-page-size=0x10000", "-T"])
        .arg(manifest().join("tests/torture/link.ld"))
        .arg("-o")
        .arg(d.join("h.elf"))
        .arg(d.join("h.o"))
        .status()
        .unwrap();
    assert!(st.success());
    let q = run_qemu(&d.join("h.elf"));
    let (o, _) = run_ours(&d.join("h.elf"));
    let _ = std::fs::remove_dir_all(&d);
    assert_eq!(q, Res::Exit(3, b"hello\n".to_vec()));
    assert_eq!(o, q);
}
