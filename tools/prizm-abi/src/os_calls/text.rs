//! OS calls: text output with the OS fonts, the cursor and multi-byte strings.

/// The text area's table lines, handed to `$callback!` (see [`crate::os_calls`]).
#[macro_export]
macro_rules! text_calls {
    ($($callback:ident)::+) => {
        $($callback)::+! {
            source "libfxcg `include/fxcg/display.h` and `libfxcg/syscalls/*.S` ([LFX-disp], [LFX-S])";
            0x18F9 "Prints at text cell (x, y) (1-based, 21x8 cells of 18x24 px); the first 2 bytes of `s` are skipped." fn PrintXY(x: i32, y: i32, s: *const u8, mode: i32, color: i32);
            0x18EC "Prints OS message `msgno` at a text cell." fn PrintXY_2(mode: i32, x: i32, y: i32, msgno: i32, color: i32);
            0x0239 "Prints with the large font at pixel (x, y) with full colours." fn PrintCXY(x: i32, y: i32, s: *const u8, mode: i32, p5: i32, color: i32, back_color: i32, p8: i32, p9: i32);
            0x0238 "Prints one glyph of the large font." fn PrintGlyph(x: i32, y: i32, glyph: *const u8, mode: i32, color: i32, back_color: i32, p7: i32);
            0x01E9 "Address of a glyph of the small font." fn GetMiniGlyphPtr(mb_glyph_no: u16, glyph_info: *mut u16) -> *mut c_void;
            0x023B "Prints one glyph of the small font." fn PrintMiniGlyph(x: i32, y: i32, glyph: *const c_void, mode_flags: i32, glyph_width: i32, p6: i32, p7: i32, p8: i32, p9: i32, color: i32, back_color: i32, p12: i32);
            0x023C "Prints with the small font at pixel (*x, *y); advances *x. `y` is offset by the 24 px status area." fn PrintMini(x: *mut i32, y: *mut i32, s: *const u8, mode_flags: i32, xlimit: u32, p6: i32, p7: i32, color: i32, back_color: i32, writeflag: i32, p11: i32);
            0x021B "Prints with the tiny font." fn PrintMiniMini(x: *mut i32, y: *mut i32, s: *const u8, mode1: i32, color: u8, mode2: i32);
            0x01F9 "Prints at the cursor set by [`locate_OS`]." fn Print_OS(msg: *const u8, mode: i32, zero2: i32);
            0x1883 "Prints at the cursor, at most `imax` cells." fn PrintLine(msg: *const u8, imax: i32);
            0x1865 "Prints a line (parameters partly unknown)." fn PrintLine2(p1: i32, p2: i32, s: *const u8, p4: i32, p5: i32, p6: i32, p7: i32, p8: i32);
            0x1863 "Moves the text cursor to cell (x, y)." fn locate_OS(x: i32, y: i32);
            0x1906 "Prints OS message `msgno` at pixel (x, y)." fn Bdisp_WriteSystemMessage(x: i32, y: i32, msgno: i32, mode: i32, color3: u8);
            0x0D09 "Prints a multi-byte string with the small font." fn Bdisp_MMPrint(x: i32, y: i32, s: *const u8, mode: i32, xmax: i32, p6: i32, p7: i32, color: i32, back_color: i32, p10: i32, p11: i32);
            0x0D08 "Like [`Bdisp_MMPrint`], advancing (*x, *y)." fn Bdisp_MMPrintRef(x: *mut i32, y: *mut i32, s: *const u8, mode: i32, xmax: i32, p6: i32, p7: i32, color: i32, p9: i32, p10: i32, p11: i32);
            0x1300 "Selects the character set of later prints (936: GB2312, 0: default); 1 if known." fn ProcessPrintChars(charset: u16) -> i32;
            0x01E0 "Selects the GB18030 character set." fn EnableGB18030();
            0x01DF "Selects the Latin character set." fn DisableGB18030();
            0x12FC "Copies OS message `msgno` in the current language to `result`." fn LocalizeMessage1(msgno: i32, result: *mut u8) -> i32;
            0x0259 "Undocumented number printer." fn DispInt(p1: i32, p2: i32);
            0x08C7 "Shows the flashing cursor (`cursor_type`)." fn Cursor_SetFlashOn(cursor_type: u8);
            0x08C8 "Hides the flashing cursor." fn Cursor_SetFlashOff();
            0x08D2 "Sets the cursor's flash phase; returns the old one." fn SetCursorFlashToggle(on: i32) -> i32;
            0x08CA "Lets the cursor flash once." fn Keyboard_CursorFlash();
            0x1163 "Number of characters (not bytes) of a multi-byte string." fn MB_ElementCount(s: *const u8) -> i32;
            0x1161 "1 if `c` is the lead byte of a multi-byte character." fn MB_IsLead(c: u8) -> i32;
            0x121D "Displays a multi-byte string in the line editor." fn DisplayMBString(s: *const u8, start: i32, xpos: i32, x: i32, y: i32);
            0x1218 "Displays a multi-byte string in the line editor (extended)." fn DisplayMBString2(p1: i32, s: *const u8, start: i32, xpos: i32, x: i32, y: i32, pos_to_clear: i32, p8: i32, p9: i32);
            0x1224 "Inserts a character into a line-editor string; returns the new cursor position." fn EditMBStringChar(s: *mut u8, posmax: i32, xpos: i32, char_to_insert: i32) -> i32;
            0x120E "Applies a control key (cursor, DEL...) to a line-editor string." fn EditMBStringCtrl(s: *mut u8, posmax: i32, start: *mut i32, xpos: *mut i32, key: *mut i32, x: i32, y: i32);
            0x120A "Like [`EditMBStringCtrl`], with a clear position." fn EditMBStringCtrl2(s: *mut u8, xposmax: i32, p3: *mut i32, xpos: *mut i32, key: *mut i32, x: i32, y: i32, enable_pos_to_clear: i32, pos_to_clear: i32);
            0x120B "Line-editor control variant (parameters partly unknown)." fn EditMBStringCtrl3(s: *mut u8, xposmax: i32, p3: *mut c_void, p4: *mut c_void, p5: *mut c_void, p6: i32, p7: i32, p8: i32, p9: i32, p10: i32);
            0x120C "Line-editor control variant (parameters partly unknown)." fn EditMBStringCtrl4(s: *mut u8, xposmax: i32, p3: *mut c_void, p4: *mut c_void, p5: *mut c_void, p6: i32, p7: i32, p8: i32, p9: i32, p10: i32, p11: i32);
        }
    };
}
