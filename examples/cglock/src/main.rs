//! CGlock, the add-in: reads the stored records, drives [`cglock::Machine`] with RTC
//! ticks and key presses, and performs the effects it returns with the `prizm` SDK.
//!
//! Build and run it with `cargo prizm build --example cglock --release` and
//! `cargo prizm run --example cglock`. On the PC (`cargo build`, `cargo clippy`,
//! `cargo test --workspace`) `prizm::entry!` makes it a program that says so; the logic
//! is in the library and tested there.
#![cfg_attr(not(test), no_std, no_main)]

prizm::entry!(mod addin);
