#![warn(missing_docs)]
#![feature(explicit_tail_calls)]
#![allow(incomplete_features)]
//! A headless Casio Prizm (fx-CG10/20/50) emulator.
//!
//! It interprets the SH-4A (SH7305, no FPU) code of a `.g3a` add-in, maps the memory an
//! add-in sees (image, add-in RAM, VRAM, on-chip RAM, a few devices), and implements the
//! OS calls (display, keyboard, time, storage, main memory, system) in Rust. A key
//! script feeds the keyboard; screenshots come out as PNG.
//!
//! The same interpreter also runs static Linux/SH ELF programs ([`linux`]) so that it
//! can be tested against `qemu-sh4eb`.

pub mod cpu;
pub mod emulator;
pub mod gdb;
pub mod io;
pub mod keys;
pub mod linux;
pub mod mem;
pub mod model;
pub mod os;
pub mod report;
pub mod screenshot;
pub mod symbols;

pub use emulator::{Emulator, LoadError, Options, Outcome, Status, addin_code};
pub use model::Model;
