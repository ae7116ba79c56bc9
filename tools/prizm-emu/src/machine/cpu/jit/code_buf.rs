//! Executable memory for translated code: one fixed mapping, filled from the start and
//! emptied all at once (when the CPU forgets every cached block).

use std::ffi::c_void;

#[cfg(unix)]
unsafe extern "C" {
    fn mmap(addr: *mut c_void, len: usize, prot: i32, flags: i32, fd: i32, off: i64)
    -> *mut c_void;
    fn munmap(addr: *mut c_void, len: usize) -> i32;
}

const PROT_READ: i32 = 1;
const PROT_WRITE: i32 = 2;
const PROT_EXEC: i32 = 4;
const MAP_PRIVATE: i32 = 2;
const MAP_ANONYMOUS: i32 = 0x20;
const MAP_FAILED: *mut c_void = !0usize as *mut c_void;

/// A read-write-execute mapping of fixed size.
pub struct CodeBuf {
    base: *mut u8,
    size: usize,
    used: usize,
}

// SAFETY: the mapping is owned by this value alone; nothing else points into it except
// the block entries of the CPU that owns it (which moves between threads with it).
unsafe impl Send for CodeBuf {}

impl CodeBuf {
    /// No executable memory on this host: `None` (the CPU interprets).
    #[cfg(not(unix))]
    pub fn new(_size: usize) -> Option<CodeBuf> {
        None
    }

    /// Maps `size` bytes; `None` when the system refuses (the CPU then interprets).
    #[cfg(unix)]
    pub fn new(size: usize) -> Option<CodeBuf> {
        // SAFETY: an anonymous private mapping at an address of the kernel's choice.
        let p = unsafe {
            mmap(
                std::ptr::null_mut(),
                size,
                PROT_READ | PROT_WRITE | PROT_EXEC,
                MAP_PRIVATE | MAP_ANONYMOUS,
                -1,
                0,
            )
        };
        if p == MAP_FAILED || p.is_null() {
            return None;
        }
        Some(CodeBuf {
            base: p as *mut u8,
            size,
            used: 0,
        })
    }

    /// Copies `code` in and returns its address; `None` when the buffer is full.
    pub fn add(&mut self, code: &[u8]) -> Option<*const u8> {
        // Start every function on 16 bytes, as compilers do.
        let at = self.used.next_multiple_of(16);
        if at + code.len() > self.size {
            return None;
        }
        // SAFETY: `[at, at + len)` is inside the mapping and not yet handed out.
        unsafe {
            let dst = self.base.add(at);
            std::ptr::copy_nonoverlapping(code.as_ptr(), dst, code.len());
            self.used = at + code.len();
            Some(dst)
        }
    }

    /// Bytes in use.
    pub fn used(&self) -> usize {
        self.used
    }

    /// Size of the mapping.
    pub fn size(&self) -> usize {
        self.size
    }

    /// Forgets everything added (the caller drops every pointer it got).
    pub fn clear(&mut self) {
        self.used = 0;
    }
}

#[cfg(unix)]
impl Drop for CodeBuf {
    fn drop(&mut self) {
        // SAFETY: the mapping made in `new`, unmapped once.
        unsafe { munmap(self.base as *mut c_void, self.size) };
    }
}
