//! `aimskit triage ... --baseline PREVIOUS.json`: compare this run with an
//! earlier `--format json` output. Reading the baseline and pairing systems
//! (by file path, then by name) happen here; what changed for one system is
//! decided by [`aimskit_core::triage::drift`].

use std::path::{Component, Path, PathBuf};

use aimskit_core::i18n::{Lang, t, tf};
use aimskit_core::triage::{Change, Obligation, TriageResult, drift};
use aimskit_core::{InputError, InputErrorKind};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::common::read_text_max;

/// The largest baseline read: an inventory of a few hundred systems with
/// their traces is a few MiB.
const MAX_BASELINE_BYTES: usize = 32 * 1024 * 1024;

/// One system of the baseline.
#[derive(Debug)]
pub struct Entry {
    /// Its `file` in an inventory; `None` for a single result.
    pub file: Option<String>,
    /// The result, as written.
    pub result: TriageResult,
}

/// A baseline file: an `aimskit-triage/1` result or an `aimskit-inventory/1`.
#[derive(Debug)]
pub struct Baseline {
    /// The path as given.
    pub path: String,
    /// Its systems, in file order.
    pub entries: Vec<Entry>,
}

fn err(kind: InputErrorKind, field: &str, expected: &str) -> InputError {
    InputError::new(kind, field, expected)
}

fn join(prefix: &str, key: &str) -> String {
    if prefix.is_empty() {
        key.to_owned()
    } else {
        format!("{prefix}.{key}")
    }
}

/// Field `key` of `obj` as a `T`; errors name the field path.
fn field<T: DeserializeOwned>(
    obj: &serde_json::Map<String, Value>,
    prefix: &str,
    key: &str,
    expected: &str,
) -> Result<T, InputError> {
    let path = join(prefix, key);
    let v = obj
        .get(key)
        .ok_or_else(|| err(InputErrorKind::Missing, &path, expected))?;
    serde_json::from_value(v.clone())
        .map_err(|e| err(InputErrorKind::WrongType, &path, expected).found(e.to_string()))
}

/// A list field of `obj`, element by element (errors name `key[i]`).
fn list<T: DeserializeOwned>(
    obj: &serde_json::Map<String, Value>,
    prefix: &str,
    key: &str,
    expected: &str,
) -> Result<Vec<T>, InputError> {
    let path = join(prefix, key);
    let items = match obj.get(key) {
        Some(Value::Array(a)) => a,
        Some(_) => return Err(err(InputErrorKind::WrongType, &path, "a list")),
        None => return Err(err(InputErrorKind::Missing, &path, "a list")),
    };
    items
        .iter()
        .enumerate()
        .map(|(i, v)| {
            serde_json::from_value(v.clone()).map_err(|e| {
                err(InputErrorKind::WrongType, &format!("{path}[{i}]"), expected)
                    .found(e.to_string())
            })
        })
        .collect()
}

/// One `aimskit-triage/1` result at `prefix` (`""` or `results[3]`).
fn result_of(v: &Value, prefix: &str) -> Result<TriageResult, InputError> {
    let Some(obj) = v.as_object() else {
        let field = if prefix.is_empty() { "" } else { prefix };
        return Err(err(
            InputErrorKind::WrongType,
            field,
            "an aimskit-triage/1 result (a JSON object)",
        ));
    };
    let format: String = field(obj, prefix, "format", "\"aimskit-triage/1\"")?;
    if format != aimskit_core::triage::result::TRIAGE_FORMAT {
        return Err(err(
            InputErrorKind::Format,
            &join(prefix, "format"),
            "\"aimskit-triage/1\"",
        )
        .found(format!("`{format}`")));
    }
    let ids = "a list of IDs";
    Ok(TriageResult {
        format,
        name: field(obj, prefix, "name", "a text")?,
        as_of: field(obj, prefix, "as_of", "a date YYYY-MM-DD")?,
        rules_version: field(obj, prefix, "rules_version", "a text")?,
        tier: field(obj, prefix, "tier", "a tier (`minimal`, `high_risk`, ...)")?,
        prohibited: list(obj, prefix, "prohibited", ids)?,
        high_risk_basis: list(obj, prefix, "high_risk_basis", ids)?,
        derogation: list(obj, prefix, "derogation", ids)?,
        transparency: list(obj, prefix, "transparency", ids)?,
        gpai: field(obj, prefix, "gpai", "`none`, `gpai` or `gpai_systemic`")?,
        roles: list(obj, prefix, "roles", "a role (`provider`, `deployer`, ...)")?,
        obligations: list(
            obj,
            prefix,
            "obligations",
            "an obligation {id, role, articles, applies_from, applicable}",
        )?,
        needs_review: list(obj, prefix, "needs_review", "a review point {field, why}")?,
        // Not compared: an edited or missing trace does not matter.
        trace: Vec::new(),
    })
}

