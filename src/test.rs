//! On-calculator tests: test functions compiled for the calculator and run, one per
//! emulator run, by `cargo prizm test`.
//!
//! A test target with `harness = false` in the add-in's `Cargo.toml` holds them:
//!
//! ```toml
//! [[test]]
//! name = "calc"      # tests/calc.rs
//! harness = false
//! ```
//!
//! ```ignore
//! // tests/calc.rs
//! #![no_std]
//! #![no_main]
//!
//! prizm::tests! {
//!     fn adds() {
//!         assert_eq!(2 + 2, 4);
//!     }
//! }
//! ```
//!
//! How `cargo prizm test` runs them: the binary holds the test names (symbol
//! `prizm_test_names`, one per line) and a selector word in its image
//! (`prizm_test_select`); for each test it writes the test's index into the selector,
//! starts the binary in prizm-emu, and reads the outcome: returning to the OS is a pass,
//! a panic (message and place from the SDK's panic record) or a crash a failure. On the
//! PC, the target's `main` only says how to run them.

/// The selector's value when no test is selected: the program runs none and returns 1.
pub const NONE: u32 = u32::MAX;

/// The bytes of `names` as an array (for the `prizm_test_names` symbol).
pub const fn name_bytes<const N: usize>(names: &str) -> [u8; N] {
    let b = names.as_bytes();
    let mut out = [0u8; N];
    let mut i = 0;
    while i < N && i < b.len() {
        out[i] = b[i];
        i += 1;
    }
    out
}

/// Runs the test `selector` names (the `prizm_test_select` word, read as memory so that
/// the host can change it in the image): 0 when it returns, 1 when none is selected.
pub fn run(selector: &u32, tests: &[fn()]) -> i32 {
    // SAFETY: `selector` is a valid, aligned reference; the volatile read keeps the
    // compiler from using the value it was initialised with.
    let index = unsafe { core::ptr::read_volatile(selector) };
    match tests.get(index as usize) {
        Some(test) => {
            test();
            0
        }
        None => 1,
    }
}

/// Declares on-calculator tests: `fn NAME() { ... }` items, each run alone by
/// `cargo prizm test` in prizm-emu (see [the module](crate::test)).
///
/// It also declares the target's entry point, so the file holds only `#![no_std]`,
/// `#![no_main]` and this macro (and whatever the tests use, e.g. `prizm::heap!`). On
/// the PC the tests are not compiled; the program says how to run them.
#[cfg(any(doc, prizm))]
// The PC has its own build of it: not calculator-only.
#[cfg_attr(doc, doc(auto_cfg = false))]
#[macro_export]
macro_rules! tests {
    ($($(#[$meta:meta])* fn $name:ident() $body:block)*) => {
        $($(#[$meta])* fn $name() $body)*

        const __PRIZM_TEST_NAMES: &str = ::core::concat!($(::core::stringify!($name), "\n"),*);

        #[doc(hidden)]
        #[allow(non_upper_case_globals)]
        #[unsafe(no_mangle)]
        #[used]
        static prizm_test_names: [u8; __PRIZM_TEST_NAMES.len()] =
            $crate::test::name_bytes(__PRIZM_TEST_NAMES);

        #[doc(hidden)]
        #[allow(non_upper_case_globals)]
        #[unsafe(no_mangle)]
        #[used]
        static prizm_test_select: u32 = $crate::test::NONE;

        #[doc(hidden)]
        #[unsafe(no_mangle)]
        pub extern "C" fn prizm_main() -> i32 {
            $crate::test::run(&prizm_test_select, &[$($name as fn()),*])
        }
    };
}

/// Declares on-calculator tests (see the calculator build of this macro): on the PC the
/// tests are not compiled, and the program says how to run them.
#[cfg(not(any(doc, prizm)))]
#[macro_export]
macro_rules! tests {
    ($($(#[$meta:meta])* fn $name:ident() $body:block)*) => {
        extern crate std;

        #[doc(hidden)]
        #[unsafe(no_mangle)]
        pub extern "C" fn main(_argc: i32, _argv: *const *const u8) -> i32 {
            let names: &[&str] = &[$(::core::stringify!($name)),*];
            std::println!(
                "{} on-calculator tests: `cargo prizm test` runs them in the emulator",
                names.len(),
            );
            0
        }
    };
}

#[cfg(test)]
mod tests {
    #[test]
    fn names_become_bytes() {
        assert_eq!(super::name_bytes::<4>("a\nb\n"), *b"a\nb\n");
    }

    #[test]
    fn runs_the_selected_test_only() {
        fn pass() {}
        fn fail() {
            panic!("not selected")
        }
        assert_eq!(super::run(&0, &[pass, fail]), 0);
        assert_eq!(super::run(&super::NONE, &[fail]), 1);
        assert_eq!(super::run(&2, &[fail, fail]), 1);
    }
}
