//! The guide (`docs/guide.md`) and the README's quick start, run as a user would: every
//! command of the guide's `sh` blocks, in order, in a new folder outside the repository,
//! with this build of `cargo prizm`. Then an on-calculator test made to fail must fail
//! the run and show its message and place.
//!
//! `tools/setup` (the guide's first command) is represented by the part of it this test
//! can run without touching the machine: installing the SDK from this checkout with
//! `cargo prizm install-sdk`, into a `PRIZM_HOME` of the test's own (in the system's
//! temporary folder, outside the repository). The toolchain part
//! must have run already (CI runs `tools/setup` first). Cargo's intermediate files go to
//! `target/guide-test/build` (`CARGO_BUILD_BUILD_DIR`), so later runs reuse the
//! calculator's `core` and the crates; the project's own `target/` is where the guide
//! says.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap()
}

/// The commands of the ```sh blocks of a Markdown text, in order.
fn sh_commands(markdown: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut in_sh = false;
    for line in markdown.lines() {
        let t = line.trim();
        if t.starts_with("```") {
            in_sh = !in_sh && t == "```sh";
            continue;
        }
        if in_sh && !t.is_empty() && !t.starts_with('#') {
            out.push(t.to_string());
        }
    }
    out
}

/// Runs a bash script in `dir` where `cargo prizm` is this build of cargo-prizm.
fn bash(dir: &Path, home: &Path, build_dir: &Path, script: &str) -> Output {
    let prelude = format!(
        "set -euo pipefail\ncargo() {{ if [ \"$1\" = prizm ]; then shift; '{}' prizm \"$@\"; \
         else command cargo \"$@\"; fi; }}\n",
        env!("CARGO_BIN_EXE_cargo-prizm")
    );
    Command::new("bash")
        .arg("-c")
        .arg(prelude + script)
        .current_dir(dir)
        .env("PRIZM_HOME", home)
        .env("CARGO_BUILD_BUILD_DIR", build_dir)
        // The test runs inside `cargo test`: the project must pick its own toolchain
        // and target directory, as in a user's shell.
        .env_remove("CARGO_TARGET_DIR")
        .env_remove("RUSTUP_TOOLCHAIN")
        .env_remove("CARGO")
        .env_remove("RUSTC")
        .env_remove("RUSTFLAGS")
        .env_remove("CARGO_ENCODED_RUSTFLAGS")
        .env_remove("CARGO_MANIFEST_DIR")
        .output()
        .expect("run bash")
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

#[test]
fn the_guide_runs_from_new_to_tested_addin() {
    let repo = repo();
    let guide = std::fs::read_to_string(repo.join("docs/guide.md")).unwrap();
    let commands = sh_commands(&guide);
    assert!(
        commands.len() >= 6 && commands[0] == "tools/setup",
        "{commands:?}"
    );
    // The README's quick start is the guide's commands.
    let readme = std::fs::read_to_string(repo.join("README.md")).unwrap();
    let quick = readme
        .split("## Quick start")
        .nth(1)
        .expect("a Quick start section in README.md");
    let quick_commands = sh_commands(quick.split("\n## ").next().unwrap());
    let mut rest = commands.iter();
    for c in &quick_commands {
        assert!(
            rest.any(|g| g == c),
            "README quick-start command `{c}` is not in docs/guide.md (in that order)"
        );
    }

    // The SDK goes outside the repository, as tools/setup puts it.
    let home = std::env::temp_dir().join("prizm-guide-test-home");
    let build_dir = repo.join("target/guide-test/build");
    let tmp = std::env::temp_dir().join(format!("prizm-guide-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&tmp);
    std::fs::create_dir_all(&tmp).unwrap();

    // The guide, one script: `tools/setup` stands for its SDK step (see above).
    let mut script = String::new();
    for c in &commands {
        if c == "tools/setup" {
            script += &format!("cargo prizm install-sdk '{}'\n", repo.display());
        } else {
            script += &format!("echo '+ {}'\n{c}\n", c.replace('\'', "'\\''"));
        }
    }
    let o = bash(&tmp, &home, &build_dir, &script);
    let out = text(&o);
    assert!(o.status.success(), "the guide's commands failed:\n{out}");
    let demo = tmp.join("demo");
    assert!(demo.join("target/sh4-prizm/release/demo.g3a").is_file());
    assert!(demo.join("counter.png").is_file(), "run --screenshot");
    // `cargo prizm test` listed each on-calculator test.
    for t in ["counts_up_and_down", "formats_the_label"] {
        assert!(
            out.contains(&format!("test {t} ... ok (")),
            "no line for {t}:\n{out}"
        );
    }
    assert!(out.contains("keys_change_the_count ... ok"), "{out}");
    // Nothing in the project, nor in the SDK it uses, points into the repository.
    let sdk = home.join("sdk").join(env!("CARGO_PKG_VERSION"));
    let mut manifests = vec![
        demo.join("Cargo.toml"),
        demo.join("Cargo.lock"),
        demo.join("rust-toolchain.toml"),
        sdk.join("Cargo.toml"),
        sdk.join("cargo-config.toml"),
    ];
    for c in ["g3a", "prizm-emu", "cargo-prizm", "prizm-test"] {
        manifests.push(sdk.join("tools").join(c).join("Cargo.toml"));
    }
    for f in &manifests {
        let t = std::fs::read_to_string(f).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        assert!(
            !t.contains(&repo.display().to_string()),
            "{} names the checkout",
            f.display()
        );
    }

    // A test made to fail fails the run, with its message and place.
    let calc = demo.join("tests/calc.rs");
    let src = std::fs::read_to_string(&calc).unwrap();
    let src = src.trim_end().strip_suffix('}').unwrap().to_string()
        + "\n    fn made_to_fail() {\n        assert_eq!(1 + 1, 3, \"arithmetic is broken\");\n    }\n}\n";
    std::fs::write(&calc, &src).unwrap();
    let line = src
        .lines()
        .position(|l| l.contains("arithmetic is broken"))
        .unwrap()
        + 1;
    let o = bash(&demo, &home, &build_dir, "cargo prizm test --calc-only");
    let out = text(&o);
    assert!(!o.status.success(), "a failing test passed:\n{out}");
    assert!(out.contains("test made_to_fail ... FAILED"), "{out}");
    assert!(out.contains("test counts_up_and_down ... ok"), "{out}");
    assert!(
        out.contains(&format!("panicked at tests/calc.rs:{line}:9:"))
            && out.contains("arithmetic is broken"),
        "message and place:\n{out}"
    );
    std::fs::remove_dir_all(&tmp).unwrap();
}

#[test]
fn commands_of_sh_blocks() {
    let md = "text\n```sh\ncargo prizm new demo\n# a comment\ncd demo\n```\n```rust\nlet x;\n```\n";
    assert_eq!(sh_commands(md), ["cargo prizm new demo", "cd demo"]);
}
