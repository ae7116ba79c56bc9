//! OS calls the SDK does not bind on purpose (the OS heap and its memory helpers: the
//! SDK has its own allocator and `core`'s copies), or not yet; the emulator implements
//! or names them.

/// The unbound area's table lines, handed to `$callback!` (see [`crate::os_calls`]).
#[macro_export]
macro_rules! unbound_calls {
    ($($callback:ident)::+) => {
        $($callback)::+! {
            source "libfxcg's list of stubs ([LFX-list]); MQ's `system/casiowin.c` ([MQ-cw]: `case 0x1f42: /* free() */`, `0x1f44` malloc, `0x1f46` realloc, `0x1511` memset); ClearKeyBuffer from gint's `src/kernel/syscalls.S` (`___ClearKeyBuffer`)";
            0x1511 "C's memset; returns `dest`." fn sys_memset(dest: *mut c_void, value: i32, len: usize) -> *mut c_void;
            0x1DD0 "C's memcpy; returns `dest`." fn sys_memcpy(dest: *mut c_void, src: *const c_void, len: usize) -> *mut c_void;
            0x1F42 "Frees a block of the OS heap." fn sys_free(p: *mut c_void);
            0x1F44 "Allocates `size` bytes of the OS heap (128 KiB, buggy: see the heap row of docs/hardware.md)." fn sys_malloc(size: i32) -> *mut c_void;
            0x1F46 "Resizes a block of the OS heap (does not keep the contents when it grows, WikiPrizm says)." fn sys_realloc(p: *mut c_void, size: i32) -> *mut c_void;
            0x12C7 "Empties the OS's key buffer." fn ClearKeyBuffer();
        }
    };
}
