//! The calculator's keys as the game's buttons.

use blocks::Buttons;
use prizm::prelude::*;

/// Which keys press which button (README, "Controls").
const MAP: [(Key, Buttons); 10] = [
    (Key::Left, Buttons::LEFT),
    (Key::Right, Buttons::RIGHT),
    (Key::Up, Buttons::TURN),
    (Key::Shift, Buttons::TURN),
    (Key::Alpha, Buttons::TURN_BACK),
    (Key::Optn, Buttons::TURN_BACK),
    (Key::Down, Buttons::SOFT_DROP),
    (Key::Exe, Buttons::DROP),
    (Key::F1, Buttons::DROP),
    (Key::Exit, Buttons::PAUSE),
];

/// The buttons held now, from the keyboard as [`Input::update`] last read it.
pub fn held(input: &Input) -> Buttons {
    let mut b = Buttons::NONE;
    for (key, button) in MAP {
        if input.is_pressed(key) {
            b |= button;
        }
    }
    b
}
