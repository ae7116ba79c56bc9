//! OS calls: the real-time clock, delays and timers.
//!
//! The table is `prizm_abi::time_calls!` (tools/prizm-abi/src/os_calls/time.rs).

prizm_abi::time_calls!(crate::os_calls);
