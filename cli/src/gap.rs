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
use aimskit_core::i18n::{Lang, t, tf};
use aimskit_core::impact::{self, ImpactStatus};
use aimskit_core::system::{SystemFile, parse_system};
use aimskit_core::{Date, InputError};

use crate::common::{Arg, Output, format_of, parse_common, read_text, today};

const USAGE: &str =
    "usage: aimskit gap FILE [--format text|json] [--as-of YYYY-MM-DD] [--lang en|de|fr|it]";

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
            Arg::Positional(p) | Arg::Switch(p) | Arg::Value(p, _) => {
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
        t(lang, "cli.gap.no_org")
    } else {
        &r.organisation
    };
    let date = r.as_of.to_string();
    let _ = writeln!(
        s,
        "{}",
        tf(lang, "cli.gap.title", &[("org", org), ("date", &date)])
    );
    let c = &r.coverage;
    let score = format!("{:.1}", r.score);
    let (met, total) = (c.met.to_string(), c.total.to_string());
    let (not_assessed, excluded) = (c.not_assessed.to_string(), c.not_applicable.to_string());
    let _ = writeln!(
        s,
        "\n{}",
        tf(
            lang,
            "cli.gap.score",
            &[
                ("score", &score),
                ("met", &met),
                ("total", &total),
                ("not_assessed", &not_assessed),
                ("excluded", &excluded),
            ]
        )
    );
    let p = &r.pdca;
    let one = |v: f64| format!("{v:.1}");
    let (plan, do_, check, act) = (one(p.plan), one(p.do_), one(p.check), one(p.act));
    let _ = writeln!(
        s,
        "{}",
        tf(
            lang,
            "cli.gap.pdca",
            &[
                ("plan", &plan),
                ("do", &do_),
                ("check", &check),
                ("act", &act)
            ]
        )
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
    let _ = writeln!(
        s,
        "{}",
        tf(lang, "cli.gap.clauses", &[("list", &groups.join(" | "))])
    );
    let objs: Vec<String> = catalogue()
        .objectives
        .iter()
        .map(|o| match r.objective_scores.get(&o.id).copied().flatten() {
            Some(v) => format!("{} {v:.0}", o.id),
            None => format!("{} {}", o.id, t(lang, "cli.gap.na")),
        })
        .collect();
    let _ = writeln!(
        s,
        "{}",
        tf(lang, "cli.gap.annex_a", &[("list", &objs.join(" | "))])
    );

    let n = r.systems.len().to_string();
    let _ = writeln!(s, "\n{}", tf(lang, "cli.gap.inventory", &[("n", &n)]));
    for sys in &r.systems {
        let roles: Vec<&str> = sys.triage.roles.iter().map(|x| x.as_str()).collect();
        let fria = if sys.needs_fria {
            match sys.impact.status {
                ImpactStatus::Complete => t(lang, "cli.gap.fria_complete"),
                ImpactStatus::Incomplete => t(lang, "cli.gap.fria_incomplete"),
                ImpactStatus::Missing => t(lang, "cli.gap.fria_missing"),
            }
        } else {
            ""
        };
        // The ISO/IEC 42001 elements of a worksheet (6.1.4, A.5.4, A.5.5), when there is one.
        let iso = match sys.impact.iso42001_status {
            ImpactStatus::Complete => t(lang, "cli.gap.iso_impact_complete"),
            ImpactStatus::Incomplete => t(lang, "cli.gap.iso_impact_incomplete"),
            ImpactStatus::Missing => "",
        };
        let roles = if roles.is_empty() {
            t(lang, "cli.gap.no_roles").to_owned()
        } else {
            roles.join(", ")
        };
        let roles = tf(lang, "cli.gap.roles", &[("roles", &roles)]);
        let _ = writeln!(
            s,
            "  - {}: {}, {roles}{fria}{iso}",
            sys.name,
            sys.triage.tier.as_str()
        );
    }

    let count = |sev: Severity| r.findings.iter().filter(|f| f.severity == sev).count();
    let (nc, obs, opp) = (
        count(Severity::Nonconformity).to_string(),
        count(Severity::Observation).to_string(),
        count(Severity::Opportunity).to_string(),
    );
    let _ = writeln!(
        s,
        "\n{}",
        tf(
            lang,
            "cli.gap.findings",
            &[("nc", &nc), ("obs", &obs), ("opp", &opp)]
        )
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
        let _ = writeln!(s, "\n{}", t(lang, "cli.gap.no_pitfalls"));
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
                "      {}: {}",
                t(lang, "cli.gap.why_it_matters"),
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
    let (applicable, excluded, open) = (
        applicable.to_string(),
        excluded.to_string(),
        open.to_string(),
    );
    let _ = writeln!(
        s,
        "\n{}",
        tf(
            lang,
            "cli.gap.soa",
            &[
                ("applicable", &applicable),
                ("excluded", &excluded),
                ("open", &open)
            ]
        )
    );
    for row in &r.soa {
        let appl = match row.applicable {
            Some(true) => t(lang, "cli.gap.applicable"),
            Some(false) => t(lang, "cli.gap.excluded"),
            None => t(lang, "cli.gap.not_addressed"),
        };
        let req = if row.required_by.is_empty() {
            String::new()
        } else {
            let list = row.required_by.join(", ");
            format!("  {}", tf(lang, "cli.gap.required_by", &[("list", &list)]))
        };
        let flag = if row.applicable == Some(false) && !row.required_by.is_empty() {
            format!("  {}", t(lang, "cli.gap.contradiction"))
        } else {
            String::new()
        };
        let _ = writeln!(
            s,
            "  {:<8} {:<14} {:<14}{req}{flag}",
            row.control,
            appl,
            row.status.as_str()
        );
    }

    let n = r.roadmap.len().to_string();
    let _ = writeln!(s, "\n{}", tf(lang, "cli.gap.roadmap", &[("n", &n)]));
    for (i, a) in r.roadmap.iter().enumerate() {
        let due = a
            .due
            .map(|d| format!(" {}", tf(lang, "cli.gap.due", &[("date", &d.to_string())])))
            .unwrap_or_default();
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
    let not_met = not_met.to_string();
    let _ = writeln!(
        s,
        "\n{}\n{}",
        tf(
            lang,
            "cli.gap.not_met",
            &[
                ("n", &not_met),
                ("catalogue", &r.catalogue_version),
                ("rules", &r.rules_version)
            ]
        ),
        t(lang, "cli.gap.not_legal_advice")
    );
    s
}
