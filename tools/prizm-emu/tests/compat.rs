//! `prizm-emu compat`: levels on add-ins made here, and on the real add-ins in the folder
//! named by `PRIZM_REALWORLD` (CI sets it to `../shared/realworld`).

mod common;

use common::{WAITS_FOR_EXE, build, g3a};
use prizm_emu::Model;
use prizm_emu::harness::compat::{self, Level};
use std::path::Path;

/// Writes to an unmapped address at once.
const CRASHES: &str = "
    LOADL r1, 0x09000000
    mov.l r1,@r1
    rts
    nop
";

/// Returns at once, displaying nothing.
const RETURNS: &str = "
    rts
    mov #0,r0
";

#[test]
fn levels_of_small_addins() {
    let (code, _) = build(WAITS_FOR_EXE, "compat-exe");
    let r = compat::check(&g3a(&code), Model::Cg50);
    assert_eq!(r.level, Level::ReactsToKeys, "{r:?}");
    assert_eq!(
        r.reacted_to,
        ["EXE"],
        "EXE is the first standard key that ends it"
    );
    assert_eq!(r.stop, "returned to the menu (7)");

    let (code, _) = build(CRASHES, "compat-crash");
    let r = compat::check(&g3a(&code), Model::Cg50);
    assert_eq!(r.level, Level::Loads, "{r:?}");
    assert!(
        r.stop.contains("crash") && r.stop.contains("0x09000000"),
        "{}",
        r.stop
    );

    let (code, _) = build(RETURNS, "compat-returns");
    let r = compat::check(&g3a(&code), Model::Cg50);
    assert_eq!(r.level, Level::Loads, "nothing shown: {r:?}");

    let mut bad = g3a(&code);
    bad[0x20] ^= 1; // checksum
    let r = compat::check(&bad, Model::Cg50);
    assert_eq!(r.level, Level::Refused);
    assert!(r.stop.contains("checksum"), "{}", r.stop);
}

#[test]
fn table_counts_levels() {
    let (code, _) = build(WAITS_FOR_EXE, "compat-table");
    let rows = vec![
        ("a.g3a".to_string(), compat::check(&g3a(&code), Model::Cg50)),
        (
            "b.g3a".to_string(),
            compat::check(b"not a g3a", Model::Cg50),
        ),
    ];
    let t = compat::table(&rows);
    assert!(
        t.contains("| a.g3a | cg50 | yes | yes | yes (EXE) | returned to the menu (7) |"),
        "{t}"
    );
    assert!(t.contains("| b.g3a | cg50 | no | no | no |"), "{t}");
    assert!(
        t.contains("2 add-ins: 1 load, 1 reach a first screen, 1 react to keys"),
        "{t}"
    );
}

/// The least level each real add-in reached when this list was last updated (see the
/// emulator's README); the test fails when one falls below it. Files of the folder not
/// listed here must at least load.
const EXPECTED: &str = include_str!("realworld-levels.txt");

#[test]
fn real_addins() {
    let Some(dir) = std::env::var_os("PRIZM_REALWORLD") else {
        eprintln!("skipped: PRIZM_REALWORLD is not set (CI sets it to ../shared/realworld)");
        return;
    };
    // A relative path is relative to the repository root (where .ci/run sets it).
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let dir = repo.join(dir);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("PRIZM_REALWORLD: {}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x.eq_ignore_ascii_case("g3a")))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no .g3a in {}", dir.display());
    let mut rows = Vec::new();
    for f in &files {
        let name = f.file_name().unwrap().to_string_lossy().into_owned();
        rows.push((name, compat::check(&std::fs::read(f).unwrap(), Model::Cg50)));
    }
    println!("{}", compat::table(&rows));
    let mut failures = Vec::new();
    for (name, r) in &rows {
        let want = EXPECTED
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split_once(':'))
            .find(|(n, _)| n.trim() == name)
            .map(|(_, l)| Level::parse(l.trim()).expect("a level name"))
            .unwrap_or(Level::Loads);
        if r.level < want {
            failures.push(format!(
                "{name}: {} (expected at least {}); {}",
                r.level.name(),
                want.name(),
                r.stop
            ));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}
