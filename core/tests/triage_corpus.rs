//! Corpus tests: every system file in `tests/corpus/triage/systems/` is
//! triaged and checked against `expected*.toml` (format: see
//! `tests/corpus/triage/README.md`). The same files are replayed by the JS
//! package tests.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "test and bench code may panic on broken fixtures"
)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use aimskit_core::Date;
use aimskit_core::system::{SourceFormat, parse_system};
use aimskit_core::triage::{TriageResult, triage};
use serde::Deserialize;

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct Expect {
    /// System file name inside systems/ (default: `<case>.toml`).
    file: Option<String>,
    /// Evaluation date override (default: the file's as_of).
    as_of: Option<String>,
    tier: Option<String>,
    prohibited: Option<Vec<String>>,
    high_risk_basis: Option<Vec<String>>,
    derogation: Option<Vec<String>>,
    transparency: Option<Vec<String>>,
    gpai: Option<String>,
    roles: Option<Vec<String>>,
    cites: Option<Vec<String>>,
    not_cites: Option<Vec<String>>,
    applies_from: Option<BTreeMap<String, String>>,
    applicable: Option<BTreeMap<String, bool>>,
    review: Option<Vec<String>>,
    /// The fields of `needs_review`, exactly and in order (one entry per item).
    review_fields: Option<Vec<String>>,
    /// Each text must occur in some item's `why`.
    review_says: Option<Vec<String>>,
    no_review: Option<bool>,
    /// `{ rule = citation }`: some trace step of that rule has that citation.
    trace_cites: Option<BTreeMap<String, String>>,
    /// Free-text note on the legal basis of the case.
    note: Option<String>,
}

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/triage")
}

/// `Art. 4` matches `Art. 4` and `Art. 4(1)` but not `Art. 43`.
fn cites(article: &str, prefix: &str) -> bool {
    article == prefix
        || (article.starts_with(prefix)
            && (prefix.ends_with(')') || article[prefix.len()..].starts_with('(')))
}

