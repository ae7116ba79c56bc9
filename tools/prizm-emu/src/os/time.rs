//! Time calls. Emulated time is the CPU's clock in ticks
//! ([`crate::machine::model::CLOCK_HZ`] per second, idle time included); the RTC starts at 2024-01-01 12:00:00 ([`crate::machine::devices::Rtc`]).
//!
//! User timers (Timer_Install/Start/Stop/Deinstall): slots 1-5; a started timer calls
//! its handler every `elapse_ms` of emulated time, like an interrupt: the emulator saves
//! the CPU state, calls the handler with PR at a return trap, and restores the state when
//! it returns. Handlers run only while add-in code runs (not during OS waits; a timer
//! that was due during a wait fires once afterwards), never nested.
//!
//! The OS runs these handlers from its timer interrupt (WikiPrizm, "Timers": "a periodic
//! NMI ... will cause the timer table to be processed"; Simon Lothar: "the timers are
//! served by some extra TMU"; WikiPrizm, `Timer_Install`: a handler must not call the
//! direct-display calls, "as these are not reentrant"). So a handler starts between any
//! two instructions of the add-in, at the exact cycle it is due, unless the CPU would
//! not take the interrupt: SR.BL set or SR.IMASK at or above the interrupt's level. No
//! source gives the OS's level for it; the emulator takes [`TIMER_LEVEL`] = 15, the
//! highest, so it holds a handler off only where every maskable interrupt is held off
//! (SR.IMASK = 15, as add-ins set it around critical sections), and runs it as soon as
//! the mask comes down. [`TimerStats`] counts handlers run and held off.

use super::{CallResult, Ctx, Entry, OsState, TIMER_RETURN};
use crate::machine::cpu::{Cpu, Regs, sr};
use crate::machine::model::CLOCK_HZ;
use prizm_abi::os_calls::calls;

/// The time calls.
pub const CALLS: &[Entry] = &[
    (calls::RTC_GetTicks, rtc_get_ticks),
    (calls::RTC_GetTime, rtc_get_time),
    (calls::RTC_Elapsed_ms, rtc_elapsed_ms),
    (calls::RTC_Reset, rtc_reset),
    (calls::OS_InnerWait_ms, os_inner_wait_ms),
    (calls::CMT_Delay_micros, cmt_delay_micros),
    (calls::CMT_Delay_100micros, cmt_delay_100micros),
    (calls::Timer_Install, timer_install),
    (calls::Timer_Deinstall, timer_deinstall),
    (calls::Timer_Start, timer_start),
    (calls::Timer_Stop, timer_stop),
];

/// The interrupt level the emulator gives the OS's timer interrupt (see the module
/// documentation): a handler starts only when SR.IMASK is below it and SR.BL is clear.
pub const TIMER_LEVEL: u32 = 15;

/// Instructions between two looks at SR while a due handler is held off.
const HELD_OFF_RECHECK: u64 = 8;

/// How many timer handlers started, and how many times a due handler had to wait for
/// the add-in to unmask interrupts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TimerStats {
    /// Handlers started.
    pub fired: u64,
    /// Due handlers held off by SR.BL or SR.IMASK (each counted once).
    pub held_off: u64,
}

/// Whether the CPU would take the OS's timer interrupt now (SR.BL clear, SR.IMASK below
/// [`TIMER_LEVEL`]).
fn accepts_timer_interrupt(cpu: &Cpu) -> bool {
    let sr = cpu.sr();
    sr & sr::BL == 0 && (sr & sr::IMASK) >> 4 < TIMER_LEVEL
}

/// Starts a due timer handler (saving the CPU state, with PR at [`TIMER_RETURN`]) and
/// returns how many instructions may run before the next timer is due (at most `left`).
/// A due handler the CPU would not take yet (interrupts masked) waits, and SR is looked
/// at again a few instructions later.
pub fn timer_slice(cpu: &mut Cpu, os: &mut OsState, left: u64) -> u64 {
    if os.in_timer.is_some() {
        return left;
    }
    let now = cpu.now();
    let accepts = accepts_timer_interrupt(cpu);
    if let Some(t) = os
        .timers
        .iter_mut()
        .flatten()
        .find(|t| t.due.is_some_and(|d| d <= now))
    {
        if !accepts {
            if !t.held_off {
                t.held_off = true;
                os.timer_stats.held_off += 1;
            }
            return left.min(HELD_OFF_RECHECK);
        }
        t.due = Some(now + t.period);
        t.held_off = false;
        let handler = t.handler;
        os.timer_stats.fired += 1;
        start_callback(cpu, os, handler, Callback::Timer);
        return left;
    }
    let next = os.timers.iter().flatten().filter_map(|t| t.due).min();
    match next {
        Some(d) => left.min(cpu.insns_until(d)),
        None => left,
    }
}

