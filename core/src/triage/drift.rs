//! Drift: what changed between two triage results of the same system.
//!
//! "Compliance as code" keeps system files in a repository and triages them
//! in CI. A conclusion changes when the file changes, when the rule base is
//! updated (a new `rules_version`, e.g. after an amendment) or when time
//! passes (an obligation's `applies_from` is reached). [`drift`] compares an
//! earlier result (the accepted baseline, taken as written) with a new one
//! and lists the differences as typed [`Change`]s in a fixed order. It
//! compares conclusions, not texts: `as_of`, `trace` and obligation titles
//! are not compared.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::result::{GpaiStatus, Obligation, Review, Role, Tier, TriageResult};
use crate::Date;

/// One difference between a baseline result and a new result.
///
/// Serialised with a `change` tag, e.g.
/// `{"change": "tier", "from": "minimal", "to": "high_risk"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum Change {
    /// The rule base that produced the result changed.
    RulesVersion {
        /// The baseline's version.
        from: String,
        /// The new version.
        to: String,
    },
    /// The risk tier changed.
    Tier {
        /// The baseline's tier.
        from: Tier,
        /// The new tier.
        to: Tier,
    },
    /// Art. 5 practices that make it prohibited.
    Prohibited {
        /// Practices that now apply.
        added: Vec<String>,
        /// Practices that no longer apply.
        removed: Vec<String>,
    },
    /// The Art. 6(1)/(2) basis of high risk.
    HighRiskBasis {
        /// Bases that now apply.
        added: Vec<String>,
        /// Bases that no longer apply.
        removed: Vec<String>,
    },
    /// The Art. 6(3) conditions relied on.
    Derogation {
        /// Conditions now relied on.
        added: Vec<String>,
        /// Conditions no longer relied on.
        removed: Vec<String>,
    },
    /// The Art. 50 provisions that apply.
    Transparency {
        /// Provisions that now apply.
        added: Vec<String>,
        /// Provisions that no longer apply.
        removed: Vec<String>,
    },
    /// The GPAI status (Art. 51-55).
    Gpai {
        /// The baseline's status.
        from: GpaiStatus,
        /// The new status.
        to: GpaiStatus,
    },
    /// The effective roles after Art. 25.
    Roles {
        /// Roles now held.
        added: Vec<Role>,
        /// Roles no longer held.
        removed: Vec<Role>,
    },
    /// A duty (by `id` and `role`) that the baseline did not have.
    ObligationAdded(Obligation),
    /// A duty of the baseline that is gone.
    ObligationRemoved(Obligation),
    /// The articles cited for a duty changed.
    ObligationArticles {
        /// Obligation ID.
        id: String,
        /// The role that bears it.
        role: Role,
        /// The baseline's articles.
        from: Vec<String>,
        /// The new articles.
        to: Vec<String>,
    },
    /// The date a duty applies from moved.
    AppliesFromMoved {
        /// Obligation ID.
        id: String,
        /// The role that bears it.
        role: Role,
        /// Its articles (new result).
        articles: Vec<String>,
        /// The baseline's date.
        from: Date,
        /// The new date.
        to: Date,
    },
    /// A duty that did not apply on the baseline's date applies now.
    BecameApplicable(Obligation),
    /// A duty that applied on the baseline's date does not apply now (an
    /// earlier evaluation date or a date moved later).
    NoLongerApplicable(Obligation),
    /// A new `needs_review` point.
    ReviewAdded(Review),
    /// A `needs_review` point of the baseline that is gone.
    ReviewRemoved(Review),
    /// A `needs_review` point on the same field that now says something else.
    ReviewChanged {
        /// The field.
        field: String,
        /// The baseline's point.
        from: Review,
        /// The new point.
        to: Review,
    },
}

