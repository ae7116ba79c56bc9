//! A header text that should hold a value in a standard form, but may hold anything:
//! the version and the date, which real add-ins write freely (`1.8.0`, `01.090.000`).

use std::fmt;

/// The text of a field as the file holds it (decoded from Casio's character set), and the
/// value it stands for when it is in its standard form.
///
/// ```
/// use g3a::{TextValue, Version};
/// let v: TextValue<Version> = TextValue::parse("01.02.0003");
/// assert_eq!(v.parsed(), Some(Version::new(1, 2, 3)?));
/// let free: TextValue<Version> = TextValue::parse("1.8.0");
/// assert_eq!((free.text(), free.parsed()), ("1.8.0", None));
/// assert_eq!(free.to_string(), "1.8.0");
/// # Ok::<(), g3a::G3aError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextValue<T> {
    text: String,
    parsed: Option<T>,
}

impl<T: std::str::FromStr> TextValue<T> {
    /// `text`, with its value if `T` parses it.
    pub fn parse(text: &str) -> TextValue<T> {
        TextValue {
            text: text.to_string(),
            parsed: text.parse().ok(),
        }
    }
}

impl<T: Copy> TextValue<T> {
    /// The value, if the text is in its standard form.
    pub fn parsed(&self) -> Option<T> {
        self.parsed
    }
}

impl<T> TextValue<T> {
    /// The text as stored (up to its NUL), decoded for display.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Whether the text is in its standard form.
    pub fn is_standard(&self) -> bool {
        self.parsed.is_some()
    }
}

impl<T> fmt::Display for TextValue<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}
