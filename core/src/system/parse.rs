//! Field-by-field parsing of a system file from TOML or JSON.
//!
//! Both syntaxes are first turned into one small intermediate tree ([`Node`]),
//! so that every error names the same field path (`annex_iii[1]`,
//! `gpai.training_flops`) whatever the syntax, with a "did you mean" hint for
//! unknown names and IDs.

#![allow(
    clippy::result_large_err,
    reason = "InputError is the shared error type; errors are rare and off the hot path"
)]

use super::depth::nesting_depth;
use super::ids::{FieldName, SpecId};
use super::{GPAI_FIELDS, GpaiFacts, SYSTEM_FORMAT, SystemFile, TOP_LEVEL_FIELDS};
use crate::impact::{ImpactRisk, ImpactWorksheet};
use crate::{Date, InputError, InputErrorKind as K};

/// The largest input accepted (1 MiB).
pub const MAX_INPUT_BYTES: usize = 1 << 20;

/// The deepest nesting of arrays/tables accepted.
pub const MAX_DEPTH: usize = 32;

/// The syntax-neutral tree both TOML and JSON are read into.
#[derive(Debug, Clone)]
pub(crate) enum Node {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    /// A native TOML date/time, in its written form.
    Date(String),
    Arr(Vec<Node>),
    Table(Vec<(String, Node)>),
}

impl Node {
    fn kind(&self) -> &'static str {
        match self {
            Node::Null => "null",
            Node::Bool(_) => "a boolean",
            Node::Int(_) => "an integer",
            Node::Float(_) => "a number",
            Node::Str(_) => "a string",
            Node::Date(_) => "a date",
            Node::Arr(_) => "a list",
            Node::Table(_) => "a table",
        }
    }

    fn describe(&self) -> String {
        match self {
            Node::Str(s) => format!("`{}`", clip(s)),
            Node::Bool(b) => format!("`{b}`"),
            Node::Int(i) => format!("`{i}`"),
            Node::Float(f) => format!("`{f}`"),
            Node::Date(d) => format!("`{d}`"),
            other => other.kind().to_owned(),
        }
    }
}

fn clip(s: &str) -> String {
    if s.chars().count() > 60 {
        let mut t: String = s.chars().take(57).collect();
        t.push_str("...");
        t
    } else {
        s.to_owned()
    }
}

/// Parses a system file. Never panics; returns the first problem found.
///
/// # Example
/// ```
/// use aimskit_core::system::{parse_system, SourceFormat};
/// use aimskit_core::InputErrorKind;
/// let err = parse_system("format = \"aimskit-system/1\"\nname = \"x\"\nannex_iii = [\"4.z\"]",
///     SourceFormat::Toml).unwrap_err();
/// assert_eq!(err.kind, InputErrorKind::UnknownId);
/// assert_eq!(err.field, "annex_iii[0]");
/// assert_eq!(err.did_you_mean.as_deref(), Some("4.a"));
/// ```
pub fn parse_system(text: &str, fmt: super::SourceFormat) -> Result<SystemFile, InputError> {
    check_size_and_depth(text)?;
    let root = match fmt {
        super::SourceFormat::Toml => from_toml(text)?,
        super::SourceFormat::Json => from_json(text)?,
    };
    from_node(&root)
}

/// Refuses input over [`MAX_INPUT_BYTES`] or nested deeper than [`MAX_DEPTH`]
/// before any parser recurses (shared by system and AIMS files).
pub(crate) fn check_size_and_depth(text: &str) -> Result<(), InputError> {
    if text.len() > MAX_INPUT_BYTES {
        return Err(InputError::new(
            K::TooLarge,
            "",
            format!("a file of at most {MAX_INPUT_BYTES} bytes"),
        )
        .found(format!("{} bytes", text.len())));
    }
    if nesting_depth(text) > MAX_DEPTH {
        return Err(InputError::new(
            K::TooLarge,
            "",
            format!("lists and tables nested at most {MAX_DEPTH} deep"),
        ));
    }
    Ok(())
}

fn syntax(expected: &str, msg: impl std::fmt::Display) -> InputError {
    let msg = msg.to_string();
    let first = msg
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .trim()
        .to_owned();
    InputError::new(K::Syntax, "", expected.to_owned()).found(clip_msg(&msg, &first))
}

fn clip_msg(full: &str, first: &str) -> String {
    // toml errors are multi-line with a caret diagram; keep them on one line.
    let compact: Vec<&str> = full
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let joined = compact.join(" ");
    if joined.chars().count() > 200 {
        first.to_owned()
    } else {
        joined
    }
}

