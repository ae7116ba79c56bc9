#![no_std]
#![no_main]
prizm::entry!(main);
fn main() {}
