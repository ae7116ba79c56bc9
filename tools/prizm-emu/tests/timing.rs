//! Emulated time per model: the fx-CG50's CPU runs at 117.9648 MHz, the fx-CG10/20's
//! at 58.9824 MHz (docs/timing.md). What an add-in measures with the OS's clock (RTC
//! ticks) and the timer unit follows the model's clock.

mod common;

use common::{build, g3a};
use prizm_emu::{Emulator, Model, Options, Outcome};

/// Runs `src` on `model`; returns what it returned.
fn run(src: &str, model: Model, tag: &str) -> (Emulator, u32) {
    let (code, elf) = build(src, tag);
    let opts = Options {
        model,
        elf: Some(elf),
        max_instructions: 100_000_000,
        ..Default::default()
    };
    let mut e = Emulator::load(&g3a(&code), opts).unwrap();
    match e.run_until_idle() {
        Outcome::Returned(v) => (e, v as u32),
        o => panic!("{model:?}: {o:?}"),
    }
}

/// 40,000,000 instructions (a `dt`/`bf` loop) between two RTC_GetTicks calls; returns
/// the ticks (1/128 s) that passed.
const LOOP: &str = "
    sts.l pr,@-r15
    mov.l r8,@-r15
    SYSCALL 0x02C1          ! RTC_GetTicks
    mov r0,r8
    LOADL r1, 20000000
loop:
    dt r1
    bf loop
    SYSCALL 0x02C1
    sub r8,r0
    mov.l @r15+,r8
    lds.l @r15+,pr
    rts
    nop
";

#[test]
fn a_loop_takes_twice_as_long_on_the_fx_cg20() {
    // 40 M instructions: 0.339 s at 117.9648 MHz (43.4 ticks), 0.678 s at 58.9824 MHz.
    let (e50, t50) = run(LOOP, Model::Cg50, "loop50");
    let (e20, t20) = run(LOOP, Model::Cg20, "loop20");
    let (e10, t10) = run(LOOP, Model::Cg10, "loop10");
    assert!((43..=44).contains(&t50), "fx-CG50: {t50} ticks");
    assert!((86..=87).contains(&t20), "fx-CG20: {t20} ticks");
    assert_eq!(t10, t20, "the fx-CG10 is an fx-CG20");
    assert_eq!(e50.cpu.icount, e20.cpu.icount, "the same instructions ran");
    let (s50, s20) = (e50.emulated_seconds(), e20.emulated_seconds());
    assert!((s20 / s50 - 2.0).abs() < 0.01, "{s50} s against {s20} s");
    assert_eq!(e10.emulated_seconds(), s20);
}

/// Twenty Bdisp_PutDisp_DD between two RTC_GetTicks calls; returns the ticks.
const PUTS: &str = "
    sts.l pr,@-r15
    mov.l r8,@-r15
    mov.l r9,@-r15
    SYSCALL 0x02C1          ! RTC_GetTicks
    mov r0,r8
    mov #20,r9
again:
    SYSCALL 0x025F          ! Bdisp_PutDisp_DD
    dt r9
    bf again
    SYSCALL 0x02C1
    sub r8,r0
    mov.l @r15+,r9
    mov.l @r15+,r8
    lds.l @r15+,pr
    rts
    nop
";

#[test]
fn putdisp_takes_11_ms_on_the_fx_cg50_and_22_ms_on_the_fx_cg20() {
    // 20 x 11 ms = 0.22 s = 28.2 ticks; 20 x 22 ms = 56.3 ticks.
    let (e50, t50) = run(PUTS, Model::Cg50, "puts50");
    let (_, t20) = run(PUTS, Model::Cg20, "puts20");
    assert!((28..=29).contains(&t50), "fx-CG50: {t50} ticks");
    assert!((56..=57).contains(&t20), "fx-CG20: {t20} ticks");
    assert_eq!(e50.frames(), 20);
}

