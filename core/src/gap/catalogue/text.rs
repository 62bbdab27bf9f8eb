//! Catalogue texts in four languages.
//!
//! English lives in the struct. For the built-in catalogue, `build.rs` moves
//! the German, French and Italian texts into one compiled list per language
//! (a text's entry is its number `t` in the catalogue JSON); a list is
//! indexed when its language is first asked for and read in place, so a
//! session materialises only the languages it shows.

use std::fmt;
use std::sync::OnceLock;

use serde::ser::SerializeStruct;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::data::Flat;
use crate::i18n::Lang;

/// A text in several languages; English is required, the others fall back to it.
#[derive(Clone, Default)]
pub struct Text {
    /// English (the reference language).
    pub en: String,
    others: Others,
}

/// Where the German, French and Italian texts are.
#[derive(Clone, Default)]
enum Others {
    /// Nowhere: English only.
    #[default]
    None,
    /// In the struct (texts built in code or parsed from TOML).
    Owned(Box<[Option<String>; 3]>),
    /// Entry `n` of the compiled per-language lists.
    Compiled(u32),
}

/// The languages of the compiled lists, in the order of `Others::Owned`.
const TRANSLATED: [(Lang, &str); 3] = [(Lang::De, "de"), (Lang::Fr, "fr"), (Lang::It, "it")];

impl Text {
    /// A text with the given translations (`None`: falls back to English).
    pub fn new(
        en: impl Into<String>,
        de: Option<String>,
        fr: Option<String>,
        it: Option<String>,
    ) -> Text {
        let others = if de.is_none() && fr.is_none() && it.is_none() {
            Others::None
        } else {
            Others::Owned(Box::new([de, fr, it]))
        };
        Text {
            en: en.into(),
            others,
        }
    }

    /// The text as written for `lang`: `None` if there is no translation
    /// (English always has one).
    pub fn translation(&self, lang: Lang) -> Option<&str> {
        let slot = match lang {
            Lang::En => return Some(&self.en),
            Lang::De => 0,
            Lang::Fr => 1,
            Lang::It => 2,
        };
        match &self.others {
            Others::None => None,
            Others::Owned(texts) => texts.get(slot)?.as_deref(),
            Others::Compiled(n) => compiled(slot, *n),
        }
    }

    /// The text in `lang`, or English when there is no translation.
    pub fn get(&self, lang: Lang) -> &str {
        self.translation(lang)
            .filter(|s| !s.is_empty())
            .unwrap_or(&self.en)
    }
}

/// Entry `n` of the compiled list of language `slot`.
fn compiled(slot: usize, n: u32) -> Option<&'static str> {
    const LISTS: [&str; 3] = [
        include_str!(concat!(env!("OUT_DIR"), "/catalogue-de.txt")),
        include_str!(concat!(env!("OUT_DIR"), "/catalogue-fr.txt")),
        include_str!(concat!(env!("OUT_DIR"), "/catalogue-it.txt")),
    ];
    static INDEX: [OnceLock<Flat>; 3] = [const { OnceLock::new() }; 3];
    let text = *LISTS.get(slot)?;
    let list = INDEX.get(slot)?.get_or_init(|| Flat::parse(text));
    list.text(usize::try_from(n).ok()?)
}

impl PartialEq for Text {
    fn eq(&self, other: &Text) -> bool {
        self.en == other.en
            && TRANSLATED
                .iter()
                .all(|&(lang, _)| self.translation(lang) == other.translation(lang))
    }
}

impl Eq for Text {}

impl fmt::Debug for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut d = f.debug_struct("Text");
        d.field("en", &self.en);
        for (lang, name) in TRANSLATED {
            d.field(name, &self.translation(lang));
        }
        d.finish()
    }
}

/// `{ en, de?, fr?, it? }`, as the catalogue files write it.
impl Serialize for Text {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let texts = TRANSLATED.map(|(lang, name)| (name, self.translation(lang)));
        let len = 1 + texts.iter().filter(|(_, t)| t.is_some()).count();
        let mut st = s.serialize_struct("Text", len)?;
        st.serialize_field("en", &self.en)?;
        for (name, text) in texts {
            match text {
                Some(text) => st.serialize_field(name, text)?,
                None => st.skip_field(name)?,
            }
        }
        st.end()
    }
}

/// A text as the TOML files write it (`de`, `fr`, `it`) or as the compiled
/// catalogue does (`t`: the entry in the compiled lists).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawText {
    en: String,
    #[serde(default)]
    de: Option<String>,
    #[serde(default)]
    fr: Option<String>,
    #[serde(default)]
    it: Option<String>,
    #[serde(default)]
    t: Option<u32>,
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Text, D::Error> {
        let raw = RawText::deserialize(d)?;
        Ok(match raw.t {
            Some(n) => Text {
                en: raw.en,
                others: Others::Compiled(n),
            },
            None => Text::new(raw.en, raw.de, raw.fr, raw.it),
        })
    }
}
