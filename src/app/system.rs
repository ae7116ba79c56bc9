//! [`System`]: power, the calculator's ID and the OS's apps (calculator only).
use core::sync::atomic::{AtomicU32, Ordering};

use super::OsApp;
use crate::sys;

/// Where the boot code keeps the calculator's ID (`prizm::abi::memory`, with its
/// sources).
const HARDWARE_ID: usize = crate::abi::memory::HARDWARE_ID as usize;
/// Its length in bytes.
pub const HARDWARE_ID_LEN: usize = crate::abi::memory::HARDWARE_ID_LEN;

/// Times the calculator was switched off through [`System::power_off`].
static POWER_CYCLES: AtomicU32 = AtomicU32::new(0);

/// Power-offs so far (for [`super::Input`], which then ignores the held AC/ON).
pub(crate) fn power_cycles() -> u32 {
    POWER_CYCLES.load(Ordering::Relaxed)
}

/// The calculator as a whole: switching it off, its ID, the OS's built-in apps.
pub struct System {
    _private: (),
}

impl System {
    pub(crate) const fn new() -> System {
        System { _private: () }
    }

    /// Switches the calculator off (`logo`: show the CASIO logo first, as SHIFT+AC
    /// does); returns when it is switched on again. The AC/ON press that switched it
    /// on does not reach [`Input`](super::Input).
    pub fn power_off(&mut self, logo: bool) {
        // SAFETY: plain value argument; the call returns once switched on again.
        unsafe { sys::power::PowerOff(i32::from(logo)) };
        POWER_CYCLES.store(power_cycles().wrapping_add(1), Ordering::Relaxed);
    }

    /// The calculator's 8-byte ID, written at the factory (the same on every read).
    pub fn hardware_id(&self) -> [u8; HARDWARE_ID_LEN] {
        let mut id = [0u8; HARDWARE_ID_LEN];
        for (i, b) in id.iter_mut().enumerate() {
            // SAFETY: the boot code's area of flash is always mapped and readable.
            *b = unsafe { ((HARDWARE_ID + i) as *const u8).read_volatile() };
        }
        id
    }

    /// Opens a built-in app of the OS. The OS usually does not come back: the app runs
    /// until the user presses MENU, and opening the add-in again starts it anew. Save
    /// what must survive first.
    pub fn open_app(&mut self, app: OsApp) {
        // SAFETY: the calls take plain values; (0, 0) is what gbl08ma's Utilities
        // passes to APP_RUNMAT (`openRunMat`); APP_FINANCE has the same signature in
        // libfxcg's app.h.
        unsafe {
            match app {
                OsApp::RunMatrix => sys::app::APP_RUNMAT(0, 0),
                OsApp::Financial => sys::app::APP_FINANCE(0, 0),
                OsApp::Memory => sys::app::APP_MEMORY(),
                OsApp::System => sys::app::APP_SYSTEM(),
            }
        }
    }
}
