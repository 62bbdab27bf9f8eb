//! `aimskit triage FILE|DIR... [--format text|json] [--as-of YYYY-MM-DD] [--fail-on-review]
//! [--baseline PREVIOUS.json] [--fail-on-drift] [--lang en|de|fr|it]`
//!
//! One file prints one `aimskit-triage/1` result; several files or a directory
//! print an inventory (`aimskit-inventory/1`) with a summary of counts per
//! tier. With `--baseline`, what changed since that earlier `--format json`
//! output is added (a `drift` member in JSON, a section in text; see
//! `crate::drift`). Exit status: 0 success, 1 when `--fail-on-review` and any
//! system is prohibited or needs review, or `--fail-on-drift` and anything
//! changed, 2 on bad input (including the baseline) or usage.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use aimskit_core::i18n::{Lang, t, tf};
use aimskit_core::system::parse_system;
use aimskit_core::triage::{Role, Tier, TriageResult, triage};
use aimskit_core::{Date, InputError};

use crate::common::{Arg, Output, format_of, parse_common_with, read_text, today};

/// The format tag of a multi-file result.
pub(crate) const INVENTORY_FORMAT: &str = "aimskit-inventory/1";

#[derive(Debug)]
struct Options {
    paths: Vec<PathBuf>,
    output: Output,
    as_of: Option<Date>,
    fail_on_review: bool,
    baseline: Option<PathBuf>,
    fail_on_drift: bool,
    lang: Lang,
}

fn usage_error(msg: &str) -> ExitCode {
    eprintln!("aimskit triage: {msg}");
    eprintln!(
        "usage: aimskit triage FILE|DIR... [--format text|json] [--as-of YYYY-MM-DD] [--fail-on-review] [--baseline PREVIOUS.json] [--fail-on-drift] [--lang en|de|fr|it]"
    );
    ExitCode::from(2)
}

fn parse_args(args: &[String]) -> Result<Options, String> {
    let (common, rest) = parse_common_with(
        args,
        &["--fail-on-review", "--fail-on-drift"],
        &["--baseline"],
    )?;
    let mut o = Options {
        paths: Vec::new(),
        output: common.output,
        as_of: common.as_of,
        fail_on_review: false,
        baseline: None,
        fail_on_drift: false,
        lang: common.lang,
    };
    for arg in rest {
        match arg {
            Arg::Switch(s) if s == "--fail-on-drift" => o.fail_on_drift = true,
            Arg::Switch(_) => o.fail_on_review = true,
            Arg::Value(_, v) => {
                if o.baseline.is_some() {
                    return Err("`--baseline` given twice".into());
                }
                o.baseline = Some(PathBuf::from(v));
            }
            Arg::Positional(p) => o.paths.push(PathBuf::from(p)),
        }
    }
    if o.paths.is_empty() {
        return Err("no system file or directory given".into());
    }
    if o.fail_on_drift && o.baseline.is_none() {
        return Err("`--fail-on-drift` needs `--baseline PREVIOUS.json`".into());
    }
    Ok(o)
}

fn is_system_file(p: &Path) -> bool {
    matches!(
        p.extension().and_then(|e| e.to_str()),
        Some("toml" | "json")
    )
}

/// Expands directories to their `*.toml` / `*.json` files (sorted).
fn expand(paths: &[PathBuf]) -> Result<(Vec<PathBuf>, bool), String> {
    let mut files = Vec::new();
    let mut inventory = paths.len() > 1;
    for p in paths {
        if p.is_dir() {
            inventory = true;
            let rd = std::fs::read_dir(p)
                .map_err(|e| format!("{}: cannot read directory: {e}", p.display()))?;
            let mut found: Vec<PathBuf> = rd
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|f| f.is_file() && is_system_file(f))
                .collect();
            found.sort();
            files.extend(found);
        } else {
            files.push(p.clone());
        }
    }
    Ok((files, inventory))
}

fn load(path: &Path) -> Result<aimskit_core::system::SystemFile, InputError> {
    let name = path.display().to_string();
    let text = read_text(path, "system file")?;
    parse_system(&text, format_of(path)).map_err(|e| e.in_file(&name))
}

