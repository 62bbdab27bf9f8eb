//! The widget's translation layer: a thin wrapper over `aimskit_core::i18n`
//! plus the [`I18n`] context every component reads its language from.

pub use aimskit_core::i18n::Lang;
use aimskit_core::{Date, i18n};

/// The languages the widget offers in its switch (complete translations).
pub const OFFERED: [Lang; 4] = Lang::ALL;

/// The current language, provided as a Yew context by the root.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct I18n {
    /// The interface language.
    pub lang: Lang,
}

impl I18n {
    /// The text for `key` (English, then the key itself, as fallbacks).
    pub fn t(&self, key: &str) -> String {
        i18n::t(self.lang, key).to_owned()
    }

    /// The text for `key` with `{name}` placeholders filled.
    pub fn tf(&self, key: &str, args: &[(&str, &str)]) -> String {
        i18n::tf(self.lang, key, args)
    }

    /// A date in running text: `2. Dezember 2027` (ISO in English).
    pub fn date(&self, d: Date) -> String {
        d.long(self.lang)
    }

    /// A date in a table cell: `02.12.2027` (ISO in English).
    pub fn date_short(&self, d: Date) -> String {
        d.short(self.lang)
    }

    /// The text for `key` if any table has it, else `fallback` (for texts
    /// that core also carries in English, such as obligation titles).
    pub fn t_or(&self, key: &str, fallback: &str) -> String {
        if i18n::table(self.lang).contains_key(key) || i18n::table(Lang::En).contains_key(key) {
            self.t(key)
        } else {
            fallback.to_owned()
        }
    }
}

/// Picks the widget language from a browser tag (`navigator.language`):
/// offered languages only, English otherwise.
pub fn from_browser(tag: Option<&str>) -> Lang {
    tag.and_then(Lang::from_tag)
        .filter(|l| OFFERED.contains(l))
        .unwrap_or(Lang::En)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn browser_language_falls_back_to_english() {
        assert_eq!(from_browser(Some("de-AT")), Lang::De);
        assert_eq!(from_browser(Some("fr-CH")), Lang::Fr);
        assert_eq!(from_browser(Some("it")), Lang::It);
        assert_eq!(from_browser(Some("es-ES")), Lang::En);
        assert_eq!(from_browser(None), Lang::En);
    }

    #[test]
    fn fallback_text_is_used_only_for_unknown_keys() {
        let i = I18n { lang: Lang::De };
        assert_eq!(i.t_or("no.such.key", "Fallback"), "Fallback");
        assert_eq!(i.t_or("app.name", "x"), "aimskit");
    }
}
