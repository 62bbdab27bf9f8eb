//! The "needs review" texts in every language: the English rendering of a
//! review's key reproduces its `why`, the other languages translate it
//! completely, and every key it uses exists in all four tables.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "test code may panic on broken fixtures"
)]

use std::collections::BTreeSet;
use std::path::Path;

use aimskit_core::Date;
use aimskit_core::i18n::{Lang, is_date_placeholder, table};
use aimskit_core::system::{FieldName, SourceFormat, SystemFile, parse_system};
use aimskit_core::triage::{Review, triage};

mod date_support;
use date_support::iso_dates;

fn corpus_systems() -> Vec<(String, SystemFile)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/triage/systems");
    let mut out = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let fmt = match path.extension().and_then(|e| e.to_str()) {
            Some("json") => SourceFormat::Json,
            Some("toml") => SourceFormat::Toml,
            _ => continue,
        };
        let src = std::fs::read_to_string(&path).unwrap();
        if let Ok(sys) = parse_system(&src, fmt) {
            out.push((name, sys));
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// Every review of the corpus as written, and again with every field marked
/// unsure (so that every kind of alternative and consequence is produced).
fn reviews() -> Vec<(String, Review)> {
    let fallback: Date = "2026-11-29".parse().unwrap();
    let mut out = Vec::new();
    for (name, sys) in corpus_systems() {
        let as_of = sys.as_of.unwrap_or(fallback);
        for r in triage(&sys, as_of).needs_review {
            out.push((name.clone(), r));
        }
        let mut all = sys.clone();
        all.unsure = FieldName::ALL.to_vec();
        for r in triage(&all, as_of).needs_review {
            out.push((format!("{name} (all unsure)"), r));
        }
    }
    out
}

/// Every locale key a review refers to: its key, `*_msg` arguments and parts.
fn keys_of(r: &Review) -> Vec<String> {
    let mut keys = vec![r.key.clone()];
    for (name, value) in &r.args {
        if name.ends_with("_msg") {
            keys.push(value.clone());
        }
    }
    if let Some(parts) = r.args.get("parts") {
        keys.extend(parts.split(',').map(str::to_owned));
    }
    keys
}

fn placeholders(s: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rest = s;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}') else {
            break;
        };
        out.insert(rest[open + 1..open + close].to_owned());
        rest = &rest[open + close + 1..];
    }
    out
}

#[test]
fn the_corpus_produces_many_keyed_reviews() {
    let all = reviews();
    let keyed = all.iter().filter(|(_, r)| !r.key.is_empty()).count();
    assert!(keyed > 100, "only {keyed} keyed reviews");
    // Every review from the corpus has a key (none falls back to English).
    let plain: Vec<_> = all
        .iter()
        .filter(|(_, r)| r.key.is_empty())
        .map(|(f, r)| format!("{f}: {}", r.why))
        .collect();
    assert!(
        plain.is_empty(),
        "reviews without key:\n{}",
        plain.join("\n")
    );
}

#[test]
fn english_rendering_is_the_spec_text() {
    let bad: Vec<String> = reviews()
        .into_iter()
        .filter(|(_, r)| r.why_in(Lang::En) != r.why)
        .map(|(f, r)| {
            format!(
                "{f}:\n  why:    {}\n  why_in: {}",
                r.why,
                r.why_in(Lang::En)
            )
        })
        .collect();
    assert!(
        bad.is_empty(),
        "{} mismatches:\n{}",
        bad.len(),
        bad.join("\n")
    );
}

#[test]
fn other_languages_translate_completely() {
    let mut bad = Vec::new();
    for (f, r) in reviews() {
        for lang in [Lang::De, Lang::Fr, Lang::It] {
            let text = r.why_in(lang);
            if text == r.why {
                bad.push(format!("{f} [{}]: still English: {text}", lang.code()));
            }
            if text.contains('{') || text.contains('}') {
                bad.push(format!(
                    "{f} [{}]: leftover placeholder: {text}",
                    lang.code()
                ));
            }
            // ("deployer" is also the Italian term.)
            if text.contains(" (provider)") {
                bad.push(format!("{f} [{}]: English role: {text}", lang.code()));
            }
        }
    }
    assert!(
        bad.is_empty(),
        "{} problems:\n{}",
        bad.len(),
        bad.join("\n")
    );
}