/// Reads a baseline written by `aimskit triage --format json`.
pub fn load(path: &Path) -> Result<Baseline, InputError> {
    let name = path.display().to_string();
    let text = read_text_max(path, "baseline", MAX_BASELINE_BYTES)?;
    let parsed = parse(&text).map_err(|e| e.in_file(&name))?;
    Ok(Baseline {
        path: name,
        entries: parsed,
    })
}

fn parse(text: &str) -> Result<Vec<Entry>, InputError> {
    let expected = "the JSON output of `aimskit triage --format json`";
    let v: Value = serde_json::from_str(text)
        .map_err(|e| err(InputErrorKind::Syntax, "", expected).found(e.to_string()))?;
    let Some(obj) = v.as_object() else {
        return Err(err(InputErrorKind::WrongType, "", expected));
    };
    let format: String = field(
        obj,
        "",
        "format",
        "\"aimskit-triage/1\" or \"aimskit-inventory/1\"",
    )?;
    match format.as_str() {
        aimskit_core::triage::result::TRIAGE_FORMAT => Ok(vec![Entry {
            file: None,
            result: result_of(&v, "")?,
        }]),
        crate::triage::INVENTORY_FORMAT => {
            let Some(Value::Array(items)) = obj.get("results") else {
                return Err(err(InputErrorKind::Missing, "results", "a list of results"));
            };
            items
                .iter()
                .enumerate()
                .map(|(i, item)| {
                    let prefix = format!("results[{i}]");
                    let file = item
                        .get("file")
                        .and_then(Value::as_str)
                        .ok_or_else(|| {
                            err(InputErrorKind::Missing, &join(&prefix, "file"), "a path")
                        })?
                        .to_owned();
                    Ok(Entry {
                        file: Some(file),
                        result: result_of(item, &prefix)?,
                    })
                })
                .collect()
        }
        other => Err(err(
            InputErrorKind::Format,
            "format",
            "\"aimskit-triage/1\" or \"aimskit-inventory/1\"",
        )
        .found(format!("`{other}`"))),
    }
}

/// A path for matching: `./a/b.toml` and `a/./b.toml` are `a/b.toml`.
fn normal(p: &str) -> PathBuf {
    Path::new(p)
        .components()
        .filter(|c| !matches!(c, Component::CurDir))
        .collect()
}

/// A system named in the drift report.
#[derive(Debug, Serialize)]
pub struct SystemRef {
    /// Its file (`null` for a baseline that is a single result).
    pub file: Option<String>,
    /// Its name.
    pub name: String,
}

/// The changes of one system present in both runs.
#[derive(Debug, Serialize)]
pub struct SystemDrift {
    /// Its file in this run.
    pub file: String,
    /// Its name in this run.
    pub name: String,
    /// Its file in the baseline, when it differs (matched by name).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub baseline_file: Option<String>,
    /// What changed, in core's order.
    pub changes: Vec<Change>,
}

/// The `drift` member of the JSON output.
#[derive(Debug, Serialize)]
pub struct Report {
    /// The baseline file as given.
    pub baseline: String,
    /// Whether anything changed (systems added or removed, or any change).
    pub changed: bool,
    /// Systems of this run that the baseline does not have.
    pub added: Vec<SystemRef>,
    /// Systems of the baseline that this run does not have.
    pub removed: Vec<SystemRef>,
    /// Systems in both runs with at least one change, in this run's order.
    pub systems: Vec<SystemDrift>,
    /// How many systems are in both runs without any change.
    pub unchanged: usize,
}

