//! Compiled-in data (rules, catalogue, translations) and the TOML/JSON
//! conversions shared by the file parsers and writers.
//!
//! `build.rs` turns the TOML data files into compact JSON (deserialised
//! straight into the typed structs) and flat text lists ([`Flat`]), read in
//! place: each entry ends with [`RECORD`]; [`MISSING`] marks a missing text.
//! [`from_toml`] is the original path (TOML table, then JSON value, then the
//! typed struct): rule data passed in as text goes through it, and tests use
//! it to prove the compiled data equal to the TOML files.

mod toml_json;

use serde::de::DeserializeOwned;
use serde_json::Value;

pub(crate) use toml_json::toml_to_json;

/// Parses TOML `text` into `T`; errors are plain strings for data checks.
pub(crate) fn from_toml<T: DeserializeOwned>(text: &str) -> Result<T, String> {
    let table: toml::Table = text.parse().map_err(|e: toml::de::Error| e.to_string())?;
    serde_json::from_value(toml_to_json(toml::Value::Table(table))).map_err(|e| e.to_string())
}

/// `v` without spare capacity: JSON arrays carry no length, so a vector
/// deserialised from one has grown by doubling; loaded data is kept for the
/// whole session.
pub(crate) fn tight<T>(mut v: Vec<T>) -> Vec<T> {
    v.shrink_to_fit();
    v
}

/// Ends an entry of a compiled flat table or list.
pub(crate) const RECORD: char = '\u{1e}';
/// An entry that marks a missing text (U+001F, never part of a text).
pub(crate) const MISSING: &str = "\u{1f}";

/// A compiled flat list: entries that each end with [`RECORD`], indexed
/// by where they start (4 bytes per entry; the text is not copied).
#[derive(Debug)]
pub(crate) struct Flat {
    text: &'static str,
    starts: Box<[u32]>,
}

impl Flat {
    pub(crate) fn parse(text: &'static str) -> Flat {
        let mut at = 0;
        let starts = text
            .split_terminator(RECORD)
            .map(|entry| {
                let start = at;
                at += entry.len() + RECORD.len_utf8();
                u32::try_from(start).unwrap_or(u32::MAX)
            })
            .collect();
        Flat { text, starts }
    }

    /// The number of entries.
    pub(crate) fn len(&self) -> usize {
        self.starts.len()
    }

    /// Entry `i` (without its [`RECORD`]).
    pub(crate) fn get(&self, i: usize) -> Option<&'static str> {
        let start = usize::try_from(*self.starts.get(i)?).ok()?;
        let end = match self.starts.get(i + 1) {
            Some(&next) => usize::try_from(next).ok()?,
            None => self.text.len(),
        };
        self.text.get(start..end)?.strip_suffix(RECORD)
    }

    /// Entry `i`, `None` if it is [`MISSING`].
    pub(crate) fn text(&self, i: usize) -> Option<&'static str> {
        self.get(i).filter(|e| *e != MISSING)
    }
}

/// Converts a JSON value to the equivalent TOML value, the way `toml`'s own
/// serialiser would: null object members are left out (TOML has no null);
/// `None` if a null remains elsewhere or an integer does not fit in `i64`.
///
/// Writers go through this (from `serde_json::Value`) instead of
/// `toml::Value::try_from(&typed)`, so the wasm build carries no TOML
/// serialiser per written type.
pub(crate) fn json_to_toml(v: &Value) -> Option<toml::Value> {
    Some(match v {
        Value::Null => return None,
        Value::Bool(b) => toml::Value::Boolean(*b),
        Value::Number(n) => match n.as_i64() {
            Some(i) => toml::Value::Integer(i),
            None if n.is_f64() => toml::Value::Float(n.as_f64()?),
            None => return None,
        },
        Value::String(s) => toml::Value::String(s.clone()),
        Value::Array(a) => toml::Value::Array(a.iter().map(json_to_toml).collect::<Option<_>>()?),
        Value::Object(m) => {
            let mut t = toml::Table::new();
            for (k, x) in m.iter().filter(|(_, x)| !x.is_null()) {
                t.insert(k.clone(), json_to_toml(x)?);
            }
            toml::Value::Table(t)
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flat_lists() {
        let f = Flat::parse("a\u{1e}\u{1f}\u{1e}\u{1e}b c\u{1e}");
        assert_eq!(f.len(), 4);
        assert_eq!(f.get(0), Some("a"));
        assert_eq!(f.get(1), Some("\u{1f}"));
        assert_eq!(
            (f.text(1), f.text(2), f.text(3)),
            (None, Some(""), Some("b c"))
        );
        assert_eq!(f.get(4), None);
        assert_eq!(Flat::parse("").len(), 0);
    }

    #[derive(serde::Deserialize, Debug, PartialEq)]
    #[serde(deny_unknown_fields)]
    struct S {
        a: u8,
        b: Vec<String>,
        d: String,
        f: f64,
    }

    #[test]
    fn converts_like_toml() {
        let s: S = from_toml("a = 3\nb = [\"x\"]\nd = 2026-11-29\nf = 4.0e25\n").unwrap();
        assert_eq!(
            s,
            S {
                a: 3,
                b: vec!["x".into()],
                d: "2026-11-29".into(),
                f: 4.0e25
            }
        );
        assert!(from_toml::<S>("a = 3\nb = []\nd = \"\"\nf = 1.0\nzz = 1\n").is_err());
        assert!(from_toml::<S>("a = 300\nb = []\nd = \"\"\nf = 1.0\n").is_err());
        assert!(from_toml::<S>("a = ").is_err());
    }

    #[test]
    fn json_to_toml_matches_the_toml_serialiser() {
        let impact = crate::impact::ImpactWorksheet {
            processes: "Hiring \"quoted\"\nline".into(),
            affected_groups: vec!["applicants".into(), String::new()],
            risks: vec![crate::impact::ImpactRisk {
                harm: "bias".into(),
                likelihood: 4,
                severity: 5,
                residual_likelihood: Some(2),
                ..Default::default()
            }],
            ..Default::default()
        };
        let ours = json_to_toml(&serde_json::to_value(&impact).unwrap()).unwrap();
        assert_eq!(ours, toml::Value::try_from(&impact).unwrap());
        let v = serde_json::json!({
            "a": 1, "b": -2.5, "c": [true, "x", [1.0e300]], "d": {"f": {}},
            "g": i64::MIN, "h": []
        });
        assert_eq!(json_to_toml(&v), Some(toml::Value::try_from(&v).unwrap()));
        // Null members are dropped, like `None` fields of a typed struct.
        let with_null = serde_json::json!({ "d": { "e": null, "f": 1 } });
        assert_eq!(
            json_to_toml(&with_null).unwrap().to_string(),
            "{ d = { f = 1 } }"
        );
        assert_eq!(json_to_toml(&serde_json::json!([1, null])), None);
        assert_eq!(json_to_toml(&serde_json::json!({ "u": u64::MAX })), None);
        assert!(toml::Value::try_from(serde_json::json!({ "u": u64::MAX })).is_err());
    }
}