/// The changes from `old` (the baseline, taken as written) to `new`, in a
/// fixed order: rules version, tier, prohibited, high-risk basis,
/// derogation, transparency, GPAI, roles; then obligations by role (in
/// [`Role::ALL`] order) and, within a role, in the new result's order
/// followed by those only the old one has; then review points by field. Empty when the
/// conclusions are the same. Lists are compared as sets.
///
/// # Example
/// ```
/// use aimskit_core::system::{parse_system, SourceFormat};
/// use aimskit_core::triage::{drift, triage, Change, Tier};
/// let sys = parse_system(r#"
/// format = "aimskit-system/1"
/// name = "CV screener"
/// roles = ["deployer"]
/// established_in_eu = true
/// annex_iii = ["4.a"]
/// "#, SourceFormat::Toml).unwrap();
/// let before = triage(&sys, "2026-11-29".parse().unwrap());
/// let after = triage(&sys, "2028-01-01".parse().unwrap());
/// let changes = drift(&before, &after);
/// assert!(changes.iter().any(|c| matches!(c, Change::BecameApplicable(o) if o.id == "hr.deployer_use")));
/// assert!(drift(&after, &after).is_empty());
/// ```
pub fn drift(old: &TriageResult, new: &TriageResult) -> Vec<Change> {
    let mut out = Vec::new();
    if old.rules_version != new.rules_version {
        out.push(Change::RulesVersion {
            from: old.rules_version.clone(),
            to: new.rules_version.clone(),
        });
    }
    if old.tier != new.tier {
        out.push(Change::Tier {
            from: old.tier,
            to: new.tier,
        });
    }
    type Make = fn(Vec<String>, Vec<String>) -> Change;
    let lists: [(&[String], &[String], Make); 4] = [
        (&old.prohibited, &new.prohibited, |added, removed| {
            Change::Prohibited { added, removed }
        }),
        (
            &old.high_risk_basis,
            &new.high_risk_basis,
            |added, removed| Change::HighRiskBasis { added, removed },
        ),
        (&old.derogation, &new.derogation, |added, removed| {
            Change::Derogation { added, removed }
        }),
        (&old.transparency, &new.transparency, |added, removed| {
            Change::Transparency { added, removed }
        }),
    ];
    for (o, n, make) in lists {
        let (added, removed) = set_diff(o, n);
        if !added.is_empty() || !removed.is_empty() {
            out.push(make(added, removed));
        }
    }
    if old.gpai != new.gpai {
        out.push(Change::Gpai {
            from: old.gpai,
            to: new.gpai,
        });
    }
    let (added, removed) = set_diff(&old.roles, &new.roles);
    if !added.is_empty() || !removed.is_empty() {
        out.push(Change::Roles { added, removed });
    }
    obligations(&old.obligations, &new.obligations, &mut out);
    reviews(&old.needs_review, &new.needs_review, &mut out);
    out
}

/// Items of `new` not in `old` (in `new`'s order) and of `old` not in
/// `new` (in `old`'s order), without repeats.
fn set_diff<T: PartialEq + Clone>(old: &[T], new: &[T]) -> (Vec<T>, Vec<T>) {
    let mut added: Vec<T> = Vec::new();
    for x in new {
        if !old.contains(x) && !added.contains(x) {
            added.push(x.clone());
        }
    }
    let mut removed: Vec<T> = Vec::new();
    for x in old {
        if !new.contains(x) && !removed.contains(x) {
            removed.push(x.clone());
        }
    }
    (added, removed)
}

fn by_key(list: &[Obligation]) -> BTreeMap<(Role, &str), &Obligation> {
    let mut m = BTreeMap::new();
    for o in list {
        m.entry((o.role, o.id.as_str())).or_insert(o);
    }
    m
}

/// Obligation keys by role (in [`Role::ALL`] order); within a role, the
/// new result's order (the rule data's), then those only in the old one.
fn keys<'a>(old: &'a [Obligation], new: &'a [Obligation]) -> Vec<(Role, &'a str)> {
    let mut out: Vec<(Role, &str)> = Vec::new();
    for role in Role::ALL {
        for o in new.iter().chain(old).filter(|o| o.role == role) {
            let k = (o.role, o.id.as_str());
            if !out.contains(&k) {
                out.push(k);
            }
        }
    }
    out
}