/// TMU0 counting Pphi/4 from 0xFFFFFFFF while 4,000,000 instructions run; returns the
/// counts.
const TMU: &str = "
    LOADL r1, 0xA4490008    ! TCOR0
    mov #-1,r2
    mov.l r2,@r1
    mov.l r2,@(4,r1)        ! TCNT0
    mov #0,r0
    mov.w r0,@(8,r1)        ! TCR0: Pphi/4, no interrupt
    LOADL r3, 0xA4490004    ! TSTR
    mov #1,r0
    mov.b r0,@r3
    LOADL r4, 2000000
spin:
    dt r4
    bf spin
    mov.l @(4,r1),r0
    rts
    not r0,r0
";

#[test]
fn the_tmu_counts_a_quarter_of_each_models_cpu_clock() {
    // Pphi/4 = CPU/16 on both models: 4 M instructions are 250,000 counts.
    for model in [Model::Cg50, Model::Cg20] {
        let (_, n) = run(TMU, model, &format!("tmu-{}", model.name()));
        assert!((249_990..=250_010).contains(&n), "{model:?}: {n}");
    }
}

/// Ten frames sent to the display by DMA as libfxcg-era add-ins do (the LCD's data
/// register selected, channel 0 from the VRAM's physical address in 32-byte units,
/// then a wait for CHCR.TE), between two RTC_GetTicks calls; returns the ticks.
const DMA: &str = "
    sts.l pr,@-r15
    mov.l r8,@-r15
    mov.l r9,@-r15
    mov.l r10,@-r15
    SYSCALL 0x01E6          ! GetVRAMAddress
    LOADL r1, 0x1FFFFFFF
    and r1,r0
    mov r0,r10              ! its physical address
    SYSCALL 0x02C1          ! RTC_GetTicks
    mov r0,r8
    mov #10,r9
frame:
    LOADL r1, 0xA405013C    ! PRDR: select the data register (0x202)
    mov.b @r1,r0
    and #0xEF,r0
    mov.b r0,@r1
    LOADL r2, 0xB4000000
    LOADL r3, 0x202
    mov.w r3,@r2
    or #0x10,r0
    mov.b r0,@r1
    LOADL r1, 0xFE008020    ! SAR0, DAR0, TCR0, CHCR0
    mov.l r10,@r1
    LOADL r2, 0x14000000
    mov.l r2,@(4,r1)
    LOADL r2, 5184          ! 384 x 216 x 2 bytes in 32-byte units
    mov.l r2,@(8,r1)
    LOADL r2, 0x00101400
    mov.l r2,@(12,r1)
    LOADL r3, 0xFE008060    ! DMAOR.DME
    mov #1,r0
    mov.w r0,@r3
    mov.l @(12,r1),r0
    or #1,r0
    mov.l r0,@(12,r1)       ! CHCR0.DE: the transfer starts
wait:
    mov.l @(12,r1),r0
    tst #2,r0
    bt wait
    LOADL r4, 0xFFFFFFFC    ! clear TE and DE
    and r4,r0
    mov.l r0,@(12,r1)
    dt r9
    bf frame
    SYSCALL 0x02C1
    sub r8,r0
    mov.l @r15+,r10
    mov.l @r15+,r9
    mov.l @r15+,r8
    lds.l @r15+,pr
    rts
    nop
";

#[test]
fn a_dma_frame_to_the_display_takes_as_long_as_putdisp() {
    // 10 x 11 ms = 0.11 s = 14.1 ticks; 10 x 22 ms = 28.2 ticks.
    let (e50, t50) = run(DMA, Model::Cg50, "dma50");
    let (_, t20) = run(DMA, Model::Cg20, "dma20");
    assert!((14..=15).contains(&t50), "fx-CG50: {t50} ticks");
    assert!((28..=29).contains(&t20), "fx-CG20: {t20} ticks");
    // The panel counts a frame each time its window fills (the window is not set
    // here, so the count depends on where the OS left it): the data reached it.
    assert!(e50.frames() >= 9, "{} frames", e50.frames());
}