/// Runs `aimskit triage`.
pub fn run(args: &[String]) -> ExitCode {
    let opts = match parse_args(args) {
        Ok(o) => o,
        Err(m) => return usage_error(&m),
    };
    let (files, inventory) = match expand(&opts.paths) {
        Ok(x) => x,
        Err(m) => {
            eprintln!("aimskit triage: {m}");
            return ExitCode::from(2);
        }
    };
    if files.is_empty() {
        eprintln!("aimskit triage: no *.toml or *.json system files found");
        return ExitCode::from(2);
    }
    // Parse everything first: never print a partial inventory as if complete.
    let mut systems = Vec::new();
    let mut bad = false;
    for f in &files {
        match load(f) {
            Ok(s) => systems.push((f.clone(), s)),
            Err(e) => {
                eprintln!("error: {e}");
                bad = true;
            }
        }
    }
    if bad {
        return ExitCode::from(2);
    }
    // The baseline is taken as written (not re-evaluated).
    let baseline = match opts.baseline.as_deref().map(crate::drift::load) {
        None => None,
        Some(Ok(b)) => Some(b),
        Some(Err(e)) => {
            eprintln!("error: baseline: {e}");
            return ExitCode::from(2);
        }
    };
    let today = opts.as_of.or_else(today);
    let mut results: Vec<(PathBuf, TriageResult)> = Vec::new();
    for (p, s) in &systems {
        let Some(as_of) = opts.as_of.or(s.as_of).or(today) else {
            eprintln!("aimskit triage: cannot read today's date; pass --as-of YYYY-MM-DD");
            return ExitCode::from(2);
        };
        results.push((p.clone(), triage(s, as_of)));
    }
    let drift = baseline
        .as_ref()
        .map(|b| crate::drift::compare(b, &results));

    let out = match opts.output {
        Output::Json => {
            let json = if inventory {
                serde_json::to_string_pretty(&Inventory {
                    format: INVENTORY_FORMAT,
                    results: results
                        .iter()
                        .map(|(p, r)| FileResult {
                            file: p.display().to_string(),
                            result: r,
                        })
                        .collect(),
                    summary: summary(&results),
                    drift: drift.as_ref(),
                })
            } else {
                match results.first() {
                    Some((_, r)) => match &drift {
                        None => serde_json::to_string_pretty(r),
                        Some(d) => serde_json::to_string_pretty(&WithDrift {
                            result: r,
                            drift: d,
                        }),
                    },
                    None => Ok(String::new()),
                }
            };
            match json {
                Ok(s) => s + "\n",
                Err(e) => {
                    eprintln!("aimskit triage: cannot write JSON: {e}");
                    return ExitCode::from(2);
                }
            }
        }
        Output::Text => {
            let mut s = String::new();
            for (i, (p, r)) in results.iter().enumerate() {
                if i > 0 {
                    s.push('\n');
                }
                s.push_str(&render_text(p, r, opts.lang));
            }
            if inventory {
                let n = results.len().to_string();
                s.push_str(&format!(
                    "\n{}\n",
                    tf(opts.lang, "cli.inventory", &[("n", &n)])
                ));
                for (tier, n) in summary(&results) {
                    s.push_str(&format!("  {tier:<14} {n}\n"));
                }
            }
            if let Some(d) = &drift {
                s.push('\n');
                s.push_str(&crate::drift::render_text(d, opts.lang));
            }
            s.push_str(&format!("\n{}\n", t(opts.lang, "app.not_legal_advice")));
            s
        }
    };
    // A closed pipe (`| head`) is not an error worth a panic.
    let _ = std::io::Write::write_all(&mut std::io::stdout().lock(), out.as_bytes());
    let gate = results
        .iter()
        .any(|(_, r)| r.tier == Tier::Prohibited || !r.needs_review.is_empty());
    if opts.fail_on_review && gate {
        eprintln!(
            "aimskit triage: failing (--fail-on-review): a system is prohibited or needs review"
        );
        return ExitCode::from(1);
    }
    if opts.fail_on_drift && drift.as_ref().is_some_and(|d| d.changed) {
        eprintln!("aimskit triage: failing (--fail-on-drift): results changed since the baseline");
        return ExitCode::from(1);
    }
    ExitCode::SUCCESS
}

fn summary(results: &[(PathBuf, TriageResult)]) -> BTreeMap<&'static str, usize> {
    let mut m = BTreeMap::new();
    for t in Tier::ALL {
        m.insert(t.as_str(), 0);
    }
    for (_, r) in results {
        *m.entry(r.tier.as_str()).or_insert(0) += 1;
    }
    m
}

