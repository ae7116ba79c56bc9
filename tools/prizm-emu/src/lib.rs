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
//! Three layers, each importing only from the ones below it (see `ARCHITECTURE.md`):
//! - [`machine`]: the CPU, its code cache, the bus and its devices, per model;
//! - [`os`]: the OS calls, each working on a narrow [`os::Ctx`];
//! - [`harness`]: the [`Emulator`] facade, key scripts, screenshots, crash reports, the
//!   GDB stub, the Linux runner (and the command line on top).
//!
//! The same interpreter also runs static Linux/SH ELF programs ([`harness::linux`]) so that it
//! can be tested against `qemu-sh4eb`.

pub mod harness;
pub mod machine;
pub mod os;

pub use harness::{Emulator, LoadError, Options, Outcome, Status, addin_code};
pub use machine::Model;
