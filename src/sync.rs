//! A busy flag for the few statics the SDK guards (VRAM owner, allocator lock), and
//! critical sections that OS timer handlers cannot interrupt.
//!
//! The calculator runs one thread, and the OS's atomic support under GCC is not
//! relied on, so there the flag is a plain byte; on the PC (tests run threads) it is an
//! atomic with compare-and-swap.
//!
//! Timer handlers (`Timer_Install`) run from the OS's timer interrupt, between any two
//! instructions of the add-in (docs/abi.md). [`without_interrupts`] holds them off by
//! raising SR.IMASK to 15 (add-ins run in privileged mode), as gint's and the Vhex
//! kernel's `cpu_atomic_start` do.

#[cfg(not(prizm))]
use core::sync::atomic::{AtomicBool, Ordering};

/// A flag that can be set only when clear.
pub(crate) struct Flag {
    #[cfg(not(prizm))]
    set: AtomicBool,
    #[cfg(prizm)]
    set: core::cell::UnsafeCell<bool>,
}

// SAFETY: on the PC the flag is atomic; on the calculator there is one thread, and
// `try_set` tests and sets with interrupts masked, so a timer handler sees it either
// clear or set, never half-way.
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
        // SAFETY: one thread, and no timer handler between the read and the write;
        // volatile keeps the accesses in order.
        without_interrupts(|| unsafe {
            if self.set.get().read_volatile() {
                return false;
            }
            self.set.get().write_volatile(true);
            true
        })
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

/// Runs `f` with interrupts masked (SR.IMASK = 15) on the calculator, so that no OS
/// timer handler starts inside it; the previous mask comes back afterwards. On the PC it
/// just runs `f`.
///
/// Keep `f` short and free of OS calls: the OS's own interrupts (keyboard, timers) wait
/// meanwhile.
pub(crate) fn without_interrupts<R>(f: impl FnOnce() -> R) -> R {
    #[cfg(prizm)]
    {
        // SAFETY: the add-in runs in privileged mode; the routines change SR.IMASK only.
        let saved = unsafe { prizm_irq_mask() };
        let r = f();
        // SAFETY: as above; `saved` is the SR read by `prizm_irq_mask`.
        unsafe { prizm_irq_restore(saved) };
        r
    }
    #[cfg(not(prizm))]
    f()
}

#[cfg(prizm)]
unsafe extern "C" {
    /// Sets SR.IMASK to 15; returns the previous SR.
    fn prizm_irq_mask() -> u32;
    /// Puts back SR.IMASK from `saved` (an SR value), leaving the other bits.
    fn prizm_irq_restore(saved: u32);
}

// `stc`/`ldc` on SR are privileged instructions; add-ins run privileged (gint's
// takeover and `cpu_atomic_start` write SR from add-in code).
#[cfg(prizm)]
core::arch::global_asm!(
    ".section .text.prizm.irq,\"ax\"",
    ".global _prizm_irq_mask",
    ".global _prizm_irq_restore",
    ".align 2",
    "_prizm_irq_mask:",
    "    stc sr, r0",
    "    mov r0, r1",
    "    or #0xF0, r0",
    "    ldc r0, sr",
    "    rts",
    "    mov r1, r0",
    "_prizm_irq_restore:",
    "    mov #0x0F, r1",
    "    shll2 r1",
    "    shll2 r1",
    "    and r1, r4",
    "    not r1, r1",
    "    stc sr, r0",
    "    and r1, r0",
    "    or r4, r0",
    "    ldc r0, sr",
    "    rts",
    "    nop",
);
