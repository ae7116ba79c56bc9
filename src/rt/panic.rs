//! The panic handler: the message and its place on screen, then MENU leaves.
use core::{fmt::Write, panic::PanicInfo};

use super::panic_screen::{Truncating, draw};
use crate::sys;

/// Set once a panic is being shown, so a panic inside the handler does not recurse.
static SHOWING: crate::sync::Flag = crate::sync::Flag::new();

#[panic_handler]
fn panic(info: &PanicInfo<'_>) -> ! {
    if SHOWING.try_set() {
        let mut msg = Truncating::<480>::new();
        let _ = write!(msg, "{}", info.message());
        let loc = info.location().map(|l| (l.file(), l.line(), l.column()));
        super::panic_record::record(msg.as_str(), loc);
        // SAFETY: the add-in has stopped at this panic; nothing else uses VRAM now.
        let mut frame = unsafe { crate::display::screen_vram() };
        draw(&mut frame, msg.as_str(), loc);
        // SAFETY: plain calls; the status area would cover the title.
        unsafe {
            sys::status::EnableStatusArea(3);
            sys::display::Bdisp_PutDisp_DD();
        }
    }
    loop {
        // GetKey handles MENU (to the Main Menu) and power-off; an add-in cannot return
        // from a panic, so stay here.
        let mut key = 0;
        // SAFETY: valid out-pointer.
        unsafe { sys::keyboard::GetKey(&mut key) };
    }
}
