//! CGlock logic: a pure state machine, no OS calls.
#![no_std]
