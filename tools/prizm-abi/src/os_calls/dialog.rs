//! OS calls: message boxes, dialogs, progress and scroll bars.

/// The dialog area's table lines, handed to `$callback!` (see [`crate::os_calls`]).
#[macro_export]
macro_rules! dialog_calls {
    ($($callback:ident)::+) => {
        $($callback)::+! {
            source "libfxcg `include/fxcg/*.h` and `libfxcg/syscalls/*.S` ([LFX-S])";
            0x0C01 "Shows OS error message `msgno` in a box and waits for EXIT." fn AUX_DisplayErrorMessage(msgno: i32);
            0x17F7 "Saves the screen under a message box of `lines` lines and draws the box." fn MsgBoxPush(lines: i32);
            0x17F9 "Removes the last message box, restoring the screen." fn MsgBoxPop();
            0x1E4B "Shows a message box with `message`." fn DisplayMessageBox(message: *const u8);
            0x07A2 "The CHAR dialog; returns the chosen character." fn CharacterSelectDialog() -> i16;
            0x1815 "The colour picker; returns a colour index." fn ColorIndexDialog1(initial_index: u8, disable_mask: u16) -> u8;
            0x092B "Draws a box (parameters unnamed)." fn Box(p1: i32, p2: i32, p3: i32, p4: i32, p5: i32);
            0x17FC "Draws a message-box frame (parameters unnamed)." fn Box2(p1: i32, p2: i32);
            0x17FD "Clears the inside of a message box." fn BoxInnerClear(p1: i32);
            0x17FB "Top and bottom rows of a box of `lines` lines." fn BoxYLimits(lines: i32, top: *mut i32, bottom: *mut i32);
            0x1A0A "Draws a scroll bar." fn Scrollbar(info: *mut ScrollbarInfo);
            0x0C5A "Draws the standard scroll bar (layout unknown)." fn StandardScrollbar(p: *mut c_void);
            0x180E "Draws a progress bar (parameters unnamed)." fn ProgressBar(p1: i32, p2: i32);
            0x180B "Draws a progress bar `current`/`max`." fn ProgressBar0(p1: i32, p2: i32, p3: i32, current: i32, max: i32);
            0x1809 "Draws a progress bar with a heading." fn ProgressBar2(heading: *const u8, current: i32, max: i32);
            0x17E9 "The OS file-open dialog (g3p files)." fn OpenFileDialog(keycode: u16, filename: *mut u16, filename_len: i32) -> i32;
            0x0C66 "The OS file-save dialog (g3p files)." fn SaveFileDialog(filename: *mut u16, mode: i32) -> i32;
            0x1802 "Asks whether to overwrite `filename`." fn ConfirmFileOverwriteDialog(filename: *const u16) -> i32;
            0x0D91 "Asks whether to overwrite `name`." fn OverwriteConfirmation(name: *const u8, mode: i32) -> i32;
            0x1E23 "The Reset All dialog of the System app." fn ResetAllDialog();
            0x0D79 "Initialises a dialog descriptor (layout unknown)." fn App_InitDlgDescriptor(p1: *mut c_void, p2: u8);
        }
    };
}
