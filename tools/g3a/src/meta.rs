//! What an add-in says about itself: names, labels, version, date, flags.

use std::fmt;
use std::str::FromStr;

use crate::error::{Field, G3aError};
use crate::layout;
use crate::text;

/// The eight languages of the localized labels, in file order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Language {
    /// English (the first label, at 0x06B).
    English,
    /// Spanish.
    Spanish,
    /// German.
    German,
    /// French.
    French,
    /// Portuguese.
    Portuguese,
    /// Chinese.
    Chinese,
    /// The seventh label (its language is not documented).
    Extra1,
    /// The eighth label (its language is not documented).
    Extra2,
}

impl Language {
    /// All languages in file order.
    pub const ALL: [Language; 8] = [
        Language::English,
        Language::Spanish,
        Language::German,
        Language::French,
        Language::Portuguese,
        Language::Chinese,
        Language::Extra1,
        Language::Extra2,
    ];

    /// Position of the label in the file (0 for English .. 7).
    pub fn index(self) -> usize {
        self as usize
    }

    /// Short code: `en`, `es`, `de`, `fr`, `pt`, `zh`, `extra1`, `extra2`.
    pub fn code(self) -> &'static str {
        match self {
            Language::English => "en",
            Language::Spanish => "es",
            Language::German => "de",
            Language::French => "fr",
            Language::Portuguese => "pt",
            Language::Chinese => "zh",
            Language::Extra1 => "extra1",
            Language::Extra2 => "extra2",
        }
    }

    /// The language with this [`code`](Language::code), if any.
    pub fn from_code(code: &str) -> Option<Language> {
        Language::ALL.into_iter().find(|l| l.code() == code)
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// The eight localized labels shown in the main menu, one for each [`Language`].
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Labels([String; 8]);

impl Labels {
    /// The same label in every language.
    pub fn all(label: &str) -> Labels {
        Labels(std::array::from_fn(|_| label.to_string()))
    }

    /// The label for `lang`.
    pub fn get(&self, lang: Language) -> &str {
        &self.0[lang.index()]
    }

    /// Sets the label for `lang`.
    pub fn set(&mut self, lang: Language, label: impl Into<String>) {
        self.0[lang.index()] = label.into();
    }

    /// The labels with their languages, in file order.
    pub fn iter(&self) -> impl Iterator<Item = (Language, &str)> {
        Language::ALL.into_iter().map(|l| (l, self.get(l)))
    }
}

/// An add-in version, stored as `"MM.mm.pppp"` (two-digit major, two-digit minor,
/// four-digit patch).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Version {
    major: u8,
    minor: u8,
    patch: u16,
}

impl Version {
    /// A version, if it fits the format: major and minor at most 99, patch at most 9999.
    pub fn new(major: u64, minor: u64, patch: u64) -> Result<Version, G3aError> {
        if major > 99 || minor > 99 || patch > 9999 {
            return Err(G3aError::InvalidMeta {
                field: Field::Version,
                value: format!("{major}.{minor}.{patch}"),
                allowed: "a .g3a version is MM.mm.pppp: major and minor at most 99, patch at \
                          most 9999"
                    .into(),
            });
        }
        Ok(Version {
            major: major as u8,
            minor: minor as u8,
            patch: patch as u16,
        })
    }

    /// The major number.
    pub fn major(self) -> u8 {
        self.major
    }

    /// The minor number.
    pub fn minor(self) -> u8 {
        self.minor
    }

    /// The patch number.
    pub fn patch(self) -> u16 {
        self.patch
    }
}

impl Default for Version {
    /// `01.00.0000`, the usual default of Prizm tools.
    fn default() -> Version {
        Version {
            major: 1,
            minor: 0,
            patch: 0,
        }
    }
}

impl fmt::Display for Version {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}.{:02}.{:04}", self.major, self.minor, self.patch)
    }
}

impl FromStr for Version {
    type Err = G3aError;

