//! `cargo prizm new NAME` and `cargo prizm init [DIR]`: a standalone add-in project,
//! anywhere on disk, that builds, runs and passes its tests at once.
//!
//! The project depends on the installed SDK (`$PRIZM_HOME/sdk/<version>`, see
//! [`crate::sdk`]) by path, pins the SDK's nightly in `rust-toolchain.toml`, and holds a
//! small interactive add-in (a counter), its logic with a PC test, an on-calculator test
//! (`tests/calc.rs`), an emulator test (`tests/emu.rs`), icons, a README and a
//! `.gitignore`. Nothing is overwritten: if any file exists, nothing is written.

use std::path::{Path, PathBuf};

use g3a::Icon;

use crate::error::{Error, Result};
use crate::sdk::{SDK_VERSION, Sdk};

/// The template files: (path in the project, text with `{{...}}` placeholders).
const TEMPLATE: [(&str, &str); 8] = [
    ("Cargo.toml", include_str!("../template/Cargo.toml.in")),
    (".gitignore", include_str!("../template/gitignore.in")),
    ("README.md", include_str!("../template/README.md.in")),
    ("src/main.rs", include_str!("../template/src/main.rs.in")),
    ("src/addin.rs", include_str!("../template/src/addin.rs.in")),
    ("src/lib.rs", include_str!("../template/src/lib.rs.in")),
    (
        "tests/calc.rs",
        include_str!("../template/tests/calc.rs.in"),
    ),
    ("tests/emu.rs", include_str!("../template/tests/emu.rs.in")),
];

/// Checks a package name as cargo wants it (letters, digits, `-`, `_`; not starting with
/// a digit), and refuses names that would clash with the SDK's crates.
pub fn check_name(name: &str) -> Result<()> {
    let bad = |why: &str| {
        Err(Error::Usage(format!(
            "`{name}` cannot be the package name: {why} (give another with --name NAME)"
        )))
    };
    if name.is_empty() {
        return bad("it is empty");
    }
    if !name
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        return bad("use only ASCII letters, digits, `-` and `_`");
    }
    if name.starts_with(|c: char| c.is_ascii_digit()) {
        return bad("it starts with a digit");
    }
    if [
        "prizm",
        "prizm-test",
        "prizm_test",
        "test",
        "core",
        "alloc",
        "std",
    ]
    .contains(&name)
    {
        return bad("it is the name of a crate the add-in uses");
    }
    Ok(())
}

/// The add-in's menu name made from the package name: `my-addin` -> `My addin`.
pub fn title(name: &str) -> String {
    let spaced = name.replace(['-', '_'], " ");
    let mut c = spaced.chars();
    match c.next() {
        Some(first) => first.to_ascii_uppercase().to_string() + c.as_str(),
        None => String::new(),
    }
}

/// The `rust-toolchain.toml` of a project: the SDK's pinned nightly and components.
fn rust_toolchain(sdk: &Sdk) -> Result<String> {
    let path = sdk.root.join(crate::sdk::RUST_TOOLCHAIN);
    let text = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
    let doc: toml_edit::DocumentMut = text
        .parse()
        .map_err(|e| Error::Other(format!("{}: {e}", path.display())))?;
    let table = doc
        .get("toolchain")
        .and_then(|t| t.as_table())
        .ok_or_else(|| Error::Other(format!("{}: no [toolchain]", path.display())))?;
    let mut out = String::from(
        "# The nightly of the Prizm SDK: tools/setup installed its code generator for the\n\
         # calculator (rustc_codegen_gcc) into this toolchain.\n[toolchain]\n",
    );
    for (k, v) in table.iter() {
        out += &format!("{k} = {}\n", v.to_string().trim());
    }
    Ok(out)
}

