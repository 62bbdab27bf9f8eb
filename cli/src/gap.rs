//! `aimskit gap FILE [--format text|json] [--as-of YYYY-MM-DD] [--lang en|de|fr|it]`
//!
//! Reads an AIMS file (`aimskit-aims/1`), resolves its system files
//! (relative to the AIMS file; TOML or JSON by extension), runs the ISO/IEC
//! 42001 gap analysis in core and prints it for people (text) or as the
//! spec's `aimskit-gap/1` JSON. Exit status: 0 success, 2 bad input or usage.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use aimskit_core::aims::{AimsFile, SystemRef, parse_aims};
use aimskit_core::gap::{GapResult, Severity, Status, catalogue, gap};
use aimskit_core::i18n::{Lang, t};
use aimskit_core::impact::{self, ImpactStatus};
use aimskit_core::system::{SystemFile, parse_system};
use aimskit_core::{Date, InputError};

use crate::common::{Arg, Output, format_of, parse_common, read_text, today};

const USAGE: &str =
    "usage: aimskit gap FILE [--format text|json] [--as-of YYYY-MM-DD] [--lang en|de|fr|it]";
const NOT_LEGAL_ADVICE: &str = "This is a self-assessment aid, not legal advice. ISO/IEC 42001 items are shown by ID with our own paraphrases; buy the standard for its text.";

#[derive(Debug)]
struct Options {
    file: PathBuf,
    output: Output,
    as_of: Option<Date>,
    lang: Lang,
}

fn parse_args(args: &[String]) -> Result<Options, String> {
    let (common, rest) = parse_common(args, &[])?;
    let mut file = None;
    for arg in rest {
        match arg {
            Arg::Positional(p) if file.is_none() => file = Some(PathBuf::from(p)),
            Arg::Positional(p) | Arg::Switch(p) => {
                return Err(format!("one AIMS file expected, found a second one: `{p}`"));
            }
        }
    }
    let file = file.ok_or("no AIMS file given")?;
    Ok(Options {
        file,
        output: common.output,
        as_of: common.as_of,
        lang: common.lang,
    })
}

/// Loads the AIMS file and every system file it names; validates worksheets.
fn load(path: &Path) -> Result<(AimsFile, Vec<(String, SystemFile)>), InputError> {
    let aims_name = path.display().to_string();
    let text = read_text(path, "AIMS file")?;
    let aims = parse_aims(&text, format_of(path)).map_err(|e| e.in_file(&aims_name))?;
    let base = path.parent().unwrap_or(Path::new("."));
    let mut systems = Vec::new();
    for (i, s) in aims.systems.iter().enumerate() {
        match s {
            SystemRef::Path(p) => {
                let sys_path = base.join(p);
                let sys_name = sys_path.display().to_string();
                let text = read_text(
                    &sys_path,
                    &format!("system file (named in {aims_name}, systems[{i}])"),
                )?;
                let sys =
                    parse_system(&text, format_of(&sys_path)).map_err(|e| e.in_file(&sys_name))?;
                if let Some(w) = &sys.impact {
                    impact::validate(w).map_err(|e| e.in_file(&sys_name))?;
                }
                systems.push((sys.name.clone(), sys));
            }
            SystemRef::Inline(_) => {} // parsed and validated by parse_aims
        }
    }
    Ok((aims, systems))
}

