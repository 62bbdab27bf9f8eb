//! The questions for the four optional fields beyond the spec
//! (docs/legal-notes.md, "Optional fields"): when they are asked, what the
//! form shows and how an answer is written.
//!
//! The spec's `unsure` list cannot name these fields, so "not sure" leaves
//! the field out: the triage then keeps the `needs_review` item that names it
//! and the form shows "not sure" again. Left out never reads as "no": for
//! `significant_change` and `for_public_authorities` the triage keeps the
//! unfavourable dates until the question is answered.

use std::collections::BTreeSet;

use super::{
    Answer, AnswerError, Question, QuestionId, has_role, is_unsure, maybe_annex_i, maybe_annex_iii,
    maybe_full_high_risk, settled, settled_deployer,
};
use crate::Date;
use crate::system::{Art50Exception, Art50Provision, FieldName as F, SystemFile, ValueChain};
use crate::triage::Role;

/// An optional system-file field that a question sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum OptionalField {
    /// `first_placed_on_market`: when this type and model was first placed on
    /// the EU market or put into service (Art. 111(2), 111(4)).
    FirstPlacedOnMarket,
    /// `significant_change`: its design changed significantly after the
    /// Chapter III date (Art. 111(2)).
    SignificantChange,
    /// `for_public_authorities`: intended to be used by public authorities
    /// (Art. 111(2) second sentence).
    ForPublicAuthorities,
    /// `public_crime_reporting`: available to the public to report a
    /// criminal offence (Art. 50(1)).
    PublicCrimeReporting,
}

impl OptionalField {
    /// The field's name in the system file.
    pub fn as_str(self) -> &'static str {
        match self {
            OptionalField::FirstPlacedOnMarket => "first_placed_on_market",
            OptionalField::SignificantChange => "significant_change",
            OptionalField::ForPublicAuthorities => "for_public_authorities",
            OptionalField::PublicCrimeReporting => "public_crime_reporting",
        }
    }
}

/// The system may be high-risk with the Chapter III regime (Annex III,
/// ticked or implied by an Art. 5 fact, or an Annex I Section A product), as
/// far as the answers so far tell.
fn maybe_high_risk(file: &SystemFile, answered: &BTreeSet<QuestionId>) -> bool {
    maybe_full_high_risk(file, answered)
}

/// The system may be generative under Art. 50(2) with the provider's marking
/// duty (the Art. 111(4) grace period depends on the placing date).
fn maybe_marking(file: &SystemFile, answered: &BTreeSet<QuestionId>) -> bool {
    let synthetic = file.art50.contains(&Art50Provision::Synthetic) || is_unsure(file, F::Art50);
    let excepted = settled(file, answered, F::Art50Exceptions)
        && file.art50_exceptions.iter().any(|e| {
            matches!(
                e,
                Art50Exception::Assistive | Art50Exception::LawEnforcement
            )
        });
    synthetic && !excepted && has_role(file, &[Role::Provider])
}

/// A substantial modification or a new intended purpose (Art. 25(1)(b)-(c))
/// is already a significant change in design.
fn changed_by_value_chain(file: &SystemFile) -> bool {
    file.value_chain
        .iter()
        .any(|v| matches!(v, ValueChain::B | ValueChain::C))
}

/// The placing date (if given) is before the latest Chapter III date that
/// may apply, so the Art. 111(2) transition may help.
fn maybe_legacy(file: &SystemFile) -> bool {
    let Some(placed) = file.first_placed_on_market else {
        return true;
    };
    let Ok(rules) = crate::triage::rules::built_in() else {
        return true;
    };
    let keys = [
        ("annex_iii", maybe_annex_iii(file)),
        ("annex_i", maybe_annex_i(file)),
    ];
    let latest: Option<Date> = keys
        .iter()
        .filter(|(_, maybe)| *maybe)
        .filter_map(|(key, _)| rules.date(key))
        .max();
    latest.is_none_or(|d| placed < d)
}

/// Whether the question for `field` matters given the answers so far (the
/// caller has already ruled out "outside the Act" and a settled prohibition).
pub(super) fn visible(
    field: OptionalField,
    file: &SystemFile,
    answered: &BTreeSet<QuestionId>,
) -> bool {
    match field {
        OptionalField::PublicCrimeReporting => {
            // An obvious interaction owes no Art. 50(1) notice either way.
            let obvious = settled(file, answered, F::Art50Exceptions)
                && file.art50_exceptions.contains(&Art50Exception::Obvious);
            file.art50_exceptions
                .contains(&Art50Exception::LawEnforcement)
                && (file.art50.contains(&Art50Provision::Interacts) || is_unsure(file, F::Art50))
                && !obvious
        }
        OptionalField::FirstPlacedOnMarket => {
            maybe_high_risk(file, answered) || maybe_marking(file, answered)
        }
        OptionalField::SignificantChange => {
            maybe_high_risk(file, answered) && !changed_by_value_chain(file) && maybe_legacy(file)
        }
        OptionalField::ForPublicAuthorities => {
            // A deployer that is a public body already counts as public use.
            let public_deployer = settled(file, answered, F::PublicBody)
                && file.public_body
                && settled_deployer(file, answered);
            maybe_high_risk(file, answered)
                && !changed_by_value_chain(file)
                && file.significant_change != Some(true)
                && maybe_legacy(file)
                && !public_deployer
        }
    }
}

