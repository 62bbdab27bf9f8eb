//! One language's compiled-in text table, read in place.
//!
//! `build.rs` writes `locales/<lang>.toml` as a flat text (`key` U+001F
//! `text` U+001E per entry, sorted by key); loading only records where the
//! entries start, so no text is copied and a lookup is a binary search.

use std::fmt;

use crate::data::{UNIT, record, record_starts};

/// The texts of one language by key, in key order.
pub struct Table {
    text: &'static str,
    starts: Box<[u32]>,
}

impl Table {
    /// Indexes the compiled table of `lang` anew (uncached: [`table`](super::table)
    /// indexes each language once).
    pub fn load(lang: super::Lang) -> Table {
        Table::parse(lang.compiled())
    }

    /// Indexes a compiled flat table.
    pub(crate) fn parse(text: &'static str) -> Table {
        Table {
            text,
            starts: record_starts(text),
        }
    }

    fn entry(&self, i: usize) -> Option<(&'static str, &'static str)> {
        record(self.text, &self.starts, i)?.split_once(UNIT)
    }

    fn key(&self, i: usize) -> &'static str {
        self.entry(i).map_or("", |(k, _)| k)
    }

    /// The text for `key`.
    pub fn get(&self, key: &str) -> Option<&'static str> {
        let i = self
            .starts
            .binary_search_by(|&s| {
                let s = usize::try_from(s).unwrap_or(usize::MAX);
                let rest = self.text.get(s..).unwrap_or("");
                rest.split(UNIT).next().unwrap_or("").cmp(key)
            })
            .ok()?;
        self.entry(i).map(|(_, text)| text)
    }

    /// True if the table has `key`.
    pub fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// Every key and text, in key order.
    pub fn iter(&self) -> impl Iterator<Item = (&'static str, &'static str)> + '_ {
        (0..self.starts.len()).filter_map(|i| self.entry(i))
    }

    /// Every key, in order.
    pub fn keys(&self) -> impl Iterator<Item = &'static str> + '_ {
        (0..self.starts.len()).map(|i| self.key(i))
    }

    /// Every text, in key order.
    pub fn values(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.iter().map(|(_, text)| text)
    }

    /// The number of keys.
    pub fn len(&self) -> usize {
        self.starts.len()
    }

    /// True if the table has no key.
    pub fn is_empty(&self) -> bool {
        self.starts.is_empty()
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
        let t = Table::parse("a.b\u{1f}x\u{1e}a.c\u{1f}\u{1e}b\u{1f}y {z}\u{1e}");
        assert_eq!(t.len(), 3);
        assert_eq!(t.get("a.b"), Some("x"));
        assert_eq!(t.get("a.c"), Some(""));
        assert_eq!(t.get("b"), Some("y {z}"));
        assert_eq!(t.get("a"), None);
        assert_eq!(t.get("c"), None);
        assert!(t.contains_key("a.c") && !t.contains_key(""));
        assert_eq!(t.keys().collect::<Vec<_>>(), ["a.b", "a.c", "b"]);
        assert_eq!(t.values().collect::<Vec<_>>(), ["x", "", "y {z}"]);
        assert!(Table::parse("").is_empty());
        assert_eq!(Table::parse("").get("a"), None);
    }
}
