//! The OS call table: complete against libfxcg's list, no duplicate names.
use std::{collections::HashMap, path::PathBuf};

fn reference() -> Option<String> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    [
        root.join("../shared/reference/os-calls-libfxcg.txt"),
        "/work/shared/reference/os-calls-libfxcg.txt".into(),
    ]
    .iter()
    .find_map(|p| std::fs::read_to_string(p).ok())
}

/// Calls the SDK binds beyond libfxcg's list of syscall stubs: its start-up check,
/// which libfxcg's crt0 calls directly (`src/rt/mod.rs` says why and from where).
const BEYOND_LIBFXCG: &[(&str, u16)] = &[("GlibAddinAplExecutionCheck", 0x0029)];

#[test]
fn names_are_unique_and_numbers_plausible() {
    let mut seen = HashMap::new();
    for (name, num) in prizm::sys::all_calls() {
        assert!(seen.insert(name, num).is_none(), "{name} twice");
        assert!(num < 0x2000, "{name}: {num:#x}");
    }
    assert_eq!(seen.len(), 262 + BEYOND_LIBFXCG.len());
    assert_eq!(seen["GetVRAMAddress"], 0x01E6);
    assert_eq!(seen["GetKey"], 0x0EAB);
    assert_eq!(seen["RTC_GetTicks"], 0x02C1);
}

#[test]
fn covers_libfxcg_list_except_app_and_os_heap() {
    let Some(text) = reference() else {
        eprintln!("os-calls-libfxcg.txt not found: skipped");
        return;
    };
    let mine: HashMap<_, _> = prizm::sys::all_calls().collect();
    let mut checked = 0;
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let (name, num) = line.split_once(',').expect("name, number");
        let (name, num) = (name.trim(), num.trim());
        let num = u16::from_str_radix(num.trim_start_matches("0x"), 16).unwrap();
        if name.starts_with("APP_") || ["sys_malloc", "sys_free", "sys_realloc"].contains(&name) {
            assert!(!mine.contains_key(name), "{name} should be left out");
            continue;
        }
        assert_eq!(mine.get(name), Some(&num), "{name}");
        checked += 1;
    }
    for (name, num) in BEYOND_LIBFXCG {
        assert_eq!(mine.get(name), Some(num), "{name}");
    }
    assert_eq!(checked + BEYOND_LIBFXCG.len(), mine.len());
}
