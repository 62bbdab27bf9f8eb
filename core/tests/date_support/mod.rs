//! Shared helper for the i18n tests that check how texts write dates.

use aimskit_core::Date;

/// The `YYYY-MM-DD` dates in a text.
pub fn iso_dates(text: &str) -> Vec<Date> {
    (0..text.len().saturating_sub(9))
        .filter_map(|i| text.get(i..i + 10))
        .filter_map(|s| s.parse().ok())
        .collect()
}
