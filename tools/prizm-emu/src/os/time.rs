//! Time calls. Emulated time is the cycle count ([`crate::machine::model::CLOCK_HZ`] per second)
//! plus idle time; the RTC starts at 2024-01-01 12:00:00 ([`crate::machine::devices::Rtc`]).
//!
//! User timers (Timer_Install/Start/Stop/Deinstall): slots 1-5; a started timer calls
//! its handler every `elapse_ms` of emulated time, like an interrupt: the emulator saves
//! the CPU state, calls the handler with PR at a return trap, and restores the state when
//! it returns. Handlers run only while add-in code runs (not during OS waits; a timer
//! that was due during a wait fires once afterwards), never nested.

use super::{Call, CallResult, Ctx, OsState, TIMER_RETURN};
use crate::machine::cpu::{Cpu, Regs};
use crate::machine::model::CLOCK_HZ;

/// The time calls.
pub const CALLS: &[Call] = &[
    (0x02C1, "RTC_GetTicks", rtc_get_ticks),
    (0x02C0, "RTC_GetTime", rtc_get_time),
    (0x02C2, "RTC_Elapsed_ms", rtc_elapsed_ms),
    (0x02BF, "RTC_Reset", rtc_reset),
    (0x1BB4, "OS_InnerWait_ms", os_inner_wait_ms),
    (0x11D6, "CMT_Delay_micros", cmt_delay_micros),
    (0x11D7, "CMT_Delay_100micros", cmt_delay_100micros),
    (0x08D9, "Timer_Install", timer_install),
    (0x08DA, "Timer_Deinstall", timer_deinstall),
    (0x08DB, "Timer_Start", timer_start),
    (0x08DC, "Timer_Stop", timer_stop),
];

/// Starts a due timer handler (saving the CPU state, with PR at [`TIMER_RETURN`]) and
/// returns how many instructions may run before the next timer is due (at most `left`).
pub fn timer_slice(cpu: &mut Cpu, os: &mut OsState, left: u64) -> u64 {
    if os.in_timer.is_some() {
        return left;
    }
    let now = cpu.now();
    if let Some(t) = os
        .timers
        .iter_mut()
        .flatten()
        .find(|t| t.due.is_some_and(|d| d <= now))
    {
        t.due = Some(now + t.period);
        let handler = t.handler;
        os.in_timer = Some(TimerCall {
            saved: cpu.save_regs(),
            handler,
        });
        cpu.pr = TIMER_RETURN;
        cpu.pc = handler;
        return left;
    }
    let next = os.timers.iter().flatten().filter_map(|t| t.due).min();
    match next {
        Some(d) => left.min(d - now).max(1),
        None => left,
    }
}

/// A timer handler the OS is running: the interrupted state, and the handler.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimerCall {
    /// The registers of the interrupted code.
    pub saved: Regs,
    /// The handler's address.
    pub handler: u32,
}

/// A callback that returned without keeping what the OS's calling convention says it
/// must keep.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BrokenContract {
    /// The callback's address.
    pub callback: u32,
    /// What changed: `r8: 0x1 -> 0x2, MACL: ...`.
    pub changed: String,
}

/// A timer handler returned (execution reached [`TIMER_RETURN`]): the interrupted
/// state comes back, after checking the contract of a callback the OS calls.
///
/// The OS is built with the Renesas calling convention (GCC's `-mrenesas`/`-mhitachi`,
/// as libfxcg builds add-ins): besides r8-r15, MACH and MACL are callee-saved ("Renesas
/// saves and restores mac registers on call", gcc/config/sh/sh.cc), so a handler that
/// changes any of them would corrupt the OS code it interrupted. On the calculator that
/// goes unnoticed; here the run stops with [`BrokenContract`].
pub fn timer_returned(cpu: &mut Cpu, os: &mut OsState) -> Result<(), BrokenContract> {
    let Some(call) = os.in_timer.take() else {
        return Ok(());
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
            changed: changed.join(", "),
        });
    }
    cpu.restore_regs(s);
    Ok(())
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
    Ok(0)
}

fn timer_stop(e: &mut Ctx) -> CallResult {
    let Some(i) = timer_slot(e)? else {
        return Ok(-1i32 as u32);
    };
    e.os.timers[i].as_mut().unwrap().due = None;
    Ok(0)
}

/// RTC_GetTicks: 1/128 s since midnight (wraps at midnight).
fn rtc_get_ticks(e: &mut Ctx) -> CallResult {
    let now = e.cpu.now();
    Ok(e.cpu.mem.devices.rtc.clock.ticks_since_midnight(now))
}

/// RTC_GetTime(unsigned* hour, unsigned* minute, unsigned* second, unsigned* ms).
fn rtc_get_time(e: &mut Ctx) -> CallResult {
    let now = e.cpu.now();
    let dt = e.cpu.mem.devices.rtc.clock.datetime(now);
    let ms = (e.cpu.mem.devices.rtc.clock.ticks128(now) % 128 * 1000 / 128) as u32;
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
    let day = 86_400 * 128;
    let elapsed = (ticks + day - start % day) % day;
    Ok((elapsed as i64 * 1000 / 128 >= dur as i64) as u32)
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
