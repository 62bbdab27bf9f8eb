//! Pitfall detection. Texts are in `core/catalogue/pitfalls.toml`; the rules
//! are here. "Level" of an item: its maturity, 0 when the control is
//! excluded, unknown when not assessed. Rules (the spec's minimum for the
//! first four):
//!
//! - `risk_without_impact`: 6.1.2 or 8.2 at level >= 2, while 6.1.4, 8.4 or
//!   A.5.2 is at level <= 1 (or none of the three is assessed);
//! - `certificate_over_substance`: 5.2 or A.2.2 at level >= 3, while the mean
//!   level of 8.1-8.4 and 9.1-9.3.3 (not assessed = 0) is below 2, or none of
//!   them is evidenced;
//! - `certificate_as_ai_act_conformity`: `relies_on_certificate_for_ai_act`
//!   while the inventory has a high-risk or prohibited system or a GPAI model;
//! - `siloed_management_system`: a harmonised-structure certification listed
//!   but not in `integrated_with`;
//! - `no_ai_inventory`: `systems` is empty;
//! - `scope_undefined`: `scope` is blank;
//! - `roles_undetermined`: an AI system file declares no role;
//! - `boilerplate_soa`: all 38 controls declared applicable with at most one
//!   distinct justification;
//! - `annex_a_ignored`: more than half of the 38 controls are not in the SoA;
//! - `policy_only_evidence`: two or more of 7.2, 8.2, 8.3, 8.4, 9.2.2, 9.3.3
//!   claim maturity >= 3 without evidence;
//! - `monitoring_logging_gap`: a high-risk system, while A.6.2.6 or A.6.2.8 is
//!   at level <= 1;
//! - `supplier_certificate_reliance`: a system deployed but not provided by
//!   the organisation, while A.10.2 or A.10.3 is at level <= 1;
//! - `no_concern_channel`: the inventory is not empty and A.3.3 is at level <= 1;
//! - `no_ai_literacy`: an obligation cites Art. 4 while 7.2 or A.4.6 is at
//!   level <= 1;
//! - `impact_as_dpia_only`: a worksheet whose risks all concern only
//!   `privacy`, `private_life` or `data_protection`.

use super::catalogue::article_matches;
use super::eval::{Ctx, args};
use super::result::PitfallHit;
use crate::aims::HARMONISED_STRUCTURE;
use crate::i18n::Args;
use crate::triage::{GpaiStatus, Role, Tier};

/// Every pitfall ID, in reporting order.
pub const ALL: &[&str] = &[
    "certificate_as_ai_act_conformity",
    "risk_without_impact",
    "certificate_over_substance",
    "siloed_management_system",
    "no_ai_inventory",
    "scope_undefined",
    "roles_undetermined",
    "boilerplate_soa",
    "annex_a_ignored",
    "policy_only_evidence",
    "monitoring_logging_gap",
    "supplier_certificate_reliance",
    "no_concern_channel",
    "no_ai_literacy",
    "impact_as_dpia_only",
];

fn low(ctx: &Ctx, id: &str) -> bool {
    ctx.level(id).is_some_and(|m| m <= 1)
}

fn at_least(ctx: &Ctx, id: &str, n: u8) -> bool {
    ctx.level(id).is_some_and(|m| m >= n)
}

fn list(ids: &[&str]) -> String {
    ids.join(", ")
}

