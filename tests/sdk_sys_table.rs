//! The OS call table: the SDK binds every call of libfxcg's list but the OS heap, each
//! with libfxcg's number, no name twice; and the SDK's bindings are exactly the lines of
//! the OS-call table (`prizm::abi::os_calls`) that the emulator reads too.
use std::{
    collections::{BTreeSet, HashMap},
    path::PathBuf,
};

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

/// libfxcg's calls the SDK leaves out: the OS heap (the SDK has its own allocator).
const LEFT_OUT: [&str; 3] = ["sys_malloc", "sys_free", "sys_realloc"];

#[test]
fn names_are_unique_and_numbers_plausible() {
    let mut seen = HashMap::new();
    for (name, num) in prizm::sys::all_calls() {
        assert!(seen.insert(name, num).is_none(), "{name} twice");
        assert!(num < 0x2000, "{name}: {num:#x}");
    }
    assert_eq!(seen.len(), 278 - LEFT_OUT.len() + BEYOND_LIBFXCG.len());
    assert_eq!(seen["GetVRAMAddress"], 0x01E6);
    assert_eq!(seen["GetKey"], 0x0EAB);
    assert_eq!(seen["RTC_GetTicks"], 0x02C1);
    assert_eq!(seen["APP_SYSTEM"], 0x1E13);
}

#[test]
fn the_bindings_are_the_abi_tables_bound_areas() {
    use prizm::abi::os_calls::AREAS;
    let sdk: BTreeSet<_> = prizm::sys::all_calls().collect();
    let abi: BTreeSet<_> = AREAS
        .iter()
        .filter(|a| a.bound_by_sdk)
        .flat_map(|a| a.calls.iter().map(|c| (c.name, c.number)))
        .collect();
    assert_eq!(sdk, abi);
    for name in LEFT_OUT {
        let c = prizm::abi::os_calls::by_name(name).expect("the emulator's name for it");
        assert!(
            !sdk.contains(&(c.name, c.number)),
            "{name} should be left out"
        );
    }
}

#[test]
fn covers_libfxcg_list_except_os_heap() {
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
        if LEFT_OUT.contains(&name) {
            assert!(!mine.contains_key(name), "{name} should be left out");
            assert_eq!(
                prizm::abi::os_calls::by_name(name).map(|c| c.number),
                Some(num)
            );
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