fn from_toml(text: &str) -> Result<Node, InputError> {
    let table: toml::Table = text.parse().map_err(|e| syntax("valid TOML", e))?;
    Ok(toml_table(&table))
}

fn toml_table(t: &toml::Table) -> Node {
    Node::Table(t.iter().map(|(k, v)| (k.clone(), toml_node(v))).collect())
}

fn toml_node(v: &toml::Value) -> Node {
    match v {
        toml::Value::String(s) => Node::Str(s.clone()),
        toml::Value::Integer(i) => Node::Int(*i),
        toml::Value::Float(f) => Node::Float(*f),
        toml::Value::Boolean(b) => Node::Bool(*b),
        toml::Value::Datetime(d) => Node::Date(d.to_string()),
        toml::Value::Array(a) => Node::Arr(a.iter().map(toml_node).collect()),
        toml::Value::Table(t) => toml_table(t),
    }
}

fn from_json(text: &str) -> Result<Node, InputError> {
    let v: serde_json::Value = serde_json::from_str(text).map_err(|e| syntax("valid JSON", e))?;
    match v {
        serde_json::Value::Object(_) => Ok(json_node(&v)),
        other => Err(InputError::new(K::WrongType, "", "a JSON object")
            .found(json_node(&other).kind().to_owned())),
    }
}

fn json_node(v: &serde_json::Value) -> Node {
    match v {
        serde_json::Value::Null => Node::Null,
        serde_json::Value::Bool(b) => Node::Bool(*b),
        serde_json::Value::Number(n) => match n.as_i64() {
            Some(i) => Node::Int(i),
            None => Node::Float(n.as_f64().unwrap_or(f64::NAN)),
        },
        serde_json::Value::String(s) => Node::Str(s.clone()),
        serde_json::Value::Array(a) => Node::Arr(a.iter().map(json_node).collect()),
        serde_json::Value::Object(o) => {
            Node::Table(o.iter().map(|(k, v)| (k.clone(), json_node(v))).collect())
        }
    }
}

fn wrong(path: &str, expected: &str, found: &Node) -> InputError {
    InputError::new(K::WrongType, path, expected.to_owned()).found(found.describe())
}

fn unknown_field(path: &str, key: &str, known: &[&'static str]) -> InputError {
    let full = if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    };
    InputError::new(
        K::UnknownField,
        full,
        if path.is_empty() {
            "a field of an aimskit-system/1 file".to_owned()
        } else {
            format!("a field of `{path}`")
        },
    )
    .found(format!("`{}`", clip(key)))
    .suggest(key, known.iter().copied())
}

fn get_str(node: &Node, path: &str) -> Result<String, InputError> {
    match node {
        Node::Str(s) => Ok(s.clone()),
        other => Err(wrong(path, "a string", other)),
    }
}

fn get_bool(node: &Node, path: &str) -> Result<bool, InputError> {
    match node {
        Node::Bool(b) => Ok(*b),
        other => Err(wrong(path, "`true` or `false`", other)),
    }
}

fn get_date(node: &Node, path: &str) -> Result<Date, InputError> {
    let text = match node {
        Node::Str(s) | Node::Date(s) => s,
        other => return Err(wrong(path, "a date of the form YYYY-MM-DD", other)),
    };
    text.parse::<Date>().map_err(|_| {
        InputError::new(K::Date, path, "a date of the form YYYY-MM-DD")
            .found(format!("`{}`", clip(text)))
    })
}

fn get_ids<T: SpecId>(node: &Node, path: &str) -> Result<Vec<T>, InputError> {
    let all = T::all();
    let known: Vec<&str> = all.iter().map(|t| t.as_str()).collect();
    let positions = id_positions(node, path, T::FIELD, &known)?;
    Ok(positions
        .into_iter()
        .filter_map(|i| all.get(i).copied())
        .collect())
}

/// The positions in `known` of a list of ID strings, without duplicates, in
/// the order given. Not generic: the twelve ID types share this code (and
/// its error messages) instead of one inlined copy each in the wasm.
/// `known[i]` is the spec string of `T::all()[i]`, so a position names
/// exactly the value `T::from_id` returns.
fn id_positions(
    node: &Node,
    path: &str,
    field: &str,
    known: &[&str],
) -> Result<Vec<usize>, InputError> {
    let Node::Arr(items) = node else {
        return Err(wrong(path, &format!("a list of {field} IDs"), node));
    };
    let mut out: Vec<usize> = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let p = format!("{path}[{i}]");
        let Node::Str(s) = item else {
            return Err(wrong(&p, "a string ID", item));
        };
        let Some(id) = known.iter().position(|k| k == s) else {
            let sample = if known.len() > 8 {
                format!("{}, ... {}", known[..6].join(", "), known[known.len() - 1])
            } else {
                known.join(", ")
            };
            return Err(InputError::new(K::UnknownId, p, format!("one of {sample}"))
                .found(format!("`{}`", clip(s)))
                .suggest(s, known.iter().copied()));
        };
        if !out.contains(&id) {
            out.push(id);
        }
    }
    Ok(out)
}

