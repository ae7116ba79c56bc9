//! Main-memory (MCS) folder and item names (pure).
use super::{Error, Result};

/// Longest folder or item name.
pub const MAX_MCS_NAME: usize = crate::abi::storage::MCS_NAME_LEN;

/// Checks a main-memory folder or item name: 1 to 8 printable ASCII characters.
pub fn validate_mcs_name(name: &str) -> Result<()> {
    if name.is_empty() {
        return Err(Error::InvalidName("empty main-memory name"));
    }
    if name.len() > MAX_MCS_NAME {
        return Err(Error::InvalidName(
            "main-memory names have at most 8 characters",
        ));
    }
    if !name.bytes().all(|b| b.is_ascii_graphic() || b == b' ') {
        return Err(Error::InvalidName("only printable ASCII characters"));
    }
    Ok(())
}

/// A validated name as the OS wants it: NUL-terminated bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct McsName {
    bytes: [u8; MAX_MCS_NAME + 1],
}

impl McsName {
    /// Validates and converts `name`.
    pub fn new(name: &str) -> Result<McsName> {
        validate_mcs_name(name)?;
        let mut bytes = [0; MAX_MCS_NAME + 1];
        bytes[..name.len()].copy_from_slice(name.as_bytes());
        Ok(McsName { bytes })
    }

    /// The name without the NUL.
    pub fn as_str(&self) -> &str {
        let n = self
            .bytes
            .iter()
            .position(|&b| b == 0)
            .unwrap_or(MAX_MCS_NAME);
        core::str::from_utf8(&self.bytes[..n]).unwrap_or("")
    }

    /// Pointer for the OS.
    pub fn as_ptr(&self) -> *const u8 {
        self.bytes.as_ptr()
    }
}

/// The item name `replace` writes the new data under first: the name with its last
/// character (or, under 8 characters, an extra one) made `~`.
pub fn temp_item_name(item: &str) -> Result<McsName> {
    validate_mcs_name(item)?;
    let mut s: heapless::String<MAX_MCS_NAME> = heapless::String::new();
    let keep = if item.len() == MAX_MCS_NAME {
        MAX_MCS_NAME - 1
    } else {
        item.len()
    };
    let _ = s.push_str(&item[..keep]);
    let _ = s.push('~');
    if s == item {
        // The item itself ends with `~` at the limit: use a different last character.
        s.pop();
        let _ = s.push('^');
    }
    McsName::new(&s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert!(validate_mcs_name("SAVE").is_ok());
        assert!(validate_mcs_name("@UTILS").is_ok());
        assert!(validate_mcs_name("ABCDEFGH").is_ok());
        assert!(validate_mcs_name("ABCDEFGHI").is_err());
        assert!(validate_mcs_name("").is_err());
        assert!(validate_mcs_name("a\0b").is_err());
        assert!(validate_mcs_name("é").is_err());
        assert_eq!(McsName::new("Set").unwrap().as_str(), "Set");
    }

    #[test]
    fn temp_names_differ_and_are_valid() {
        for item in ["A", "Hash", "ABCDEFGH", "ABCDEFG~", "x~"] {
            let t = temp_item_name(item).unwrap();
            assert_ne!(t.as_str(), item);
            assert!(validate_mcs_name(t.as_str()).is_ok());
        }
        assert_eq!(temp_item_name("Hash").unwrap().as_str(), "Hash~");
        assert_eq!(temp_item_name("ABCDEFGH").unwrap().as_str(), "ABCDEFG~");
    }
}
