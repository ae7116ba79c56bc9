//! The `[package.metadata.prizm]` table of an add-in's `Cargo.toml`.

use std::path::{Path, PathBuf};

use g3a::{AddinMeta, Date, G3aError, Icon, Labels, Language, Version};
use serde_json::Value;

use crate::error::{Error, Result};

/// The keys allowed in `[package.metadata.prizm]`.
pub const KEYS: [&str; 7] = [
    "name",
    "internal-name",
    "labels",
    "version",
    "icon-selected",
    "icon-unselected",
    "eactivity",
];

/// The add-in metadata of a package, checked, with defaults filled in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PrizmMetadata {
    /// `name`: the short name (default: the package name).
    pub name: String,
    /// `internal-name` (default: `@` and the upper-cased name, at most 8 characters).
    pub internal_name: String,
    /// `labels` (default: the name in every language).
    pub labels: Labels,
    /// `version` (default: the package version).
    pub version: Version,
    /// `icon-unselected`, made absolute (default: the built-in icon).
    pub icon_unselected: Option<PathBuf>,
    /// `icon-selected`, made absolute (default: the built-in icon).
    pub icon_selected: Option<PathBuf>,
    /// `eactivity` (default: false).
    pub eactivity: bool,
}

fn type_name(v: &Value) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Bool(b) => format!("boolean {b}"),
        Value::Number(n) => format!("number {n}"),
        Value::String(s) => format!("string {s:?}"),
        Value::Array(_) => "an array".into(),
        Value::Object(_) => "a table".into(),
    }
}

/// The message of a metadata check of the `g3a` crate, without the field name.
fn g3a_reason(e: G3aError) -> String {
    match e {
        G3aError::InvalidMeta { value, allowed, .. } => {
            format!("{value:?} is not allowed: {allowed}")
        }
        other => other.to_string(),
    }
}

/// Parses a version written `MM.mm.pppp` or `x.y.z` (a semantic version; pre-release and
/// build suffixes are ignored).
pub fn parse_version(s: &str) -> std::result::Result<Version, String> {
    if let Ok(v) = s.parse::<Version>() {
        return Ok(v);
    }
    let core = s.split(['-', '+']).next().unwrap_or("");
    let parts: Vec<&str> = core.split('.').collect();
    let numbers: Option<Vec<u64>> = parts.iter().map(|p| p.parse().ok()).collect();
    match numbers.as_deref() {
        Some([major, minor, patch]) => Version::new(*major, *minor, *patch).map_err(g3a_reason),
        _ => Err(format!(
            "{s:?} is not a version: write MM.mm.pppp (e.g. 01.02.0003) or x.y.z (e.g. 1.2.3)"
        )),
    }
}

impl PrizmMetadata {
    /// Reads the metadata of a package from `metadata`, the package's `[package.metadata]`
    /// table as `cargo metadata` prints it (`None` or `null` when there is none).
    /// `manifest` is the package's `Cargo.toml` (icon paths are relative to its directory,
    /// and errors name it).
    pub fn from_json(
        manifest: &Path,
        package_name: &str,
        package_version: &str,
        metadata: Option<&Value>,
    ) -> Result<PrizmMetadata> {
        let empty = serde_json::Map::new();
        let table = match metadata.and_then(|m| m.get("prizm")) {
            None | Some(Value::Null) => &empty,
            Some(Value::Object(t)) => t,
            Some(other) => {
                return Err(Error::metadata(
                    manifest,
                    "prizm",
                    format!(
                        "[package.metadata.prizm] must be a table, found {}",
                        type_name(other)
                    ),
                ));
            }
        };
        for key in table.keys() {
            if !KEYS.contains(&key.as_str()) {
                return Err(Error::metadata(
                    manifest,
                    key,
                    format!("unknown key; the allowed keys are {}", KEYS.join(", ")),
                ));
            }
        }
        let err = |key: &str, msg: String| Error::metadata(manifest, key, msg);
        let string = |key: &str| -> Result<Option<&str>> {
            match table.get(key) {
                None => Ok(None),
                Some(Value::String(s)) => Ok(Some(s)),
                Some(v) => Err(err(
                    key,
                    format!("must be a string, found {}", type_name(v)),
                )),
            }
        };

        let name = string("name")?.unwrap_or(package_name).to_string();
        g3a::validate_short_name(&name).map_err(|e| {
            let from = if table.contains_key("name") {
                ""
            } else {
                " (the package name, used by default; set `name`)"
            };
            err("name", format!("{}{from}", g3a_reason(e)))
        })?;

        let internal_name = match string("internal-name")? {
            Some(s) => s.to_string(),
            None => g3a::default_internal_name(&name),
        };
        g3a::validate_internal_name(&internal_name)
            .map_err(|e| err("internal-name", g3a_reason(e)))?;

        let mut labels = Labels::all(&name);
        match table.get("labels") {
            None => {}
            Some(Value::String(s)) => labels = Labels::all(s),
            Some(Value::Object(t)) => {
                for (code, v) in t {
                    let key = format!("labels.{code}");
                    let lang = Language::from_code(code).ok_or_else(|| {
                        let codes: Vec<&str> = Language::ALL.iter().map(|l| l.code()).collect();
                        err(
                            &key,
                            format!("unknown language; the languages are {}", codes.join(", ")),
                        )
                    })?;
                    let Value::String(s) = v else {
                        return Err(err(
                            &key,
                            format!("must be a string, found {}", type_name(v)),
                        ));
                    };
                    labels.set(lang, s.as_str());
                }
            }
            Some(v) => {
                return Err(err(
                    "labels",
                    format!(
                        "must be a string or a table of language = string (e.g. {{ en = \"Hello\", fr = \"Bonjour\" }}), found {}",
                        type_name(v)
                    ),
                ));
            }
        }
        for (lang, label) in labels.iter() {
            g3a::validate_label(lang, label).map_err(|e| {
                let key = if matches!(table.get("labels"), Some(Value::Object(_))) {
                    format!("labels.{}", lang.code())
                } else {
                    "labels".to_string()
                };
                let from = if table.contains_key("labels") {
                    ""
                } else {
                    " (the name, used by default; set `labels`)"
                };
                err(&key, format!("{}{from}", g3a_reason(e)))
            })?;
        }

        let version = match string("version")? {
            Some(s) => parse_version(s).map_err(|m| err("version", m))?,
            None => parse_version(package_version).map_err(|m| {
                err(
                    "version",
                    format!("the package version {package_version:?} does not fit a .g3a version ({m}); set `version`"),
                )
            })?,
        };

        let dir = manifest.parent().unwrap_or(Path::new("."));
        let icon = |key: &str| -> Result<Option<PathBuf>> { Ok(string(key)?.map(|p| dir.join(p))) };
        let icon_unselected = icon("icon-unselected")?;
        let icon_selected = icon("icon-selected")?;

        let eactivity = match table.get("eactivity") {
            None => false,
            Some(Value::Bool(b)) => *b,
            Some(v) => {
                return Err(err(
                    "eactivity",
                    format!("must be a boolean (true or false), found {}", type_name(v)),
                ));
            }
        };

        Ok(PrizmMetadata {
            name,
            internal_name,
            labels,
            version,
            icon_unselected,
            icon_selected,
            eactivity,
        })
    }