pub(crate) fn from_node(root: &Node) -> Result<SystemFile, InputError> {
    let Node::Table(fields) = root else {
        return Err(wrong("", "a table of fields", root));
    };
    let find = |k: &str| fields.iter().find(|(key, _)| key == k).map(|(_, v)| v);
    match find("format") {
        None => {
            return Err(InputError::new(
                K::Format,
                "format",
                format!("`format = \"{SYSTEM_FORMAT}\"`"),
            ));
        }
        Some(Node::Str(s)) if s == SYSTEM_FORMAT => {}
        Some(Node::Str(s)) => {
            return Err(
                InputError::new(K::Format, "format", format!("`{SYSTEM_FORMAT}`"))
                    .found(format!("`{}`", clip(s))),
            );
        }
        Some(other) => {
            return Err(wrong(
                "format",
                &format!("the string `{SYSTEM_FORMAT}`"),
                other,
            ));
        }
    }
    let mut sys = SystemFile::new("");
    let mut has_name = false;
    for (key, value) in fields {
        let k = key.as_str();
        match k {
            "format" => {}
            "name" => {
                sys.name = get_str(value, k)?;
                has_name = true;
            }
            "description" => sys.description = get_str(value, k)?,
            "as_of" => sys.as_of = Some(get_date(value, k)?),
            "roles" => sys.roles = get_ids(value, k)?,
            "established_in_eu" => sys.established_in_eu = get_bool(value, k)?,
            "eu_nexus" => sys.eu_nexus = get_ids(value, k)?,
            "public_body" => sys.public_body = get_bool(value, k)?,
            "public_service" => sys.public_service = get_bool(value, k)?,
            "workplace_use" => sys.workplace_use = get_bool(value, k)?,
            "ai_system" => sys.ai_system = get_bool(value, k)?,
            "exclusions" => sys.exclusions = get_ids(value, k)?,
            "art5" => sys.art5 = get_ids(value, k)?,
            "art5_exceptions" => sys.art5_exceptions = get_ids(value, k)?,
            "annex_i" => sys.annex_i = get_ids(value, k)?,
            "annex_i_third_party" => sys.annex_i_third_party = get_bool(value, k)?,
            "annex_iii" => sys.annex_iii = get_ids(value, k)?,
            "art6_3" => sys.art6_3 = get_ids(value, k)?,
            "profiling" => sys.profiling = get_bool(value, k)?,
            "art50" => sys.art50 = get_ids(value, k)?,
            "art50_exceptions" => sys.art50_exceptions = get_ids(value, k)?,
            "value_chain" => sys.value_chain = get_ids(value, k)?,
            "first_placed_on_market" => sys.first_placed_on_market = Some(get_date(value, k)?),
            "significant_change" => sys.significant_change = Some(get_bool(value, k)?),
            "for_public_authorities" => sys.for_public_authorities = Some(get_bool(value, k)?),
            "public_crime_reporting" => sys.public_crime_reporting = Some(get_bool(value, k)?),
            "unsure" => sys.unsure = get_ids::<FieldName>(value, k)?,
            "gpai" => sys.gpai = Some(gpai(value)?),
            "impact" => sys.impact = Some(impact(value)?),
            _ => return Err(unknown_field("", k, TOP_LEVEL_FIELDS)),
        }
    }
    if !has_name {
        return Err(InputError::new(
            K::Missing,
            "name",
            "a `name` for the system (a string)",
        ));
    }
    Ok(sys)
}

fn gpai(node: &Node) -> Result<GpaiFacts, InputError> {
    let Node::Table(fields) = node else {
        return Err(wrong("gpai", "a table (`[gpai]`)", node));
    };
    let mut g = GpaiFacts::default();
    for (key, value) in fields {
        let path = format!("gpai.{key}");
        match key.as_str() {
            "provider" => g.provider = get_bool(value, &path)?,
            "designated" => g.designated = get_bool(value, &path)?,
            "open_source" => g.open_source = get_bool(value, &path)?,
            "training_flops" => {
                let f = match value {
                    Node::Int(i) => *i as f64,
                    Node::Float(f) => *f,
                    other => return Err(wrong(&path, "a number of FLOP (e.g. 4.0e25)", other)),
                };
                if !f.is_finite() || f < 0.0 {
                    return Err(InputError::new(K::OutOfRange, path, "a finite number >= 0")
                        .found(value.describe()));
                }
                g.training_flops = f;
            }
            "placed_before" => {
                g.placed_before = match value {
                    Node::Str(s) if s.is_empty() => None,
                    other => Some(get_date(other, &path)?),
                }
            }
            _ => return Err(unknown_field("gpai", key, GPAI_FIELDS)),
        }
    }
    Ok(g)
}

