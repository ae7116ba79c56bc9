//! CGlock logic: a PIN lock for the Casio Prizm as a pure state machine, no OS calls.
//!
//! The add-in (`src/main.rs`) reads the stored records, feeds [`Event`]s into a
//! [`Machine`] and performs the [`Effect`]s it returns (draw a [`Screen`], persist a
//! record, power off, disable MENU, ...). Everything here runs on the PC too and is
//! tested there.
//!
//! Modules, one idea each: [`key`], [`event`], [`effect`], [`state`], [`machine`] (the
//! transitions), [`screen`] and [`layout`] (what to show), [`record`] and [`load`]
//! (what is stored and how the two copies are reconciled), [`hash`] (SHA-256 and the
//! code hash), [`secret`] (wiped buffers), [`delay`] (ticks and lock-out delays),
//! [`crc`], [`text`]; [`keymap`] maps the calculator's physical keys to [`Key`].
#![no_std]
#![warn(missing_docs)]

pub mod crc;
pub mod delay;
pub mod effect;
pub mod event;
pub mod hash;
pub mod key;
pub mod keymap;
pub mod layout;
pub mod load;
pub mod machine;
pub mod record;
pub mod screen;
pub mod secret;
pub mod state;
pub mod text;

#[cfg(test)]
extern crate std;
#[cfg(test)]
mod tests;

pub use effect::{Effect, Effects};
pub use event::Event;
pub use key::Key;
pub use machine::Machine;
pub use record::{App, Options, Record, RecordError};
pub use screen::Screen;
pub use state::State;
