//! `examples/hello`, built for the calculator, runs in prizm-emu: it draws its text,
//! waits for a key, and returns to the menu on EXIT.

mod common;

use prizm_emu::{Options, Outcome};

/// RGB565 white, the background hello clears to.
const WHITE: u16 = 0xFFFF;

#[test]
fn hello_draws_and_returns_on_exit() {
    let built = common::build_example("hello");
    let mut emu = common::load(&built, Options::default());

    // Without keys it draws, then waits.
    assert_eq!(emu.run_until_idle(), Outcome::Idle);
    common::save_screenshot(&emu, "hello");
    let screen = emu.screen_rgb565().to_vec();
    assert_eq!(screen.len(), 384 * 216);
    let ink = |x0: usize, y0: usize, x1: usize, y1: usize| {
        (y0..y1)
            .flat_map(|y| (x0..x1).map(move |x| (x, y)))
            .filter(|&(x, y)| screen[y * 384 + x] != WHITE)
            .count()
    };
    // The background is white, the PrintXY line (text row 2, under the 24-pixel status
    // area: y 48..72) and the two
    // embedded-graphics lines (baselines 110 and 140) have ink, the bottom does not.
    assert_eq!(screen[215 * 384 + 383], WHITE, "background");
    assert!(ink(0, 48, 384, 72) > 200, "PrintXY text on row 2");
    assert_eq!(ink(0, 72, 384, 90), 0, "nothing between the lines");
    assert!(ink(12, 92, 384, 115) > 200, "first embedded-graphics line");
    assert!(
        ink(12, 122, 384, 145) > 200,
        "second embedded-graphics line"
    );
    assert_eq!(ink(0, 160, 384, 216), 0, "nothing below the text");

    // Other keys are ignored; EXIT returns 0 to the OS.
    emu.press("EXE").unwrap();
    assert_eq!(emu.run_until_idle(), Outcome::Idle);
    emu.press("EXIT").unwrap();
    assert_eq!(emu.run_until_idle(), Outcome::Returned(0));
}
