//! The SDK's own on-calculator tests (`tests/calc.rs` of the `prizm` crate: integer and
//! float arithmetic, formatting, `alloc`, the SDK's modules), run the way an add-in's
//! are: `cargo prizm test --calc-only` with this build of `cargo prizm`.

use std::path::Path;
use std::process::Command;

#[test]
fn the_sdk_passes_its_on_calculator_tests() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let o = Command::new(env!("CARGO_BIN_EXE_cargo-prizm"))
        .args(["prizm", "test", "--calc-only", "--manifest-path"])
        .arg(repo.join("Cargo.toml"))
        // Its own target directory: the running `cargo test` holds the workspace's.
        .arg("--target-dir")
        .arg(repo.join("target/sdk-calc-test"))
        .current_dir(&repo)
        .output()
        .expect("run cargo-prizm");
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        o.status.success(),
        "{out}\n{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let lines: Vec<&str> = out.lines().filter(|l| l.starts_with("test ")).collect();
    for name in [
        "integer_division_and_remainder",
        "floats_in_software",
        "formatting",
        "alloc_collections",
        "storage_files_round_trip",
    ] {
        assert!(
            lines
                .iter()
                .any(|l| l.starts_with(&format!("test {name} ... ok ("))),
            "{name}:\n{out}"
        );
    }
    assert!(lines.len() >= 9, "{out}");
}
