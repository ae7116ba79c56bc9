//! How the OS started the add-in: the two arguments it passes to the entry point, kept
//! for [`launch`] and handed to a `main` that takes them.

use super::ExitCode;
use core::sync::atomic::{AtomicI32, AtomicU32, Ordering};

/// The arguments the OS starts an add-in with: the entry point is called as
/// `int f(int isAppli, unsigned short optionNum)` (CASIO's start-up code as Kristaba
/// took it from the Conversion add-in, and libfxcg's crt0, both pass them on to `main`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Launch {
    /// `isAppli`: 1 when started from the Main Menu as an application.
    pub is_appli: i32,
    /// `optionNum`.
    pub option: u16,
}

static IS_APPLI: AtomicI32 = AtomicI32::new(0);
static OPTION: AtomicU32 = AtomicU32::new(0);

/// The arguments the OS started the add-in with (all zero before start-up ran, and on
/// the PC).
pub fn launch() -> Launch {
    Launch {
        is_appli: IS_APPLI.load(Ordering::Relaxed),
        option: OPTION.load(Ordering::Relaxed) as u16,
    }
}

/// Records the entry point's arguments (start-up code only).
#[cfg_attr(not(prizm), allow(dead_code))]
pub(crate) fn set_launch(is_appli: i32, option: u16) {
    IS_APPLI.store(is_appli, Ordering::Relaxed);
    OPTION.store(option as u32, Ordering::Relaxed);
}

/// An add-in's main function, as [`entry!`](crate::entry) accepts it: `fn()` or
/// `fn(Launch)`, returning `()` or an `i32` for the OS.
///
/// ```
/// use prizm::rt::{AddinMain, Launch};
/// fn plain() -> i32 { 3 }
/// fn with_args(l: Launch) -> i32 { l.option as i32 }
/// let l = Launch { is_appli: 1, option: 7 };
/// assert_eq!(AddinMain::run(plain, l), 3);
/// assert_eq!(AddinMain::run(with_args, l), 7);
/// ```
pub trait AddinMain<Args> {
    /// Calls the function (with `launch` when it takes it) and returns its exit code.
    fn run(self, launch: Launch) -> i32;
}

impl<F: FnOnce() -> R, R: ExitCode> AddinMain<()> for F {
    fn run(self, _launch: Launch) -> i32 {
        self().code()
    }
}

impl<F: FnOnce(Launch) -> R, R: ExitCode> AddinMain<Launch> for F {
    fn run(self, launch: Launch) -> i32 {
        self(launch).code()
    }
}
