//! `needs_review`: what would change if an `unsure` fact were answered the
//! other way.
//!
//! - A boolean is flipped.
//! - A non-empty list is evaluated without each of its items in turn; every
//!   item whose removal changes the outcome is reported.
//! - An empty list is evaluated with each known ID added in turn; the most
//!   consequential change is reported with that ID as the example.
//! - `gpai.training_flops` is moved across the 10^25 FLOP threshold;
//!   `gpai.placed_before` is toggled between "before 2025-08-02" and "not".
//!
//! The outcome compared is the tier, the prohibited practices, the high-risk
//! basis, the transparency list, the GPAI status and the obligations.

use super::eval::{SYSTEMIC_FLOPS, evaluate};
use super::result::{Review, Tier, TriageResult};
use super::rules::Rules;
use crate::Date;
use crate::system::{FieldName as F, GpaiFacts, SpecId, SystemFile};

/// One alternative answer: a phrase completing "If ..." and the changed file.
struct Alt {
    phrase: String,
    sys: SystemFile,
}

pub(crate) fn review(
    rules: &Rules,
    sys: &SystemFile,
    as_of: Date,
    base: &TriageResult,
) -> Vec<Review> {
    let mut out: Vec<Review> = Vec::new();
    let mut seen: Vec<F> = Vec::new();
    for &field in &sys.unsure {
        if seen.contains(&field) {
            continue;
        }
        seen.push(field);
        let (alts, pick_best) = alternatives(rules, sys, field);
        let mut best: Option<(u8, String)> = None;
        for alt in alts {
            let (r, _) = evaluate(rules, &alt.sys, as_of);
            let Some((score, consequence)) = consequence(base, &r) else {
                continue;
            };
            let why = format!("If {}, {}.", alt.phrase, consequence);
            if pick_best {
                if best.as_ref().is_none_or(|(s, _)| score > *s) {
                    best = Some((score, why));
                }
            } else {
                out.push(Review {
                    field: field.as_str().to_owned(),
                    why,
                });
            }
        }
        if let Some((_, why)) = best {
            out.push(Review {
                field: field.as_str().to_owned(),
                why,
            });
        }
    }
    out
}

fn phrase(rules: &Rules, field: &str, value: bool) -> String {
    let f = rules.field(field);
    let p = if value {
        f.and_then(|f| f.yes.clone())
    } else {
        f.and_then(|f| f.no.clone())
    };
    p.unwrap_or_else(|| format!("`{field}` were {value}"))
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
    let value = *v;
    vec![Alt {
        phrase: phrase(rules, field, value),
        sys: s,
    }]
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
        let some = f
            .and_then(|f| f.some.clone())
            .unwrap_or_else(|| format!("`{field}` were not empty"));
        let alts = T::all()
            .iter()
            .map(|id| {
                let mut s = sys.clone();
                get(&mut s).push(*id);
                let label = rules
                    .id(field, id.as_str())
                    .map(|d| d.label.clone())
                    .unwrap_or_default();
                Alt {
                    phrase: format!("{some} (e.g. `{}`: {label})", id.as_str()),
                    sys: s,
                }
            })
            .collect();
        (alts, true)
    } else {
        let alts = current
            .iter()
            .map(|id| {
                let mut s = sys.clone();
                get(&mut s).retain(|x| x != id);
                let label = rules
                    .id(field, id.as_str())
                    .map(|d| d.label.clone())
                    .unwrap_or_default();
                Alt {
                    phrase: format!("`{}` ({label}) did not apply", id.as_str()),
                    sys: s,
                }
            })
            .collect();
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
            one(vec![Alt {
                phrase: phrase(rules, name, !above),
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
            one(vec![Alt {
                phrase: phrase(rules, name, !before),
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
fn consequence(base: &TriageResult, alt: &TriageResult) -> Option<(u8, String)> {
    let mut parts: Vec<String> = Vec::new();
    let mut score = 0u8;
    if base.tier != alt.tier {
        score = 10 + base.tier.severity().abs_diff(alt.tier.severity());
        if !base.derogation.is_empty() && alt.derogation.is_empty() && alt.tier == Tier::HighRisk {
            parts.push("Art. 6(3) no longer applies and it is high-risk".to_owned());
        } else if base.tier == Tier::HighRisk && !alt.derogation.is_empty() {
            parts.push(format!(
                "Art. 6(3) would apply and it would be {} instead of high-risk",
                tier_phrase(alt.tier)
            ));
        } else {
            parts.push(format!(
                "it would be {} instead of {}",
                tier_phrase(alt.tier),
                tier_phrase(base.tier)
            ));
        }
    } else if base.prohibited != alt.prohibited {
        score = 8;
        parts.push(format!(
            "the prohibited practices would be {}",
            list_or_none(&alt.prohibited)
        ));
    } else if base.high_risk_basis != alt.high_risk_basis {
        score = 6;
        parts.push(format!(
            "the high-risk basis would be {}",
            list_or_none(&alt.high_risk_basis)
        ));
    }
    if base.transparency != alt.transparency {
        score = score.max(5);
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
    }
    let key = |r: &TriageResult| -> Vec<(String, String, String)> {
        r.obligations
            .iter()
            .map(|o| {
                (
                    o.role.as_str().to_owned(),
                    o.id.clone(),
                    o.applies_from.to_string(),
                )
            })
            .collect()
    };
    let (bk, ak) = (key(base), key(alt));
    if bk != ak {
        score = score.max(3);
        let added: Vec<String> = alt
            .obligations
            .iter()
            .filter(|o| {
                !bk.contains(&(
                    o.role.as_str().to_owned(),
                    o.id.clone(),
                    o.applies_from.to_string(),
                ))
            })
            .filter_map(|o| {
                o.articles
                    .first()
                    .map(|a| format!("{a} ({})", o.role.as_str()))
            })
            .collect();
        let removed: Vec<String> = base
            .obligations
            .iter()
            .filter(|o| {
                !ak.contains(&(
                    o.role.as_str().to_owned(),
                    o.id.clone(),
                    o.applies_from.to_string(),
                ))
            })
            .filter_map(|o| {
                o.articles
                    .first()
                    .map(|a| format!("{a} ({})", o.role.as_str()))
            })
            .collect();
        let mut s = String::from("your obligations would change");
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
        if !added.is_empty() {
            s.push_str(&format!(": adds {}", show(&added)));
        }
        if !removed.is_empty() {
            s.push_str(if added.is_empty() {
                ": drops "
            } else {
                "; drops "
            });
            s.push_str(&show(&removed));
        }
        parts.push(s);
    }
    if parts.is_empty() {
        None
    } else {
        Some((score, parts.join("; ")))
    }
}
