//! Write Casio Prizm (fx-CG10, fx-CG20, fx-CG50) add-ins in Rust.
//!
//! The crate is layered: [`sys`] holds the raw OS calls, the modules above it wrap them
//! safely, and [`rt`] is the start-up code the OS jumps to. Build add-ins with
//! `cargo prizm build`; on the PC (any other target) the pure-logic parts compile and
//! are tested as ordinary Rust.
//!
//! | layer | module | what |
//! |---|---|---|
//! | OS calls | [`sys`] | every OS call of libfxcg's list (but the OS heap and `APP_*`), one table line each |
//! | screen | [`display`] | `embedded-graphics` frame over VRAM, fast fills, OS fonts, status area, images |
//! | input | [`keyboard`] | `GetKey`, the key matrix, typed keys and key codes, key repeat |
//! | memory | [`heap`] | `#[global_allocator]` over a static arena, exact statistics; [`heapless`] |
//! | time | [`time`] | RTC ticks across midnight, monotonic `Instant`, sleep |
//! | files | [`storage`] | storage memory (Bfile) and main memory (MCS), safe `replace` |
//! | runtime | [`rt`] | start-up, panic screen, memory high-water record |
//! | maths | [`libm`] | `sin`, `sqrt`, ... in software |
//!
//! The SH4A of the Prizm has **no FPU**: `f32`/`f64` work (GCC's soft-float routines
//! from libgcc) but are slow; prefer integers or fixed point in hot loops. Use
//! [`libm`] for the functions `core` lacks (`libm::sinf`, `libm::sqrt`...).
#![no_std]
#![cfg_attr(prizm, feature(asm_experimental_arch))]
#![warn(missing_docs)]

pub mod rt;
pub mod sys;
pub mod display;
pub mod keyboard;
pub mod heap;
pub mod time;
pub mod storage;
mod sync;

pub use heapless;
pub use libm;

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
