//! The Markdown report: the same sections, in the same order, as the
//! widget's report view. Dates are written for `lang`: the long form in
//! text (`2. Dezember 2027`), the short form in tables (`02.12.2027`);
//! English keeps `YYYY-MM-DD`.

use std::fmt::Write as _;

use super::{applicable_text, md_escape as e, title};
use crate::aims::AimsFile;
use crate::gap::{GapResult, Severity, catalogue};
use crate::i18n::{Lang, t};
use crate::impact::ImpactWorksheet;

/// Markdown table row from already-escaped cells.
fn row(out: &mut String, cells: &[&str]) {
    let _ = writeln!(out, "| {} |", cells.join(" | "));
}

fn header(out: &mut String, cells: &[&str]) {
    out.push('\n');
    row(out, cells);
    let _ = writeln!(out, "|{}", " --- |".repeat(cells.len()));
}

fn score(x: f64) -> String {
    format!("{x:.1}")
}

/// The full report in Markdown. `aims` supplies scope, certifications and
/// impact worksheets (its inline systems, matched by name to
/// `gap.systems`); everything evaluated comes from `gap`.
pub fn markdown(aims: &AimsFile, gap: &GapResult, lang: Lang) -> String {
    let l = |k: &str| t(lang, k).to_owned();
    let mut o = String::new();
    let _ = writeln!(o, "# {}: {}\n", &l("rep.title"), e(&gap.organisation));
    let _ = writeln!(
        o,
        "- **{}:** {}",
        &l("rep.organisation"),
        e(&gap.organisation)
    );
    let _ = writeln!(o, "- **{}:** {}", &l("rep.scope"), e(&aims.scope));
    let _ = writeln!(o, "- **{}:** {}", &l("rep.as_of"), gap.as_of.long(lang));
    let _ = writeln!(
        o,
        "- **{}:** {}",
        &l("rep.rules_version"),
        e(&gap.rules_version)
    );
    let _ = writeln!(
        o,
        "- **{}:** {}",
        &l("rep.catalogue_version"),
        e(&gap.catalogue_version)
    );
    let _ = writeln!(o, "\n> {}\n", &l("rep.disclaimer"));

    // Inventory
    let _ = writeln!(o, "## {}", &l("rep.inventory"));
    if gap.systems.is_empty() {
        let _ = writeln!(o, "\n{}", &l("rep.inventory.empty"));
    } else {
        header(
            &mut o,
            &[
                &l("rep.system"),
                &l("rep.tier"),
                &l("rep.roles"),
                &l("rep.obligations"),
            ],
        );
        for s in &gap.systems {
            let tr = &s.triage;
            let roles: Vec<String> = tr
                .roles
                .iter()
                .map(|r| t(lang, &format!("ui.role.{}", r.as_str())).to_owned())
                .collect();
            let obligations: Vec<String> = tr
                .obligations
                .iter()
                .map(|ob| {
                    let when = if ob.applicable {
                        String::new()
                    } else {
                        format!(" ({} {})", &l("rep.from"), ob.applies_from.short(lang))
                    };
                    format!(
                        "{} ({}){when}",
                        e(&crate::i18n::obligation_title(lang, ob)),
                        e(&ob.articles.join(", "))
                    )
                })
                .collect();
            let mut tier = t(lang, &format!("ui.tier.{}", tr.tier.as_str())).to_owned();
            if !tr.needs_review.is_empty() {
                tier = format!("{tier}, {}", &l("rep.needs_review"));
            }
            row(
                &mut o,
                &[
                    &e(&s.name),
                    &e(&tier),
                    &e(&roles.join(", ")),
                    &obligations.join("; "),
                ],
            );
        }
    }

    // Scores
    let _ = writeln!(o, "\n## {}\n", &l("rep.scores"));
    let _ = writeln!(
        o,
        "- **{}:** {} / 100",
        &l("aims.score.overall"),
        score(gap.score)
    );
    for (k, v) in [
        ("plan", gap.pdca.plan),
        ("do", gap.pdca.do_),
        ("check", gap.pdca.check),
        ("act", gap.pdca.act),
    ] {
        let _ = writeln!(
            o,
            "- **{}:** {} / 100",
            &l(&format!("aims.pdca.{k}")),
            score(v)
        );
    }
    let _ = writeln!(o, "\n{}", e(&super::coverage_text(lang, gap)));

    // Management systems
    let _ = writeln!(o, "\n## {}\n", &l("aims.ms.title"));
    let list = |v: &[String]| {
        if v.is_empty() {
            l("aims.none")
        } else {
            v.join(", ")
        }
    };
    let _ = writeln!(
        o,
        "- **{}:** {}",
        &l("aims.ms.certifications"),
        e(&list(&aims.certifications))
    );
    let _ = writeln!(
        o,
        "- **{}:** {}",
        &l("aims.ms.integrated"),
        e(&list(&aims.integrated_with))
    );

    // Findings
    let _ = writeln!(o, "\n## {}", &l("aims.findings"));
    if gap.findings.is_empty() {
        let _ = writeln!(o, "\n{}", &l("aims.findings.none"));
    }
    for sev in [
        Severity::Nonconformity,
        Severity::Observation,
        Severity::Opportunity,
    ] {
        let of: Vec<_> = gap.findings.iter().filter(|f| f.severity == sev).collect();
        if of.is_empty() {
            continue;
        }
        let _ = writeln!(
            o,
            "\n### {} ({})\n",
            &l(&format!("aims.severity.{}", sev.as_str())),
            of.len()
        );
        for f in of {
            let _ = writeln!(
                o,
                "- **{}**: {} ({})",
                e(&f.ref_),
                e(&f.message_in(lang)),
                e(&f.citation)
            );
        }
    }

    // Pitfalls
    let _ = writeln!(o, "\n## {}", &l("aims.pitfalls"));
    if gap.pitfall_details.is_empty() {
        let _ = writeln!(o, "\n{}", &l("aims.pitfalls.none"));
    }
    for p in &gap.pitfall_details {
        let info = catalogue().pitfall(&p.id);
        let pick = |own: &str, f: fn(&crate::gap::catalogue::PitfallInfo) -> &crate::gap::Text| {
            info.map_or(own.to_owned(), |i| f(i).get(lang).to_owned())
        };
        let _ = writeln!(o, "\n### {}\n", e(&pick(&p.title, |i| &i.title)));
        let _ = writeln!(
            o,
            "{} {}\n",
            e(&pick(&p.explanation, |i| &i.explanation)),
            e(&p.because_in(lang))
        );
        let _ = writeln!(
            o,
            "**{}:** {} ({})",
            &l("aims.pitfall.todo"),
            e(&pick(&p.what_to_do, |i| &i.what_to_do)),
            e(&p.citation)
        );
    }

    // SoA
    let _ = writeln!(o, "\n## {}", &l("aims.soa"));
    header(
        &mut o,
        &[
            &l("aims.control"),
            &l("aims.item.title"),
            &l("aims.applicable"),
            &l("aims.justification"),
            &l("aims.status"),
            &l("aims.required_by"),
        ],
    );
    for r in &gap.soa {
        row(
            &mut o,
            &[
                &e(&r.control),
                &e(title(lang, &r.control)),
                applicable_text(lang, r.applicable),
                &e(&r.justification),
                &l(&format!("aims.status.{}", r.status.as_str())),
                &e(&r.required_by.join(", ")),
            ],
        );
    }

    // Roadmap
    let _ = writeln!(o, "\n## {}", &l("aims.roadmap"));
    if gap.roadmap.is_empty() {
        let _ = writeln!(o, "\n{}", &l("aims.roadmap.none"));
    } else {
        header(
            &mut o,
            &[
                "#",
                &l("aims.ref"),
                &l("aims.action"),
                &l("aims.priority"),
                &l("aims.due"),
                &l("aims.because"),
            ],
        );
        for (n, a) in gap.roadmap.iter().enumerate() {
            let due = a.due.map(|d| d.short(lang)).unwrap_or_default();
            row(
                &mut o,
                &[
                    &(n + 1).to_string(),
                    &e(&a.ref_),
                    &e(&a.action_in(lang)),
                    &l(&format!("aims.priority.{}", a.priority.as_str())),
                    &due,
                    &e(&a.because_in(lang)),
                ],
            );
        }
    }

    // Impact assessments
    let _ = writeln!(o, "\n## {}", &l("impact.title"));
    let mut any = false;
    for s in &gap.systems {
        let sheet = aims.systems.iter().find_map(|r| match r {
            crate::aims::SystemRef::Inline(f) if f.name == s.name => f.impact.as_ref(),
            _ => None,
        });
        if !s.needs_fria && sheet.is_none() {
            continue;
        }
        any = true;
        let status = &l(&format!(
            "impact.status.{}",
            impact_status(&s.impact.status)
        ));
        let _ = writeln!(o, "\n### {}\n", e(&s.name));
        let fria = if s.needs_fria {
            &l("impact.needs_fria")
        } else {
            &l("impact.optional")
        };
        let _ = writeln!(o, "- **{}:** {status}; {fria}", &l("impact.status"));
        if let Some(w) = sheet {
            worksheet(&mut o, w, lang);
        }
        for m in &s.impact.missing {
            let _ = writeln!(
                o,
                "- {}: `{}` ({})",
                &l("impact.missing"),
                e(&m.field),
                e(&m.citation)
            );
        }
        if sheet.is_some() {
            let _ = writeln!(
                o,
                "- **{}:** {}",
                &l("impact.iso42001.status"),
                &l(&format!(
                    "impact.status.{}",
                    impact_status(&s.impact.iso42001_status)
                ))
            );
            for m in &s.impact.iso42001_missing {
                let _ = writeln!(
                    o,
                    "- {}: `{}` ({})",
                    &l("impact.missing"),
                    e(&m.field),
                    e(&m.citation)
                );
            }
        }
    }
    if !any {
        let _ = writeln!(o, "\n{}", &l("impact.none"));
    }
    o
}

