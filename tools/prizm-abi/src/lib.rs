//! The facts about the Casio fx-CG10/20/50 that the SDK (`prizm`), the emulator
//! (`prizm-emu`) and the examples share, each written once: the OS-call table
//! ([`os_calls`]), the keys and key-scan registers ([`keys`]), the memory map per model
//! family ([`memory`]), the RTC's tick ([`rtc`]), the screen's size, status area and text grid ([`screen`]), the
//! storage calls' error codes and limits ([`storage`]) and the layouts of the records the
//! SDK leaves for debuggers ([`records`]).
//!
//! `no_std`, no dependencies: it builds for the calculator and for the PC. The public
//! sources of every fact are in the repository's `docs/hardware.md` (the keys in
//! brackets, such as `[SL-map]`, are defined there).
#![cfg_attr(not(test), no_std)]

pub mod keys;
pub mod memory;
pub mod os_calls;
pub mod records;
pub mod rtc;
pub mod screen;
pub mod storage;
