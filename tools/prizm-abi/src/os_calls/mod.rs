//! The OS-call table: every OS call the SDK binds or the emulator knows, with its number,
//! name, signature, documentation and sources, written once.
//!
//! The table is macro data, one `macro_rules!` per area (`display_calls!`,
//! `keyboard_calls!`, ...), each handing its lines to a callback macro:
//!
//! ```text
//! source "where the numbers and signatures come from";
//! 0x0272 "Fills VRAM with white." fn Bdisp_AllClr_VRAM();
//! 0x02B2 "Clears a rectangle of VRAM." fn Bdisp_AreaClr(area: *const DisplayFill, target: u8, color: u16);
//! ```
//!
//! The SDK's `os_calls!` declares the Rust functions and assembly stubs from the lines
//! (`prizm::sys`); this crate builds [`AREAS`] and the constants of [`calls`] from the same
//! lines, which the emulator uses for its names, reports and dispatch checks. Types in
//! the signatures (`c_void`, `DisplayFill`, ...) are only named here: they resolve where
//! the callback declares functions (the SDK's `sys` modules, which define the structs).
//!
//! Several names may share a number (libfxcg's aliases, such as `Bdisp_AllCr_VRAM` for
//! `Bdisp_AllClr_VRAM`); the first line of a number is its usual name.

mod app;
mod convert;
mod dialog;
mod display;
mod keyboard;
mod mcs;
mod power;
mod serial;
mod status;
mod storage;
mod system;
mod text;
mod time;
mod unbound;
mod usb;

/// Address of the OS call dispatcher, as a literal (for `concat!` in assembly text):
/// jumping there with the call number in r0 calls the OS function
/// (docs/hardware.md, "OS call entry": [LFX-asm], [SL-g3a], [MQ-cw], [CEM-12751]).
#[macro_export]
macro_rules! os_call_entry {
    () => {
        0x80020070
    };
}

/// Address of the OS call dispatcher (P1).
pub const ENTRY: u32 = os_call_entry!();

/// The P2 (uncached) alias of [`ENTRY`], which reaches the same code.
pub const ENTRY_P2: u32 = crate::memory::p2(ENTRY);

/// One OS call of the table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OsCall {
    /// The call number (r0 at the entry).
    pub number: u16,
    /// The usual name (libfxcg's).
    pub name: &'static str,
    /// The signature, as `stringify!` spells the table's `fn Name(args) -> ret`.
    pub signature: &'static str,
    /// What the call does.
    pub doc: &'static str,
}

/// One area of the table (a file of `prizm::sys`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Area {
    /// The area's name (`display`, `keyboard`, ...).
    pub name: &'static str,
    /// Where its numbers and signatures come from.
    pub source: &'static str,
    /// Whether the SDK binds its calls (`prizm::sys::<name>`).
    pub bound_by_sdk: bool,
    /// Its calls, in table order.
    pub calls: &'static [OsCall],
}

/// A table callback that makes the `&[OsCall]` of an area's lines.
#[doc(hidden)]
#[macro_export]
macro_rules! os_call_list {
    (source $src:literal; $( $num:literal $doc:literal fn $name:ident ( $($arg:ident : $ty:ty),* $(,)? ) $(-> $ret:ty)? ; )*) => {
        &[$($crate::os_calls::OsCall {
            number: $num,
            name: stringify!($name),
            signature: stringify!(fn $name($($arg: $ty),*) $(-> $ret)?),
            doc: $doc,
        }),*]
    };
}

/// A table callback that gives an area's source.
#[doc(hidden)]
#[macro_export]
macro_rules! os_call_source {
    (source $src:literal; $($rest:tt)*) => {
        $src
    };
}

/// A table callback that makes one [`OsCall`] constant per line.
#[doc(hidden)]
#[macro_export]
macro_rules! os_call_consts {
    (source $src:literal; $( $num:literal $doc:literal fn $name:ident ( $($arg:ident : $ty:ty),* $(,)? ) $(-> $ret:ty)? ; )*) => {
        $(
            #[doc = $doc]
            pub const $name: $crate::os_calls::OsCall = $crate::os_calls::OsCall {
                number: $num,
                name: stringify!($name),
                signature: stringify!(fn $name($($arg: $ty),*) $(-> $ret)?),
                doc: $doc,
            };
        )*
    };
}