fn obligations(old_list: &[Obligation], new_list: &[Obligation], out: &mut Vec<Change>) {
    let old = by_key(old_list);
    let new = by_key(new_list);
    for k in keys(old_list, new_list) {
        match (old.get(&k), new.get(&k)) {
            (Some(o), None) => out.push(Change::ObligationRemoved((*o).clone())),
            (None, Some(n)) => out.push(Change::ObligationAdded((*n).clone())),
            (Some(o), Some(n)) => {
                if o.articles != n.articles {
                    out.push(Change::ObligationArticles {
                        id: n.id.clone(),
                        role: n.role,
                        from: o.articles.clone(),
                        to: n.articles.clone(),
                    });
                }
                if o.applies_from != n.applies_from {
                    out.push(Change::AppliesFromMoved {
                        id: n.id.clone(),
                        role: n.role,
                        articles: n.articles.clone(),
                        from: o.applies_from,
                        to: n.applies_from,
                    });
                }
                match (o.applicable, n.applicable) {
                    (false, true) => out.push(Change::BecameApplicable((*n).clone())),
                    (true, false) => out.push(Change::NoLongerApplicable((*n).clone())),
                    _ => {}
                }
            }
            (None, None) => {}
        }
    }
}

/// Whether two review points (of one field) say the same: by locale key and arguments
/// when both have one (stable across wording updates), else by text.
fn same_review(a: &Review, b: &Review) -> bool {
    if a.field != b.field {
        return false;
    }
    if !a.key.is_empty() && !b.key.is_empty() {
        a.key == b.key && a.args == b.args
    } else {
        a.why == b.why
    }
}

