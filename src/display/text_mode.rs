//! [`TextMode`]: how the OS's `PrintXY` draws text (pure).
use core::ops::BitOr;

/// Modes of [`print_xy`](super::os_text::print_xy), combined with `|`.
///
/// ```
/// use prizm::display::TextMode;
/// let m = TextMode::INVERT | TextMode::TRANSPARENT;
/// assert!(m.contains(TextMode::INVERT));
/// assert_eq!(m.bits(), 0x21);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct TextMode(i32);

impl TextMode {
    /// Foreground colour on white.
    pub const NORMAL: TextMode = TextMode(0);
    /// Foreground and background swapped (libfxcg's `TEXT_MODE_INVERT`, 0x01).
    pub const INVERT: TextMode = TextMode(0x01);
    /// Background left as it is (libfxcg's `TEXT_MODE_TRANSPARENT_BACKGROUND`, 0x20).
    pub const TRANSPARENT: TextMode = TextMode(0x20);

    /// The bits the OS takes.
    pub const fn bits(self) -> i32 {
        self.0
    }

    /// Whether every bit of `other` is set.
    pub const fn contains(self, other: TextMode) -> bool {
        self.0 & other.0 == other.0
    }
}

impl BitOr for TextMode {
    type Output = TextMode;
    fn bitor(self, rhs: TextMode) -> TextMode {
        TextMode(self.0 | rhs.0)
    }
}
