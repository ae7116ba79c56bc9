//! [`TextMode`]: how the OS's `PrintXY` draws text (pure).

bitflags::bitflags! {
    /// Modes of [`print_xy`](super::os_text::print_xy), combined with `|`.
    ///
    /// ```
    /// use prizm::display::TextMode;
    /// let m = TextMode::INVERT | TextMode::TRANSPARENT;
    /// assert!(m.contains(TextMode::INVERT));
    /// assert_eq!(m.bits(), 0x21);
    /// assert_eq!(format!("{m:?}"), "TextMode(INVERT | TRANSPARENT)");
    /// assert_eq!(TextMode::default(), TextMode::NORMAL);
    /// ```
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
    pub struct TextMode: i32 {
        /// Foreground and background swapped (libfxcg's `TEXT_MODE_INVERT`, 0x01).
        const INVERT = 0x01;
        /// Background left as it is (libfxcg's `TEXT_MODE_TRANSPARENT_BACKGROUND`, 0x20).
        const TRANSPARENT = 0x20;
    }
}

impl TextMode {
    /// Foreground colour on white (no flag set).
    pub const NORMAL: TextMode = TextMode::empty();
}
