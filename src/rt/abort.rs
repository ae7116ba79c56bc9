//! `abort()`: GCC lowers traps and "unreachable" points (in `core` and
//! `compiler_builtins` too) to calls of the C function `abort`, which a freestanding
//! add-in must provide. It shows the panic screen.
//!
//! The C symbol is defined in assembly (`_abort`, with sh-elf's `_` prefix) and jumps
//! to [`prizm_abort`]: libgccjit crashes when a Rust function itself is named like the
//! GCC builtin `abort`.

core::arch::global_asm!(
    ".pushsection .text.prizm.abort,\"ax\",@progbits",
    ".global _abort",
    ".align 2",
    "_abort:",
    "    mov.l 1f, r0",
    "    jmp @r0",
    "    nop",
    ".align 2",
    "1:  .long _prizm_abort",
    ".popsection",
);

/// What `abort()` runs: the panic screen; never returns.
#[unsafe(no_mangle)]
pub extern "C" fn prizm_abort() -> ! {
    panic!("abort() called: the program reached a trap (unreachable code)")
}
