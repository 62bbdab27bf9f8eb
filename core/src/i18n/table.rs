//! One language's compiled-in text table, read in place.
//!
//! `build.rs` writes the keys of all `locales/<lang>.toml` once, sorted
//! (`locale-keys.txt`), and per language its texts in the same order
//! (`locale-<lang>.txt`, a missing key marked): loading a language only
//! records where its texts start, no text is copied, and a lookup is a
//! binary search over the shared keys.

use std::fmt;
use std::sync::OnceLock;

use super::Lang;
use crate::data::Flat;

/// The texts of one language by key, in key order.
pub struct Table {
    keys: &'static Flat,
    texts: Flat,
    len: usize,
}

/// The keys of every language, sorted, indexed once.
fn keys() -> &'static Flat {
    static KEYS: OnceLock<Flat> = OnceLock::new();
    KEYS.get_or_init(|| Flat::parse(include_str!(concat!(env!("OUT_DIR"), "/locale-keys.txt"))))
}

impl Table {
    /// Indexes the compiled table of `lang` anew (uncached: [`table`](super::table)
    /// indexes each language once).
    pub fn load(lang: Lang) -> Table {
        Table::new(keys(), lang.compiled())
    }

    fn new(keys: &'static Flat, texts: &'static str) -> Table {
        let texts = Flat::parse(texts);
        let len = (0..texts.len())
            .filter(|&i| texts.text(i).is_some())
            .count();
        Table { keys, texts, len }
    }

    /// The text for `key`.
    pub fn get(&self, key: &str) -> Option<&'static str> {
        let (mut lo, mut hi) = (0, self.keys.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            match self.keys.get(mid)?.cmp(key) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return self.texts.text(mid),
            }
        }
        None
    }

    /// True if the table has `key`.
    pub fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// Every key and text, in key order.
    pub fn iter(&self) -> impl Iterator<Item = (&'static str, &'static str)> + '_ {
        (0..self.keys.len()).filter_map(|i| Some((self.keys.get(i)?, self.texts.text(i)?)))
    }

    /// Every key, in order.
    pub fn keys(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.iter().map(|(key, _)| key)
    }

    /// Every text, in key order.
    pub fn values(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.iter().map(|(_, text)| text)
    }

    /// The number of keys.
    pub fn len(&self) -> usize {
        self.len
    }

    /// True if the table has no key.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

impl fmt::Debug for Table {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn looks_up_in_place() {
        let keys = Box::leak(Box::new(Flat::parse("a.b\u{1e}a.c\u{1e}a.d\u{1e}b\u{1e}")));
        let t = Table::new(keys, "x\u{1e}\u{1e}\u{1f}\u{1e}y {z}\u{1e}");
        assert_eq!(t.len(), 3);
        assert_eq!(t.get("a.b"), Some("x"));
        assert_eq!(t.get("a.c"), Some(""));
        assert_eq!(t.get("a.d"), None, "marked missing");
        assert_eq!(t.get("b"), Some("y {z}"));
        assert_eq!(t.get("a"), None);
        assert_eq!(t.get("c"), None);
        assert!(t.contains_key("a.c") && !t.contains_key("") && !t.contains_key("a.d"));
        assert_eq!(t.keys().collect::<Vec<_>>(), ["a.b", "a.c", "b"]);
        assert_eq!(t.values().collect::<Vec<_>>(), ["x", "", "y {z}"]);
        let empty = Table::new(Box::leak(Box::new(Flat::parse(""))), "");
        assert!(empty.is_empty() && empty.get("a").is_none());
    }
}
