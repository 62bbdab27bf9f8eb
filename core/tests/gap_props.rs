//! Property tests of the gap analysis.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "test helpers may panic on broken fixtures"
)]

mod gap_support;

use std::collections::BTreeMap;

use aimskit_core::aims::{AimsFile, ClauseEntry, ControlEntry, parse_aims};
use aimskit_core::gap::{GapResult, Severity, catalogue, gap};
use aimskit_core::system::{SourceFormat, SystemFile};
use proptest::prelude::*;

#[derive(Debug, Clone)]
struct Entry {
    maturity: Option<u8>,
    evidence: bool,
    applicable: bool,
    justified: bool,
}

fn entry() -> impl Strategy<Value = Option<Entry>> {
    prop::option::weighted(
        0.8,
        (
            prop::option::weighted(0.85, 0u8..=5),
            any::<bool>(),
            prop::bool::weighted(0.8),
            any::<bool>(),
        )
            .prop_map(|(maturity, evidence, applicable, justified)| Entry {
                maturity,
                evidence,
                applicable,
                justified,
            }),
    )
}

fn build(entries: &[Option<Entry>]) -> AimsFile {
    let mut a = AimsFile::new("Prop AG");
    a.scope = "All AI".into();
    for (item, e) in catalogue().items.iter().zip(entries) {
        let Some(e) = e else { continue };
        let evidence = if e.evidence {
            vec![format!("{} record", item.id)]
        } else {
            vec![]
        };
        if item.id.starts_with("A.") {
            a.controls.insert(
                item.id.clone(),
                ControlEntry {
                    applicable: e.applicable,
                    justification: if e.justified {
                        format!("reason for {}", item.id)
                    } else {
                        String::new()
                    },
                    maturity: e.maturity,
                    evidence,
                    ..ControlEntry::default()
                },
            );
        } else {
            a.clauses.insert(
                item.id.clone(),
                ClauseEntry {
                    maturity: e.maturity,
                    evidence,
                    ..ClauseEntry::default()
                },
            );
        }
    }
    a
}

fn inventory(which: u8) -> Vec<(String, SystemFile)> {
    let case = match which {
        0 => return Vec::new(),
        1 => "public-university/aims.toml",
        _ => "hr-tech-provider/aims.toml",
    };
    gap_support::load(&gap_support::corpus_dir().join(case))
        .unwrap()
        .1
}

fn all_scores(r: &GapResult) -> Vec<(String, f64)> {
    let mut v = vec![
        ("score".to_owned(), r.score),
        ("plan".to_owned(), r.pdca.plan),
        ("do".to_owned(), r.pdca.do_),
        ("check".to_owned(), r.pdca.check),
        ("act".to_owned(), r.pdca.act),
    ];
    v.extend(r.clause_scores.iter().map(|(k, x)| (k.clone(), *x)));
    v.extend(
        r.objective_scores
            .iter()
            .filter_map(|(k, x)| x.map(|x| (k.clone(), x))),
    );
    v
}

fn as_of() -> aimskit_core::Date {
    gap_support::date("2026-11-29")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn raising_maturity_with_evidence_never_lowers_a_score(
        entries in prop::collection::vec(entry(), 70),
        which in 0u8..3,
        pick in 0usize..70,
        raise in 1u8..=5,
    ) {
        let systems = inventory(which);
        let before = build(&entries);
        let mut after = before.clone();
        let id = &catalogue().items[pick].id;
        let evidence = vec!["new evidence".to_owned()];
        if id.starts_with("A.") {
            let e = after.controls.entry(id.clone()).or_default();
            e.maturity = Some(e.maturity.unwrap_or(0).saturating_add(raise).min(5));
            e.evidence = evidence;
        } else {
            let e = after.clauses.entry(id.clone()).or_default();
            e.maturity = Some(e.maturity.unwrap_or(0).saturating_add(raise).min(5));
            e.evidence = evidence;
        }
        let (r0, r1) = (gap(&before, &systems, as_of()), gap(&after, &systems, as_of()));
        let (s0, s1) = (all_scores(&r0), all_scores(&r1));
        prop_assert_eq!(s0.len(), s1.len());
        for ((k, a), (_, b)) in s0.iter().zip(&s1) {
            prop_assert!(b >= a, "raising {} lowered {}: {} -> {}", id, k, a, b);
        }
        for (_, x) in &s1 {
            prop_assert!((0.0..=100.0).contains(x));
        }
    }

    #[test]
    fn a_justified_exclusion_creates_no_nonconformity_unless_required(
        entries in prop::collection::vec(entry(), 70),
        which in 0u8..3,
        pick in 0usize..38,
    ) {
        let systems = inventory(which);
        let before = build(&entries);
        let control = catalogue().controls().nth(pick).unwrap().id.clone();
        let mut after = before.clone();
        let e = after.controls.entry(control.clone()).or_default();
        e.applicable = false;
        e.justification = "Not relevant to our AI systems (risk assessment RA-7)".into();
        let (r0, r1) = (gap(&before, &systems, as_of()), gap(&after, &systems, as_of()));
        // Nonconformities keyed by (ref, citation, system): a message may
        // change (e.g. a count), but no new nonconformity may appear.
        let key = |r: &GapResult| {
            let mut m: BTreeMap<(String, String, Option<String>), usize> = BTreeMap::new();
            for f in r.findings.iter().filter(|f| f.severity == Severity::Nonconformity) {
                *m.entry((f.ref_.clone(), f.citation.clone(), f.system.clone())).or_default() += 1;
            }
            m
        };
        let (old, new) = (key(&r0), key(&r1));
        let required = !r1.soa.iter().find(|r| r.control == control).unwrap().required_by.is_empty();
        for (k, n) in &new {
            if *n > old.get(k).copied().unwrap_or(0) {
                prop_assert!(required && k.0 == control,
                    "excluding {} with a justification created a nonconformity {:?}", control, k);
                prop_assert!(k.2.is_some() && k.1.contains("Art. "));
            }
        }
    }

    #[test]
    fn arbitrary_text_never_panics(text in ".{0,400}", json in any::<bool>()) {
        let fmt = if json { SourceFormat::Json } else { SourceFormat::Toml };
        if let Ok(a) = parse_aims(&text, fmt) {
            let _ = gap(&a, &[], as_of());
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    /// Mutations of real AIMS files (TOML and JSON): parse never panics, and
    /// whatever parses can be evaluated.
    #[test]
    fn mutated_aims_files_never_panic(
        case in 0usize..3,
        cuts in prop::collection::vec((0usize..4000, 0usize..12, "[\\[\\]{}\"=.,0-9a-zA-Z \n-]{0,8}"), 1..4),
    ) {
        let (path, fmt) = [
            ("public-university/aims.toml", SourceFormat::Toml),
            ("insurer-json/aims.json", SourceFormat::Json),
            ("hr-tech-provider/aims.toml", SourceFormat::Toml),
        ][case];
        let mut text: Vec<char> = std::fs::read_to_string(gap_support::corpus_dir().join(path)).unwrap().chars().collect();
        for (at, len, insert) in cuts {
            let at = at % (text.len() + 1);
            let end = (at + len).min(text.len());
            text.splice(at..end, insert.chars());
        }
        let text: String = text.into_iter().collect();
        if let Ok(a) = parse_aims(&text, fmt) {
            let r = gap(&a, &[], as_of());
            prop_assert!((0.0..=100.0).contains(&r.score));
        }
    }
}
