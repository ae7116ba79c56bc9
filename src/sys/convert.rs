//! OS calls: number and string conversions, string helpers.
//!
//! The table is `prizm_abi::convert_calls!` (tools/prizm-abi/src/os_calls/convert.rs).
use core::ffi::c_void;

prizm_abi::convert_calls!(crate::os_calls);
