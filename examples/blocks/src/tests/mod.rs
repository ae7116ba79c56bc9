//! Whole-game tests: moves, drops, clears, scoring and the screens around the games.

mod game;
mod session;

use crate::{Buttons, Game};

/// Runs `n` steps holding `held`.
fn hold(game: &mut Game, held: Buttons, n: u32) {
    for _ in 0..n {
        game.step(held);
    }
}

/// A tap as the emulator's key scripts make it: 100 ms held (13 steps), 50 ms released.
fn tap(game: &mut Game, b: Buttons) {
    hold(game, b, 13);
    hold(game, Buttons::NONE, 6);
}

/// A seed whose first piece is `kind`.
fn seed_starting_with(kind: crate::Kind) -> u32 {
    (1..1000)
        .find(|&s| Game::new(s).piece().unwrap().kind == kind)
        .expect("some seed starts with every kind")
}

/// A game whose first piece is `kind`, with the start-up buttons released.
fn game_starting_with(kind: crate::Kind) -> Game {
    let mut g = Game::new(seed_starting_with(kind));
    g.step(Buttons::NONE);
    g
}
