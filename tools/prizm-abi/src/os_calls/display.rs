//! OS calls: VRAM, the display driver ("DD") and drawing primitives.

/// The display area's table lines, handed to `$callback!` (see [`crate::os_calls`]).
#[macro_export]
macro_rules! display_calls {
    ($($callback:ident)::+) => {
        $($callback)::+! {
            source "libfxcg `include/fxcg/display.h` and `libfxcg/syscalls/*.S` ([LFX-disp], [LFX-S])";
            0x0272 "Fills VRAM with white." fn Bdisp_AllClr_VRAM();
            0x0272 "Old libfxcg spelling of [`Bdisp_AllClr_VRAM`]." fn Bdisp_AllCr_VRAM();
            0x02B2 "Clears a rectangle of VRAM (`target` 1 = VRAM) to `color`." fn Bdisp_AreaClr(area: *const DisplayFill, target: u8, color: u16);
            0x01B6 "Clears an area of the display directly (parameter layout unknown)." fn Bdisp_AreaClr_DD_x3(p1: *mut c_void);
            0x01A2 "Selects a register of the display controller." fn Bdisp_DDRegisterSelect(register: i32);
            0x01A3 "Sets the display controller's transfer window." fn Bdisp_DefineDMARange(x1: i32, x2: i32, y1: i32, y2: i32);
            0x01A6 "Writes bit 7 of display register 3." fn Bdisp_WriteDDRegister3_bit7(value: i32) -> u16;
            0x0921 "0: 8-colour mode, 1: full 16-bit colour." fn Bdisp_EnableColor(n: i32);
            0x0921 "Alias of [`Bdisp_EnableColor`]." fn EnableColor(n: i32);
            0x0275 "Fills VRAM with one of the OS's colours." fn Bdisp_Fill_VRAM(color: i32, mode: i32);
            0x0925 "Filled rectangle in an indexed colour." fn Bdisp_FilledRectangle(x1: i32, y1: i32, x2: i32, y2: i32, color: u8);
            0x0926 "Filled rectangle in an RGB565 colour." fn Bdisp_FilledRectangleFullColor(x1: i32, y1: i32, x2: i32, y2: i32, color: u16);
            0x0924 "Rectangle outline in an indexed colour." fn Bdisp_Rectangle(x1: i32, y1: i32, x2: i32, y2: i32, color: u8);
            0x026F "Reads a pixel from the display." fn Bdisp_GetPoint_DD(x: i32, y: i32) -> u16;
            0x026E "Reads a pixel from the display (workbench coordinates)." fn Bdisp_GetPoint_DD_Workbench(x: i32, y: i32) -> u16;
            0x0267 "Reads a pixel of VRAM." fn Bdisp_GetPoint_VRAM(x: i32, y: i32) -> u16;
            0x025F "Copies the whole VRAM to the display." fn Bdisp_PutDisp_DD();
            0x0260 "Copies rows `y1..=y2` of VRAM to the display." fn Bdisp_PutDisp_DD_stripe(y1: i32, y2: i32);
            0x0262 "Sets a VRAM pixel (workbench coordinates)." fn Bdisp_SetPointWB_VRAM(x: i32, y: i32, color: i32);
            0x026B "Sets a pixel of the display directly." fn Bdisp_SetPoint_DD(x: i32, y: i32, color: i32);
            0x0263 "Sets a pixel of VRAM." fn Bdisp_SetPoint_VRAM(x: i32, y: i32, color: i32);
            0x01C7 "Draws a shape (line, rectangle...) described by `shape`." fn Bdisp_ShapeBase(work: *mut u8, shape: *mut DisplayShape, color: i32, line_width: i32, zero1: i32, zero2: i32);
            0x01BE "Draws a shape to VRAM at triple size (layout unknown)." fn Bdisp_ShapeBase3XVRAM(shape: *mut c_void);
            0x01C0 "Draws a shape to the display." fn Bdisp_ShapeToDD(shape: *mut c_void, color: i32);
            0x01C4 "Draws a shape to VRAM in one of 16 colours." fn Bdisp_ShapeToVRAM16C(shape: *mut c_void, color: i32);
            0x0291 "Blits a bitmap to the display (workbench coordinates)." fn Bdisp_WriteGraphDD_WB(gd: *const DisplayGraph);
            0x0290 "Blits a bitmap to VRAM." fn Bdisp_WriteGraphVRAM(gd: *const DisplayGraph);
            0x028F "Blits a bitmap to VRAM (workbench coordinates)." fn Bdisp_WriteGraphVRAM_WB(gd: *const DisplayGraph);
            0x02AA "Filled rectangle straight to the display." fn DirectDrawRectangle(x1: i32, y1: i32, x2: i32, y2: i32, color: u16);
            0x02A8 "Paints the border around the 384x216 area." fn DrawFrame(color: i32);
            0x0923 "Draws a frame (parameters unnamed in libfxcg)." fn DrawFrameWorkbench(p1: i32, p2: i32, p3: i32, p4: i32, p5: i32);
            0x02A3 "Reads (mode 0) or sets (mode 1) the border colour." fn FrameColor(mode: i32, color: u16) -> u16;
            0x01E6 "Address of VRAM (384x216 RGB565); differs between models." fn GetVRAMAddress() -> *mut c_void;
            0x1E50 "Address of the buffer used by [`SaveVRAM_1`]/[`LoadVRAM_1`]." fn GetSecondaryVRAMAddress() -> *mut c_void;
            0x02C7 "Advances the busy indicator." fn HourGlass();
            0x1E62 "Saves VRAM to the secondary buffer." fn SaveVRAM_1();
            0x1E63 "Restores VRAM from the secondary buffer." fn LoadVRAM_1();
            0x0938 "Moves a VRAM rectangle to/from `buffer` (`direction` selects)." fn MsgBoxMoveWB(buffer: *mut c_void, x0: i32, y0: i32, x1: i32, y1: i32, direction: i32);
            0x1EF8 "Selects the OS background picture." fn SetBackGround(n: i32);
            0x1EF7 "Draws a background picture (parameters partly unknown)." fn WriteBackground(target: *mut c_void, width: i32, height: i32, source: *mut c_void, p5: i32, p6: i32, p7: i32);
        }
    };
}
