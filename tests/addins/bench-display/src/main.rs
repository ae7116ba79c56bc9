//! The Rust side of the display benchmark (`tools/bench/BENCH.md`): the SDK's fast paths
//! for the operations of `tools/bench/bench.c`, each between two calls of RTC_GetTicks,
//! the marker `tests/emu_sdk_bench.rs` counts instructions between.
#![cfg_attr(target_vendor = "casio", no_std, no_main)]

#[cfg(target_vendor = "casio")]
mod addin;

prizm::entry!(addin::main);
