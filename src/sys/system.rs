//! OS calls: system settings, OS information, quit handler and undocumented calls.
//!
//! The table is `prizm_abi::system_calls!` (tools/prizm-abi/src/os_calls/system.rs).
use core::ffi::c_void;

prizm_abi::system_calls!(crate::os_calls);
