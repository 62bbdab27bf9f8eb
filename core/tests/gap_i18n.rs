//! Gap messages in four languages: every finding, roadmap action and
//! pitfall trigger of the gap corpus carries a locale key whose English
//! template reproduces the English text exactly, every key it can carry
//! exists in every language with the same placeholders, and the German
//! report shows none of the English sentences.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "tests may panic on broken data"
)]

mod date_support;
mod gap_support;

use std::collections::BTreeSet;

use aimskit_core::Date;
use aimskit_core::aims::AimsFile;
use aimskit_core::gap::{GapResult, gap};
use aimskit_core::i18n::{Lang, is_date_placeholder, message, placeholders, table};
use aimskit_core::report::{markdown, md_escape as md};

use date_support::iso_dates;

/// Every case of the gap corpus, evaluated.
fn corpus() -> Vec<(String, AimsFile, GapResult)> {
    let text = std::fs::read_to_string(gap_support::corpus_dir().join("expected.toml")).unwrap();
    let expected: toml::Table = toml::from_str(&text).unwrap();
    expected
        .iter()
        .map(|(name, case)| {
            let path = gap_support::corpus_dir().join(case["aims"].as_str().unwrap());
            let (aims, systems) = gap_support::load(&path).unwrap();
            let r = gap(
                &aims,
                &systems,
                gap_support::date(case["as_of"].as_str().unwrap()),
            );
            (name.clone(), aims, r)
        })
        .collect()
}

/// (case, English text, key, args) of every keyed text in a result.
fn texts(r: &GapResult) -> Vec<(String, &str, &aimskit_core::i18n::Args)> {
    let mut out = Vec::new();
    for f in &r.findings {
        out.push((f.message.clone(), f.key.as_str(), &f.args));
    }
    for a in &r.roadmap {
        out.push((a.action.clone(), a.action_key.as_str(), &a.args));
        out.push((a.because.clone(), a.because_key.as_str(), &a.args));
    }
    for p in &r.pitfall_details {
        out.push((p.because.clone(), p.key.as_str(), &p.args));
    }
    out
}

#[test]
fn english_templates_reproduce_every_corpus_message() {
    let mut n = 0;
    let mut keys = BTreeSet::new();
    for (name, _, r) in corpus() {
        for (english, key, args) in texts(&r) {
            assert!(!key.is_empty(), "{name}: no key for {english:?}");
            assert_eq!(message(Lang::En, key, args), english, "{name}: {key}");
            keys.insert(key.to_owned());
            n += 1;
        }
        for f in &r.findings {
            assert_eq!(f.message_in(Lang::En), f.message);
        }
    }
    assert!(n > 100, "only {n} texts in the corpus");
    assert!(
        keys.len() >= 25,
        "only {} distinct keys: {keys:?}",
        keys.len()
    );
}

#[test]
fn every_gap_key_and_nested_key_exists_in_every_language() {
    let en = table(Lang::En);
    let gap_keys: Vec<&str> = en.keys().filter(|k| k.starts_with("gap.")).collect();
    assert!(gap_keys.len() > 60, "{}", gap_keys.len());
    for lang in Lang::ALL {
        for k in &gap_keys {
            let text = table(lang)
                .get(k)
                .unwrap_or_else(|| panic!("{}: missing `{k}`", lang.code()));
            assert_eq!(
                placeholders(text),
                placeholders(en.get(k).unwrap()),
                "{}: {k}",
                lang.code()
            );
        }
    }
    // Every key and every nested `_msg` key a corpus text carries is a gap key.
    for (name, _, r) in corpus() {
        for (_, key, args) in texts(&r) {
            assert!(en.contains_key(key), "{name}: `{key}` not in en.toml");
            for (arg, value) in args {
                if arg.ends_with("_msg") {
                    assert!(en.contains_key(value), "{name}: `{value}` not in en.toml");
                }
            }
        }
    }
}

#[test]
fn other_languages_render_every_placeholder() {
    for (name, _, r) in corpus() {
        for lang in [Lang::De, Lang::Fr, Lang::It] {
            for (english, key, args) in texts(&r) {
                let text = message(lang, key, args);
                assert_ne!(text, english, "{name} {}: {key} untranslated", lang.code());
                assert!(!text.contains("{"), "{name} {}: {text}", lang.code());
                assert!(!text.contains("gap."), "{name} {}: {text}", lang.code());
            }
        }
    }
}

