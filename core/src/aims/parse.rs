//! Field-by-field parsing of an AIMS file from TOML or JSON.
//!
//! Both syntaxes are read into a `serde_json::Value` tree first, so every
//! error names the same field path (`clauses."6.1.2".maturity`,
//! `systems[1].annex_iii[0]`) whatever the syntax.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{Map, Value};

use super::{AIMS_FORMAT, AimsFile, CERTIFICATIONS, ClauseEntry, ControlEntry, SystemRef};
use crate::gap::catalogue::{ItemKind, catalogue};
use crate::system::{SourceFormat, parse_system};
use crate::{Date, InputError, InputErrorKind as K};

/// Top-level fields of an AIMS file.
pub const AIMS_FIELDS: &[&str] = &[
    "format",
    "organisation",
    "as_of",
    "scope",
    "certifications",
    "integrated_with",
    "relies_on_certificate_for_ai_act",
    "systems",
    "clauses",
    "controls",
];

/// Fields of a `[clauses."x"]` table (`applicable` is accepted only as `true`).
pub const CLAUSE_FIELDS: &[&str] = &["maturity", "evidence", "owner", "due", "note", "applicable"];

/// Fields of a `[controls."x"]` table.
pub const CONTROL_FIELDS: &[&str] = &[
    "applicable",
    "justification",
    "maturity",
    "evidence",
    "owner",
    "due",
    "note",
];

/// Most inventory entries accepted in one file.
pub const MAX_SYSTEMS: usize = 10_000;

/// Parses an AIMS file. Never panics; returns the first problem found.
///
/// Errors: malformed text ([`K::Syntax`]), wrong `format` ([`K::Format`]),
/// unknown fields and IDs with a "did you mean" ([`K::UnknownField`],
/// [`K::UnknownId`]), a clause marked not applicable ([`K::Invalid`]),
/// maturity outside 0..5 ([`K::OutOfRange`]), bad dates, wrong types, and
/// input too large or too deeply nested ([`K::TooLarge`]).
pub fn parse_aims(text: &str, fmt: SourceFormat) -> Result<AimsFile, InputError> {
    crate::system::check_size_and_depth(text)?;
    let root = match fmt {
        SourceFormat::Toml => {
            let v: toml::Value = toml::from_str(text).map_err(|e| {
                InputError::new(K::Syntax, "", "valid TOML").found(first_line(&e.to_string()))
            })?;
            crate::data::toml_to_json(v)
        }
        SourceFormat::Json => serde_json::from_str::<Value>(text).map_err(|e| {
            InputError::new(K::Syntax, "", "valid JSON").found(first_line(&e.to_string()))
        })?,
    };
    from_value(&root)
}

fn first_line(msg: &str) -> String {
    let line = msg
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    let clipped: String = line.chars().take(200).collect();
    format!("`{clipped}`")
}

fn describe(v: &Value) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Bool(b) => format!("`{b}`"),
        Value::Number(n) => format!("`{n}`"),
        Value::String(s) => {
            let c: String = s.chars().take(60).collect();
            format!("`{c}`")
        }
        Value::Array(_) => "a list".into(),
        Value::Object(_) => "a table".into(),
    }
}

fn wrong(path: &str, expected: &str, v: &Value) -> InputError {
    InputError::new(K::WrongType, path, expected).found(describe(v))
}

fn unknown_field(path: &str, key: &str, known: &[&str]) -> InputError {
    let field = if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    };
    InputError::new(
        K::UnknownField,
        field,
        format!("one of the known fields: {}", known.join(", ")),
    )
    .found(format!("`{key}`"))
    .suggest(key, known.iter().copied())
}

fn get_str(v: &Value, path: &str) -> Result<String, InputError> {
    v.as_str()
        .map(str::to_owned)
        .ok_or_else(|| wrong(path, "a string", v))
}

fn get_bool(v: &Value, path: &str) -> Result<bool, InputError> {
    v.as_bool()
        .ok_or_else(|| wrong(path, "`true` or `false`", v))
}

fn get_strings(v: &Value, path: &str) -> Result<Vec<String>, InputError> {
    let Value::Array(items) = v else {
        return Err(wrong(path, "a list of strings", v));
    };
    items
        .iter()
        .enumerate()
        .map(|(i, x)| get_str(x, &format!("{path}[{i}]")))
        .collect()
}

fn get_date(v: &Value, path: &str) -> Result<Date, InputError> {
    let s = v
        .as_str()
        .ok_or_else(|| wrong(path, "a date of the form YYYY-MM-DD", v))?;
    s.parse().map_err(|_| {
        InputError::new(K::Date, path, "a date of the form YYYY-MM-DD").found(describe(v))
    })
}

fn get_maturity(v: &Value, path: &str) -> Result<u8, InputError> {
    const WHAT: &str = "a maturity from 0 to 5 (0 absent, 1 initial, 2 managed, 3 defined, 4 measured, 5 optimising)";
    match v {
        Value::Number(n) => match n.as_i64() {
            Some(i @ 0..=5) => u8::try_from(i).map_err(|_| wrong(path, WHAT, v)),
            Some(_) => Err(InputError::new(K::OutOfRange, path, WHAT).found(describe(v))),
            None => Err(wrong(path, WHAT, v)),
        },
        _ => Err(wrong(path, WHAT, v)),
    }
}

