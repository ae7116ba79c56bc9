//! Raw bindings to the OS calls ("syscalls") of the fx-CG10/20/50 OS.
//!
//! Every binding is one line of the OS-call table in `prizm-abi` (one macro per area,
//! `prizm_abi::display_calls!` and so on: the emulator reads the same lines), handed to
//! [`os_calls!`](crate::os_calls): `0x0272 "doc" fn Bdisp_AllClr_VRAM();`. The macro
//! declares the Rust function and, when building for the calculator, emits its stub:
//!
//! ```text
//! _prizm_sys_Foo:  mov.l 1f, r2      ; the OS call dispatcher
//!                  mov.l 2f, r0      ; the call number
//!                  jmp   @r2         ; tail jump: the OS returns through PR
//!                  nop
//!           1:     .long 0x80020070
//!           2:     .long 0xNNNN
//! ```
//!
//! Arguments follow the SH C ABI (r4-r7, then the stack), so the stub touches nothing
//! but r0 and r2. Each stub lives in its own section, so `--gc-sections` drops the
//! ones an add-in does not use. The symbol is `prizm_sys_<Name>` (the Rust name is
//! the OS call's usual name), so it can never collide with C library functions such as
//! `strlen`.
//!
//! Sources of the numbers and signatures: each area's `source` line in `prizm-abi`
//! (mostly libfxcg's `include/fxcg/*.h` and `src/syscalls/*.S`, cross-checked with
//! WikiPrizm's syscall pages); entries marked "parameters unknown" are declared without
//! parameters. The OS heap (`sys_malloc` and friends) is deliberately left out (the
//! table's `unbound` area): use [`crate::heap`](mod@crate::heap) for memory.
//!
//! Everything here is `unsafe`: pointers go straight to the OS. Prefer the safe
//! modules ([`crate::display`], [`crate::keyboard`], [`crate::time`],
//! [`crate::storage`]).
#![allow(non_snake_case, clippy::missing_safety_doc)]

/// Declares OS calls from table lines `NUMBER "doc" fn Name(args) -> ret;` (after the
/// area's `source "...";` line), as `prizm-abi`'s area macros hand them over.
///
/// On the calculator (`cfg(prizm)`) it also emits one assembly stub per line; on the PC
/// only the declarations exist (calling them there fails to link).
#[macro_export]
#[doc(hidden)]
macro_rules! os_calls {
    (source $source:literal; $( $num:literal $doc:literal fn $name:ident ( $($arg:ident : $ty:ty),* $(,)? ) $(-> $ret:ty)? ; )*) => {
        $(
            $crate::os_call_stub!($num, $name);
            unsafe extern "C" {
                #[doc = $doc]
                #[doc = concat!("\n\nOS call `", stringify!($num), "`. Source: ", $source, ".")]
                #[link_name = concat!("prizm_sys_", stringify!($name))]
                pub fn $name($($arg: $ty),*) $(-> $ret)?;
            }
        )*
        /// Every OS call of this table, as `(name, number)`, in table order.
        #[allow(dead_code)]
        pub const TABLE: &[(&str, u16)] = &[$((stringify!($name), $num)),*];
    };
}

/// The assembly text of one OS call's stub (a string literal). Public so that host
/// tests can assemble it with `sh-elf-as`.
#[macro_export]
#[doc(hidden)]
macro_rules! os_call_asm {
    ($num:literal, $name:ident) => {
        concat!(
            ".pushsection .text.prizm.sys.",
            stringify!($name),
            ",\"ax\",@progbits\n",
            ".global _prizm_sys_",
            stringify!($name),
            "\n",
            ".global prizm_sys_",
            stringify!($name),
            "\n",
            ".align 2\n",
            "_prizm_sys_",
            stringify!($name),
            ":\n",
            "prizm_sys_",
            stringify!($name),
            ":\n",
            "    mov.l 1f, r2\n",
            "    mov.l 2f, r0\n",
            "    jmp @r2\n",
            "    nop\n",
            ".align 2\n",
            "1:  .long ",
            $crate::abi::os_call_entry!(),
            "\n",
            "2:  .long ",
            stringify!($num),
            "\n",
            ".popsection\n",
        )
    };
}

/// Emits the assembly stub of one OS call (calculator only).
#[cfg(prizm)]
#[macro_export]
#[doc(hidden)]
macro_rules! os_call_stub {
    ($num:literal, $name:ident) => {
        core::arch::global_asm!($crate::os_call_asm!($num, $name));
    };
}

/// On the PC there are no stubs.
#[cfg(not(prizm))]
#[macro_export]
#[doc(hidden)]
macro_rules! os_call_stub {
    ($num:literal, $name:ident) => {};
}

pub mod app;
pub mod convert;
pub mod dialog;
pub mod display;
pub mod keyboard;
pub mod mcs;
pub mod power;
pub mod serial;
pub mod status;
pub mod storage;
pub mod system;
pub mod text;
pub mod time;
pub mod usb;

/// Address of the OS call dispatcher every stub jumps to (`prizm_abi::os_calls::ENTRY`).
pub const SYSCALL_ENTRY: u32 = crate::abi::os_calls::ENTRY;

/// Every binding of every area, as `(name, number)`.
pub fn all_calls() -> impl Iterator<Item = (&'static str, u16)> {
    [
        display::TABLE,
        keyboard::TABLE,
        text::TABLE,
        status::TABLE,
        dialog::TABLE,
        time::TABLE,
        storage::TABLE,
        mcs::TABLE,
        power::TABLE,
        system::TABLE,
        serial::TABLE,
        usb::TABLE,
        convert::TABLE,
        app::TABLE,
    ]
    .into_iter()
    .flat_map(|t| t.iter().copied())
}
