//! OS calls: the OS's built-in apps, opened from an add-in (WikiPrizm, "Built-in Apps";
//! libfxcg `include/fxcg/app.h`). Most do not return: the app ends through `GetKey`'s
//! MENU, and the add-in's stack is left behind.

/// The app area's table lines, handed to `$callback!` (see [`crate::os_calls`]).
#[macro_export]
macro_rules! app_calls {
    ($($callback:ident)::+) => {
        $($callback)::+! {
            source "libfxcg `include/fxcg/app.h`, WikiPrizm \"Built-in Apps\", the OS-call list in ../shared/reference";
            0x1A03 "Opens Run-Matrix; (0, 0) as gbl08ma's Utilities call it (`openRunMat`); usually does not return." fn APP_RUNMAT(is_appli: i32, option: i32);
            0x0C6B "Opens Financial; usually does not return." fn APP_FINANCE(is_appli: i32, option: i32);
            0x1632 "Opens Memory; usually does not return." fn APP_MEMORY();
            0x1945 "Opens Program (parameters unknown)." fn APP_Program();
            0x1E13 "Opens System; usually does not return." fn APP_SYSTEM();
            0x1E07 "Opens System's battery setting (`opt` unnamed in libfxcg)." fn APP_SYSTEM_BATTERY(opt: i32);
            0x1E0A "Opens System's display setting (parameter unnamed in libfxcg)." fn APP_SYSTEM_DISPLAY(p: i32);
            0x1E0D "Opens System's language setting (parameter unnamed in libfxcg)." fn APP_SYSTEM_LANGUAGE(p: i32);
            0x1E05 "Opens System's power setting (`opt` unnamed in libfxcg)." fn APP_SYSTEM_POWER(opt: i32);
            0x1E17 "Opens System's reset screen." fn APP_SYSTEM_RESET();
            0x1E34 "Opens System's version screen." fn APP_SYSTEM_VERSION();
            0x1384 "The Link app's transmit selection dialog (buffers undocumented)." fn APP_LINK_transmit_select_dialog(buffer1: *mut c_void, buffer2: *mut c_void);
            0x0A87 "eActivity's status icon (parameters unknown)." fn APP_EACT_StatusIcon();
        }
    };
}