fn str_list<T: serde::Serialize>(v: &[T]) -> Vec<String> {
    v.iter()
        .map(|x| {
            serde_json::to_value(x)
                .unwrap()
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect()
}

fn check(name: &str, e: &Expect, r: &TriageResult) -> Vec<String> {
    let mut errs = Vec::new();
    let mut fail = |m: String| errs.push(format!("[{name}] {m}"));
    let tier = serde_json::to_value(r.tier).unwrap();
    if let Some(t) = &e.tier {
        if tier.as_str() != Some(t) {
            fail(format!("tier {tier} != {t}"));
        }
    }
    for (what, want, got) in [
        ("prohibited", &e.prohibited, &r.prohibited),
        ("high_risk_basis", &e.high_risk_basis, &r.high_risk_basis),
        ("derogation", &e.derogation, &r.derogation),
        ("transparency", &e.transparency, &r.transparency),
    ] {
        if let Some(want) = want {
            let (mut a, mut b) = (want.clone(), got.clone());
            a.sort();
            b.sort();
            if a != b {
                fail(format!("{what} {got:?} != {want:?}"));
            }
        }
    }
    if let Some(g) = &e.gpai {
        let got = serde_json::to_value(r.gpai).unwrap();
        if got.as_str() != Some(g) {
            fail(format!("gpai {got} != {g}"));
        }
    }
    let roles = str_list(&r.roles);
    for role in e.roles.iter().flatten() {
        if !roles.contains(role) {
            fail(format!("roles {roles:?} lack {role}"));
        }
    }
    let arts = || {
        r.obligations
            .iter()
            .flat_map(|o| o.articles.iter().map(move |a| (o, a)))
    };
    for c in e.cites.iter().flatten() {
        if !arts().any(|(_, a)| cites(a, c)) {
            fail(format!("no obligation cites {c}"));
        }
    }
    for c in e.not_cites.iter().flatten() {
        if let Some((o, a)) = arts().find(|(_, a)| cites(a, c)) {
            fail(format!(
                "obligation {} ({:?}) cites {a}, expected not {c}",
                o.id, o.role
            ));
        }
    }
    for (c, d) in e.applies_from.iter().flatten() {
        let hits: Vec<_> = arts().filter(|(_, a)| cites(a, c)).collect();
        if hits.is_empty() {
            fail(format!("applies_from: no obligation cites {c}"));
        }
        for (o, _) in hits {
            if o.applies_from.to_string() != *d {
                fail(format!("{} applies from {} not {d}", o.id, o.applies_from));
            }
        }
    }
    for (c, b) in e.applicable.iter().flatten() {
        let hits: Vec<_> = arts().filter(|(_, a)| cites(a, c)).collect();
        if hits.is_empty() {
            fail(format!("applicable: no obligation cites {c}"));
        }
        for (o, _) in hits {
            if o.applicable != *b {
                fail(format!("{} applicable {} not {b}", o.id, o.applicable));
            }
        }
    }
    for f in e.review.iter().flatten() {
        if !r.needs_review.iter().any(|x| &x.field == f) {
            fail(format!("needs_review lacks {f}: {:?}", r.needs_review));
        }
    }
    if let Some(want) = &e.review_fields {
        let got: Vec<&str> = r.needs_review.iter().map(|x| x.field.as_str()).collect();
        if got != *want {
            fail(format!(
                "needs_review fields {got:?} != {want:?}: {:?}",
                r.needs_review
            ));
        }
    }
    for text in e.review_says.iter().flatten() {
        if !r.needs_review.iter().any(|x| x.why.contains(text.as_str())) {
            fail(format!(
                "no needs_review says {text:?}: {:?}",
                r.needs_review
            ));
        }
    }
    for (rule, citation) in e.trace_cites.iter().flatten() {
        if !r
            .trace
            .iter()
            .any(|t| &t.rule == rule && &t.citation == citation)
        {
            let got: Vec<_> = r.trace.iter().filter(|t| &t.rule == rule).collect();
            fail(format!("no trace step {rule} cites {citation}: {got:?}"));
        }
    }
    if e.no_review == Some(true) && !r.needs_review.is_empty() {
        fail(format!(
            "needs_review should be empty: {:?}",
            r.needs_review
        ));
    }
    errs
}

fn run_expectations(file: &str) -> usize {
    let dir = corpus();
    let text = std::fs::read_to_string(dir.join(file)).unwrap();
    let cases: BTreeMap<String, Expect> = toml::from_str(&text).unwrap();
    let mut errs = Vec::new();
    for (name, e) in &cases {
        let _ = &e.note;
        let fname = e.file.clone().unwrap_or_else(|| format!("{name}.toml"));
        let path = dir.join("systems").join(&fname);
        let src = std::fs::read_to_string(&path).unwrap_or_else(|_| panic!("missing {path:?}"));
        let fmt = if fname.ends_with(".json") {
            SourceFormat::Json
        } else {
            SourceFormat::Toml
        };
        let sys = parse_system(&src, fmt).unwrap_or_else(|err| panic!("{fname}: {err}"));
        let as_of: Date = match &e.as_of {
            Some(d) => d.parse().unwrap(),
            None => sys.as_of.expect("system file or expectation needs as_of"),
        };
        let r = triage(&sys, as_of);
        errs.extend(check(name, e, &r));
    }
    assert!(
        errs.is_empty(),
        "{} failures:\n{}",
        errs.len(),
        errs.join("\n")
    );
    cases.len()
}

#[test]
fn shared_examples() {
    assert!(run_expectations("expected.toml") >= 12);
}

#[test]
fn own_cases() {
    assert!(run_expectations("expected-own.toml") >= 60);
}

#[test]
fn every_system_file_has_an_expectation() {
    let dir = corpus();
    let mut names = Vec::new();
    for f in ["expected.toml", "expected-own.toml"] {
        let text = std::fs::read_to_string(dir.join(f)).unwrap();
        let cases: BTreeMap<String, Expect> = toml::from_str(&text).unwrap();
        for (n, e) in cases {
            names.push(e.file.unwrap_or(format!("{n}.toml")));
        }
    }
    for entry in std::fs::read_dir(dir.join("systems")).unwrap() {
        let n = entry.unwrap().file_name().into_string().unwrap();
        assert!(names.contains(&n), "{n} has no expectation");
    }
}
