//! Write Casio Prizm (fx-CG10, fx-CG20, fx-CG50) add-ins in Rust.
//!
//! The crate is layered: [`sys`] holds the raw OS calls, the modules above it wrap them
//! safely, and [`rt`] is the start-up code the OS jumps to. Build add-ins with
//! `cargo prizm build`; on the PC (any other target) the pure-logic parts compile and
//! are tested as ordinary Rust.
//!
//! | layer | module | what |
//! |---|---|---|
//! | OS calls | [`sys`] | every OS call of libfxcg's list (but the OS heap), one table line each |
//! | screen | [`display`] | `embedded-graphics` frame over VRAM, fast fills, OS fonts, status area, images |
//! | input | [`keyboard`] | `GetKey`, the key matrix, typed keys and key codes, key repeat |
//! | memory | [`heap`](mod@heap) | `#[global_allocator]` over a static arena, exact statistics; [`heapless`] |
//! | time | [`time`] | RTC ticks across midnight, monotonic `Instant`, sleep |
//! | files | [`storage`] | storage memory (Bfile) and main memory (MCS), safe `replace` |
//! | runtime | [`rt`] | start-up, panic screen, memory high-water record |
//! | app | [`app`], [`prelude`] | one handle ([`app::Prizm`]): per-frame input with edges and repeat, a frame clock, power, hardware ID, opening OS apps; `embedded-graphics` re-exported |
//! | maths | [`libm`] | `sin`, `sqrt`, ... in software |
//!
//! The SH4A of the Prizm has **no FPU**: `f32`/`f64` work (GCC's soft-float routines
//! from libgcc) but are slow; prefer integers or fixed point in hot loops. Use
//! [`libm`] for the functions `core` lacks (`libm::sinf`, `libm::sqrt`...).
#![no_std]
#![cfg_attr(prizm, feature(asm_experimental_arch))]
// The docs show the calculator-only items too, marked "Available on prizm only".
#![cfg_attr(doc, feature(doc_cfg))]
#![warn(missing_docs)]

pub mod app;
pub mod callback;
pub mod display;
pub mod heap;
pub mod keyboard;
pub mod prelude;
pub mod rt;
pub mod storage;
mod sync;
pub mod sys;
pub mod test;
pub mod time;

pub use embedded_graphics;
pub use heapless;
pub use libm;
/// The calculator's machine facts the SDK is built on (OS-call table, keys, memory map,
/// record layouts), shared with the emulator: see the `prizm-abi` crate.
pub use prizm_abi as abi;
/// The compile-time asset macros behind [`include_image!`] and [`include_font!`].
#[doc(hidden)]
pub use prizm_macros as __macros;

/// Declares the add-in's main function: `fn() -> i32`, or `fn()`, or either taking the
/// [`rt::Launch`] arguments the OS started the add-in with, or the handle
/// [`app::Prizm`]; its value (0 when it returns nothing) goes back to the OS.
///
/// `prizm::entry!(mod addin)` also declares the module `addin` (`src/addin.rs`) for the
/// calculator only and uses its `main`: the add-in's `src/main.rs` is then
///
/// ```ignore
/// #![cfg_attr(not(test), no_std, no_main)]
///
/// prizm::entry!(mod addin); // src/addin.rs: `pub fn main() { /* ... */ }`
/// ```
///
/// On the PC (`cargo check`, `cargo clippy`, `cargo test`), where the calculator-only
/// parts of this crate do not exist, the add-in's module is left out and the program
/// only says that it is an add-in (exit status 2). No `cfg` appears in the add-in: the
/// macro is defined once for the calculator and once for the PC (see [`on_calc!`]).
#[cfg(any(doc, prizm))]
// The PC has its own build of it: not calculator-only.
#[cfg_attr(doc, doc(auto_cfg = false))]
#[macro_export]
macro_rules! entry {
    (mod $module:ident) => {
        mod $module;
        $crate::entry!($module::main);
    };
    ($main:path) => {
        #[doc(hidden)]
        #[unsafe(no_mangle)]
        pub extern "C" fn prizm_main() -> i32 {
            let code = $crate::rt::AddinMain::run($main, $crate::rt::launch());
            // Debug builds leave the memory high-water marks where an emulator reads
            // them (symbol `_prizm_usage`).
            #[cfg(debug_assertions)]
            $crate::rt::record_usage();
            code
        }
    };
}

/// Declares the add-in's main function (see the calculator build of this macro); on the
/// PC, a program that says it is an add-in.
#[cfg(not(any(doc, prizm)))]
#[macro_export]
macro_rules! entry {
    (mod $module:ident) => {
        $crate::entry!(@pc);
    };
    (@pc) => {
        #[cfg(not(test))]
        extern crate std;

        #[cfg(not(test))]
        #[doc(hidden)]
        #[unsafe(no_mangle)]
        pub extern "C" fn main(_argc: i32, _argv: *const *const u8) -> i32 {
            std::eprintln!(
                "{} is a Casio Prizm add-in: build it with `cargo prizm build`, run it in \
                 the emulator with `cargo prizm run`",
                ::core::env!("CARGO_BIN_NAME"),
            );
            2
        }
    };
    ($main:path) => {
        $crate::entry!(@pc);
    };
}

/// Keeps items on the calculator only: `prizm::on_calc! { mod draw; use ...; }`. On the
/// PC the items are left out. It is the add-ins' spelling of the SDK's `cfg(prizm)`
/// (which `cargo prizm` sets for every crate it builds for the calculator), so that an
/// add-in needs no `cfg` of its own and no `[lints]` entry for it.
#[cfg(any(doc, prizm))]
// The PC has its own build of it: not calculator-only.
#[cfg_attr(doc, doc(auto_cfg = false))]
#[macro_export]
macro_rules! on_calc {
    ($($item:item)*) => {
        $($item)*
    };
}

/// Keeps items on the calculator only (see the calculator build of this macro): on the
/// PC the items are left out.
#[cfg(not(any(doc, prizm)))]
#[macro_export]
macro_rules! on_calc {
    ($($item:item)*) => {};
}
