//! `needs_review`: what would change if an `unsure` fact were answered the
//! other way.
//!
//! - A boolean is flipped.
//! - A non-empty list is evaluated without each of its items in turn; every
//!   item whose removal changes the outcome is reported. A list of two or
//!   more items is also evaluated empty ("none of them applies"), reported
//!   when that changes the outcome in a way no single removal already said.
//! - An empty list is evaluated with each known ID added in turn; the most
//!   consequential change is reported with that ID as the example.
//! - `gpai.training_flops` is moved across the 10^25 FLOP threshold;
//!   `gpai.placed_before` is toggled between "before 2025-08-02" and "not".
//!
//! - Fields that change nothing alone are also evaluated in pairs, both
//!   answered the other way as a whole (see `pairs`).
//!
//! The outcome compared is the tier, the transparency list, the GPAI status
//! and the obligations (by role and ID; a different date is said as such),
//! as the contract lists them. The prohibited practices and the high-risk
//! basis are named when one of those changes; alone they count only where
//! an Annex I Section A product enters or leaves the basis (the Art. 43(3)
//! conformity route, which the obligations do not show).

use super::eval::{SYSTEMIC_FLOPS, evaluate};
use super::result::{Review, Tier, TriageResult};
use super::rules::Rules;
use crate::Date;
use crate::i18n::Args;
use crate::system::{FieldName as F, GpaiFacts, SpecId, SystemFile};

/// One alternative answer: a phrase completing "If ...", its locale
/// arguments (`cond_msg` and what it needs; empty if the phrase has no key)
/// and the changed file.
struct Alt {
    phrase: String,
    args: Args,
    sys: SystemFile,
}

/// What changed: a score, the English text, the part keys and their arguments.
struct Change {
    score: u8,
    text: String,
    parts: Vec<&'static str>,
    args: Args,
}

fn arg(args: &mut Args, name: &str, value: impl Into<String>) {
    args.insert(name.to_owned(), value.into());
}

pub(crate) fn review(
    rules: &Rules,
    sys: &SystemFile,
    as_of: Date,
    base: &TriageResult,
) -> Vec<Review> {
    let mut out: Vec<Review> = Vec::new();
    let mut seen: Vec<F> = Vec::new();
    let mut silent: Vec<F> = Vec::new();
    for &field in &sys.unsure {
        if seen.contains(&field) {
            continue;
        }
        seen.push(field);
        let (alts, pick_best) = alternatives(rules, sys, field);
        let before = out.len();
        let mut best: Option<(u8, Review)> = None;
        let mut said: Vec<String> = Vec::new();
        for alt in alts {
            let (r, _) = evaluate(rules, &alt.sys, as_of);
            let Some(mut change) = consequence(base, &r) else {
                continue;
            };
            legacy_part(rules, base, &r, &mut change);
            // The same consequence once per field (e.g. "none applied" when
            // removing the only relevant item already says it).
            if said.contains(&change.text) {
                continue;
            }
            said.push(change.text.clone());
            let mut item = Review::plain(
                field.as_str(),
                format!("If {}, {}.", alt.phrase, change.text),
            );
            if !alt.args.is_empty() {
                item.key = "review.why".to_owned();
                item.args = alt.args;
                item.args.extend(change.args);
                arg(&mut item.args, "parts", change.parts.join(","));
            }
            if pick_best {
                if best.as_ref().is_none_or(|(s, _)| change.score > *s) {
                    best = Some((change.score, item));
                }
            } else {
                out.push(item);
            }
        }
        if let Some((_, item)) = best {
            out.push(item);
        }
        if out.len() == before {
            silent.push(field);
        }
    }
    out.extend(pairs(rules, sys, as_of, base, &silent));
    out
}