/// Returns the pitfalls found, each with why (`because`, locale key
/// `gap.p.<id>` with its arguments), in [`ALL`] order.
pub(crate) fn detect(ctx: &Ctx) -> Vec<PitfallHit> {
    let mut hits: Vec<(&str, String, Args)> = Vec::new();
    let systems = ctx.systems;
    let aims = ctx.aims;

    if aims.relies_on_certificate_for_ai_act {
        let names: Vec<&str> = systems
            .iter()
            .filter(|s| {
                matches!(s.triage.tier, Tier::HighRisk | Tier::Prohibited)
                    || s.triage.gpai != GpaiStatus::None
            })
            .map(|s| s.name.as_str())
            .collect();
        if !names.is_empty() {
            hits.push((
                "certificate_as_ai_act_conformity",
                format!("relies_on_certificate_for_ai_act = true, and the inventory has high-risk, prohibited or GPAI systems: {}", list(&names)),
                args([("systems", list(&names))]),
            ));
        }
    }
    let risk_ok = at_least(ctx, "6.1.2", 2) || at_least(ctx, "8.2", 2);
    let impact_ids = ["6.1.4", "8.4", "A.5.2"];
    let impact_low: Vec<&str> = impact_ids
        .iter()
        .copied()
        .filter(|id| low(ctx, id))
        .collect();
    let impact_unknown = impact_ids.iter().all(|id| ctx.level(id).is_none());
    if risk_ok && (!impact_low.is_empty() || impact_unknown) {
        let (why, why_key) = if impact_unknown {
            (
                "none of 6.1.4, 8.4, A.5.2 is assessed".to_owned(),
                "gap.p.why.impact_unassessed",
            )
        } else {
            (
                format!("{} at maturity <= 1", list(&impact_low)),
                "gap.p.why.impact_low",
            )
        };
        hits.push((
            "risk_without_impact",
            format!("AI risk assessment at maturity >= 2 (6.1.2/8.2), but {why}"),
            args([
                ("why_msg", why_key.to_owned()),
                ("items", list(&impact_low)),
            ]),
        ));
    }
    let ops = [
        "8.1", "8.2", "8.3", "8.4", "9.1", "9.2.1", "9.2.2", "9.3.1", "9.3.2", "9.3.3",
    ];
    if at_least(ctx, "5.2", 3) || at_least(ctx, "A.2.2", 3) {
        let sum: u32 = ops
            .iter()
            .map(|id| u32::from(ctx.level(id).unwrap_or(0)))
            .sum();
        let mean = f64::from(sum) / ops.len() as f64;
        let evidenced = ops
            .iter()
            .any(|id| ctx.item(id).is_some_and(|r| r.evidenced));
        if mean < 2.0 || !evidenced {
            let (why, why_key) = if evidenced {
                (
                    format!("mean maturity of clauses 8 and 9 is {mean:.1}"),
                    "gap.p.why.mean_low",
                )
            } else {
                (
                    "no item of clauses 8 and 9 is evidenced".into(),
                    "gap.p.why.unevidenced",
                )
            };
            hits.push((
                "certificate_over_substance",
                format!("AI policy at maturity >= 3 (5.2/A.2.2), but {why}"),
                args([
                    ("why_msg", why_key.to_owned()),
                    ("mean", format!("{mean:.1}")),
                ]),
            ));
        }
    }
    let siloed: Vec<&str> = aims
        .certifications
        .iter()
        .map(String::as_str)
        .filter(|c| {
            HARMONISED_STRUCTURE.contains(c) && !aims.integrated_with.iter().any(|i| i == c)
        })
        .collect();
    if !siloed.is_empty() {
        hits.push((
            "siloed_management_system",
            format!("certified to {} but not integrated with it", list(&siloed)),
            args([("certifications", list(&siloed))]),
        ));
    }
    if systems.is_empty() {
        hits.push((
            "no_ai_inventory",
            "the AIMS file lists no systems".into(),
            Args::new(),
        ));
    }
    if aims.scope.trim().is_empty() {
        hits.push(("scope_undefined", "`scope` is empty".into(), Args::new()));
    }
    let roleless: Vec<&str> = systems
        .iter()
        .zip(&ctx.declared_roles)
        .filter(|(s, roles)| roles.is_empty() && s.triage.tier != Tier::NotAiSystem)
        .map(|(s, _)| s.name.as_str())
        .collect();
    if !roleless.is_empty() {
        hits.push((
            "roles_undetermined",
            format!("no `roles` in: {}", list(&roleless)),
            args([("systems", list(&roleless))]),
        ));
    }
    let all_applicable = ctx
        .cat
        .controls()
        .all(|c| aims.controls.get(&c.id).is_some_and(|e| e.applicable));
    if all_applicable {
        // Filled by extend: collect() into a set sorts a vector first.
        let mut distinct = std::collections::BTreeSet::new();
        distinct.extend(
            aims.controls
                .values()
                .map(|e| e.justification.trim())
                .filter(|j| !j.is_empty()),
        );
        if distinct.len() <= 1 {
            hits.push((
                "boilerplate_soa",
                format!(
                    "all 38 controls applicable with {} distinct justification(s)",
                    distinct.len()
                ),
                args([("count", distinct.len().to_string())]),
            ));
        }
    }
    let absent = ctx
        .cat
        .controls()
        .filter(|c| !aims.controls.contains_key(&c.id))
        .count();
    if absent > 19 {
        hits.push((
            "annex_a_ignored",
            format!("{absent} of 38 controls are not in the SoA"),
            args([("count", absent.to_string())]),
        ));
    }
    let records = ["7.2", "8.2", "8.3", "8.4", "9.2.2", "9.3.3"];
    let unproven: Vec<&str> = records
        .iter()
        .copied()
        .filter(|id| {
            ctx.item(id)
                .is_some_and(|r| r.maturity.is_some_and(|m| m >= 3) && !r.evidenced)
        })
        .collect();
    if unproven.len() >= 2 {
        hits.push((
            "policy_only_evidence",
            format!("maturity >= 3 without evidence: {}", list(&unproven)),
            args([("items", list(&unproven))]),
        ));
    }
    let high_risk: Vec<&str> = systems
        .iter()
        .filter(|s| s.triage.tier == Tier::HighRisk)
        .map(|s| s.name.as_str())
        .collect();
    let mon: Vec<&str> = ["A.6.2.6", "A.6.2.8"]
        .into_iter()
        .filter(|id| low(ctx, id))
        .collect();
    if !high_risk.is_empty() && !mon.is_empty() {
        hits.push((
            "monitoring_logging_gap",
            format!(
                "high-risk systems ({}) while {} is excluded or at maturity <= 1",
                list(&high_risk),
                list(&mon)
            ),
            args([("systems", list(&high_risk)), ("items", list(&mon))]),
        ));
    }
    let third_party: Vec<&str> = systems
        .iter()
        .filter(|s| {
            s.triage.roles.contains(&Role::Deployer) && !s.triage.roles.contains(&Role::Provider)
        })
        .map(|s| s.name.as_str())
        .collect();
    let sup: Vec<&str> = ["A.10.2", "A.10.3"]
        .into_iter()
        .filter(|id| low(ctx, id))
        .collect();
    if !third_party.is_empty() && !sup.is_empty() {
        hits.push((
            "supplier_certificate_reliance",
            format!(
                "third-party systems ({}) while {} is excluded or at maturity <= 1",
                list(&third_party),
                list(&sup)
            ),
            args([("systems", list(&third_party)), ("items", list(&sup))]),
        ));
    }
    if !systems.is_empty() && low(ctx, "A.3.3") {
        hits.push((
            "no_concern_channel",
            "A.3.3 is excluded or at maturity <= 1".into(),
            Args::new(),
        ));
    }
    let literacy = systems.iter().any(|s| {
        s.triage
            .obligations
            .iter()
            .any(|o| o.articles.iter().any(|a| article_matches(a, "Art. 4")))
    });
    let lit: Vec<&str> = ["7.2", "A.4.6"]
        .into_iter()
        .filter(|id| low(ctx, id))
        .collect();
    if literacy && !lit.is_empty() {
        hits.push((
            "no_ai_literacy",
            format!(
                "the inventory carries Art. 4, while {} is at maturity <= 1",
                list(&lit)
            ),
            args([("items", list(&lit))]),
        ));
    }
    let dpia_only: Vec<&str> = systems
        .iter()
        .filter(|s| {
            !s.impact.risks.is_empty()
                && s.impact.risks.iter().all(|r| {
                    matches!(
                        r.right.as_str(),
                        "privacy" | "private_life" | "data_protection"
                    )
                })
        })
        .map(|s| s.name.as_str())
        .collect();
    if !dpia_only.is_empty() {
        hits.push((
            "impact_as_dpia_only",
            format!(
                "worksheets with privacy/data protection risks only: {}",
                list(&dpia_only)
            ),
            args([("systems", list(&dpia_only))]),
        ));
    }

    // Stable order by position in ALL (unknown IDs last): one pass per rank
    // instead of a stable sort (which adds a sort instantiation to the wasm).
    let rank = |id: &str| ALL.iter().position(|x| *x == id).unwrap_or(ALL.len());
    let mut slots: Vec<Option<_>> = hits.into_iter().map(Some).collect();
    let mut ordered = Vec::with_capacity(slots.len());
    for r in 0..=ALL.len() {
        for slot in &mut slots {
            if slot.as_ref().is_some_and(|(id, _, _)| rank(id) == r) {
                ordered.extend(slot.take());
            }
        }
    }
    ordered
        .into_iter()
        .map(|(id, because, args)| {
            let info = ctx.cat.pitfall(id);
            PitfallHit {
                id: id.to_owned(),
                title: info.map(|i| i.title.en.clone()).unwrap_or_default(),
                explanation: info.map(|i| i.explanation.en.clone()).unwrap_or_default(),
                what_to_do: info.map(|i| i.what_to_do.en.clone()).unwrap_or_default(),
                citation: info.map(|i| i.citation.clone()).unwrap_or_default(),
                because,
                key: format!("gap.p.{id}"),
                args,
            }
        })
        .collect()
}
