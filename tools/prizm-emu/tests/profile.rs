//! The profiler (`--profile`): its shadow call stack on small assembled programs whose
//! counts are known instruction by instruction (calls, nested calls, a tail call, an OS
//! call through a stub, recursion, a `longjmp`), and the command line's option.

mod common;

use common::{build, g3a, tempdir};
use prizm_emu::harness::profile::{
    FLAMEGRAPH_FILE, FLAMEGRAPH_INSTRUCTIONS_FILE, FOLDED_FILE, FUNCTIONS_FILE, short_name,
};
use prizm_emu::harness::profile::{FunctionProfile, Profile};
use prizm_emu::{Emulator, Options, Outcome};
use std::process::Command;

/// `_start` calls `foo` (which calls `bar` twice), `bar` through `jsr`, `tail` (which
/// jumps to `bar`), `stub` (an OS call stub that jumps to the OS entry, as the SDK's
/// do), `rec` (3 levels of recursion) and `deep`, whose callee `thrower` restores the
/// stack pointer and jumps back into `_start` (a `longjmp`). Instruction counts (a
/// branch and its delay slot are 2):
///
/// - `bar`: 1 + 10 x 2 (dt, bf) + 2 = 23 per call, 4 calls;
/// - `foo`: 8; `tail`: 2; `stub`: 4; `deep`: 3; `thrower`: 3;
/// - `rec`: 8 + 8 + 6 (the last level does not call);
/// - `_start`: 20.
const PROGRAM: &str = "
    sts.l pr,@-r15
    bsr foo
    nop
    mov.l 7f,r1
    jsr @r1
    nop
    bsr tail
    nop
    bsr stub
    nop
    mov #3,r4
    bsr rec
    nop
    mov r15,r8
    mov.l 8f,r9
    bsr deep
    nop
5:  lds.l @r15+,pr
    rts
    mov #7,r0
foo:
    sts.l pr,@-r15
    bsr bar
    nop
    bsr bar
    nop
    lds.l @r15+,pr
    rts
    nop
bar:
    mov #10,r0
1:  dt r0
    bf 1b
    rts
    nop
tail:
    bra bar
    nop
stub:
    mov.l 2f,r2
    mov.l 3f,r0
    jmp @r2
    nop
    .align 2
2:  .long 0x80020070
3:  .long 0x272
rec:
    sts.l pr,@-r15
    dt r4
    bt 6f
    bsr rec
    nop
6:  lds.l @r15+,pr
    rts
    nop
deep:
    sts.l pr,@-r15
    bsr thrower
    nop
    lds.l @r15+,pr
    rts
    nop
thrower:
    mov r8,r15
    jmp @r9
    nop
    .align 2
7:  .long bar
8:  .long 5b
";

/// Runs `src` with the profiler on; returns the profile and the instruction count.
fn profile(src: &str, tag: &str) -> (Profile, u64) {
    let (code, elf) = build(src, tag);
    let mut emu = Emulator::load_code(
        &code,
        Options {
            elf: Some(elf),
            ..Default::default()
        },
    )
    .unwrap();
    emu.start_profile().unwrap();
    assert_eq!(emu.run_until_idle(), Outcome::Returned(7));
    (emu.profile().unwrap(), emu.cpu.icount)
}

fn func<'a>(p: &'a Profile, name: &str) -> &'a FunctionProfile {
    p.function(name)
        .unwrap_or_else(|| panic!("{name} not in {:#?}", p.functions))
}

/// (self, inclusive, calls) of `name`.
fn counts(p: &Profile, name: &str) -> (u64, u64, u64) {
    let f = func(p, name);
    (f.self_instructions, f.inclusive_instructions, f.calls)
}

