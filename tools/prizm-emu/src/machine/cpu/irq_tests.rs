//! Interrupts through VBR, and DMA to the LCD controller: SH programs assembled with
//! `sh-elf-as` that program the devices as gint does, run interpreted and translated.

use super::tests::{assemble, machine};
use super::{Cpu, Stop, sr};

const CODE: u32 = 0x0030_0000;
const RAM: u32 = 0x0810_0000;

/// Starts TMU0 (100 counts of Pclk/4: an underflow every 1600 cycles) with its
/// interrupt at level 5; the handler at VBR+0x600 acknowledges UNF, counts in r8 and
/// logs SPC, INTEVT, SSR and the loop count r9 at r11; the main loop spins until 10 interrupts, then sleeps.
const TMU_PROGRAM: &str = r#"
.text
.global start
start:
    mova handler, r0
    mov.w off600, r1
    sub r1, r0
    ldc r0, vbr
    mov.l log, r11
    mov #0, r8
    mov.l ipra, r1
    mov.w level, r2
    mov.w r2, @r1
    mov.l tcor0, r1
    mov #99, r2
    mov.l r2, @r1
    mov.l r2, @(4, r1)
    mov #0x20, r0
    mov.w r0, @(8, r1)
    mov.l tstr, r1
    mov #1, r2
    mov.b r2, @r1
    mov #0, r9
loop:
    add #1, r9
    mov #10, r0
    cmp/hs r0, r8
    bf loop
    sleep
    nop

.align 2
log:   .long 0x08100000
ipra:  .long 0xA4080000
tcor0: .long 0xA4490008
tstr:  .long 0xA4490004
level: .word 0x5000
off600: .word 0x600

.align 2
.global handler
handler:
    mov.l h_tcor0, r1
    mov.w @(8, r1), r0
    mov.w h_unfclr, r2
    and r2, r0
    mov.w r0, @(8, r1)
    add #1, r8
    stc spc, r3
    mov.l r3, @r11
    mov.l h_intevt, r0
    mov.l @r0, r3
    mov.l r3, @(4, r11)
    stc ssr, r3
    mov.l r3, @(8, r11)
    mov.l r9, @(12, r11)
    add #16, r11
    rte
    nop
.align 2
h_tcor0:  .long 0xA4490008
h_intevt: .long 0xFF000028
h_unfclr: .word 0xFEFF
"#;

fn tmu_run(translate: bool) -> (Cpu, Vec<u32>) {
    let (bin, syms) = assemble(TMU_PROGRAM, if translate { "irq-jit" } else { "irq-int" });
    tmu_run_with(&bin, &syms, translate)
}

fn tmu_run_with(
    bin: &[u8],
    syms: &std::collections::HashMap<String, u32>,
    translate: bool,
) -> (Cpu, Vec<u32>) {
    let mut cpu = machine(bin);
    cpu.set_translate(translate);
    cpu.pc = CODE + syms["start"];
    cpu.r[15] = RAM + 0x3_0000;
    let stop = cpu.run(1_000_000);
    let log: Vec<u32> = (0..40).map(|i| cpu.peek(RAM + 4 * i, 4).unwrap()).collect();
    assert_eq!(
        stop,
        Stop::Sleep,
        "pc {:#x} r8 {} icount {} sr {:#x} log {:x?}",
        cpu.pc,
        cpu.r[8],
        cpu.icount,
        cpu.sr(),
        log
    );
    (cpu, log)
}