/// A function of the add-in the OS calls back.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Callback {
    /// A timer handler (Timer_Install).
    Timer,
    /// The quit handler (SetQuitHandler), called when the user leaves through the Main
    /// Menu for another app.
    Quit,
}

impl Callback {
    /// What the callback is, for reports: "timer handler", "quit handler".
    pub fn describe(self) -> &'static str {
        match self {
            Callback::Timer => "timer handler",
            Callback::Quit => "quit handler (SetQuitHandler)",
        }
    }
}

/// A callback the OS is running: the interrupted state, the callback's address and
/// what it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimerCall {
    /// The registers of the interrupted code.
    pub saved: Regs,
    /// The callback's address.
    pub handler: u32,
    /// Which callback.
    pub kind: Callback,
}

/// Calls the add-in's function at `handler` as the OS calls a callback: the CPU state is
/// saved, PR points at the return trap [`TIMER_RETURN`], and [`timer_returned`] checks
/// the contract and restores the state.
pub fn start_callback(cpu: &mut Cpu, os: &mut OsState, handler: u32, kind: Callback) {
    os.in_timer = Some(TimerCall {
        saved: cpu.save_regs(),
        handler,
        kind,
    });
    cpu.pr = TIMER_RETURN;
    cpu.pc = handler;
}

/// A callback that returned without keeping what the OS's calling convention says it
/// must keep.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BrokenContract {
    /// The callback's address.
    pub callback: u32,
    /// Which callback.
    pub kind: Callback,
    /// What changed: `r8: 0x1 -> 0x2, MACL: ...`.
    pub changed: String,
}

/// A callback returned (execution reached [`TIMER_RETURN`]): the interrupted state
/// comes back, after checking the contract of a callback the OS calls; returns which
/// callback it was (`None` if none was running).
///
/// The OS is built with the Renesas calling convention (GCC's `-mrenesas`/`-mhitachi`,
/// as libfxcg builds add-ins): besides r8-r15, MACH and MACL are callee-saved ("Renesas
/// saves and restores mac registers on call", gcc/config/sh/sh.cc), so a handler that
/// changes any of them would corrupt the OS code it interrupted. On the calculator that
/// goes unnoticed; here the run stops with [`BrokenContract`].
pub fn timer_returned(cpu: &mut Cpu, os: &mut OsState) -> Result<Option<Callback>, BrokenContract> {
    let Some(call) = os.in_timer.take() else {
        return Ok(None);
    };
    let s = &call.saved;
    let mut changed = Vec::new();
    for i in 8..16 {
        if cpu.r[i] != s.r()[i] {
            changed.push(format!("r{i}: {:#x} -> {:#x}", s.r()[i], cpu.r[i]));
        }
    }
    for (name, before, after) in [("MACH", s.mach(), cpu.mach), ("MACL", s.macl(), cpu.macl)] {
        if before != after {
            changed.push(format!("{name}: {before:#x} -> {after:#x}"));
        }
    }
    if !changed.is_empty() {
        return Err(BrokenContract {
            callback: call.handler,
            kind: call.kind,
            changed: changed.join(", "),
        });
    }
    cpu.restore_regs(s);
    Ok(Some(call.kind))
}

/// Number of user timer slots (ids 1..=TIMERS).
pub const TIMERS: usize = 5;

/// A user timer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Timer {
    /// Handler address.
    pub handler: u32,
    /// Period in cycles.
    pub period: u64,
    /// Next firing (cycle), when started.
    pub due: Option<u64>,
    /// Due, but held off by the interrupt mask.
    pub held_off: bool,
}