#[test]
fn calls_tail_calls_os_calls_recursion_and_longjmp() {
    let (p, icount) = profile(PROGRAM, "profile");
    assert_eq!(p.instructions, icount, "every instruction is counted");
    assert_eq!(p.instructions, 20 + 8 + 4 * 23 + 2 + 4 + 22 + 3 + 3);
    assert_eq!(counts(&p, "_start"), (20, p.instructions, 1));
    assert_eq!(counts(&p, "foo"), (8, 8 + 2 * 23, 1));
    assert_eq!(
        counts(&p, "bar"),
        (4 * 23, 4 * 23, 4),
        "2 from foo, jsr, tail"
    );
    assert_eq!(counts(&p, "tail"), (2, 2, 1), "bar replaces tail's frame");
    assert_eq!(counts(&p, "stub"), (4, 4, 1));
    assert_eq!(counts(&p, "rec"), (22, 22, 3), "recursion counts once");
    assert_eq!(counts(&p, "deep"), (3, 6, 1));
    assert_eq!(counts(&p, "thrower"), (3, 3, 1));
    // The OS call: a leaf of the stub, with the cycles it cost (Bdisp_AllClr_VRAM adds
    // no idle time), counted in the OS time of its callers.
    let os = func(&p, "OS:Bdisp_AllClr_VRAM");
    assert!(os.os_call);
    assert_eq!((os.calls, os.os_cycles), (1, prizm_emu::os::CALL_CYCLES));
    assert_eq!(p.os_cycles, prizm_emu::os::CALL_CYCLES);
    assert_eq!(func(&p, "stub").os_cycles, prizm_emu::os::CALL_CYCLES);
    assert_eq!(func(&p, "_start").os_cycles, prizm_emu::os::CALL_CYCLES);
    assert_eq!(func(&p, "foo").os_cycles, 0);
    // Folded stacks: each path with its own instructions; after the longjmp `_start`
    // runs in its own frame again.
    let folded: Vec<(&str, u64)> = p.folded.iter().map(|(s, n)| (s.as_str(), *n)).collect();
    assert_eq!(
        folded,
        [
            ("_start", 20),
            ("_start;bar", 46),
            ("_start;deep", 3),
            ("_start;deep;thrower", 3),
            ("_start;foo", 8),
            ("_start;foo;bar", 46),
            ("_start;rec", 8),
            ("_start;rec;rec", 8),
            ("_start;rec;rec;rec", 6),
            ("_start;stub", 4),
            ("_start;stub;OS:Bdisp_AllClr_VRAM", 100),
            ("_start;tail", 2),
        ]
    );
    assert_eq!(
        p.by_self()
            .iter()
            .map(|f| f.name.as_str())
            .collect::<Vec<_>>(),
        [
            "bar", "rec", "_start", "foo", "stub", "deep", "thrower", "tail"
        ]
    );
    let table = p.top(3);
    assert!(
        table.contains("top 3 functions by self instructions"),
        "{table}"
    );
    assert!(table.lines().nth(3).unwrap().ends_with("  bar"), "{table}");
    assert!(!table.contains("  foo"), "{table}");
    assert!(table.contains("OS:Bdisp_AllClr_VRAM"), "{table}");

    // The call paths add up to each function's calls.
    for f in &p.functions {
        let along: u64 = p
            .calls
            .iter()
            .filter(|(s, _)| s.rsplit(';').next() == Some(f.name.as_str()))
            .map(|(_, n)| n)
            .sum();
        assert_eq!(along, f.calls, "{}", f.name);
    }
    // Focused on foo: its stacks only, rooted at foo; bar's calls from foo only.
    let foo = p.focus("foo").expect("foo ran");
    assert_eq!(
        foo.folded,
        [("foo".to_string(), 8), ("foo;bar".to_string(), 46)]
    );
    assert_eq!(foo.instructions, 8 + 2 * 23);
    assert_eq!(counts(&foo, "foo"), (8, 8 + 2 * 23, 1));
    assert_eq!(counts(&foo, "bar"), (2 * 23, 2 * 23, 2));
    assert_eq!(foo.by_self()[0].name, "bar");
    // Focused on the OS stub: the OS call's cycles, no instructions but the stub's.
    let stub = p.focus("stub").expect("stub ran");
    assert_eq!(
        (stub.instructions, stub.os_cycles),
        (4, prizm_emu::os::CALL_CYCLES)
    );
    assert_eq!(func(&stub, "OS:Bdisp_AllClr_VRAM").calls, 1);
    // Recursion: rooted at the outermost `rec`, counted once.
    let rec = p.focus("rec").expect("rec ran");
    assert_eq!(counts(&rec, "rec"), (22, 22, 3));
    assert!(p.focus("nothing").is_none());
}

/// TMU0 interrupts (programmed as gint does: IPRA level 5, an underflow every 1600
/// cycles) while `_start` spins until `handler`, at VBR + 0x600, has counted 3 of them
/// in r8. The handler is 8 instructions (r0-r2 are its own register bank).
const INTERRUPTS: &str = "
    sts.l pr,@-r15
    mov.l 7f,r0
    mov.w 8f,r1
    sub r1,r0
    ldc r0,vbr
    mov #0,r8
    mov.l 3f,r1
    mov.w 5f,r2
    mov.w r2,@r1
    mov.l 4f,r1
    mov #99,r2
    mov.l r2,@r1
    mov.l r2,@(4,r1)
    mov #0x20,r0
    mov.w r0,@(8,r1)
    mov.l 6f,r1
    mov #1,r2
    mov.b r2,@r1
