//! The logic of `cargo prizm`, the cargo subcommand that builds Casio Prizm add-ins:
//! command-line parsing, add-in metadata, ELF to image conversion, packing, toolchain
//! checks. The binary (`src/main.rs`) only glues these together.

#![warn(missing_docs)]

pub mod args;
pub mod build;
pub mod calc_test;
pub mod date;
pub mod elf;
pub mod emulator;
pub mod error;
pub mod info;
pub mod metadata;
pub mod new;
pub mod pack;
pub mod profile;
pub mod sdk;
pub mod test_command;
pub mod toolchain;
pub mod workspace;

pub use error::{Error, Result};
