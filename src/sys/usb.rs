//! OS calls: raw USB communication.
//!
//! The table is `prizm_abi::usb_calls!` (tools/prizm-abi/src/os_calls/usb.rs).

prizm_abi::usb_calls!(crate::os_calls);