/// What the form shows: a left-out field is "not sure" (the triage asks
/// for it).
pub(super) fn current(field: OptionalField, file: &SystemFile) -> Answer {
    match field {
        OptionalField::FirstPlacedOnMarket => match file.first_placed_on_market {
            Some(d) => Answer::Date(Some(d)),
            None => Answer::NotSure,
        },
        OptionalField::SignificantChange => flag(file.significant_change),
        OptionalField::ForPublicAuthorities => flag(file.for_public_authorities),
        OptionalField::PublicCrimeReporting => flag(file.public_crime_reporting),
    }
}

fn flag(value: Option<bool>) -> Answer {
    value.map_or(Answer::NotSure, Answer::Bool)
}

/// Writes `answer`; "not sure" (or an empty date) leaves the field out.
pub(super) fn apply(
    q: &Question,
    field: OptionalField,
    answer: &Answer,
    file: &mut SystemFile,
) -> Result<(), AnswerError> {
    use OptionalField as O;
    match (field, answer) {
        (O::FirstPlacedOnMarket, Answer::Date(d)) => file.first_placed_on_market = *d,
        (O::FirstPlacedOnMarket, Answer::NotSure) => file.first_placed_on_market = None,
        (O::SignificantChange, Answer::Bool(b)) => file.significant_change = Some(*b),
        (O::SignificantChange, Answer::NotSure) => file.significant_change = None,
        (O::ForPublicAuthorities, Answer::Bool(b)) => file.for_public_authorities = Some(*b),
        (O::ForPublicAuthorities, Answer::NotSure) => file.for_public_authorities = None,
        (O::PublicCrimeReporting, Answer::Bool(b)) => file.public_crime_reporting = Some(*b),
        (O::PublicCrimeReporting, Answer::NotSure) => file.public_crime_reporting = None,
        _ => return Err(AnswerError::WrongKind(q.id)),
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::tests::{ask, ids};
    use super::super::{QUESTIONS, apply, current, question, visible_questions};
    use super::*;
    use crate::system::{AnnexIiiPoint, NexusKind, to_json};
    use crate::triage::{Tier, triage};

    fn qn(id: &str) -> &'static Question {
        question(QuestionId::from_id(id).unwrap()).unwrap()
    }

    fn shown(file: &SystemFile, answered: &BTreeSet<QuestionId>) -> Vec<&'static str> {
        visible_questions(file, answered)
            .iter()
            .map(|q| q.id.as_str())
            .filter(|id| OPTIONAL.contains(id))
            .collect()
    }

    const OPTIONAL: [&str; 4] = [
        "first_placed_on_market",
        "significant_change",
        "for_public_authorities",
        "public_crime_reporting",
    ];

    fn date(s: &str) -> Date {
        s.parse().unwrap()
    }

    fn provider() -> SystemFile {
        let mut f = SystemFile::new("x");
        f.roles = vec![Role::Provider];
        f.established_in_eu = true;
        f.eu_nexus = vec![NexusKind::PlacedOnMarket];
        f
    }

    fn review_fields(f: &SystemFile, as_of: &str) -> Vec<String> {
        triage(f, date(as_of))
            .needs_review
            .into_iter()
            .map(|r| r.field)
            .collect()
    }

    #[test]
    fn each_optional_field_has_one_question_named_after_it() {
        let mut f = provider();
        f.first_placed_on_market = Some(date("2025-01-01"));
        f.significant_change = Some(true);
        f.for_public_authorities = Some(true);
        f.public_crime_reporting = Some(false);
        let json = to_json(&f);
        for id in OPTIONAL {
            let q = qn(id);
            assert_eq!(q.field.as_str(), id);
            assert_eq!(q.field.fact(), None, "{id} cannot be listed in unsure");
            assert!(json.contains(&format!("\"{id}\"")), "{id} is a file field");
            assert!(q.article.starts_with("Art. "));
        }
        assert_eq!(
            QUESTIONS
                .iter()
                .filter(|q| q.field.fact().is_none())
                .count(),
            4
        );
    }

    #[test]
    fn placing_questions_only_for_maybe_high_risk_or_generative_systems() {
        let mut f = provider();
        let mut a = BTreeSet::new();
        assert!(shown(&f, &a).is_empty(), "nothing ticked: nothing to ask");
        ask(&mut f, &mut a, "annex_iii", ids(&["4.a"]));
        assert_eq!(
            shown(&f, &a),
            [
                "first_placed_on_market",
                "significant_change",
                "for_public_authorities"
            ]
        );
        // A settled Art. 6(3) derogation without profiling: not high-risk.
        ask(&mut f, &mut a, "art6_3", ids(&["a"]));
        ask(&mut f, &mut a, "profiling", Answer::Bool(false));
        assert!(shown(&f, &a).is_empty(), "{:?}", shown(&f, &a));
        ask(&mut f, &mut a, "profiling", Answer::Bool(true));
        assert_eq!(shown(&f, &a).len(), 3);

        // Placed on or after the Annex III date: the transition cannot help.
        ask(
            &mut f,
            &mut a,
            "first_placed_on_market",
            Answer::Date(Some(date("2027-12-02"))),
        );
        assert_eq!(shown(&f, &a), ["first_placed_on_market"]);
        ask(
            &mut f,
            &mut a,
            "first_placed_on_market",
            Answer::Date(Some(date("2025-06-01"))),
        );
        assert_eq!(shown(&f, &a).len(), 3);
        // A significant change settles it; so does a substantial modification.
        ask(&mut f, &mut a, "significant_change", Answer::Bool(true));
        assert_eq!(
            shown(&f, &a),
            ["first_placed_on_market", "significant_change"]
        );
        ask(&mut f, &mut a, "significant_change", Answer::Bool(false));
        f.value_chain = vec![ValueChain::B];
        assert_eq!(shown(&f, &a), ["first_placed_on_market"]);

        // Generative (Art. 50(2)) provider: only the placing date matters.
        let mut g = provider();
        let mut a = BTreeSet::new();
        ask(&mut g, &mut a, "art50", ids(&["50.2"]));
        assert_eq!(shown(&g, &a), ["first_placed_on_market"]);
        ask(&mut g, &mut a, "art50_exceptions", ids(&["50.2.assistive"]));
        assert!(shown(&g, &a).is_empty(), "the marking duty is excepted");
        g.roles = vec![Role::Deployer];
        g.art50_exceptions.clear();
        assert!(shown(&g, &a).is_empty(), "a deployer does not mark output");
    }

    #[test]
    fn public_authorities_not_asked_of_a_public_body_deployer() {
        let mut f = provider();
        let mut a = BTreeSet::new();
        ask(&mut f, &mut a, "roles", ids(&["deployer"]));
        f.annex_iii = vec![AnnexIiiPoint::P5A];
        assert!(shown(&f, &a).contains(&"for_public_authorities"));
        ask(&mut f, &mut a, "public_body", Answer::Bool(true));
        // Until it is settled that the Act covers the deployer (Art. 2(1)(b),
        // 2(10)), the engine may not count it as a public deployer.
        assert!(shown(&f, &a).contains(&"for_public_authorities"));
        ask(&mut f, &mut a, "established_in_eu", Answer::Bool(true));
        let none = || ids(&[]);
        ask(&mut f, &mut a, "exclusions", none());
        assert!(!shown(&f, &a).contains(&"for_public_authorities"));
        let personal = ids(&["2.10"]);
        ask(&mut f, &mut a, "exclusions", personal);
        assert!(shown(&f, &a).contains(&"for_public_authorities"));
        ask(&mut f, &mut a, "exclusions", none());
        assert!(!shown(&f, &a).contains(&"for_public_authorities"));
        ask(&mut f, &mut a, "public_body", Answer::NotSure);
        assert!(shown(&f, &a).contains(&"for_public_authorities"));
    }

    #[test]
    fn crime_reporting_only_when_the_law_enforcement_exception_is_claimed() {
        let mut f = provider();
        let mut a = BTreeSet::new();
        ask(&mut f, &mut a, "art50", ids(&["50.1"]));
        assert!(shown(&f, &a).is_empty());
        ask(
            &mut f,
            &mut a,
            "art50_exceptions",
            ids(&["law_enforcement"]),
        );
        assert_eq!(shown(&f, &a), ["public_crime_reporting"]);
        assert_eq!(review_fields(&f, "2026-11-29"), ["public_crime_reporting"]);
        ask(&mut f, &mut a, "public_crime_reporting", Answer::Bool(true));
        let r = triage(&f, date("2026-11-29"));
        assert!(r.needs_review.is_empty());
        assert_eq!(
            r.tier,
            Tier::Limited,
            "Art. 50(1) applies despite the exception"
        );
        ask(&mut f, &mut a, "public_crime_reporting", Answer::NotSure);
        assert_eq!(f.public_crime_reporting, None);
        assert_eq!(current(qn("public_crime_reporting"), &f), Answer::NotSure);
        assert_eq!(review_fields(&f, "2026-11-29"), ["public_crime_reporting"]);
        // Only for Art. 50(1): an image generator does not ask it.
        ask(&mut f, &mut a, "art50", ids(&["50.2"]));
        assert!(!shown(&f, &a).contains(&"public_crime_reporting"));
    }

    #[test]
    fn not_sure_leaves_the_field_out_so_the_review_stays() {
        let mut f = provider();
        f.annex_iii = vec![AnnexIiiPoint::P4A];
        let mut a = BTreeSet::new();
        assert_eq!(review_fields(&f, "2028-01-15"), ["first_placed_on_market"]);
        ask(&mut f, &mut a, "first_placed_on_market", Answer::NotSure);
        ask(&mut f, &mut a, "significant_change", Answer::NotSure);
        ask(&mut f, &mut a, "for_public_authorities", Answer::NotSure);
        assert!(
            f.unsure.is_empty(),
            "the spec's unsure list cannot name them"
        );
        assert_eq!(f.first_placed_on_market, None);
        assert_eq!(
            (f.significant_change, f.for_public_authorities),
            (None, None)
        );
        for id in OPTIONAL {
            assert_eq!(current(qn(id), &f), Answer::NotSure, "{id} shows not sure");
        }
        assert_eq!(review_fields(&f, "2028-01-15"), ["first_placed_on_market"]);
        let json = to_json(&f);
        assert!(
            OPTIONAL.iter().all(|id| !json.contains(id)),
            "left out of the file: {json}"
        );
        let art16 = |f: &SystemFile| {
            triage(f, date("2028-01-15"))
                .obligations
                .iter()
                .find(|o| o.articles.iter().any(|x| x == "Art. 16"))
                .map(|o| o.applies_from)
        };

        // Placed before 2027-12-02, change not known: the normal date stays
        // and the review moves to significant_change.
        ask(
            &mut f,
            &mut a,
            "first_placed_on_market",
            Answer::Date(Some(date("2025-06-01"))),
        );
        assert_eq!(review_fields(&f, "2028-01-15"), ["significant_change"]);
        assert_eq!(art16(&f), Some(date("2027-12-02")));
        // No significant change, public use not known: the public-authority
        // date (Art. 111(2) second sentence) and a review on it.
        ask(&mut f, &mut a, "significant_change", Answer::Bool(false));
        assert_eq!(current(qn("significant_change"), &f), Answer::Bool(false));
        assert_eq!(review_fields(&f, "2028-01-15"), ["for_public_authorities"]);
        assert_eq!(art16(&f), Some(date("2030-08-02")));
        // Not for public authorities: exempt, nothing left to ask.
        ask(
            &mut f,
            &mut a,
            "for_public_authorities",
            Answer::Bool(false),
        );
        let r = triage(&f, date("2028-01-15"));
        assert!(r.needs_review.is_empty(), "{:?}", r.needs_review);
        assert_eq!(r.tier, Tier::HighRisk);
        assert_eq!(art16(&f), None);
        ask(&mut f, &mut a, "for_public_authorities", Answer::Bool(true));
        assert_eq!(art16(&f), Some(date("2030-08-02")));
        assert!(review_fields(&f, "2028-01-15").is_empty());
        // "Not sure" again: the field is left out and the review is back.
        ask(&mut f, &mut a, "for_public_authorities", Answer::NotSure);
        assert_eq!(f.for_public_authorities, None);
        assert_eq!(review_fields(&f, "2028-01-15"), ["for_public_authorities"]);
        // Clearing the date brings the placing-date review back.
        ask(&mut f, &mut a, "first_placed_on_market", Answer::Date(None));
        assert_eq!(review_fields(&f, "2028-01-15"), ["first_placed_on_market"]);
    }

    #[test]
    fn wrong_kinds_are_errors() {
        let mut f = provider();
        assert_eq!(
            apply(qn("first_placed_on_market"), &Answer::Bool(true), &mut f),
            Err(AnswerError::WrongKind(qn("first_placed_on_market").id))
        );
        assert_eq!(
            apply(qn("significant_change"), &Answer::Date(None), &mut f),
            Err(AnswerError::WrongKind(qn("significant_change").id))
        );
        assert_eq!(f, provider(), "nothing written");
    }
}
