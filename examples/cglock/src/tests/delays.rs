//! Failed-attempt counter and lock-out delays: growth, cap, countdown, persistence.

use super::*;
use crate::delay::{MAX_DELAY_TICKS, TICKS_PER_DAY, delay_after};
use crate::screen::Purpose;

/// A locked calculator with code "2580" and `n` wrong codes typed, waiting out any
/// lock-out in between (back on the lock screen at the end).
fn failed(n: u16) -> Sim {
    let mut s = Sim::with_code("2580");
    s.lock();
    for _ in 0..n {
        s.wait(s.m.lockout_remaining());
        if s.m.state() != State::Locked {
            s.key(Key::Exit);
        }
        assert_eq!(s.m.state(), State::Locked);
        s.try_unlock("1111");
        s.key(Key::Exit);
    }
    s
}

#[test]
fn no_delay_for_the_first_three_failures() {
    for n in 1..=3 {
        let s = failed(n);
        assert_eq!(s.stored().failures, n);
        assert_eq!(s.stored().lockout_remaining, 0);
        assert_eq!(s.m.state(), State::Locked);
    }
}

#[test]
fn fourth_failure_locks_out_for_30_seconds() {
    let mut s = failed(3);
    s.try_unlock("1111");
    assert_eq!(
        s.screen,
        Some(Screen::WrongCode {
            purpose: Purpose::Unlock,
            failures: 4,
            wait_seconds: 30
        })
    );
    assert!(s.shown().contains("Wait 30 s"));
    assert_eq!(s.stored().lockout_remaining, secs(30));
    // EXIT shows the countdown, not the lock screen.
    s.key(Key::Exit);
    assert_eq!(s.m.state(), State::Lockout(Purpose::Unlock));
    assert!(s.shown().contains("30 s"));
    // EXIT from the countdown goes to the lock screen, but ALPHA brings the countdown back.
    s.key(Key::Exit);
    assert_eq!(s.m.state(), State::Locked);
    s.key(Key::Alpha);
    assert_eq!(s.m.state(), State::Lockout(Purpose::Unlock));
    // The countdown is redrawn every second.
    let fx = s.wait(secs(1));
    assert_eq!(
        fx,
        [Effect::Draw(Screen::Lockout {
            purpose: Purpose::Unlock,
            wait_seconds: 29
        })]
    );
    // Nothing is written to flash while counting down.
    let fx = s.wait(secs(28));
    assert!(!fx.iter().any(|e| matches!(e, Effect::Persist(_))));
    assert!(s.shown().contains("1 s"));
    // At the end: the remaining time (0) is saved and the lock screen is back.
    let fx = s.wait(secs(1));
    assert!(matches!(fx[0], Effect::Persist(_)));
    assert!(matches!(fx[1], Effect::Draw(Screen::Lock { .. })));
    assert_eq!(s.stored().lockout_remaining, 0);
    assert_eq!(s.stored().failures, 4, "the count stays until a right code");
    assert_eq!(s.m.state(), State::Locked);
    s.try_unlock("2580");
    assert_eq!(s.m.state(), State::Home);
    assert_eq!(s.stored().failures, 0);
}

#[test]
fn the_countdown_also_runs_on_the_wrong_code_screen() {
    let mut s = failed(3);
    s.try_unlock("1111");
    let fx = s.wait(secs(1));
    assert_eq!(
        fx,
        [Effect::Draw(Screen::WrongCode {
            purpose: Purpose::Unlock,
            failures: 4,
            wait_seconds: 29
        })]
    );
    s.wait(secs(29));
    assert_eq!(s.m.state(), State::WrongCode(Purpose::Unlock));
    assert!(!s.shown().contains("Wait"));
    s.key(Key::Exit);
    assert_eq!(s.m.state(), State::Locked);
}