/// Hands every area of the table to `$callback`, one invocation per area (the areas the
/// SDK binds, then `unbound`).
#[macro_export]
macro_rules! os_call_table {
    ($($callback:ident)::+) => {
        $crate::display_calls!($($callback)::+);
        $crate::keyboard_calls!($($callback)::+);
        $crate::text_calls!($($callback)::+);
        $crate::status_calls!($($callback)::+);
        $crate::dialog_calls!($($callback)::+);
        $crate::time_calls!($($callback)::+);
        $crate::storage_calls!($($callback)::+);
        $crate::mcs_calls!($($callback)::+);
        $crate::power_calls!($($callback)::+);
        $crate::system_calls!($($callback)::+);
        $crate::serial_calls!($($callback)::+);
        $crate::usb_calls!($($callback)::+);
        $crate::convert_calls!($($callback)::+);
        $crate::app_calls!($($callback)::+);
        $crate::unbound_calls!($($callback)::+);
    };
}

macro_rules! area {
    ($name:literal, $bound:literal, $table:ident) => {
        Area {
            name: $name,
            source: crate::$table!(crate::os_call_source),
            bound_by_sdk: $bound,
            calls: crate::$table!(crate::os_call_list),
        }
    };
}

/// Every area of the table, in the SDK's order, then the calls the SDK does not bind.
pub const AREAS: &[Area] = &[
    area!("display", true, display_calls),
    area!("keyboard", true, keyboard_calls),
    area!("text", true, text_calls),
    area!("status", true, status_calls),
    area!("dialog", true, dialog_calls),
    area!("time", true, time_calls),
    area!("storage", true, storage_calls),
    area!("mcs", true, mcs_calls),
    area!("power", true, power_calls),
    area!("system", true, system_calls),
    area!("serial", true, serial_calls),
    area!("usb", true, usb_calls),
    area!("convert", true, convert_calls),
    area!("app", true, app_calls),
    area!("unbound", false, unbound_calls),
];

/// One constant per OS call, named as the call: `calls::GetKey.number == 0x0EAB`.
#[allow(non_upper_case_globals)]
pub mod calls {
    crate::os_call_table!(crate::os_call_consts);
}

/// Every call of every area, in table order.
pub fn all() -> impl Iterator<Item = &'static OsCall> {
    AREAS.iter().flat_map(|a| a.calls.iter())
}

/// The usual name of call `number` (the first of its names in the table).
pub fn name(number: u32) -> Option<&'static str> {
    all()
        .find(|c| u32::from(c.number) == number)
        .map(|c| c.name)
}

/// The call named `name`.
pub fn by_name(name: &str) -> Option<&'static OsCall> {
    all().find(|c| c.name == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique() {
        for (i, a) in all().enumerate() {
            assert!(
                all().skip(i + 1).all(|b| b.name != a.name),
                "{} twice",
                a.name
            );
        }
    }

    #[test]
    fn known_calls() {
        assert_eq!(calls::GetKey.number, 0x0EAB);
        assert_eq!(name(0x0272), Some("Bdisp_AllClr_VRAM"));
        assert_eq!(name(0x1F44), Some("sys_malloc"));
        assert_eq!(name(0x10000 + 0x0272), None);
        assert_eq!(by_name("RTC_GetTicks").map(|c| c.number), Some(0x02C1));
        assert_eq!(
            calls::Bdisp_PutDisp_DD_stripe.signature,
            "fn Bdisp_PutDisp_DD_stripe (y1 : i32, y2 : i32)"
        );
        assert_eq!(ENTRY, 0x8002_0070);
        assert_eq!(ENTRY_P2, 0xA002_0070);
    }

    #[test]
    fn every_call_has_a_doc_and_every_area_a_source() {
        for a in AREAS {
            assert!(!a.source.is_empty(), "{}", a.name);
            for c in a.calls {
                assert!(!c.doc.is_empty() && c.number < 0x2000, "{}", c.name);
            }
        }
        assert_eq!(all().count(), 263 + 13 + 6);
    }
}
