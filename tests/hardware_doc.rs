//! `docs/hardware.md`: every row of its fact tables has a source, and only rows with two
//! independent sources are marked verified.
//!
//! A fact table is one whose header is `| fact | value | used by | sources | status |`.
//! For each of its rows:
//! - all five cells are filled;
//! - the sources cell cites at least one key `[KEY]` defined in the Sources section
//!   (`- **[KEY]** ...`);
//! - the status is `verified` or `**unverified**`; `verified` needs keys of at least two
//!   origins (a key's origin is its prefix before the first `-`: `[LFX-asm]` and
//!   `[LFX-crt0]` are one origin);
//! - the files named in the used-by cell exist.
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

const HEADER: &str = "| fact | value | used by | sources | status |";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The cells of a table row (`| a | b |` gives `["a", "b"]`).
fn cells(line: &str) -> Vec<String> {
    let inner = line.trim().trim_start_matches('|').trim_end_matches('|');
    inner.split('|').map(|c| c.trim().to_string()).collect()
}

/// The keys `[KEY]` cited in a cell (letters, digits and `-`, starting with a capital),
/// outside code spans (`gint[HWRAM]` in backticks is a quotation, not a key).
fn keys(cell: &str) -> Vec<String> {
    let prose: String = cell.split('`').step_by(2).collect::<Vec<_>>().join(" ");
    let mut out = Vec::new();
    let mut rest = prose.as_str();
    while let Some(start) = rest.find('[') {
        rest = &rest[start + 1..];
        let Some(end) = rest.find(']') else { break };
        let key = &rest[..end];
        if key.chars().next().is_some_and(|c| c.is_ascii_uppercase())
            && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        {
            out.push(key.to_string());
        }
        rest = &rest[end + 1..];
    }
    out
}

fn origin(key: &str) -> &str {
    key.split('-').next().unwrap_or(key)
}

/// The keys the Sources section defines: lines `- **[KEY]** ...`.
fn defined_keys(doc: &str) -> BTreeSet<String> {
    doc.lines()
        .filter_map(|l| l.strip_prefix("- **["))
        .filter_map(|l| l.split_once("]**").map(|(k, _)| k.to_string()))
        .collect()
}

/// Repository paths named in backticks in a used-by cell: `src/...`, `tools/...`,
/// `examples/...`, `tests/...`, `docs/...` (globs and bare file names are skipped).
fn paths(cell: &str) -> Vec<String> {
    cell.split('`')
        .skip(1)
        .step_by(2)
        .map(|s| s.split_whitespace().next().unwrap_or("").to_string())
        .filter(|s| {
            ["src/", "tools/", "examples/", "tests/", "docs/"]
                .iter()
                .any(|p| s.starts_with(p))
                && !s.contains('*')
        })
        .collect()
}

/// A fact row and what is wrong with it.
#[derive(Debug)]
struct Problem {
    line: usize,
    fact: String,
    what: String,
}

/// Checks every fact table of `doc`; returns the number of fact rows and the problems.
/// `exists` says whether a repository path exists.
fn check(doc: &str, exists: &dyn Fn(&str) -> bool) -> (usize, Vec<Problem>) {
    let defined = defined_keys(doc);
    let mut problems = Vec::new();
    let mut rows = 0;
    let mut in_table = false;
    let mut used = BTreeSet::new();
    for (i, line) in doc.lines().enumerate() {
        let line_no = i + 1;
        if line.trim() == HEADER {
            in_table = true;
            continue;
        }
        if !line.trim_start().starts_with('|') {
            in_table = false;
            continue;
        }
        if !in_table || line.trim_start().starts_with("|---") {
            continue;
        }
        rows += 1;
        let c = cells(line);
        let fact = c.first().cloned().unwrap_or_default();
        let mut bad = |what: String| {
            problems.push(Problem {
                line: line_no,
                fact: fact.clone(),
                what,
            })
        };
        if c.len() != 5 {
            bad(format!(
                "{} cells instead of 5 (a `|` inside a cell splits it)",
                c.len()
            ));
            continue;
        }
        for (name, cell) in ["fact", "value", "used by", "sources", "status"]
            .iter()
            .zip(&c)
        {
            if cell.is_empty() {
                bad(format!("empty {name} cell"));
            }
        }
        let cited = keys(&c[3]);
        if cited.is_empty() {
            bad("no source key ([KEY]) in the sources cell".into());
        }
        for k in &cited {
            used.insert(k.clone());
            if !defined.contains(k) {
                bad(format!(
                    "source [{k}] is not defined in the Sources section"
                ));
            }
        }
        let origins: BTreeSet<&str> = cited.iter().map(|k| origin(k)).collect();
        match c[4].as_str() {
            "verified" if origins.len() < 2 => bad(format!(
                "marked verified with sources of {} origin(s) ({:?}): mark it **unverified**",
                origins.len(),
                origins
            )),
            "verified" | "**unverified**" => {}
            other => bad(format!(
                "status `{other}`: expected `verified` or `**unverified**`"
            )),
        }
        for p in paths(&c[2]) {
            if !exists(&p) {
                bad(format!("used-by file `{p}` does not exist"));
            }
        }
    }
    for k in defined.difference(&used) {
        problems.push(Problem {
            line: 0,
            fact: "Sources".into(),
            what: format!("[{k}] is defined but no fact row cites it"),
        });
    }
    (rows, problems)
}