#[test]
fn tmu_interrupts_enter_through_vbr_and_agree_interpreted_and_translated() {
    let (int, log) = tmu_run(false);
    let (jit, jit_log) = tmu_run(true);
    assert_eq!(int.r[8], 10, "ten interrupts counted");
    // Each entry: SPC in the main loop, INTEVT 0x400 (TMU0), SSR as before (BL=0).
    let (bin, syms) = assemble(TMU_PROGRAM, "irq-syms");
    let handler = CODE + syms["handler"];
    assert!(!bin.is_empty());
    for e in log.chunks(4) {
        assert!(e[0] >= CODE && e[0] < handler, "spc {:#x}", e[0]);
        assert_eq!(e[1], 0x400);
        assert_eq!(e[2] & sr::BL, 0);
        assert_eq!(e[2] & sr::MD, sr::MD);
    }
    // 10 underflows 1600 cycles apart: the tenth is taken at the boundary after it.
    assert!(
        int.icount >= 16_000 && int.icount < 16_100,
        "{}",
        int.icount
    );
    // The same instruction counts and the same interrupted places either way.
    assert_eq!(int.icount, jit.icount);
    assert_eq!(log, jit_log);
    assert_eq!(int.r[9], jit.r[9]);
    // Back in the main program: bank 0, BL clear.
    assert_eq!(int.sr() & (sr::BL | sr::RB), 0);
}

#[test]
fn interrupts_wait_for_the_mask_and_the_block_bit() {
    let (bin, syms) = assemble(TMU_PROGRAM, "irq-mask");
    let mut cpu = machine(&bin);
    cpu.pc = CODE + syms["start"];
    // IMASK 5: a level-5 request is not accepted.
    cpu.set_sr(sr::MD | 5 << 4);
    assert_eq!(cpu.run(20_000), Stop::Budget);
    assert_eq!(cpu.r[8], 0);
    assert!(cpu.mem.devices.pending(cpu.now()).is_some());
    // BL set: still nothing, whatever the mask.
    cpu.set_sr(sr::MD | sr::BL);
    assert_eq!(cpu.run(1000), Stop::Budget);
    assert_eq!(cpu.r[8], 0);
    // Mask lowered: taken at once (the request is pending), then every 1600 cycles.
    cpu.set_sr(sr::MD);
    let before = cpu.icount;
    cpu.run(1);
    assert_eq!(cpu.ssr & sr::IMASK, 0);
    assert!(cpu.spc >= CODE);
    assert!(cpu.icount - before <= 1);
    assert_eq!(cpu.run(100_000), Stop::Sleep);
    assert_eq!(cpu.r[8], 10);
}

#[test]
fn sleep_waits_for_the_next_interrupt() {
    let (bin, syms) = assemble(TMU_PROGRAM, "irq-sleep");
    let mut cpu = machine(&bin);
    cpu.pc = CODE + syms["start"];
    // Run the set-up only (up to the loop), then sleep.
    let setup = (syms["loop"] - syms["start"]) / 2;
    cpu.run(setup as u64);
    let now = cpu.now();
    cpu.sleep(1_000_000);
    let slept = cpu.now() - now;
    assert!(slept > 1000 && slept <= 1600, "{slept}");
    cpu.run(1);
    assert_eq!(cpu.pc & !0xFF, (CODE + syms["handler"]) & !0xFF);
    // Nothing enabled: a sleep lasts its maximum.
    let mut idle = machine(&bin);
    idle.sleep(5000);
    assert_eq!(idle.now(), 5000);
}

