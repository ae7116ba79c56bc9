//! A busy flag for the few statics the SDK guards (VRAM owner, allocator lock).
//!
//! The calculator runs one thread, and the OS's atomic support under GCC is not
//! relied on, so there the flag is a plain byte; on the PC (tests run threads) it is an
//! atomic with compare-and-swap.

#[cfg(not(prizm))]
use core::sync::atomic::{AtomicBool, Ordering};

/// A flag that can be set only when clear.
pub(crate) struct Flag {
    #[cfg(not(prizm))]
    set: AtomicBool,
    #[cfg(prizm)]
    set: core::cell::UnsafeCell<bool>,
}

// SAFETY: on the PC the flag is atomic; on the calculator there is one thread, and the
// SDK's flags are not used from timer handlers.
unsafe impl Sync for Flag {}

impl Flag {
    /// A clear flag.
    pub(crate) const fn new() -> Self {
        #[cfg(not(prizm))]
        return Flag {
            set: AtomicBool::new(false),
        };
        #[cfg(prizm)]
        return Flag {
            set: core::cell::UnsafeCell::new(false),
        };
    }

    /// Sets the flag; `false` if it was already set.
    pub(crate) fn try_set(&self) -> bool {
        #[cfg(not(prizm))]
        return self
            .set
            .compare_exchange(false, true, Ordering::Acquire, Ordering::Relaxed)
            .is_ok();
        #[cfg(prizm)]
        // SAFETY: one thread; volatile keeps the accesses in order around the section.
        unsafe {
            if self.set.get().read_volatile() {
                return false;
            }
            self.set.get().write_volatile(true);
            true
        }
    }

    /// Clears the flag.
    pub(crate) fn clear(&self) {
        #[cfg(not(prizm))]
        self.set.store(false, Ordering::Release);
        #[cfg(prizm)]
        // SAFETY: as in `try_set`.
        unsafe {
            self.set.get().write_volatile(false)
        }
    }
}
