//! The game's buttons, as a set of flags: the add-in maps the calculator's keys to them
//! (see the README's controls), the logic only sees these.

/// A set of buttons held at one moment.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Buttons(u8);

impl Buttons {
    /// None held.
    pub const NONE: Buttons = Buttons(0);
    /// Move left.
    pub const LEFT: Buttons = Buttons(1);
    /// Move right.
    pub const RIGHT: Buttons = Buttons(1 << 1);
    /// Turn clockwise.
    pub const TURN: Buttons = Buttons(1 << 2);
    /// Turn anticlockwise.
    pub const TURN_BACK: Buttons = Buttons(1 << 3);
    /// Soft drop (fall faster while held).
    pub const SOFT_DROP: Buttons = Buttons(1 << 4);
    /// Hard drop (fall and lock at once); also confirms on the other screens.
    pub const DROP: Buttons = Buttons(1 << 5);
    /// Pause / resume / back.
    pub const PAUSE: Buttons = Buttons(1 << 6);
    /// Every button.
    pub const ALL: Buttons = Buttons(0x7F);

    /// Whether every button of `other` is in the set.
    pub fn contains(self, other: Buttons) -> bool {
        self.0 & other.0 == other.0 && other.0 != 0
    }

    /// The buttons in `self` but not in `before`: the ones just pressed.
    pub fn pressed_since(self, before: Buttons) -> Buttons {
        Buttons(self.0 & !before.0)
    }

    /// Whether the set is empty.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }
}

impl core::ops::BitOr for Buttons {
    type Output = Buttons;
    fn bitor(self, rhs: Buttons) -> Buttons {
        Buttons(self.0 | rhs.0)
    }
}

impl core::ops::BitOrAssign for Buttons {
    fn bitor_assign(&mut self, rhs: Buttons) {
        self.0 |= rhs.0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sets_and_edges() {
        let held = Buttons::LEFT | Buttons::DROP;
        assert!(held.contains(Buttons::LEFT));
        assert!(!held.contains(Buttons::RIGHT));
        assert!(
            !held.contains(Buttons::NONE),
            "the empty set is never 'held'"
        );
        let pressed = held.pressed_since(Buttons::LEFT);
        assert!(pressed.contains(Buttons::DROP) && !pressed.contains(Buttons::LEFT));
        assert!(Buttons::ALL.pressed_since(Buttons::ALL).is_empty());
    }
}