/// Timer_Install(id, handler, elapse_ms): id 0 picks a free slot; returns the id or -1.
fn timer_install(e: &mut Ctx) -> CallResult {
    let (id, handler, ms) = (e.arg(0)? as usize, e.arg(1)?, e.arg(2)? as i32);
    let slot = if id == 0 {
        match e.os.timers.iter().position(|t| t.is_none()) {
            Some(i) => i,
            None => return Ok(-1i32 as u32),
        }
    } else if (1..=TIMERS).contains(&id) {
        id - 1
    } else {
        return Ok(-1i32 as u32);
    };
    let period = (ms.max(1) as u64 * CLOCK_HZ / 1000).max(1);
    e.os.timers[slot] = Some(Timer {
        handler,
        period,
        due: None,
        held_off: false,
    });
    Ok(slot as u32 + 1)
}

fn timer_slot(e: &mut Ctx) -> Result<Option<usize>, super::Halt> {
    let id = e.arg(0)? as usize;
    Ok(((1..=TIMERS).contains(&id) && e.os.timers[id - 1].is_some()).then(|| id - 1))
}

fn timer_deinstall(e: &mut Ctx) -> CallResult {
    let Some(i) = timer_slot(e)? else {
        return Ok(-1i32 as u32);
    };
    e.os.timers[i] = None;
    Ok(0)
}

fn timer_start(e: &mut Ctx) -> CallResult {
    let Some(i) = timer_slot(e)? else {
        return Ok(-1i32 as u32);
    };
    let now = e.cpu.now();
    let t = e.os.timers[i].as_mut().unwrap();
    t.due = Some(now + t.period);
    t.held_off = false;
    Ok(0)
}

fn timer_stop(e: &mut Ctx) -> CallResult {
    let Some(i) = timer_slot(e)? else {
        return Ok(-1i32 as u32);
    };
    e.os.timers[i].as_mut().unwrap().due = None;
    Ok(0)
}

/// RTC ticks per second (`prizm_abi::rtc`).
const TICKS: u64 = prizm_abi::rtc::TICKS_PER_SECOND as u64;

/// RTC_GetTicks: 1/128 s since midnight (wraps at midnight).
fn rtc_get_ticks(e: &mut Ctx) -> CallResult {
    let now = e.cpu.now();
    Ok(e.cpu.mem.devices.rtc.clock.ticks_since_midnight(now))
}

/// RTC_GetTime(unsigned* hour, unsigned* minute, unsigned* second, unsigned* ms).
fn rtc_get_time(e: &mut Ctx) -> CallResult {
    let now = e.cpu.now();
    let dt = e.cpu.mem.devices.rtc.clock.datetime(now);
    let ms = (e.cpu.mem.devices.rtc.clock.ticks128(now) % TICKS * 1000 / TICKS) as u32;
    let ptrs = [e.arg(0)?, e.arg(1)?, e.arg(2)?, e.arg(3)?];
    for (p, v) in ptrs.into_iter().zip([dt.hour, dt.minute, dt.second, ms]) {
        if p != 0 {
            e.wr32(p, v)?;
        }
    }
    Ok(0)
}

/// RTC_Elapsed_ms(start_ticks, duration_ms): 1 once `duration_ms` passed since
/// `start_ticks` (an RTC_GetTicks value; handles the midnight wrap).
fn rtc_elapsed_ms(e: &mut Ctx) -> CallResult {
    let (start, dur) = (e.arg(0)?, e.arg(1)? as i32);
    let now = e.cpu.now();
    let ticks = e.cpu.mem.devices.rtc.clock.ticks_since_midnight(now);
    let day = prizm_abi::rtc::TICKS_PER_DAY;
    let elapsed = (ticks + day - start % day) % day;
    Ok((elapsed as i64 * 1000 / TICKS as i64 >= dur as i64) as u32)
}

fn rtc_reset(e: &mut Ctx) -> CallResult {
    e.ignored("RTC_Reset")
}

fn os_inner_wait_ms(e: &mut Ctx) -> CallResult {
    let ms = e.arg(0)? as i32;
    e.idle(ms.max(0) as u64 * CLOCK_HZ / 1000);
    Ok(0)
}

fn cmt_delay_micros(e: &mut Ctx) -> CallResult {
    let us = e.arg(0)? as i32;
    e.idle(us.max(0) as u64 * CLOCK_HZ / 1_000_000);
    Ok(0)
}

fn cmt_delay_100micros(e: &mut Ctx) -> CallResult {
    let n = e.arg(0)? as i32;
    e.idle(n.max(0) as u64 * CLOCK_HZ / 10_000);
    Ok(0)
}