/// Sends a 4x2 picture to the panel as gint's `r61524_display` does: window, address
/// 0, select the data register through PRDR, then a DMA of 32-byte blocks... here one
/// block of 16 pixels to a 8x2 window, source incremented, destination fixed.
#[test]
fn dma_frame_reaches_the_lcd() {
    let mut cpu = machine(&[0; 2]);
    // The picture in RAM (physical address of the add-in RAM window is not what the
    // DMAC sees: put it in on-chip RAM, reached as is).
    let src = 0xE500_7000;
    cpu.mem.slow_rams.push(crate::machine::bus::SlowRam {
        base: src,
        data: vec![0; 0x100],
        writable: true,
    });
    for i in 0..16 {
        cpu.poke(src + 2 * i, 2, 0x1000 + i).unwrap();
    }
    let select = |cpu: &mut Cpu, reg: u32| {
        cpu.poke(0xA405_013C, 1, 0).unwrap();
        cpu.poke(0xB400_0000, 2, reg).unwrap();
        cpu.poke(0xA405_013C, 1, 0x10).unwrap();
    };
    // Window: panel x 100..107, y 50..51.
    for (reg, v) in [
        (0x210, 395 - 107),
        (0x211, 395 - 100),
        (0x212, 50),
        (0x213, 51),
    ] {
        select(&mut cpu, reg);
        cpu.poke(0xB400_0000, 2, v).unwrap();
    }
    for reg in [0x200, 0x201] {
        select(&mut cpu, reg);
        cpu.poke(0xB400_0000, 2, 0).unwrap();
    }
    select(&mut cpu, 0x202);
    let frames = cpu.mem.devices.lcd.frames;
    // DMA channel 0: one 32-byte unit, source incremented, destination fixed, IE.
    cpu.poke(0xFE00_8020, 4, src).unwrap();
    cpu.poke(0xFE00_8024, 4, 0x1400_0000).unwrap();
    cpu.poke(0xFE00_8028, 4, 1).unwrap();
    cpu.poke(0xFE00_802C, 4, (1 << 20) | (1 << 12) | (4 << 8) | 4 | 1)
        .unwrap();
    assert_eq!(cpu.mem.devices.lcd.frames, frames, "DMAOR.DME still 0");
    cpu.poke(0xFE00_8060, 2, 1).unwrap();
    // Done at once: TE set, the frame on the panel.
    assert_eq!(cpu.peek(0xFE00_802C, 4).unwrap() & 2, 2);
    assert_eq!(cpu.peek(0xFE00_8028, 4).unwrap(), 0);
    assert_eq!(cpu.mem.devices.lcd.frames, frames + 1);
    let lcd = &cpu.mem.devices.lcd;
    use crate::machine::devices::lcd::{LCD_WIDTH, SHOWN_X, SHOWN_Y};
    let at =
        |x: u32, y: u32| lcd.pixels[((y - SHOWN_Y) as usize) * LCD_WIDTH + (x - SHOWN_X) as usize];
    assert_eq!(at(100, 50), 0x1000);
    assert_eq!(at(107, 50), 0x1007);
    assert_eq!(at(100, 51), 0x1008);
    assert_eq!(at(107, 51), 0x100F);
    assert_eq!(at(108, 50), 0xFFFF);
    // The transfer-end interrupt is requested once the INTC lets it (IPRE, DEI0).
    assert_eq!(cpu.mem.devices.pending(cpu.now()), None);
    cpu.poke(0xA408_0010, 2, 0x9000).unwrap();
    assert_eq!(cpu.mem.devices.pending(cpu.now()), Some((9, 0x800)));
    // A transfer from an unmapped address stops with that address.
    cpu.poke(0xFE00_8030, 4, 0x0F00_0000).unwrap();
    cpu.poke(0xFE00_8034, 4, 0x1400_0000).unwrap();
    cpu.poke(0xFE00_8038, 4, 1).unwrap();
    let err = cpu.poke(0xFE00_803C, 4, 1 | (2 << 3)).unwrap_err();
    assert!(format!("{err}").contains("0xaf000000"), "{err}");
}

#[test]
fn intmu_raises_the_mask_to_the_level_taken() {
    let (bin, syms) = assemble(TMU_PROGRAM, "irq-intmu");
    let handler = CODE + syms["handler"];
    for intmu in [false, true] {
        let mut cpu = machine(&bin);
        cpu.pc = CODE + syms["start"];
        if intmu {
            let v = cpu.peek(0xFF2F_0000, 4).unwrap();
            cpu.poke(0xFF2F_0000, 4, v | 8).unwrap();
        }
        let mut n = 0;
        while cpu.sr() & sr::BL == 0 {
            cpu.run(1);
            n += 1;
            assert!(n < 10_000, "no interrupt");
        }
        // One step: the interrupt taken, then the handler's first instruction.
        assert_eq!(cpu.pc, handler + 2);
        // The first request rises 1600 cycles after TMU0 starts: taken right then.
        let imask = (cpu.sr() & sr::IMASK) >> 4;
        assert_eq!(imask, if intmu { 5 } else { 0 });
        assert_eq!(
            cpu.sr() & (sr::BL | sr::RB | sr::MD),
            sr::BL | sr::RB | sr::MD
        );
        assert_eq!(cpu.r[15], cpu.sgr);
    }
}

