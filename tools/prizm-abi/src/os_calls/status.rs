//! OS calls: the status area at the top of the screen and the function-key bar.

/// The status area's table lines, handed to `$callback!` (see [`crate::os_calls`]).
#[macro_export]
macro_rules! status_calls {
    ($($callback:ident)::+) => {
        $($callback)::+! {
            source "libfxcg `include/fxcg/display.h` and `libfxcg/syscalls/*.S` ([LFX-disp], [LFX-S])";
            0x02B8 "Sets the status area flags (mode 0: clear, 1: default, 3: set `flags`)." fn DefineStatusAreaFlags(mode: i32, flags: i32, color1: *mut c_void, color2: *mut c_void) -> i32;
            0x02B8 "Alias of [`DefineStatusAreaFlags`]." fn EnableStatusLine2(mode: i32, flags: i32, color1: *mut c_void, color2: *mut c_void) -> i32;
            0x1D7B "Defines a glyph shown in the status area." fn DefineStatusGlyph(n: i32, glyph: *mut c_void);
            0x1D77 "Sets the status area's text." fn DefineStatusMessage(msg: *const u8, p2: i16, p3: u8, p4: u8);
            0x1D81 "Draws the status area into VRAM." fn DisplayStatusArea();
            0x1D81 "Alias of [`DisplayStatusArea`]." fn DisplayHeader();
            0x02BB "Draws the line under the status area." fn DrawHeaderLine();
            0x02B7 "0: status area shown by GetKey, 3: hidden." fn EnableStatusArea(mode: i32);
            0x02B7 "Alias of [`EnableStatusArea`]." fn EnableStatusLine(mode: i32);
            0x1D86 "Fills the status area background." fn Bdisp_HeaderFill(color_idx1: u8, color_idx2: u8);
            0x1D87 "Fills the status area background (extended)." fn Bdisp_HeaderFill2(p1: u32, p2: u32, color_idx1: u8, color_idx2: u8);
            0x1D82 "Draws the status area text." fn Bdisp_HeaderText();
            0x1D85 "Draws the status area text (variant)." fn Bdisp_HeaderText2();
            0x1D7F "Enables the header (parameters unnamed)." fn EnableDisplayHeader(p1: i32, p2: i32);
            0x0A8B "Draws the setup-mode icon (undocumented)." fn SetupMode_StatusIcon();
            0x1D8E "Draws the d/c icon." fn d_c_Icon(p: u32);
            0x1D89 "Draws the battery icon." fn BatteryIcon(p: u32);
            0x1D8A "Draws the keyboard-state icon." fn KeyboardIcon(p: u32);
            0x1D8F "Draws the line icon." fn LineIcon(p: u32);
            0x1D8D "Draws the Norm icon." fn NormIcon(p: u32);
            0x1D8B "Draws the angle-unit icon." fn RadIcon(p: u32);
            0x1D8C "Draws the Real/complex icon." fn RealIcon(p: u32);
            0x0131 "Draws a function-key label bitmap at position `n`." fn FKey_Display(n: i32, bitmap: *mut c_void);
            0x12F3 "Gets the bitmap of OS function-key label `id`." fn GetFKeyPtr(id: i32, bitmap: *mut c_void);
            0x012B "Sets the function-key labels (first variant)." fn Set_FKeys1(p1: u32, p2: *mut u32);
            0x0129 "Sets the function-key labels (second variant)." fn Set_FKeys2(p1: u32);
        }
    };
}
