//! The entry point at 0x00300000 (see `prizm.ld`).

use core::ptr::{addr_of, addr_of_mut};

unsafe extern "C" {
    // Bounds from prizm.ld (`_prizm_sdata` there: sh-elf GCC adds the `_`).
    static mut prizm_sdata: u32;
    static mut prizm_edata: u32;
    static prizm_ldata: u32;
    static mut prizm_sbss: u32;
    static mut prizm_ebss: u32;
    static mut prizm_end: u32;
    // Defined by `prizm::entry!` in the add-in.
    fn prizm_main() -> i32;
}

/// Byte pattern painted over the free stack at start-up.
const STACK_PAINT: u32 = 0x5AC3_5AC3;

// The first bytes of the image (0x00300000, see prizm.ld): a tail jump to
// `prizm_start`, arguments and return address untouched. It is assembly because
// rustc_codegen_gcc ignores `#[link_section]` on functions, so no Rust function can be
// placed first.
core::arch::global_asm!(
    ".section .text.prizm.start,\"ax\"",
    ".global _prizm_entry",
    ".align 2",
    "_prizm_entry:",
    "    mov.l 1f, r0",
    "    jmp @r0",
    "    nop",
    "    .align 2",
    "1:  .long _prizm_start",
);

/// The entry point: called by the OS (through `prizm_entry`) as
/// `int(int isAppli, unsigned short optionNum)`.
///
/// # Safety
/// Only the OS calls this, once, before anything else of the add-in has run.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn prizm_start(is_appli: i32, option_num: i32) -> i32 {
    // SAFETY: the linker script defines these word-aligned bounds; nothing has used
    // `.data` or `.bss` yet, so writing them is the first access.
    unsafe {
        let mut src = addr_of!(prizm_ldata);
        let mut dst = addr_of_mut!(prizm_sdata);
        while dst < addr_of_mut!(prizm_edata) {
            dst.write_volatile(src.read_volatile());
            dst = dst.add(1);
            src = src.add(1);
        }
        let mut dst = addr_of_mut!(prizm_sbss);
        while dst < addr_of_mut!(prizm_ebss) {
            dst.write_volatile(0);
            dst = dst.add(1);
        }
        // `optionNum` is an unsigned short: only its low half is meaningful.
        super::set_launch(is_appli, option_num as u16);
        // As CASIO's and libfxcg's start-up code do, with the same arguments.
        crate::sys::system::GlibAddinAplExecutionCheck(0, 1, 1);
        paint_stack();
        prizm_main()
    }
}

/// The lowest address the stack may reach: the end of static data.
fn stack_floor() -> *mut u32 {
    addr_of_mut!(prizm_end) as *mut u32
}

/// Start of the window through which the image sees the add-in RAM.
const WINDOW: usize = crate::abi::memory::RAM_WINDOW as usize;
/// Size of the add-in RAM, shared by static data and the stack.
const RAM_SIZE: usize = crate::abi::memory::RAM_SIZE as usize;

/// Maps an address of the add-in RAM as the stack pointer sees it (P1, on either model
/// family) to the window, or `None` on a memory map this crate does not know.
fn window_address(addr: usize) -> Option<usize> {
    crate::abi::memory::window_address(addr as u32).map(|a| a as usize)
}

/// Fills the unused stack, from the end of static data to just below the current frame,
/// with [`STACK_PAINT`].
#[inline(never)]
unsafe fn paint_stack() {
    let marker = 0u32;
    let Some(here) = window_address(addr_of!(marker) as usize) else {
        return;
    };
    let here = here - 256;
    let mut p = stack_floor();
    // SAFETY: [floor, here) is free stack: above static data, below every live frame.
    unsafe {
        while (p as usize) < here {
            p.write_volatile(STACK_PAINT);
            p = p.add(1);
        }
    }
}

/// Bytes of stack used so far at the deepest point: the painted words still intact
/// above the end of static data are those the stack never reached.
pub fn stack_high_water_mark() -> usize {
    let top = WINDOW + RAM_SIZE;
    let mut p = stack_floor();
    // SAFETY: reads only the free stack area painted at start-up, below every frame.
    unsafe {
        while (p as usize) < top && p.read_volatile() == STACK_PAINT {
            p = p.add(1);
        }
    }
    top - p as usize
}