/// The first interrupt is taken exactly when its request rises (the run loop's bound
/// is lowered to that cycle), interpreted or translated: TSTR is written by the 18th
/// instruction, so TMU0 underflows at cycle 18 + 100 * 16 = 1618; the main loop (4
/// instructions from the 20th) has then run 399 times plus 3 instructions, so the
/// interrupted instruction is its `bf` (loop + 6) and r9 is 400.
#[test]
fn interrupt_entry_cycle_is_exact() {
    let (bin, syms) = assemble(TMU_PROGRAM, "irq-exact");
    assert_eq!(syms["loop"] - syms["start"], 19 * 2);
    for translate in [false, true] {
        let (_, log) = tmu_run_with(&bin, &syms, translate);
        assert_eq!(log[0], CODE + syms["loop"] + 6, "translate {translate}");
        assert_eq!(log[3], 400, "translate {translate}");
    }
}

/// gint's way: ETMU5 at 128 Hz (its keyboard scan) and the RTC's 64 Hz periodic
/// interrupt, set up through the registers, and a main loop that sleeps until the next
/// interrupt; the handler tells the sources apart by INTEVT and acknowledges each.
const SLEEPER: &str = r#"
.text
.global start
start:
    mova handler, r0
    mov.w off600, r1
    sub r1, r0
    ldc r0, vbr
    mov #0, r8
    mov #0, r10
idle:
    sleep
    mov.w limit, r0
    cmp/hs r0, r8
    bf idle
    trapa #1
.align 2
off600: .word 0x600
limit:  .word 128
.align 2
.global handler
handler:
    mov.l intevt, r1
    mov.l @r1, r0
    mov.w evt_etmu5, r1
    cmp/eq r1, r0
    bf not_etmu
    mov.l etmu5_tcr, r1
    mov #1, r0
    mov.b r0, @r1
    add #1, r8
    rte
    nop
not_etmu:
    mov.l rcr2, r1
    mov.b @r1, r0
    and #0x7F, r0
    mov.b r0, @r1
    add #1, r10
    rte
    nop
.align 2
intevt:    .long 0xFF000028
etmu5_tcr: .long 0xA44D00DC
rcr2:      .long 0xA413FEDE
evt_etmu5: .word 0xFA0
"#;

#[test]
fn etmu_and_rtc_interrupts_wake_a_sleeping_cpu() {
    let (bin, syms) = assemble(SLEEPER, "irq-sleeper");
    let mut runs = vec![];
    for translate in [false, true] {
        let mut cpu = machine(&bin);
        cpu.set_translate(translate);
        cpu.pc = CODE + syms["start"];
        // ETMU5: TCOR = TCNT = 255 (128 Hz), UNIE, started; IPRL level 9.
        cpu.poke(0xA44D_00D4, 4, 255).unwrap();
        cpu.poke(0xA44D_00D8, 4, 255).unwrap();
        cpu.poke(0xA44D_00DC, 1, 1).unwrap();
        cpu.poke(0xA44D_00D0, 1, 1).unwrap();
        cpu.poke(0xA408_002C, 2, 0x9000).unwrap();
        // RTC periodic at 64 Hz (PES = 2); IPRK level 3.
        cpu.poke(0xA413_FEDE, 1, 0x20).unwrap();
        cpu.poke(0xA408_0028, 2, 0x3000).unwrap();
        let mut sleeps = 0;
        loop {
            match cpu.run(1_000_000) {
                Stop::Sleep => {
                    sleeps += 1;
                    cpu.sleep(crate::machine::model::CLOCK_HZ);
                    cpu.pc += 2;
                }
                Stop::Trapa(1) => break,
                s => panic!("{s:?} at {:#x}", cpu.pc),
            }
            assert!(sleeps < 1000);
        }
        // 128 ETMU5 interrupts: one second of emulated time, about 64 RTC ones.
        assert_eq!(cpu.r[8], 128);
        let secs = cpu.now() as f64 / crate::machine::model::CLOCK_HZ as f64;
        assert!((secs - 1.0).abs() < 0.01, "{secs}");
        assert!((63..=65).contains(&cpu.r[10]), "{}", cpu.r[10]);
        // The CPU slept between interrupts: little code ran.
        assert!(cpu.icount < 10_000, "{}", cpu.icount);
        runs.push((cpu.icount, cpu.now(), cpu.r[10], sleeps));
    }
    assert_eq!(runs[0], runs[1]);
}

