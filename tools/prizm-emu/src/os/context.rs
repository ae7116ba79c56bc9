//! What an OS call works on: the machine's CPU (registers and memory), the OS's own
//! state, the model, and the keys a person presses. The harness builds one for each
//! call; OS calls see nothing else of it.

use super::keymap::Key;
use super::{CallResult, Event, Halt, OsState};
use crate::machine::cpu::Cpu;
use crate::machine::model::Model;
use crate::machine::page::PAGE_W;

/// Where blocking key calls (GetKey...) take their keys from: the person at the
/// keyboard, which the harness plays from a key script.
pub trait KeySource {
    /// The key held down at emulated cycle `now` as polling sees it; [`Exhausted`] when
    /// no key will come and the add-in has polled for a while.
    fn poll(&mut self, now: u64) -> Result<Option<Key>, Exhausted>;
    /// Takes the next key at emulated cycle `now`, waiting at most `timeout` cycles
    /// (`None`: forever).
    fn take(&mut self, now: u64, timeout: Option<u64>) -> Take;
    /// Puts a key in front of the ones still to come (Keyboard_PutKeycode).
    fn push_front(&mut self, key: Key);
}

/// No key is left to come, and the add-in has polled for a while: the run is idle.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Exhausted;

/// Result of taking a key for a blocking call.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Take {
    /// A key, after `advance` idle cycles.
    Key {
        /// The key.
        key: Key,
        /// Emulated cycles that passed before it.
        advance: u64,
    },
    /// The timeout passed with no key (`advance` cycles).
    Timeout {
        /// Emulated cycles that passed.
        advance: u64,
    },
    /// The script is exhausted.
    Exhausted,
}

/// The context of one OS call.
pub struct Ctx<'a> {
    /// Registers and memory.
    pub cpu: &'a mut Cpu,
    /// What the OS remembers between calls.
    pub os: &'a mut OsState,
    /// The model.
    pub model: Model,
    /// The keys.
    pub keys: &'a mut dyn KeySource,
}

impl Ctx<'_> {
    /// Argument `i` (0-based) of the current OS call: r4-r7, then @(SP), @(SP+4)...
    pub(crate) fn arg(&mut self, i: usize) -> Result<u32, Halt> {
        if i < 4 {
            Ok(self.cpu.r[4 + i])
        } else {
            let sp = self.cpu.r[15];
            Ok(self.cpu.peek(sp.wrapping_add(4 * (i as u32 - 4)), 4)?)
        }
    }

    /// Reads `size` bytes of guest memory (the key-scan rows included: the device
    /// asks the same keys, so an OS call copying them for the add-in sees the keys
    /// down, as the 2013 Mandelbrot add-in's `memcpy(lastkey, 0xA44B0000, 16)` needs).
    fn peek(&mut self, a: u32, size: u8) -> Result<u32, Halt> {
        Ok(self.cpu.peek(a, size)?)
    }

    /// Reads a byte of guest memory.
    pub(crate) fn rd8(&mut self, a: u32) -> Result<u8, Halt> {
        Ok(self.peek(a, 1)? as u8)
    }
    /// Reads a 16-bit word of guest memory.
    pub(crate) fn rd16(&mut self, a: u32) -> Result<u16, Halt> {
        Ok(self.peek(a, 2)? as u16)
    }
    /// Reads a 32-bit word of guest memory.
    pub(crate) fn rd32(&mut self, a: u32) -> Result<u32, Halt> {
        self.peek(a, 4)
    }
    /// Writes a byte of guest memory.
    pub(crate) fn wr8(&mut self, a: u32, v: u8) -> Result<(), Halt> {
        Ok(self.cpu.poke(a, 1, v as u32)?)
    }
    /// Writes a 16-bit word of guest memory.
    pub(crate) fn wr16(&mut self, a: u32, v: u16) -> Result<(), Halt> {
        Ok(self.cpu.poke(a, 2, v as u32)?)
    }
    /// Writes a 32-bit word of guest memory.
    pub(crate) fn wr32(&mut self, a: u32, v: u32) -> Result<(), Halt> {
        Ok(self.cpu.poke(a, 4, v)?)
    }

    /// Reads `n` bytes of guest memory.
    pub(crate) fn rd_bytes(&mut self, a: u32, n: usize) -> Result<Vec<u8>, Halt> {
        if let Some(s) = self.cpu.mem.slice(a, n) {
            return Ok(s.to_vec());
        }
        (0..n).map(|i| self.rd8(a.wrapping_add(i as u32))).collect()
    }

    /// Writes bytes to guest memory.
    pub(crate) fn wr_bytes(&mut self, a: u32, b: &[u8]) -> Result<(), Halt> {
        // Writes through the page table must respect read-only pages.
        let writable = (0..b.len().max(1))
            .step_by(0x10000)
            .chain(std::iter::once(b.len().saturating_sub(1)))
            .all(|i| self.cpu.mem.entry(a.wrapping_add(i as u32)) & PAGE_W != 0);
        if writable && let Some(s) = self.cpu.mem.slice_mut(a, b.len()) {
            s.copy_from_slice(b);
            return Ok(());
        }
        for (i, &v) in b.iter().enumerate() {
            self.wr8(a.wrapping_add(i as u32), v)?;
        }
        Ok(())
    }

    /// Reads a NUL-terminated string of at most `max` bytes.
    pub(crate) fn rd_cstr(&mut self, a: u32, max: usize) -> Result<Vec<u8>, Halt> {
        let mut out = Vec::new();
        for i in 0..max {
            let c = self.rd8(a.wrapping_add(i as u32))?;
            if c == 0 {
                break;
            }
            out.push(c);
        }
        Ok(out)
    }

    /// Reads a NUL-terminated 16-bit string of at most `max` units.
    pub(crate) fn rd_wstr(&mut self, a: u32, max: usize) -> Result<Vec<u16>, Halt> {
        let mut out = Vec::new();
        for i in 0..max {
            let c = self.rd16(a.wrapping_add(2 * i as u32))?;
            if c == 0 {
                break;
            }
            out.push(c);
        }
        Ok(out)
    }

    /// Lets `cycles` of emulated time pass with no instruction running.
    pub(crate) fn idle(&mut self, cycles: u64) {
        self.cpu.idle_cycles += cycles;
    }

    /// Records a call that is accepted but has no effect here.
    pub(crate) fn ignored(&mut self, name: &'static str) -> CallResult {
        if !self.os.events.contains(&Event::Ignored { name }) {
            self.os.events.push(Event::Ignored { name });
        }
        Ok(0)
    }
}
