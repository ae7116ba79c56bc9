//! Blocks: a falling-blocks game for the Casio Prizm. This library is its rules, pure
//! (no OS call), tested on the PC; the add-in (`src/main.rs`) reads keys,
//! feeds them to a [`Session`] once per frame, draws it and saves the high score.
//!
//! Modules, one idea each: [`piece`] (shapes and turns), [`board`] (the well),
//! [`rng`] (seeded randomness, the 7-bag), [`buttons`], [`score`] (points, levels,
//! speed), [`game`] (one game, stepped 128 times per second), [`session`] (title,
//! pause, game over, high score), [`save`] (the stored high score), [`layout`] (pixel
//! positions).
#![no_std]
#![warn(missing_docs)]

pub mod board;
pub mod buttons;
pub mod game;
pub mod layout;
pub mod piece;
pub mod rng;
pub mod save;
pub mod score;
pub mod session;

#[cfg(test)]
mod tests;

pub use buttons::Buttons;
pub use game::Game;
pub use piece::{Kind, Piece};
pub use session::{Mode, Session};
