//! Functions the OS calls back: timer handlers ([`crate::time::Timer`]) and the quit
//! handler ([`set_quit_handler`]), entered through shims that keep the OS's calling
//! convention.
//!
//! The OS is built with the Renesas calling convention, under which MACH and MACL are
//! callee-saved ("Renesas saves and restores mac registers on call", GCC's
//! `gcc/config/sh/sh.cc`); the SDK is built with GCC's default convention, under which
//! they are not: any multiplication changes MACL. So the OS never receives a Rust
//! function directly: it receives one of the SDK's shims, which saves MACH, MACL and
//! PR, calls the Rust function registered in its slot, and restores them. r8-r15 are
//! kept by the Rust function itself (callee-saved in both conventions). Why shims rather
//! than building everything with `-mrenesas`: `docs/abi.md`.
//!
//! A handler is a plain `fn()`. Timer handlers run from the OS's timer interrupt (see
//! [`crate::time::Timer`]); the quit handler runs when the user leaves the add-in from
//! the Main Menu.
// On the PC only the slot bookkeeping exists (and is tested); nothing uses it there.
#![cfg_attr(not(prizm), allow(dead_code))]

use core::cell::UnsafeCell;

/// Callback slots: the OS's six user timers (WikiPrizm, "Timers": timers 5-10), then
/// the quit handler.
pub const SLOTS: usize = 7;
/// The slots timers use.
pub(crate) const TIMER_SLOTS: core::ops::Range<usize> = 0..6;
/// The quit handler's slot.
const QUIT_SLOT: usize = 6;

/// One slot: the Rust function the slot's shim calls, if any.
type Slot = UnsafeCell<Option<fn()>>;

/// The Rust function of each slot.
struct Table([Slot; SLOTS]);

// SAFETY: the main program writes a slot only while the OS cannot call its shim (before
// installing it, after removing it); the shims only read. Each slot is one word, written
// and read whole.
unsafe impl Sync for Table {}

static TABLE: Table = Table([const { UnsafeCell::new(None) }; SLOTS]);

/// The handler registered in `slot`.
fn handler(slot: usize) -> Option<fn()> {
    // SAFETY: see `Table`: a word-sized read of a slot nobody writes concurrently.
    TABLE
        .0
        .get(slot)
        .and_then(|c| unsafe { c.get().read_volatile() })
}

/// Registers `f` in a free slot of `range`; returns the slot.
pub(crate) fn claim(range: core::ops::Range<usize>, f: fn()) -> Option<usize> {
    let slot = range.into_iter().find(|&s| handler(s).is_none())?;
    // SAFETY: a free slot: no shim of it is installed in the OS.
    unsafe { TABLE.0[slot].get().write_volatile(Some(f)) };
    Some(slot)
}

/// Frees `slot`; its shim must no longer be installed in the OS.
pub(crate) fn release(slot: usize) {
    // SAFETY: the caller removed the slot's shim from the OS.
    unsafe { TABLE.0[slot].get().write_volatile(None) };
}

/// Called by the shims with their slot number.
#[cfg(prizm)]
#[unsafe(no_mangle)]
extern "C" fn prizm_callback_dispatch(slot: u32) {
    if let Some(f) = handler(slot as usize) {
        f();
    }
}

// Declared for the documentation build too (nothing calls them there).
#[cfg(any(doc, prizm))]
unsafe extern "C" {
    fn prizm_callback_0();
    fn prizm_callback_1();
    fn prizm_callback_2();
    fn prizm_callback_3();
    fn prizm_callback_4();
    fn prizm_callback_5();
    fn prizm_callback_6();
}

/// The shim of `slot`: the function pointer to give the OS (calculator only).
#[cfg(any(doc, prizm))]
pub(crate) fn shim(slot: usize) -> unsafe extern "C" fn() {
    const SHIMS: [unsafe extern "C" fn(); SLOTS] = [
        prizm_callback_0,
        prizm_callback_1,
        prizm_callback_2,
        prizm_callback_3,
        prizm_callback_4,
        prizm_callback_5,
        prizm_callback_6,
    ];
    SHIMS[slot]
}

// Seven entry points that put their slot number in r4 and share one body: save PR,
// MACH and MACL, call `prizm_callback_dispatch(slot)`, restore them.
#[cfg(prizm)]
core::arch::global_asm!(
    ".section .text.prizm.callback,\"ax\"",
    ".align 2",
    ".global _prizm_callback_0",
    ".global _prizm_callback_1",
    ".global _prizm_callback_2",
    ".global _prizm_callback_3",
    ".global _prizm_callback_4",
    ".global _prizm_callback_5",
    ".global _prizm_callback_6",
    "_prizm_callback_0: bra 9f",
    "    mov #0, r4",
    "_prizm_callback_1: bra 9f",
    "    mov #1, r4",
    "_prizm_callback_2: bra 9f",
    "    mov #2, r4",
    "_prizm_callback_3: bra 9f",
    "    mov #3, r4",
    "_prizm_callback_4: bra 9f",
    "    mov #4, r4",
    "_prizm_callback_5: bra 9f",
    "    mov #5, r4",
    "_prizm_callback_6: bra 9f",
    "    mov #6, r4",
    "9:  sts.l pr, @-r15",
    "    sts.l mach, @-r15",
    "    sts.l macl, @-r15",
    "    mov.l 1f, r0",
    "    jsr @r0",
    "    nop",
    "    lds.l @r15+, macl",
    "    lds.l @r15+, mach",
    "    lds.l @r15+, pr",
    "    rts",
    "    nop",
    "    .align 2",
    "1:  .long _prizm_callback_dispatch",
);

/// Sets the function the OS calls when the user leaves the add-in through the Main
/// Menu for another app (`SetQuitHandler`), or, with `None`, makes that call do nothing
/// (calculator only). libfxcg: "eActivity uses this in the 'Save file?' dialog".
#[cfg(any(doc, prizm))]
#[cfg_attr(doc, doc(cfg(prizm)))]
pub fn set_quit_handler(handler: Option<fn()>) {
    // SAFETY: the OS calls the quit handler only from the Main Menu, never while the
    // add-in runs, so the slot may change under the installed shim.
    unsafe { TABLE.0[QUIT_SLOT].get().write_volatile(handler) };
    // SAFETY: the shim keeps the OS's convention and calls the slot's function, if any.
    unsafe { crate::sys::system::SetQuitHandler(Some(shim(QUIT_SLOT))) };
}

#[cfg(test)]
mod tests {
    use super::*;

    fn a() {}
    fn b() {}

    #[test]
    fn slots_are_claimed_once_and_released() {
        let (s1, s2) = (
            claim(TIMER_SLOTS, a).unwrap(),
            claim(TIMER_SLOTS, b).unwrap(),
        );
        assert_ne!(s1, s2);
        assert!(TIMER_SLOTS.contains(&s1) && TIMER_SLOTS.contains(&s2));
        assert!(handler(s1).is_some());
        release(s1);
        assert!(handler(s1).is_none());
        assert_eq!(claim(TIMER_SLOTS, a), Some(s1), "a freed slot is reused");
        release(s1);
        release(s2);
        let all: [usize; 6] = core::array::from_fn(|_| claim(TIMER_SLOTS, a).unwrap());
        assert_eq!(claim(TIMER_SLOTS, a), None, "six timers at most");
        all.into_iter().for_each(release);
    }
}
