//! [`Effect`]: what the state machine asks the add-in to do, and [`Effects`], the
//! fixed-capacity list returned for each event.

use crate::record::{App, RecordBytes};
use crate::screen::Screen;

/// One thing for the add-in to do. Effects must be performed in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Show this screen.
    Draw(Screen),
    /// Write this record to storage memory (Bfile) **and** to main memory (MCS),
    /// replacing the previous copies.
    Persist(RecordBytes),
    /// Switch the calculator off (`PowerOff(1)`); the effects after it are performed
    /// once it is switched on again.
    PowerOff,
    /// Stop MENU from leaving the add-in.
    DisableMenu,
    /// Let MENU leave the add-in again.
    EnableMenu,
    /// Open a built-in application.
    OpenApp(App),
    /// Leave the add-in for the main menu.
    Exit,
}

/// The most effects one event produces.
pub const MAX_EFFECTS: usize = 8;

/// The effects produced by one event, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Effects {
    items: [Option<Effect>; MAX_EFFECTS],
    len: usize,
}

impl Effects {
    /// No effects.
    pub const fn new() -> Self {
        Effects {
            items: [None; MAX_EFFECTS],
            len: 0,
        }
    }

    /// Appends an effect. The state machine never produces more than [`MAX_EFFECTS`];
    /// tests check this, and in release builds an extra effect would be dropped.
    pub fn push(&mut self, e: Effect) {
        debug_assert!(self.len < MAX_EFFECTS, "too many effects");
        if self.len < MAX_EFFECTS {
            self.items[self.len] = Some(e);
            self.len += 1;
        }
    }

    /// The effects in order.
    pub fn iter(&self) -> impl Iterator<Item = &Effect> {
        self.items[..self.len].iter().flatten()
    }

    /// The number of effects.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The last screen drawn, if any.
    pub fn last_screen(&self) -> Option<&Screen> {
        self.iter()
            .filter_map(|e| {
                if let Effect::Draw(s) = e {
                    Some(s)
                } else {
                    None
                }
            })
            .last()
    }

    /// The last record persisted, if any.
    pub fn last_persisted(&self) -> Option<&RecordBytes> {
        self.iter()
            .filter_map(|e| {
                if let Effect::Persist(b) = e {
                    Some(b)
                } else {
                    None
                }
            })
            .last()
    }
}

impl Default for Effects {
    fn default() -> Self {
        Self::new()
    }
}
