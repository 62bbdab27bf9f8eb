//! Import and export of system files, as pure text transformations.
//!
//! - One system exports as the spec's system file, TOML or JSON (the same
//!   files the CLI reads).
//! - The whole inventory exports as JSON:
//!   `{ "format": "aimskit-inventory/1", "systems": [ <system file JSON>, ... ] }`.
//! - Import accepts all three (and the local-storage envelope, so a refused
//!   store can be exported raw and re-imported after fixing it). Systems are
//!   matched to the inventory by name: an existing name is replaced,
//!   a new one added.

use serde_json::Value;

use aimskit_core::InputError;
use aimskit_core::system::{SourceFormat, SystemFile, parse_system, to_json, to_toml};

use super::inventory::{Inventory, SystemId};

/// The format tag of an inventory export.
pub const INVENTORY_FORMAT: &str = "aimskit-inventory/1";

/// Files larger than this are refused before they are read (1 MiB).
pub const MAX_IMPORT_BYTES: f64 = 1_048_576.0;

/// The text of a picked file's bytes, or `None` when they are not valid
/// UTF-8 (then the file is refused, never decoded lossily). A leading UTF-8
/// byte-order mark is dropped, as the browser's own decoders do.
pub fn decode_import(bytes: &[u8]) -> Option<String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    String::from_utf8(bytes.to_vec()).ok()
}

/// A file format the user can choose for an export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileFormat {
    /// TOML (for people).
    Toml,
    /// JSON (for programs).
    Json,
}

/// A file ready to be downloaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportFile {
    /// Suggested file name.
    pub filename: String,
    /// MIME type.
    pub mime: &'static str,
    /// Contents.
    pub text: String,
}

/// A file name stem from a system name: lowercase ASCII letters, digits and dashes.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-');
    if out.is_empty() {
        "ai-system".to_owned()
    } else {
        out.to_owned()
    }
}

/// One system as a system file.
pub fn export_system(file: &SystemFile, format: FileFormat) -> ExportFile {
    match format {
        FileFormat::Toml => ExportFile {
            filename: format!("{}.toml", slug(&file.name)),
            mime: "application/toml",
            text: to_toml(file),
        },
        FileFormat::Json => ExportFile {
            filename: format!("{}.json", slug(&file.name)),
            mime: "application/json",
            text: to_json(file),
        },
    }
}

/// The whole inventory as one JSON file.
pub fn export_inventory(inventory: &Inventory) -> ExportFile {
    let systems: Vec<Value> = inventory
        .systems
        .iter()
        .map(|s| serde_json::from_str(&to_json(&s.file)).unwrap_or(Value::Null))
        .collect();
    let doc = serde_json::json!({ "format": INVENTORY_FORMAT, "systems": systems });
    ExportFile {
        filename: "aimskit-inventory.json".to_owned(),
        mime: "application/json",
        text: serde_json::to_string_pretty(&doc).unwrap_or_default(),
    }
}

/// Why an import was refused.
#[derive(Debug, Clone, PartialEq)]
pub enum ImportError {
    /// The file is larger than [`MAX_IMPORT_BYTES`].
    TooLarge,
    /// A system file with a problem (the core error names field and expectation).
    Input(Box<InputError>),
    /// Not a system file, inventory or store (what was found).
    Unrecognised(String),
    /// The file holds no systems.
    Empty,
}