/// A whole frame as libfxcg-era add-ins send it (DoDMAlcdNonblock, put_disp_strip):
/// the window set to the OS's area and the data register selected (what
/// Bdisp_DefineDMARange(6, 389, 0, 215) and Bdisp_DDRegisterSelect(0x202) do), then
/// DMA channel 0 from the VRAM's physical address to the LCD's, 32-byte units, with
/// their read-modify-writes of CHCR and DMAOR, and their wait for TE, which comes when
/// the model's display has taken the frame. The screen then shows the VRAM.
#[test]
fn dma_display_as_libfxcg_code_does() {
    use crate::machine::board;
    use crate::machine::devices::lcd::{LCD_HEIGHT, LCD_WIDTH};
    use crate::machine::model::Model;
    for model in [Model::Cg50, Model::Cg20] {
        let mut cpu = Cpu::new(board::memory(model, &[0; 16], *b"EMU-TEST"));
        let vram = model.vram_p2();
        for i in 0..(LCD_WIDTH * LCD_HEIGHT) as u32 {
            cpu.poke(vram + 2 * i, 2, i.wrapping_mul(2654435761) >> 16)
                .unwrap();
        }
        let select = |cpu: &mut Cpu, reg: u32| {
            let prdr = cpu.peek(0xA405_013C, 1).unwrap();
            cpu.poke(0xA405_013C, 1, prdr & !0x10).unwrap();
            cpu.poke(0xB400_0000, 2, reg).unwrap();
            cpu.poke(0xA405_013C, 1, prdr | 0x10).unwrap();
        };
        for (reg, v) in [
            (0x210, 395 - 389),
            (0x211, 395 - 6),
            (0x212, 0),
            (0x213, 215),
        ] {
            select(&mut cpu, reg);
            cpu.poke(0xB400_0000, 2, v).unwrap();
        }
        for reg in [0x200, 0x201] {
            select(&mut cpu, reg);
            cpu.poke(0xB400_0000, 2, 0).unwrap();
        }
        select(&mut cpu, 0x202);
        let rmw = |cpu: &mut Cpu, a: u32, size: u8, f: &dyn Fn(u32) -> u32| {
            let v = cpu.peek(a, size).unwrap();
            cpu.poke(a, size, f(v)).unwrap();
        };
        rmw(&mut cpu, 0xA415_0030, 4, &|v| v & !(1 << 21)); // MSTPCR0
        rmw(&mut cpu, 0xFE00_802C, 4, &|v| v & !1);
        cpu.poke(0xFE00_8060, 2, 0).unwrap();
        cpu.poke(0xFE00_8020, 4, vram & 0x1FFF_FFFF).unwrap();
        cpu.poke(0xFE00_8024, 4, 0xB400_0000 & 0x1FFF_FFFF).unwrap();
        cpu.poke(0xFE00_8028, 4, (216 * 384) / 16).unwrap();
        cpu.poke(0xFE00_802C, 4, 0x0010_1400).unwrap();
        rmw(&mut cpu, 0xFE00_8060, 2, &|v| v | 1);
        rmw(&mut cpu, 0xFE00_8060, 2, &|v| v & !6);
        let frames = cpu.mem.devices.lcd.frames;
        rmw(&mut cpu, 0xFE00_802C, 4, &|v| v | 1);
        // DmaWaitNext: TE reads 1 once the frame's time has passed (11 ms on the
        // fx-CG50, 22 ms on the fx-CG20), no address error.
        assert_eq!(cpu.peek(0xFE00_802C, 4).unwrap() & 2, 0);
        let frame = model.lcd_frame_us() * crate::machine::model::CLOCK_HZ / 1_000_000;
        cpu.idle_cycles += frame - 1;
        assert_eq!(cpu.peek(0xFE00_802C, 4).unwrap() & 2, 0, "{model:?}");
        cpu.idle_cycles += 1;
        assert_eq!(cpu.peek(0xFE00_802C, 4).unwrap() & 2, 2, "{model:?}");
        assert_eq!(cpu.peek(0xFE00_8060, 2).unwrap() & 4, 0);
        assert_eq!(cpu.mem.devices.lcd.frames, frames + 1);
        for i in 0..LCD_WIDTH * LCD_HEIGHT {
            let want = cpu.peek(vram + 2 * i as u32, 2).unwrap() as u16;
            assert_eq!(cpu.mem.devices.lcd.pixels[i], want, "pixel {i} ({model:?})");
        }
    }
}