/// Two unsure facts that each change nothing alone may together (a
/// deployer unsure both whether it is established in the EU and whether
/// the system is used there: either link keeps it in scope, Art. 2(1)(b)).
/// Each pair of such fields is evaluated with both answered the other way
/// (a boolean flipped, a non-empty list emptied; an empty list has no
/// single other answer and is left out); a change is reported once, on
/// the first field of the pair.
fn pairs(
    rules: &Rules,
    sys: &SystemFile,
    as_of: Date,
    base: &TriageResult,
    silent: &[F],
) -> Vec<Review> {
    let mut out = Vec::new();
    for (i, &f1) in silent.iter().enumerate() {
        for &f2 in &silent[i + 1..] {
            let Some((s1, p1, k1)) = other_way(rules, sys, f1) else {
                continue;
            };
            let Some((s2, p2, k2)) = other_way(rules, &s1, f2) else {
                continue;
            };
            let (r, _) = evaluate(rules, &s2, as_of);
            let Some(mut change) = consequence(base, &r) else {
                continue;
            };
            legacy_part(rules, base, &r, &mut change);
            let mut item = Review::plain(
                f1.as_str(),
                format!(
                    "If {p1} and {p2} (each alone changes nothing), {}.",
                    change.text
                ),
            );
            if let (Some(k1), Some(k2)) = (k1, k2) {
                item.key = "review.why_both".to_owned();
                item.args = change.args;
                arg(&mut item.args, "cond_msg", k1);
                arg(&mut item.args, "cond2_msg", k2);
                arg(&mut item.args, "parts", change.parts.join(","));
            }
            out.push(item);
        }
    }
    out
}

/// `field` answered the other way as a whole: a boolean flipped, the
/// GPAI compute or placing date moved across its threshold, a non-empty
/// list emptied (`None` for an empty list). Returns the changed file, the
/// English phrase and its locale key.
fn other_way(
    rules: &Rules,
    sys: &SystemFile,
    field: F,
) -> Option<(SystemFile, String, Option<String>)> {
    let (mut alts, empty_list) = alternatives(rules, sys, field);
    if empty_list {
        // An empty list: every ID is an alternative, none is "the" other answer.
        return None;
    }
    let is_list = rules
        .field(field.as_str())
        .is_some_and(|f| f.none.is_some());
    let alt = alts.pop()?;
    if is_list {
        let none = rules.field(field.as_str()).and_then(|f| f.none.clone())?;
        let mut s = alt.sys;
        clear_list(&mut s, field);
        return Some((s, none, Some(format!("review.none.{}", field.as_str()))));
    }
    let key = alt.args.get("cond_msg").cloned();
    Some((alt.sys, alt.phrase, key))
}

/// Empties the list field `field` (a no-op for other fields).
fn clear_list(s: &mut SystemFile, field: F) {
    match field {
        F::Roles => s.roles.clear(),
        F::EuNexus => s.eu_nexus.clear(),
        F::Exclusions => s.exclusions.clear(),
        F::Art5 => s.art5.clear(),
        F::Art5Exceptions => s.art5_exceptions.clear(),
        F::AnnexI => s.annex_i.clear(),
        F::AnnexIii => s.annex_iii.clear(),
        F::Art6_3 => s.art6_3.clear(),
        F::Art50 => s.art50.clear(),
        F::Art50Exceptions => s.art50_exceptions.clear(),
        F::ValueChain => s.value_chain.clear(),
        _ => {}
    }
}

/// The Art. 111(2) fields the evaluator left open (`significant_change`,
/// `for_public_authorities`: optional, so they cannot be listed in
/// `unsure`). The evaluator keeps the unfavourable dates and flags the
/// field; here the favourable answer is evaluated and what it would change
/// is added to the flag (key `<flag key>.then`), as for `unsure` facts.
pub(crate) fn open_fields(
    rules: &Rules,
    sys: &SystemFile,
    as_of: Date,
    base: &TriageResult,
    flags: Vec<Review>,
) -> Vec<Review> {
    flags
        .into_iter()
        .map(|flag| {
            let mut alt = sys.clone();
            match flag.key.as_str() {
                "review.flag.legacy_change_unknown" => {
                    alt.significant_change = Some(false);
                    alt.for_public_authorities.get_or_insert(false);
                }
                "review.flag.legacy_public_unknown" => alt.for_public_authorities = Some(false),
                _ => return flag,
            }
            let (r, _) = evaluate(rules, &alt, as_of);
            let Some(change) = consequence(base, &r) else {
                return flag;
            };
            let mut item = flag;
            item.key.push_str(".then");
            item.args.extend(change.args);
            arg(&mut item.args, "parts", change.parts.join(","));
            item.why = crate::i18n::review_message(crate::i18n::Lang::En, &item.key, &item.args);
            item
        })
        .collect()
}