    /// The header metadata for a `.g3a` file called `file_name`, built at `date`.
    pub fn addin_meta(&self, file_name: &str, date: Date) -> Result<AddinMeta> {
        g3a::validate_file_name(file_name).map_err(|e| Error::Other(e.to_string()))?;
        Ok(AddinMeta {
            short_name: self.name.clone(),
            internal_name: self.internal_name.clone(),
            labels: self.labels.clone(),
            version: self.version,
            date,
            eactivity: self.eactivity,
            file_name: file_name.to_string(),
        })
    }

    /// The unselected and selected icons: the PNG files, or the built-in ones.
    pub fn icons(&self) -> Result<(Icon, Icon)> {
        let load = |path: &Option<PathBuf>, default: fn() -> Icon| -> Result<Icon> {
            match path {
                None => Ok(default()),
                Some(p) => g3a::icon_from_png(p).map_err(|error| Error::G3a {
                    path: p.clone(),
                    error,
                }),
            }
        };
        Ok((
            load(&self.icon_unselected, Icon::default_unselected)?,
            load(&self.icon_selected, Icon::default_selected)?,
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn parse(v: Value) -> Result<PrizmMetadata> {
        PrizmMetadata::from_json(
            Path::new("/ws/examples/hello/Cargo.toml"),
            "hello",
            "0.1.0",
            Some(&json!({ "prizm": v })),
        )
    }

    fn key_of(r: Result<PrizmMetadata>) -> String {
        match r {
            Err(Error::Metadata { key, .. }) => key,
            other => panic!("expected a metadata error, got {other:?}"),
        }
    }

    #[test]
    fn defaults() {
        let m = PrizmMetadata::from_json(Path::new("/p/Cargo.toml"), "my-addin", "1.2.3", None)
            .unwrap();
        assert_eq!(m.name, "my-addin");
        assert_eq!(m.internal_name, "@MYADDIN");
        assert_eq!(m.labels, Labels::all("my-addin"));
        assert_eq!(m.version.to_string(), "01.02.0003");
        assert_eq!(m.icon_selected, None);
        assert!(!m.eactivity);
        let m = parse(json!({ "name": "Hello" })).unwrap();
        assert_eq!(m.internal_name, "@HELLO");
        assert_eq!(m.labels.get(Language::Chinese), "Hello");
        assert_eq!(m.version.to_string(), "00.01.0000");
    }

    #[test]
    fn every_key() {
        let m = parse(json!({
            "name": "Hello",
            "internal-name": "@HI",
            "labels": { "en": "Hello", "fr": "Bonjour", "extra2": "Hi" },
            "version": "02.03.0004",
            "icon-selected": "icons/sel.png",
            "icon-unselected": "/abs/unsel.png",
            "eactivity": true,
        }))
        .unwrap();
        assert_eq!(m.internal_name, "@HI");
        assert_eq!(m.labels.get(Language::French), "Bonjour");
        assert_eq!(m.labels.get(Language::German), "Hello");
        assert_eq!(m.labels.get(Language::Extra2), "Hi");
        assert_eq!(m.version.to_string(), "02.03.0004");
        assert_eq!(
            m.icon_selected,
            Some(PathBuf::from("/ws/examples/hello/icons/sel.png"))
        );
        assert_eq!(m.icon_unselected, Some(PathBuf::from("/abs/unsel.png")));
        assert!(m.eactivity);
        assert_eq!(
            parse(json!({ "labels": "Hey", "version": "3.4.5-beta.1" }))
                .unwrap()
                .version
                .to_string(),
            "03.04.0005"
        );
        assert_eq!(
            parse(json!({ "labels": "Hey" })).unwrap().labels,
            Labels::all("Hey")
        );
    }

    #[test]
    fn bad_keys_are_named() {
        assert_eq!(key_of(parse(json!({ "nmae": "x" }))), "nmae");
        assert_eq!(key_of(parse(json!({ "name": 3 }))), "name");
        assert_eq!(key_of(parse(json!({ "name": "" }))), "name");
        assert_eq!(
            key_of(parse(json!({ "name": "a name much too long" }))),
            "name"
        );
        assert_eq!(
            key_of(parse(json!({ "internal-name": "HELLO" }))),
            "internal-name"
        );
        assert_eq!(
            key_of(parse(json!({ "internal-name": "@TOOLONGNAME" }))),
            "internal-name"
        );
        assert_eq!(
            key_of(parse(json!({ "internal-name": ["@A"] }))),
            "internal-name"
        );
        assert_eq!(key_of(parse(json!({ "labels": 1 }))), "labels");
        assert_eq!(key_of(parse(json!({ "labels": "x".repeat(25) }))), "labels");
        assert_eq!(
            key_of(parse(json!({ "labels": { "it": "Ciao" } }))),
            "labels.it"
        );
        assert_eq!(
            key_of(parse(json!({ "labels": { "de": false } }))),
            "labels.de"
        );
        assert_eq!(
            key_of(parse(json!({ "labels": { "de": "" } }))),
            "labels.de"
        );
        assert_eq!(key_of(parse(json!({ "version": "1.2" }))), "version");
        assert_eq!(key_of(parse(json!({ "version": "100.0.0" }))), "version");
        assert_eq!(key_of(parse(json!({ "version": 1 }))), "version");
        assert_eq!(
            key_of(parse(json!({ "icon-selected": true }))),
            "icon-selected"
        );
        assert_eq!(
            key_of(parse(json!({ "icon-unselected": {} }))),
            "icon-unselected"
        );
        assert_eq!(key_of(parse(json!({ "eactivity": "yes" }))), "eactivity");
        let r = PrizmMetadata::from_json(
            Path::new("/p/Cargo.toml"),
            "p",
            "0.1.0",
            Some(&json!({ "prizm": "x" })),
        );
        assert_eq!(key_of(r), "prizm");
        let r = PrizmMetadata::from_json(
            Path::new("/p/Cargo.toml"),
            "a-very-long-package-name",
            "0.1.0",
            None,
        );
        assert!(r.unwrap_err().to_string().contains("set `name`"));
        let r = PrizmMetadata::from_json(Path::new("/p/Cargo.toml"), "p", "0.100.0", None);
        assert!(r.unwrap_err().to_string().contains("set `version`"));
    }

    #[test]
    fn messages_say_what_is_allowed() {
        let m = parse(json!({ "bogus": 1 })).unwrap_err().to_string();
        assert!(
            m.contains("/ws/examples/hello/Cargo.toml")
                && m.contains("`bogus`")
                && m.contains("internal-name, labels"),
            "{m}"
        );
        let m = parse(json!({ "eactivity": "yes" }))
            .unwrap_err()
            .to_string();
        assert!(m.contains("boolean") && m.contains("\"yes\""), "{m}");
        let m = parse(json!({ "labels": { "xx": "a" } }))
            .unwrap_err()
            .to_string();
        assert!(m.contains("en, es, de, fr, pt, zh, extra1, extra2"), "{m}");
    }

    #[test]
    fn icons_and_header_metadata() {
        let m = parse(json!({})).unwrap();
        let (u, s) = m.icons().unwrap();
        assert_eq!(
            (u, s),
            (Icon::default_unselected(), Icon::default_selected())
        );
        let meta = m.addin_meta("hello.g3a", Date::default()).unwrap();
        assert_eq!(meta.short_name, "hello");
        assert!(m.addin_meta("bad/name.g3a", Date::default()).is_err());
        let m = parse(json!({ "icon-selected": "missing.png" })).unwrap();
        let e = m.icons().unwrap_err().to_string();
        assert!(e.contains("/ws/examples/hello/missing.png"), "{e}");
    }
}