fn impact_status(s: &crate::impact::ImpactStatus) -> &'static str {
    match s {
        crate::impact::ImpactStatus::Missing => "missing",
        crate::impact::ImpactStatus::Incomplete => "incomplete",
        crate::impact::ImpactStatus::Complete => "complete",
    }
}

fn worksheet(o: &mut String, w: &ImpactWorksheet, lang: Lang) {
    let l = |k: &str| t(lang, k).to_owned();
    for (k, v) in [
        ("impact.processes", w.processes.clone()),
        (
            "impact.period_and_frequency",
            w.period_and_frequency.clone(),
        ),
        ("impact.affected_groups", w.affected_groups.join(", ")),
        ("impact.oversight", w.oversight.clone()),
        ("impact.remedies", w.remedies.clone()),
    ] {
        let _ = writeln!(o, "- **{}:** {}", l(k), e(&v));
    }
    if let Some(d) = w.notified {
        let _ = writeln!(o, "- **{}:** {}", l("impact.notified"), d.long(lang));
    }
    // The 42001 extension fields, with their reference (not Art. 27 elements).
    for (k, cite, v) in [
        (
            "impact.societal_impacts",
            "ISO/IEC 42001 A.5.5",
            &w.societal_impacts,
        ),
        (
            "impact.foreseeable_misuse",
            "ISO/IEC 42001 6.1.4",
            &w.foreseeable_misuse,
        ),
    ] {
        let _ = writeln!(o, "- **{} ({cite}):** {}", l(k), e(v));
    }
    if w.risks.is_empty() {
        return;
    }
    let eval = crate::impact::evaluate(w);
    header(
        o,
        &[
            &l("impact.harm"),
            &l("impact.right"),
            &l("impact.inherent"),
            &l("impact.mitigation"),
            &l("impact.residual"),
        ],
    );
    for (r, ev) in w.risks.iter().zip(eval.risks.iter()) {
        let level = |x: Option<crate::impact::RiskLevel>| {
            x.map_or_else(
                || l("impact.not_rated"),
                |v| {
                    format!(
                        "{}×{} = {} ({})",
                        v.likelihood,
                        v.severity,
                        v.score,
                        &l(&format!("impact.band.{}", v.band.as_str()))
                    )
                },
            )
        };
        row(
            o,
            &[
                &e(&r.harm),
                &e(&r.right),
                &level(ev.inherent),
                &e(&r.mitigation),
                &level(ev.residual),
            ],
        );
    }
}
