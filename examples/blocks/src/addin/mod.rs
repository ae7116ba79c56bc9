//! The add-in: a frame loop at [`FPS`] frames per second. Each frame reads the keys,
//! runs the game one step per RTC tick (1/128 s) since the last frame, draws, puts the
//! frame on the display, saves a new high score, and waits for the next frame.

mod art;
mod controls;
mod draw;
mod store;

use blocks::Session;
use prizm::prelude::*;
use prizm::time::ticks_between;

/// Frames per second the loop aims at.
pub const FPS: u32 = 40;

/// Runs the game until the calculator leaves it (MENU goes to the Main Menu and comes
/// back here).
pub fn main(mut p: Prizm) {
    prizm::display::status::set_visible(false);
    let mut session = Session::new(store::load(&p.storage));
    let mut view = draw::View::default();
    let mut frames = FrameClock::new(FPS);
    let mut last = p.clock.rtc_ticks();
    loop {
        p.input.update();
        let now = p.clock.rtc_ticks();
        let steps = ticks_between(last, now);
        last = now;
        session.frame(controls::held(&p.input), steps, now);
        if let Some(high) = session.take_save() {
            store::save(&mut p.storage, high);
        }
        view.draw(&mut p.screen, &session, now);
        p.screen.update();
        frames.wait();
    }
}
