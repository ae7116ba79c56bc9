//! OS calls: system settings, OS information, quit handler and undocumented calls.

/// The system area's table lines, handed to `$callback!` (see [`crate::os_calls`]).
#[macro_export]
macro_rules! system_calls {
    ($($callback:ident)::+) => {
        $($callback)::+! {
            source "libfxcg `include/fxcg/system.h` and `libfxcg/syscalls/*.S` ([LFX-sys], [LFX-S]); GlibAddinAplExecutionCheck from libfxcg's crt0 ([LFX-crt0])";
            0x0031 "Reads SETUP setting number `n`." fn GetSetupSetting(n: u32) -> u8;
            0x0032 "Writes SETUP setting number `n`." fn SetSetupSetting(n: u32, value: u8);
            0x0029 "The start-up check CASIO's and libfxcg's start-up code make before `main`, as `(0, 1, 1)` (what it checks is undocumented)." fn GlibAddinAplExecutionCheck(a: i32, b: i32, c: i32) -> i32;
            0x002B "OS version numbers." fn GlibGetOSVersionInfo(major: *mut u8, minor: *mut u8, c: *mut i16, d: *mut i16) -> i32;
            0x1A2C "The current stack pointer." fn GetStackPtr() -> *mut c_void;
            0x1E6E "Sets a function the OS calls when the user leaves the add-in through the Main Menu." fn SetQuitHandler(handler: Option<unsafe extern "C" fn()>);
            0x1E6A "Shows the Main Menu." fn DisplayMainMenu();
            0x1E9F "Copies the running app's name to `name`; returns `name`." fn GetAppName(name: *mut u8) -> *mut u8;
            0x07E5 "Puts `length` bytes on the OS clipboard." fn CLIP_Store(buffer: *const u8, length: i32) -> i32;
            0x17E6 "Takes a screen capture (as SHIFT+7)." fn TakeScreenshot();
            0x17E7 "Takes a screen capture (variant)." fn TakeScreenshot2();
            0x0EA7 "Enters the diagnostic test mode." fn TestMode(p: i32);
            0x02A4 "Undocumented (parameters unknown)." fn Syscall02A4() -> i32;
            0x02A7 "Undocumented (parameters unknown)." fn Syscall02A7() -> i32;
            0x02A9 "Undocumented (parameters unknown)." fn Syscall02A9() -> i32;
            0x1816 "Undocumented (parameters unknown)." fn Syscall1816() -> i32;
            0x01A8 "Undocumented test call (parameters unknown)." fn Test01A8() -> i32;
            0x127E "Undocumented test call (parameters unknown)." fn Test127E() -> i32;
            0x17BC "Undocumented test call (parameters unknown)." fn Test17BC() -> i32;
            0x1B0E "Undocumented test call (parameters unknown)." fn Test1B0E() -> i32;
            0x1E44 "Undocumented test call (parameters unknown)." fn Test1E44() -> i32;
        }
    };
}
