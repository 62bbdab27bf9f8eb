//! Invariants of the ISO/IEC 42001 catalogue data (core/catalogue/*.toml).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "test helpers may panic on broken fixtures"
)]

use std::collections::BTreeSet;

use aimskit_core::gap::{Catalogue, ItemKind, Pdca, catalogue};
use aimskit_core::i18n::Lang;

#[test]
fn loads_and_validates() {
    let cat = Catalogue::load().unwrap();
    let problems = cat.validate();
    assert!(
        problems.is_empty(),
        "catalogue problems:\n{}",
        problems.join("\n")
    );
    assert_eq!(catalogue(), &cat);
}

#[test]
fn has_32_clauses_and_38_controls_with_unique_ids() {
    let cat = catalogue();
    assert_eq!(cat.clauses().count(), 32);
    assert_eq!(cat.controls().count(), 38);
    let ids: BTreeSet<&str> = cat.items.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids.len(), 70);
    for id in ["4.1", "6.1.4", "7.5.3", "8.4", "9.3.3", "10.2"] {
        assert_eq!(cat.item(id).map(|i| i.kind), Some(ItemKind::Clause), "{id}");
    }
    for id in ["A.2.2", "A.5.2", "A.6.1.2", "A.6.2.8", "A.7.6", "A.10.4"] {
        assert_eq!(
            cat.item(id).map(|i| i.kind),
            Some(ItemKind::Control),
            "{id}"
        );
    }
    assert!(cat.item("A.5.1").is_none() && cat.item("8.5").is_none());
}

#[test]
fn every_pdca_phase_and_objective_is_populated() {
    let cat = catalogue();
    for p in Pdca::ALL {
        assert!(cat.clauses().any(|i| i.pdca == p), "no clause in {p:?}");
    }
    assert_eq!(cat.objectives.len(), 10);
    for o in &cat.objectives {
        assert!(cat.controls().any(|c| c.group == o.id), "{}", o.id);
    }
    // The spec's convention for clauses.
    for c in cat.clauses() {
        let expected = match c.group.as_str() {
            "4" | "5" | "6" => Pdca::Plan,
            "7" | "8" => Pdca::Do,
            "9" => Pdca::Check,
            _ => Pdca::Act,
        };
        assert_eq!(c.pdca, expected, "{}", c.id);
    }
}

#[test]
fn crosswalks_carry_provenance_and_ai_specific_items_are_marked() {
    let cat = catalogue();
    let a52 = cat.item("A.5.2").unwrap();
    let cw = cat.crosswalks(a52);
    assert!(cw.iter().any(|c| c.framework == "ai_act"
        && c.target == "Art. 27"
        && c.provenance == "aimskit editorial mapping"));
    assert!(cw.iter().any(|c| c.framework == "nist_ai_rmf"
        && c.target == "GOVERN 4.1"
        && c.provenance.contains("NIST/Microsoft")));
    assert!(cw.iter().all(|c| !c.provenance.is_empty()));
    // No 27001 counterpart for the new clauses and A.5.
    for id in ["6.1.4", "8.4", "A.5.2", "A.5.5"] {
        assert!(cat.item(id).unwrap().iso27001.is_empty(), "{id}");
        assert!(!cat.item(id).unwrap().structure.reusable(), "{id}");
    }
    assert!(cat.item("7.5.3").unwrap().structure.reusable());
    // The crosswalk gives no AI RMF reference for these (reference 5.3).
    for id in ["4.2", "6.3", "7.5.1", "7.5.2", "8.1"] {
        assert!(cat.item(id).unwrap().nist_ai_rmf.is_empty(), "{id}");
    }
}

#[test]
fn titles_have_german_and_fall_back_to_english() {
    let cat = catalogue();
    for i in &cat.items {
        assert!(
            i.title.translation(Lang::De).is_some_and(|d| !d.is_empty()),
            "{} lacks a German title",
            i.id
        );
        assert_ne!(i.requirement.get(Lang::Fr), i.requirement.en);
    }
    let only_en = aimskit_core::gap::Text::new("x", None, None, None);
    assert_eq!(only_en.get(Lang::It), "x");
    assert_eq!(
        cat.item("6.1.4").unwrap().title.get(Lang::De),
        "KI-Folgenabschätzung"
    );
}

#[test]
fn no_iso_sentence_is_copied() {
    // Spot-check: our paraphrases avoid the standard's modal "shall".
    for i in &catalogue().items {
        for t in [
            &i.requirement.en,
            &i.documented_information.en,
            &i.good_evidence.en,
        ] {
            assert!(!t.contains(" shall "), "{}: {t}", i.id);
        }
    }
}

#[test]
fn ids_and_groupings_are_exactly_those_of_the_standard() {
    // Clauses 4-10 (harmonised structure plus 6.1.4 and 8.4) and Annex A
    // (A.2-A.10, A.6 split into A.6.1 and A.6.2), in the standard's order.
    let cat = catalogue();
    let clauses: Vec<(&str, &str)> = cat
        .clauses()
        .map(|i| (i.id.as_str(), i.group.as_str()))
        .collect();
    let want_clauses: Vec<(&str, &str)> = [
        "4.1", "4.2", "4.3", "4.4", "5.1", "5.2", "5.3", "6.1.1", "6.1.2", "6.1.3", "6.1.4", "6.2",
        "6.3", "7.1", "7.2", "7.3", "7.4", "7.5.1", "7.5.2", "7.5.3", "8.1", "8.2", "8.3", "8.4",
        "9.1", "9.2.1", "9.2.2", "9.3.1", "9.3.2", "9.3.3", "10.1", "10.2",
    ]
    .iter()
    .map(|id| (*id, id.split('.').next().unwrap()))
    .collect();
    assert_eq!(clauses, want_clauses);
    let controls: Vec<(&str, &str)> = cat
        .controls()
        .map(|i| (i.id.as_str(), i.group.as_str()))
        .collect();
    let groups: [(&str, &[&str]); 10] = [
        ("A.2", &["A.2.2", "A.2.3", "A.2.4"]),
        ("A.3", &["A.3.2", "A.3.3"]),
        ("A.4", &["A.4.2", "A.4.3", "A.4.4", "A.4.5", "A.4.6"]),
        ("A.5", &["A.5.2", "A.5.3", "A.5.4", "A.5.5"]),
        ("A.6.1", &["A.6.1.2", "A.6.1.3"]),
        (
            "A.6.2",
            &[
                "A.6.2.2", "A.6.2.3", "A.6.2.4", "A.6.2.5", "A.6.2.6", "A.6.2.7", "A.6.2.8",
            ],
        ),
        ("A.7", &["A.7.2", "A.7.3", "A.7.4", "A.7.5", "A.7.6"]),
        ("A.8", &["A.8.2", "A.8.3", "A.8.4", "A.8.5"]),
        ("A.9", &["A.9.2", "A.9.3", "A.9.4"]),
        ("A.10", &["A.10.2", "A.10.3", "A.10.4"]),
    ];
    let want_controls: Vec<(&str, &str)> = groups
        .iter()
        .flat_map(|(g, ids)| ids.iter().map(move |id| (*id, *g)))
        .collect();
    assert_eq!(want_controls.len(), 38);
    assert_eq!(controls, want_controls);
    let objectives: Vec<&str> = cat.objectives.iter().map(|o| o.id.as_str()).collect();
    assert_eq!(objectives, groups.map(|(g, _)| g));
}
