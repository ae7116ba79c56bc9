//! Runs [`checks::run`] on an SH4 under Linux user-mode emulation (qemu-sh4eb) and
//! prints what it writes; the test `tests/toolchain_qemu.rs` compares that with the
//! same function run natively on the PC.
#![no_std]
#![no_main]
#![cfg_attr(target_arch = "m68k", feature(asm_experimental_arch))]

extern crate alloc;

mod checks;

use core::fmt::{self, Write};
use linked_list_allocator::LockedHeap;

/// A static-arena allocator: 64 KiB of `.bss`, never anything from the OS.
#[global_allocator]
static HEAP: LockedHeap = LockedHeap::empty();
static mut ARENA: [u8; 64 * 1024] = [0; 64 * 1024];

unsafe extern "C" {
    /// `long sh_syscall(long nr, long a, long b, long c)`, in the `global_asm!` below.
    fn sh_syscall(nr: i32, a: i32, b: i32, c: i32) -> i32;
}

// Linux/SH system calls: number in r3, arguments in r4-r6, `trapa #0x13` (3 arguments).
// sh-elf GCC prefixes C-level symbols with `_`.
core::arch::global_asm!(
    ".section .text.sh_syscall,\"ax\"",
    ".global _sh_syscall",
    ".align 2",
    "_sh_syscall:",
    "    mov r4, r3",
    "    mov r5, r4",
    "    mov r6, r5",
    "    mov r7, r6",
    "    trapa #0x13",
    "    rts",
    "    nop",
);

const SYS_EXIT: i32 = 1;
const SYS_WRITE: i32 = 4;

/// Standard output through the `write` system call.
struct Stdout;

impl Write for Stdout {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        // SAFETY: write(1, ptr, len) reads `len` bytes of a live string.
        let n = unsafe { sh_syscall(SYS_WRITE, 1, s.as_ptr() as i32, s.len() as i32) };
        if n == s.len() as i32 {
            Ok(())
        } else {
            Err(fmt::Error)
        }
    }
}

fn exit(code: i32) -> ! {
    // SAFETY: exit(code) does not return.
    unsafe { sh_syscall(SYS_EXIT, code, 0, 0) };
    #[allow(clippy::empty_loop)] // (unreachable: exit does not return)
    loop {}
}

/// The entry point (`_start` for the linker: GCC adds the `_`).
#[unsafe(no_mangle)]
#[unsafe(link_section = ".text.start")]
pub extern "C" fn start() -> ! {
    // SAFETY: the arena is used by nothing else, and the heap is initialised once,
    // before any allocation.
    unsafe {
        HEAP.lock()
            .init(core::ptr::addr_of_mut!(ARENA) as *mut u8, 64 * 1024)
    };
    let mut out = Stdout;
    checks::run(&mut out).expect("write to stdout");
    checks::panic_path()
}

#[panic_handler]
fn panic(info: &core::panic::PanicInfo) -> ! {
    let _ = writeln!(Stdout, "{info}");
    exit(101)
}
