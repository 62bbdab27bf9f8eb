//! Compiles the data files under `rules/`, `catalogue/` and `locales/` into
//! the compact forms that `core` embeds from `OUT_DIR` (see ARCHITECTURE.md):
//!
//! - `rules/*.toml` and `catalogue/*.toml` become compact JSON, which core
//!   deserialises straight into its typed structs (no TOML parser, no
//!   intermediate value tree at run time);
//! - `locales/<lang>.toml` become flat lists (`text RS` per entry, a lone `US`
//!   for a missing text) in the order of one shared sorted key list
//!   (`locale-keys.txt`), which core reads in place without copying a text;
//! - the catalogue's German, French and Italian texts leave its JSON for one
//!   flat list per language (`text RS` per text; a lone `US` marks a missing
//!   translation), numbered by the text's `"t"` in the JSON, so a session
//!   materialises only the languages it shows;
//! - a rule reason (`because`) or obligation title that equals its English
//!   locale text (`rule.<id>`, `obl.<id>`; a test keeps them equal) ships
//!   once: the rules JSON carries `""` and core takes the text from the
//!   English table when it loads the rules;
//! - the rules version is written on its own, so reading it parses nothing.
//!
//! The TOML files stay the single source of truth. Any problem stops the
//! build with the file's name and the TOML error.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::{env, fs};

use serde_json::{Map, Value};

/// The TOML to JSON conversion core uses at run time (one shared file).
#[path = "src/data/toml_json.rs"]
mod toml_json;
use toml_json::toml_to_json;

/// Ends an entry of a flat table or list.
const RS: char = '\u{1e}';
/// Alone in an entry of a flat list, marks a missing text.
const US: char = '\u{1f}';
/// The languages of the locale tables, English first.
const LANGS: [&str; 4] = ["en", "de", "fr", "it"];
/// The catalogue languages that live in flat lists.
const TRANSLATED: [&str; 3] = ["de", "fr", "it"];
/// The key that numbers a catalogue text in the compiled JSON.
const TEXT_NUMBER: &str = "t";

fn main() {
    if let Err(e) = run() {
        eprintln!("error: {e}");
        std::process::exit(1);
    }
}

struct Dirs {
    manifest: PathBuf,
    out: PathBuf,
}

impl Dirs {
    /// Reads and parses `core/<rel>`, registering it for rebuilds.
    fn read(&self, rel: &str) -> Result<toml::Table, String> {
        println!("cargo:rerun-if-changed={rel}");
        let text =
            fs::read_to_string(self.manifest.join(rel)).map_err(|e| format!("core/{rel}: {e}"))?;
        text.parse::<toml::Table>()
            .map_err(|e| format!("core/{rel}: {e}"))
    }

    fn write(&self, name: &str, text: &str) -> Result<(), String> {
        fs::write(self.out.join(name), text).map_err(|e| format!("{name} in OUT_DIR: {e}"))
    }
}

fn run() -> Result<(), String> {
    let var = |name: &str| env::var(name).map_err(|e| format!("{name}: {e}"));
    let dirs = Dirs {
        manifest: PathBuf::from(var("CARGO_MANIFEST_DIR")?),
        out: PathBuf::from(var("OUT_DIR")?),
    };
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src/data/toml_json.rs");

    let mut tables = Vec::new();
    for lang in LANGS {
        let rel = format!("locales/{lang}.toml");
        tables.push(locale(dirs.read(&rel)?, &rel)?);
    }
    let keys: BTreeSet<&String> = tables.iter().flat_map(BTreeMap::keys).collect();
    dirs.write(
        "locale-keys.txt",
        &flat(keys.iter().map(|k| Some(k.as_str()))),
    )?;
    for (lang, table) in LANGS.iter().zip(&tables) {
        let texts = keys.iter().map(|k| table.get(*k).map(String::as_str));
        dirs.write(&format!("locale-{lang}.txt"), &flat(texts))?;
    }
    let en = tables.first().ok_or("no English table")?;

    let rel = "rules/triage.toml";
    let mut triage = dirs.read(rel)?;
    let version = match triage.get("version") {
        Some(toml::Value::String(v)) => v.clone(),
        _ => return Err(format!("core/{rel}: `version` must be a string")),
    };
    dirs.write("rules-version.txt", &version)?;
    once_in_english(&mut triage, rel, ("rule", "because", "rule"), en)?;
    dirs.write("rules-triage.json", &json(triage))?;
    let rel = "rules/obligations.toml";
    let mut obligations = dirs.read(rel)?;
    once_in_english(&mut obligations, rel, ("obligation", "title", "obl"), en)?;
    dirs.write("rules-obligations.json", &json(obligations))?;
    dirs.write(
        "rules-vocabulary.json",
        &json(dirs.read("rules/vocabulary.toml")?),
    )?;

    let mut lists = Lists::default();
    for (rel, name) in [
        ("catalogue/iso42001.toml", "catalogue-items.json"),
        ("catalogue/obligations.toml", "catalogue-obligations.json"),
        ("catalogue/pitfalls.toml", "catalogue-pitfalls.json"),
    ] {
        let v = lists.split(toml_to_json(toml::Value::Table(dirs.read(rel)?)), rel)?;
        dirs.write(name, &v.to_string())?;
    }
    for (lang, list) in TRANSLATED.iter().zip(&lists.texts) {
        dirs.write(&format!("catalogue-{lang}.txt"), list)?;
    }
    Ok(())
}