#[test]
fn other_languages_write_dates_in_the_language() {
    let mut dated = 0;
    let mut bad = Vec::new();
    for (f, r) in reviews() {
        if r.key.is_empty() {
            continue;
        }
        let dates: Vec<Date> = r
            .args
            .iter()
            .filter(|(name, _)| is_date_placeholder(name))
            .filter_map(|(_, v)| v.parse().ok())
            .filter(|d: &Date| r.why.contains(&d.to_string()))
            .collect();
        dated += usize::from(!iso_dates(&r.why).is_empty());
        for lang in [Lang::De, Lang::Fr, Lang::It] {
            let text = r.why_in(lang);
            if !iso_dates(&text).is_empty() {
                bad.push(format!("{f} [{}]: ISO date in {text}", lang.code()));
            }
            for d in &dates {
                if !text.contains(&d.long(lang)) {
                    bad.push(format!(
                        "{f} [{}]: no `{}` in {text}",
                        lang.code(),
                        d.long(lang)
                    ));
                }
            }
        }
    }
    assert!(dated > 10, "only {dated} reviews with a date");
    assert!(
        bad.is_empty(),
        "{} problems:\n{}",
        bad.len(),
        bad.join("\n")
    );
}

#[test]
fn every_key_used_exists_in_every_language_with_the_same_placeholders() {
    let mut keys = BTreeSet::new();
    for (_, r) in reviews() {
        keys.extend(keys_of(&r).into_iter().filter(|k| !k.is_empty()));
    }
    assert!(keys.len() > 30, "only {} keys used", keys.len());
    let mut bad = Vec::new();
    for k in &keys {
        let Some(en) = table(Lang::En).get(k) else {
            bad.push(format!("en: missing `{k}`"));
            continue;
        };
        for lang in [Lang::De, Lang::Fr, Lang::It] {
            match table(lang).get(k) {
                None => bad.push(format!("{}: missing `{k}`", lang.code())),
                Some(t) if placeholders(t) != placeholders(en) => {
                    bad.push(format!("{}: `{k}` placeholders differ", lang.code()));
                }
                Some(_) => {}
            }
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn review_json_keeps_the_spec_fields_and_adds_key_and_args() {
    let plain = Review::plain("roles", "Some text.");
    let json = serde_json::to_value(&plain).unwrap();
    assert_eq!(
        json,
        serde_json::json!({"field": "roles", "why": "Some text."})
    );
    let back: Review = serde_json::from_value(json).unwrap();
    assert_eq!(back, plain);
    assert_eq!(plain.why_in(Lang::De), "Some text.");
}

/// The review kinds added by the needs_review audit (moved dates, the
/// Art. 43(3) route, two unsure facts together) occur in the corpus and
/// read in every language with the dates in the language's long form.
#[test]
fn moved_dates_product_route_and_joint_reviews_are_rendered() {
    let all = reviews();
    let find = |pred: &dyn Fn(&Review) -> bool| -> Review {
        all.iter()
            .map(|(_, r)| r)
            .find(|r| pred(r))
            .cloned()
            .unwrap()
    };
    let moved = find(&|r: &Review| {
        r.args
            .get("parts")
            .is_some_and(|p| p.contains("review.p.obligations_moved"))
            && r.args.get("new_date").map(String::as_str) == Some("2027-08-02")
    });
    assert!(
        moved
            .why
            .contains("would apply from 2027-08-02 instead of 2025-08-02")
    );
    assert!(!moved.why.contains("adds"), "{}", moved.why);
    assert!(
        moved
            .why_in(Lang::De)
            .contains("gälten ab 2. August 2027 statt ab 2. August 2025")
    );
    assert!(
        moved
            .why_in(Lang::Fr)
            .contains("à partir du 2 août 2027 au lieu du 2 août 2025")
    );
    assert!(
        moved
            .why_in(Lang::It)
            .contains("dal 2 agosto 2027 invece che dal 2 agosto 2025")
    );
    let route = find(&|r: &Review| {
        r.args
            .get("parts")
            .is_some_and(|p| p == "review.p.basis_not_product")
    });
    for (lang, route_i, route_iii) in [
        (Lang::En, "Art. 43(3)", "Art. 43(1)-(2)"),
        (Lang::De, "Art. 43(3)", "Art. 43(1)-(2)"),
        (Lang::Fr, "art. 43, par. 3", "art. 43, par. 1 et 2"),
        (Lang::It, "art. 43, par. 3", "art. 43, par. 1 e 2"),
    ] {
        let text = route.why_in(lang);
        assert!(text.contains(route_i) && text.contains(route_iii), "{text}");
    }
    let joint = find(&|r: &Review| r.key == "review.why_both");
    assert!(
        joint.why.contains("(each alone changes nothing)"),
        "{}",
        joint.why
    );
    assert!(
        joint
            .why_in(Lang::De)
            .contains("jede Angabe allein ändert nichts")
    );
    assert_ne!(joint.why_in(Lang::Fr), joint.why);
}
