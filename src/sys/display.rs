//! OS calls: VRAM, the display driver ("DD") and drawing primitives.
//!
//! The table is `prizm_abi::display_calls!` (tools/prizm-abi/src/os_calls/display.rs).
use core::ffi::c_void;

/// A rectangle for [`Bdisp_AreaClr`] (libfxcg `struct display_fill`).
#[repr(C)]
#[derive(Clone, Copy, Debug, Default)]
pub struct DisplayFill {
    /// Left column.
    pub x1: i32,
    /// Top row.
    pub y1: i32,
    /// Right column (inclusive).
    pub x2: i32,
    /// Bottom row (inclusive).
    pub y2: i32,
    /// Fill mode.
    pub mode: u8,
}

/// A bitmap blit for [`Bdisp_WriteGraphVRAM`] (libfxcg `struct display_graph`).
#[repr(C)]
#[derive(Clone, Copy, Debug, Default)]
#[allow(missing_docs)]
pub struct DisplayGraph {
    pub x: i32,
    pub y: i32,
    pub xofs: i32,
    pub yofs: i32,
    pub width: i32,
    pub height: i32,
    pub colormode: u8,
    pub zero4: u8,
    pub p20_1: u8,
    pub p20_2: u8,
    pub bitmap: i32,
    pub color_idx1: u8,
    pub color_idx2: u8,
    pub color_idx3: u8,
    pub p20_3: u8,
    pub writemodify: u8,
    pub writekind: u8,
    pub zero6: u8,
    pub one1: u8,
    pub transparency: i32,
}

/// A shape for [`Bdisp_ShapeBase`] (libfxcg `struct display_shape`).
#[repr(C)]
#[derive(Clone, Copy, Debug, Default)]
#[allow(missing_docs)]
pub struct DisplayShape {
    pub dx: i32,
    pub dy: i32,
    pub wx: i32,
    pub wy: i32,
    pub color: i32,
    pub saved: DisplayFill,
}

prizm_abi::display_calls!(crate::os_calls);
