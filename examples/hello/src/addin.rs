//! The add-in itself (calculator only; see `main.rs`).

use embedded_graphics::mono_font::{MonoTextStyle, ascii::FONT_10X20};
use embedded_graphics::prelude::*;
use embedded_graphics::text::Text;
use prizm::display::os_text::{TextColor, TextMode, print_xy};
use prizm::display::{Rgb565, Screen};
use prizm::keyboard::{Keycode, get_key};

pub fn main() {
    let mut screen = Screen::take().expect("the screen is free at start-up");
    screen.clear(Rgb565::WHITE).ok();
    print_xy(1, 2, "Hello, Prizm!", TextMode::NORMAL, TextColor::Blue);
    let style = MonoTextStyle::new(&FONT_10X20, Rgb565::new(0, 40, 0));
    Text::new("Written in Rust.", Point::new(12, 110), style)
        .draw(&mut *screen)
        .ok();
    Text::new("Press EXIT to leave.", Point::new(12, 140), style)
        .draw(&mut *screen)
        .ok();
    screen.update();
    // GetKey handles MENU itself (the OS's main menu); EXIT returns to the OS here.
    while get_key() != Keycode::Exit {}
}
