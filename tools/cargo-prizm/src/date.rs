//! The build date stored in the `.g3a` header.

use g3a::Date;

use crate::error::{Error, Result};

/// The build date: `SOURCE_DATE_EPOCH` (seconds since 1970, UTC) when it is given and not
/// empty, for reproducible builds; the current UTC time otherwise.
pub fn build_date(source_date_epoch: Option<&str>) -> Result<Date> {
    match source_date_epoch.map(str::trim) {
        None | Some("") => Ok(Date::now()),
        Some(s) => s
            .parse::<i64>()
            .ok()
            .and_then(Date::from_unix)
            .ok_or_else(|| {
                Error::Other(format!(
                    "SOURCE_DATE_EPOCH={s:?} is not a number of seconds since 1970-01-01 \
                     within years 1970..9999"
                ))
            }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn source_date_epoch() {
        assert_eq!(
            build_date(Some("1779284759")).unwrap().to_string(),
            "2026.0520.1345"
        );
        assert_eq!(
            build_date(Some(" 0 ")).unwrap().to_string(),
            "1970.0101.0000"
        );
        assert!(build_date(Some("yesterday")).is_err());
        assert!(build_date(Some("99999999999999")).is_err());
        assert!(build_date(None).unwrap().year() >= 2024);
        assert!(build_date(Some("")).unwrap().year() >= 2024);
    }
}
