//! `examples/hello`, built for the calculator, runs in prizm-emu (through the test
//! library, `prizm-test`): it draws its text, waits for a key, and returns to the menu on
//! EXIT.

use std::path::PathBuf;

use prizm_test::{Addin, Options, Outcome};

/// RGB565 white, the background hello clears to.
const WHITE: u16 = 0xFFFF;

#[test]
fn hello_draws_and_returns_on_exit() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let built = prizm_test::build(root.join("examples/hello/Cargo.toml"));
    let mut calc = Addin::start_with(&built, Options::default());

    // Without keys it draws, then waits.
    assert_eq!(*calc.outcome(), Outcome::Idle);
    calc.save_screenshot(root.join("target/test-screenshots/hello.png"));
    let ink = |x0: usize, y0: usize, x1: usize, y1: usize| {
        (y0..y1)
            .flat_map(|y| (x0..x1).map(move |x| (x, y)))
            .filter(|&(x, y)| calc.pixel(x, y) != WHITE)
            .count()
    };
    // The background is white, the PrintXY line (text row 2, under the 24-pixel status
    // area: y 48..72) reads back as its text, and the two embedded-graphics lines
    // (baselines 110 and 140) have ink, the bottom does not.
    assert_eq!(calc.pixel(383, 215), WHITE, "background");
    assert_eq!(calc.text_row(2), "Hello, Prizm!");
    assert_eq!(ink(0, 72, 384, 90), 0, "nothing between the lines");
    assert!(ink(12, 92, 384, 115) > 200, "first embedded-graphics line");
    assert!(
        ink(12, 122, 384, 145) > 200,
        "second embedded-graphics line"
    );
    assert_eq!(ink(0, 160, 384, 216), 0, "nothing below the text");
    // The whole screen, against the blessed one (PRIZM_BLESS=1 rewrites it).
    calc.assert_screen("tests/golden/hello.png");

    // Other keys are ignored; EXIT returns 0 to the OS.
    assert_eq!(calc.keys("EXE"), Outcome::Idle);
    assert_eq!(calc.keys("EXIT"), Outcome::Returned(0));
}

/// hello's start-up makes OS call 0x29 as `GlibAddinAplExecutionCheck(0, 1, 1)` before
/// anything else, as CASIO's and libfxcg's start-up code do: in the emulator (the first
/// OS call) and in the disassembly (`prizm_start` calls its stub, which loads 0x29).
#[test]
fn hello_start_up_calls_0x29_first() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let built = prizm_test::build(root.join("examples/hello/Cargo.toml"));
    let options = Options {
        record_calls: true,
        ..Options::default()
    };
    let calc = Addin::start_with(&built, options);
    let calls = calc.emulator().os_calls();
    assert!(calls.len() > 1, "{calls:?}");
    assert_eq!(calls[0].number, 0x29, "first OS call: {:#x?}", calls[0]);
    assert_eq!(&calls[0].args[..3], &[0, 1, 1]);
    assert!(calls[1..].iter().all(|c| c.number != 0x29), "only once");

    let out = std::process::Command::new("sh-elf-objdump")
        .arg("-d")
        .arg(&built.elf)
        .output()
        .expect("sh-elf-objdump (binutils-sh-elf, installed by tools/setup)");
    let text = String::from_utf8_lossy(&out.stdout);
    let function = |name: &str| -> String {
        let start = text
            .find(&format!("<{name}>:\n"))
            .unwrap_or_else(|| panic!("{name} in the disassembly"));
        let body = &text[start..];
        body[..body.find("\n\n").unwrap_or(body.len())].to_string()
    };
    let start = function("_prizm_start");
    assert!(
        start.contains("<_prizm_sys_GlibAddinAplExecutionCheck>"),
        "prizm_start calls the 0x29 stub:\n{start}"
    );
    let stub = function("_prizm_sys_GlibAddinAplExecutionCheck");
    assert!(
        stub.contains("! 29\n") && stub.contains("! 80020070"),
        "{stub}"
    );
}
