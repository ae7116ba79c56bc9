//! [`Timer`]: an OS timer (`Timer_Install`) that calls a Rust function periodically.

use core::fmt;

/// Why a timer could not be installed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimerError {
    /// The SDK's six timer slots are all in use.
    NoSlot,
    /// The OS refused (`Timer_Install` returned this code: no free OS timer).
    Os(i32),
}

impl fmt::Display for TimerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TimerError::NoSlot => f.write_str("all six timer slots are in use"),
            TimerError::Os(code) => write!(f, "the OS refused the timer ({code})"),
        }
    }
}

/// An OS timer calling `handler` every period once started; dropping it stops and
/// removes it (calculator only).
///
/// **Where the handler runs.** The OS runs timer handlers from its timer interrupt:
/// "the timers work by relying on a periodic NMI ... that will cause the timer table to
/// be processed" (WikiPrizm, "Timers"), "the timers are served by some extra TMU"
/// (Simon Lothar, fx legacy timers), and a handler "must not call any direct-display
/// (DD) syscall, as these are not reentrant" (WikiPrizm, `Timer_Install`). So a handler
/// interrupts the add-in between any two instructions. Keep it short, and:
/// - allocating is safe: the SDK's allocator masks interrupts while it works
///   (`docs/abi.md`);
/// - do not call OS display or file functions (not re-entrant; Bfile with timers
///   installed causes SYSTEM ERRORs, WikiPrizm "Bfile");
/// - share data with the main program through atomics (`core::sync::atomic`).
///
/// The OS counts in ticks of about 25 Hz (WikiPrizm, `Timer_Install`; Simon Lothar:
/// `elapse / 25`), so periods are rounded to multiples of about 25-40 ms.
///
/// The handler is entered through one of the SDK's shims ([`crate::callback`]), which
/// keeps the OS's calling convention.
///
/// ```ignore
/// static TICKS: AtomicU32 = AtomicU32::new(0);
/// fn tick() { TICKS.fetch_add(1, Ordering::Relaxed); }
/// let mut t = prizm::time::Timer::install(Duration::from_millis(100), tick)?;
/// t.start();
/// ```
#[cfg(any(doc, prizm))]
#[cfg_attr(doc, doc(cfg(prizm)))]
#[derive(Debug)]
pub struct Timer {
    /// The OS's timer id.
    id: i32,
    /// The SDK's callback slot.
    slot: usize,
}

#[cfg(any(doc, prizm))]
impl Timer {
    /// Installs a stopped timer that will call `handler` every `period` (at least 1 ms).
    pub fn install(period: core::time::Duration, handler: fn()) -> Result<Timer, TimerError> {
        use crate::callback;
        let ms = period.as_millis().clamp(1, i32::MAX as u128) as i32;
        let slot = callback::claim(callback::TIMER_SLOTS, handler).ok_or(TimerError::NoSlot)?;
        // SAFETY: the shim keeps the OS's calling convention and calls `handler`; id 0
        // lets the OS choose a free user timer (WikiPrizm, `Timer_Install`).
        let id = unsafe { crate::sys::time::Timer_Install(0, Some(callback::shim(slot)), ms) };
        if id <= 0 {
            callback::release(slot);
            return Err(TimerError::Os(id));
        }
        Ok(Timer { id, slot })
    }

    /// Starts (or restarts) the timer.
    pub fn start(&mut self) {
        // SAFETY: an id the OS gave.
        unsafe { crate::sys::time::Timer_Start(self.id) };
    }

    /// Stops the timer; [`Timer::start`] starts it again.
    pub fn stop(&mut self) {
        // SAFETY: an id the OS gave.
        unsafe { crate::sys::time::Timer_Stop(self.id) };
    }

    /// The OS's id of this timer.
    pub fn id(&self) -> i32 {
        self.id
    }
}

#[cfg(any(doc, prizm))]
impl Drop for Timer {
    fn drop(&mut self) {
        // SAFETY: an id the OS gave; once removed, the OS no longer calls the shim, so
        // its slot may be reused.
        unsafe {
            crate::sys::time::Timer_Stop(self.id);
            crate::sys::time::Timer_Deinstall(self.id);
        }
        crate::callback::release(self.slot);
    }
}