fn cert_list(v: &Value, path: &str) -> Result<Vec<String>, InputError> {
    let list = get_strings(v, path)?;
    for (i, c) in list.iter().enumerate() {
        if !CERTIFICATIONS.contains(&c.as_str()) {
            return Err(InputError::new(
                K::UnknownId,
                format!("{path}[{i}]"),
                format!("a certification ID: {}", CERTIFICATIONS.join(", ")),
            )
            .found(format!("`{c}`"))
            .suggest(c, CERTIFICATIONS.iter().copied()));
        }
    }
    Ok(list)
}

fn from_value(root: &Value) -> Result<AimsFile, InputError> {
    let Value::Object(top) = root else {
        return Err(wrong("", "a table of AIMS fields", root));
    };
    match top.get("format") {
        None => {
            return Err(InputError::new(
                K::Format,
                "format",
                format!("`format = \"{AIMS_FORMAT}\"`"),
            ));
        }
        Some(Value::String(s)) if s == AIMS_FORMAT => {}
        Some(other) => {
            let mut e = InputError::new(K::Format, "format", format!("`\"{AIMS_FORMAT}\"`"))
                .found(describe(other));
            if other
                .as_str()
                .is_some_and(|s| s.starts_with("aimskit-system/"))
            {
                e.expected = format!(
                    "`\"{AIMS_FORMAT}\"` (this looks like a system file; pass the AIMS file instead)"
                );
            }
            return Err(e);
        }
    }
    let mut aims = AimsFile::new("");
    for (key, value) in top {
        let path = key.as_str();
        match path {
            "format" => {}
            "organisation" => aims.organisation = get_str(value, path)?,
            "as_of" => aims.as_of = Some(get_date(value, path)?),
            "scope" => aims.scope = get_str(value, path)?,
            "certifications" => aims.certifications = cert_list(value, path)?,
            "integrated_with" => aims.integrated_with = cert_list(value, path)?,
            "relies_on_certificate_for_ai_act" => {
                aims.relies_on_certificate_for_ai_act = get_bool(value, path)?
            }
            "systems" => aims.systems = systems(value)?,
            "clauses" => aims.clauses = clauses(value)?,
            "controls" => aims.controls = controls(value)?,
            _ => return Err(unknown_field("", key, AIMS_FIELDS)),
        }
    }
    for (i, c) in aims.integrated_with.iter().enumerate() {
        if !aims.certifications.contains(c) {
            return Err(InputError::new(
                K::Invalid,
                format!("integrated_with[{i}]"),
                "a certification that is also listed in `certifications`",
            )
            .found(format!("`{c}`")));
        }
    }
    Ok(aims)
}

fn systems(v: &Value) -> Result<Vec<SystemRef>, InputError> {
    let Value::Array(items) = v else {
        return Err(wrong(
            "systems",
            "a list of system file paths and/or inline system tables",
            v,
        ));
    };
    if items.len() > MAX_SYSTEMS {
        return Err(InputError::new(
            K::TooLarge,
            "systems",
            format!("at most {MAX_SYSTEMS} systems"),
        )
        .found(format!("{} entries", items.len())));
    }
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let path = format!("systems[{i}]");
        match item {
            Value::String(p) if !p.trim().is_empty() => out.push(SystemRef::Path(p.clone())),
            Value::Object(_) => {
                let text = serde_json::to_string(item).unwrap_or_default();
                let sys = parse_system(&text, SourceFormat::Json).map_err(|mut e| {
                    e.field = if e.field.is_empty() {
                        path.clone()
                    } else {
                        format!("{path}.{}", e.field)
                    };
                    e
                })?;
                if let Some(w) = &sys.impact {
                    crate::impact::validate(w).map_err(|mut e| {
                        e.field = format!("{path}.{}", e.field);
                        e
                    })?;
                }
                out.push(SystemRef::Inline(Box::new(sys)));
            }
            other => {
                return Err(wrong(
                    &path,
                    "a system file path or an inline system table",
                    other,
                ));
            }
        }
    }
    Ok(out)
}

/// Flattens `[clauses.6.1.2]` written without quotes (nested tables `6` ->
/// `1` -> `2`) into `"6.1.2"`: a table whose path is a proper prefix of a
/// known ID and none of whose keys is an entry field is one more ID segment.
fn flatten<'a>(
    prefix: &str,
    map: &'a Map<String, Value>,
    fields: &[&str],
    ancestors: &BTreeSet<String>,
    out: &mut Vec<(String, &'a Value)>,
) {
    for (k, v) in map {
        let id = if prefix.is_empty() {
            k.clone()
        } else {
            format!("{prefix}.{k}")
        };
        match v {
            Value::Object(inner)
                if ancestors.contains(&id)
                    && !inner.keys().any(|x| fields.contains(&x.as_str())) =>
            {
                flatten(&id, inner, fields, ancestors, out)
            }
            _ => out.push((id, v)),
        }
    }
}