/// Pairs this run's systems with the baseline's: by file path, then by
/// name, then a single result with a single result; and compares each pair.
pub fn compare(baseline: &Baseline, results: &[(PathBuf, TriageResult)]) -> Report {
    let mut base_of: Vec<Option<usize>> = vec![None; results.len()];
    let mut taken = vec![false; baseline.entries.len()];
    // Pairs each unpaired system `i` with the first unpaired baseline entry
    // `j` for which `same(i, j)`.
    let mut pair_by = |same: &dyn Fn(usize, usize) -> bool| {
        for (i, slot) in base_of.iter_mut().enumerate() {
            if slot.is_some() {
                continue;
            }
            if let Some(j) = (0..taken.len()).find(|&j| !taken[j] && same(i, j)) {
                *slot = Some(j);
                taken[j] = true;
            }
        }
    };
    // 1. Same file (paths normalised once).
    let files: Vec<PathBuf> = results
        .iter()
        .map(|(p, _)| normal(&p.display().to_string()))
        .collect();
    let base_files: Vec<Option<PathBuf>> = baseline
        .entries
        .iter()
        .map(|e| e.file.as_deref().map(normal))
        .collect();
    pair_by(&|i, j| base_files[j].as_ref() == Some(&files[i]));
    // 2. Same name, among the systems still unpaired.
    pair_by(&|i, j| baseline.entries[j].result.name == results[i].1.name);
    // 3. One system now, one single result then: the same system renamed.
    if results.len() == 1
        && baseline.entries.len() == 1
        && baseline.entries[0].file.is_none()
        && base_of[0].is_none()
    {
        base_of[0] = Some(0);
        taken[0] = true;
    }
    let mut report = Report {
        baseline: baseline.path.clone(),
        changed: false,
        added: Vec::new(),
        removed: Vec::new(),
        systems: Vec::new(),
        unchanged: 0,
    };
    for (i, (p, r)) in results.iter().enumerate() {
        let file = p.display().to_string();
        let Some(j) = base_of[i] else {
            report.added.push(SystemRef {
                file: Some(file),
                name: r.name.clone(),
            });
            continue;
        };
        let old = &baseline.entries[j];
        let changes = drift(&old.result, r);
        if changes.is_empty() {
            report.unchanged += 1;
            continue;
        }
        let baseline_file = old.file.clone().filter(|f| normal(f) != normal(&file));
        report.systems.push(SystemDrift {
            file,
            name: r.name.clone(),
            baseline_file,
            changes,
        });
    }
    for (j, e) in baseline.entries.iter().enumerate() {
        if !taken[j] {
            report.removed.push(SystemRef {
                file: e.file.clone(),
                name: e.result.name.clone(),
            });
        }
    }
    report.changed =
        !(report.added.is_empty() && report.removed.is_empty() && report.systems.is_empty());
    report
}

fn ids(v: &[String]) -> String {
    v.join(", ")
}