/// The CMT's compare match through the INTC (IPRF bits 3-0): a sleeping CPU wakes at
/// the match and takes INTEVT 0xF00.
#[test]
fn cmt_compare_match_interrupt() {
    let mut cpu = machine(&[0; 2]);
    cpu.vbr = 0x0030_0000;
    cpu.poke(0xA44A_0068, 4, 327).unwrap(); // CMCOR: 328 counts, 10 ms
    cpu.poke(0xA44A_0060, 2, (1 << 8) | (2 << 4)).unwrap(); // CMM, CMR = interrupt
    cpu.poke(0xA44A_0000, 2, 0x20).unwrap(); // start
    cpu.poke(0xA408_0014, 2, 0x0004).unwrap(); // IPRF: CMT level 4
    let before = cpu.now();
    cpu.sleep(crate::machine::model::CLOCK_HZ);
    let slept = cpu.now() - before;
    let want = crate::machine::model::CLOCK_HZ * 327 / 32_768;
    assert!(slept.abs_diff(want) <= 2, "{slept} {want}");
    // Taken at the start of the next run (before any instruction).
    cpu.run(0);
    assert_eq!(cpu.pc, 0x0030_0600);
    assert_eq!(cpu.mem.devices.ccn.intevt, 0xF00);
    assert_eq!(cpu.peek(0xA44A_0060, 2).unwrap() & 0x8000, 0x8000);
    // Masked through IMR9 bit 4: no request.
    cpu.poke(0xA408_00A4, 1, 0x10).unwrap();
    assert_eq!(cpu.mem.devices.pending(cpu.now()), None);
}

/// At the fx-CG10/20's clock (two ticks per instruction, the CPG as its OS sets it),
/// the TMU still counts a quarter of the CPU clock: the interrupts come after the same
/// instruction counts as at the fx-CG50's, at twice the ticks, interpreted and
/// translated alike. With the fx-CG50's CPG (Pphi at a quarter of the tick rate) they
/// come after half the instructions: the run loop converts the due tick to an
/// instruction count exactly.
#[test]
fn interrupts_at_two_ticks_per_instruction() {
    use crate::machine::model::Model;
    let (bin, syms) = assemble(TMU_PROGRAM, "irq-cg20");
    let run = |model: Model, translate: bool| {
        let mut cpu = machine(&bin);
        cpu.mem.devices.set_model_clocks(model);
        cpu.set_ticks_per_insn(2);
        cpu.set_translate(translate);
        cpu.pc = CODE + syms["start"];
        cpu.r[15] = RAM + 0x3_0000;
        assert_eq!(cpu.run(1_000_000), Stop::Sleep);
        let log: Vec<u32> = (0..40).map(|i| cpu.peek(RAM + 4 * i, 4).unwrap()).collect();
        (cpu.icount, cpu.now(), log)
    };
    let (int, int_now, log) = run(Model::Cg20, false);
    let (jit, jit_now, jit_log) = run(Model::Cg20, true);
    assert!((16_000..16_100).contains(&int), "{int}");
    assert_eq!((int, int_now, &log), (jit, jit_now, &jit_log));
    assert_eq!(int_now, 2 * int);
    // The first interrupt is taken at the same instruction as at one tick each.
    assert_eq!(log[0], CODE + syms["loop"] + 6);
    assert_eq!(log[3], 400);
    let (int, _, log) = run(Model::Cg50, false);
    let (jit, _, jit_log) = run(Model::Cg50, true);
    assert!((8_000..8_100).contains(&int), "{int}");
    assert_eq!((int, &log), (jit, &jit_log));
}
