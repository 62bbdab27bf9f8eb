//! The roadmap: ordered actions, most urgent first.
//!
//! Priority:
//! - `critical`: a prohibited system; or a gap on an item that an inventory
//!   obligation **already in force** requires;
//! - `high`: a gap on an item required by an obligation that applies later
//!   (e.g. Annex III duties from 2027-12-02); unjustified exclusions; the
//!   `certificate_as_ai_act_conformity` and `monitoring_logging_gap` pitfalls;
//! - `medium`: other clause gaps, unsure triage facts, other pitfalls;
//! - `low`: other control gaps.
//!
//! Order: priority, then due date (earliest first, none last), then standard
//! order of `ref`, then text. `due` is the earlier of the legal deadline
//! (today if already in force) and the AIMS file's own `due`. Where the
//! organisation holds ISO/IEC 27001, actions on items with a 27001 counterpart
//! suggest reusing the ISMS process.

use super::catalogue::{Item, ItemKind};
use super::eval::{Ctx, args, article_set, ref_key, sort_articles, sort_by_key};
use super::result::{PitfallHit, Priority, Requirement, RoadmapAction, Status};
use crate::Date;
use crate::i18n::Args;
use crate::triage::Tier;

fn legal(ctx: &Ctx, reqs: &[Requirement]) -> Option<(Priority, Date)> {
    let first = reqs.iter().map(|r| r.applies_from).min()?;
    if first <= ctx.as_of {
        Some((Priority::Critical, ctx.as_of))
    } else {
        Some((Priority::High, first))
    }
}

fn earliest(a: Option<Date>, b: Option<Date>) -> Option<Date> {
    match (a, b) {
        (Some(x), Some(y)) => Some(x.min(y)),
        (x, y) => x.or(y),
    }
}

