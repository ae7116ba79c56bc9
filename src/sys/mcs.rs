//! OS calls: main memory (MCS): folders of named items in RAM, and the alpha variables.
//!
//! The table is `prizm_abi::mcs_calls!` (tools/prizm-abi/src/os_calls/mcs.rs).
use core::ffi::c_void;

prizm_abi::mcs_calls!(crate::os_calls);
