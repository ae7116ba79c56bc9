//! The app layer: one handle to the calculator and what a frame loop needs, in the
//! manner of agb's `Gba` or embassy's `Peripherals`.
//!
//! | item | what |
//! |---|---|
//! | [`Prizm`] | the handle, taken once: `screen`, `input`, `clock`, `storage`, `system`, `launch` |
//! | [`Input`] | the keyboard per frame: `update`, `is_pressed`, `just_pressed`, `just_released`, `repeat`; empties the OS's key queue; MENU to the OS when allowed |
//! | [`KeyState`] | the pure edge and repeat logic behind `Input` (tested on the PC) |
//! | [`FrameClock`] | paces a frame loop: target rate, measured rate, dropped frames |
//! | [`Clock`] | monotonic time, [`TimeOfDay`](crate::time::TimeOfDay), sleep |
//! | [`Storage`] | files and main-memory items, replaced safely |
//! | [`System`] | `power_off`, `hardware_id`, `open_app` ([`OsApp`]) |
//!
//! [`crate::prelude`] brings these in with `embedded-graphics`, and the
//! [`Screen`](crate::display::Screen) is a `DrawTarget`, so shapes and text draw with
//! `.draw(&mut p.screen)`.
//!
//! ```ignore
//! // src/main.rs: #![cfg_attr(not(test), no_std, no_main)] prizm::entry!(mod addin);
//! // src/addin.rs:
//! use prizm::prelude::*;
//!
//! pub fn main(mut p: Prizm) {
//!     let mut frames = FrameClock::new(30);
//!     let mut x = 0;
//!     loop {
//!         p.input.update(); // MENU goes to the OS's Main Menu
//!         if p.input.just_pressed(Key::Exit) {
//!             return;
//!         }
//!         if p.input.repeat(Key::Right) {
//!             x += 4;
//!         }
//!         p.screen.clear(Rgb565::WHITE).ok();
//!         Rectangle::new(Point::new(x, 100), Size::new(16, 16))
//!             .into_styled(PrimitiveStyle::with_fill(Rgb565::RED))
//!             .draw(&mut p.screen)
//!             .ok();
//!         p.screen.update();
//!         frames.wait(); // 30 frames per second; frames.fps(), frames.dropped()
//!     }
//! }
//! ```
//!
//! The handle's parts are calculator only; [`KeyState`], [`FrameClock`]'s arithmetic
//! and [`OsApp`] run on the PC too.

#[cfg(any(doc, prizm))]
mod clock;
mod frame_clock;
#[cfg(any(doc, prizm))]
mod handle;
#[cfg(any(doc, prizm))]
mod input;
mod keys;
mod os_app;
#[cfg(any(doc, prizm))]
mod storage;
#[cfg(any(doc, prizm))]
mod system;

#[cfg(any(doc, prizm))]
#[cfg_attr(doc, doc(cfg(prizm)))]
pub use clock::Clock;
pub use frame_clock::FrameClock;
#[cfg(any(doc, prizm))]
#[cfg_attr(doc, doc(cfg(prizm)))]
pub use handle::Prizm;
#[cfg(any(doc, prizm))]
#[cfg_attr(doc, doc(cfg(prizm)))]
pub use input::Input;
pub use keys::{KeyState, REPEAT_DELAY_MS, REPEAT_INTERVAL_MS};
pub use os_app::OsApp;
#[cfg(any(doc, prizm))]
#[cfg_attr(doc, doc(cfg(prizm)))]
pub use storage::Storage;
#[cfg(any(doc, prizm))]
#[cfg_attr(doc, doc(cfg(prizm)))]
pub use system::{HARDWARE_ID_LEN, System};
