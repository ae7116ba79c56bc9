//! OS calls: the OS's built-in apps, opened from an add-in (WikiPrizm, "Built-in Apps";
//! libfxcg `include/fxcg/app.h`). Most do not return: the app ends through `GetKey`'s
//! MENU, and the add-in's stack is left behind.
//!
//! The table is `prizm_abi::app_calls!` (tools/prizm-abi/src/os_calls/app.rs).
use core::ffi::c_void;

prizm_abi::app_calls!(crate::os_calls);
