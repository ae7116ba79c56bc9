//! Why a memory access fails.

/// Why a memory access failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Fault {
    /// Nothing is mapped at the address.
    Unmapped {
        /// The address.
        addr: u32,
        /// Access size in bytes.
        size: u8,
        /// Whether it was a write.
        write: bool,
    },
    /// A write to a read-only region (the add-in image).
    ReadOnly {
        /// The address.
        addr: u32,
        /// Access size in bytes.
        size: u8,
    },
    /// The address is not a multiple of the access size.
    Misaligned {
        /// The address.
        addr: u32,
        /// Access size in bytes.
        size: u8,
        /// Whether it was a write.
        write: bool,
    },
    /// An input device has no input left to give (the harness's key script is
    /// exhausted): the access does not complete, and the CPU stops before the
    /// instruction (the CPU's `Stop::NoInput`) so that input can be added
    /// and the run resumed.
    NoInput,
}

impl std::fmt::Display for Fault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Fault::Unmapped { addr, size, write } => write!(
                f,
                "{} of {} byte(s) at unmapped address {addr:#010x}",
                if *write { "write" } else { "read" },
                size
            ),
            Fault::ReadOnly { addr, size } => {
                write!(
                    f,
                    "write of {size} byte(s) to read-only address {addr:#010x}"
                )
            }
            Fault::Misaligned { addr, size, write } => write!(
                f,
                "misaligned {} of {} byte(s) at {addr:#010x} (address error)",
                if *write { "write" } else { "read" },
                size
            ),
            Fault::NoInput => write!(f, "an input device was read with no input left"),
        }
    }
}
