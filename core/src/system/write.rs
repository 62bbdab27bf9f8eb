//! Writing a [`SystemFile`] back to TOML or JSON. Both re-parse to an equal
//! value (round-trip), which the property tests check.

use std::fmt::Write as _;

use serde_json::{Map, Value, json};

use super::ids::SpecId;
use super::{GpaiFacts, SystemFile};

fn ids<T: SpecId>(list: &[T]) -> Vec<&'static str> {
    list.iter().map(|t| t.as_str()).collect()
}

fn toml_str(s: &str) -> String {
    toml::Value::String(s.to_owned()).to_string()
}

fn toml_list<T: SpecId>(list: &[T]) -> String {
    let items: Vec<String> = list.iter().map(|t| toml_str(t.as_str())).collect();
    format!("[{}]", items.join(", "))
}

/// Writes the system file as TOML (defaults left out, spec field order).
///
/// # Example
/// ```
/// use aimskit_core::system::{SystemFile, to_toml};
/// let t = to_toml(&SystemFile::new("Demo"));
/// assert!(t.starts_with("format = \"aimskit-system/1\"\nname = \"Demo\"\n"));
/// ```
pub fn to_toml(sys: &SystemFile) -> String {
    let mut out = String::new();
    let mut line = |k: &str, v: String| {
        let _ = writeln!(out, "{k} = {v}");
    };
    line("format", toml_str(&sys.format));
    line("name", toml_str(&sys.name));
    if !sys.description.is_empty() {
        line("description", toml_str(&sys.description));
    }
    if let Some(d) = sys.as_of {
        line("as_of", toml_str(&d.to_string()));
    }
    macro_rules! list {
        ($f:ident) => {
            if !sys.$f.is_empty() {
                line(stringify!($f), toml_list(&sys.$f));
            }
        };
    }
    macro_rules! flag {
        ($f:ident) => {
            if sys.$f {
                line(stringify!($f), "true".to_owned());
            }
        };
    }
    list!(roles);
    flag!(established_in_eu);
    list!(eu_nexus);
    flag!(public_body);
    flag!(public_service);
    flag!(workplace_use);
    if !sys.ai_system {
        line("ai_system", "false".to_owned());
    }
    list!(exclusions);
    list!(art5);
    list!(art5_exceptions);
    list!(annex_i);
    flag!(annex_i_third_party);
    list!(annex_iii);
    list!(art6_3);
    flag!(profiling);
    list!(art50);
    list!(art50_exceptions);
    list!(value_chain);
    if let Some(d) = sys.first_placed_on_market {
        line("first_placed_on_market", toml_str(&d.to_string()));
    }
    for (name, value) in [
        ("significant_change", sys.significant_change),
        ("for_public_authorities", sys.for_public_authorities),
        ("public_crime_reporting", sys.public_crime_reporting),
    ] {
        if let Some(b) = value {
            line(name, b.to_string());
        }
    }
    list!(unsure);
    if let Some(impact) = &sys.impact {
        let mut t = toml::Table::new();
        if let Some(v) = serde_json::to_value(impact)
            .ok()
            .as_ref()
            .and_then(crate::data::json_to_toml)
        {
            t.insert("impact".to_owned(), v);
        }
        if let Ok(s) = toml::to_string(&t) {
            out.push('\n');
            out.push_str(&s);
        }
    }
    if let Some(g) = &sys.gpai {
        out.push_str("\n[gpai]\n");
        let _ = writeln!(out, "provider = {}", g.provider);
        let _ = writeln!(
            out,
            "training_flops = {}",
            toml::Value::Float(g.training_flops)
        );
        let _ = writeln!(out, "designated = {}", g.designated);
        let _ = writeln!(out, "open_source = {}", g.open_source);
        if let Some(d) = g.placed_before {
            let _ = writeln!(out, "placed_before = {}", toml_str(&d.to_string()));
        }
    }
    out
}

