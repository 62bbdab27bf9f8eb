//! The local-storage envelope (`aimskit-store/1`), as pure encode/decode.
//!
//! ```json
//! { "format": "aimskit-store/1",
//!   "systems": [ { "id": 1, "answered": ["ai_system"], "file": { ...system file JSON... } } ] }
//! ```
//!
//! Each `file` is exactly the spec's JSON system file (`aimskit_core::system::to_json`),
//! so the store holds the same data the CLI reads. A store that cannot be
//! read, or that a newer version wrote, is reported and never overwritten.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use aimskit_core::aims::{AimsFile, aims_to_json, parse_aims};
use aimskit_core::questionnaire::QuestionId;
use aimskit_core::system::{SourceFormat, parse_system, to_json};

use super::inventory::{Inventory, SystemEntry, SystemId};

/// The format tag this version writes.
pub const STORE_FORMAT: &str = "aimskit-store/1";

/// The storage key (under the widget's prefix) the store lives at.
pub const STORE_KEY: &str = "store";

/// The format tag of the stored AIMS self-assessment.
pub const AIMS_STORE_FORMAT: &str = "aimskit-aims-store/1";

/// The storage key (under the widget's prefix) of the AIMS self-assessment.
pub const AIMS_KEY: &str = "aims";

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Envelope {
    format: String,
    systems: Vec<StoredSystem>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct StoredSystem {
    id: u32,
    #[serde(default)]
    answered: BTreeSet<String>,
    file: Value,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct AimsEnvelope {
    format: String,
    aims: Value,
}

/// What was found in storage at start (`T`: the inventory or the AIMS file).
#[derive(Debug, Clone, PartialEq)]
pub enum Loaded<T = Inventory> {
    /// Nothing stored yet.
    Empty,
    /// A readable store.
    Data(T),
    /// Something we must not overwrite: the raw text and why it was refused.
    Refused {
        /// The stored text, untouched.
        raw: String,
        /// Why it was not loaded.
        problem: StoreProblem,
    },
}

/// Why a stored inventory was not loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreProblem {
    /// Written by a newer version (its format tag).
    Newer(String),
    /// Not readable (the reason, in English, for the details line).
    Unreadable(String),
}

/// Encodes the inventory.
pub fn encode(inventory: &Inventory) -> String {
    let systems = inventory
        .systems
        .iter()
        .map(|s| {
            // Sets filled by `extend`, not `collect` (which sorts first: more wasm).
            let mut answered = BTreeSet::new();
            answered.extend(s.answered.iter().map(|q| q.as_str().to_owned()));
            StoredSystem {
                id: s.id.0,
                answered,
                file: serde_json::from_str(&to_json(&s.file)).unwrap_or(Value::Null),
            }
        })
        .collect();
    serde_json::to_string(&Envelope {
        format: STORE_FORMAT.to_owned(),
        systems,
    })
    .unwrap_or_default()
}

/// Decodes what storage holds (`None`: nothing stored).
pub fn decode(raw: Option<String>) -> Loaded {
    decode_with(raw, STORE_FORMAT, decode_inventory)
}

/// Encodes the AIMS self-assessment (its `systems` are left out: the
/// inventory store holds them).
pub fn encode_aims(file: &AimsFile) -> String {
    let mut file = file.clone();
    file.systems.clear();
    serde_json::to_string(&AimsEnvelope {
        format: AIMS_STORE_FORMAT.to_owned(),
        aims: serde_json::from_str(&aims_to_json(&file)).unwrap_or(Value::Null),
    })
    .unwrap_or_default()
}

/// Decodes the stored AIMS self-assessment (`None`: nothing stored). The
/// file is checked by core's AIMS parser; a stored file with systems is
/// refused (this version never writes one).
pub fn decode_aims(raw: Option<String>) -> Loaded<AimsFile> {
    decode_with(raw, AIMS_STORE_FORMAT, |value| {
        let envelope: AimsEnvelope =
            serde_json::from_value(value).map_err(|e| StoreProblem::Unreadable(e.to_string()))?;
        let file = parse_aims(&envelope.aims.to_string(), SourceFormat::Json)
            .map_err(|e| StoreProblem::Unreadable(e.to_string()))?;
        if !file.systems.is_empty() {
            return Err(StoreProblem::Unreadable(
                "the stored assessment lists systems".to_owned(),
            ));
        }
        Ok(file)
    })
}

/// The shared fault rules: unreadable JSON, an unknown format or a newer
/// version of `format` (same name before the `/`) are refused with the raw
/// text kept; otherwise `read` decodes the envelope.
fn decode_with<T>(
    raw: Option<String>,
    format: &str,
    read: impl FnOnce(Value) -> Result<T, StoreProblem>,
) -> Loaded<T> {
    let Some(raw) = raw else {
        return Loaded::Empty;
    };
    match check_format(&raw, format).and_then(read) {
        Ok(data) => Loaded::Data(data),
        Err(problem) => Loaded::Refused { raw, problem },
    }
}

fn check_format(raw: &str, expected: &str) -> Result<Value, StoreProblem> {
    let value: Value =
        serde_json::from_str(raw).map_err(|e| StoreProblem::Unreadable(e.to_string()))?;
    let format = value
        .get("format")
        .and_then(Value::as_str)
        .unwrap_or_default();
    if format == expected {
        return Ok(value);
    }
    let family = expected.split_once('/').map_or(expected, |(name, _)| name);
    Err(
        if format
            .split_once('/')
            .is_some_and(|(name, _)| name == family)
        {
            StoreProblem::Newer(format.to_owned())
        } else {
            StoreProblem::Unreadable(format!("unknown format `{format}`"))
        },
    )
}

fn decode_inventory(value: Value) -> Result<Inventory, StoreProblem> {
    let envelope: Envelope =
        serde_json::from_value(value).map_err(|e| StoreProblem::Unreadable(e.to_string()))?;
    let mut inventory = Inventory::default();
    for stored in envelope.systems {
        let file = parse_system(&stored.file.to_string(), SourceFormat::Json)
            .map_err(|e| StoreProblem::Unreadable(e.to_string()))?;
        let id = SystemId(stored.id);
        if inventory.get(id).is_some() {
            return Err(StoreProblem::Unreadable(format!(
                "duplicate system id {}",
                stored.id
            )));
        }
        let mut answered = BTreeSet::new();
        answered.extend(
            stored
                .answered
                .iter()
                .filter_map(|s| QuestionId::from_id(s)),
        );
        inventory.systems.push(SystemEntry { id, file, answered });
    }
    Ok(inventory)
}

#[cfg(test)]
mod tests {
    use super::*;
    use aimskit_core::system::SystemFile;

    fn sample() -> Inventory {
        let mut file = SystemFile::new("Chatbot");
        file.art50 = vec![aimskit_core::system::Art50Provision::Interacts];
        let entry = SystemEntry::imported(SystemId(7), file);
        Inventory {
            systems: vec![entry],
        }
    }

    #[test]
    fn round_trip() {
        let inv = sample();
        let text = encode(&inv);
        assert!(text.starts_with(r#"{"format":"aimskit-store/1""#));
        assert_eq!(decode(Some(text)), Loaded::Data(inv));
        assert_eq!(decode(None), Loaded::Empty);
    }

    #[test]
    fn corrupt_or_newer_stores_are_refused_with_the_raw_text_kept() {
        for raw in [
            "{not json",
            r#"{"format":"other","systems":[]}"#,
            r#"{"format":"aimskit-store/1","systems":[{"id":1,"file":{"format":"aimskit-system/1","name":"x","annex_iii":["4.z"]}}]}"#,
        ] {
            match decode(Some(raw.to_owned())) {
                Loaded::Refused {
                    raw: kept,
                    problem: StoreProblem::Unreadable(_),
                } => assert_eq!(kept, raw),
                other => panic!("{raw}: {other:?}"),
            }
        }
        let newer = r#"{"format":"aimskit-store/2","systems":[],"extra":1}"#;
        assert_eq!(
            decode(Some(newer.to_owned())),
            Loaded::Refused {
                raw: newer.to_owned(),
                problem: StoreProblem::Newer("aimskit-store/2".into())
            }
        );
    }

    fn assessment() -> AimsFile {
        let text = r#"
format = "aimskit-aims/1"
organisation = "Example AG"
as_of = "2027-01-15"
scope = "AI in HR"
certifications = ["iso27001"]
integrated_with = ["iso27001"]
relies_on_certificate_for_ai_act = true
[clauses."6.1.2"]
maturity = 3
evidence = ["AI risk procedure v1.2"]
owner = "CISO"
due = "2027-03-31"
note = "draft"
[controls."A.7.5"]
applicable = false
justification = "We hold no training data"
[controls."A.5.2"]
maturity = 2
"#;
        parse_aims(text, SourceFormat::Toml).unwrap()
    }

    #[test]
    fn aims_round_trip_keeps_every_field_in_the_spec_shape() {
        let file = assessment();
        let text = encode_aims(&file);
        assert!(text.starts_with(r#"{"format":"aimskit-aims-store/1","aims":{"#));
        assert!(text.contains(r#""format":"aimskit-aims/1""#));
        assert_eq!(decode_aims(Some(text)), Loaded::Data(file));
        assert_eq!(decode_aims(None), Loaded::Empty);
        // Systems never enter the AIMS store.
        let mut with_system = assessment();
        with_system
            .systems
            .push(aimskit_core::aims::SystemRef::Path("x.toml".into()));
        assert!(!encode_aims(&with_system).contains("systems"));
    }

    #[test]
    fn aims_store_has_the_same_fault_rules() {
        for raw in [
            "{not json",
            r#"{"format":"aimskit-store/1","systems":[]}"#,
            r#"{"format":"aimskit-aims-store/1","aims":{"format":"aimskit-aims/1","organisation":"X","clauses":{"6.1.2":{"maturity":9}}}}"#,
            r#"{"format":"aimskit-aims-store/1","aims":{"format":"aimskit-aims/1","organisation":"X","systems":["a.toml"]}}"#,
            r#"{"format":"aimskit-aims-store/1"}"#,
        ] {
            match decode_aims(Some(raw.to_owned())) {
                Loaded::Refused {
                    raw: kept,
                    problem: StoreProblem::Unreadable(_),
                } => assert_eq!(kept, raw),
                other => panic!("{raw}: {other:?}"),
            }
        }
        let newer = r#"{"format":"aimskit-aims-store/2","aims":{}}"#;
        assert_eq!(
            decode_aims(Some(newer.to_owned())),
            Loaded::Refused {
                raw: newer.to_owned(),
                problem: StoreProblem::Newer("aimskit-aims-store/2".into())
            }
        );
    }
}
