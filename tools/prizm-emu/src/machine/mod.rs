//! The machine: the SH-4A processor with its code cache, and the bus with its memories
//! and devices, laid out per model. It knows nothing of the OS or of key scripts: input
//! reaches it through device traits ([`devices::KeyInput`]) that the harness implements.
//!
//! Inside, modules import in this order only: [`model`], [`page`] and [`fault`] (facts),
//! then `code_cache`, [`devices`], [`bus`], [`cpu`], and [`board`] (a model's address
//! space) on top.

pub mod board;
pub mod bus;
pub(crate) mod code_cache;
pub mod cpu;
pub mod devices;
pub mod fault;
pub mod model;
pub mod page;

pub use bus::Memory;
pub use cpu::{Cpu, Stop};
pub use fault::Fault;
pub use model::{CLOCK_HZ, Model};