/// A 92x64 menu icon: a rounded tile of `tile` colour with a white plus and minus.
pub fn icon(tile: u16) -> Icon {
    const W: i32 = 92;
    const H: i32 = 64;
    let white = g3a::rgb565(255, 255, 255);
    let mut px = vec![white; (W * H) as usize];
    for y in 0..H {
        for x in 0..W {
            // The tile, with cut corners, on a white ground.
            let (dx, dy) = ((x - 4).min(W - 5 - x), (y - 2).min(H - 3 - y));
            let inside = dx >= 0 && dy >= 0 && dx + dy >= 5;
            // A plus on the left, a minus on the right.
            let plus = ((22..=42).contains(&x) && (29..=35).contains(&y))
                || ((29..=35).contains(&x) && (22..=42).contains(&y));
            let minus = (52..=72).contains(&x) && (29..=35).contains(&y);
            if inside && !plus && !minus {
                px[(y * W + x) as usize] = tile;
            }
        }
    }
    Icon::from_rgb565(px).expect("92x64 pixels")
}

/// The files of a new project named `name` using `sdk`: (relative path, contents).
pub fn project_files(name: &str, sdk: &Sdk) -> Result<Vec<(PathBuf, Vec<u8>)>> {
    check_name(name)?;
    let sdk_path = sdk.root.to_str().ok_or_else(|| {
        Error::Other(format!(
            "the SDK's path {} is not UTF-8: set PRIZM_HOME to a UTF-8 path and run tools/setup",
            sdk.root.display()
        ))
    })?;
    if sdk_path.contains(['"', '\\']) {
        return Err(Error::Other(format!(
            "the SDK's path {sdk_path} holds a quote or backslash: set PRIZM_HOME to a plainer \
             path and run tools/setup"
        )));
    }
    let fill = |t: &str| {
        t.replace("{{name}}", name)
            .replace("{{crate}}", &name.replace('-', "_"))
            .replace("{{title}}", &title(name))
            .replace("{{sdk}}", sdk_path)
            .replace("{{version}}", SDK_VERSION)
    };
    let mut files: Vec<(PathBuf, Vec<u8>)> = TEMPLATE
        .iter()
        .map(|(path, text)| (PathBuf::from(path), fill(text).into_bytes()))
        .collect();
    files.push((
        "rust-toolchain.toml".into(),
        rust_toolchain(sdk)?.into_bytes(),
    ));
    files.push((
        "icons/unselected.png".into(),
        icon(g3a::rgb565(20, 90, 170)).to_png(),
    ));
    files.push((
        "icons/selected.png".into(),
        icon(g3a::rgb565(230, 120, 20)).to_png(),
    ));
    Ok(files)
}

/// Writes `files` under `dir`; refuses, writing nothing, if any of them exists.
pub fn write_project(dir: &Path, files: &[(PathBuf, Vec<u8>)]) -> Result<()> {
    let existing: Vec<String> = files
        .iter()
        .map(|(p, _)| dir.join(p))
        .filter(|p| p.exists())
        .map(|p| p.display().to_string())
        .collect();
    if !existing.is_empty() {
        return Err(Error::Other(format!(
            "not overwriting what is there: {} (nothing was written; move these away or \
             choose another folder)",
            existing.join(", ")
        )));
    }
    for (path, bytes) in files {
        let path = dir.join(path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
        }
        std::fs::write(&path, bytes).map_err(|e| Error::io(&path, e))?;
    }
    Ok(())
}

/// `cargo prizm new PATH [--name NAME]`: a new folder `PATH` holding a project (named
/// after the folder unless `name` is given). Refuses an existing `PATH`.
pub fn new_project(path: &Path, name: Option<&str>, sdk: &Sdk) -> Result<String> {
    if path.exists() {
        return Err(Error::Other(format!(
            "{} already exists: `cargo prizm new` makes a new folder (use `cargo prizm init {}` \
             to add a project to an existing folder)",
            path.display(),
            path.display()
        )));
    }
    let name = match name {
        Some(n) => n.to_string(),
        None => folder_name(path)?,
    };
    let files = project_files(&name, sdk)?;
    write_project(path, &files)?;
    Ok(name)
}

/// `cargo prizm init [DIR] [--name NAME]`: a project in an existing (or new) folder,
/// named after it unless `name` is given. Refuses if any of the project's files exists.
pub fn init_project(dir: &Path, name: Option<&str>, sdk: &Sdk) -> Result<String> {
    let name = match name {
        Some(n) => n.to_string(),
        None => folder_name(dir)?,
    };
    let files = project_files(&name, sdk)?;
    write_project(dir, &files)?;
    Ok(name)
}

