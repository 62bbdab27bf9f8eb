//! A calendar date without a clock.
//!
//! Core never reads the system time: callers pass the evaluation date
//! (`as_of`) in. Dates are written `YYYY-MM-DD` in files, results and every
//! English text; [`Date::long`] and [`Date::short`] write them for a reader
//! of German, French or Italian (running text and table cells).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::i18n::Lang;

/// Month names, January first. A hand-written table: no locale data crate.
const MONTHS: [[&str; 12]; 3] = [
    [
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    ],
    [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
    [
        "gennaio",
        "febbraio",
        "marzo",
        "aprile",
        "maggio",
        "giugno",
        "luglio",
        "agosto",
        "settembre",
        "ottobre",
        "novembre",
        "dicembre",
    ],
];

/// A proleptic Gregorian calendar date, ordered chronologically.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

/// Why a date string did not parse.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{input}` is not a date of the form YYYY-MM-DD")]
pub struct DateError {
    /// The text that was given.
    pub input: String,
}

impl Date {
    /// A number in the same order as dates: `yyyy << 16 | mm << 8 | dd`.
    pub(crate) fn sort_key(self) -> u32 {
        u32::from(self.year) << 16 | u32::from(self.month) << 8 | u32::from(self.day)
    }

    /// Builds a date, checking that the day exists in that month.
    ///
    /// # Example
    /// ```
    /// use aimskit_core::Date;
    /// assert!(Date::new(2028, 2, 29).is_some());
    /// assert!(Date::new(2027, 2, 29).is_none());
    /// ```
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// The year.
    pub fn year(self) -> u16 {
        self.year
    }

    /// The month, 1-12.
    pub fn month(self) -> u8 {
        self.month
    }

    /// The day of the month, 1-31.
    pub fn day(self) -> u8 {
        self.day
    }

    /// Days since 1970-01-01 (negative before), for date arithmetic.
    pub fn to_days(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The inverse of [`Date::to_days`]; `None` outside years 0-9999.
    pub fn from_days(days: i64) -> Option<Date> {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        Date::new(
            u16::try_from(year).ok().filter(|y| *y <= 9999)?,
            u8::try_from(month).ok()?,
            u8::try_from(day).ok()?,
        )
    }

    /// The date in running text of `lang`: `2. Dezember 2027`,
    /// `2 décembre 2027` (`1er décembre 2027` on the first),
    /// `2 dicembre 2027` (`1º dicembre 2027` on the first). English keeps
    /// `2027-12-02`: the spec fixes the English texts of results.
    ///
    /// # Example
    /// ```
    /// use aimskit_core::{Date, i18n::Lang};
    /// let d = Date::new(2027, 12, 2).unwrap();
    /// assert_eq!(d.long(Lang::De), "2. Dezember 2027");
    /// assert_eq!(d.long(Lang::En), "2027-12-02");
    /// ```
    pub fn long(self, lang: Lang) -> String {
        let (names, day) = match lang {
            Lang::En => return self.to_string(),
            Lang::De => (&MONTHS[0], format!("{}.", self.day)),
            Lang::Fr if self.day == 1 => (&MONTHS[1], "1er".to_owned()),
            Lang::Fr => (&MONTHS[1], self.day.to_string()),
            Lang::It if self.day == 1 => (&MONTHS[2], "1º".to_owned()),
            Lang::It => (&MONTHS[2], self.day.to_string()),
        };
        let month = names
            .get(usize::from(self.month) - 1)
            .copied()
            .unwrap_or("");
        format!("{day} {month} {}", self.year)
    }

    /// The date in a table cell of `lang`: `02.12.2027` in German, French
    /// and Italian alike. French in France writes `02/12/2027`; we use the
    /// Swiss form with dots for French too, one form for all three (and
    /// readable in France). English keeps `2027-12-02`.
    ///
    /// # Example
    /// ```
    /// use aimskit_core::{Date, i18n::Lang};
    /// let d = Date::new(2027, 12, 2).unwrap();
    /// assert_eq!(d.short(Lang::Fr), "02.12.2027");
    /// assert_eq!(d.short(Lang::En), "2027-12-02");
    /// ```
    pub fn short(self, lang: Lang) -> String {
        match lang {
            Lang::En => self.to_string(),
            Lang::De | Lang::Fr | Lang::It => {
                format!("{:02}.{:02}.{:04}", self.day, self.month, self.year)
            }
        }
    }

    /// This date plus (or minus) a number of days.
    pub fn add_days(self, days: i64) -> Option<Date> {
        Date::from_days(self.to_days() + days)
    }
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        _ => 28,
    }
}

impl FromStr for Date {
    type Err = DateError;

    fn from_str(s: &str) -> Result<Date, DateError> {
        let err = || DateError {
            input: s.to_owned(),
        };
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return Err(err());
        }
        let num = |r: std::ops::Range<usize>| -> Option<u16> {
            let part = s.get(r)?;
            if !part.bytes().all(|c| c.is_ascii_digit()) {
                return None;
            }
            part.parse().ok()
        };
        let (year, month, day) = (num(0..4), num(5..7), num(8..10));
        match (year, month, day) {
            (Some(y), Some(m), Some(d)) => Date::new(
                y,
                u8::try_from(m).map_err(|_| err())?,
                u8::try_from(d).map_err(|_| err())?,
            )
            .ok_or_else(err),
            _ => Err(err()),
        }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        // TOML files may carry a native date (`as_of = 2026-11-29`) or a string.
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = Date;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a date of the form YYYY-MM-DD")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Date, E> {
                v.parse().map_err(E::custom)
            }
        }
        d.deserialize_str(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints() {
        let d: Date = "2027-12-02".parse().unwrap();
        assert_eq!(d.to_string(), "2027-12-02");
        assert!("2027-13-02".parse::<Date>().is_err());
        assert!("2027-02-30".parse::<Date>().is_err());
        assert!("27-12-02".parse::<Date>().is_err());
        assert!("2027-1a-02".parse::<Date>().is_err());
        assert!("２０２７-12-02".parse::<Date>().is_err());
    }

    #[test]
    fn long_form_in_each_language() {
        let d = Date::new(2027, 12, 2).unwrap();
        assert_eq!(d.long(Lang::En), "2027-12-02");
        assert_eq!(d.long(Lang::De), "2. Dezember 2027");
        assert_eq!(d.long(Lang::Fr), "2 décembre 2027");
        assert_eq!(d.long(Lang::It), "2 dicembre 2027");
        let first = Date::new(2027, 12, 1).unwrap();
        assert_eq!(first.long(Lang::De), "1. Dezember 2027");
        assert_eq!(first.long(Lang::Fr), "1er décembre 2027");
        assert_eq!(first.long(Lang::It), "1º dicembre 2027");
        let jan = Date::new(2026, 1, 31).unwrap();
        assert_eq!(jan.long(Lang::De), "31. Januar 2026");
        assert_eq!(jan.long(Lang::Fr), "31 janvier 2026");
        assert_eq!(jan.long(Lang::It), "31 gennaio 2026");
        let leap = Date::new(2028, 2, 29).unwrap();
        assert_eq!(leap.long(Lang::De), "29. Februar 2028");
        assert_eq!(
            Date::new(2026, 3, 11).unwrap().long(Lang::De),
            "11. März 2026"
        );
        assert_eq!(
            Date::new(2026, 8, 1).unwrap().long(Lang::Fr),
            "1er août 2026"
        );
        assert_eq!(Date::new(5, 5, 5).unwrap().long(Lang::It), "5 maggio 5");
        // Every month has its own name in every language.
        for (l, lang) in [Lang::De, Lang::Fr, Lang::It].into_iter().enumerate() {
            for m in 1..=12u8 {
                let text = Date::new(2027, m, 15).unwrap().long(lang);
                let day = if lang == Lang::De { "15." } else { "15" };
                let month = MONTHS[l][usize::from(m) - 1];
                assert_eq!(text, format!("{day} {month} 2027"));
            }
            let mut names = MONTHS[l].to_vec();
            names.sort_unstable();
            names.dedup();
            assert_eq!(names.len(), 12);
        }
    }

    #[test]
    fn short_form_in_each_language() {
        let d = Date::new(2027, 12, 2).unwrap();
        assert_eq!(d.short(Lang::En), "2027-12-02");
        for lang in [Lang::De, Lang::Fr, Lang::It] {
            assert_eq!(d.short(lang), "02.12.2027");
            assert_eq!(Date::new(2026, 1, 1).unwrap().short(lang), "01.01.2026");
            assert_eq!(Date::new(987, 10, 31).unwrap().short(lang), "31.10.0987");
        }
    }

    #[test]
    fn orders_and_counts_days() {
        let a: Date = "2026-08-01".parse().unwrap();
        let b: Date = "2026-08-02".parse().unwrap();
        assert!(a < b);
        assert_eq!(a.add_days(1), Some(b));
        assert_eq!(Date::new(1970, 1, 1).unwrap().to_days(), 0);
        for n in [-1000, 0, 1, 59, 365, 20_000, 2_000_000] {
            assert_eq!(Date::from_days(n).map(Date::to_days), Some(n));
        }
    }
}
