//! `use prizm::prelude::*;`: `embedded-graphics` (its prelude, primitives, text and
//! fonts), the OS's text (`print_xy`) and the app layer's types, for add-ins that draw
//! and read keys.

pub use crate::app::{FrameClock, KeyState, OsApp};
#[cfg(any(doc, prizm))]
pub use crate::app::{Input, Prizm};
pub use crate::display::{Rgb565, Sprite, StatusItems, TextMode};
#[cfg(any(doc, prizm))]
pub use crate::display::{
    Screen,
    os_text::{TextColor, print_xy},
};
pub use crate::keyboard::Key;
pub use crate::time::{Duration, Instant, TimeOfDay};
pub use embedded_graphics::mono_font::{MonoTextStyle, ascii as fonts};
pub use embedded_graphics::prelude::*;
pub use embedded_graphics::primitives::{
    Circle, Line, PrimitiveStyle, PrimitiveStyleBuilder, Rectangle, RoundedRectangle, Triangle,
};
pub use embedded_graphics::text::{Alignment, Baseline, Text};
