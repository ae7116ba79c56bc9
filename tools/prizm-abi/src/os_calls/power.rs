//! OS calls: power, battery and backlight.

/// The power area's table lines, handed to `$callback!` (see [`crate::os_calls`]).
#[macro_export]
macro_rules! power_calls {
    ($($callback:ident)::+) => {
        $($callback)::+! {
            source "libfxcg `include/fxcg/system.h` and `libfxcg/syscalls/*.S` ([LFX-sys], [LFX-S])";
            0x1839 "Switches the calculator off (1: show the logo); returns when it is switched on." fn PowerOff(display_logo: i32);
            0x1187 "Restarts the OS." fn Restart();
            0x1E91 "Auto power-off delay in minutes." fn GetAutoPowerOffTime() -> i32;
            0x1E90 "Sets the auto power-off delay in minutes." fn SetAutoPowerOffTime(minutes: i32);
            0x12D9 "Backlight duration in half-minutes." fn GetBacklightDuration() -> u8;
            0x12D8 "Sets the backlight duration in half-minutes." fn SetBacklightDuration(half_minutes: u8);
            0x12D5 "Battery type setting." fn GetBatteryType() -> i32;
            0x12D4 "Sets the battery type." fn SetBatteryType(kind: i32);
            0x1186 "Main battery voltage in 1/100 V (pass 1)." fn GetMainBatteryVoltage(one: i32) -> i32;
        }
    };
}