/// A locale table: every value a string, no separator characters.
fn locale(table: toml::Table, rel: &str) -> Result<BTreeMap<String, String>, String> {
    table
        .into_iter()
        .map(|(key, v)| match v {
            toml::Value::String(text) => {
                flat_safe(&key, rel, &key)?;
                flat_safe(&text, rel, &key)?;
                Ok((key, text))
            }
            _ => Err(format!("core/{rel}: `{key}` is not a string")),
        })
        .collect()
}

fn flat_safe(s: &str, rel: &str, at: &str) -> Result<(), String> {
    if s.contains([RS, US]) {
        return Err(format!(
            "core/{rel}: `{at}` contains U+001E or U+001F, which the compiled tables use as separators"
        ));
    }
    Ok(())
}

/// A flat list: each text followed by `RS`, a missing one written as `US`.
fn flat<'a>(texts: impl Iterator<Item = Option<&'a str>>) -> String {
    let mut out = String::new();
    for text in texts {
        match text {
            Some(text) => out.push_str(text),
            None => out.push(US),
        }
        out.push(RS);
    }
    out
}

/// Empties `field` of every `[[array]]` entry whose text equals the English
/// locale text `<prefix>.<id>`: core fills it back from the English table.
/// An empty text in the source would be ambiguous, so it is refused (the
/// rule validation rejects it anyway).
fn once_in_english(
    file: &mut toml::Table,
    rel: &str,
    (array, field, prefix): (&str, &str, &str),
    en: &BTreeMap<String, String>,
) -> Result<(), String> {
    let Some(toml::Value::Array(entries)) = file.get_mut(array) else {
        return Ok(());
    };
    for entry in entries {
        let toml::Value::Table(entry) = entry else {
            continue;
        };
        let Some(toml::Value::String(id)) = entry.get("id") else {
            continue;
        };
        let id = id.clone();
        let english = en.get(&format!("{prefix}.{id}"));
        if let Some(toml::Value::String(text)) = entry.get_mut(field) {
            if text.is_empty() {
                return Err(format!("core/{rel}: {array} `{id}` has an empty `{field}`"));
            }
            if english == Some(text) {
                text.clear();
            }
        }
    }
    Ok(())
}

fn json(table: toml::Table) -> String {
    toml_to_json(toml::Value::Table(table)).to_string()
}

/// The catalogue's flat translation lists, one per language of `TRANSLATED`.
#[derive(Default)]
struct Lists {
    texts: [String; 3],
    count: u64,
}

impl Lists {
    /// Moves the translations of every catalogue text (a table of strings
    /// with `en` and only language keys) into the lists.
    fn split(&mut self, v: Value, rel: &str) -> Result<Value, String> {
        Ok(match v {
            Value::Object(m) if m.contains_key("en") && m.contains_key(TEXT_NUMBER) => {
                return Err(format!(
                    "core/{rel}: a text has a `{TEXT_NUMBER}` key, which the compiled catalogue reserves"
                ));
            }
            Value::Object(m) if is_text(&m) => {
                let mut out = Map::new();
                if TRANSLATED.iter().any(|l| m.contains_key(*l)) {
                    for (lang, list) in TRANSLATED.iter().zip(&mut self.texts) {
                        match m.get(*lang) {
                            Some(Value::String(s)) => {
                                flat_safe(s, rel, lang)?;
                                list.push_str(s);
                            }
                            _ => list.push(US),
                        }
                        list.push(RS);
                    }
                    out.insert(TEXT_NUMBER.to_owned(), Value::from(self.count));
                    self.count += 1;
                }
                if let Some(en) = m.get("en") {
                    out.insert("en".to_owned(), en.clone());
                }
                Value::Object(out)
            }
            Value::Object(m) => Value::Object(
                m.into_iter()
                    .map(|(k, v)| Ok((k, self.split(v, rel)?)))
                    .collect::<Result<_, String>>()?,
            ),
            Value::Array(a) => Value::Array(
                a.into_iter()
                    .map(|v| self.split(v, rel))
                    .collect::<Result<_, _>>()?,
            ),
            other => other,
        })
    }
}

/// A catalogue text: `en` and translations, all strings.
fn is_text(m: &Map<String, Value>) -> bool {
    m.contains_key("en")
        && m.iter()
            .all(|(k, v)| LANGS.contains(&k.as_str()) && v.is_string())
}
