//! Translations: one flat `key = "text"` table per language, compiled in.
//!
//! The tables live in `core/locales/<lang>.toml` so that the widget, the CLI
//! and the JS API share the same labels. Placeholders are written `{name}`
//! and must be the same in every language (a test checks this). `build.rs`
//! compiles each file into a flat [`Table`] that is read in place.
//!
//! Texts the engine builds from data come in two ways: triage reasons and
//! obligation titles are recovered from their English text ([`localize`]);
//! gap messages carry a key and arguments next to their English text and
//! are rendered with [`message()`]. Arguments that are themselves
//! translatable are passed as IDs (`item` = a catalogue item ID, `status` =
//! a status ID, `*_msg` = a nested locale key, ...) and localised when
//! rendering; proper names (systems, articles) are passed as they are.
//!
//! Dates are passed as `YYYY-MM-DD` under a placeholder whose name says it
//! is a date ([`is_date_placeholder`]: `date`, `as_of`, `from`, `until` or a
//! name ending in `_date`); every renderer here ([`tf`], [`message()`],
//! [`localize`]) writes such a value in the long form of the language
//! ([`crate::Date::long`]: `2. Dezember 2027`). English keeps `YYYY-MM-DD`,
//! since the spec fixes the English texts of results.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

mod localize;
pub use localize::{localize, obligation_title, parse_filled, reason};
mod message;
pub(crate) use message::{review_arg_entries, review_message};
mod table;
/// Gap messages (findings, roadmap, pitfall triggers) from a key and
/// arguments; the argument convention (which placeholder names carry IDs
/// that are localised when rendering) is documented in [`message()`]'s module.
pub use message::{Args, message};
pub use table::Table;

/// A user-interface language.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// English (the reference language).
    #[default]
    En,
    /// German.
    De,
    /// French.
    Fr,
    /// Italian.
    It,
}

impl Lang {
    /// Every language, in display order.
    pub const ALL: [Lang; 4] = [Lang::En, Lang::De, Lang::Fr, Lang::It];

    /// The BCP 47 code.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::De => "de",
            Lang::Fr => "fr",
            Lang::It => "it",
        }
    }

    /// Picks a language from a BCP 47 tag such as `de-CH`; `None` if unsupported.
    ///
    /// # Example
    /// ```
    /// use aimskit_core::i18n::Lang;
    /// assert_eq!(Lang::from_tag("de-CH"), Some(Lang::De));
    /// assert_eq!(Lang::from_tag("es"), None);
    /// ```
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next()?.to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.code() == primary)
    }

    /// The compiled table (see `build.rs`).
    fn compiled(self) -> &'static str {
        match self {
            Lang::En => include_str!(concat!(env!("OUT_DIR"), "/locale-en.txt")),
            Lang::De => include_str!(concat!(env!("OUT_DIR"), "/locale-de.txt")),
            Lang::Fr => include_str!(concat!(env!("OUT_DIR"), "/locale-fr.txt")),
            Lang::It => include_str!(concat!(env!("OUT_DIR"), "/locale-it.txt")),
        }
    }

    fn index(self) -> usize {
        match self {
            Lang::En => 0,
            Lang::De => 1,
            Lang::Fr => 2,
            Lang::It => 3,
        }
    }
}

/// The raw table of one language, indexed on first use: a session that
/// never leaves German indexes only German (and English, the fallback).
pub fn table(lang: Lang) -> &'static Table {
    static TABLES: [OnceLock<Table>; 4] = [const { OnceLock::new() }; 4];
    TABLES[lang.index()].get_or_init(|| Table::load(lang))
}

/// The text for `key` in `lang`, falling back to English, then to the key itself.
pub fn t(lang: Lang, key: &str) -> &str {
    table(lang)
        .get(key)
        .or_else(|| table(Lang::En).get(key))
        .unwrap_or(key)
}

/// Like [`t`], with `{name}` placeholders replaced from `args` (dates in
/// the language's long form, see [`date_value`]).
pub fn tf(lang: Lang, key: &str, args: &[(&str, &str)]) -> String {
    let mut out = t(lang, key).to_owned();
    for (name, value) in args {
        let date = date_value(lang, name, value);
        out = out.replace(&format!("{{{name}}}"), date.as_deref().unwrap_or(value));
    }
    out
}

/// Whether a placeholder carries a `YYYY-MM-DD` date by its name: `date`,
/// `as_of`, `from`, `until`, or a name ending in `_date`.
pub fn is_date_placeholder(name: &str) -> bool {
    matches!(name, "date" | "as_of" | "from" | "until") || name.ends_with("_date")
}

/// The value of placeholder `name` in `lang` if it is a date: the long form
/// (`2. Dezember 2027`) when the name says date and the value parses as
/// one; `None` (insert the value as it is) otherwise and in English.
///
/// # Example
/// ```
/// use aimskit_core::i18n::{Lang, date_value};
/// assert_eq!(date_value(Lang::Fr, "date", "2027-12-01").as_deref(), Some("1er décembre 2027"));
/// assert_eq!(date_value(Lang::En, "date", "2027-12-01"), None);
/// assert_eq!(date_value(Lang::Fr, "article", "2027-12-01"), None);
/// assert_eq!(date_value(Lang::Fr, "date", "soon"), None);
/// ```
pub fn date_value(lang: Lang, name: &str, value: &str) -> Option<String> {
    if lang == Lang::En || !is_date_placeholder(name) {
        return None;
    }
    value.parse::<crate::Date>().ok().map(|d| d.long(lang))
}

/// The `{name}` placeholders in a text, sorted and deduplicated.
pub fn placeholders(text: &str) -> Vec<&str> {
    let mut out: Vec<&str> = text
        .split('{')
        .skip(1)
        .filter_map(|s| s.split_once('}').map(|(name, _)| name))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compiled_tables_equal_the_toml_files() {
        use std::collections::BTreeMap;
        for lang in Lang::ALL {
            let path = format!(
                "{}/locales/{}.toml",
                env!("CARGO_MANIFEST_DIR"),
                lang.code()
            );
            let text = std::fs::read_to_string(&path).unwrap();
            let old: BTreeMap<String, String> =
                crate::data::from_toml(&text).unwrap_or_else(|e| panic!("{}: {e}", lang.code()));
            let new: Vec<(&str, &str)> = table(lang).iter().collect();
            let old: Vec<(&str, &str)> =
                old.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
            assert!(old.len() > 500, "{}", lang.code());
            assert_eq!(new, old, "{}", lang.code());
            for (k, v) in &old {
                assert_eq!(table(lang).get(k), Some(*v), "{}: {k}", lang.code());
            }
        }
    }

    #[test]
    fn fallback_and_placeholders() {
        assert_eq!(t(Lang::De, "no.such.key"), "no.such.key");
        assert_eq!(placeholders("a {x} b {y} {x}"), vec!["x", "y"]);
    }
}
