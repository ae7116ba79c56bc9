//! Whole add-ins (assembled with sh-elf-as) run through the emulator.

mod common;

use common::{build, g3a, tempdir};
use prizm_emu::harness::keys::parse_script;
use prizm_emu::{Emulator, Model, Options, Outcome};

fn run(src: &str, keys: &str, tag: &str) -> (Emulator, Outcome) {
    let (code, elf) = build(src, tag);
    let opts = Options {
        keys: parse_script(keys).unwrap(),
        elf: Some(elf),
        max_instructions: 50_000_000,
        ..Default::default()
    };
    let mut e = Emulator::load(&g3a(&code), opts).unwrap();
    let o = e.run_until_idle();
    (e, o)
}

const HELLO: &str = "
    sts.l pr,@-r15
    SYSCALL 0x272           ! Bdisp_AllClr_VRAM
    mov #1,r4
    mov #1,r5
    mova text,r0
    mov r0,r6
    mov #0,r7
    mov #0,r1
    mov.l r1,@-r15
    SYSCALL 0x18F9          ! PrintXY(1,1,\"XXHello\",0,black)
    add #4,r15
loop:
    add #-4,r15
    mov r15,r4
    SYSCALL 0xEAB           ! GetKey(&key)
    mov.l @r15+,r1
    LOADL r3, 30004
    cmp/eq r3,r1
    bf loop
    lds.l @r15+,pr
    rts
    mov #42,r0
    .align 2
text: .asciz \"XXHello\"
";

#[test]
fn hello_returns_after_exe() {
    let (e, o) = run(HELLO, "1,2,EXE", "hello");
    assert_eq!(o, Outcome::Returned(42));
    assert_eq!(o.exit_code(), 0);
    assert_eq!(e.frames(), 3, "GetKey puts VRAM on the display each time");
    let screen = e.screen_rgb565();
    let dark = (24..48)
        .flat_map(|y| (0..120).map(move |x| (x, y)))
        .filter(|&(x, y)| screen[y * 384 + x] == 0)
        .count();
    assert!(
        dark > 50,
        "text drawn on the first PrintXY row ({dark} dark pixels)"
    );
    assert!(
        screen[..384 * 24].iter().all(|&p| p == 0xFFFF),
        "status area untouched"
    );
    let png = e.screenshot_png();
    let (w, h, _) = prizm_emu::harness::screenshot::decode_png_rgb(&png).unwrap();
    assert_eq!((w, h), (384, 216));
}

#[test]
fn idle_when_script_exhausted() {
    let (e, o) = run(HELLO, "1", "idle");
    assert_eq!(o, Outcome::Idle);
    assert_eq!(o.exit_code(), 5);
    assert!(e.emulated_seconds() < 1.0);
}

#[test]
fn resume_after_idle_with_more_keys() {
    let (mut e, o) = run(HELLO, "", "resume");
    assert_eq!(o, Outcome::Idle);
    e.press("EXE").unwrap();
    assert_eq!(e.run_until_idle(), Outcome::Returned(42));
}

#[test]
fn resume_after_idle_with_a_script() {
    let (mut e, o) = run(HELLO, "", "resume-script");
    assert_eq!(o, Outcome::Idle);
    // A script that does not parse adds nothing.
    let err = e.play("wait:2s,FOO").unwrap_err();
    assert!(err.to_string().contains("FOO"), "{err}");
    assert_eq!(e.run_until_idle(), Outcome::Idle);
    let before = e.emulated_seconds();
    e.play("wait:2s, EXE").unwrap();
    assert_eq!(e.run_until_idle(), Outcome::Returned(42));
    assert!(e.emulated_seconds() - before >= 2.0);
}

#[test]
fn menu_ends_the_run() {
    let (_, o) = run(HELLO, "MENU", "menu");
    assert_eq!(o, Outcome::Menu);
    assert_eq!(o.exit_code(), 6);
}

#[test]
fn unimplemented_call_is_reported() {
    let src = "
        sts.l pr,@-r15
        SYSCALL 0x1E6A
        lds.l @r15+,pr
        rts
        nop
    ";
    let (_, o) = run(src, "", "unimpl");
    match &o {
        Outcome::Unimplemented {
            number,
            name,
            report,
            ..
        } => {
            assert_eq!(*number, 0x1E6A);
            assert_eq!(*name, Some("DisplayMainMenu"));
            assert!(report.text.contains("DisplayMainMenu"), "{}", report.text);
        }
        o => panic!("{o:?}"),
    }
    assert_eq!(o.exit_code(), 4);
}

#[test]
fn crash_report_symbolizes_and_backtraces() {
    let src = "
        sts.l pr,@-r15
        bsr crash_here
        nop
        lds.l @r15+,pr
        rts
        nop
    crash_here:
        sts.l pr,@-r15
        LOADL r1, 0x12345678
        mov.l @r1,r2
        lds.l @r15+,pr
        rts
        nop
    ";
    let (_, o) = run(src, "", "crash");
    let Outcome::Crashed(r) = &o else {
        panic!("{o:?}")
    };
    assert!(r.what.contains("0x12345678"), "{}", r.text);
    assert!(r.text.contains("<crash_here+"), "{}", r.text);
    assert!(r.text.contains("backtrace"), "{}", r.text);
    assert!(r.text.contains("<_start+"), "{}", r.text);
    assert_eq!(o.exit_code(), 2);
}

#[test]
fn timeout_on_endless_loop() {
    let (code, _) = build("1: bra 1b\n nop", "loop");
    let opts = Options {
        max_instructions: 100_000,
        ..Default::default()
    };
    let mut e = Emulator::load(&g3a(&code), opts).unwrap();
    assert_eq!(e.run_until_idle(), Outcome::Timeout);
    assert!(
        (100_000..=100_001).contains(&e.cpu.icount),
        "{}",
        e.cpu.icount
    );
}

#[test]
fn memory_map_aliases_and_initial_state() {
    for (model, p1, sp, vram) in [
        (Model::Cg20, 0x8816_0000u32, 0x881E_0000u32, 0xA800_0000u32),
        (Model::Cg50, 0x8C17_0000, 0x8C1F_0000, 0xAC00_0000),
    ] {
        let (code, _) = build("rts\n nop", "map");
        let opts = Options {
            model,
            ..Default::default()
        };
        let mut e = Emulator::load(&g3a(&code), opts).unwrap();
        assert_eq!(e.cpu.r[15], sp);
        assert_eq!(e.cpu.r[4], 1);
        assert_eq!(e.cpu.pc, 0x0030_0000);
        e.cpu.poke(0x0810_0010, 4, 0xABCD_1234).unwrap();
        assert_eq!(e.cpu.peek(p1 + 0x10, 4).unwrap(), 0xABCD_1234);
        assert_eq!(
            e.cpu.peek((p1 | 0x2000_0000) + 0x10, 4).unwrap(),
            0xABCD_1234
        );
        assert_eq!(e.call_os(0x1E6, &[]).unwrap(), vram);
        e.cpu.poke(vram & !0x2000_0000, 2, 0x1234).unwrap();
        assert_eq!(e.call_os(0x267, &[0, 0]).unwrap(), 0x1234);
        for (a, _) in prizm_emu::machine::model::ONCHIP {
            e.cpu.poke(a, 4, 7).unwrap();
            assert_eq!(e.cpu.peek(a, 4).unwrap(), 7);
        }
        assert!(e.cpu.peek(0x0900_0000, 4).is_err());
        assert!(
            e.cpu.poke(0x0030_0000, 4, 0).is_err(),
            "the image is read-only"
        );
        assert!(matches!(e.run_until_idle(), Outcome::Returned(_)));
    }
}

#[test]
fn hardware_id_is_mapped_read_only() {
    // Reads the two words of the ID and returns their xor.
    let src = "
        LOADL r1, 0x8001FFD0
        mov.l @r1,r0
        mov.l @(4,r1),r2
        rts
        xor r2,r0
    ";
    let be = |s: &[u8]| u32::from_be_bytes(s.try_into().unwrap());
    for (model, id) in [
        (Model::Cg50, *b"EMU-CG50"),
        (Model::Cg20, *b"EMU-CG20"),
        (Model::Cg10, *b"EMU-CG10"),
    ] {
        let (code, _) = build(src, "hwid");
        let mut e = Emulator::load(
            &g3a(&code),
            Options {
                model,
                ..Default::default()
            },
        )
        .unwrap();
        assert_eq!(model.hardware_id(), id);
        for base in [0x8001_FFD0u32, 0xA001_FFD0] {
            for (i, &b) in id.iter().enumerate() {
                assert_eq!(e.cpu.peek(base + i as u32, 1).unwrap(), b as u32);
            }
            assert_eq!(e.cpu.peek(base + 4, 4).unwrap(), be(&id[4..]));
            assert!(e.cpu.poke(base, 4, 0).is_err(), "read-only");
            // Only the 8 bytes are mapped.
            assert!(e.cpu.peek(base - 4, 4).is_err());
            assert!(e.cpu.peek(base + 8, 1).is_err());
        }
        let want = (be(&id[..4]) ^ be(&id[4..])) as i32;
        assert_eq!(e.run_until_idle(), Outcome::Returned(want), "{model:?}");
    }
    // The option overrides it.
    let (code, _) = build(src, "hwid-opt");
    let mut e = Emulator::load(
        &g3a(&code),
        Options {
            hardware_id: Some(*b"12345678"),
            ..Default::default()
        },
    )
    .unwrap();
    let want = (be(b"1234") ^ be(b"5678")) as i32;
    assert_eq!(e.run_until_idle(), Outcome::Returned(want));
    assert_eq!(e.cpu.peek(0xA001_FFD0, 2).unwrap(), 0x3132);
    // A store there is a crash, not a silent write.
    let (mut o_e, o) = run(
        "LOADL r1, 0xA001FFD0\n mov #0,r0\n mov.b r0,@r1\n rts\n nop",
        "",
        "hwid-write",
    );
    let Outcome::Crashed(report) = o else {
        panic!("{o:?}")
    };
    assert!(report.to_string().contains("read-only"), "{report}");
    assert_eq!(o_e.cpu.peek(0xA001_FFD0, 1).unwrap(), b'E' as u32);
}

#[test]
fn keyboard_registers_follow_the_script() {
    // Poll the row word of EXE (row 1 -> word 0, bit 10) until it is set, return.
    let src = "
        LOADL r1, 0xA44B0000
    1:  mov.w @r1,r0
        LOADL r2, 0x400
        tst r2,r0
        bt 1b
        rts
        mov #7,r0
    ";
    let (_, o) = run(src, "wait:200ms,EXE", "matrix");
    assert_eq!(o, Outcome::Returned(7));
    // With no key, polling ends idle.
    let (_, o) = run(src, "", "matrix-idle");
    assert_eq!(o, Outcome::Idle);
}

#[test]
fn bad_inputs_are_errors_not_panics() {
    let (code, _) = build("rts\n nop", "bad");
    let file = g3a(&code);
    assert!(Emulator::load(&file[..file.len() / 2], Options::default()).is_err());
    assert!(Emulator::load(b"hello", Options::default()).is_err());
    assert!(Emulator::load(&[], Options::default()).is_err());
    let opts = Options {
        storage: Some("/nonexistent/prizm-emu".into()),
        ..Default::default()
    };
    let err = Emulator::load(&file, opts).err().unwrap();
    assert!(err.0.contains("does not exist"), "{err}");
    let opts = Options {
        elf: Some(b"not an elf".to_vec()),
        ..Default::default()
    };
    assert!(Emulator::load(&file, opts).is_err());
    let _ = tempdir("unused");
}

#[test]
fn timers_call_their_handler_periodically() {
    let src = "
        sts.l pr,@-r15
        mov #0,r4
        mova handler,r0
        mov r0,r5
        mov #10,r6
        SYSCALL 0x8D9           ! Timer_Install(0, handler, 10 ms)
        mov r0,r8
        mov r0,r4
        SYSCALL 0x8DB           ! Timer_Start
    1:  LOADL r1, 0x08100000
        mov.l @r1,r0
        cmp/eq #5,r0
        bf 1b
        mov r8,r4
        SYSCALL 0x8DA           ! Timer_Deinstall
        LOADL r1, 0x08100000
        mov.l @r1,r0
        lds.l @r15+,pr
        rts
        nop
        .align 2
    handler:
        LOADL r1, 0x08100000
        mov.l @r1,r0
        add #1,r0
        rts
        mov.l r0,@r1
    ";
    let (e, o) = run(src, "", "timer");
    assert_eq!(o, Outcome::Returned(5));
    let t = e.emulated_seconds();
    assert!((0.049..0.06).contains(&t), "{t} s");
}

#[test]
fn os_version_string_is_in_the_os_flash() {
    for (model, text) in [(Model::Cg50, "03.60.0000"), (Model::Cg20, "02.02.0000")] {
        let (code, _) = build("rts\n nop\n", "osver");
        let opts = Options {
            model,
            ..Default::default()
        };
        let mut e = Emulator::load(&g3a(&code), opts).unwrap();
        for base in [0x8002_0020u32, 0xA002_0020] {
            let got: Vec<u8> = (0..16)
                .map(|i| e.cpu.peek(base + i, 1).unwrap() as u8)
                .collect();
            assert_eq!(&got[..10], text.as_bytes(), "{model:?} at {base:#x}");
            assert!(got[10..].iter().all(|&b| b == 0));
            assert!(e.cpu.poke(base, 1, 0).is_err(), "read-only");
        }
        assert!(
            e.cpu.peek(0x8002_0010, 4).is_err(),
            "only the string is mapped"
        );
    }
}

/// A timer handler must keep r8-r15, MACH and MACL (the OS's Renesas calling
/// convention): one that changes MACL (a multiply) or r8 stops the run with a report
/// naming it; one that saves and restores MACL around its multiply runs on.
#[test]
fn timer_handlers_must_keep_callee_saved_registers() {
    let program = |body: &str| {
        format!(
            "
        sts.l pr,@-r15
        mov #0,r4
        mova handler,r0
        mov r0,r5
        mov #10,r6
        SYSCALL 0x8D9           ! Timer_Install(0, handler, 10 ms)
        mov r0,r4
        SYSCALL 0x8DB           ! Timer_Start
        mov #3,r2
        mov #5,r3
        mul.l r2,r3             ! MACL = 15 in the interrupted code
    1:  LOADL r1, 0x08100000
        mov.l @r1,r0
        cmp/eq #3,r0
        bf 1b
        sts macl,r0             ! still 15 if every handler kept it
        lds.l @r15+,pr
        rts
        nop
        .align 2
    handler:
        {body}
        LOADL r1, 0x08100000
        mov.l @r1,r0
        add #1,r0
        rts
        mov.l r0,@r1
    "
        )
    };
    let (_, o) = run(
        &program("sts.l macl,@-r15\n mul.l r0,r0\n lds.l @r15+,macl"),
        "",
        "timer-good",
    );
    assert_eq!(o, Outcome::Returned(15));
    for (body, what, tag) in [
        ("mul.l r0,r0", "MACL: 0xf -> ", "timer-macl"),
        ("mov #9,r8", "r8: ", "timer-r8"),
    ] {
        let (_, o) = run(&program(body), "", tag);
        let Outcome::Crashed(r) = &o else {
            panic!("{body}: {o:?}")
        };
        assert!(r.what.contains("the timer handler at"), "{}", r.what);
        assert!(r.what.contains(what), "{body}: {}", r.what);
        assert!(r.what.contains("MACH and MACL"), "{}", r.what);
    }
}

/// An add-in with its own exception handler (VBR + 0x100, as gint installs one) reads a
/// long word at an odd address: the handler runs with EXPEVT = 0x0E0 and TEA = the
/// address, skips the instruction and returns; `_start` returns the handler's count.
const OWN_HANDLER: &str = "
    sts.l pr,@-r15
    mov.l 1f,r0
    mov.w 2f,r1
    sub r1,r0
    ldc r0,vbr
    mov #0,r8
    mov.l 3f,r1
    mov.l @r1,r2            ! address error (read)
    mov r8,r0
    lds.l @r15+,pr
    rts
    nop
    .align 2
1:  .long handler
3:  .long 0x08100002
2:  .word 0x100
    .align 2
handler:
    mov.l 4f,r0
    mov.l @r0,r9            ! EXPEVT
    mov.l 5f,r0
    mov.l @r0,r10           ! TEA
    stc ssr,r11
    add #1,r8
    stc spc,r0
    add #2,r0
    ldc r0,spc
    rte
    nop
    .align 2
4:  .long 0xFF000024
5:  .long 0xFF00000C
";

#[test]
fn an_add_in_with_its_own_vbr_handles_its_exceptions() {
    for interpret in [false, true] {
        let (code, elf) = build(OWN_HANDLER, "own-vbr");
        let opts = Options {
            elf: Some(elf),
            interpret,
            max_instructions: 1_000_000,
            ..Default::default()
        };
        let mut e = Emulator::load(&g3a(&code), opts).unwrap();
        assert_eq!(
            e.run_until_idle(),
            Outcome::Returned(1),
            "interpret {interpret}"
        );
        assert_eq!(e.cpu.r[9], 0x0E0, "EXPEVT: address error on a read");
        assert_eq!(e.cpu.r[10], 0x0810_0002, "TEA: the address");
        assert_eq!(e.cpu.r[11] & 0x1000_0000, 0, "SSR: BL was clear");
    }
    // Without its own VBR, the same fault is a crash report (the OS's handler is not
    // emulated).
    let no_vbr = OWN_HANDLER.replace("    ldc r0,vbr\n", "    nop\n");
    let (_, o) = run(&no_vbr, "", "no-vbr");
    match o {
        Outcome::Crashed(r) => assert!(r.to_string().contains("misaligned"), "{r}"),
        o => panic!("{o:?}"),
    }
}
