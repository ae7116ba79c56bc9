//! OS calls: main memory (MCS): folders of named items in RAM, and the alpha variables.

/// The mcs area's table lines, handed to `$callback!` (see [`crate::os_calls`]).
#[macro_export]
macro_rules! mcs_calls {
    ($($callback:ident)::+) => {
        $($callback)::+! {
            source "libfxcg `include/fxcg/*.h` and `libfxcg/syscalls/*.S` ([LFX-S])";
            0x154B "Creates a main-memory folder; non-zero if it exists or on error." fn MCS_CreateDirectory(dir: *const u8) -> i32;
            0x1516 "Deletes a main-memory folder." fn MCS_DeleteDirectory(dir: *const u8) -> i32;
            0x154D "Creates item `item` in `dir` with `len` bytes from `buf`; fails if it exists." fn MCSPutVar2(dir: *const u8, item: *const u8, len: i32, buf: *const c_void) -> i32;
            0x1552 "Overwrites `len` bytes of an existing item at `offset`." fn MCSOvwDat2(dir: *const u8, item: *const u8, len: i32, buf: *const c_void, offset: i32) -> i32;
            0x1558 "Deletes an item." fn MCSDelVar2(dir: *const u8, item: *const u8) -> i32;
            0x1562 "Opens an item and gets its length; 0 on success." fn MCSGetDlen2(dir: *const u8, item: *const u8, len: *mut i32) -> i32;
            0x1563 "Copies `len` bytes at `offset` of the item opened by [`MCSGetDlen2`]." fn MCSGetData1(offset: i32, len: i32, buf: *mut c_void) -> i32;
            0x1560 "Name of the open item." fn MCSGetOpenItem(item: *mut u8) -> i32;
            0x151A "Writes an item with a type (low level)." fn MCS_WriteItem(dir: *const u8, item: *const u8, item_type: i16, len: i32, buf: i32) -> i32;
            0x1529 "Size, use and free bytes of main memory." fn MCS_GetState(max_space: *mut i32, current_load: *mut i32, remaining: *mut i32) -> i32;
            0x1532 "Capacity of main memory." fn MCS_GetCapa(current_bottom: *mut i32) -> i32;
            0x1543 "Start of main memory." fn MCS_GetMainMemoryStart() -> i32;
            0x0034 "Reads alpha variable `name` (a BCD number)." fn Alpha_GetData(name: u8, dest: *mut c_void);
            0x0035 "Writes alpha variable `name` (a BCD number)." fn Alpha_SetData(name: u8, src: *const c_void);
        }
    };
}
