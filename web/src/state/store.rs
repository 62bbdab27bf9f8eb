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

use aimskit_core::questionnaire::QuestionId;
use aimskit_core::system::{SourceFormat, parse_system, to_json};

use super::inventory::{Inventory, SystemEntry, SystemId};

/// The format tag this version writes.
pub const STORE_FORMAT: &str = "aimskit-store/1";

/// The storage key (under the widget's prefix) the store lives at.
pub const STORE_KEY: &str = "store";

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

/// What was found in storage at start.
#[derive(Debug, Clone, PartialEq)]
pub enum Loaded {
    /// Nothing stored yet.
    Empty,
    /// A readable store.
    Inventory(Inventory),
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
        .map(|s| StoredSystem {
            id: s.id.0,
            answered: s.answered.iter().map(|q| q.as_str().to_owned()).collect(),
            file: serde_json::from_str(&to_json(&s.file)).unwrap_or(Value::Null),
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
    let Some(raw) = raw else {
        return Loaded::Empty;
    };
    match decode_text(&raw) {
        Ok(inventory) => Loaded::Inventory(inventory),
        Err(problem) => Loaded::Refused { raw, problem },
    }
}

fn decode_text(raw: &str) -> Result<Inventory, StoreProblem> {
    let value: Value =
        serde_json::from_str(raw).map_err(|e| StoreProblem::Unreadable(e.to_string()))?;
    let format = value
        .get("format")
        .and_then(Value::as_str)
        .unwrap_or_default();
    if format != STORE_FORMAT {
        return Err(if format.starts_with("aimskit-store/") {
            StoreProblem::Newer(format.to_owned())
        } else {
            StoreProblem::Unreadable(format!("unknown format `{format}`"))
        });
    }
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
        let answered = stored
            .answered
            .iter()
            .filter_map(|s| QuestionId::from_id(s))
            .collect();
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
        assert_eq!(decode(Some(text)), Loaded::Inventory(inv));
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
}