fn reviews(old: &[Review], new: &[Review], out: &mut Vec<Change>) {
    let mut fields: Vec<&str> = old.iter().chain(new).map(|r| r.field.as_str()).collect();
    fields.sort_unstable();
    fields.dedup();
    for f in fields {
        let o: Vec<&Review> = old
            .iter()
            .filter(|r| r.field == f)
            .filter(|r| !new.iter().any(|n| same_review(r, n)))
            .collect();
        let n: Vec<&Review> = new
            .iter()
            .filter(|r| r.field == f)
            .filter(|r| !old.iter().any(|x| same_review(r, x)))
            .collect();
        if let ([o], [n]) = (o.as_slice(), n.as_slice()) {
            out.push(Change::ReviewChanged {
                field: f.to_owned(),
                from: (*o).clone(),
                to: (*n).clone(),
            });
            continue;
        }
        out.extend(o.into_iter().map(|r| Change::ReviewRemoved(r.clone())));
        out.extend(n.into_iter().map(|r| Change::ReviewAdded(r.clone())));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::system::{SourceFormat, parse_system};
    use crate::triage::triage;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    fn run(toml: &str, as_of: &str) -> TriageResult {
        let sys = parse_system(toml, SourceFormat::Toml).unwrap();
        triage(&sys, d(as_of))
    }

    const CV: &str = r#"
format = "aimskit-system/1"
name = "CV screener"
roles = ["deployer"]
established_in_eu = true
annex_iii = ["4.a"]
"#;

    fn obl(id: &str, role: Role, from: &str, applicable: bool) -> Obligation {
        Obligation {
            id: id.into(),
            role,
            articles: vec!["Art. 26".into()],
            applies_from: d(from),
            applicable,
            title: String::new(),
        }
    }

    #[test]
    fn same_result_has_no_drift_and_as_of_alone_is_no_change() {
        let a = run(CV, "2026-11-29");
        assert!(drift(&a, &a).is_empty());
        // Nothing reaches its date between these two days.
        let b = run(CV, "2026-11-30");
        assert_ne!(a.as_of, b.as_of);
        assert!(drift(&a, &b).is_empty(), "{:?}", drift(&a, &b));
    }

    #[test]
    fn rules_version_change_comes_first() {
        let a = run(CV, "2026-11-29");
        let mut old = a.clone();
        old.rules_version = "2026.01-initial".into();
        old.tier = Tier::Minimal;
        assert_eq!(
            drift(&old, &a)[..2],
            [
                Change::RulesVersion {
                    from: "2026.01-initial".into(),
                    to: a.rules_version.clone()
                },
                Change::Tier {
                    from: Tier::Minimal,
                    to: Tier::HighRisk
                }
            ]
        );
    }

    #[test]
    fn time_passing_makes_obligations_applicable_and_back() {
        let before = run(CV, "2026-11-29");
        let after = run(CV, "2028-01-01");
        let changes = drift(&before, &after);
        assert!(!changes.is_empty());
        // Only applicability moved: same tier, same duties, same dates.
        for c in &changes {
            match c {
                Change::BecameApplicable(o) => {
                    assert!(o.applicable);
                    assert!(o.applies_from > before.as_of && o.applies_from <= after.as_of);
                }
                other => panic!("unexpected {other:?}"),
            }
        }
        let ids: Vec<(Role, &str)> = changes
            .iter()
            .filter_map(|c| match c {
                Change::BecameApplicable(o) => Some((o.role, o.id.as_str())),
                _ => None,
            })
            .collect();
        let in_result: Vec<(Role, &str)> = after
            .obligations
            .iter()
            .filter(|o| o.applicable && o.applies_from > before.as_of)
            .map(|o| (o.role, o.id.as_str()))
            .collect();
        assert_eq!(ids, in_result, "obligations in the result's order");
        // Back in time: the same duties stop applying.
        let back = drift(&after, &before);
        assert_eq!(back.len(), changes.len());
        assert!(
            back.iter()
                .all(|c| matches!(c, Change::NoLongerApplicable(o) if !o.applicable))
        );
    }

    #[test]
    fn edited_file_changes_tier_basis_transparency_and_obligations() {
        let old = run(CV, "2028-01-01");
        // The same file, now a chatbot instead of a recruitment tool.
        let chat = CV.replace("annex_iii = [\"4.a\"]", "art50 = [\"50.1\"]");
        assert_ne!(chat, CV);
        let new = run(&chat, "2028-01-01");
        let changes = drift(&old, &new);
        assert_eq!(
            changes[0],
            Change::Tier {
                from: Tier::HighRisk,
                to: Tier::Limited
            }
        );
        assert_eq!(
            changes[1],
            Change::HighRiskBasis {
                added: vec![],
                removed: vec!["annex_iii:4.a".into()]
            }
        );
        assert!(
            changes
                .iter()
                .any(|c| matches!(c, Change::Transparency { added, removed } if added == &["50.1"] && removed.is_empty()))
        );
        assert!(
            changes
                .iter()
                .any(|c| matches!(c, Change::ObligationRemoved(o) if o.id == "hr.deployer_use"))
        );
        // Every obligation of the old result is either kept or removed.
        for o in &old.obligations {
            let kept = new
                .obligations
                .iter()
                .any(|n| n.id == o.id && n.role == o.role);
            let removed = changes.iter().any(
                |c| matches!(c, Change::ObligationRemoved(r) if r.id == o.id && r.role == o.role),
            );
            assert!(kept != removed, "{}", o.id);
        }
    }

    #[test]
    fn obligation_changes_by_id_and_role() {
        let mut old = run(CV, "2026-11-29");
        old.obligations = vec![
            obl("x.moved", Role::Deployer, "2027-08-02", false),
            obl("x.gone", Role::Deployer, "2026-08-02", true),
            obl("x.same", Role::Provider, "2026-08-02", true),
            obl("x.role", Role::Deployer, "2026-08-02", true),
        ];
        let mut new = old.clone();
        new.obligations = vec![
            obl("x.role", Role::Provider, "2026-08-02", true),
            obl("x.same", Role::Provider, "2026-08-02", true),
            obl("x.moved", Role::Deployer, "2026-10-01", true),
            obl("x.new", Role::Deployer, "2027-12-02", false),
        ];
        new.obligations[1].articles = vec!["Art. 16".into(), "Art. 17".into()];
        new.obligations[1].title = "a new title is not a change".into();
        let got = drift(&old, &new);
        // Provider before deployer; within a role the new order, then the
        // old-only ones in the old order.
        let want = vec![
            Change::ObligationAdded(new.obligations[0].clone()),
            Change::ObligationArticles {
                id: "x.same".into(),
                role: Role::Provider,
                from: vec!["Art. 26".into()],
                to: vec!["Art. 16".into(), "Art. 17".into()],
            },
            Change::AppliesFromMoved {
                id: "x.moved".into(),
                role: Role::Deployer,
                articles: vec!["Art. 26".into()],
                from: d("2027-08-02"),
                to: d("2026-10-01"),
            },
            Change::BecameApplicable(new.obligations[2].clone()),
            Change::ObligationAdded(new.obligations[3].clone()),
            Change::ObligationRemoved(old.obligations[1].clone()),
            Change::ObligationRemoved(old.obligations[3].clone()),
        ];
        assert_eq!(got, want);
    }

    #[test]
    fn lists_are_sets_and_roles_gpai_derogation_prohibited_are_compared() {
        let mut old = run(CV, "2026-11-29");
        let mut new = old.clone();
        new.high_risk_basis.reverse();
        new.high_risk_basis.push("annex_iii:4.a".into());
        assert!(
            drift(&old, &new).is_empty(),
            "order and repeats do not count"
        );
        old.prohibited = vec!["5.1.a".into()];
        new.prohibited = vec!["5.1.f".into()];
        old.derogation = vec!["6.3.a".into()];
        new.gpai = GpaiStatus::Gpai;
        new.roles = vec![Role::Provider, Role::Deployer];
        assert_eq!(
            drift(&old, &new),
            vec![
                Change::Prohibited {
                    added: vec!["5.1.f".into()],
                    removed: vec!["5.1.a".into()]
                },
                Change::Derogation {
                    added: vec![],
                    removed: vec!["6.3.a".into()]
                },
                Change::Gpai {
                    from: GpaiStatus::None,
                    to: GpaiStatus::Gpai
                },
                Change::Roles {
                    added: vec![Role::Provider],
                    removed: vec![]
                },
            ]
        );
    }

    #[test]
    fn review_points_by_field() {
        let mut old = run(CV, "2026-11-29");
        let mut new = old.clone();
        let keyed = |field: &str, key: &str, arg: &str| Review {
            field: field.into(),
            why: format!("why {arg}"),
            key: key.into(),
            args: [("a".to_owned(), arg.to_owned())].into_iter().collect(),
        };
        old.needs_review = vec![
            Review::plain("profiling", "p"),
            keyed("uses_subliminal", "review.k", "1"),
            keyed("annex_iii", "review.k", "1"),
        ];
        new.needs_review = vec![
            // Same key and args, other wording: the same point.
            Review {
                why: "reworded".into(),
                ..keyed("annex_iii", "review.k", "1")
            },
            keyed("uses_subliminal", "review.k", "2"),
            Review::plain("gpai.provider", "g"),
        ];
        assert_eq!(
            drift(&old, &new),
            vec![
                Change::ReviewAdded(new.needs_review[2].clone()),
                Change::ReviewRemoved(old.needs_review[0].clone()),
                Change::ReviewChanged {
                    field: "uses_subliminal".into(),
                    from: old.needs_review[1].clone(),
                    to: new.needs_review[1].clone(),
                },
            ]
        );
    }

    #[test]
    fn serialises_with_a_change_tag() {
        let c = Change::Tier {
            from: Tier::Minimal,
            to: Tier::HighRisk,
        };
        assert_eq!(
            serde_json::to_value(&c).unwrap(),
            serde_json::json!({"change": "tier", "from": "minimal", "to": "high_risk"})
        );
        let o = Change::BecameApplicable(obl("deployer.fria", Role::Deployer, "2027-12-02", true));
        let v = serde_json::to_value(&o).unwrap();
        assert_eq!(v["change"], "became_applicable");
        assert_eq!(v["id"], "deployer.fria");
        assert_eq!(v["role"], "deployer");
        assert_eq!(v["applies_from"], "2027-12-02");
        let back: Change = serde_json::from_value(v).unwrap();
        assert_eq!(back, o);
    }
}
