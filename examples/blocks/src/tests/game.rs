use super::{game_starting_with, hold, seed_starting_with, tap};
use crate::board::{Board, COLUMNS, ROWS};
use crate::game::{CLEAR_STEPS, LOCK_DELAY, LOCK_RESETS, SLIDE_DELAY, SOFT_DROP_STEPS};
use crate::score::gravity;
use crate::{Buttons, Game, Kind};

#[test]
fn a_tap_moves_one_column_and_a_hold_slides_to_the_wall() {
    let mut g = game_starting_with(Kind::T);
    let x0 = g.piece().unwrap().x;
    tap(&mut g, Buttons::LEFT);
    assert_eq!(g.piece().unwrap().x, x0 - 1);
    tap(&mut g, Buttons::RIGHT);
    tap(&mut g, Buttons::RIGHT);
    assert_eq!(g.piece().unwrap().x, x0 + 1);
    hold(&mut g, Buttons::RIGHT, u32::from(SLIDE_DELAY) + 60);
    let right = g.piece().unwrap().cells().iter().map(|c| c.0).max();
    assert_eq!(right, Some(COLUMNS as i8 - 1), "against the right wall");
}

#[test]
fn buttons_held_at_the_start_do_nothing_until_pressed_again() {
    let mut g = Game::new(5);
    let p = *g.piece().unwrap();
    hold(&mut g, Buttons::DROP | Buttons::LEFT, 5);
    assert_eq!(g.pieces(), 1, "no hard drop");
    assert_eq!(g.piece().unwrap().x, p.x, "no move");
    hold(&mut g, Buttons::NONE, 1);
    hold(&mut g, Buttons::LEFT, 1);
    assert_eq!(g.piece().unwrap().x, p.x - 1);
}

#[test]
fn gravity_pulls_one_row_per_period_and_soft_drop_pays_a_point_a_row() {
    let mut g = game_starting_with(Kind::O);
    let y0 = g.piece().unwrap().y;
    hold(&mut g, Buttons::NONE, u32::from(gravity(1)) - 2);
    assert_eq!(g.piece().unwrap().y, y0, "not yet");
    hold(&mut g, Buttons::NONE, 1);
    assert_eq!(g.piece().unwrap().y, y0 + 1);
    assert_eq!(g.score(), 0, "falling alone pays nothing");
    hold(&mut g, Buttons::SOFT_DROP, 5 * u32::from(SOFT_DROP_STEPS));
    assert_eq!(g.piece().unwrap().y, y0 + 6);
    assert_eq!(g.score(), 5);
}

#[test]
fn hard_drop_pays_two_points_a_row_and_brings_the_next_piece() {
    let mut g = game_starting_with(Kind::O);
    let ghost = g.ghost().unwrap();
    let d = ghost.y - g.piece().unwrap().y;
    let next = g.next();
    hold(&mut g, Buttons::DROP, 1);
    assert_eq!(g.score(), 2 * d as u32);
    assert_eq!(g.pieces(), 2);
    assert_eq!(g.piece().unwrap().kind, next);
    for (x, y) in ghost.cells() {
        assert_eq!(g.board().get(x, y), Some(Kind::O));
    }
}

#[test]
fn a_landed_piece_locks_after_the_delay_and_moves_restart_it_a_few_times() {
    let mut g = Game::new(seed_starting_with(Kind::O));
    let rows = g.board().drop_distance(g.piece().unwrap()) as u32;
    let mut steps = 0;
    while g.pieces() == 1 {
        g.step(Buttons::SOFT_DROP);
        steps += 1;
        assert!(steps < 1000, "never locked");
    }
    // It fell a row every SOFT_DROP_STEPS, then waited LOCK_DELAY on the floor.
    assert_eq!(
        steps,
        rows * u32::from(SOFT_DROP_STEPS) + u32::from(LOCK_DELAY)
    );
    assert_eq!(g.score(), rows);

    let mut g = Game::new(seed_starting_with(Kind::T));
    let rows = g.board().drop_distance(g.piece().unwrap()) as u32;
    hold(
        &mut g,
        Buttons::SOFT_DROP,
        rows * u32::from(SOFT_DROP_STEPS),
    );
    let landed = *g.piece().unwrap();
    assert_eq!(g.board().drop_distance(&landed), 0);
    hold(&mut g, Buttons::NONE, u32::from(LOCK_DELAY) - 1);
    assert_eq!(g.pieces(), 1);
    // Each turn restarts the delay, LOCK_RESETS times at most.
    let mut steps = 0;
    while g.pieces() == 1 {
        hold(&mut g, Buttons::TURN, 1);
        hold(&mut g, Buttons::NONE, u32::from(LOCK_DELAY) / 2);
        steps += 1;
        assert!(steps < 100, "never locked");
    }
    assert!(steps > usize::from(LOCK_RESETS) / 2);
}