/// Reads an imported file: a system file (TOML or JSON), an inventory or a store.
pub fn parse_import(filename: &str, text: &str) -> Result<Vec<SystemFile>, ImportError> {
    let looks_json = text.trim_start().starts_with('{');
    if filename.to_ascii_lowercase().ends_with(".toml") || !looks_json {
        return parse_system(text, SourceFormat::Toml)
            .map(|f| vec![f])
            .map_err(|e| ImportError::Input(Box::new(e.in_file(filename))));
    }
    let value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        // Let core report the JSON syntax error with its position.
        Err(_) => {
            return parse_system(text, SourceFormat::Json)
                .map(|f| vec![f])
                .map_err(|e| ImportError::Input(Box::new(e.in_file(filename))));
        }
    };
    let format = value
        .get("format")
        .and_then(Value::as_str)
        .unwrap_or_default();
    if format == INVENTORY_FORMAT || format == super::store::STORE_FORMAT {
        let Some(items) = value.get("systems").and_then(Value::as_array) else {
            return Err(ImportError::Unrecognised(format!(
                "`{format}` without a `systems` list"
            )));
        };
        let files = items
            .iter()
            .enumerate()
            .map(|(i, item)| {
                // Store entries wrap the file: { id, answered, file }.
                let file = item.get("file").unwrap_or(item);
                parse_system(&file.to_string(), SourceFormat::Json).map_err(|e| {
                    ImportError::Input(Box::new(
                        e.in_file(format!("{filename} (system {})", i + 1)),
                    ))
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        if files.is_empty() {
            return Err(ImportError::Empty);
        }
        return Ok(files);
    }
    parse_system(text, SourceFormat::Json)
        .map(|f| vec![f])
        .map_err(|e| ImportError::Input(Box::new(e.in_file(filename))))
}

/// What an import will do to one system.
#[derive(Debug, Clone, PartialEq)]
pub enum ImportItem {
    /// Add a new system.
    Add(SystemFile),
    /// Replace the existing system with the same name.
    Replace(SystemId, SystemFile),
}

impl ImportItem {
    /// The imported file.
    pub fn file(&self) -> &SystemFile {
        match self {
            ImportItem::Add(f) | ImportItem::Replace(_, f) => f,
        }
    }
}

/// An import waiting for the user's confirmation.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportPreview {
    /// The file name.
    pub filename: String,
    /// What happens to each system, in file order.
    pub items: Vec<ImportItem>,
}

/// Plans an import against the current inventory (no change yet).
pub fn preview(filename: &str, files: Vec<SystemFile>, inventory: &Inventory) -> ImportPreview {
    let items = files
        .into_iter()
        .map(|f| match inventory.by_name(&f.name) {
            Some(existing) => ImportItem::Replace(existing.id, f),
            None => ImportItem::Add(f),
        })
        .collect();
    ImportPreview {
        filename: filename.to_owned(),
        items,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::inventory::SystemEntry;
    use aimskit_core::system::AnnexIiiPoint;

    fn inv() -> Inventory {
        let mut a = SystemFile::new("Applicant ranking");
        a.annex_iii = vec![AnnexIiiPoint::P4A];
        let b = SystemFile::new("Chatbot");
        Inventory {
            systems: vec![
                SystemEntry::imported(SystemId(1), a),
                SystemEntry::imported(SystemId(2), b),
            ],
        }
    }

    #[test]
    fn slugs_are_safe_file_names() {
        assert_eq!(slug("Applicant ranking (v2)!"), "applicant-ranking-v2");
        assert_eq!(slug("   "), "ai-system");
    }

    #[test]
    fn exported_files_re_import_to_the_same_systems() {
        let inventory = inv();
        for s in &inventory.systems {
            for fmt in [FileFormat::Toml, FileFormat::Json] {
                let out = export_system(&s.file, fmt);
                assert_eq!(
                    parse_import(&out.filename, &out.text).unwrap(),
                    vec![s.file.clone()]
                );
            }
        }
        let all = export_inventory(&inventory);
        assert!(all.text.contains("aimskit-inventory/1"));
        let files = parse_import(&all.filename, &all.text).unwrap();
        assert_eq!(
            files,
            inventory
                .systems
                .iter()
                .map(|s| s.file.clone())
                .collect::<Vec<_>>()
        );
        let store = crate::state::store::encode(&inventory);
        assert_eq!(parse_import("store.json", &store).unwrap().len(), 2);
    }

    #[test]
    fn preview_replaces_by_name_and_adds_the_rest() {
        let inventory = inv();
        let files = vec![SystemFile::new("Chatbot"), SystemFile::new("New one")];
        let p = preview("x.json", files, &inventory);
        assert!(matches!(p.items[0], ImportItem::Replace(SystemId(2), _)));
        assert!(matches!(p.items[1], ImportItem::Add(_)));
    }

    #[test]
    fn bad_files_are_clear_errors() {
        match parse_import(
            "a.toml",
            "format = \"aimskit-system/1\"\nname = \"x\"\nannex_iii = [\"4.z\"]\n",
        ) {
            Err(ImportError::Input(e)) => {
                assert_eq!(e.field, "annex_iii[0]");
                assert_eq!(e.file.as_deref(), Some("a.toml"));
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            parse_import(
                "a.json",
                "{\"format\":\"aimskit-inventory/1\",\"systems\":[]}"
            ),
            Err(ImportError::Empty)
        ));
        assert!(matches!(
            parse_import("a.json", "{\"format\":\"aimskit-inventory/1\"}"),
            Err(ImportError::Unrecognised(_))
        ));
        assert!(matches!(
            parse_import("a.json", "{\"oops\""),
            Err(ImportError::Input(_))
        ));
    }

    #[test]
    fn invalid_utf8_is_refused_not_replaced() {
        assert_eq!(
            decode_import(b"name = \"caf\xC3\xA9\"\n").as_deref(),
            Some("name = \"café\"\n")
        );
        assert_eq!(
            decode_import(b"\xEF\xBB\xBFname = 1").as_deref(),
            Some("name = 1")
        );
        assert_eq!(decode_import(b"").as_deref(), Some(""));
        // Latin-1 é, a stray 0xFF, a truncated sequence, an overlong '/', a UTF-16 surrogate.
        for bad in [
            &b"caf\xE9"[..],
            b"fo\xFF\xFE\n",
            b"ab\xE2\x82",
            b"\xC0\xAF",
            b"\xED\xA0\x80",
        ] {
            assert_eq!(decode_import(bad), None, "{bad:?}");
        }
    }
}
