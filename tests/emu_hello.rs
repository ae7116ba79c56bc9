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
