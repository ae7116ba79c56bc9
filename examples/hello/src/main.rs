//! The smallest add-in: prints a greeting until EXIT (MENU opens the Main Menu).
//!
//! Build and run it: `cargo prizm run --example hello -- --keys EXIT --screenshot hello.png`.
#![cfg_attr(not(test), no_std, no_main)]

prizm::entry!(mod addin);