/// Runs `aimskit gap`.
pub fn run(args: &[String]) -> ExitCode {
    let opts = match parse_args(args) {
        Ok(o) => o,
        Err(m) => {
            eprintln!("aimskit gap: {m}");
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let (aims, systems) = match load(&opts.file) {
        Ok(x) => x,
        Err(e) => {
            eprintln!("aimskit gap: {e}");
            return ExitCode::from(2);
        }
    };
    let Some(as_of) = opts.as_of.or(aims.as_of).or_else(today) else {
        eprintln!("aimskit gap: cannot read today's date; pass --as-of YYYY-MM-DD");
        return ExitCode::from(2);
    };
    let result = gap(&aims, &systems, as_of);
    match opts.output {
        Output::Json => match serde_json::to_string_pretty(&result) {
            Ok(s) => println!("{s}"),
            Err(e) => {
                eprintln!("aimskit gap: cannot write JSON: {e}");
                return ExitCode::from(2);
            }
        },
        Output::Text => print!("{}", render_text(&result, opts.lang)),
    }
    ExitCode::SUCCESS
}

fn title(id: &str, lang: Lang) -> String {
    catalogue()
        .item(id)
        .map(|i| format!("{id} {}", i.title.get(lang)))
        .unwrap_or_else(|| id.to_owned())
}

/// A heading: the English literal, or the locale text of `key` in `lang`.
fn label<'a>(lang: Lang, key: &'a str, english: &'a str) -> &'a str {
    match lang {
        Lang::En => english,
        _ => t(lang, key),
    }
}

fn render_text(r: &GapResult, lang: Lang) -> String {
    let mut s = String::new();
    let org = if r.organisation.is_empty() {
        "(organisation not named)"
    } else {
        &r.organisation
    };
    let _ = writeln!(s, "ISO/IEC 42001 gap analysis: {org}, as of {}", r.as_of);
    let c = &r.coverage;
    let _ = writeln!(
        s,
        "\nReadiness score: {:.1} / 100  ({} of {} items met; {} not assessed, counted as 0; {} controls excluded)",
        r.score, c.met, c.total, c.not_assessed, c.not_applicable
    );
    let p = &r.pdca;
    let _ = writeln!(
        s,
        "PDCA: plan {:.1} | do {:.1} | check {:.1} | act {:.1}",
        p.plan, p.do_, p.check, p.act
    );
    let groups: Vec<String> = catalogue()
        .clause_groups
        .iter()
        .map(|g| {
            format!(
                "{} {:.0}",
                g.id,
                r.clause_scores.get(&g.id).copied().unwrap_or(0.0)
            )
        })
        .collect();
    let _ = writeln!(s, "Clauses: {}", groups.join(" | "));
    let objs: Vec<String> = catalogue()
        .objectives
        .iter()
        .map(|o| match r.objective_scores.get(&o.id).copied().flatten() {
            Some(v) => format!("{} {v:.0}", o.id),
            None => format!("{} n/a", o.id),
        })
        .collect();
    let _ = writeln!(s, "Annex A: {}", objs.join(" | "));

    let _ = writeln!(s, "\nAI system inventory ({} systems)", r.systems.len());
    for sys in &r.systems {
        let roles: Vec<&str> = sys.triage.roles.iter().map(|x| x.as_str()).collect();
        let fria = if sys.needs_fria {
            match sys.impact.status {
                ImpactStatus::Complete => ", FRIA needed: worksheet complete",
                ImpactStatus::Incomplete => ", FRIA needed: worksheet INCOMPLETE",
                ImpactStatus::Missing => ", FRIA needed: NO worksheet",
            }
        } else {
            ""
        };
        let roles = if roles.is_empty() {
            "none".to_owned()
        } else {
            roles.join(", ")
        };
        let _ = writeln!(
            s,
            "  - {}: {}, roles {roles}{fria}",
            sys.name,
            sys.triage.tier.as_str()
        );
    }

    let count = |sev: Severity| r.findings.iter().filter(|f| f.severity == sev).count();
    let _ = writeln!(
        s,
        "\nFindings: {} nonconformities, {} observations, {} opportunities",
        count(Severity::Nonconformity),
        count(Severity::Observation),
        count(Severity::Opportunity)
    );
    for sev in [
        Severity::Nonconformity,
        Severity::Observation,
        Severity::Opportunity,
    ] {
        let items: Vec<_> = r.findings.iter().filter(|f| f.severity == sev).collect();
        if items.is_empty() {
            continue;
        }
        let key = format!("aims.severity.{}", sev.as_str());
        let _ = writeln!(s, "  {}:", label(lang, &key, sev.as_str()));
        for f in items {
            let _ = writeln!(
                s,
                "    [{}] {}\n        ({})",
                f.ref_,
                f.message_in(lang),
                f.citation
            );
        }
    }

    if r.pitfall_details.is_empty() {
        let _ = writeln!(s, "\nPitfalls: none detected");
    } else {
        let heading = label(lang, "aims.pitfalls", "Pitfalls");
        let _ = writeln!(s, "\n{heading} ({})", r.pitfall_details.len());
        for h in &r.pitfall_details {
            // Titles and advice in `lang` from the catalogue; the finding stays as detected.
            let info = catalogue().pitfall(&h.id);
            let text =
                |f: fn(&aimskit_core::gap::catalogue::PitfallInfo) -> &aimskit_core::gap::Text,
                 english: &str| {
                    info.map(|i| f(i).get(lang).to_owned())
                        .unwrap_or_else(|| english.to_owned())
                };
            let _ = writeln!(s, "  ! {} ({})", text(|i| &i.title, &h.title), h.id);
            let _ = writeln!(
                s,
                "      {}: {}",
                label(lang, "aims.pitfall.because", "Found"),
                h.because_in(lang)
            );
            let _ = writeln!(
                s,
                "      Why it matters: {}",
                text(|i| &i.explanation, &h.explanation)
            );
            let _ = writeln!(
                s,
                "      {}: {}",
                label(lang, "aims.pitfall.todo", "What to do"),
                text(|i| &i.what_to_do, &h.what_to_do)
            );
        }
    }

    let applicable = r.soa.iter().filter(|x| x.applicable == Some(true)).count();
    let excluded = r.soa.iter().filter(|x| x.applicable == Some(false)).count();
    let open = r.soa.iter().filter(|x| x.applicable.is_none()).count();
    let _ = writeln!(
        s,
        "\nStatement of Applicability: {applicable} applicable, {excluded} excluded, {open} not addressed"
    );
    for row in &r.soa {
        let appl = match row.applicable {
            Some(true) => "applicable",
            Some(false) => "EXCLUDED",
            None => "not addressed",
        };
        let req = if row.required_by.is_empty() {
            String::new()
        } else {
            format!("  required by {}", row.required_by.join(", "))
        };
        let flag = if row.applicable == Some(false) && !row.required_by.is_empty() {
            "  <-- contradiction"
        } else {
            ""
        };
        let _ = writeln!(
            s,
            "  {:<8} {:<14} {:<14}{req}{flag}",
            row.control,
            appl,
            row.status.as_str()
        );
    }

    let _ = writeln!(
        s,
        "\nRoadmap ({} actions, most urgent first)",
        r.roadmap.len()
    );
    for (i, a) in r.roadmap.iter().enumerate() {
        let due = a.due.map(|d| format!(" due {d}")).unwrap_or_default();
        let _ = writeln!(
            s,
            "  {:>3}. [{}]{due} {}: {}",
            i + 1,
            a.priority.as_str(),
            title(&a.ref_, lang),
            a.action_in(lang)
        );
        let _ = writeln!(
            s,
            "       {}: {}",
            label(lang, "aims.because", "because"),
            a.because_in(lang)
        );
    }
    let not_met: usize = r
        .clauses
        .values()
        .chain(r.controls.values())
        .filter(|x| x.status != Status::Met)
        .count();
    let _ = writeln!(
        s,
        "\n{not_met} items not met. Catalogue {}, triage rules {}.\n{NOT_LEGAL_ADVICE}",
        r.catalogue_version, r.rules_version
    );
    s
}