const IMPACT_FIELDS: &[&str] = &[
    "processes",
    "period_and_frequency",
    "affected_groups",
    "oversight",
    "remedies",
    "risks",
    "notified",
    "societal_impacts",
    "foreseeable_misuse",
];
const RISK_FIELDS: &[&str] = &[
    "harm",
    "right",
    "likelihood",
    "severity",
    "mitigation",
    "residual_likelihood",
    "residual_severity",
];

fn get_strings(node: &Node, path: &str) -> Result<Vec<String>, InputError> {
    let Node::Arr(items) = node else {
        return Err(wrong(path, "a list of strings", node));
    };
    items
        .iter()
        .enumerate()
        .map(|(i, n)| get_str(n, &format!("{path}[{i}]")))
        .collect()
}

fn get_score(node: &Node, path: &str) -> Result<u8, InputError> {
    match node {
        Node::Int(i) if (1..=5).contains(i) => Ok(*i as u8),
        Node::Int(i) => Err(
            InputError::new(K::OutOfRange, path, "a whole number from 1 to 5")
                .found(format!("`{i}`")),
        ),
        other => Err(wrong(path, "a whole number from 1 to 5", other)),
    }
}

fn opt_score(node: &Node, path: &str) -> Result<Option<u8>, InputError> {
    match node {
        Node::Null => Ok(None),
        other => get_score(other, path).map(Some),
    }
}

fn impact(node: &Node) -> Result<ImpactWorksheet, InputError> {
    let Node::Table(fields) = node else {
        return Err(wrong("impact", "a table (`[impact]`)", node));
    };
    let mut w = ImpactWorksheet::default();
    for (key, value) in fields {
        let path = format!("impact.{key}");
        match key.as_str() {
            "processes" => w.processes = get_str(value, &path)?,
            "period_and_frequency" => w.period_and_frequency = get_str(value, &path)?,
            "affected_groups" => w.affected_groups = get_strings(value, &path)?,
            "oversight" => w.oversight = get_str(value, &path)?,
            "remedies" => w.remedies = get_str(value, &path)?,
            "notified" => w.notified = Some(get_date(value, &path)?),
            "societal_impacts" => w.societal_impacts = get_str(value, &path)?,
            "foreseeable_misuse" => w.foreseeable_misuse = get_str(value, &path)?,
            "risks" => {
                let Node::Arr(items) = value else {
                    return Err(wrong(
                        &path,
                        "a list of risk tables (`[[impact.risks]]`)",
                        value,
                    ));
                };
                for (i, item) in items.iter().enumerate() {
                    w.risks.push(risk(item, &format!("{path}[{i}]"))?);
                }
            }
            _ => return Err(unknown_field("impact", key, IMPACT_FIELDS)),
        }
    }
    Ok(w)
}

fn risk(node: &Node, path: &str) -> Result<ImpactRisk, InputError> {
    let Node::Table(fields) = node else {
        return Err(wrong(path, "a risk table", node));
    };
    let mut r = ImpactRisk::default();
    let (mut has_harm, mut has_l, mut has_s) = (false, false, false);
    for (key, value) in fields {
        let p = format!("{path}.{key}");
        match key.as_str() {
            "harm" => {
                r.harm = get_str(value, &p)?;
                has_harm = true;
            }
            "right" => r.right = get_str(value, &p)?,
            "likelihood" => {
                r.likelihood = get_score(value, &p)?;
                has_l = true;
            }
            "severity" => {
                r.severity = get_score(value, &p)?;
                has_s = true;
            }
            "mitigation" => r.mitigation = get_str(value, &p)?,
            "residual_likelihood" => r.residual_likelihood = opt_score(value, &p)?,
            "residual_severity" => r.residual_severity = opt_score(value, &p)?,
            _ => return Err(unknown_field(path, key, RISK_FIELDS)),
        }
    }
    for (present, name, what) in [
        (has_harm, "harm", "the harm, as a string"),
        (has_l, "likelihood", "a likelihood from 1 to 5"),
        (has_s, "severity", "a severity from 1 to 5"),
    ] {
        if !present {
            return Err(InputError::new(K::Missing, format!("{path}.{name}"), what));
        }
    }
    Ok(r)
}
