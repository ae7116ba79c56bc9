//! OS calls: the storage memory file system ("Bfile", `\\fls0\...`).

/// The storage area's table lines, handed to `$callback!` (see [`crate::os_calls`]).
#[macro_export]
macro_rules! storage_calls {
    ($($callback:ident)::+) => {
        $($callback)::+! {
            source "libfxcg `include/fxcg/file.h` and `libfxcg/syscalls/*.S` ([LFX-file], [LFX-S]); WikiPrizm's Bfile page ([WP-bfile])";
            0x1DA3 "Opens a file (16-bit name); mode 0 read .. 4 read-write shared. Returns a handle or a negative error." fn Bfile_OpenFile_OS(name: *const u16, mode: i32, zero: i32) -> i32;
            0x1DA4 "Closes a handle." fn Bfile_CloseFile_OS(handle: i32) -> i32;
            0x1DAE "Creates a file (mode 1, *size bytes, fixed for life) or a folder (mode 5)." fn Bfile_CreateEntry_OS(name: *const u16, mode: i32, size: *mut usize) -> i32;
            0x1DB4 "Deletes a file or an empty folder." fn Bfile_DeleteEntry(name: *const u16) -> i32;
            0x1DB3 "Renames an entry." fn Bfile_RenameEntry(old: *const u16, new: *const u16) -> i32;
            0x1DAC "Reads `size` bytes at `readpos` (-1: current position); returns bytes read or an error." fn Bfile_ReadFile_OS(handle: i32, buf: *mut c_void, size: i32, readpos: i32) -> i32;
            0x1DAF "Writes `size` bytes at the position; `buf` must be in RAM, never in the add-in image." fn Bfile_WriteFile_OS(handle: i32, buf: *const c_void, size: i32) -> i32;
            0x1DA9 "Moves the position of a handle." fn Bfile_SeekFile_OS(handle: i32, pos: i32) -> i32;
            0x1DAB "The position of a handle." fn Bfile_TellFile_OS(handle: i32) -> i32;
            0x1DA6 "Size of an open file." fn Bfile_GetFileSize_OS(handle: i32) -> i32;
            0x1DA5 "Free bytes of a medium (`\\\\fls0`); the value may be 64-bit, pass 8 bytes." fn Bfile_GetMediaFree_OS(media: *const u16, free: *mut i32) -> i32;
            0x1DAA "Address in flash of a 4 KiB block of an open file (invalid after any file operation)." fn Bfile_GetBlockAddress(handle: i32, block: i32, out: *mut *mut u8) -> i32;
            0x1DB7 "Starts a search for `pattern` (16-bit, wildcards)." fn Bfile_FindFirst(pattern: *const u16, find_handle: *mut i32, found: *mut u16, info: *mut FindInfo) -> i32;
            0x1DB9 "Next search result." fn Bfile_FindNext(find_handle: i32, found: *mut u16, info: *mut FindInfo) -> i32;
            0x1DBA "Ends a search." fn Bfile_FindClose(find_handle: i32) -> i32;
            0x1DB6 "Search on a non-storage medium." fn Bfile_FindFirst_NON_SMEM(pattern: *const u16, find_handle: *mut i32, found: *mut u16, info: *mut FindInfo) -> i32;
            0x1DB8 "Next result of a non-storage search." fn Bfile_FindNext_NON_SMEM(find_handle: i32, found: *mut u16, info: *mut FindInfo) -> i32;
            0x1DDC "Widens `n` bytes of `source` to a 16-bit name." fn Bfile_StrToName_ncpy(dest: *mut u16, source: *const u8, n: usize);
            0x1DDB "Narrows `n` units of a 16-bit name to bytes." fn Bfile_NameToStr_ncpy(dest: *mut u8, source: *const u16, n: usize);
            0x1DDA "Whether a 16-bit name matches a wildcard mask." fn Bfile_Name_MatchMask(mask: *const u16, name: *const u16) -> i32;
            0x0DAC "Low-level storage search." fn SMEM_FindFirst(pattern: *const u16, found: *mut u16) -> i32;
            0x0DDF "Storage maintenance (parameters unknown)." fn SMEM_maint() -> i32;
            0x0C2C "Icon and type message of a file name." fn SMEM_MapIconToExt(filename: *const u8, folder: *const u16, msgno: *mut u32, icon: *mut u16) -> i32;
            0x1630 "Optimizes (defragments) storage memory, with the OS's screen." fn App_Optimize();
        }
    };
}