/// "Art. 27 for \"A\", \"B\", applies from 2027-12-02; ..." (at most three
/// system names per article, then a count). `reqs` come grouped by system
/// (one entry per system and article), so no set is needed.
fn legal_text(reqs: &[Requirement]) -> String {
    sort_articles(article_set(reqs.iter()))
        .iter()
        .map(|a| {
            let mut names = Vec::new();
            let mut count = 0usize;
            let mut from: Option<Date> = None;
            for r in reqs.iter().filter(|r| &r.article == a) {
                count += 1;
                if names.len() < 3 {
                    names.push(format!("\"{}\"", r.system));
                }
                from = Some(from.map_or(r.applies_from, |d| d.min(r.applies_from)));
            }
            if count > 3 {
                names.push(format!("{} more systems", count - 3));
            }
            let from = from
                .map(|d| format!(", applies from {d}"))
                .unwrap_or_default();
            format!("{a} for {}{from}", names.join(", "))
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// The ISO/IEC 27001 reuse hint, its key and its `targets`.
fn reuse_hint(ctx: &Ctx, item: &Item) -> Option<(String, &'static str, String)> {
    let has_27001 = ctx.aims.certifications.iter().any(|c| c == "iso27001");
    if !has_27001 || item.iso27001.is_empty() {
        return None;
    }
    let targets = item.iso27001.join(", ");
    let (text, key) = match item.kind {
        ItemKind::Clause if item.structure.reusable() => (
            format!("Reuse your ISO/IEC 27001 process for clause {targets}, extended to AI."),
            "gap.hint.reuse_clause",
        ),
        ItemKind::Clause => (
            format!(
                "Build on your ISO/IEC 27001 clause {targets} process, adding the AI-specific parts."
            ),
            "gap.hint.build_clause",
        ),
        ItemKind::Control => (
            format!("Build on your ISO/IEC 27001 Annex A {targets} controls."),
            "gap.hint.build_control",
        ),
    };
    Some((text, key, targets))
}

/// The action on an item gap and its key (arguments `item`, `evidence`).
fn item_action(
    item: &Item,
    status: Status,
    maturity: Option<u8>,
    capped: bool,
) -> (String, &'static str) {
    let what = format!("{} ({})", item.id, item.title.en);
    match (status, maturity) {
        (Status::NotAssessed, _) => (
            format!("Assess {what} and record its maturity and evidence."),
            "gap.ra.assess",
        ),
        _ if capped => (
            format!("Complete the missing impact worksheets so that {what} can be met."),
            "gap.ra.complete_sheets",
        ),
        (_, Some(m)) if m >= 3 => (
            format!("Attach evidence for {what}: {}", item.good_evidence.en),
            "gap.ra.attach",
        ),
        _ => (
            format!(
                "Bring {what} to maturity 3 (defined) and keep evidence, for example: {}",
                item.good_evidence.en
            ),
            "gap.ra.bring",
        ),
    }
}

/// An action's and a reason's text with their keys and shared arguments.
struct Text {
    action: String,
    action_key: &'static str,
    because: String,
    because_key: &'static str,
    args: Args,
}

pub(crate) fn build(ctx: &Ctx, pitfalls: &[PitfallHit]) -> Vec<RoadmapAction> {
    let mut out: Vec<RoadmapAction> = Vec::new();
    let mut push = |ref_: &str, text: Text, priority: Priority, due: Option<Date>| {
        out.push(RoadmapAction {
            ref_: ref_.to_owned(),
            action: text.action,
            priority,
            due,
            because: text.because,
            action_key: text.action_key.to_owned(),
            because_key: text.because_key.to_owned(),
            args: text.args,
        });
    };

    for s in ctx
        .systems
        .iter()
        .filter(|s| s.triage.tier == Tier::Prohibited)
    {
        push(
            "Art. 5",
            Text {
                action: format!(
                    "Stop using, or withdraw, \"{}\": it is a prohibited practice.",
                    s.name
                ),
                action_key: "gap.ra.prohibited",
                because: format!(
                    "Prohibited under Art. 5 ({}); closes A.9.4.",
                    s.triage.prohibited.join(", ")
                ),
                because_key: "gap.rb.prohibited",
                args: args([
                    ("system", s.name.clone()),
                    ("practices", s.triage.prohibited.join(", ")),
                ]),
            },
            Priority::Critical,
            Some(ctx.as_of),
        );
    }
    // Art. 27: worksheets still to complete, then completed assessments
    // whose results are still to be notified (Art. 27(3)).
    let fria = (ctx.fria_gaps.iter().map(|g| (g, false)))
        .chain(ctx.fria_unnotified.iter().map(|g| (g, true)));
    for (g, notify) in fria {
        let (priority, due) = if g.in_force {
            (Priority::Critical, ctx.as_of)
        } else {
            (Priority::High, g.applies_from)
        };
        let (system, from) = (&g.system, g.applies_from);
        let (action, action_key, because, because_key) = if notify {
            (
                format!(
                    "Notify the market surveillance authority of the results of the fundamental rights impact assessment of \"{system}\" (AI Office template), and record the day as `notified` in its [impact] worksheet."
                ),
                "gap.ra.fria_notify",
                format!(
                    "Once the assessment is done, the deployer notifies its results (Art. 27(3), applies from {from}); closes A.8.5."
                ),
                "gap.rb.fria_notify",
            )
        } else {
            (
                format!(
                    "Complete the [impact] worksheet of \"{system}\" (processes, period, affected groups, risks, oversight, remedies) and notify the market surveillance authority."
                ),
                "gap.ra.fria",
                format!(
                    "A fundamental rights impact assessment is due before first use (Art. 27(1)(a)-(f), applies from {from}); closes 6.1.4, 8.4 and A.5."
                ),
                "gap.rb.fria",
            )
        };
        push(
            "Art. 27",
            Text {
                action,
                action_key,
                because,
                because_key,
                args: args([("system", system.clone()), ("date", from.to_string())]),
            },
            priority,
            Some(due),
        );
    }
    for item in &ctx.cat.items {
        let Some(r) = ctx.item(&item.id) else {
            continue;
        };
        let entry_due = match item.kind {
            ItemKind::Clause => ctx.aims.clauses.get(&item.id).and_then(|e| e.due),
            ItemKind::Control => ctx.aims.controls.get(&item.id).and_then(|e| e.due),
        };
        let reqs = ctx.required.get(&item.id).map(Vec::as_slice).unwrap_or(&[]);
        let legal = legal(ctx, reqs);
        if r.status == Status::NotApplicable {
            let entry = ctx.aims.controls.get(&item.id);
            if let Some((priority, date)) = legal {
                let legal = legal_text(reqs);
                push(
                    &item.id,
                    Text {
                        action: format!(
                            "Include {} ({}) in the Statement of Applicability and implement it.",
                            item.id, item.title.en
                        ),
                        action_key: "gap.ra.include",
                        because: format!(
                            "Excluded, but required by {legal}; closes a 6.1.3 nonconformity."
                        ),
                        because_key: "gap.rb.include",
                        args: args([("item", item.id.clone()), ("legal", legal)]),
                    },
                    priority,
                    Some(date),
                );
            } else if entry.is_none_or(|e| e.justification.trim().is_empty()) {
                push(
                    "6.1.3",
                    Text {
                        action: format!(
                            "Write the justification for excluding {} ({}) in the Statement of Applicability.",
                            item.id, item.title.en
                        ),
                        action_key: "gap.ra.justify",
                        because: format!(
                            "Every exclusion needs a reason (6.1.3); closes the nonconformity on {}.",
                            item.id
                        ),
                        because_key: "gap.rb.justify",
                        args: args([("item", item.id.clone()), ("id", item.id.clone())]),
                    },
                    Priority::High,
                    None,
                );
            }
            continue;
        }
        if r.status == Status::Met {
            continue;
        }
        let mut a = args([
            ("item", item.id.clone()),
            ("evidence", item.id.clone()),
            ("id", item.id.clone()),
            ("status", r.status.as_str().to_owned()),
        ]);
        let (priority, due, mut because) = match legal {
            Some((p, d)) => {
                let legal = legal_text(reqs);
                let because = format!("Required by {legal}.");
                a.insert("why_msg".into(), "gap.r.required".into());
                a.insert("legal".into(), legal);
                (p, earliest(Some(d), entry_due), because)
            }
            None => {
                let p = if item.kind == ItemKind::Clause {
                    Priority::Medium
                } else {
                    Priority::Low
                };
                let (why, key) = if item.kind == ItemKind::Clause {
                    (
                        "Clauses cannot be excluded: a gap is a potential nonconformity.",
                        "gap.r.clause",
                    )
                } else {
                    (
                        "Declared applicable (or not yet decided) in the SoA.",
                        "gap.r.control",
                    )
                };
                a.insert("why_msg".into(), key.into());
                (p, entry_due, why.to_owned())
            }
        };
        because.push_str(&format!(
            " Closes {} (status {}).",
            item.id,
            r.status.as_str()
        ));
        let (mut action, mut action_key) =
            item_action(item, r.status, r.maturity, r.capped.is_some());
        if let Some((h, hint_key, targets)) = reuse_hint(ctx, item) {
            action.push(' ');
            action.push_str(&h);
            a.insert("action_msg".into(), action_key.into());
            a.insert("hint_msg".into(), hint_key.into());
            a.insert("targets".into(), targets);
            action_key = "gap.ra.with_hint";
        }
        push(
            &item.id,
            Text {
                action,
                action_key,
                because,
                because_key: "gap.rb.item",
                args: a,
            },
            priority,
            due,
        );
    }
    for (s, uncovered) in ctx.systems.iter().zip(&ctx.uncovered) {
        if !s.triage.needs_review.is_empty() {
            let fields: Vec<&str> = s
                .triage
                .needs_review
                .iter()
                .map(|r| r.field.as_str())
                .collect();
            push(
                "4.1",
                Text {
                    action: format!("Settle the unsure facts of \"{}\": {}.", s.name, fields.join(", ")),
                    action_key: "gap.ra.review",
                    because: "The AI Act classification would change if they were answered the other way; closes 4.1 (roles and purpose).".into(),
                    because_key: "gap.rb.review",
                    args: args([("system", s.name.clone()), ("fields", fields.join(", "))]),
                },
                Priority::Medium,
                None,
            );
        }
        if !uncovered.is_empty() {
            let from = s
                .triage
                .obligations
                .iter()
                .filter(|o| o.articles.iter().any(|a| uncovered.contains(a)))
                .map(|o| o.applies_from)
                .min();
            let (priority, due) = match from {
                Some(d) if d <= ctx.as_of => (Priority::Critical, Some(ctx.as_of)),
                Some(d) => (Priority::High, Some(d)),
                None => (Priority::Medium, None),
            };
            push(
                uncovered.first().map(String::as_str).unwrap_or("4.2"),
                Text {
                    action: format!("Plan the AI Act duties of \"{}\" that the AIMS does not cover: {}.", s.name, uncovered.join(", ")),
                    action_key: "gap.ra.uncovered",
                    because: "ISO/IEC 42001 is not a harmonised standard; these per-system duties need their own plan (4.2).".into(),
                    because_key: "gap.rb.uncovered",
                    args: args([("system", s.name.clone()), ("articles", uncovered.join(", "))]),
                },
                priority,
                due,
            );
        }
    }
    for h in pitfalls {
        let priority = match h.id.as_str() {
            "certificate_as_ai_act_conformity" | "monitoring_logging_gap" => Priority::High,
            _ => Priority::Medium,
        };
        let mut a = h.args.clone();
        a.insert("pitfall".into(), h.id.clone());
        a.insert("pitfall_todo".into(), h.id.clone());
        a.insert("pitfall_msg".into(), h.key.clone());
        push(
            pitfall_ref(&h.id),
            Text {
                action: h.what_to_do.clone(),
                action_key: "gap.ra.pitfall",
                because: format!("Pitfall `{}`: {}.", h.id, h.because),
                because_key: "gap.rb.pitfall",
                args: a,
            },
            priority,
            None,
        );
    }
    let cat = ctx.cat;
    // Ties keep generation order (catalogue order, then inventory order):
    // the sort is stable and the key cheap.
    // (priority, no due date, due date, position, article number), packed
    // in that order.
    sort_by_key(&mut out, |a| {
        (a.priority as u128) << 104
            | u128::from(a.due.is_none()) << 96
            | u128::from(a.due.map_or(0, Date::sort_key)) << 64
            | ref_key(cat, &a.ref_)
    });
    out
}

/// The item a pitfall's action closes.
fn pitfall_ref(id: &str) -> &'static str {
    match id {
        "risk_without_impact" => "6.1.4",
        "certificate_over_substance" => "9.1",
        "certificate_as_ai_act_conformity" => "4.2",
        "siloed_management_system" => "4.4",
        "no_ai_inventory" => "A.4.2",
        "scope_undefined" => "4.3",
        "roles_undetermined" => "4.1",
        "boilerplate_soa" | "annex_a_ignored" => "6.1.3",
        "policy_only_evidence" => "7.5.1",
        "monitoring_logging_gap" => "A.6.2.8",
        "supplier_certificate_reliance" => "A.10.3",
        "no_concern_channel" => "A.3.3",
        "no_ai_literacy" => "7.2",
        "impact_as_dpia_only" => "A.5.4",
        _ => "4.4",
    }
}
