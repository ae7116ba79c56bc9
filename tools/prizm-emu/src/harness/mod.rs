//! The harness: what drives the machine and its OS from the outside. The [`Emulator`]
//! facade loads an add-in and runs it; key scripts play the keyboard; screenshots,
//! symbols and crash reports show the result; `compat` checks how far an add-in gets;
//! the GDB stub and the Linux runner are other ways to drive the same CPU. The command-line tool (`main.rs`) sits on top.

pub mod compat;
pub mod emulator;
pub mod gdb;
pub mod keys;
pub mod linux;
pub mod profile;
pub mod report;
pub mod screenshot;
pub mod symbols;
pub mod text;
#[cfg(feature = "window")]
pub mod window;

pub use emulator::{Emulator, LoadError, Options, OsCallRecord, Outcome, Status, addin_code};
