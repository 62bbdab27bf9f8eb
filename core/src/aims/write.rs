//! Writing an AIMS file back to TOML or JSON; `parse_aims` of the output gives
//! the same [`AimsFile`] (round trip).

use serde_json::{Map, Value};

use super::{AimsFile, ClauseEntry, ControlEntry, SystemRef};
use crate::system;

fn put_str(m: &mut Map<String, Value>, key: &str, s: &str) {
    if !s.is_empty() {
        m.insert(key.into(), Value::String(s.to_owned()));
    }
}

fn put_list(m: &mut Map<String, Value>, key: &str, l: &[String], always: bool) {
    if always || !l.is_empty() {
        m.insert(
            key.into(),
            Value::Array(l.iter().cloned().map(Value::String).collect()),
        );
    }
}

fn common(
    m: &mut Map<String, Value>,
    maturity: Option<u8>,
    evidence: &[String],
    owner: &str,
    due: Option<crate::Date>,
    note: &str,
) {
    if let Some(x) = maturity {
        m.insert("maturity".into(), Value::from(x));
    }
    put_list(m, "evidence", evidence, maturity.is_some());
    put_str(m, "owner", owner);
    if let Some(d) = due {
        m.insert("due".into(), Value::String(d.to_string()));
    }
    put_str(m, "note", note);
}

fn clause(e: &ClauseEntry) -> Value {
    let mut m = Map::new();
    common(&mut m, e.maturity, &e.evidence, &e.owner, e.due, &e.note);
    Value::Object(m)
}

fn control(e: &ControlEntry) -> Value {
    let mut m = Map::new();
    m.insert("applicable".into(), Value::Bool(e.applicable));
    put_str(&mut m, "justification", &e.justification);
    common(&mut m, e.maturity, &e.evidence, &e.owner, e.due, &e.note);
    Value::Object(m)
}

/// The AIMS file as a JSON value (inline systems as system-file objects).
fn to_value(a: &AimsFile) -> Value {
    let mut m = Map::new();
    m.insert("format".into(), Value::String(a.format.clone()));
    m.insert("organisation".into(), Value::String(a.organisation.clone()));
    if let Some(d) = a.as_of {
        m.insert("as_of".into(), Value::String(d.to_string()));
    }
    put_str(&mut m, "scope", &a.scope);
    put_list(&mut m, "certifications", &a.certifications, false);
    put_list(&mut m, "integrated_with", &a.integrated_with, false);
    if a.relies_on_certificate_for_ai_act {
        m.insert("relies_on_certificate_for_ai_act".into(), Value::Bool(true));
    }
    if !a.systems.is_empty() {
        let systems = a
            .systems
            .iter()
            .map(|s| match s {
                SystemRef::Path(p) => Value::String(p.clone()),
                SystemRef::Inline(sys) => {
                    serde_json::from_str(&system::to_json(sys)).unwrap_or(Value::Null)
                }
            })
            .collect();
        m.insert("systems".into(), Value::Array(systems));
    }
    // Objects filled by insert: collect() into a map sorts a vector first,
    // one sort instantiation per call site in the wasm.
    if !a.clauses.is_empty() {
        let mut o = Map::new();
        for (k, e) in &a.clauses {
            o.insert(k.clone(), clause(e));
        }
        m.insert("clauses".into(), Value::Object(o));
    }
    if !a.controls.is_empty() {
        let mut o = Map::new();
        for (k, e) in &a.controls {
            o.insert(k.clone(), control(e));
        }
        m.insert("controls".into(), Value::Object(o));
    }
    Value::Object(m)
}

/// The AIMS file as pretty JSON.
pub fn aims_to_json(a: &AimsFile) -> String {
    serde_json::to_string_pretty(&to_value(a)).unwrap_or_default()
}

/// The AIMS file as TOML (clauses and controls as `[clauses."6.1.2"]` tables).
pub fn aims_to_toml(a: &AimsFile) -> String {
    let mut v = to_value(a);
    strip_nulls(&mut v);
    match crate::data::json_to_toml(&v) {
        Some(t) => toml::to_string(&t).unwrap_or_default(),
        None => String::new(),
    }
}

/// TOML has no null: drop null members (optional fields left out).
fn strip_nulls(v: &mut Value) {
    match v {
        Value::Object(m) => {
            // Rebuilt rather than `retain`ed: removing from a map adds the
            // node-rebalancing code for it to the wasm (about 3.5 KB).
            for (k, mut x) in std::mem::take(m) {
                if !x.is_null() {
                    strip_nulls(&mut x);
                    m.insert(k, x);
                }
            }
        }
        Value::Array(a) => a.iter_mut().for_each(strip_nulls),
        _ => {}
    }
}