/// One `[clauses."x"]` / `[controls."x"]` table: its ID and fields.
type Entry<'a> = (String, &'a Map<String, Value>);

fn entries<'a>(
    v: &'a Value,
    section: &str,
    kind: ItemKind,
    fields: &[&str],
) -> Result<Vec<Entry<'a>>, InputError> {
    let Value::Object(map) = v else {
        return Err(wrong(
            section,
            &format!("a table of {section} keyed by ID"),
            v,
        ));
    };
    let cat = catalogue();
    // Proper prefixes of known IDs ("6", "6.1", "A", "A.6.2"): the tables
    // TOML makes of unquoted dotted keys.
    let mut ancestors = BTreeSet::new();
    for id in cat.ids(kind) {
        let mut p = String::new();
        for (i, seg) in id.split('.').enumerate() {
            if i > 0 {
                ancestors.insert(p.clone());
                p.push('.');
            }
            p.push_str(seg);
        }
    }
    let mut flat = Vec::new();
    flatten("", map, fields, &ancestors, &mut flat);
    let ids = cat.ids(kind);
    let mut out: Vec<Entry<'a>> = Vec::with_capacity(flat.len());
    for (id, value) in flat {
        let path = format!("{section}.\"{id}\"");
        // The same ID written twice (`"6.1.2"` and `6.1.2`, which TOML and
        // JSON keep apart) would otherwise be decided silently by key order.
        if out.iter().any(|(seen, _)| *seen == id) {
            return Err(InputError::new(
                K::Invalid,
                path,
                "each ID once (it is given both as a quoted key and as nested tables)",
            )
            .found(format!("`{id}` twice")));
        }
        if cat.item(&id).is_none_or(|it| it.kind != kind) {
            let what = match kind {
                ItemKind::Clause => "a clause ID from 4.1 to 10.2 (for example \"6.1.2\")",
                ItemKind::Control => {
                    "an Annex A control ID from A.2.2 to A.10.4 (for example \"A.5.2\")"
                }
            };
            let mut e = InputError::new(K::UnknownId, path, what).found(format!("`{id}`"));
            e = if cat.item(&id).is_some() {
                // A control under clauses or the other way round.
                e.did_you_mean = Some(match kind {
                    ItemKind::Clause => format!("[controls.\"{id}\"]"),
                    ItemKind::Control => format!("[clauses.\"{id}\"]"),
                });
                e
            } else {
                e.suggest(&id, ids.iter().copied())
            };
            return Err(e);
        }
        let Value::Object(fields_map) = value else {
            return Err(wrong(&path, "a table (maturity, evidence, ...)", value));
        };
        out.push((id, fields_map));
    }
    Ok(out)
}

fn clauses(v: &Value) -> Result<BTreeMap<String, ClauseEntry>, InputError> {
    let mut out = BTreeMap::new();
    for (id, map) in entries(v, "clauses", ItemKind::Clause, CLAUSE_FIELDS)? {
        let mut e = ClauseEntry::default();
        for (key, value) in map {
            let path = format!("clauses.\"{id}\".{key}");
            match key.as_str() {
                "maturity" => e.maturity = Some(get_maturity(value, &path)?),
                "evidence" => e.evidence = get_strings(value, &path)?,
                "owner" => e.owner = get_str(value, &path)?,
                "due" => e.due = Some(get_date(value, &path)?),
                "note" => e.note = get_str(value, &path)?,
                "applicable" => {
                    if !get_bool(value, &path)? {
                        return Err(InputError::new(
                            K::Invalid,
                            path,
                            "clauses 4-10 always apply and cannot be excluded (only Annex A controls can); \
                             remove `applicable = false` and assess the clause",
                        )
                        .found("`false`"));
                    }
                }
                _ => {
                    return Err(unknown_field(
                        &format!("clauses.\"{id}\""),
                        key,
                        CLAUSE_FIELDS,
                    ));
                }
            }
        }
        out.insert(id, e);
    }
    Ok(out)
}

fn controls(v: &Value) -> Result<BTreeMap<String, ControlEntry>, InputError> {
    let mut out = BTreeMap::new();
    for (id, map) in entries(v, "controls", ItemKind::Control, CONTROL_FIELDS)? {
        let mut e = ControlEntry::default();
        for (key, value) in map {
            let path = format!("controls.\"{id}\".{key}");
            match key.as_str() {
                "applicable" => e.applicable = get_bool(value, &path)?,
                "justification" => e.justification = get_str(value, &path)?,
                "maturity" => e.maturity = Some(get_maturity(value, &path)?),
                "evidence" => e.evidence = get_strings(value, &path)?,
                "owner" => e.owner = get_str(value, &path)?,
                "due" => e.due = Some(get_date(value, &path)?),
                "note" => e.note = get_str(value, &path)?,
                _ => {
                    return Err(unknown_field(
                        &format!("controls.\"{id}\""),
                        key,
                        CONTROL_FIELDS,
                    ));
                }
            }
        }
        out.insert(id, e);
    }
    Ok(out)
}
