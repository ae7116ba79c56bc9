//! The `prizm-emu` command line: exit codes, messages, screenshots.

mod common;

use common::{build, g3a, tempdir};
use std::process::Command;

fn emu() -> Command {
    Command::new(env!("CARGO_BIN_EXE_prizm-emu"))
}

const PROGRAM: &str = "
    sts.l pr,@-r15
    SYSCALL 0x272
    add #-4,r15
    mov r15,r4
    SYSCALL 0xEAB
    add #4,r15
    lds.l @r15+,pr
    rts
    mov #9,r0
";

#[test]
fn exit_codes_and_outputs() {
    let d = tempdir("cli");
    let (code, elf) = build(PROGRAM, "cli");
    std::fs::write(d.join("t.g3a"), g3a(&code)).unwrap();
    std::fs::write(d.join("t.elf"), elf).unwrap();
    std::fs::create_dir_all(d.join("smem")).unwrap();
    let out = emu()
        .arg("run")
        .arg(d.join("t.g3a"))
        .args(["--keys", "EXE", "--model", "cg20", "--screenshot"])
        .arg(d.join("shot.png"))
        .arg("--screenshot-every-frame")
        .arg(d.join("frames"))
        .arg("--storage")
        .arg(d.join("smem"))
        .arg("--elf")
        .arg(d.join("t.elf"))
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("returned to the menu: 9"));
    let png = std::fs::read(d.join("shot.png")).unwrap();
    assert_eq!(
        prizm_emu::harness::screenshot::decode_png_rgb(&png)
            .unwrap()
            .0,
        384
    );
    assert!(d.join("frames/frame_00001.png").is_file());

    // Idle: no key.
    let out = emu().arg("run").arg(d.join("t.g3a")).output().unwrap();
    assert_eq!(out.status.code(), Some(5));
    // Timeout.
    let out = emu()
        .arg("run")
        .arg(d.join("t.g3a"))
        .args(["--max-instructions", "3"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
}

/// `--gif`: the run recorded headless; its frames are the screens the add-in showed.
#[cfg(feature = "window")]
#[test]
fn gif_records_a_headless_run() {
    let d = tempdir("cli-gif");
    let (code, _) = build(PROGRAM, "cli-gif");
    std::fs::write(d.join("t.g3a"), g3a(&code)).unwrap();
    let out = emu()
        .arg("run")
        .arg(d.join("t.g3a"))
        .args(["--keys", "wait:200ms,EXE", "--gif"])
        .arg(d.join("run.gif"))
        .arg("--screenshot")
        .arg(d.join("end.png"))
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(err.contains("run.gif (1 frames)"), "{err}");
    let mut opts = gif::DecodeOptions::new();
    opts.set_color_output(gif::ColorOutput::RGBA);
    let mut dec = opts
        .read_info(std::fs::File::open(d.join("run.gif")).unwrap())
        .unwrap();
    let f = dec.read_next_frame().unwrap().expect("a frame").clone();
    assert_eq!((f.width, f.height), (384, 216));
    // The cleared screen GetKey put on the display: white, as the screenshot.
    let (_, _, rgb) =
        prizm_emu::harness::screenshot::decode_png_rgb(&std::fs::read(d.join("end.png")).unwrap())
            .unwrap();
    assert_eq!(&f.buffer[..3], &rgb[..3]);
    assert_eq!(&f.buffer[..3], &[255, 255, 255]);
    assert!(
        dec.read_next_frame().unwrap().is_none(),
        "one screen, one frame"
    );
    // Not with a window or GDB.
    let out = emu()
        .arg("run")
        .arg(d.join("t.g3a"))
        .args(["--gif", "x.gif", "--gdb", "1234"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn bad_input_is_exit_1_with_a_message() {
    let d = tempdir("cli-bad");
    let (code, _) = build(PROGRAM, "cli-bad");
    let file = g3a(&code);
    std::fs::write(d.join("t.g3a"), &file).unwrap();
    std::fs::write(d.join("short.g3a"), &file[..100]).unwrap();
    std::fs::write(d.join("text.g3a"), b"not an add-in").unwrap();
    let cases: Vec<(Vec<String>, &str)> = vec![
        (vec![], "Usage"),
        (vec!["frobnicate".into()], "unrecognized subcommand"),
        (vec!["run".into()], "<FILE.g3a>"),
        (
            vec!["run".into(), d.join("missing.g3a").display().to_string()],
            "cannot read",
        ),
        (
            vec!["run".into(), d.join("short.g3a").display().to_string()],
            "not a valid .g3a",
        ),
        (
            vec!["run".into(), d.join("text.g3a").display().to_string()],
            "not a valid .g3a",
        ),
        (
            vec![
                "run".into(),
                d.join("t.g3a").display().to_string(),
                "--keys".into(),
                "EXE,BOGUS".into(),
            ],
            "unknown key `BOGUS`",
        ),
        (
            vec![
                "run".into(),
                d.join("t.g3a").display().to_string(),
                "--keys".into(),
                "wait:3".into(),
            ],
            "unit",
        ),
        (
            vec![
                "run".into(),
                d.join("t.g3a").display().to_string(),
                "--model".into(),
                "cg99".into(),
            ],
            "unknown model",
        ),
        (
            vec![
                "run".into(),
                d.join("t.g3a").display().to_string(),
                "--storage".into(),
                "/nonexistent/x".into(),
            ],
            "does not exist",
        ),
        (
            vec![
                "run".into(),
                d.join("t.g3a").display().to_string(),
                "--elf".into(),
                d.join("text.g3a").display().to_string(),
            ],
            "not an ELF",
        ),
        (
            vec![
                "run".into(),
                d.join("t.g3a").display().to_string(),
                "--max-instructions".into(),
                "lots".into(),
            ],
            "not a number",
        ),
        (
            vec![
                "run".into(),
                d.join("t.g3a").display().to_string(),
                "--hardware-id".into(),
                "TOO-LONG-ID".into(),
            ],
            "not 8 bytes",
        ),
        (
            vec![
                "run".into(),
                d.join("t.g3a").display().to_string(),
                "--keys".into(),
            ],
            "a value is required",
        ),
    ];
    for (args, msg) in cases {
        let out = emu().args(&args).output().unwrap();
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(out.status.code(), Some(1), "{args:?}: {text}");
        assert!(text.contains(msg), "{args:?}: expected `{msg}` in {text}");
        assert!(!text.contains("panicked"), "{args:?}: {text}");
    }
    let out = emu().arg("--help").output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("EXIT CODES"));
}