    /// Parses exactly `"MM.mm.pppp"`.
    fn from_str(s: &str) -> Result<Version, G3aError> {
        let bad = || G3aError::InvalidMeta {
            field: Field::Version,
            value: s.to_string(),
            allowed: "a version must be written MM.mm.pppp, e.g. 01.00.0000".into(),
        };
        let digits = text::fixed_digits(s.as_bytes(), &[2, 2, 4], b'.').ok_or_else(bad)?;
        Version::new(digits[0], digits[1], digits[2])
    }
}

/// A build date and time (minute precision), stored as `"yyyy.MMdd.hhmm"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
    hour: u8,
    minute: u8,
}

impl Date {
    /// A date, if it is valid: year 0..=9999, month 1..=12, a day that exists in that
    /// month, hour 0..=23, minute 0..=59.
    pub fn new(year: u64, month: u64, day: u64, hour: u64, minute: u64) -> Result<Date, G3aError> {
        let ok = year <= 9999
            && (1..=12).contains(&month)
            && day >= 1
            && day <= u64::from(days_in_month(year, month))
            && hour <= 23
            && minute <= 59;
        if !ok {
            return Err(G3aError::InvalidMeta {
                field: Field::Date,
                value: format!("{year:04}-{month:02}-{day:02} {hour:02}:{minute:02}"),
                allowed: "not a valid date and time (year 0-9999, month 1-12, an existing \
                          day, hour 0-23, minute 0-59)"
                    .into(),
            });
        }
        Ok(Date {
            year: year as u16,
            month: month as u8,
            day: day as u8,
            hour: hour as u8,
            minute: minute as u8,
        })
    }

    /// The UTC date of a Unix time (seconds since 1970-01-01 00:00 UTC); `None` before
    /// year 0 or after year 9999.
    pub fn from_unix(seconds: i64) -> Option<Date> {
        let days = seconds.div_euclid(86_400);
        let secs = seconds.rem_euclid(86_400);
        let (y, m, d) = civil_from_days(days);
        if !(0..=9999).contains(&y) {
            return None;
        }
        Date::new(
            y as u64,
            m,
            d,
            (secs / 3600) as u64,
            (secs % 3600 / 60) as u64,
        )
        .ok()
    }

    /// The current UTC date from the system clock (the Unix epoch if the clock is earlier).
    pub fn now() -> Date {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs() as i64)
            .unwrap_or(0);
        Date::from_unix(secs).unwrap_or_default()
    }

    /// The year.
    pub fn year(self) -> u16 {
        self.year
    }
    /// The month, 1..=12.
    pub fn month(self) -> u8 {
        self.month
    }
    /// The day of the month, 1..=31.
    pub fn day(self) -> u8 {
        self.day
    }
    /// The hour, 0..=23.
    pub fn hour(self) -> u8 {
        self.hour
    }
    /// The minute, 0..=59.
    pub fn minute(self) -> u8 {
        self.minute
    }
}

impl Default for Date {
    /// 1970-01-01 00:00.
    fn default() -> Date {
        Date {
            year: 1970,
            month: 1,
            day: 1,
            hour: 0,
            minute: 0,
        }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:04}.{:02}{:02}.{:02}{:02}",
            self.year, self.month, self.day, self.hour, self.minute
        )
    }
}

impl FromStr for Date {
    type Err = G3aError;

    /// Parses exactly `"yyyy.MMdd.hhmm"`.
    fn from_str(s: &str) -> Result<Date, G3aError> {
        let bad = || G3aError::InvalidMeta {
            field: Field::Date,
            value: s.to_string(),
            allowed: "a date must be written yyyy.MMdd.hhmm, e.g. 2026.0520.1530".into(),
        };
        let d = text::fixed_digits(s.as_bytes(), &[4, 4, 4], b'.').ok_or_else(bad)?;
        Date::new(d[0], d[1] / 100, d[1] % 100, d[2] / 100, d[2] % 100)
    }
}

fn is_leap(year: u64) -> bool {
    year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400))
}