/// The JSON shape of a multi-file run.
#[derive(serde::Serialize)]
struct Inventory<'a> {
    format: &'static str,
    results: Vec<FileResult<'a>>,
    summary: BTreeMap<&'static str, usize>,
    /// With `--baseline` only: what changed since then.
    #[serde(skip_serializing_if = "Option::is_none")]
    drift: Option<&'a crate::drift::Report>,
}

/// One result with, after `--baseline`, its `drift` member.
#[derive(serde::Serialize)]
struct WithDrift<'a> {
    #[serde(flatten)]
    result: &'a TriageResult,
    drift: &'a crate::drift::Report,
}

/// One result of an inventory, with the file it came from.
#[derive(serde::Serialize)]
struct FileResult<'a> {
    file: String,
    #[serde(flatten)]
    result: &'a TriageResult,
}

pub(crate) fn tier_text(lang: Lang, tier: Tier) -> String {
    t(lang, &format!("cli.tier.{}", tier.as_str())).to_owned()
}

/// A role as printed: the rule-data ID in English, the role name otherwise.
pub(crate) fn role_text(lang: Lang, role: Role) -> String {
    match lang {
        Lang::En => role.as_str().replace('_', " "),
        _ => t(lang, &format!("ui.role.{}", role.as_str())).to_owned(),
    }
}

fn render_text(path: &Path, r: &TriageResult, lang: Lang) -> String {
    use std::fmt::Write as _;
    let mut s = String::new();
    let _ = writeln!(s, "{} ({})", r.name, path.display());
    let _ = writeln!(s, "  {}: {}", t(lang, "cli.tier"), tier_text(lang, r.tier));
    let line = |s: &mut String, label: &str, v: &[String]| {
        if !v.is_empty() {
            let _ = writeln!(s, "  {label}: {}", v.join(", "));
        }
    };
    line(&mut s, t(lang, "cli.prohibited"), &r.prohibited);
    line(&mut s, t(lang, "cli.high_risk_basis"), &r.high_risk_basis);
    line(&mut s, t(lang, "cli.derogation"), &r.derogation);
    line(&mut s, t(lang, "cli.transparency"), &r.transparency);
    let gpai = serde_json::to_value(r.gpai)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned));
    if let Some(g) = gpai.filter(|g| g != "none") {
        let _ = writeln!(s, "  {}: {g}", t(lang, "cli.gpai"));
    }
    let roles: Vec<String> = match lang {
        Lang::En => r.roles.iter().map(|x| x.as_str().to_owned()).collect(),
        _ => r.roles.iter().map(|x| role_text(lang, *x)).collect(),
    };
    if !roles.is_empty() {
        let _ = writeln!(s, "  {}: {}", t(lang, "cli.roles"), roles.join(", "));
    }
    let _ = writeln!(s, "  {}: {}", t(lang, "cli.as_of"), r.as_of.long(lang));
    let _ = writeln!(s, "  {}:", t(lang, "cli.why"));
    for step in &r.trace {
        let because = aimskit_core::i18n::reason(lang, step);
        let _ = writeln!(s, "    - [{}] {because}", step.citation);
    }
    if !r.obligations.is_empty() {
        let date = r.as_of.to_string();
        let _ = writeln!(s, "  {}:", tf(lang, "cli.obligations", &[("date", &date)]));
        for role in Role::ALL {
            let mine: Vec<_> = r.obligations.iter().filter(|o| o.role == role).collect();
            if mine.is_empty() {
                continue;
            }
            let _ = writeln!(s, "    {}:", role_text(lang, role));
            for o in mine {
                let mark = if o.applicable { "x" } else { " " };
                let _ = writeln!(
                    s,
                    "      [{mark}] {:<28} {} {}  {}",
                    o.articles.join(", "),
                    t(lang, "cli.from"),
                    o.applies_from.short(lang),
                    aimskit_core::i18n::obligation_title(lang, o)
                );
            }
        }
    }
    if !r.needs_review.is_empty() {
        let _ = writeln!(s, "  {}:", t(lang, "cli.needs_review"));
        for n in &r.needs_review {
            let _ = writeln!(s, "    - {}: {}", n.field, n.why_in(lang));
        }
    }
    let _ = writeln!(s, "  {}: {}", t(lang, "cli.rules_version"), r.rules_version);
    s
}
