//! OS calls: the status area at the top of the screen and the function-key bar.
//!
//! The table is `prizm_abi::status_calls!` (tools/prizm-abi/src/os_calls/status.rs).
use core::ffi::c_void;

prizm_abi::status_calls!(crate::os_calls);
