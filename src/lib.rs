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
// The docs link to calculator-only items, which exist only in the calculator build.
#![cfg_attr(not(prizm), allow(rustdoc::broken_intra_doc_links))]

pub mod display;
pub mod heap;
pub mod keyboard;
pub mod rt;
pub mod storage;
mod sync;
pub mod sys;
pub mod time;

pub use heapless;
pub use libm;

/// Declares the add-in's main function: `fn() -> i32`, or `fn()`; its value (0 when it
/// returns nothing) goes back to the OS.
///
/// On the PC (`cargo check`, `cargo clippy`, `cargo test --workspace`), where the
/// calculator-only parts of this crate do not exist, it declares instead a `main` that
/// says the program is an add-in and exits with status 2; keep the add-in's code in a
/// module compiled for the calculator only:
///
/// ```ignore
/// // src/main.rs
/// #![cfg_attr(target_vendor = "casio", no_std, no_main)]
/// #[cfg(target_vendor = "casio")]
/// mod addin; // src/addin.rs: `pub fn main() { /* ... */ }`
/// prizm::entry!(addin::main);
/// ```
///
/// and tell rustc about the calculator's vendor in `Cargo.toml`:
///
/// ```toml
/// [lints.rust]
/// unexpected_cfgs = { level = "warn", check-cfg = ['cfg(target_vendor, values("casio"))'] }
/// ```
#[macro_export]
macro_rules! entry {
    ($main:path) => {
        #[cfg(target_vendor = "casio")]
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

        #[cfg(not(target_vendor = "casio"))]
        fn main() {
            ::std::eprintln!(
                "{} is a Casio Prizm add-in: build it with `cargo prizm build`, run it in \
                 the emulator with `cargo prizm run`",
                ::core::env!("CARGO_BIN_NAME"),
            );
            ::std::process::exit(2);
        }
    };
}
