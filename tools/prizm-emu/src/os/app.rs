//! The OS's built-in apps (`APP_*` calls). The emulator has no OS apps: a call that
//! opens one records [`Event::OpenApp`] and ends the run ([`Halt::OpenApp`], reported
//! as `Outcome::OpenApp`), saying which app the OS would open. On the calculator most
//! of these calls do not return either (WikiPrizm, "Built-in Apps": the app ends
//! through `GetKey`'s MENU).
//!
//! Numbers and names: prizm-abi's app area (`app_calls!`, from libfxcg
//! `include/fxcg/app.h` and `libfxcg/syscalls/*.S`), the table the SDK's
//! `prizm::sys::app` binds.

use super::{CallResult, Ctx, Entry, Event, Halt};
use prizm_abi::os_calls::calls;

/// Declares one handler per app call: it records the event and ends the run.
macro_rules! app_calls {
    ($($call:ident $handler:ident $app:literal;)*) => {
        /// The app calls.
        pub const CALLS: &[Entry] = &[$((calls::$call, $handler)),*];
        $(
            #[doc = concat!("`", stringify!($call), "`: the OS would open ", $app, ".")]
            fn $handler(e: &mut Ctx) -> CallResult {
                open(e, stringify!($call), $app)
            }
        )*
    };
}

app_calls! {
    APP_RUNMAT app_runmat "Run-Matrix";
    APP_FINANCE app_finance "Financial";
    APP_MEMORY app_memory "Memory";
    APP_Program app_program "Program";
    APP_SYSTEM app_system "System";
    APP_SYSTEM_BATTERY app_system_battery "System (battery)";
    APP_SYSTEM_DISPLAY app_system_display "System (display)";
    APP_SYSTEM_LANGUAGE app_system_language "System (language)";
    APP_SYSTEM_POWER app_system_power "System (power)";
    APP_SYSTEM_RESET app_system_reset "System (reset)";
    APP_SYSTEM_VERSION app_system_version "System (version)";
}

/// Records that the add-in asked the OS to open `app` through `call`, and stops.
fn open(e: &mut Ctx, call: &'static str, app: &'static str) -> CallResult {
    let at = e.cpu.now();
    e.os.events.push(Event::OpenApp { call, app, at });
    Err(Halt::OpenApp(app))
}
