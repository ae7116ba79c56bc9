//! The smallest add-in: clears the screen, prints a greeting, waits for EXIT or MENU.
//!
//! Build and run it: `cargo prizm run --example hello -- --keys EXIT --screenshot hello.png`.
#![cfg_attr(not(test), no_std, no_main)]

prizm::entry!(mod addin);