fn obligation_args(lang: Lang, o: &Obligation) -> [(&'static str, String); 4] {
    [
        ("articles", o.articles.join(", ")),
        ("role", crate::triage::role_text(lang, o.role)),
        ("date", o.applies_from.to_string()),
        ("title", aimskit_core::i18n::obligation_title(lang, o)),
    ]
}

fn tfo(lang: Lang, key: &str, args: &[(&str, String)]) -> String {
    let refs: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
    tf(lang, key, &refs)
}

/// One change as a line of text in `lang`; lists give one line each for
/// what was added and what was removed.
fn change_lines(lang: Lang, c: &Change) -> Vec<String> {
    let changed = |label: &str, old: String, new: String| {
        tfo(
            lang,
            "cli.drift.changed",
            &[("label", label.to_owned()), ("old", old), ("new", new)],
        )
    };
    let lists = |label: &str, added: &[String], removed: &[String]| {
        let mut out = Vec::new();
        if !added.is_empty() {
            out.push(tfo(
                lang,
                "cli.drift.added",
                &[("label", label.to_owned()), ("list", ids(added))],
            ));
        }
        if !removed.is_empty() {
            out.push(tfo(
                lang,
                "cli.drift.removed",
                &[("label", label.to_owned()), ("list", ids(removed))],
            ));
        }
        out
    };
    let gpai = |g| {
        serde_json::to_value(g)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default()
    };
    let review = |key: &str, r: &aimskit_core::triage::Review, old: Option<String>| {
        let mut args = vec![("field", r.field.clone()), ("why", r.why_in(lang))];
        if let Some(o) = old {
            args.push(("old", o));
        }
        tfo(lang, key, &args)
    };
    match c {
        Change::RulesVersion { from, to } => {
            vec![changed(
                t(lang, "cli.rules_version"),
                from.clone(),
                to.clone(),
            )]
        }
        Change::Tier { from, to } => vec![changed(
            t(lang, "cli.tier"),
            crate::triage::tier_text(lang, *from),
            crate::triage::tier_text(lang, *to),
        )],
        Change::Prohibited { added, removed } => lists(t(lang, "cli.prohibited"), added, removed),
        Change::HighRiskBasis { added, removed } => {
            lists(t(lang, "cli.high_risk_basis"), added, removed)
        }
        Change::Derogation { added, removed } => lists(t(lang, "cli.derogation"), added, removed),
        Change::Transparency { added, removed } => {
            lists(t(lang, "cli.transparency"), added, removed)
        }
        Change::Gpai { from, to } => vec![changed(t(lang, "cli.gpai"), gpai(from), gpai(to))],
        Change::Roles { added, removed } => {
            let names = |v: &[aimskit_core::triage::Role]| -> Vec<String> {
                v.iter()
                    .map(|r| crate::triage::role_text(lang, *r))
                    .collect()
            };
            lists(t(lang, "cli.roles"), &names(added), &names(removed))
        }
        Change::ObligationAdded(o) => {
            vec![tfo(lang, "cli.drift.obl_added", &obligation_args(lang, o))]
        }
        Change::ObligationRemoved(o) => {
            vec![tfo(
                lang,
                "cli.drift.obl_removed",
                &obligation_args(lang, o),
            )]
        }
        Change::ObligationArticles { id, role, from, to } => vec![tfo(
            lang,
            "cli.drift.obl_articles",
            &[
                ("id", id.clone()),
                ("role", crate::triage::role_text(lang, *role)),
                ("old", from.join(", ")),
                ("new", to.join(", ")),
            ],
        )],
        Change::AppliesFromMoved {
            role,
            articles,
            from,
            to,
            ..
        } => vec![tfo(
            lang,
            "cli.drift.obl_moved",
            &[
                ("articles", articles.join(", ")),
                ("role", crate::triage::role_text(lang, *role)),
                ("old_date", from.to_string()),
                ("new_date", to.to_string()),
            ],
        )],
        Change::BecameApplicable(o) => {
            vec![tfo(
                lang,
                "cli.drift.obl_applies",
                &obligation_args(lang, o),
            )]
        }
        Change::NoLongerApplicable(o) => vec![tfo(
            lang,
            "cli.drift.obl_not_applicable",
            &obligation_args(lang, o),
        )],
        Change::ReviewAdded(r) => vec![review("cli.drift.review_added", r, None)],
        Change::ReviewRemoved(r) => vec![review("cli.drift.review_removed", r, None)],
        Change::ReviewChanged { from, to, .. } => vec![review(
            "cli.drift.review_changed",
            to,
            Some(from.why_in(lang)),
        )],
    }
}

/// The drift section of the text output.
pub fn render_text(report: &Report, lang: Lang) -> String {
    use std::fmt::Write as _;
    let mut s = String::new();
    let file = [("file", report.baseline.as_str())];
    if !report.changed {
        let _ = writeln!(s, "{}", tf(lang, "cli.drift.none", &file));
        return s;
    }
    let _ = writeln!(s, "{}:", tf(lang, "cli.drift.title", &file));
    for a in &report.added {
        let f = a.file.as_deref().unwrap_or("");
        let args = [("name", a.name.as_str()), ("file", f)];
        let _ = writeln!(s, "  {}", tf(lang, "cli.drift.system_added", &args));
    }
    for r in &report.removed {
        let f = r.file.as_deref().unwrap_or(&report.baseline);
        let args = [("name", r.name.as_str()), ("file", f)];
        let _ = writeln!(s, "  {}", tf(lang, "cli.drift.system_removed", &args));
    }
    for sys in &report.systems {
        let _ = writeln!(s, "  {} ({})", sys.name, sys.file);
        for c in &sys.changes {
            for line in change_lines(lang, c) {
                let _ = writeln!(s, "    - {line}");
            }
        }
    }
    if report.unchanged > 0 {
        let n = report.unchanged.to_string();
        let _ = writeln!(s, "  {}", tf(lang, "cli.drift.unchanged", &[("n", &n)]));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_match_without_dot_segments() {
        assert_eq!(normal("./systems/a.toml"), normal("systems/./a.toml"));
        assert_ne!(normal("systems/a.toml"), normal("other/a.toml"));
    }

    #[test]
    fn wrong_format_names_the_field() {
        let e = parse(r#"{"format": "aimskit-gap/1"}"#).unwrap_err();
        assert_eq!(e.field, "format");
        assert_eq!(e.found.as_deref(), Some("`aimskit-gap/1`"));
        let e = parse(r#"{"format": "aimskit-inventory/1", "results": [{"file": "a.toml", "format": "aimskit-triage/1", "name": "x", "as_of": "2026-11-29", "rules_version": "v", "tier": "huge"}]}"#).unwrap_err();
        assert_eq!(e.field, "results[0].tier");
        assert!(parse("[1]").is_err());
        assert!(parse("{").is_err());
    }
}