/// Names Art. 111(2) when the other answer changes the obligations because
/// the transitional rule for legacy high-risk systems would (or would no
/// longer) apply: exempt until a significant change, or every high-risk
/// duty from the public-authority date. The obligation lists alone said
/// what changed but not why, and duties added by the public-authority rule
/// did not say from when.
fn legacy_part(rules: &Rules, base: &TriageResult, alt: &TriageResult, change: &mut Change) {
    let fired =
        |r: &TriageResult, ids: &[&str]| r.trace.iter().any(|t| ids.contains(&t.rule.as_str()));
    let exempt = ["high_risk.legacy.exempt"];
    let public = ["high_risk.legacy.public", "high_risk.legacy.public_unknown"];
    let obligations = change
        .parts
        .iter()
        .any(|k| k.starts_with("review.p.obligations"));
    if !obligations {
        return;
    }
    if fired(alt, &exempt) && !fired(base, &exempt) {
        change.parts.push("review.p.legacy_exempt");
        change.text.push_str(
            "; under Art. 111(2) (a high-risk system already on the market whose design has not changed significantly) it would have no high-risk obligations until such a change",
        );
    } else if fired(alt, &public) && !fired(base, &public) {
        let Some(d) = rules.date("high_risk_public_authorities") else {
            return;
        };
        // The generic "added from" part says the same date: keep one.
        if let Some(i) = change
            .parts
            .iter()
            .position(|k| *k == "review.p.added_from")
        {
            change.parts.remove(i);
            if let Some(cut) = change
                .text
                .rfind("; the added obligations would apply from")
            {
                change.text.truncate(cut);
            }
        }
        arg(&mut change.args, "public_date", d.to_string());
        change.parts.push("review.p.legacy_public");
        change.text.push_str(&format!(
            "; under Art. 111(2) (a system already on the market, intended to be used by public authorities) its high-risk obligations would apply from {d}"
        ));
    }
}

/// The phrase for `field` answered `value`, and its locale arguments.
fn phrase(rules: &Rules, field: &str, value: bool) -> (String, Args) {
    let f = rules.field(field);
    let p = if value {
        f.and_then(|f| f.yes.clone())
    } else {
        f.and_then(|f| f.no.clone())
    };
    let mut args = Args::new();
    match p {
        Some(p) => {
            let side = if value { "yes" } else { "no" };
            arg(&mut args, "cond_msg", format!("review.{side}.{field}"));
            (p, args)
        }
        None => (format!("`{field}` were {value}"), args),
    }
}

fn flip(
    rules: &Rules,
    sys: &SystemFile,
    field: &str,
    get: fn(&mut SystemFile) -> &mut bool,
) -> Vec<Alt> {
    let mut s = sys.clone();
    let v = get(&mut s);
    *v = !*v;
    let (phrase, args) = phrase(rules, field, *v);
    vec![Alt {
        phrase,
        args,
        sys: s,
    }]
}

/// The English label of a list ID and the `id`/`label`/`label_key` message
/// arguments that let front ends show it in another language.
fn id_label(rules: &Rules, field: &str, id: &str) -> (String, Args) {
    let label = rules
        .id(field, id)
        .map(|d| d.label.clone())
        .unwrap_or_default();
    let mut args = Args::new();
    arg(&mut args, "id", id);
    arg(&mut args, "label", label.clone());
    arg(&mut args, "label_key", format!("opt.{field}.{id}"));
    (label, args)
}

