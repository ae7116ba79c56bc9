//! The compare-match timer (CMT, at [`CMT_BASE`]): one up-counter clocked by the
//! 32768 Hz RCLK, following the emulated cycle count, with its compare match flag and
//! interrupt.
//!
//! Registers: CMSTR at +0x00 (bit 5 starts the channel), CMCSR +0x60, CMCNT +0x64,
//! CMCOR +0x68. CMCSR bits, from Linux's `drivers/clocksource/sh_cmt.c` (the 32-bit CMT
//! of the SH7722/7723/7724): CMF bit 15 (compare match; cleared by writing 0), CMM bit
//! 8 (set: periodic, the counter restarts from 0 after each match, which is how Linux
//! programs its periodic tick), CMR bits 5-4 (10: interrupt request on match). The
//! interrupt, INTEVT 0xF00, is the CMT's vector in Linux's SH7722/7723/7724 interrupt
//! tables; its level is IPRF bits 3-0 and its mask IMR9 bit 4 (Vhex's `sh7305/intc.h`).
//! CMCSR's clock select (CKS) is kept but not used: the count stays at 32768 Hz (the
//! sources disagree on the CMT's clock on the SH7305). With CMM clear, the counter goes
//! on counting after a match.

use super::Device;
use crate::machine::fault::Fault;
use crate::machine::model::CLOCK_HZ;

/// CMT registers (CMSTR at the base).
pub const CMT_BASE: u32 = 0xA44A_0000;
/// Size of the CMT's register block.
pub const CMT_LEN: u32 = 0x70;
/// CMSTR: the channel's start bit.
const STR: u16 = 0x20;
/// CMCSR: compare match flag.
pub const CMF: u16 = 1 << 15;
/// CMCSR: periodic (clear on match).
pub const CMM: u16 = 1 << 8;
/// CMCSR: interrupt request on match (CMR = 10).
pub const CMR_IRQ: u16 = 2 << 4;
/// Counts per second.
const RCLK_HZ: u64 = 32_768;

/// The CMT's registers.
#[derive(Clone, Debug)]
pub struct Cmt {
    /// Start register.
    pub cmstr: u16,
    /// Control/status, without CMF.
    pub cmcsr: u16,
    /// Constant.
    pub cmcor: u32,
    /// Counter at `origin`.
    pub cmcnt: u32,
    /// Cycle from which counts are counted.
    pub origin: u64,
    /// CMF as it was at `cmf_base`.
    cmf_latched: bool,
    /// Matches after this cycle set CMF.
    cmf_base: u64,
}

impl Default for Cmt {
    fn default() -> Self {
        Cmt {
            cmstr: 0,
            cmcsr: 0,
            cmcor: 0xFFFF_FFFF,
            cmcnt: 0,
            origin: 0,
            cmf_latched: false,
            cmf_base: 0,
        }
    }
}

impl Cmt {
    fn running(&self) -> bool {
        self.cmstr & STR != 0
    }

    fn ticks(&self, now: u64) -> u64 {
        if !self.running() || now <= self.origin {
            return 0;
        }
        ((now - self.origin) as u128 * RCLK_HZ as u128 / CLOCK_HZ as u128) as u64
    }

    fn cycle_of_tick(&self, t: u64) -> u64 {
        let c = (t as u128 * CLOCK_HZ as u128).div_ceil(RCLK_HZ as u128);
        self.origin.saturating_add(c.min(u64::MAX as u128) as u64)
    }

    /// Ticks between matches.
    fn period(&self) -> u64 {
        if self.cmcsr & CMM != 0 {
            self.cmcor as u64 + 1
        } else {
            1 << 32
        }
    }

    /// The tick of the first match.
    fn first_match(&self) -> u64 {
        match self.cmcor.wrapping_sub(self.cmcnt) as u64 {
            0 => self.period(),
            d => d,
        }
    }

    /// CMCNT at `now`.
    pub fn count(&self, now: u64) -> u32 {
        let t = self.ticks(now);
        let first = self.first_match();
        if t <= first || self.cmcsr & CMM == 0 {
            return self.cmcnt.wrapping_add(t as u32);
        }
        ((t - first - 1) % (self.cmcor as u64 + 1)) as u32
    }

    /// The cycle of the first match after cycle `c`, when running.
    fn next_match_after(&self, c: u64) -> Option<u64> {
        if !self.running() {
            return None;
        }
        let t = self.ticks(c);
        let first = self.first_match();
        let m = if t < first {
            first
        } else {
            first + ((t - first) / self.period() + 1) * self.period()
        };
        Some(self.cycle_of_tick(m))
    }

