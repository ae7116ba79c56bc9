//! Start-up: the code the OS jumps to, before `main`.
//!
//! The OS maps the add-in at 0x00300000, sets up the stack at the end of the 512 KiB
//! add-in RAM and calls the first byte of the image as `int f(int isAppli, unsigned short
//! optionNum)`. `prizm_start` then does what CASIO's own start-up code does (as
//! Kristaba read it from the Conversion add-in of OS 1.0x, in the first Prizm SDK's
//! crt0) and libfxcg's crt0 does:
//!
//! 1. copies `.data` from the image to RAM and zeroes `.bss`;
//! 2. keeps the two arguments for [`launch`];
//! 3. calls `GlibAddinAplExecutionCheck(0, 1, 1)` (OS call 0x29; both start-up codes
//!    make it, with those arguments, before `main`; what the OS checks is undocumented,
//!    the MQ emulator and prizm-emu accept it and return 0);
//! 4. paints the free stack for the high-water mark (this SDK's own step);
//! 5. calls the add-in's main function (declared with [`entry!`](crate::entry)), with
//!    the arguments if it takes a [`Launch`]; its return value goes back to the OS.

#[cfg(prizm)]
mod start;

#[cfg(prizm)]
pub use start::stack_high_water_mark;

#[cfg(prizm)]
mod abort;
mod launch;
#[cfg(prizm)]
mod panic;
mod panic_record;
pub mod panic_screen;
mod usage;

#[cfg(prizm)]
pub(crate) use launch::set_launch;
pub use launch::{AddinMain, Launch, launch};
pub use panic_record::{PANIC_MAGIC, PANIC_TEXT_LEN, PanicRecord};
#[cfg(prizm)]
pub(crate) use usage::note_heap;
pub use usage::record_usage;
pub use usage::{USAGE_MAGIC, Usage};

/// What an add-in's main function may return: `()` (success) or an `i32` for the OS.
pub trait ExitCode {
    /// The value handed back to the OS.
    fn code(self) -> i32;
}

impl ExitCode for () {
    fn code(self) -> i32 {
        0
    }
}

impl ExitCode for i32 {
    fn code(self) -> i32 {
        self
    }
}
