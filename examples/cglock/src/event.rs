//! [`Event`]: what the add-in feeds into the state machine.

use crate::key::Key;

/// An input to [`Machine::handle`](crate::Machine::handle).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Event<'a> {
    /// The stored records were read at start-up: the storage-memory file and the
    /// main-memory item, `None` where not found. Only meaningful as the first event;
    /// ignored afterwards.
    Loaded {
        /// Contents of the storage-memory (Bfile) copy.
        storage: Option<&'a [u8]>,
        /// Contents of the main-memory (MCS) copy.
        main_memory: Option<&'a [u8]>,
    },
    /// A key was pressed.
    Key(Key),
    /// The RTC reads `now` ticks (1/128 s since midnight, as `RTC_GetTicks` returns).
    /// Send one at least every second or so, and after every key press; the machine
    /// measures time between consecutive ticks, wrapping at midnight.
    Tick(u32),
}