#[test]
fn a_full_row_flashes_then_goes_and_pays_by_level() {
    let seed = seed_starting_with(Kind::O);
    let ghost = Game::new(seed).ghost().unwrap();
    let mut board = Board::default();
    for x in 0..COLUMNS as i8 {
        if !ghost.cells().contains(&(x, ROWS as i8 - 1)) {
            board.set(x, ROWS as i8 - 1, Some(Kind::Z));
        }
    }
    let mut g = Game::with_board(seed, board);
    g.step(Buttons::NONE);
    let d = g.board().drop_distance(g.piece().unwrap()) as u32;
    hold(&mut g, Buttons::DROP, 1);
    let c = g.clearing().expect("clearing");
    assert_eq!(c.rows, 1 << (ROWS - 1));
    assert!(g.piece().is_none(), "no piece while the row flashes");
    assert_eq!(g.lines(), 1);
    assert_eq!(g.score(), 100 + 2 * d);
    hold(&mut g, Buttons::NONE, u32::from(CLEAR_STEPS) - 1);
    assert!(g.clearing().is_some(), "still flashing");
    hold(&mut g, Buttons::NONE, 1);
    assert!(g.clearing().is_none());
    assert!(g.piece().is_some());
    // The O's top half fell into the bottom row.
    for (x, _) in ghost.cells() {
        assert_eq!(g.board().get(x, ROWS as i8 - 1), Some(Kind::O));
    }
    assert_eq!(g.board().stack_height(), 1);
}

#[test]
fn four_rows_at_once_with_an_upright_bar() {
    let seed = seed_starting_with(Kind::I);
    // The I turned once stands in column x + 2.
    let col = Game::new(seed).piece().unwrap().x + 2;
    let mut board = Board::default();
    for y in ROWS as i8 - 4..ROWS as i8 {
        for x in 0..COLUMNS as i8 {
            if x != col {
                board.set(x, y, Some(Kind::L));
            }
        }
    }
    let mut g = Game::with_board(seed, board);
    hold(&mut g, Buttons::NONE, 1);
    hold(&mut g, Buttons::TURN, 1);
    hold(&mut g, Buttons::NONE, 1);
    let d = g.board().drop_distance(g.piece().unwrap()) as u32;
    hold(&mut g, Buttons::DROP, 1);
    assert_eq!(g.lines(), 4);
    assert_eq!(g.score(), 800 + 2 * d);
    hold(&mut g, Buttons::NONE, u32::from(CLEAR_STEPS));
    assert_eq!(g.board().stack_height(), 0, "all gone");
}

#[test]
fn a_bar_turns_off_the_wall() {
    let mut g = game_starting_with(Kind::I);
    hold(&mut g, Buttons::TURN, 1);
    hold(&mut g, Buttons::NONE, 1);
    hold(&mut g, Buttons::LEFT, 100);
    assert!(g.piece().unwrap().cells().iter().all(|c| c.0 == 0));
    hold(&mut g, Buttons::NONE, 1);
    hold(&mut g, Buttons::TURN_BACK, 1);
    let p = g.piece().unwrap();
    assert_eq!(p.rot, 0);
    assert!(p.cells().iter().all(|c| c.0 >= 0), "kicked inside");
    assert!(g.board().fits(p));
}

#[test]
fn dropping_in_the_middle_tops_out_and_then_nothing_moves() {
    let mut g = Game::new(99);
    let mut drops = 0;
    while !g.is_over() {
        tap(&mut g, Buttons::DROP);
        drops += 1;
        assert!(drops < 40, "never over");
    }
    assert!(drops >= 5, "{drops}");
    assert_eq!(g.lines(), 0, "the middle never fills a row");
    assert!(g.piece().is_none());
    let (score, steps) = (g.score(), g.steps());
    hold(&mut g, Buttons::DROP, 10);
    assert_eq!((g.score(), g.steps()), (score, steps));
}

#[test]
fn same_seed_and_buttons_give_the_same_game() {
    let play = |seed| {
        let mut g = Game::new(seed);
        let moves = [
            Buttons::LEFT,
            Buttons::TURN,
            Buttons::DROP,
            Buttons::RIGHT,
            Buttons::SOFT_DROP,
            Buttons::DROP,
            Buttons::TURN_BACK,
        ];
        for i in 0..300 {
            tap(&mut g, moves[i % moves.len()]);
        }
        (g.score(), g.lines(), g.pieces(), g.board().clone())
    };
    assert_eq!(play(3), play(3));
    assert_ne!(play(3), play(4));
}
