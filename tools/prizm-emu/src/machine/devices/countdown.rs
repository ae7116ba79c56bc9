//! A down-counter with a reload value and an underflow flag, as in the TMU and ETMU
//! channels (SH7724 hardware manual, "Timer Unit": TCNT counts down from its value; when
//! it underflows it is reloaded from TCOR and TCR.UNF is set; UNF stays set until
//! software writes 0 to it). Its state follows the emulated cycle count lazily: nothing
//! happens per cycle, values and the time of the next underflow are computed.

/// A down-counter clocked at `num / den` ticks per CPU cycle.
#[derive(Clone, Debug)]
pub struct Countdown {
    /// Reload value (TCOR).
    pub tcor: u32,
    /// Counter value at `origin`.
    tcnt0: u32,
    /// Cycle from which ticks are counted.
    origin: u64,
    /// Whether the counter runs.
    running: bool,
    /// Ticks per cycle: numerator.
    num: u64,
    /// Ticks per cycle: denominator.
    den: u64,
    /// UNF as it was at `unf_base`.
    unf_latched: bool,
    /// Underflows after this cycle set UNF.
    unf_base: u64,
}

impl Countdown {
    /// A stopped counter at TCNT = TCOR = 0xFFFFFFFF, ticking `num / den` times per
    /// cycle.
    pub fn new(num: u64, den: u64) -> Self {
        Countdown {
            tcor: 0xFFFF_FFFF,
            tcnt0: 0xFFFF_FFFF,
            origin: 0,
            running: false,
            num,
            den,
            unf_latched: false,
            unf_base: 0,
        }
    }

    fn ticks(&self, now: u64) -> u64 {
        if !self.running || now <= self.origin {
            return 0;
        }
        ((now - self.origin) as u128 * self.num as u128 / self.den as u128) as u64
    }

    /// The first cycle at which `ticks` reaches `t`.
    fn cycle_of_tick(&self, t: u64) -> u64 {
        let c = (t as u128 * self.den as u128).div_ceil(self.num as u128);
        self.origin.saturating_add(c.min(u64::MAX as u128) as u64)
    }

    /// The number of the first underflow tick after tick `t`.
    fn underflow_after(&self, t: u64) -> u64 {
        let first = self.tcnt0 as u64 + 1;
        if t < first {
            return first;
        }
        let period = self.tcor as u64 + 1;
        first + ((t - first) / period + 1) * period
    }

    /// TCNT at `now`.
    pub fn count(&self, now: u64) -> u32 {
        let t = self.ticks(now);
        if t <= self.tcnt0 as u64 {
            self.tcnt0 - t as u32
        } else {
            let period = self.tcor as u64 + 1;
            (self.tcor as u64 - (t - self.tcnt0 as u64 - 1) % period) as u32
        }
    }

    /// UNF at `now`.
    pub fn unf(&self, now: u64) -> bool {
        self.unf_latched
            || self
                .next_underflow_after(self.unf_base)
                .is_some_and(|c| c <= now)
    }

    /// The cycle of the first underflow after cycle `c`, when running.
    fn next_underflow_after(&self, c: u64) -> Option<u64> {
        if !self.running {
            return None;
        }
        Some(self.cycle_of_tick(self.underflow_after(self.ticks(c))))
    }

    /// The cycle at which UNF will become set, when it is clear at `now` and the
    /// counter runs.
    pub fn next_unf(&self, now: u64) -> Option<u64> {
        if self.unf(now) {
            return None;
        }
        self.next_underflow_after(self.unf_base)
    }

    /// Whether the counter runs.
    pub fn running(&self) -> bool {
        self.running
    }

    /// Carries the count and UNF over to a new origin: the cycle of the last tick when
    /// running (so the prescaler's phase is kept), `now` when stopped.
    fn rebase(&mut self, now: u64) {
        self.unf_latched = self.unf(now);
        self.tcnt0 = self.count(now);
        if self.running {
            self.origin = self.cycle_of_tick(self.ticks(now));
        } else {
            self.origin = now;
        }
        self.unf_base = now;
    }

    /// Starts or stops the counter at `now`.
    pub fn set_running(&mut self, now: u64, on: bool) {
        if on != self.running {
            self.rebase(now);
            self.running = on;
        }
    }

    /// Writes TCNT at `now`.
    pub fn set_count(&mut self, now: u64, v: u32) {
        self.rebase(now);
        self.tcnt0 = v;
    }

    /// Writes TCOR at `now`.
    pub fn set_reload(&mut self, now: u64, v: u32) {
        self.rebase(now);
        self.tcor = v;
    }

    /// Changes the tick rate at `now`.
    pub fn set_rate(&mut self, now: u64, num: u64, den: u64) {
        if (num, den) != (self.num, self.den) {
            self.rebase(now);
            self.num = num;
            self.den = den;
        }
    }

    /// Writes the UNF bit at `now`: 0 clears it, 1 leaves it.
    pub fn write_unf(&mut self, now: u64, keep: bool) {
        if !keep {
            self.rebase(now);
            self.unf_latched = false;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_reloads_and_flags() {
        let mut c = Countdown::new(1, 4);
        c.set_reload(0, 9);
        c.set_count(0, 2);
        c.set_running(0, true);
        assert_eq!(c.count(3), 2);
        assert_eq!(c.count(4), 1);
        assert_eq!(c.count(8), 0);
        assert!(!c.unf(11));
        // Tick 3 (cycle 12) underflows: reload to 9, UNF set.
        assert_eq!(c.next_unf(0), Some(12));
        assert_eq!(c.count(12), 9);
        assert!(c.unf(12));
        c.write_unf(13, false);
        assert!(!c.unf(13));
        // The next underflow: 10 ticks later.
        assert_eq!(c.next_unf(13), Some(52));
        assert_eq!(c.count(50), 0);
        c.set_running(60, false);
        assert_eq!(c.count(1000), 7);
        assert!(c.unf(1000));
        assert_eq!(c.next_unf(1000), None);
    }

    #[test]
    fn fractional_rates() {
        // 32768 Hz at 118 MHz: 3601.07 cycles per tick.
        let mut c = Countdown::new(32_768, 118_000_000);
        c.set_reload(0, 0);
        c.set_count(0, 0);
        c.set_running(0, true);
        let first = c.next_unf(0).unwrap();
        assert_eq!(first, 3602);
        assert!(!c.unf(first - 1));
        assert!(c.unf(first));
    }
}
