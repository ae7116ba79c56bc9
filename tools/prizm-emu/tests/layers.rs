//! The emulator's layers (ARCHITECTURE.md): `machine` below `os` below `harness`, and
//! no import cycle between the units of a layer (each module of `machine` and of
//! `harness`; `os` is one unit whose call modules share one context).
//!
//! The check reads the sources: every `crate::...` and `super::...` path outside
//! comments is an import of the unit it names.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Layers from the bottom up.
const LAYERS: [&str; 3] = ["machine", "os", "harness"];

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The module path of a source file (`src/machine/cpu/mod.rs` -> `machine::cpu`).
fn module_of(src: &Path, file: &Path) -> Vec<String> {
    let rel = file.strip_prefix(src).unwrap().with_extension("");
    let mut parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    parts
}

/// The unit a module path belongs to: `machine::X`, `harness::X`, or `os`.
fn unit_of(path: &[String]) -> Option<String> {
    match path.first().map(String::as_str) {
        Some("os") => Some("os".into()),
        Some(layer @ ("machine" | "harness")) => Some(match path.get(1) {
            Some(m) => format!("{layer}::{m}"),
            None => layer.to_string(),
        }),
        _ => None,
    }
}

fn layer_index(unit: &str) -> usize {
    let layer = unit.split("::").next().unwrap();
    LAYERS.iter().position(|l| *l == layer).unwrap()
}

fn idents(s: &str) -> Vec<String> {
    s.split("::")
        .map(|p| {
            p.chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect::<String>()
        })
        .take_while(|p| !p.is_empty())
        .collect()
}

/// The module paths a line of `module` refers to through `crate::` and `super::`.
fn references(module: &[String], line: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    for (at, _) in line.match_indices("crate::") {
        if line[..at].ends_with('$') {
            continue;
        }
        out.push(idents(&line[at + "crate::".len()..]));
    }
    for (at, _) in line.match_indices("super::") {
        if line[..at].ends_with("super::") {
            continue; // counted from the first `super::` of the chain
        }
        // `super` is the parent of the file's module (for a mod.rs, of its folder's).
        let mut base: Vec<String> = module.to_vec();
        let mut rest = &line[at..];
        while let Some(r) = rest.strip_prefix("super::") {
            base.pop();
            rest = r;
        }
        if let Some(group) = rest.strip_prefix('{') {
            let inner = &group[..group.find('}').unwrap_or(group.len())];
            for item in inner.split(',') {
                let mut p = base.clone();
                p.extend(idents(item.trim()));
                out.push(p);
            }
        } else {
            let mut p = base;
            p.extend(idents(rest));
            out.push(p);
        }
    }
    out
}

/// Unit -> units it imports.
fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    let mut g: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in files {
        let module = module_of(&src, &file);
        // A layer's own mod.rs only declares and re-exports its units.
        if module.len() <= 1 && module.first().is_none_or(|m| m != "os") {
            continue;
        }
        let Some(unit) = unit_of(&module) else {
            continue;
        };
        let text = std::fs::read_to_string(&file).unwrap();
        let deps = g.entry(unit.clone()).or_default();
        for line in text.lines() {
            let code = line.trim_start();
            if code.starts_with("//") {
                continue;
            }
            let code = code.split(" //").next().unwrap();
            for path in references(&module, code) {
                if let Some(dep) = unit_of(&path)
                    && dep != unit
                {
                    deps.insert(dep);
                }
            }
        }
    }
    g
}

#[test]
fn layers_import_only_downwards() {
    let g = graph();
    assert!(g.contains_key("machine::cpu") && g.contains_key("harness::emulator"));
    let mut upward = Vec::new();
    for (unit, deps) in &g {
        for dep in deps {
            if layer_index(dep) > layer_index(unit) {
                upward.push(format!("{unit} -> {dep}"));
            }
        }
    }
    assert!(upward.is_empty(), "imports going up a layer: {upward:#?}");
}

#[test]
fn no_import_cycle() {
    let g = graph();
    // Depth-first search for a back edge.
    fn visit(
        u: &str,
        g: &BTreeMap<String, BTreeSet<String>>,
        state: &mut BTreeMap<String, u8>,
        stack: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        state.insert(u.to_string(), 1);
        stack.push(u.to_string());
        for v in g.get(u).into_iter().flatten() {
            match state.get(v.as_str()).copied().unwrap_or(0) {
                1 => {
                    let from = stack.iter().position(|s| s == v).unwrap();
                    let mut cycle = stack[from..].to_vec();
                    cycle.push(v.clone());
                    return Some(cycle);
                }
                0 => {
                    if let Some(c) = visit(v, g, state, stack) {
                        return Some(c);
                    }
                }
                _ => {}
            }
        }
        stack.pop();
        state.insert(u.to_string(), 2);
        None
    }
    let mut state = BTreeMap::new();
    for u in g.keys() {
        if state.get(u.as_str()).copied().unwrap_or(0) == 0 {
            let cycle = visit(u, &g, &mut state, &mut Vec::new());
            assert!(
                cycle.is_none(),
                "import cycle: {}",
                cycle.unwrap().join(" -> ")
            );
        }
    }
}

#[test]
fn the_check_sees_imports() {
    // The parser finds plain, grouped and nested `super` paths.
    let m: Vec<String> = ["machine", "cpu", "jit", "emit"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    let refs = references(&m, "use super::super::{exec::Insn, decode};");
    assert_eq!(
        refs,
        vec![
            vec!["machine", "cpu", "exec", "Insn"],
            vec!["machine", "cpu", "decode"]
        ]
    );
    let refs = references(&m, "let x = crate::os::table();");
    assert_eq!(unit_of(&refs[0]).as_deref(), Some("os"));
}
