//! Blocks, the add-in: a falling-blocks game. The rules are the library (`blocks`,
//! tested on the PC); this reads the keys, draws the frames and keeps the high score.
//!
//! Build and run it with `cargo prizm build --example blocks --release` and
//! `cargo prizm run --example blocks`.
#![cfg_attr(not(test), no_std, no_main)]

prizm::entry!(mod addin);
