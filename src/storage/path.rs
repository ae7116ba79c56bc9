//! Storage paths: validation and conversion to the OS's 16-bit names (pure).
use super::{Error, Result};

/// Every storage path starts with this.
pub const ROOT: &str = "\\\\fls0\\";
/// Longest path accepted, in characters.
pub const MAX_PATH: usize = 255;

/// Characters never allowed in a name (FAT's reserved set).
const FORBIDDEN: &[char] = &['\\', '/', ':', '*', '?', '"', '<', '>', '|'];

/// Checks a storage path: `\\fls0\` then one or more names separated by `\`; at most
/// [`MAX_PATH`] characters, printable ASCII only; names not empty, not `.`/`..`, not
/// ending with a dot or space, without `\ / : * ? " < > |`.
pub fn validate_path(path: &str) -> Result<()> {
    check_path(path, false)
}

/// [`validate_path`], also allowing `*` and `?` in the last name (search patterns).
pub(crate) fn validate_pattern(path: &str) -> Result<()> {
    check_path(path, true)
}

fn check_path(path: &str, pattern: bool) -> Result<()> {
    let Some(rest) = path.strip_prefix(ROOT) else {
        return Err(Error::InvalidName("a storage path starts with \\\\fls0\\"));
    };
    if path.chars().count() > MAX_PATH {
        return Err(Error::InvalidName("path longer than 255 characters"));
    }
    if !path.chars().all(|c| c.is_ascii() && !c.is_ascii_control()) {
        return Err(Error::InvalidName("only printable ASCII characters"));
    }
    let last = rest.split('\\').count() - 1;
    for (i, name) in rest.split('\\').enumerate() {
        if name.is_empty() {
            return Err(Error::InvalidName("empty name"));
        }
        if name == "." || name == ".." {
            return Err(Error::InvalidName("`.` and `..` are not names"));
        }
        if name.ends_with(['.', ' ']) {
            return Err(Error::InvalidName("a name ends with a dot or a space"));
        }
        let wild = pattern && i == last;
        if name
            .chars()
            .any(|c| FORBIDDEN.contains(&c) && !(wild && (c == '*' || c == '?')))
        {
            return Err(Error::InvalidName("a name contains \\ / : * ? \" < > |"));
        }
    }
    Ok(())
}

/// A path as the OS's 16-bit, NUL-terminated name (what `Bfile_StrToName_ncpy` makes
/// from ASCII: each byte widened).
pub struct Name16 {
    units: [u16; MAX_PATH + 1],
}

impl Name16 {
    /// Validates `path` and converts it.
    pub fn new(path: &str) -> Result<Name16> {
        validate_path(path)?;
        Ok(Name16::widen(path))
    }

    /// Converts a search pattern (wildcards allowed in the last name).
    pub fn pattern(path: &str) -> Result<Name16> {
        validate_pattern(path)?;
        Ok(Name16::widen(path))
    }

    fn widen(path: &str) -> Name16 {
        let mut units = [0u16; MAX_PATH + 1];
        for (u, b) in units.iter_mut().zip(path.bytes()) {
            *u = u16::from(b);
        }
        Name16 { units }
    }

    /// The units up to and including the NUL.
    pub fn as_units(&self) -> &[u16] {
        let n = self.units.iter().position(|&u| u == 0).unwrap_or(MAX_PATH);
        &self.units[..=n]
    }

    /// Pointer for the OS.
    pub fn as_ptr(&self) -> *const u16 {
        self.units.as_ptr()
    }
}

/// The temporary name [`replace`](super) writes before swapping: the path with `~`
/// after the file name (a valid path whenever `path` is, if it is not at the length
/// limit).
pub fn temp_path(path: &str) -> Result<heapless::String<{ MAX_PATH }>> {
    validate_path(path)?;
    let mut s = heapless::String::new();
    s.push_str(path)
        .map_err(|_| Error::InvalidName("path too long for a temporary name"))?;
    s.push('~')
        .map_err(|_| Error::InvalidName("path too long for a temporary name"))?;
    validate_path(&s)?;
    Ok(s)
}

#[cfg(test)]
mod tests {
    use super::*;
    extern crate std;
    use std::{format, string::String};

    #[test]
    fn good_paths() {
        for p in [
            "\\\\fls0\\a",
            "\\\\fls0\\SAVE.dat",
            "\\\\fls0\\@MYAPP\\save 1.bin",
            "\\\\fls0\\a\\b\\c.txt",
        ] {
            assert_eq!(validate_path(p), Ok(()), "{p}");
        }
    }

    #[test]
    fn bad_paths() {
        let long = format!("{ROOT}{}", "x".repeat(MAX_PATH));
        for p in [
            "",
            "fls0\\a",
            "\\\\crd0\\a",
            "\\\\fls0\\",
            "\\\\fls0\\a\\",
            "\\\\fls0\\a\\\\b",
            "\\\\fls0\\.",
            "\\\\fls0\\..",
            "\\\\fls0\\a.",
            "\\\\fls0\\a ",
            "\\\\fls0\\a*b",
            "\\\\fls0\\a?",
            "\\\\fls0\\a:b",
            "\\\\fls0\\é",
            "\\\\fls0\\a\nb",
            "\\\\fls0\\a/b",
            long.as_str(),
        ] {
            assert!(
                matches!(validate_path(p), Err(Error::InvalidName(_))),
                "{p:?}"
            );
        }
        let max = format!("{ROOT}{}", "x".repeat(MAX_PATH - ROOT.len()));
        assert_eq!(validate_path(&max), Ok(()));
    }

    #[test]
    fn patterns_allow_wildcards_in_the_last_name_only() {
        assert_eq!(validate_pattern("\\\\fls0\\*.g3a"), Ok(()));
        assert_eq!(validate_pattern("\\\\fls0\\dir\\a?c"), Ok(()));
        assert!(validate_pattern("\\\\fls0\\d*\\x").is_err());
    }

    #[test]
    fn widened_names() {
        let n = Name16::new("\\\\fls0\\AB.c").unwrap();
        let expect: std::vec::Vec<u16> = "\\\\fls0\\AB.c\0".bytes().map(u16::from).collect();
        assert_eq!(n.as_units(), expect.as_slice());
        let p = format!("{ROOT}{}", "y".repeat(MAX_PATH - ROOT.len()));
        assert_eq!(Name16::new(&p).unwrap().as_units().len(), MAX_PATH + 1);
    }

    #[test]
    fn temp_names() {
        assert_eq!(
            temp_path("\\\\fls0\\a.bin").unwrap().as_str(),
            "\\\\fls0\\a.bin~"
        );
        let p: String = format!("{ROOT}{}", "z".repeat(MAX_PATH - ROOT.len()));
        assert!(temp_path(&p).is_err());
    }
}
