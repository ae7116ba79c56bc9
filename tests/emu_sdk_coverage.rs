//! Which of the OS calls the SDK binds (`prizm::sys`) prizm-emu implements, written as
//! `src/sys/EMULATOR.md`. The test fails when the file is out of date; regenerate it
//! with `PRIZM_BLESS=1 cargo test --test emu_sdk_coverage`.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;
use std::path::{Path, PathBuf};

const DOC: &str = "src/sys/EMULATOR.md";

/// The SDK's tables by area, in `prizm::sys::all_calls` order.
fn areas() -> [(&'static str, &'static [(&'static str, u16)]); 14] {
    use prizm::sys::*;
    [
        ("display", display::TABLE),
        ("keyboard", keyboard::TABLE),
        ("text", text::TABLE),
        ("status", status::TABLE),
        ("dialog", dialog::TABLE),
        ("time", time::TABLE),
        ("storage", storage::TABLE),
        ("mcs", mcs::TABLE),
        ("power", power::TABLE),
        ("system", system::TABLE),
        ("serial", serial::TABLE),
        ("usb", usb::TABLE),
        ("convert", convert::TABLE),
        ("app", app::TABLE),
    ]
}

/// Why a call the emulator lacks is missing: (category, calculator only?, reason).
/// Calls are matched by name first, then by area.
fn why_missing(area: &str, name: &str) -> (&'static str, bool, &'static str) {
    const DD_HW: &[&str] = &[
        "Bdisp_AreaClr_DD_x3",
        "Bdisp_DDRegisterSelect",
        "Bdisp_DefineDMARange",
        "Bdisp_WriteDDRegister3_bit7",
    ];
    const KEY_HW: &[&str] = &["Keyboard_SpyMatrixCode", "SpecialMatrixcodeProcessing"];
    const OS_ROM: &[&str] = &[
        "GetMiniGlyphPtr",
        "GetFKeyPtr",
        "LocalizeMessage1",
        "MCS_GetMainMemoryStart",
        "Bfile_GetBlockAddress",
    ];
    const FS_INTERNAL: &[&str] = &[
        "Bfile_FindFirst_NON_SMEM",
        "Bfile_FindNext_NON_SMEM",
        "SMEM_FindFirst",
        "SMEM_maint",
        "SMEM_MapIconToExt",
        "App_Optimize",
    ];
    const CLOCK: &[&str] = &["RTC_SetDateTime"];
    const UNKNOWN: &[&str] = &[
        "Syscall02A4",
        "Syscall02A7",
        "Syscall02A9",
        "Syscall1816",
        "Test01A8",
        "Test127E",
        "Test17BC",
        "Test1B0E",
        "Test1E44",
        "TestMode",
    ];
    // Calls whose documentation (libfxcg, WikiPrizm) leaves too much unknown to
    // reproduce them faithfully.
    const UNDOC_PARAMS: &[&str] = &[
        "PrintLine2",
        "DispInt",
        "Bdisp_MMPrint",
        "Bdisp_MMPrintRef",
        "DisplayMBString2",
        "EditMBStringCtrl3",
        "EditMBStringCtrl4",
        "Box",
        "Box2",
        "BoxInnerClear",
        "StandardScrollbar",
        "ProgressBar",
        "ProgressBar0",
        "App_InitDlgDescriptor",
        "DrawFrameWorkbench",
        "Bdisp_HeaderText2",
        "memcmp3",
    ];
    const UNDOC_FORMAT: &[&str] = &[
        "Bdisp_ShapeBase",
        "Bdisp_ShapeBase3XVRAM",
        "Bdisp_ShapeToDD",
        "Bdisp_ShapeToVRAM16C",
        "Bdisp_WriteGraphDD_WB",
        "Bdisp_WriteGraphVRAM",
        "Bdisp_WriteGraphVRAM_WB",
        "MsgBoxMoveWB",
        "WriteBackground",
        "DefineStatusGlyph",
        "Bdisp_HeaderFill",
        "Bdisp_HeaderFill2",
        "ItoA_10digit",
        "BCDtoInternal",
        "MCS_WriteItem",
        "Alpha_GetData",
        "Alpha_SetData",
    ];
    const OS_PICTURES: &[&str] = &[
        "PrintXY_2",
        "Bdisp_WriteSystemMessage",
        "PrintGlyph",
        "PrintMiniGlyph",
        "SetupMode_StatusIcon",
        "APP_EACT_StatusIcon",
        "d_c_Icon",
        "BatteryIcon",
        "KeyboardIcon",
        "LineIcon",
        "NormIcon",
        "RadIcon",
        "RealIcon",
        "FKey_Display",
        "Set_FKeys1",
        "Set_FKeys2",
    ];
    const OS_SCREENS: &[&str] = &[
        "DisplayMessageBox",
        "CharacterSelectDialog",
        "ColorIndexDialog1",
        "OpenFileDialog",
        "SaveFileDialog",
        "ConfirmFileOverwriteDialog",
        "OverwriteConfirmation",
        "ResetAllDialog",
        "EditMBStringCtrl",
        "EditMBStringCtrl2",
        "APP_LINK_transmit_select_dialog",
    ];
    if UNDOC_PARAMS.contains(&name) {
        return (
            "undocumented parameters",
            true,
            "libfxcg and WikiPrizm leave arguments unnamed or partly unknown (what they select, their units), so \
             the call cannot be reproduced faithfully",
        );
    } else if UNDOC_FORMAT.contains(&name) {
        return (
            "undocumented formats",
            true,
            "the data the call reads or writes is undocumented: shape kinds, the display_graph colour and write \
             modes, MsgBoxMoveWB's direction and buffer layout, background pictures, status glyphs, how the two \
             header colour indices are used, ItoA_10digit's padding and result, the OS's internal BCD digit form, \
             MCS item types, the size of an alpha variable's value",
        );
    } else if OS_PICTURES.contains(&name) {
        return (
            "OS pictures and messages",
            true,
            "draws the OS's own pictures, messages or glyphs (status-area icons, function-key labels, the message \
             table, glyphs in the OS font's format), which the emulator does not have",
        );
    } else if OS_SCREENS.contains(&name) {
        return (
            "interactive OS screens",
            true,
            "OS dialogs and the OS line editor's key handling: their layout, keys, scrolling and return codes are \
             undocumented",
        );
    }
    if DD_HW.contains(&name) {
        (
            "display controller",
            true,
            "programs the LCD controller directly; the emulator has a frame buffer, no controller",
        )
    } else if KEY_HW.contains(&name) {
        (
            "keyboard hardware",
            true,
            "reads or rewrites the OS's key-scan internals",
        )
    } else if OS_ROM.contains(&name) {
        (
            "OS data",
            true,
            "returns pointers into the OS's ROM, flash or RAM (fonts, F-key pictures, message tables, file blocks), which the emulator does not have",
        )
    } else if FS_INTERNAL.contains(&name) {
        (
            "file-system internals",
            true,
            "works on the flash file system's own structures, below the Bfile API the emulator maps to host files",
        )
    } else if CLOCK.contains(&name) {
        (
            "calculator clock",
            true,
            "sets the RTC; the emulated RTC follows emulated time from a fixed start",
        )
    } else if UNKNOWN.contains(&name) {
        (
            "diagnostics / unknown",
            true,
            "OS test-mode or undocumented calls (parameters unknown)",
        )
    } else {
        match area {
            "display" => (
                "OS drawing",
                false,
                "OS drawing routines with undocumented structures (graph and shape blits, workbench variants): not emulated yet",
            ),
            "text" => (
                "OS text",
                false,
                "OS fonts and multi-byte string handling: not emulated yet (PrintXY and PrintMini are)",
            ),
            "status" => (
                "status area",
                false,
                "status-area icons, header and function-key bar pictures from the OS: not emulated yet",
            ),
            "dialog" => (
                "OS dialogs",
                false,
                "interactive OS screens (message boxes, file and colour dialogs, scroll and progress bars): not emulated yet",
            ),
            "storage" | "mcs" => (
                "storage",
                false,
                "less common storage calls: not emulated yet",
            ),
            "power" => ("power hardware", true, "battery and reset hardware"),
            "system" => (
                "OS services",
                true,
                "OS applications and services (main menu, clipboard, screenshots, add-in name)",
            ),
            "serial" | "usb" => (
                "communication",
                true,
                "serial port, USB and the link protocol: nothing is connected to an emulated calculator",
            ),
            "convert" => (
                "conversion helpers",
                false,
                "pure number and string helpers: easy to emulate, not done yet; Rust's core does the same",
            ),
            _ => ("other", false, "not emulated yet"),
        }
    }
}

/// Names of the calls the emulator accepts but ignores (`e.ignored("Name")` in its
/// sources).
fn ignored_by_emulator(root: &Path) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let dir = root.join("tools/prizm-emu/src/os");
    for entry in std::fs::read_dir(&dir).expect("prizm-emu's os folder") {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap_or_default();
        for part in text.split("ignored(\"").skip(1) {
            if let Some((name, _)) = part.split_once('"') {
                out.insert(name.to_string());
            }
        }
    }
    out
}

fn generate(root: &Path) -> String {
    let emu = prizm_emu::os::table();
    let ignored = ignored_by_emulator(root);
    // The emulator has no OS apps: these calls end the run, saying which app would open.
    let opens_app: BTreeSet<u16> = prizm_emu::os::app::CALLS
        .iter()
        .map(|(call, _)| call.number)
        .collect();
    let sdk_numbers: BTreeSet<u16> = prizm::sys::all_calls().map(|(_, n)| n).collect();
    let mut doc = String::new();
    let mut rows = String::new();
    let mut missing: BTreeMap<(&str, bool, &str), Vec<String>> = BTreeMap::new();
    let (mut total, mut have, mut noop) = (0, 0, 0);
    let mut per_area = String::new();
    for (area, table) in areas() {
        let (mut a_total, mut a_have) = (0, 0);
        for &(name, num) in table {
            total += 1;
            a_total += 1;
            let status = match emu.get(&num) {
                Some(_) if ignored.contains(name) => {
                    have += 1;
                    a_have += 1;
                    noop += 1;
                    "accepted, no effect".to_string()
                }
                Some(_) if opens_app.contains(&num) => {
                    have += 1;
                    a_have += 1;
                    "yes: the run ends with `Outcome::OpenApp` (no OS apps)".to_string()
                }
                Some(&(_, emu_name, _)) => {
                    have += 1;
                    a_have += 1;
                    if emu_name == name {
                        "yes".to_string()
                    } else {
                        format!("yes (as {emu_name})")
                    }
                }
                None => {
                    let why = why_missing(area, name);
                    missing.entry(why).or_default().push(format!("`{name}`"));
                    format!("no: {}", why.0)
                }
            };
            let _ = writeln!(rows, "| {area} | `{name}` | `{num:#06X}` | {status} |");
        }
        let _ = writeln!(
            per_area,
            "| {area} | {a_total} | {a_have} | {} |",
            a_total - a_have
        );
    }
    let _ = writeln!(doc, "# OS calls: what prizm-emu implements\n");
    let _ = writeln!(
        doc,
        "Generated by `tests/emu_sdk_coverage.rs` from `prizm::sys` (the SDK's bindings) and\n\
         `prizm_emu::os::table()` (the emulator's dispatch table); regenerate with\n\
         `PRIZM_BLESS=1 cargo test --test emu_sdk_coverage`. An add-in that makes a call the\n\
         emulator lacks stops with `Outcome::Unimplemented` (exit code 4).\n"
    );
    let _ = writeln!(
        doc,
        "**{have} of the SDK's {total} bindings are implemented** ({noop} of them accepted with no \
         effect), {} are not.\n",
        total - have
    );
    let _ = writeln!(
        doc,
        "| area | bindings | implemented | missing |\n|---|---|---|---|\n{per_area}"
    );
    let _ = writeln!(doc, "## Missing, by reason\n");
    let _ = writeln!(
        doc,
        "\"Calculator only\": the call needs hardware, OS data or OS services an emulator of\n\
         add-ins does not model, or its behaviour is too undocumented to reproduce faithfully;\n\
         test such code on the calculator. The others can be emulated\n\
         and are not yet.\n"
    );
    let _ = writeln!(
        doc,
        "| category | calculator only | reason | calls |\n|---|---|---|---|"
    );
    let mut cats: Vec<_> = missing.into_iter().collect();
    cats.sort_by_key(|((c, only, _), v)| (!*only, usize::MAX - v.len(), *c));
    for ((cat, only, reason), calls) in cats {
        let _ = writeln!(
            doc,
            "| {cat} ({}) | {} | {reason} | {} |",
            calls.len(),
            if only { "yes" } else { "no" },
            calls.join(", ")
        );
    }
    let extra: Vec<String> = {
        let mut v: Vec<_> = emu
            .values()
            .filter(|(n, _, _)| !sdk_numbers.contains(n))
            .collect();
        v.sort_by_key(|c| c.0);
        v.iter()
            .map(|(n, name, _)| format!("`{name}` ({n:#06X})"))
            .collect()
    };
    let _ = writeln!(
        doc,
        "\nThe emulator also implements calls the SDK does not bind: {}.\n",
        if extra.is_empty() {
            "none".to_string()
        } else {
            extra.join(", ")
        }
    );
    let _ = writeln!(
        doc,
        "## Every binding\n\n| area | call | number | in prizm-emu |\n|---|---|---|---|\n{rows}"
    );
    doc.trim_end().to_string() + "\n"
}

#[test]
fn emulator_coverage_doc_is_current() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let doc = generate(&root);
    let path = root.join(DOC);
    if std::env::var_os("PRIZM_BLESS").is_some() {
        std::fs::write(&path, &doc).unwrap();
        return;
    }
    let old = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        old == doc,
        "{DOC} is out of date (the SDK's or the emulator's list of OS calls changed): \
         regenerate it with `PRIZM_BLESS=1 cargo test --test emu_sdk_coverage`"
    );
}

