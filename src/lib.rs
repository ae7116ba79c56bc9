//! Write Casio Prizm (fx-CG10, fx-CG20, fx-CG50) add-ins in Rust.
//!
//! The crate is layered: [`sys`] holds the raw OS calls, the modules above it wrap them
//! safely, and [`rt`] is the start-up code the OS jumps to. Build add-ins with
//! `cargo prizm build`; on the PC (any other target) the pure-logic parts compile and
//! are tested as ordinary Rust.
#![no_std]
#![cfg_attr(prizm, feature(asm_experimental_arch))]

pub mod rt;
pub mod sys;
pub mod display;
pub mod keyboard;
pub mod heap;
pub mod time;
pub mod storage;
mod sync;

/// Declares the add-in's main function: `fn() -> i32`, or `fn()`; its value (0 when it
/// returns nothing) goes back to the OS.
///
/// ```ignore
/// #![no_std]
/// #![no_main]
/// prizm::entry!(main);
/// fn main() { /* ... */ }
/// ```
#[macro_export]
macro_rules! entry {
    ($main:path) => {
        #[doc(hidden)]
        #[unsafe(no_mangle)]
        pub extern "C" fn prizm_main() -> i32 {
            let code = $crate::rt::ExitCode::code($main());
            // Debug builds leave the memory high-water marks where an emulator reads
            // them (symbol `_prizm_usage`).
            #[cfg(debug_assertions)]
            $crate::rt::record_usage();
            code
        }
    };
}
