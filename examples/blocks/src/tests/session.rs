use super::seed_starting_with;
use crate::session::MAX_STEPS_PER_FRAME;
use crate::{Buttons, Kind, Mode, Session};

/// A frame with `held`, then one with nothing held (a tap).
fn tap(s: &mut Session, b: Buttons) {
    s.frame(b, 4, 7);
    s.frame(Buttons::NONE, 4, 7);
}

fn playing(high: u32) -> Session {
    let mut s = Session::new(high);
    s.frame(Buttons::NONE, 4, 1);
    s.frame(Buttons::DROP, 4, seed_starting_with(Kind::T));
    assert_eq!(s.mode(), Mode::Playing);
    s
}

#[test]
fn the_title_waits_for_exe_and_the_key_does_not_drop_the_first_piece() {
    let mut s = Session::new(0);
    assert_eq!(s.mode(), Mode::Title);
    s.frame(Buttons::DROP, 4, 1);
    assert_eq!(
        s.mode(),
        Mode::Title,
        "held from the Main Menu: not a press"
    );
    s.frame(Buttons::NONE, 4, 1);
    s.frame(Buttons::LEFT | Buttons::PAUSE, 4, 1);
    assert_eq!(s.mode(), Mode::Title);
    s.frame(Buttons::DROP, 4, 1);
    assert_eq!(s.mode(), Mode::Playing);
    s.frame(Buttons::DROP, 4, 1);
    assert_eq!(s.game().pieces(), 1, "the EXE that started is no hard drop");
}

#[test]
fn exit_pauses_time_stops_and_the_resuming_key_does_nothing_else() {
    let mut s = playing(0);
    s.frame(Buttons::NONE, 4, 1);
    let steps = s.game().steps();
    s.frame(Buttons::PAUSE, 4, 1);
    assert_eq!(s.mode(), Mode::Paused);
    assert_eq!(s.game().steps(), steps, "the pausing frame runs no step");
    for _ in 0..100 {
        s.frame(Buttons::NONE, 4, 1);
    }
    assert_eq!(s.game().steps(), steps);
    s.frame(Buttons::DROP, 4, 1);
    assert_eq!(s.mode(), Mode::Playing);
    s.frame(Buttons::DROP, 4, 1);
    assert_eq!(s.game().pieces(), 1, "EXE resumed; it did not drop");
    assert!(s.game().steps() > steps);
    // EXIT resumes too.
    tap(&mut s, Buttons::PAUSE);
    assert_eq!(s.mode(), Mode::Paused);
    tap(&mut s, Buttons::PAUSE);
    assert_eq!(s.mode(), Mode::Playing);
}

#[test]
fn a_frame_runs_the_steps_it_is_given_and_a_long_gap_pauses() {
    let mut s = playing(0);
    s.frame(Buttons::NONE, 0, 1);
    let steps = s.game().steps();
    s.frame(Buttons::NONE, 3, 1);
    assert_eq!(s.game().steps(), steps + 3);
    s.frame(Buttons::NONE, MAX_STEPS_PER_FRAME, 1);
    assert_eq!(s.game().steps(), steps + 3 + MAX_STEPS_PER_FRAME);
    assert_eq!(s.mode(), Mode::Playing);
    // Back from the Main Menu a minute later: paused, nothing ran.
    s.frame(Buttons::NONE, 60 * 128, 1);
    assert_eq!(s.mode(), Mode::Paused);
    assert_eq!(s.game().steps(), steps + 3 + MAX_STEPS_PER_FRAME);
}

/// Hard-drops until the game is over; returns the score.
fn top_out(s: &mut Session) -> u32 {
    for _ in 0..60 {
        if s.mode() == Mode::Over {
            return s.game().score();
        }
        tap(s, Buttons::DROP);
    }
    panic!("never over");
}

#[test]
fn a_better_score_is_saved_once_and_a_worse_one_not() {
    let mut s = playing(0);
    let score = top_out(&mut s);
    assert!(score > 0);
    assert_eq!(s.high_score(), score);
    assert!(s.new_high());
    assert_eq!(s.take_save(), Some(score));
    assert_eq!(s.take_save(), None, "once");

    let mut s = playing(score + 1);
    let lower = top_out(&mut s);
    assert!(lower <= score);
    assert_eq!(s.high_score(), score + 1);
    assert!(!s.new_high());
    assert_eq!(s.take_save(), None);
}

#[test]
fn after_a_game_exe_plays_again_and_exit_goes_to_the_title() {
    let mut s = playing(0);
    top_out(&mut s);
    s.frame(Buttons::NONE, 4, 1);
    s.frame(Buttons::DROP, 4, 123);
    assert_eq!(s.mode(), Mode::Playing);
    assert_eq!(s.game().score(), 0, "a new game");
    assert!(!s.new_high());
    top_out(&mut s);
    tap(&mut s, Buttons::PAUSE);
    assert_eq!(s.mode(), Mode::Title);
}
