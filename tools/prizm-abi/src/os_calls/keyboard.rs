//! OS calls: key input and key flags.

/// The keyboard area's table lines, handed to `$callback!` (see [`crate::os_calls`]).
#[macro_export]
macro_rules! keyboard_calls {
    ($($callback:ident)::+) => {
        $($callback)::+! {
            source "libfxcg `include/fxcg/keyboard.h` and `libfxcg/syscalls/*.S` ([LFX-kbd], [LFX-S]); WikiPrizm's keyboard syscall pages ([WP-gkw], [WP-pgk])";
            0x0EAB "Waits for a key with the OS's full handling (MENU, SHIFT+AC power off, capture, backlight); puts VRAM to the display first. Returns 0 for a character code, 1 for a control code; *key gets the code." fn GetKey(key: *mut i32) -> i32;
            0x12BF "Reads a key: `type_of_waiting` 0 waits, 1 returns at once, 2 waits up to `timeout_period` s; `menu` 0 lets MENU open the Main Menu. Row/column and keycode out." fn GetKeyWait_OS(column: *mut i32, row: *mut i32, type_of_waiting: i32, timeout_period: i32, menu: i32, keycode: *mut u16) -> i32;
            0x0D39 "Reads the key held now (Casio BASIC Getkey codes); `p` points to 12 bytes." fn PRGM_GetKey_OS(p: *mut u8);
            0x12C6 "Injects a key press (matrix X, Y or a keycode)." fn Keyboard_PutKeycode(x: i32, y: i32, keycode: i32) -> i32;
            0x12C9 "Reads the matrix code of the key being processed." fn Keyboard_SpyMatrixCode(column: *mut u8, row: *mut u8) -> i32;
            0x0111 "Clears the SHIFT/ALPHA flags." fn Bkey_ClrAllFlags();
            0x0112 "Sets a SHIFT/ALPHA flag pattern." fn Bkey_SetFlag(flag_pattern: i16);
            0x0EA0 "Reads the SHIFT/ALPHA flags." fn Bkey_GetAllFlags() -> i16;
            0x0EA1 "Writes the SHIFT/ALPHA flags." fn Bkey_SetAllFlags(flags: i16);
            0x1EA6 "Lets MENU in GetKey return to the Main Menu." fn EnableGetkeyToMainFunctionReturn();
            0x1EA7 "Stops MENU in GetKey from returning to the Main Menu." fn DisableGetkeyToMainFunctionReturn();
            0x1E99 "1 if MENU in GetKey goes to the Main Menu, 0 if locked." fn GetGetkeyToMainFunctionReturnFlag() -> i32;
            0x1E60 "Applies the OS's special processing to a matrix code." fn SpecialMatrixcodeProcessing(column: *mut i32, row: *mut i32);
        }
    };
}
