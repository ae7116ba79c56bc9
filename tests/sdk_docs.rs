//! The API documentation built on the PC shows the whole API: the calculator-only items
//! (`Screen`, `get_key`, `storage::File`, the macros...) have their pages, marked as
//! available on `prizm` (the calculator) only.

use std::path::PathBuf;
use std::process::Command;

#[test]
fn calculator_only_items_have_marked_pages() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let target = root.join("target").join("doc-test");
    let out = Command::new(env!("CARGO"))
        .current_dir(&root)
        .args(["doc", "--no-deps", "-p", "prizm"])
        .env("CARGO_TARGET_DIR", &target)
        .env("RUSTDOCFLAGS", "-D warnings")
        .output()
        .expect("run cargo doc");
    assert!(
        out.status.success(),
        "cargo doc failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc = target.join("doc").join("prizm");
    for (page, calculator_only) in [
        ("display/struct.Screen.html", true),
        ("display/fn.screen_vram.html", true),
        ("display/os_text/fn.print_xy.html", true),
        ("display/status/index.html", true),
        ("keyboard/fn.get_key.html", true),
        ("keyboard/fn.poll_key.html", true),
        ("storage/struct.File.html", true),
        ("storage/fn.replace.html", true),
        ("storage/mcs/index.html", true),
        ("time/fn.rtc_ticks.html", true),
        ("time/fn.sleep.html", true),
        ("macro.heap.html", false),
        ("macro.entry.html", false),
        ("macro.tests.html", false),
        ("display/struct.Frame.html", false),
        ("app/struct.Prizm.html", true),
        ("app/struct.Input.html", true),
        ("app/struct.KeyState.html", false),
        ("app/enum.OsApp.html", false),
    ] {
        let path = doc.join(page);
        let html = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("no page {page} in the docs: {e}"));
        let marked = html.contains("Available on <strong><code>prizm</code></strong> only");
        assert_eq!(
            marked, calculator_only,
            "{page}: marked calculator-only: {marked}"
        );
    }
}
