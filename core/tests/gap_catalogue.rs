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
