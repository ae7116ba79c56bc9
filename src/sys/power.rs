//! OS calls: power, battery and backlight.
//!
//! The table is `prizm_abi::power_calls!` (tools/prizm-abi/src/os_calls/power.rs).

prizm_abi::power_calls!(crate::os_calls);
