//! The devices: the memory-mapped ones an add-in may touch directly (the key-scan
//! interface, the RTC, the TMU, ETMU and CMT timers, the interrupt and DMA controllers,
//! the clock and bus controllers, the CPU's identification registers, the LCD
//! controller; everything else is unmapped) and the LCD panel.
//!
//! All of them derive their state from the emulated cycle count (`now`), so time seen
//! through registers agrees with the OS's time calls. Interrupt requests are levels
//! computed from that state ([`Devices::pending`]); [`Devices::next_irq`] says when the
//! next one will rise, so that the CPU checks for interrupts only then and after
//! device writes (see `cpu`).

pub mod bsc;
pub mod ccn;
pub mod cmt;
pub mod countdown;
pub mod cpg;
pub mod cpuopm;
pub mod dmac;
pub mod etmu;
pub mod intc;
pub mod keysc;
pub mod lcd;
pub mod rtc;
pub mod tmu;
pub mod utlb;
pub mod xyram;

use super::fault::Fault;
pub use bsc::{BSC_BASE, Bsc, SDMR_BASE, Sdmr};
pub use ccn::{CCN_BASE, Ccn};
pub use cmt::{CMT_BASE, Cmt};
pub use cpg::{CPG_BASE, Cpg};
pub use cpuopm::{CPUOPM_ADDR, CpuOpm};
pub use dmac::{DMAC_BASE, Dmac, Transfer};
pub use etmu::{ETMU_BASE, Etmu};
pub use intc::{INTC_BASE, Intc, Source};
pub use keysc::{KEYSC_BASE, KeyInput, KeySc, KeysDown};
pub use lcd::Lcd;
pub use rtc::{DateTime, RTC_BASE, Rtc, RtcDevice};
pub use tmu::{PCLK_HZ, TMU_BASE, Tmu, TmuChannel};
pub use utlb::Utlb;
pub use xyram::{XYRAM_BASE, XyRam};

/// A block of device registers, addressed by offset from its base.
pub trait Device {
    /// Reads `size` (1, 2 or 4) bytes at `offset`, at emulated cycle `now`.
    fn read(&mut self, offset: u32, size: u8, now: u64) -> Result<u32, Fault>;
    /// Writes the low `size` bytes of `value` at `offset`, at emulated cycle `now`.
    fn write(&mut self, offset: u32, size: u8, value: u32, now: u64) -> Result<(), Fault>;
}

/// Every device of the machine.
#[derive(Debug, Default)]
pub struct Devices {
    /// The key-scan interface.
    pub keysc: KeySc,
    /// The real-time clock.
    pub rtc: RtcDevice,
    /// The timer unit.
    pub tmu: Tmu,
    /// The extra timers.
    pub etmu: Etmu,
    /// The compare-match timer.
    pub cmt: Cmt,
    /// The interrupt controller.
    pub intc: Intc,
    /// The CPU's identification and event registers.
    pub ccn: Ccn,
    /// The CPU operation mode register.
    pub cpuopm: CpuOpm,
    /// The clock pulse generator.
    pub cpg: Cpg,
    /// The bus state controller.
    pub bsc: Bsc,
    /// The SDRAM mode registers.
    pub sdmr: Sdmr,
    /// The DMA controller.
    pub dmac: Dmac,
    /// The LCD panel and its controller.
    pub lcd: Lcd,
    /// The UTLB's arrays (what the OS mapped for the add-in).
    pub utlb: Utlb,
    /// The DSP's X and Y memories.
    pub xyram: XyRam,
    /// Ticks a DMA transfer of a whole frame to the display takes (0 until
    /// [`Devices::set_model_clocks`]: the transfer ends at once).
    pub lcd_frame_ticks: u64,
}

impl Devices {
    /// The device whose register block holds `addr`, and the offset in it.
    fn at(&mut self, addr: u32) -> Option<(&mut dyn Device, u32)> {
        let map: [(u32, u32, &mut dyn Device); 15] = [
            (KEYSC_BASE, keysc::KEYSC_LEN, &mut self.keysc),
            (RTC_BASE, rtc::RTC_LEN, &mut self.rtc),
            (TMU_BASE, tmu::TMU_LEN, &mut self.tmu),
            (ETMU_BASE, etmu::ETMU_LEN, &mut self.etmu),
            (CMT_BASE, cmt::CMT_LEN, &mut self.cmt),
            (INTC_BASE, intc::INTC_LEN, &mut self.intc),
            (CCN_BASE, ccn::CCN_LEN, &mut self.ccn),
            (CPUOPM_ADDR, 4, &mut self.cpuopm),
            (CPG_BASE, cpg::CPG_LEN, &mut self.cpg),
            (BSC_BASE, bsc::BSC_LEN, &mut self.bsc),
            (SDMR_BASE, bsc::SDMR_LEN, &mut self.sdmr),
            (DMAC_BASE, dmac::DMAC_LEN, &mut self.dmac),
            (lcd::LCD_DATA, lcd::LCD_DATA_LEN, &mut self.lcd),
            (utlb::UTLB_ADDR_BASE, utlb::UTLB_LEN, &mut self.utlb.addr),
            (utlb::UTLB_DATA_BASE, utlb::UTLB_LEN, &mut self.utlb.data),
        ];
        let (base, _, d) = map
            .into_iter()
            .find(|(base, len, _)| addr.wrapping_sub(*base) < *len)?;
        Some((d, addr - base))
    }

