//! [`OsApp`]: the OS's built-in apps an add-in can open (the `APP_*` OS calls that take
//! no undocumented arguments).

/// A built-in app of the OS that [`System::open_app`](super::System::open_app) opens.
///
/// Only these have an OS call an add-in can make with documented arguments (WikiPrizm,
/// "Built-in Apps"; libfxcg `include/fxcg/app.h`): the others of the Main Menu
/// (Statistics, Graph, eActivity, Spreadsheet, ...) have none known, and `APP_Program`'s
/// arguments are unknown.
///
/// ```
/// use prizm::app::OsApp;
/// assert_eq!(OsApp::RunMatrix.name(), "Run-Matrix");
/// assert_eq!(OsApp::RunMatrix.os_call(), "APP_RUNMAT");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum OsApp {
    /// Run-Matrix (`APP_RUNMAT`).
    RunMatrix,
    /// Financial (`APP_FINANCE`).
    Financial,
    /// Memory (`APP_MEMORY`).
    Memory,
    /// System (`APP_SYSTEM`).
    System,
}

impl OsApp {
    /// Every app an add-in can open.
    pub const ALL: [OsApp; 4] = [
        OsApp::RunMatrix,
        OsApp::Financial,
        OsApp::Memory,
        OsApp::System,
    ];

    /// The app's name in the Main Menu.
    pub const fn name(self) -> &'static str {
        match self {
            OsApp::RunMatrix => "Run-Matrix",
            OsApp::Financial => "Financial",
            OsApp::Memory => "Memory",
            OsApp::System => "System",
        }
    }

    /// The name of the OS call that opens it.
    pub const fn os_call(self) -> &'static str {
        match self {
            OsApp::RunMatrix => "APP_RUNMAT",
            OsApp::Financial => "APP_FINANCE",
            OsApp::Memory => "APP_MEMORY",
            OsApp::System => "APP_SYSTEM",
        }
    }
}
