//! CGlock, the add-in: reads the stored records, drives [`cglock::Machine`] with RTC
//! ticks and key presses, and performs the effects it returns with the `prizm` SDK.
//!
//! Build and run it with `cargo prizm build --example cglock --release` and
//! `cargo prizm run --example cglock`. On the PC (`cargo build`, `cargo clippy`,
//! `cargo test --workspace`) this file compiles to a stub that says so; the logic is
//! in the library and tested there.
#![cfg_attr(target_vendor = "casio", no_std, no_main)]

#[cfg(target_vendor = "casio")]
mod addin;

#[cfg(target_vendor = "casio")]
prizm::entry!(addin::main);

#[cfg(not(target_vendor = "casio"))]
fn main() {
    eprintln!(
        "CGlock is a calculator add-in: build it with `cargo prizm build --example cglock \
         --release` and run it in the emulator with `cargo prizm run --example cglock`."
    );
    std::process::exit(2);
}
