//! OS calls: number and string conversions, string helpers.

/// The convert area's table lines, handed to `$callback!` (see [`crate::os_calls`]).
#[macro_export]
macro_rules! convert_calls {
    ($($callback:ident)::+) => {
        $($callback)::+! {
            source "libfxcg `include/fxcg/*.h` and `libfxcg/syscalls/*.S` ([LFX-S])";
            0x1633 "Writes `value` as 10 decimal digits." fn ItoA_10digit(value: i32, out: *mut c_void) -> i32;
            0x1170 "Writes `value` in decimal, NUL-terminated." fn itoa(value: i32, out: *mut u8);
            0x1347 "Writes a byte as 2 hex digits." fn ByteToHex(value: u8, out: *mut u8);
            0x1348 "Writes a 16-bit word as 4 hex digits." fn WordToHex(value: u16, out: *mut u8);
            0x1346 "Writes a nibble as 1 hex digit." fn NibbleToHex(value: u8, out: *mut u8);
            0x1841 "Writes `value` as `digits` hex digits." fn LongToAscHex(value: i32, out: *mut u8, digits: i32);
            0x1344 "Parses 2 hex digits." fn HexToByte(value: *const u8, out: *mut u8);
            0x1343 "Parses 1 hex digit." fn HexToNibble(value: u8, out: *mut u8);
            0x1345 "Parses 4 hex digits." fn HexToWord(value: *const u8, out: *mut u16);
            0x0160 "Unpacks a BCD number to the OS's internal digit form." fn BCDtoInternal(target: *mut c_void, source: *const c_void) -> i32;
            0x1349 "Length of a NUL-terminated string." fn strlen(s: *const u8) -> i32;
            0x1635 "Compares strings ignoring case." fn strcmp_ignore_case(a: *const u8, b: *const u8) -> i32;
            0x1DD1 "Compares `n` bytes." fn sys_memcmp(a: *const c_void, b: *const c_void, n: usize) -> i32;
            0x115E "A memory comparison (parameters unknown)." fn memcmp3() -> i32;
        }
    };
}
