//! Translation completeness: every key in every language with the same
//! placeholders, every catalogue text in every language, every key the code
//! uses present in English, and the legal-terms glossary consistent with the
//! locale tables.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "tests may panic on broken data"
)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use aimskit_core::gap::catalogue;
use aimskit_core::i18n::{Lang, placeholders, table};

mod date_support;
use date_support::iso_dates;

fn keys(lang: Lang) -> BTreeSet<&'static str> {
    table(lang).keys().collect()
}

#[test]
fn every_language_has_every_key() {
    let en = keys(Lang::En);
    assert!(en.len() > 400, "en.toml looks truncated: {} keys", en.len());
    let mut problems = Vec::new();
    for lang in Lang::ALL {
        let other = keys(lang);
        for k in en.difference(&other) {
            problems.push(format!("{}: missing key `{k}`", lang.code()));
        }
        for k in other.difference(&en) {
            problems.push(format!("{}: key `{k}` is not in en.toml", lang.code()));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn placeholders_match_across_languages() {
    let mut problems = Vec::new();
    for (key, en) in table(Lang::En).iter() {
        let want = placeholders(en);
        for lang in Lang::ALL {
            if let Some(text) = table(lang).get(key) {
                let got = placeholders(text);
                if got != want {
                    problems.push(format!(
                        "{}: `{key}` has placeholders {got:?}, en has {want:?}",
                        lang.code()
                    ));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn no_translation_is_empty_or_untranslated_by_accident() {
    // Texts identical to English are allowed only for names, codes and
    // international terms; anything longer than a few words must differ.
    let mut problems = Vec::new();
    for lang in [Lang::De, Lang::Fr, Lang::It] {
        for (key, text) in table(lang).iter() {
            if text.trim().is_empty() {
                problems.push(format!("{}: `{key}` is empty", lang.code()));
            }
            let en = table(Lang::En).get(key).unwrap_or("");
            if text == en && en.split_whitespace().count() > 4 {
                problems.push(format!("{}: `{key}` is still English", lang.code()));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Every `{ en = ... }` text object in the serialised catalogue, with its path.
fn texts(value: &serde_json::Value, path: &str, out: &mut Vec<(String, serde_json::Value)>) {
    match value {
        serde_json::Value::Object(map) => {
            if map.get("en").is_some_and(serde_json::Value::is_string) {
                out.push((path.to_owned(), value.clone()));
                return;
            }
            for (k, v) in map {
                texts(v, &format!("{path}.{k}"), out);
            }
        }
        serde_json::Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                let id = v
                    .get("id")
                    .or_else(|| v.get("level"))
                    .map(|x| x.to_string().trim_matches('"').to_owned())
                    .unwrap_or_else(|| i.to_string());
                texts(v, &format!("{path}[{id}]"), out);
            }
        }
        _ => {}
    }
}

#[test]
fn every_catalogue_text_has_every_language() {
    let cat = catalogue();
    assert_eq!(cat.items.len(), 70, "catalogue did not load");
    let json = serde_json::to_value(cat).unwrap();
    let mut all = Vec::new();
    texts(&json, "catalogue", &mut all);
    assert!(all.len() > 300, "too few texts found: {}", all.len());
    let mut problems = Vec::new();
    for (path, text) in &all {
        for lang in ["de", "fr", "it"] {
            let ok = text
                .get(lang)
                .and_then(serde_json::Value::as_str)
                .is_some_and(|s| !s.trim().is_empty());
            if !ok {
                problems.push(format!("{path}: no `{lang}` text"));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "{} catalogue texts lack a language:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

fn is_key(s: &str) -> bool {
    s.contains('.')
        && !s.starts_with('.')
        && !s.ends_with('.')
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'.')
}

/// Literal keys passed to the translation helpers: `t("k")`, `tf("k", ..)`,
/// `t_or("k", ..)`, `t(lang, "k")`, `tf(self.lang, "k", ..)`.
fn literal_keys(src: &str) -> Vec<String> {
    let mut out = Vec::new();
    for helper in ["t(", "tf(", "t_or("] {
        let mut from = 0;
        while let Some(pos) = src[from..].find(helper) {
            let start = from + pos;
            from = start + helper.len();
            let before = src[..start].chars().next_back();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue;
            }
            let rest = &src[from..];
            // Skip an optional first argument that is a language expression.
            let args = match rest.find('"') {
                Some(q) => &rest[..q],
                None => continue,
            };
            let lead = args.trim();
            let lang_arg = lead.strip_suffix(',').is_some_and(|a| {
                a.chars()
                    .all(|c| c.is_alphanumeric() || matches!(c, '_' | '.' | '&' | '*' | ':'))
            });
            if !(lead.is_empty() || lang_arg) {
                continue;
            }
            let lit = &rest[args.len() + 1..];
            let Some(end) = lit.find('"') else { continue };
            let key = &lit[..end];
            if is_key(key) {
                out.push(key.to_owned());
            }
        }
    }
    out
}

#[test]
fn the_scanner_finds_literal_keys() {
    let src = r#"i.t("ui.a") i.tf("ui.b", &[]) t(lang, "ui.c") tf(self.lang, "ui.d", &[])
        print("no.key") i.t_or(&format!("rule.{}", x), y) i.t_or("obl.x", y) t("x {y}")"#;
    let mut got = literal_keys(src);
    got.sort();
    assert_eq!(got, ["obl.x", "ui.a", "ui.b", "ui.c", "ui.d"]);
}

#[test]
fn every_key_the_code_uses_exists() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut files = Vec::new();
    for dir in ["core/src", "web/src", "cli/src"] {
        rust_files(&root.join(dir), &mut files);
    }
    assert!(files.len() > 10, "source tree not found");
    let en = keys(Lang::En);
    let mut used: BTreeMap<String, String> = BTreeMap::new();
    for f in &files {
        let src = std::fs::read_to_string(f).unwrap();
        for k in literal_keys(&src) {
            used.entry(k).or_insert_with(|| f.display().to_string());
        }
    }
    assert!(used.len() > 100, "too few keys found: {}", used.len());
    // Keys looked up with a fallback text (t_or) may be absent from en.toml.
    let missing: Vec<String> = used
        .iter()
        .filter(|(k, _)| !en.contains(k.as_str()) && !k.starts_with("no.such."))
        .filter(|(k, _)| {
            !["rule.", "obl.", "review."]
                .iter()
                .any(|p| k.starts_with(p))
        })
        .map(|(k, f)| format!("`{k}` (used in {f})"))
        .collect();
    assert!(
        missing.is_empty(),
        "keys used in code but missing from en.toml:\n{}",
        missing.join("\n")
    );
}

/// The texts of one language: its locale table and every catalogue text.
fn corpus(lang: Lang) -> String {
    let mut out: String = table(lang).values().map(|s| format!("{s}\n")).collect();
    let json = serde_json::to_value(catalogue()).unwrap();
    let mut all = Vec::new();
    texts(&json, "catalogue", &mut all);
    for (_, t) in all {
        if let Some(s) = t.get(lang.code()).and_then(serde_json::Value::as_str) {
            out.push_str(s);
            out.push('\n');
        }
    }
    out.to_lowercase()
}

#[test]
fn legal_terms_glossary_is_complete_and_used() {
    #[derive(serde::Deserialize)]
    struct Term {
        id: String,
        source: String,
        en: String,
        de: String,
        fr: String,
        it: String,
        checked: String,
        #[serde(default)]
        not_used: Vec<String>,
        #[serde(default)]
        note: String,
        #[serde(default)]
        avoid_de: Vec<String>,
        #[serde(default)]
        avoid_fr: Vec<String>,
        #[serde(default)]
        avoid_it: Vec<String>,
    }
    #[derive(serde::Deserialize)]
    struct Glossary {
        term: Vec<Term>,
    }
    let g: Glossary = toml::from_str(include_str!("../locales/terms.toml")).unwrap();
    assert!(g.term.len() >= 40);
    let de = corpus(Lang::De);
    let fr = corpus(Lang::Fr);
    let it = corpus(Lang::It);
    let mut problems = Vec::new();
    let mut ids = BTreeSet::new();
    for t in &g.term {
        if !["official_journal", "secondary"].contains(&t.checked.as_str()) {
            problems.push(format!("{}: checked = `{}`", t.id, t.checked));
        }
        if t.source.trim().is_empty() || [&t.en, &t.de].iter().any(|s| s.trim().is_empty()) {
            problems.push(format!("{}: empty source or term", t.id));
        }
        if !ids.insert(t.id.as_str()) {
            problems.push(format!("{}: listed twice", t.id));
        }
        if !t.not_used.is_empty() && t.note.trim().is_empty() {
            problems.push(format!("{}: `not_used` needs a `note`", t.id));
        }
        // The texts must actually use the official term, unless the
        // language is declared as not (yet) needing it.
        for (lang, term, text) in [("de", &t.de, &de), ("fr", &t.fr, &fr), ("it", &t.it, &it)] {
            let used = text.contains(&term.to_lowercase());
            let exempt = t.not_used.iter().any(|l| l == lang);
            if !used && !exempt {
                problems.push(format!("{}: {lang} texts never use `{term}`", t.id));
            }
            if used && exempt {
                problems.push(format!(
                    "{}: {lang} uses `{term}` but lists it as not used",
                    t.id
                ));
            }
        }
        // Variants the review replaced must not come back.
        for (lang, avoid, text) in [
            ("de", &t.avoid_de, &de),
            ("fr", &t.avoid_fr, &fr),
            ("it", &t.avoid_it, &it),
        ] {
            for a in avoid {
                if text.contains(&a.to_lowercase()) {
                    problems.push(format!(
                        "{}: {lang} texts use `{a}` instead of the official term",
                        t.id
                    ));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_vocabulary_id_has_a_label_in_every_language() {
    let vocab = aimskit_core::triage::vocabulary();
    assert!(vocab.len() > 50);
    let mut problems = Vec::new();
    for e in vocab {
        let key = format!("opt.{}.{}", e.field, e.id);
        for lang in Lang::ALL {
            if !table(lang).contains_key(&key) {
                problems.push(format!("{}: no `{key}`", lang.code()));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn rule_and_obligation_texts_match_the_rule_data() {
    // The rule files as written (the built-in rules take these texts from
    // en.toml when they are equal, so compare the TOML sources).
    use aimskit_core::triage::rules;
    let rules = rules::load(
        rules::TRIAGE_TOML,
        rules::OBLIGATIONS_TOML,
        rules::VOCABULARY_TOML,
    )
    .unwrap();
    let en = table(Lang::En);
    let mut problems = Vec::new();
    for r in &rules.rules {
        let key = format!("rule.{}", r.id);
        if en.get(&key) != Some(r.because.as_str()) {
            problems.push(format!(
                "en.toml `{key}` differs from core/rules/triage.toml"
            ));
        }
    }
    for o in &rules.obligations {
        let key = format!("obl.{}", o.id);
        if en.get(&key) != Some(o.title.as_str()) {
            problems.push(format!(
                "en.toml `{key}` differs from core/rules/obligations.toml"
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_reason_in_the_corpus_is_translated() {
    use aimskit_core::i18n::{obligation_title, parse_filled, reason};
    use aimskit_core::system::{SourceFormat, parse_system};
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/triage/systems");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    files.sort();
    assert!(files.len() > 50);
    let as_of: aimskit_core::Date = "2028-09-01".parse().unwrap();
    let en = table(Lang::En);
    let mut steps = 0;
    let mut dated = 0;
    let mut problems = BTreeSet::new();
    for f in &files {
        let fmt = if f.extension().is_some_and(|x| x == "json") {
            SourceFormat::Json
        } else {
            SourceFormat::Toml
        };
        let Ok(sys) = parse_system(&std::fs::read_to_string(f).unwrap(), fmt) else {
            continue;
        };
        let r = aimskit_core::triage::triage(&sys, as_of);
        for s in &r.trace {
            steps += 1;
            let key = format!("rule.{}", s.rule);
            let matches = en
                .get(&key)
                .is_some_and(|tpl| parse_filled(tpl, &s.because).is_some());
            if !matches {
                problems.insert(format!("`{key}`: `{}` does not match en.toml", s.because));
            }
            for lang in [Lang::De, Lang::Fr, Lang::It] {
                let text = reason(lang, s);
                if !iso_dates(&text).is_empty() {
                    problems.insert(format!("{}: `{key}` has an ISO date: {text}", lang.code()));
                }
                if text.contains('{') {
                    problems.insert(format!(
                        "{}: `{key}` left a placeholder: {text}",
                        lang.code()
                    ));
                }
            }
        }
        dated += r
            .trace
            .iter()
            .filter(|s| !iso_dates(&s.because).is_empty())
            .count();
        for o in &r.obligations {
            if obligation_title(Lang::Fr, o) == o.title {
                problems.insert(format!("fr: obligation `{}` not translated", o.id));
            }
        }
    }
    assert!(steps > 500, "only {steps} trace steps");
    assert!(dated > 20, "only {dated} reasons with a date");
    assert!(
        problems.is_empty(),
        "{}",
        problems.iter().cloned().collect::<Vec<_>>().join("\n")
    );
}

#[test]
fn other_languages_write_no_iso_date_in_their_texts() {
    // Dates that vary come in through date placeholders (rendered in the
    // language); dates written into a text are written in the language too.
    // Only the examples of date inputs keep `YYYY-MM-DD`, the form typed.
    for lang in [Lang::De, Lang::Fr, Lang::It] {
        for (key, text) in table(lang).iter() {
            if key.ends_with(".example") {
                continue;
            }
            assert!(
                iso_dates(text).is_empty(),
                "{}: `{key}` = {text}",
                lang.code()
            );
        }
    }
    assert!(!iso_dates(table(Lang::En).get("rule.gpai.legacy").unwrap()).is_empty());
}
