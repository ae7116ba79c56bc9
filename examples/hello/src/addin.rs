//! The add-in itself (calculator only; see `main.rs`).

use prizm::prelude::*;

/// A frame loop: read the keys, draw, show, wait for the next frame. MENU goes to the
/// OS's Main Menu and back (the next frame draws the screen again); EXIT returns.
pub fn main(mut p: Prizm) {
    let style = MonoTextStyle::new(&fonts::FONT_10X20, Rgb565::new(0, 40, 0));
    let mut frames = FrameClock::new(20);
    loop {
        p.input.update();
        if p.input.just_pressed(Key::Exit) {
            return;
        }
        p.screen.clear(Rgb565::WHITE).ok();
        print_xy(1, 2, "Hello, Prizm!", TextMode::NORMAL, TextColor::Blue);
        Text::new("Written in Rust.", Point::new(12, 110), style)
            .draw(&mut p.screen)
            .ok();
        Text::new("Press EXIT to leave.", Point::new(12, 140), style)
            .draw(&mut p.screen)
            .ok();
        p.screen.update();
        frames.wait();
    }
}
