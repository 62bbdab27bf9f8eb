//! Loading compiled-in TOML data (rules, catalogue, translations).
//!
//! The text is parsed into a generic TOML table and converted to a JSON value,
//! and only then deserialised into the typed structs. That way the wasm build
//! carries one typed deserialiser per struct (serde_json's) instead of one per
//! TOML deserialiser type, which roughly halves the code serde generates for
//! the data structs.

use serde::de::DeserializeOwned;
use serde_json::Value;

/// Parses TOML `text` into `T`; errors are plain strings for data checks.
pub(crate) fn from_toml<T: DeserializeOwned>(text: &str) -> Result<T, String> {
    let table: toml::Table = text.parse().map_err(|e: toml::de::Error| e.to_string())?;
    serde_json::from_value(toml_to_json(toml::Value::Table(table))).map_err(|e| e.to_string())
}

/// Converts a TOML value to the equivalent JSON value (dates become strings).
pub(crate) fn toml_to_json(v: toml::Value) -> Value {
    match v {
        toml::Value::String(s) => Value::String(s),
        toml::Value::Integer(i) => Value::from(i),
        toml::Value::Float(f) => serde_json::Number::from_f64(f)
            .map(Value::Number)
            .unwrap_or(Value::Null),
        toml::Value::Boolean(b) => Value::Bool(b),
        toml::Value::Datetime(d) => Value::String(d.to_string()),
        toml::Value::Array(a) => Value::Array(a.into_iter().map(toml_to_json).collect()),
        toml::Value::Table(t) => {
            Value::Object(t.into_iter().map(|(k, v)| (k, toml_to_json(v))).collect())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