#[test]
fn delays_grow_and_are_capped() {
    let mut s = failed(3);
    let mut expected = [30u32, 60, 120, 240, 480, 960, 1920, 3600, 3600, 3600].into_iter();
    for n in 4..=13u16 {
        s.try_unlock("1111");
        let e = expected.next().unwrap();
        assert_eq!(s.stored().failures, n);
        assert_eq!(s.stored().lockout_remaining, secs(e), "after {n} failures");
        assert_eq!(s.stored().lockout_remaining, delay_after(n));
        s.key(Key::Exit);
        s.wait(secs(e));
        assert_eq!(s.m.state(), State::Locked);
    }
    assert_eq!(s.stored().lockout_remaining, 0);
    s.try_unlock("1111");
    assert_eq!(s.stored().lockout_remaining, MAX_DELAY_TICKS);
}

#[test]
fn no_code_can_be_tried_during_a_lockout() {
    let mut s = failed(4);
    s.key(Key::Exit);
    s.wait(secs(10));
    s.key(Key::Alpha);
    assert_eq!(s.m.state(), State::Lockout(Purpose::Unlock));
    s.type_code("2580");
    s.key(Key::Exe);
    assert_eq!(s.m.state(), State::Lockout(Purpose::Unlock));
    assert_eq!(s.m.typed_len(), 0);
    assert!(s.m.is_locked());
}

#[test]
fn lockout_survives_a_restart() {
    let mut s = failed(4);
    assert_eq!(s.stored().lockout_remaining, secs(30));
    // Time passes, then the add-in is restarted (e.g. by RESTART, then run again)
    // without having saved: the full remaining time applies again.
    s.wait(secs(20));
    s.restart();
    assert_eq!(s.m.state(), State::Locked);
    assert_eq!(s.m.lockout_remaining(), secs(30));
    assert_eq!(s.m.record().unwrap().failures, 4);
    s.key(Key::Alpha);
    assert_eq!(s.m.state(), State::Lockout(Purpose::Unlock));
    // The next failure after it continues the growth (60 s), not from zero.
    s.wait(secs(30));
    s.try_unlock("1111");
    assert_eq!(s.stored().lockout_remaining, secs(60));
}

#[test]
fn shift_ac_saves_the_remaining_time() {
    let mut s = failed(4);
    s.wait(secs(20));
    s.key(Key::Shift);
    s.key(Key::Ac);
    assert_eq!(s.stored().lockout_remaining, secs(10));
    assert_eq!(s.m.state(), State::Lockout(Purpose::Unlock));
    s.restart();
    assert_eq!(s.m.lockout_remaining(), secs(10));
}

#[test]
fn time_while_switched_off_counts() {
    let mut s = failed(4);
    s.key(Key::Shift);
    s.key(Key::Ac);
    // Off for 25 s: the first tick after power-on sees the gap.
    s.now += secs(25);
    let now = s.now;
    s.m.handle(Event::Tick(now));
    assert_eq!(s.m.lockout_remaining(), secs(5));
}

#[test]
fn countdown_works_across_midnight() {
    let mut s = failed(3);
    s.now = TICKS_PER_DAY - secs(10);
    let now = s.now;
    s.m.handle(Event::Tick(now));
    s.try_unlock("1111");
    s.wait(secs(15));
    assert!(s.now < secs(10), "wrapped");
    assert_eq!(s.m.lockout_remaining(), secs(15));
    s.wait(secs(15));
    assert_eq!(s.m.lockout_remaining(), 0);
}

#[test]
fn first_tick_after_loading_is_only_a_baseline() {
    let mut s = failed(4);
    s.restart();
    // The RTC could read anything after a restart; that is not elapsed time.
    s.now = (s.now + secs(1000)) % TICKS_PER_DAY;
    s.m = Machine::new(HW);
    let st = s.storage;
    s.m.handle(Event::Loaded {
        storage: st.as_ref().map(|b| &b[..]),
        main_memory: st.as_ref().map(|b| &b[..]),
    });
    s.m.handle(Event::Tick(s.now));
    assert_eq!(s.m.lockout_remaining(), secs(30));
}

#[test]
fn repeated_tick_values_change_nothing() {
    let mut s = failed(4);
    let now = s.now;
    for _ in 0..10 {
        assert!(s.m.handle(Event::Tick(now)).is_empty());
    }
    assert_eq!(s.m.lockout_remaining(), secs(30));
}
