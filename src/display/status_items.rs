//! [`StatusItems`]: which items the OS's status area shows (pure).
use core::ops::BitOr;

/// A set of status-area items, combined with `|`, for
/// [`status::set_items`](super::status::set_items). Values: libfxcg's `SAF_*` flags
/// (`include/fxcg/display.h`).
///
/// ```
/// use prizm::display::StatusItems;
/// let items = StatusItems::BATTERY | StatusItems::TEXT;
/// assert!(items.contains(StatusItems::TEXT));
/// assert_eq!(items.bits(), 0x0101);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct StatusItems(u32);

impl StatusItems {
    /// Nothing.
    pub const NONE: StatusItems = StatusItems(0);
    /// Battery icon (`SAF_BATTERY`).
    pub const BATTERY: StatusItems = StatusItems(0x0001);
    /// SHIFT/ALPHA indicator (`SAF_ALPHA_SHIFT`).
    pub const ALPHA_SHIFT: StatusItems = StatusItems(0x0002);
    /// Input/output mode (`SAF_SETUP_INPUT_OUTPUT`).
    pub const INPUT_OUTPUT: StatusItems = StatusItems(0x0004);
    /// Fraction result mode (`SAF_SETUP_FRAC_RESULT`).
    pub const FRAC_RESULT: StatusItems = StatusItems(0x0008);
    /// Angle unit (`SAF_SETUP_ANGLE`).
    pub const ANGLE: StatusItems = StatusItems(0x0010);
    /// Complex mode (`SAF_SETUP_COMPLEX_MODE`).
    pub const COMPLEX_MODE: StatusItems = StatusItems(0x0020);
    /// Display format (`SAF_SETUP_DISPLAY`).
    pub const DISPLAY: StatusItems = StatusItems(0x0040);
    /// The text set with [`status::set_text`](super::status::set_text) (`SAF_TEXT`).
    pub const TEXT: StatusItems = StatusItems(0x0100);
    /// A glyph (`SAF_GLYPH`).
    pub const GLYPH: StatusItems = StatusItems(0x0200);

    /// The flag bits the OS takes.
    pub const fn bits(self) -> u32 {
        self.0
    }

    /// Whether every item of `other` is in the set.
    pub const fn contains(self, other: StatusItems) -> bool {
        self.0 & other.0 == other.0
    }
}

impl BitOr for StatusItems {
    type Output = StatusItems;
    fn bitor(self, rhs: StatusItems) -> StatusItems {
        StatusItems(self.0 | rhs.0)
    }
}