fn days_in_month(year: u64, month: u64) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Year, month, day of a count of days since 1970-01-01 (proleptic Gregorian calendar).
fn civil_from_days(days: i64) -> (i64, u64, u64) {
    // Shift to a calendar whose years start on March 1st, in 400-year eras.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u64;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u64;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// Everything the header of a `.g3a` file says about an add-in, besides its icons and code.
///
/// The fields are public and checked by [`AddinMeta::validate`] (which the writer calls):
/// - `short_name`: 1 to 16 printable ASCII characters;
/// - `internal_name`: `@` and 1 to 8 characters among `A-Z`, `0-9`, `_`;
/// - each label: 1 to 24 printable ASCII characters;
/// - `file_name`: printable ASCII without `/` or `\`, ending in `.g3a`, at most 323 bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AddinMeta {
    /// Short name (0x040).
    pub short_name: String,
    /// Internal name `"@NAME"` (0x060).
    pub internal_name: String,
    /// Localized labels shown in the main menu (0x06B).
    pub labels: Labels,
    /// Version (0x130).
    pub version: Version,
    /// Build date (0x13C).
    pub date: Date,
    /// Whether the add-in may be used as an eActivity strip (0x12B).
    pub eactivity: bool,
    /// File name `"X.g3a"` (0xEBC).
    pub file_name: String,
}

impl AddinMeta {
    /// Metadata for an add-in called `name`: internal name from [`default_internal_name`],
    /// every label `name`, version `01.00.0000`, the current date, not an eActivity strip,
    /// file name `name.g3a`.
    pub fn new(name: &str) -> AddinMeta {
        AddinMeta {
            short_name: name.to_string(),
            internal_name: default_internal_name(name),
            labels: Labels::all(name),
            version: Version::default(),
            date: Date::now(),
            eactivity: false,
            file_name: format!("{name}.g3a"),
        }
    }

    /// Checks every field against the rules in the type's documentation.
    pub fn validate(&self) -> Result<(), G3aError> {
        validate_short_name(&self.short_name)?;
        validate_internal_name(&self.internal_name)?;
        for (lang, label) in self.labels.iter() {
            validate_label(lang, label)?;
        }
        validate_file_name(&self.file_name)
    }
}

/// `"@"` followed by the first 8 of the ASCII letters, digits and `_` of `name`, upper-cased
/// (`"@ADDIN"` if there are none).
pub fn default_internal_name(name: &str) -> String {
    let body: String = name
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '_')
        .map(|c| c.to_ascii_uppercase())
        .take(layout::INTERNAL_NAME_MAX)
        .collect();
    if body.is_empty() {
        "@ADDIN".into()
    } else {
        format!("@{body}")
    }
}

fn invalid(field: Field, value: &str, allowed: String) -> Result<(), G3aError> {
    Err(G3aError::InvalidMeta {
        field,
        value: value.to_string(),
        allowed,
    })
}

/// Checks a short name: 1 to 16 printable ASCII characters.
pub fn validate_short_name(name: &str) -> Result<(), G3aError> {
    if name.is_empty() || name.len() > layout::SHORT_NAME_MAX || !text::is_printable_ascii(name) {
        return invalid(
            Field::ShortName,
            name,
            format!(
                "must be 1 to {} printable ASCII characters",
                layout::SHORT_NAME_MAX
            ),
        );
    }
    Ok(())
}

/// Checks an internal name: `@` and 1 to 8 characters among `A-Z`, `0-9`, `_`.
pub fn validate_internal_name(name: &str) -> Result<(), G3aError> {
    let ok = name.strip_prefix('@').is_some_and(|body| {
        (1..=layout::INTERNAL_NAME_MAX).contains(&body.len())
            && body
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
    });
    if !ok {
        return invalid(
            Field::InternalName,
            name,
            format!(
                "must be '@' followed by 1 to {} characters among A-Z, 0-9 and _ (e.g. @HELLO)",
                layout::INTERNAL_NAME_MAX
            ),
        );
    }
    Ok(())
}

/// Checks a label: 1 to 24 printable ASCII characters.
pub fn validate_label(lang: Language, label: &str) -> Result<(), G3aError> {
    if label.is_empty() || label.len() > layout::LABEL_LEN || !text::is_printable_ascii(label) {
        return invalid(
            Field::Label(lang),
            label,
            format!(
                "must be 1 to {} printable ASCII characters",
                layout::LABEL_LEN
            ),
        );
    }
    Ok(())
}