/// The last component of `path` (made absolute), as a package name.
fn folder_name(path: &Path) -> Result<String> {
    let abs = std::path::absolute(path).map_err(|e| Error::io(path, e))?;
    abs.file_name()
        .and_then(|n| n.to_str())
        .map(String::from)
        .ok_or_else(|| {
            Error::Usage(format!(
                "cannot name a package after {}: give --name NAME",
                path.display()
            ))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn repo_sdk() -> Sdk {
        Sdk {
            root: Path::new(env!("CARGO_MANIFEST_DIR")).join("../.."),
        }
    }

    #[test]
    fn names_and_titles() {
        check_name("demo").unwrap();
        check_name("my-addin_2").unwrap();
        for bad in ["", "2fast", "a b", "prizm", "é"] {
            assert!(matches!(check_name(bad), Err(Error::Usage(_))), "{bad}");
        }
        assert_eq!(title("my-addin"), "My addin");
        assert_eq!(title("demo"), "Demo");
    }

    #[test]
    fn a_project_has_every_file_filled_in() {
        let files = project_files("my-demo", &repo_sdk()).unwrap();
        let names: Vec<String> = files.iter().map(|(p, _)| p.display().to_string()).collect();
        for f in [
            "Cargo.toml",
            "rust-toolchain.toml",
            "src/main.rs",
            "src/lib.rs",
            "tests/calc.rs",
            "tests/emu.rs",
            "icons/selected.png",
            ".gitignore",
            "README.md",
        ] {
            assert!(names.contains(&f.to_string()), "{f} in {names:?}");
        }
        for (path, bytes) in &files {
            if let Ok(text) = std::str::from_utf8(bytes) {
                assert!(
                    !text.contains("{{"),
                    "{} keeps a placeholder",
                    path.display()
                );
            }
        }
        let text = |f: &str| {
            String::from_utf8(
                files
                    .iter()
                    .find(|(p, _)| p == Path::new(f))
                    .unwrap()
                    .1
                    .clone(),
            )
            .unwrap()
        };
        let toml: toml_edit::DocumentMut = text("Cargo.toml").parse().unwrap();
        assert_eq!(toml["package"]["name"].as_str(), Some("my-demo"));
        assert_eq!(
            toml["package"]["metadata"]["prizm"]["name"].as_str(),
            Some("My demo")
        );
        assert!(text("tests/calc.rs").contains("my_demo::Counter"));
        let channel = repo_sdk().channel().unwrap();
        assert_eq!(
            crate::toolchain::pinned_channel(&text("rust-toolchain.toml")).as_deref(),
            Some(channel.as_str())
        );
        // The icons are icons the packer accepts.
        let png = &files
            .iter()
            .find(|(p, _)| p.ends_with("selected.png"))
            .unwrap()
            .1;
        g3a::icon_from_png_bytes(png, "selected.png").unwrap();
    }

    #[test]
    fn refuses_to_overwrite() {
        let dir = std::env::temp_dir().join(format!("cargo-prizm-new-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let sdk = repo_sdk();
        let made = new_project(&dir.join("demo"), None, &sdk).unwrap();
        assert_eq!(made, "demo");
        let e = new_project(&dir.join("demo"), None, &sdk)
            .unwrap_err()
            .to_string();
        assert!(e.contains("already exists") && e.contains("init"), "{e}");
        // init in a folder with a README of its own: nothing written.
        let other = dir.join("other");
        std::fs::create_dir_all(&other).unwrap();
        std::fs::write(other.join("README.md"), "mine").unwrap();
        let e = init_project(&other, None, &sdk).unwrap_err().to_string();
        assert!(
            e.contains("README.md") && e.contains("nothing was written"),
            "{e}"
        );
        assert_eq!(
            std::fs::read_to_string(other.join("README.md")).unwrap(),
            "mine"
        );
        assert!(!other.join("Cargo.toml").exists());
        std::fs::remove_file(other.join("README.md")).unwrap();
        assert_eq!(init_project(&other, Some("named"), &sdk).unwrap(), "named");
        assert!(other.join("src/addin.rs").is_file());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