#[test]
fn other_languages_write_dates_in_the_language() {
    let mut dated = 0;
    for (name, _, r) in corpus() {
        for (english, key, args) in texts(&r) {
            // `gap.f.review` quotes the triage's English review sentence
            // (`why`): the gap result does not carry its key and arguments.
            if key == "gap.f.review" || iso_dates(&english).is_empty() {
                continue;
            }
            dated += 1;
            let dates: Vec<Date> = args
                .iter()
                .filter(|(n, _)| is_date_placeholder(n))
                .filter_map(|(_, v)| v.parse().ok())
                .filter(|d: &Date| english.contains(&d.to_string()))
                .collect();
            for lang in [Lang::De, Lang::Fr, Lang::It] {
                let text = message(lang, key, args);
                let left = iso_dates(&text);
                assert!(
                    left.is_empty(),
                    "{name} {}: ISO date in {text}",
                    lang.code()
                );
                for d in &dates {
                    assert!(
                        text.contains(&d.long(lang)),
                        "{name} {}: {text}",
                        lang.code()
                    );
                }
            }
        }
    }
    assert!(dated > 10, "only {dated} texts with a date");
}

#[test]
fn german_report_contains_no_english_sentence() {
    for (name, aims, r) in corpus() {
        let de = markdown(&aims, &r, Lang::De);
        let en = markdown(&aims, &r, Lang::En);
        for (english, _, _) in texts(&r) {
            // Each English sentence is in the English report (so the check
            // below compares like with like) and not in the German one.
            let sentence = english.split(": ").next().unwrap_or(&english);
            if sentence.len() < 25 {
                continue;
            }
            let found_en = en.contains(&english) || en.contains(&md(&english));
            assert!(found_en, "{name}: English report lacks {english:?}");
            assert!(
                !de.contains(&english) && !de.contains(&md(&english)),
                "{name}: German report has {english:?}"
            );
        }
        for f in &r.findings {
            assert!(
                de.contains(&md(&f.message_in(Lang::De))) || de.contains(&f.message_in(Lang::De)),
                "{name}: {}",
                f.key
            );
        }
    }
}

/// Variants of every corpus case (every maturity, with and without
/// evidence, exclusions without a reason, an ISO/IEC 27001 certificate) so
/// that the keys the corpus itself does not reach are checked too.
#[test]
fn english_templates_reproduce_messages_of_mutated_cases() {
    let mut keys = BTreeSet::new();
    for (name, aims, _) in corpus() {
        for variant in 0..12u8 {
            let mut a = aims.clone();
            let m = variant % 6;
            let evidence = variant >= 6;
            for (i, c) in a.clauses.values_mut().enumerate() {
                c.maturity = (i % 3 != 0).then_some(m);
                c.evidence = if evidence { vec!["doc".into()] } else { vec![] };
            }
            for (i, c) in a.controls.values_mut().enumerate() {
                c.maturity = Some((m + i as u8) % 6);
                c.evidence = if evidence { vec!["doc".into()] } else { vec![] };
                if i % 5 == variant as usize % 5 {
                    c.applicable = false;
                    c.justification.clear();
                }
            }
            if variant % 2 == 0 {
                a.certifications.push("iso27001".into());
            }
            let (_, systems) = {
                let text = std::fs::read_to_string(gap_support::corpus_dir().join("expected.toml"))
                    .unwrap();
                let expected: toml::Table = toml::from_str(&text).unwrap();
                let path =
                    gap_support::corpus_dir().join(expected[&name]["aims"].as_str().unwrap());
                gap_support::load(&path).unwrap()
            };
            let r = gap(&a, &systems, gap_support::date("2028-01-01"));
            for (english, key, args) in texts(&r) {
                assert_eq!(
                    message(Lang::En, key, args),
                    english,
                    "{name}/{variant}: {key}"
                );
                for lang in [Lang::De, Lang::Fr, Lang::It] {
                    let text = message(lang, key, args);
                    assert!(!text.contains('{') && !text.contains("gap."), "{text}");
                }
                keys.insert(key.to_owned());
                for (arg, value) in args {
                    if arg.ends_with("_msg") {
                        keys.insert(value.clone());
                    }
                }
            }
        }
    }
    assert!(keys.len() >= 45, "{} keys reached: {keys:?}", keys.len());
}
