//! [`StatusItems`]: which items the OS's status area shows (pure).

bitflags::bitflags! {
    /// A set of status-area items, combined with `|`, for
    /// [`status::set_items`](super::status::set_items). Values: libfxcg's `SAF_*` flags
    /// (`include/fxcg/display.h`).
    ///
    /// ```
    /// use prizm::display::StatusItems;
    /// let items = StatusItems::BATTERY | StatusItems::TEXT;
    /// assert!(items.contains(StatusItems::TEXT));
    /// assert_eq!(items.bits(), 0x0101);
    /// assert_eq!(StatusItems::default(), StatusItems::NONE);
    /// ```
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
    pub struct StatusItems: u32 {
        /// Battery icon (`SAF_BATTERY`).
        const BATTERY = 0x0001;
        /// SHIFT/ALPHA indicator (`SAF_ALPHA_SHIFT`).
        const ALPHA_SHIFT = 0x0002;
        /// Input/output mode (`SAF_SETUP_INPUT_OUTPUT`).
        const INPUT_OUTPUT = 0x0004;
        /// Fraction result mode (`SAF_SETUP_FRAC_RESULT`).
        const FRAC_RESULT = 0x0008;
        /// Angle unit (`SAF_SETUP_ANGLE`).
        const ANGLE = 0x0010;
        /// Complex mode (`SAF_SETUP_COMPLEX_MODE`).
        const COMPLEX_MODE = 0x0020;
        /// Display format (`SAF_SETUP_DISPLAY`).
        const DISPLAY = 0x0040;
        /// The text set with [`status::set_text`](super::status::set_text) (`SAF_TEXT`).
        const TEXT = 0x0100;
        /// A glyph (`SAF_GLYPH`).
        const GLYPH = 0x0200;
    }
}

impl StatusItems {
    /// Nothing.
    pub const NONE: StatusItems = StatusItems::empty();
}
