//! The context OS timer handlers run in: like an interrupt, at the cycle they are due,
//! unless the add-in masked interrupts (SR.IMASK = 15), in which case the handler waits
//! until the mask comes down (src/os/time.rs).

mod common;

use common::{build, g3a};
use prizm_emu::{Emulator, Options, Outcome};

/// Installs a 10 ms timer whose handler counts at 0x08100000, sets SR.IMASK to
/// `imask`, spins for about 50 ms of instructions, reads the count into r9, restores SR,
/// spins until the count is at least 1, and returns the count read during the spin.
fn program(imask: u8) -> String {
    format!(
        "
        sts.l pr,@-r15
        mov #0,r4
        mova handler,r0
        mov r0,r5
        mov #10,r6
        SYSCALL 0x8D9           ! Timer_Install(0, handler, 10 ms)
        mov r0,r4
        SYSCALL 0x8DB           ! Timer_Start
        stc sr,r10              ! the SR to come back to
        mov r10,r0
        LOADL r1, 0xFFFFFF0F
        and r1,r0
        or #{mask:#x},r0
        ldc r0,sr               ! SR.IMASK = {imask}
        LOADL r2, 3000000
    1:  dt r2
        bf 1b                   ! about 6 M instructions: 50 ms at 118 MHz
        LOADL r1, 0x08100000
        mov.l @r1,r9            ! handler runs so far
        ldc r10,sr              ! interrupts back
    2:  mov.l @r1,r0
        cmp/pl r0
        bf 2b
        mov r9,r0
        lds.l @r15+,pr
        rts
        nop
        .align 2
    handler:
        LOADL r1, 0x08100000
        mov.l @r1,r0
        add #1,r0
        rts
        mov.l r0,@r1
    ",
        mask = u32::from(imask) << 4,
    )
}

fn run(imask: u8) -> (Emulator, Outcome) {
    let (code, elf) = build(&program(imask), &format!("timer-imask-{imask}"));
    let opts = Options {
        elf: Some(elf),
        max_instructions: 50_000_000,
        ..Default::default()
    };
    let mut e = Emulator::load(&g3a(&code), opts).unwrap();
    let o = e.run_until_idle();
    (e, o)
}

#[test]
fn timer_handlers_interrupt_unmasked_code() {
    let (e, o) = run(0);
    let Outcome::Returned(n) = o else {
        panic!("{o:?}")
    };
    assert!(n >= 4, "a 10 ms timer ran {n} times in about 50 ms");
    assert_eq!(e.os.timer_stats.held_off, 0);
    assert_eq!(e.os.timer_stats.fired as i32, n.max(1));
}

#[test]
fn imask_15_holds_timer_handlers_off_until_it_comes_down() {
    let (e, o) = run(15);
    assert_eq!(o, Outcome::Returned(0), "no handler ran while masked");
    let s = e.os.timer_stats;
    assert_eq!(s.held_off, 1, "{s:?}");
    assert_eq!(
        s.fired, 1,
        "the held-off handler ran once, after the mask: {s:?}"
    );
}