#[test]
fn every_call_the_sdk_itself_uses_is_emulated() {
    // The calls the SDK's safe modules make (add-ins built on them must run in the
    // emulator).
    let used = [
        "GetVRAMAddress",
        "Bdisp_PutDisp_DD",
        "Bdisp_PutDisp_DD_stripe",
        "FrameColor",
        "DrawFrame",
        "PrintXY",
        "PrintMini",
        "GetKey",
        "GetKeyWait_OS",
        "EnableGetkeyToMainFunctionReturn",
        "DisableGetkeyToMainFunctionReturn",
        "GetGetkeyToMainFunctionReturnFlag",
        "RTC_GetTicks",
        "RTC_GetTime",
        "OS_InnerWait_ms",
        "EnableStatusArea",
        "DisplayStatusArea",
        "DefineStatusAreaFlags",
        "DefineStatusMessage",
        "Bfile_OpenFile_OS",
        "Bfile_CloseFile_OS",
        "Bfile_ReadFile_OS",
        "Bfile_WriteFile_OS",
        "Bfile_CreateEntry_OS",
        "Bfile_DeleteEntry",
        "Bfile_RenameEntry",
        "Bfile_SeekFile_OS",
        "Bfile_TellFile_OS",
        "Bfile_GetFileSize_OS",
        "Bfile_FindFirst",
        "Bfile_FindNext",
        "Bfile_FindClose",
        "Bfile_GetMediaFree_OS",
        "MCS_CreateDirectory",
        "MCSPutVar2",
        "MCSDelVar2",
        "MCSGetDlen2",
        "MCSGetData1",
        "MCS_GetState",
    ];
    let sdk: BTreeMap<&str, u16> = prizm::sys::all_calls().collect();
    let emu = prizm_emu::os::table();
    let missing: Vec<&str> = used
        .iter()
        .copied()
        .filter(|n| !emu.contains_key(&sdk[n]))
        .collect();
    assert!(
        missing.is_empty(),
        "the SDK uses calls prizm-emu lacks: {missing:?}"
    );
}

#[test]
fn every_missing_call_is_calculator_only() {
    // The goal: each binding is emulated or listed as calculator-only with a
    // reason.
    let emu = prizm_emu::os::table();
    let open: Vec<&str> = areas()
        .iter()
        .flat_map(|(area, table)| table.iter().map(move |&(name, num)| (*area, name, num)))
        .filter(|&(area, name, num)| !emu.contains_key(&num) && !why_missing(area, name).1)
        .map(|(_, name, _)| name)
        .collect();
    assert!(
        open.is_empty(),
        "calls neither emulated nor calculator-only: {open:?}"
    );
}

#[test]
fn every_binding_is_in_an_area() {
    // A table added to `prizm::sys::all_calls` but not to `areas` would be left out of
    // the document (as the app area once was).
    let listed: Vec<(&str, u16)> = areas()
        .iter()
        .flat_map(|(_, table)| table.iter().copied())
        .collect();
    let all: Vec<(&str, u16)> = prizm::sys::all_calls().collect();
    assert_eq!(
        listed, all,
        "tests/emu_sdk_coverage.rs: `areas` must list every table of `prizm::sys::all_calls`, in its order"
    );
}
