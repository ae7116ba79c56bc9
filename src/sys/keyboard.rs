//! OS calls: key input and key flags.
//!
//! The table is `prizm_abi::keyboard_calls!` (tools/prizm-abi/src/os_calls/keyboard.rs).

prizm_abi::keyboard_calls!(crate::os_calls);