1:  mov #3,r0
    cmp/hs r0,r8
    bf 1b
    mov #0,r2
    mov.b r2,@r1
    lds.l @r15+,pr
    rts
    mov #7,r0
    .align 2
3:  .long 0xA4080000
4:  .long 0xA4490008
6:  .long 0xA4490004
7:  .long handler
5:  .word 0x5000
8:  .word 0x600
    .align 2
handler:
    mov.l 2f,r1
    mov.w @(8,r1),r0
    mov.w 9f,r2
    and r2,r0
    mov.w r0,@(8,r1)
    add #1,r8
    rte
    nop
    .align 2
2:  .long 0xA4490008
9:  .word 0xFEFF
";

#[test]
fn interrupts_are_calls_of_their_handler() {
    for interpret in [false, true] {
        let (code, elf) = build(INTERRUPTS, "irq");
        let mut emu = Emulator::load_code(
            &code,
            Options {
                elf: Some(elf),
                interpret,
                ..Default::default()
            },
        )
        .unwrap();
        emu.start_profile().unwrap();
        assert_eq!(emu.run_until_idle(), Outcome::Returned(7));
        let p = emu.profile().unwrap();
        assert_eq!(p.instructions, emu.cpu.icount);
        assert_eq!(counts(&p, "handler"), (3 * 8, 3 * 8, 3));
        assert_eq!(
            counts(&p, "_start"),
            (p.instructions - 24, p.instructions, 1)
        );
        let folded: Vec<(&str, u64)> = p.folded.iter().map(|(s, n)| (s.as_str(), *n)).collect();
        assert_eq!(
            folded,
            [("_start", p.instructions - 24), ("_start;handler", 24)]
        );
    }
}

/// An OS timer (Timer_Install, 1 ms) whose handler `tick` (6 instructions) counts in
/// RAM while `_start` spins until it has run 3 times, then stops it. The emulated OS
/// starts the handler with PR at its own return address, between two instructions.
const TIMER: &str = "
    sts.l pr,@-r15
    mov.l 5f,r10
    mov #0,r0
    mov.l r0,@r10
    mov #0,r4
    mov.l 7f,r5
    mov #1,r6
    SYSCALL 0x08D9
    mov r0,r9
    mov r9,r4
    SYSCALL 0x08DB
1:  mov.l @r10,r1
    mov #3,r0
    cmp/hs r0,r1
    bf 1b
    mov r9,r4
    SYSCALL 0x08DC
    lds.l @r15+,pr
    rts
    mov #7,r0
    .align 2
5:  .long 0x08100000
7:  .long tick
tick:
    mov.l 6f,r1
    mov.l @r1,r0
    add #1,r0
    mov.l r0,@r1
    rts
    nop
    .align 2
6:  .long 0x08100000
";

#[test]
fn os_timer_handlers_are_calls() {
    let (p, icount) = profile(TIMER, "timer");
    assert_eq!(p.instructions, icount);
    assert_eq!(counts(&p, "tick"), (18, 18, 3));
    let start = p.instructions - 18;
    assert_eq!(counts(&p, "_start"), (start, p.instructions, 1));
    let cycles = prizm_emu::os::CALL_CYCLES;
    let folded: Vec<(&str, u64)> = p.folded.iter().map(|(s, n)| (s.as_str(), *n)).collect();
    assert_eq!(
        folded,
        [
            ("_start", start),
            ("_start;OS:Timer_Install", cycles),
            ("_start;OS:Timer_Start", cycles),
            ("_start;OS:Timer_Stop", cycles),
            ("_start;tick", 18),
        ]
    );
}

#[test]
fn the_same_counts_when_translated_or_interpreted() {
    let run = |interpret| {
        let (code, elf) = build(PROGRAM, "translate");
        let mut emu = Emulator::load_code(
            &code,
            Options {
                elf: Some(elf),
                interpret,
                ..Default::default()
            },
        )
        .unwrap();
        // Run some of it translated before the profiler starts: blocks are cached.
        emu.run(3);
        let before = emu.cpu.icount;
        emu.start_profile().unwrap();
        emu.run_until_idle();
        (emu.profile().unwrap(), before)
    };
    let (a, b) = (run(false), run(true));
    assert_eq!(a, b);
    assert!(a.1 >= 3);
    assert_eq!(a.0.instructions + a.1, 20 + 8 + 4 * 23 + 2 + 4 + 22 + 3 + 3);
    assert_eq!(counts(&a.0, "foo"), (8, 8 + 2 * 23, 1));
}