/// Checks a file name: printable ASCII without `/` or `\`, ending in `.g3a`, at most 323
/// bytes.
pub fn validate_file_name(name: &str) -> Result<(), G3aError> {
    let ok = name.len() > 4
        && name.len() < layout::FILE_NAME_LEN
        && text::is_printable_ascii(name)
        && !name.contains(['/', '\\'])
        && name.ends_with(".g3a");
    if !ok {
        return invalid(
            Field::FileName,
            name,
            format!(
                "must be a plain file name ending in .g3a (printable ASCII, no / or \\, at \
                 most {} bytes)",
                layout::FILE_NAME_LEN - 1
            ),
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_from_unix_time() {
        assert_eq!(Date::from_unix(0).unwrap().to_string(), "1970.0101.0000");
        // 2026-05-20 13:45:59 UTC
        assert_eq!(
            Date::from_unix(1_779_284_759).unwrap().to_string(),
            "2026.0520.1345"
        );
        // 2000-02-29 23:59 (leap day of a century leap year)
        assert_eq!(
            Date::from_unix(951_868_740).unwrap().to_string(),
            "2000.0229.2359"
        );
        assert_eq!(Date::from_unix(-60).unwrap().to_string(), "1969.1231.2359");
        assert!(Date::from_unix(i64::MAX / 2).is_none());
    }

    #[test]
    fn dates_parse_and_reject() {
        let d: Date = "2024.0229.0805".parse().unwrap();
        assert_eq!(
            (d.year(), d.month(), d.day(), d.hour(), d.minute()),
            (2024, 2, 29, 8, 5)
        );
        for bad in [
            "2023.0229.0805",
            "2024.1301.0000",
            "2024.0100.0000",
            "2024.0101.2400",
            "2024.0101.0060",
            "2024-0101.0000",
            "24.0101.0000",
            "2024.0101.00000",
            "",
        ] {
            assert!(bad.parse::<Date>().is_err(), "{bad}");
        }
    }

    #[test]
    fn versions() {
        assert_eq!(Version::default().to_string(), "01.00.0000");
        assert_eq!(Version::new(0, 1, 12).unwrap().to_string(), "00.01.0012");
        assert_eq!(
            "12.34.5678".parse::<Version>().unwrap(),
            Version::new(12, 34, 5678).unwrap()
        );
        assert!(Version::new(100, 0, 0).is_err());
        assert!(Version::new(0, 100, 0).is_err());
        assert!(Version::new(0, 0, 10_000).is_err());
        for bad in [
            "1.0.0",
            "01.00.000",
            "01.00.00000",
            "aa.00.0000",
            "01:00:0000",
        ] {
            assert!(bad.parse::<Version>().is_err(), "{bad}");
        }
    }

    #[test]
    fn internal_names() {
        assert_eq!(default_internal_name("Hello"), "@HELLO");
        assert_eq!(default_internal_name("my add-in 2000"), "@MYADDIN2");
        assert_eq!(default_internal_name("é!"), "@ADDIN");
        assert!(validate_internal_name("@HELLO_123").is_err());
        assert!(validate_internal_name("@HELLO_1").is_ok());
        assert!(validate_internal_name("HELLO").is_err());
        assert!(validate_internal_name("@").is_err());
        assert!(validate_internal_name("@hello").is_err());
    }

    #[test]
    fn languages_round_trip() {
        for l in Language::ALL {
            assert_eq!(Language::from_code(l.code()), Some(l));
        }
        assert_eq!(Language::from_code("it"), None);
    }

    #[test]
    fn meta_validation_names_the_field() {
        let mut m = AddinMeta::new("Hello");
        m.validate().unwrap();
        m.labels.set(Language::German, "x".repeat(25));
        assert_eq!(
            m.validate().unwrap_err().field(),
            Some(Field::Label(Language::German))
        );
        let mut m = AddinMeta::new("Hello");
        m.file_name = "dir/x.g3a".into();
        assert_eq!(m.validate().unwrap_err().field(), Some(Field::FileName));
        let mut m = AddinMeta::new("Hello");
        m.short_name = "A name that is too long".into();
        assert_eq!(m.validate().unwrap_err().field(), Some(Field::ShortName));
    }
}