    /// Reads a device register; `None` when no device is at `addr`. (PRDR, a byte,
    /// and the P1 alias of the LCD window are served here, outside the map.)
    pub fn read(&mut self, addr: u32, size: u8, now: u64) -> Option<Result<u32, Fault>> {
        // The X/Y memories first: programs use them as fast scratch memory.
        if addr.wrapping_sub(XYRAM_BASE) < xyram::XYRAM_LEN {
            return Some(self.xyram.read(addr - XYRAM_BASE, size, now));
        }
        if addr == lcd::PRDR && size == 1 {
            return Some(Ok(self.lcd.ctl.prdr as u32));
        }
        if addr.wrapping_sub(lcd::LCD_DATA_P1) < lcd::LCD_DATA_LEN {
            return Some(self.lcd.read(addr - lcd::LCD_DATA_P1, size, now));
        }
        let (d, off) = self.at(addr)?;
        Some(d.read(off, size, now))
    }

    /// Writes a device register; `None` when no device is at `addr`.
    pub fn write(&mut self, addr: u32, size: u8, v: u32, now: u64) -> Option<Result<(), Fault>> {
        if addr.wrapping_sub(XYRAM_BASE) < xyram::XYRAM_LEN {
            return Some(self.xyram.write(addr - XYRAM_BASE, size, v, now));
        }
        if addr == lcd::PRDR && size == 1 {
            self.lcd.write_prdr(v as u8);
            return Some(Ok(()));
        }
        if addr.wrapping_sub(lcd::LCD_DATA_P1) < lcd::LCD_DATA_LEN {
            return Some(self.lcd.write(addr - lcd::LCD_DATA_P1, size, v, now));
        }
        let (d, off) = self.at(addr)?;
        let r = d.write(off, size, v, now);
        if addr.wrapping_sub(CPG_BASE) < cpg::CPG_LEN {
            self.follow_cpg(now);
        }
        Some(r)
    }

    /// Sets the CPG as the OS of `model` leaves it, the TMU's clock with it, and how
    /// long a DMA transfer to the display takes.
    pub fn set_model_clocks(&mut self, model: crate::machine::model::Model) {
        self.cpg = Cpg::of(model);
        self.follow_cpg(0);
        self.lcd_frame_ticks = model.lcd_frame_us() * crate::machine::model::CLOCK_HZ / 1_000_000;
    }

    /// Ticks a DMA transfer of `bytes` to the display data register takes
    /// ([`Devices::lcd_frame_ticks`] per frame of 384 x 216 pixels).
    pub fn lcd_transfer_ticks(&self, bytes: u64) -> u64 {
        self.lcd_frame_ticks * bytes / crate::machine::model::VRAM_SIZE as u64
    }

    /// The TMU counts the peripheral clock the CPG's settings give.
    fn follow_cpg(&mut self, now: u64) {
        self.tmu.set_pclk(now, self.cpg.pphi_hz(), tmu::PCLK_HZ);
    }

    /// Whether a write at `addr` may change the interrupt requests or when they rise
    /// (timers, the RTC, the CPG, the INTC, the DMAC).
    pub fn irq_relevant(addr: u32) -> bool {
        [
            (TMU_BASE, tmu::TMU_LEN),
            (ETMU_BASE, etmu::ETMU_LEN),
            (CMT_BASE, cmt::CMT_LEN),
            (INTC_BASE, intc::INTC_LEN),
            (DMAC_BASE, dmac::DMAC_LEN),
            (RTC_BASE, rtc::RTC_LEN),
            (CPG_BASE, cpg::CPG_LEN),
        ]
        .iter()
        .any(|&(base, len)| addr.wrapping_sub(base) < len)
    }

    /// The sources requesting an interrupt at `now`.
    pub fn requesting(&self, now: u64) -> impl Iterator<Item = Source> + '_ {
        let tmu = (0..3u8).filter(move |&i| self.tmu.channels[i as usize].irq(now));
        let etmu = (0..6u8).filter(move |&i| self.etmu.channels[i as usize].irq(now));
        let dma = (0..6u8).filter(move |&i| self.dmac.irq(i as usize, now));
        let rtc = self.rtc.irq(now).then_some(Source::RtcPeriodic);
        let cmt = self.cmt.irq(now).then_some(Source::Cmt);
        tmu.map(Source::Tmu)
            .chain(etmu.map(Source::Etmu))
            .chain(dma.map(Source::Dma))
            .chain(rtc)
            .chain(cmt)
    }

    /// The interrupt the INTC presents to the CPU at `now`: (level, INTEVT code).
    pub fn pending(&self, now: u64) -> Option<(u8, u16)> {
        self.intc.choose(self.requesting(now))
    }

    /// The first cycle after `now` at which a source that can interrupt (a level, no
    /// mask) and does not request yet will request; `None` when none will by itself.
    pub fn next_irq(&self, now: u64) -> Option<u64> {
        let tmu = (0..3).filter_map(|i| {
            self.intc
                .enabled(Source::Tmu(i as u8))
                .then(|| self.tmu.channels[i].next_irq(now))
                .flatten()
        });
        let etmu = (0..6).filter_map(|i| {
            self.intc
                .enabled(Source::Etmu(i as u8))
                .then(|| self.etmu.channels[i].next_irq(now))
                .flatten()
        });
        let rtc = self
            .intc
            .enabled(Source::RtcPeriodic)
            .then(|| self.rtc.next_irq(now))
            .flatten();
        let cmt = self
            .intc
            .enabled(Source::Cmt)
            .then(|| self.cmt.next_irq(now))
            .flatten();
        let dma = (0..6).filter_map(|i| {
            self.intc
                .enabled(Source::Dma(i as u8))
                .then(|| self.dmac.next_irq(i, now))
                .flatten()
        });
        tmu.chain(etmu).chain(rtc).chain(cmt).chain(dma).min()
    }
}