fn gpai_json(g: &GpaiFacts) -> Value {
    let mut m = Map::new();
    m.insert("provider".into(), json!(g.provider));
    m.insert("training_flops".into(), json!(g.training_flops));
    m.insert("designated".into(), json!(g.designated));
    m.insert("open_source".into(), json!(g.open_source));
    if let Some(d) = g.placed_before {
        m.insert("placed_before".into(), json!(d.to_string()));
    }
    Value::Object(m)
}

/// Writes the system file as pretty JSON with every spec field present (the
/// optional extension fields only when given).
///
/// # Example
/// ```
/// use aimskit_core::system::{SystemFile, to_json};
/// assert!(to_json(&SystemFile::new("Demo")).contains("\"ai_system\": true"));
/// ```
pub fn to_json(sys: &SystemFile) -> String {
    let mut m = Map::new();
    m.insert("format".into(), json!(sys.format));
    m.insert("name".into(), json!(sys.name));
    m.insert("description".into(), json!(sys.description));
    if let Some(d) = sys.as_of {
        m.insert("as_of".into(), json!(d.to_string()));
    }
    m.insert("roles".into(), json!(ids(&sys.roles)));
    m.insert("established_in_eu".into(), json!(sys.established_in_eu));
    m.insert("eu_nexus".into(), json!(ids(&sys.eu_nexus)));
    m.insert("public_body".into(), json!(sys.public_body));
    m.insert("public_service".into(), json!(sys.public_service));
    m.insert("workplace_use".into(), json!(sys.workplace_use));
    m.insert("ai_system".into(), json!(sys.ai_system));
    m.insert("exclusions".into(), json!(ids(&sys.exclusions)));
    m.insert("art5".into(), json!(ids(&sys.art5)));
    m.insert("art5_exceptions".into(), json!(ids(&sys.art5_exceptions)));
    m.insert("annex_i".into(), json!(ids(&sys.annex_i)));
    m.insert("annex_i_third_party".into(), json!(sys.annex_i_third_party));
    m.insert("annex_iii".into(), json!(ids(&sys.annex_iii)));
    m.insert("art6_3".into(), json!(ids(&sys.art6_3)));
    m.insert("profiling".into(), json!(sys.profiling));
    m.insert("art50".into(), json!(ids(&sys.art50)));
    m.insert("art50_exceptions".into(), json!(ids(&sys.art50_exceptions)));
    m.insert("value_chain".into(), json!(ids(&sys.value_chain)));
    // Optional extensions: written only when given, so files without them
    // keep their exact normalised form.
    if let Some(d) = sys.first_placed_on_market {
        m.insert("first_placed_on_market".into(), json!(d.to_string()));
    }
    for (name, value) in [
        ("significant_change", sys.significant_change),
        ("for_public_authorities", sys.for_public_authorities),
        ("public_crime_reporting", sys.public_crime_reporting),
    ] {
        if let Some(b) = value {
            m.insert(name.into(), json!(b));
        }
    }
    m.insert("unsure".into(), json!(ids(&sys.unsure)));
    if let Some(impact) = &sys.impact {
        m.insert(
            "impact".into(),
            serde_json::to_value(impact).unwrap_or(Value::Null),
        );
    }
    if let Some(g) = &sys.gpai {
        m.insert("gpai".into(), gpai_json(g));
    }
    serde_json::to_string_pretty(&Value::Object(m)).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::system::{SourceFormat, parse_system};

    const BASE: &str = "format = \"aimskit-system/1\"\nname = \"X\"\n";

    #[test]
    fn optional_flags_keep_not_said_apart_from_no() {
        for (extra, want) in [
            ("", None),
            ("significant_change = false\n", Some(false)),
            ("significant_change = true\n", Some(true)),
        ] {
            let text = format!("{BASE}{extra}for_public_authorities = false\n");
            let sys = parse_system(&text, SourceFormat::Toml).unwrap();
            assert_eq!(sys.significant_change, want, "{extra}");
            assert_eq!(sys.for_public_authorities, Some(false));
            let toml = to_toml(&sys);
            let json = to_json(&sys);
            assert_eq!(
                toml.contains("significant_change"),
                want.is_some(),
                "{toml}"
            );
            assert!(toml.contains("for_public_authorities = false"), "{toml}");
            assert!(json.contains("\"for_public_authorities\": false"), "{json}");
            assert_eq!(parse_system(&toml, SourceFormat::Toml).unwrap(), sys);
            assert_eq!(parse_system(&json, SourceFormat::Json).unwrap(), sys);
        }
        // A file without them parses to "not said" and is written unchanged.
        let old = parse_system(BASE, SourceFormat::Toml).unwrap();
        assert_eq!(
            (old.significant_change, old.for_public_authorities),
            (None, None)
        );
        assert_eq!(to_toml(&old), BASE);
    }

    #[test]
    fn the_42001_worksheet_fields_parse_and_round_trip() {
        let sheet = "[impact]\nprocesses = \"Ranking\"\nremedies = \"HR review\"\n";
        let text = format!(
            "{BASE}{sheet}societal_impacts = \"Fewer older workers hired\\nin the region\"\nforeseeable_misuse = \"Used to pick staff for dismissal\"\n"
        );
        let sys = parse_system(&text, SourceFormat::Toml).unwrap();
        let w = sys.impact.clone().unwrap();
        assert_eq!(
            (w.societal_impacts.as_str(), w.foreseeable_misuse.as_str()),
            (
                "Fewer older workers hired\nin the region",
                "Used to pick staff for dismissal"
            )
        );
        assert_eq!(w.processes, "Ranking");
        let (toml, json) = (to_toml(&sys), to_json(&sys));
        assert!(
            toml.contains("foreseeable_misuse = \"Used to pick staff for dismissal\""),
            "{toml}"
        );
        assert!(
            json.contains("\"societal_impacts\": \"Fewer older workers hired\\nin the region\""),
            "{json}"
        );
        assert_eq!(parse_system(&toml, SourceFormat::Toml).unwrap(), sys);
        assert_eq!(parse_system(&json, SourceFormat::Json).unwrap(), sys);
        // A worksheet without them parses as before and is written without them.
        let old = parse_system(&format!("{BASE}{sheet}"), SourceFormat::Toml).unwrap();
        let w = old.impact.clone().unwrap();
        assert!(w.societal_impacts.is_empty() && w.foreseeable_misuse.is_empty());
        let (toml, json) = (to_toml(&old), to_json(&old));
        for out in [&toml, &json] {
            assert!(
                !out.contains("societal_impacts") && !out.contains("foreseeable_misuse"),
                "{out}"
            );
        }
        assert_eq!(parse_system(&toml, SourceFormat::Toml).unwrap(), old);
        // Precise errors: wrong type and a misspelt name.
        let e = parse_system(
            &format!("{BASE}[impact]\nsocietal_impacts = [\"a\"]\n"),
            SourceFormat::Toml,
        )
        .unwrap_err();
        assert_eq!(
            (e.kind, e.field.as_str()),
            (crate::InputErrorKind::WrongType, "impact.societal_impacts")
        );
        let e = parse_system(
            "{\"format\": \"aimskit-system/1\", \"name\": \"X\", \"impact\": {\"foreseeable_misuse\": 3}}",
            SourceFormat::Json,
        )
        .unwrap_err();
        assert_eq!(
            (e.kind, e.field.as_str()),
            (
                crate::InputErrorKind::WrongType,
                "impact.foreseeable_misuse"
            )
        );
        let e = parse_system(
            &format!("{BASE}[impact]\nforseeable_misuse = \"x\"\n"),
            SourceFormat::Toml,
        )
        .unwrap_err();
        assert_eq!(
            (e.kind, e.field.as_str(), e.did_you_mean.as_deref()),
            (
                crate::InputErrorKind::UnknownField,
                "impact.forseeable_misuse",
                Some("foreseeable_misuse")
            )
        );
    }
}
