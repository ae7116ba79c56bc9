//! OS calls: text output with the OS fonts, the cursor and multi-byte strings.
//!
//! The table is `prizm_abi::text_calls!` (tools/prizm-abi/src/os_calls/text.rs).
use core::ffi::c_void;

prizm_abi::text_calls!(crate::os_calls);
