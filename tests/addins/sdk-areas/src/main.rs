//! Test add-in for `tests/emu_sdk.rs`: the first key selects which SDK area to exercise.
//!
//! | key | area | how the test sees the result |
//! |---|---|---|
//! | 1 | display: fills, shapes, text, image, partial update | VRAM and the display |
//! | 2 | keyboard: GetKey codes until EXIT, then a polled key, then the key matrix | `\\fls0\keys.bin` |
//! | 3 | storage: files and folders, replace, delete, rename, find; MCS items | the storage folder, `\\fls0\storage.txt` |
//! | 4 | time: RTC ticks across a key wait and a sleep | `\\fls0\time.txt` |
//! | 5 | heap: allocate, free, statistics, a failed request | `\\fls0\heap.txt`, the screen |
//! | 6 | panic with a message | the panic screen |
//! | 7 | allocation failure (out of memory) | the panic screen |
//! | 8 | endless recursion: a stack overflow | the emulator's crash report |
//!
//! Modes 1-5 return 0 when every step worked; reports are `key=value` lines.
#![cfg_attr(not(test), no_std, no_main)]

prizm::on_calc! {
    extern crate alloc;
    mod scene;
}

prizm::entry!(mod addin);