fn list<T: SpecId>(
    rules: &Rules,
    sys: &SystemFile,
    get: fn(&mut SystemFile) -> &mut Vec<T>,
) -> (Vec<Alt>, bool) {
    let field = T::FIELD;
    let mut probe = sys.clone();
    let current = get(&mut probe).clone();
    let f = rules.field(field);
    if current.is_empty() {
        let some_data = f.and_then(|f| f.some.clone());
        let has_key = some_data.is_some();
        let some = some_data.unwrap_or_else(|| format!("`{field}` were not empty"));
        let alts = T::all()
            .iter()
            .map(|id| {
                let mut s = sys.clone();
                get(&mut s).push(*id);
                let (label, id_args) = id_label(rules, field, id.as_str());
                let mut args = Args::new();
                if has_key {
                    args = id_args;
                    arg(&mut args, "cond_msg", "review.c.example");
                    arg(&mut args, "some_msg", format!("review.some.{field}"));
                }
                Alt {
                    phrase: format!("{some} (e.g. `{}`: {label})", id.as_str()),
                    args,
                    sys: s,
                }
            })
            .collect();
        (alts, true)
    } else {
        let mut alts: Vec<Alt> = current
            .iter()
            .map(|id| {
                let mut s = sys.clone();
                get(&mut s).retain(|x| x != id);
                let (label, mut args) = id_label(rules, field, id.as_str());
                arg(&mut args, "cond_msg", "review.c.without");
                Alt {
                    phrase: format!("`{}` ({label}) did not apply", id.as_str()),
                    args,
                    sys: s,
                }
            })
            .collect();
        // The whole list is unsure: none of its items may apply, which can
        // matter when each item alone is redundant (two Art. 6(3)
        // conditions, two exclusions).
        if current.len() > 1 {
            let mut s = sys.clone();
            get(&mut s).clear();
            let none = f.and_then(|f| f.none.clone());
            let mut args = Args::new();
            if none.is_some() {
                arg(&mut args, "cond_msg", format!("review.none.{field}"));
            }
            alts.push(Alt {
                phrase: none.unwrap_or_else(|| format!("`{field}` were empty")),
                args,
                sys: s,
            });
        }
        (alts, false)
    }
}

fn gpai_mut(s: &mut SystemFile) -> &mut GpaiFacts {
    s.gpai.get_or_insert_with(GpaiFacts::default)
}