fn report(problems: &[Problem]) -> String {
    problems
        .iter()
        .map(|p| format!("  line {}: {}: {}", p.line, p.fact, p.what))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn every_fact_row_has_a_source_and_an_honest_status() {
    let path = root().join("docs/hardware.md");
    let doc = std::fs::read_to_string(&path).expect("docs/hardware.md");
    let exists = |p: &str| root().join(Path::new(p)).exists();
    let (rows, problems) = check(&doc, &exists);
    assert!(
        rows >= 60,
        "only {rows} fact rows found in docs/hardware.md: was a table's header changed?"
    );
    assert!(
        problems.is_empty(),
        "docs/hardware.md has rows that break its rules (see the top of \
         tests/hardware_doc.rs):\n{}",
        report(&problems)
    );
}

#[test]
fn counts_by_status_are_reported() {
    let doc = std::fs::read_to_string(root().join("docs/hardware.md")).expect("docs/hardware.md");
    let mut counts = BTreeMap::new();
    let mut in_table = false;
    for line in doc.lines() {
        if line.trim() == HEADER {
            in_table = true;
            continue;
        }
        if !line.trim_start().starts_with('|') {
            in_table = false;
            continue;
        }
        if in_table && !line.trim_start().starts_with("|---") {
            let c = cells(line);
            *counts
                .entry(c.last().cloned().unwrap_or_default())
                .or_insert(0) += 1;
        }
    }
    eprintln!("docs/hardware.md fact rows by status: {counts:?}");
    assert!(counts.contains_key("verified") && counts.contains_key("**unverified**"));
}

/// The checker itself catches each kind of broken row.
#[test]
fn checker_catches_broken_rows() {
    let doc = format!(
        "{HEADER}\n|---|---|---|---|---|\n\
         | ok | 1 | `src/a.rs` | [A-x] says `t[QUOTED]`; [B-y] says | verified |\n\
         | one origin | 1 | `src/a.rs` | [A-x] says; [A-z] too | verified |\n\
         | no source | 1 | `src/a.rs` | nobody | **unverified** |\n\
         | empty | 1 | `src/a.rs` |  | **unverified** |\n\
         | undefined | 1 | `src/a.rs` | [C-q] says | **unverified** |\n\
         | bad status | 1 | `src/a.rs` | [A-x] | maybe |\n\
         | missing file | 1 | `src/gone.rs` | [A-x] | **unverified** |\n\
         | split | a | b | c | d | e |\n\
         \n## Sources\n- **[A-x]** a\n- **[A-z]** a\n- **[B-y]** b\n- **[D-w]** unused\n"
    );
    let exists = |p: &str| p == "src/a.rs";
    let (rows, problems) = check(&doc, &exists);
    assert_eq!(rows, 8);
    let text = report(&problems);
    for fact in [
        "one origin",
        "no source",
        "empty",
        "undefined",
        "bad status",
        "missing file",
        "split",
    ] {
        assert!(
            problems.iter().any(|p| p.fact == fact),
            "{fact} not caught:\n{text}"
        );
    }
    assert!(!problems.iter().any(|p| p.fact == "ok"), "{text}");
    assert!(
        text.contains("[D-w] is defined but no fact row cites it"),
        "{text}"
    );
}
