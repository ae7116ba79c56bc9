//! OS calls: message boxes, dialogs, progress and scroll bars.
//!
//! The table is `prizm_abi::dialog_calls!` (tools/prizm-abi/src/os_calls/dialog.rs).
use core::ffi::c_void;

/// The scroll bar of [`Scrollbar`] (libfxcg `struct scrollbar`).
#[repr(C)]
#[derive(Clone, Copy, Debug, Default)]
pub struct ScrollbarInfo {
    /// Unknown, set 0.
    pub i1: u32,
    /// Logical range of the indicator.
    pub indicator_maximum: u32,
    /// Height of the indicator, in logical units.
    pub indicator_height: u32,
    /// Position of the indicator, in logical units.
    pub indicator_pos: u32,
    /// Unknown, set 0.
    pub i5: u32,
    /// Left of the bar, pixels.
    pub bar_left: u16,
    /// Top of the bar, pixels.
    pub bar_top: u16,
    /// Height of the bar, pixels.
    pub bar_height: u16,
    /// Width of the bar, pixels.
    pub bar_width: u16,
}

prizm_abi::dialog_calls!(crate::os_calls);