fn alternatives(rules: &Rules, sys: &SystemFile, field: F) -> (Vec<Alt>, bool) {
    let name = field.as_str();
    let one = |alts: Vec<Alt>| (alts, false);
    match field {
        F::Roles => list(rules, sys, |s| &mut s.roles),
        F::EstablishedInEu => one(flip(rules, sys, name, |s| &mut s.established_in_eu)),
        F::EuNexus => list(rules, sys, |s| &mut s.eu_nexus),
        F::PublicBody => one(flip(rules, sys, name, |s| &mut s.public_body)),
        F::PublicService => one(flip(rules, sys, name, |s| &mut s.public_service)),
        F::WorkplaceUse => one(flip(rules, sys, name, |s| &mut s.workplace_use)),
        F::AiSystem => one(flip(rules, sys, name, |s| &mut s.ai_system)),
        F::Exclusions => list(rules, sys, |s| &mut s.exclusions),
        F::Art5 => list(rules, sys, |s| &mut s.art5),
        F::Art5Exceptions => list(rules, sys, |s| &mut s.art5_exceptions),
        F::AnnexI => list(rules, sys, |s| &mut s.annex_i),
        F::AnnexIThirdParty => one(flip(rules, sys, name, |s| &mut s.annex_i_third_party)),
        F::AnnexIii => list(rules, sys, |s| &mut s.annex_iii),
        F::Art6_3 => list(rules, sys, |s| &mut s.art6_3),
        F::Profiling => one(flip(rules, sys, name, |s| &mut s.profiling)),
        F::Art50 => list(rules, sys, |s| &mut s.art50),
        F::Art50Exceptions => list(rules, sys, |s| &mut s.art50_exceptions),
        F::ValueChain => list(rules, sys, |s| &mut s.value_chain),
        F::GpaiProvider => one(flip(rules, sys, name, |s| &mut gpai_mut(s).provider)),
        F::GpaiDesignated => one(flip(rules, sys, name, |s| &mut gpai_mut(s).designated)),
        F::GpaiOpenSource => one(flip(rules, sys, name, |s| &mut gpai_mut(s).open_source)),
        F::GpaiTrainingFlops => {
            let mut s = sys.clone();
            let g = gpai_mut(&mut s);
            let above = g.training_flops > SYSTEMIC_FLOPS;
            g.training_flops = if above {
                SYSTEMIC_FLOPS
            } else {
                SYSTEMIC_FLOPS * 10.0
            };
            let (phrase, args) = phrase(rules, name, !above);
            one(vec![Alt {
                phrase,
                args,
                sys: s,
            }])
        }
        F::GpaiPlacedBefore => {
            let mut s = sys.clone();
            let cut = rules.date("gpai");
            let g = gpai_mut(&mut s);
            let before = matches!((g.placed_before, cut), (Some(p), Some(c)) if p < c);
            g.placed_before = if before {
                None
            } else {
                cut.and_then(|c| c.add_days(-1))
            };
            let (phrase, args) = phrase(rules, name, !before);
            one(vec![Alt {
                phrase,
                args,
                sys: s,
            }])
        }
    }
}

fn tier_phrase(t: Tier) -> &'static str {
    match t {
        Tier::NotAiSystem => "not an AI system",
        Tier::OutOfScope => "outside the AI Act",
        Tier::Prohibited => "prohibited",
        Tier::HighRisk => "high-risk",
        Tier::Limited => "limited-risk (transparency duties only)",
        Tier::Minimal => "minimal-risk",
    }
}

fn list_or_none(v: &[String]) -> String {
    if v.is_empty() {
        "none".to_owned()
    } else {
        v.join(", ")
    }
}