    /// CMCSR.CMF at `now`.
    pub fn cmf(&self, now: u64) -> bool {
        self.cmf_latched
            || self
                .next_match_after(self.cmf_base)
                .is_some_and(|c| c <= now)
    }

    /// Whether the CMT requests its interrupt at `now`.
    pub fn irq(&self, now: u64) -> bool {
        self.cmcsr & (3 << 4) == CMR_IRQ && self.cmf(now)
    }

    /// When the CMT will request its interrupt, if it does not at `now`.
    pub fn next_irq(&self, now: u64) -> Option<u64> {
        if self.cmcsr & (3 << 4) != CMR_IRQ || self.cmf(now) {
            return None;
        }
        self.next_match_after(self.cmf_base)
    }

    /// Carries the count and CMF over to a new origin (the last tick's cycle when
    /// running, so the clock's phase is kept).
    fn rebase(&mut self, now: u64) {
        self.cmf_latched = self.cmf(now);
        self.cmcnt = self.count(now);
        if self.running() {
            self.origin = self.cycle_of_tick(self.ticks(now));
        } else {
            self.origin = now;
        }
        self.cmf_base = now;
    }
}

impl Device for Cmt {
    fn read(&mut self, off: u32, _size: u8, now: u64) -> Result<u32, Fault> {
        Ok(match off {
            0x00 => self.cmstr as u32,
            0x60 => (self.cmcsr | if self.cmf(now) { CMF } else { 0 }) as u32,
            0x64 => self.count(now),
            0x68 => self.cmcor,
            _ => 0,
        })
    }

    fn write(&mut self, off: u32, _size: u8, v: u32, now: u64) -> Result<(), Fault> {
        match off {
            0x00 => {
                self.rebase(now);
                self.cmstr = v as u16;
                self.origin = now;
            }
            0x60 => {
                self.rebase(now);
                self.cmf_latched &= v as u16 & CMF != 0;
                self.cmcsr = v as u16 & !CMF;
            }
            0x64 => {
                self.rebase(now);
                self.cmcnt = v;
            }
            0x68 => {
                self.rebase(now);
                self.cmcor = v;
            }
            _ => {}
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Cycles of `n` counts (rounded up).
    fn counts(n: u64) -> u64 {
        (n * CLOCK_HZ).div_ceil(RCLK_HZ)
    }

    #[test]
    fn counts_up_at_32768_hz() {
        let mut c = Cmt::default();
        c.write(0x00, 2, STR as u32, 0).unwrap();
        assert_eq!(c.read(0x64, 4, CLOCK_HZ).unwrap(), 32_768);
        c.write(0x00, 2, 0, CLOCK_HZ).unwrap();
        assert_eq!(c.read(0x64, 4, 2 * CLOCK_HZ).unwrap(), 32_768);
    }

    #[test]
    fn periodic_compare_match_and_interrupt() {
        let mut c = Cmt::default();
        c.write(0x68, 4, 99, 0).unwrap(); // CMCOR
        c.write(0x60, 2, (CMM | CMR_IRQ) as u32, 0).unwrap();
        c.write(0x00, 2, STR as u32, 0).unwrap();
        // The counter reaches 99 after 99 counts: CMF, the interrupt.
        let due = c.next_irq(0).unwrap();
        assert_eq!(due, counts(99));
        assert!(!c.irq(due - 1));
        assert!(c.irq(due));
        assert_eq!(c.read(0x64, 4, due).unwrap(), 99);
        // Cleared on the next count, then counting again.
        assert_eq!(c.read(0x64, 4, counts(100)).unwrap(), 0);
        assert_eq!(c.read(0x64, 4, counts(150)).unwrap(), 50);
        assert_eq!(c.read(0x60, 2, due).unwrap() as u16, CMF | CMM | CMR_IRQ);
        // Writing CMF = 0 acknowledges; the next match is 100 counts later.
        c.write(0x60, 2, (CMM | CMR_IRQ) as u32, counts(150))
            .unwrap();
        assert!(!c.irq(counts(150)));
        // (Within a cycle: the 32768 Hz counts fall between cycles.)
        let next = c.next_irq(counts(150)).unwrap();
        assert!(next.abs_diff(counts(199)) <= 1, "{next}");
        // CMR = 00: no interrupt request, CMF still set.
        c.write(0x60, 2, CMM as u32, counts(150)).unwrap();
        assert!(!c.irq(counts(300)));
        assert!(c.cmf(counts(300)));
    }
}
