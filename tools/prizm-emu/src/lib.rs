//! A headless Casio Prizm emulator.