/// What changed between the base result and an alternative, with a score
/// (higher = more consequential); `None` if nothing relevant changed.
fn consequence(base: &TriageResult, alt: &TriageResult) -> Option<Change> {
    let mut parts: Vec<String> = Vec::new();
    let mut keys: Vec<&'static str> = Vec::new();
    let mut args = Args::new();
    let mut score = 0u8;
    if base.tier != alt.tier {
        score = 10 + base.tier.severity().abs_diff(alt.tier.severity());
        if !base.derogation.is_empty() && alt.derogation.is_empty() && alt.tier == Tier::HighRisk {
            parts.push("Art. 6(3) no longer applies and it is high-risk".to_owned());
            keys.push("review.p.derogation_lost");
        } else if base.tier == Tier::HighRisk && !alt.derogation.is_empty() {
            keys.push("review.p.derogation");
            arg(
                &mut args,
                "alt_tier_msg",
                format!("review.tier.{}", alt.tier.as_str()),
            );
            parts.push(format!(
                "Art. 6(3) would apply and it would be {} instead of high-risk",
                tier_phrase(alt.tier)
            ));
        } else {
            keys.push("review.p.tier");
            arg(
                &mut args,
                "alt_tier_msg",
                format!("review.tier.{}", alt.tier.as_str()),
            );
            arg(
                &mut args,
                "base_tier_msg",
                format!("review.tier.{}", base.tier.as_str()),
            );
            parts.push(format!(
                "it would be {} instead of {}",
                tier_phrase(alt.tier),
                tier_phrase(base.tier)
            ));
        }
    } else if base.prohibited != alt.prohibited {
        score = 8;
        keys.push("review.p.prohibited");
        arg(&mut args, "prohibited_list", alt.prohibited.join(", "));
        parts.push(format!(
            "the prohibited practices would be {}",
            list_or_none(&alt.prohibited)
        ));
    } else if base.high_risk_basis != alt.high_risk_basis {
        score = 6;
        keys.push("review.p.basis");
        arg(&mut args, "basis_list", alt.high_risk_basis.join(", "));
        parts.push(format!(
            "the high-risk basis would be {}",
            list_or_none(&alt.high_risk_basis)
        ));
    }
    if base.transparency != alt.transparency {
        score = score.max(5);
        keys.push("review.p.transparency");
        arg(&mut args, "transparency_list", alt.transparency.join(", "));
        parts.push(format!(
            "Art. 50 would apply as: {}",
            list_or_none(&alt.transparency)
        ));
    }
    if base.gpai != alt.gpai {
        score = score.max(7);
        let s = |g| {
            serde_json::to_value(g)
                .ok()
                .and_then(|v| v.as_str().map(str::to_owned))
                .unwrap_or_default()
        };
        parts.push(format!(
            "the GPAI status would be {} instead of {}",
            s(alt.gpai),
            s(base.gpai)
        ));
        keys.push("review.p.gpai");
        arg(
            &mut args,
            "alt_gpai_msg",
            format!("review.gpai.{}", s(alt.gpai)),
        );
        arg(
            &mut args,
            "base_gpai_msg",
            format!("review.gpai.{}", s(base.gpai)),
        );
    }
    if let Some(part) = obligations_change(base, alt, &mut args) {
        score = score.max(3);
        keys.push(part.0);
        if let Some(k) = part.1 {
            keys.push(k);
        }
        parts.push(part.2);
        // Added duties that are not yet in force on `as_of` and share one
        // date: say from when they would apply (else they read as owed now).
        if let Some(d) = added_date(base, alt) {
            keys.push("review.p.added_from");
            arg(&mut args, "added_date", d.to_string());
            parts.push(format!("the added obligations would apply from {d}"));
        }
    }
    // The contract lists tier, transparency, GPAI status and obligations: a
    // different list of prohibited practices or high-risk points that
    // changes none of them is no reason to review. One exception: whether
    // an Annex I Section A product is part of the basis decides the
    // conformity assessment route (Art. 43(3) or Art. 43(1)-(2)), which
    // the obligation list does not show (both cite Art. 43).
    if base.tier == alt.tier
        && base.transparency == alt.transparency
        && base.gpai == alt.gpai
        && keys
            .iter()
            .all(|k| matches!(*k, "review.p.prohibited" | "review.p.basis"))
    {
        let product = |r: &TriageResult| {
            r.high_risk_basis
                .iter()
                .any(|b| b.starts_with("annex_i:A."))
        };
        if keys != ["review.p.basis"] || product(base) == product(alt) {
            return None;
        }
        let (key, tail) = if product(base) {
            (
                "review.p.basis_not_product",
                ": it would no longer be high-risk as (a safety component of) an Annex I Section A product, so its conformity assessment would follow Art. 43(1)-(2) instead of the procedure of the product legislation (Art. 43(3))",
            )
        } else {
            (
                "review.p.basis_product",
                ": as (a safety component of) an Annex I Section A product its conformity assessment would follow the procedure of the product legislation (Art. 43(3))",
            )
        };
        keys = vec![key];
        if let Some(p) = parts.first_mut() {
            p.push_str(tail);
        }
    }
    if parts.is_empty() {
        None
    } else {
        Some(Change {
            score,
            text: parts.join("; "),
            parts: keys,
            args,
        })
    }
}

/// The one date of every obligation `alt` adds to `base` (by role and
/// ID), when that date is after `as_of`; `None` if they differ, apply
/// already or none is added.
fn added_date(base: &TriageResult, alt: &TriageResult) -> Option<Date> {
    let mut added = alt.obligations.iter().filter(|o| {
        !base
            .obligations
            .iter()
            .any(|x| x.role == o.role && x.id == o.id)
    });
    let first = added.next()?.applies_from;
    (first > alt.as_of && added.all(|o| o.applies_from == first)).then_some(first)
}

