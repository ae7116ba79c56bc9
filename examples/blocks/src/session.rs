//! The screens around the games: title, playing, paused, game over; and the high score.

use crate::buttons::Buttons;
use crate::game::Game;

/// Logic steps one frame may run at most: a longer gap between two frames means the
/// add-in was away (the Main Menu, the calculator switched off), and the game pauses
/// instead of catching up.
pub const MAX_STEPS_PER_FRAME: u32 = 16;

/// What is on the screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// The title screen: EXE starts a game.
    Title,
    /// A game runs.
    Playing,
    /// The game waits: EXIT or EXE resumes.
    Paused,
    /// The game is over: EXE plays again, EXIT goes to the title.
    Over,
}

/// The add-in's state from start to end.
#[derive(Clone, Debug)]
pub struct Session {
    mode: Mode,
    game: Game,
    high: u32,
    new_high: bool,
    prev: Buttons,
    to_save: Option<u32>,
}

impl Session {
    /// The title screen, with the high score read from storage (0 if none).
    pub fn new(high: u32) -> Session {
        Session {
            mode: Mode::Title,
            game: Game::new(1),
            high,
            new_high: false,
            prev: Buttons::ALL,
            to_save: None,
        }
    }

    /// What is on the screen.
    pub fn mode(&self) -> Mode {
        self.mode
    }

    /// The game being played, or the last one.
    pub fn game(&self) -> &Game {
        &self.game
    }

    /// The best score so far, this one included.
    pub fn high_score(&self) -> u32 {
        self.high
    }

    /// Whether the last game beat the high score it started with.
    pub fn new_high(&self) -> bool {
        self.new_high
    }

    /// A high score to write to storage, once: taken when a game ends with a new best.
    pub fn take_save(&mut self) -> Option<u32> {
        self.to_save.take()
    }

    /// One frame: `held` the buttons held now, `steps` the logic steps (RTC ticks) since
    /// the last frame, `seed` some changing number (the RTC) for a new game's pieces.
    pub fn frame(&mut self, held: Buttons, steps: u32, seed: u32) {
        let pressed = held.pressed_since(self.prev);
        self.prev = held;
        match self.mode {
            Mode::Title => {
                if pressed.contains(Buttons::DROP) {
                    self.start(seed);
                }
            }
            Mode::Playing => {
                if pressed.contains(Buttons::PAUSE) || steps > MAX_STEPS_PER_FRAME {
                    self.mode = Mode::Paused;
                    return;
                }
                for _ in 0..steps {
                    self.game.step(held);
                }
                if self.game.is_over() {
                    self.mode = Mode::Over;
                    let score = self.game.score();
                    if score > self.high {
                        self.high = score;
                        self.new_high = true;
                        self.to_save = Some(score);
                    }
                }
            }
            Mode::Paused => {
                if pressed.contains(Buttons::PAUSE) || pressed.contains(Buttons::DROP) {
                    self.game.ignore_held();
                    self.mode = Mode::Playing;
                }
            }
            Mode::Over => {
                if pressed.contains(Buttons::DROP) {
                    self.start(seed);
                } else if pressed.contains(Buttons::PAUSE) {
                    self.mode = Mode::Title;
                }
            }
        }
    }

    fn start(&mut self, seed: u32) {
        self.game = Game::new(seed);
        self.new_high = false;
        self.mode = Mode::Playing;
    }
}
