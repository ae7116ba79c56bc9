//! The smallest add-in: clears the screen, prints a greeting, waits for EXIT or MENU.
//!
//! Build and run it: `cargo prizm run --example hello -- --keys EXIT --screenshot hello.png`.
#![cfg_attr(target_vendor = "casio", no_std, no_main)]

#[cfg(target_vendor = "casio")]
mod addin;

prizm::entry!(addin::main);