/// How the obligations differ between `base` and `alt`, compared by role
/// and ID: those only `alt` has (added), those only `base` has (dropped)
/// and those both have from different dates (moved, e.g. Art. 111(3) or
/// the Annex I instead of the Annex III date). Returns the part key, a
/// second part key for the moved ones after an added/dropped part, and
/// the English text; `None` if nothing differs.
fn obligations_change(
    base: &TriageResult,
    alt: &TriageResult,
    args: &mut Args,
) -> Option<(&'static str, Option<&'static str>, String)> {
    let label = |o: &super::result::Obligation| {
        o.articles
            .first()
            .map(|a| format!("{a} ({})", o.role.as_str()))
    };
    let find = |r: &TriageResult, o: &super::result::Obligation| {
        r.obligations
            .iter()
            .find(|x| x.role == o.role && x.id == o.id)
            .map(|x| x.applies_from)
    };
    let mut added: Vec<String> = Vec::new();
    let mut removed: Vec<String> = Vec::new();
    // (label, old date, new date)
    let mut moved: Vec<(String, Date, Date)> = Vec::new();
    for o in &alt.obligations {
        match find(base, o) {
            None => added.extend(label(o)),
            Some(d) if d != o.applies_from => {
                if let Some(l) = label(o) {
                    moved.push((l, d, o.applies_from));
                }
            }
            Some(_) => {}
        }
    }
    for o in &base.obligations {
        if find(alt, o).is_none() {
            removed.extend(label(o));
        }
    }
    // The date change most obligations share is said as such; any other
    // (rare: one answer moving two groups of duties differently) is shown
    // as dropped from the old and added from the new date.
    let mut pairs: Vec<((Date, Date), usize)> = Vec::new();
    for (_, from, to) in &moved {
        match pairs.iter_mut().find(|(p, _)| *p == (*from, *to)) {
            Some((_, n)) => *n += 1,
            None => pairs.push(((*from, *to), 1)),
        }
    }
    let main = pairs.iter().max_by_key(|(_, n)| *n).map(|(p, _)| *p);
    let mut shifted: Vec<String> = Vec::new();
    for (l, from, to) in moved {
        if Some((from, to)) == main {
            shifted.push(l);
        } else {
            added.push(l.clone());
            removed.push(l);
        }
    }
    if added.is_empty() && removed.is_empty() && shifted.is_empty() {
        return None;
    }
    let show = |v: &[String]| {
        let mut v: Vec<String> = v.to_vec();
        v.dedup();
        let more = v.len().saturating_sub(4);
        v.truncate(4);
        if more > 0 {
            format!("{} and {more} more", v.join(", "))
        } else {
            v.join(", ")
        }
    };
    let mut s = String::from("your obligations would change");
    let key = match (added.is_empty(), removed.is_empty()) {
        (true, true) => "review.p.obligations_moved",
        (false, true) => "review.p.obligations_added",
        (true, false) => "review.p.obligations_dropped",
        (false, false) => "review.p.obligations_both",
    };
    if !added.is_empty() {
        arg(args, "added", show(&added));
        s.push_str(&format!(": adds {}", show(&added)));
    }
    if !removed.is_empty() {
        s.push_str(if added.is_empty() {
            ": drops "
        } else {
            "; drops "
        });
        s.push_str(&show(&removed));
        arg(args, "removed", show(&removed));
    }
    let mut second = None;
    if let Some((from, to)) = main {
        arg(args, "moved", show(&shifted));
        arg(args, "old_date", from.to_string());
        arg(args, "new_date", to.to_string());
        s.push_str(if key == "review.p.obligations_moved" {
            ": "
        } else {
            "; "
        });
        s.push_str(&format!(
            "{} would apply from {to} instead of {from}",
            show(&shifted)
        ));
        if key != "review.p.obligations_moved" {
            second = Some("review.p.moved");
        }
    }
    Some((key, second, s))
}
