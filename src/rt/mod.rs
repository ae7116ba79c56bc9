//! Start-up: the code the OS jumps to, before `main`.
//!
//! The OS maps the add-in at 0x00300000, sets up the stack at the end of the 512 KiB
//! add-in RAM and calls the first byte of the image as `int f(int isAppli, unsigned short
//! optionNum)`. `prizm_start` copies `.data` from the image to RAM, zeroes `.bss`,
//! paints the free stack for the high-water mark, and calls the add-in's entry function
//! (declared with [`entry!`](crate::entry)); its return value goes back to the OS.

#[cfg(prizm)]
mod start;

#[cfg(prizm)]
pub use start::stack_high_water_mark;

#[cfg(prizm)]
mod abort;
#[cfg(prizm)]
mod panic;
mod panic_record;
pub mod panic_screen;
mod usage;

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
