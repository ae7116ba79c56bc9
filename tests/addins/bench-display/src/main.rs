//! The Rust side of the display benchmark (`tools/bench/BENCH.md`): the SDK's fast paths
//! for the operations of `tools/bench/bench.c`, each between two calls of RTC_GetTicks,
//! the marker `tests/emu_sdk_bench.rs` counts instructions between.
#![cfg_attr(not(test), no_std, no_main)]

prizm::entry!(mod addin);