#[test]
fn needs_the_elf() {
    let (code, _) = build(PROGRAM, "noelf");
    let mut emu = Emulator::load_code(&code, Options::default()).unwrap();
    let e = emu.start_profile().unwrap_err();
    assert!(e.to_string().contains("needs the add-in's ELF"), "{e}");
    assert!(emu.profile().is_none());
}

#[test]
fn short_names_drop_generic_arguments() {
    assert_eq!(
        short_name("core::ptr::drop_in_place::<u8>"),
        "core::ptr::drop_in_place"
    );
    assert_eq!(
        short_name("<a::Frame as e::DrawTarget>::draw_iter::<core::iter::Map<A<B>, C>>"),
        "<a::Frame as e::DrawTarget>::draw_iter"
    );
    assert_eq!(
        short_name("<e::Pixels<e::BinaryColor> as core::Iterator>::next"),
        "<e::Pixels as core::Iterator>::next"
    );
    assert_eq!(short_name("_memcpy"), "_memcpy");
}

fn emu() -> Command {
    Command::new(env!("CARGO_BIN_EXE_prizm-emu"))
}

#[test]
fn command_line() {
    let d = tempdir("profile-cli");
    let (code, elf) = build(PROGRAM, "profile-cli");
    std::fs::write(d.join("t.g3a"), g3a(&code)).unwrap();
    std::fs::write(d.join("t.elf"), elf).unwrap();
    let out_dir = d.join("out/prof");
    let out = emu()
        .arg("run")
        .arg(d.join("t.g3a"))
        .arg("--elf")
        .arg(d.join("t.elf"))
        .arg("--profile")
        .arg(&out_dir)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.contains("top 20 functions by self instructions"),
        "{stdout}"
    );
    assert!(stdout.contains(&format!(
        "flame graph: {}",
        out_dir.join(FLAMEGRAPH_FILE).display()
    )));
    let folded = std::fs::read_to_string(out_dir.join(FOLDED_FILE)).unwrap();
    assert!(folded.lines().any(|l| l == "_start;foo;bar 46"), "{folded}");
    let svg = std::fs::read_to_string(out_dir.join(FLAMEGRAPH_FILE)).unwrap();
    assert!(
        svg.contains("<svg") && svg.contains("<title>foo (54 cycles"),
        "{svg}"
    );
    let svg = std::fs::read_to_string(out_dir.join(FLAMEGRAPH_INSTRUCTIONS_FILE)).unwrap();
    assert!(svg.contains("<title>foo (54 instructions"), "{svg}");
    assert!(!svg.contains("OS:"), "{svg}");
    let tsv = std::fs::read_to_string(out_dir.join(FUNCTIONS_FILE)).unwrap();
    assert!(tsv.lines().any(|l| l == "bar\t92\t92\t4\t0"), "{tsv}");

    // --profile-focus: only what ran under foo, rooted at foo.
    let focus_dir = d.join("out/focus");
    let run_focus = |name: &str| {
        emu()
            .arg("run")
            .arg(d.join("t.g3a"))
            .arg("--elf")
            .arg(d.join("t.elf"))
            .arg("--profile")
            .arg(&focus_dir)
            .arg("--profile-focus")
            .arg(name)
            .output()
            .unwrap()
    };
    let out = run_focus("foo");
    assert_eq!(out.status.code(), Some(0));
    let folded = std::fs::read_to_string(focus_dir.join(FOLDED_FILE)).unwrap();
    assert_eq!(folded, "foo 8\nfoo;bar 46\n");
    let out = run_focus("nothing");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("no function whose name contains \"nothing\" ran"),
        "{err}"
    );

    // Without the ELF: a usage error before running.
    let out = emu()
        .arg("run")
        .arg(d.join("t.g3a"))
        .arg("--profile")
        .arg(d.join("p2"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("--profile needs the add-in's ELF (--elf"),
        "{err}"
    );
    assert!(!d.join("p2").exists());

    // An output folder that cannot be made: a usage error before running.
    std::fs::write(d.join("file"), b"").unwrap();
    let out = emu()
        .arg("run")
        .arg(d.join("t.g3a"))
        .arg("--elf")
        .arg(d.join("t.elf"))
        .arg("--profile")
        .arg(d.join("file/sub"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("--profile: cannot create"), "{err}");
    assert!(out.stdout.is_empty());
}
