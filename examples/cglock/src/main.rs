//! CGlock, the add-in: reads the stored records, drives [`cglock::Machine`] with RTC
//! ticks and key presses, and performs the effects it returns with the `prizm` SDK.
//!
//! Build and run it with `cargo prizm build --example cglock --release` and
//! `cargo prizm run --example cglock`. On the PC (`cargo build`, `cargo clippy`,
//! `cargo test --workspace`) `prizm::entry!` makes it a program that says so; the logic
//! is in the library and tested there.
#![cfg_attr(target_vendor = "casio", no_std, no_main)]

#[cfg(target_vendor = "casio")]
mod addin;

prizm::entry!(addin::main);
