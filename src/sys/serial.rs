//! OS calls: the 3-pin serial port and the calculator-to-calculator link protocol.
//!
//! The table is `prizm_abi::serial_calls!` (tools/prizm-abi/src/os_calls/serial.rs).
use core::ffi::c_void;

prizm_abi::serial_calls!(crate::os_calls);
