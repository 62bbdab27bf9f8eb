//! Evaluation: statuses, scores, Statement of Applicability and findings.

use std::collections::{BTreeMap, BTreeSet};

use super::catalogue::{Catalogue, Item, ItemKind, Pdca, article_matches, catalogue};
use super::result::*;
use super::{pitfalls, roadmap};
use crate::Date;
use crate::aims::AimsFile;
use crate::i18n::Args;
use crate::impact::{self, ImpactEvaluation, ImpactStatus, ImpactWorksheet};
use crate::triage::{Role, Tier, TriageResult};

/// One inventory system, already triaged (the input of [`evaluate`]).
#[derive(Debug, Clone, PartialEq)]
pub struct TriagedSystem {
    /// Name or path, used in findings.
    pub name: String,
    /// Its triage result.
    pub triage: TriageResult,
    /// The roles the system file declares (before Art. 25).
    pub declared_roles: Vec<Role>,
    /// Its `[impact]` worksheet, if any.
    pub impact: Option<ImpactWorksheet>,
}

/// The credit an item earns in the score (see the module docs of
/// [`crate::gap`]): `None` for excluded controls (not counted).
///
/// # Example
/// ```
/// use aimskit_core::gap::{credit, Status};
/// assert_eq!(credit(Status::Met, Some(3)), Some(1.0));
/// assert_eq!(credit(Status::Partial, Some(5)), Some(2.0 / 3.0));
/// assert_eq!(credit(Status::NotAssessed, None), Some(0.0));
/// assert_eq!(credit(Status::NotApplicable, Some(4)), None);
/// ```
pub fn credit(status: Status, maturity: Option<u8>) -> Option<f64> {
    match status {
        Status::NotApplicable => None,
        Status::Met => Some(1.0),
        Status::NotAssessed => Some(0.0),
        Status::Missing | Status::Partial => Some(f64::from(maturity.unwrap_or(0).min(2)) / 3.0),
    }
}

fn base_status(maturity: Option<u8>, evidenced: bool) -> Status {
    match maturity {
        None => Status::NotAssessed,
        Some(0) => Status::Missing,
        Some(m) if m >= 3 && evidenced => Status::Met,
        Some(_) => Status::Partial,
    }
}

fn round1(x: f64) -> f64 {
    (x * 1000.0).round() / 10.0
}

fn mean(xs: &[f64]) -> Option<f64> {
    (!xs.is_empty()).then(|| xs.iter().sum::<f64>() / xs.len() as f64)
}

/// Shared state while evaluating.
pub(crate) struct Ctx<'a> {
    pub cat: &'a Catalogue,
    pub aims: &'a AimsFile,
    pub as_of: Date,
    pub systems: &'a [SystemGap],
    pub declared_roles: Vec<Vec<Role>>,
    pub items: BTreeMap<String, ItemResult>,
    /// Per item ID (controls and clauses): obligations that make it necessary.
    pub required: BTreeMap<String, Vec<Requirement>>,
    /// Systems that need a FRIA without a complete worksheet.
    pub fria_gaps: Vec<FriaGap>,
    /// Systems whose FRIA worksheet is complete but whose results were not
    /// notified to the market surveillance authority by `as_of` (Art. 27(3)).
    pub fria_unnotified: Vec<FriaGap>,
    /// Per system: obligation articles no catalogue item maps to.
    pub uncovered: Vec<Vec<String>>,
}

pub(crate) struct FriaGap {
    pub system: String,
    pub applies_from: Date,
    pub in_force: bool,
    pub status: ImpactStatus,
}

impl Ctx<'_> {
    pub fn item(&self, id: &str) -> Option<&ItemResult> {
        self.items.get(id)
    }

    /// Maturity as a pitfall sees it: `None` not assessed, `Some(0)` excluded.
    pub fn level(&self, id: &str) -> Option<u8> {
        let r = self.items.get(id)?;
        match r.status {
            Status::NotApplicable => Some(0),
            _ => r.maturity,
        }
    }

    pub fn title(&self, id: &str) -> String {
        self.cat
            .item(id)
            .map(|i| i.title.en.clone())
            .unwrap_or_default()
    }
}

/// Evaluates an AIMS against its triaged inventory. Pure and deterministic.
pub fn evaluate(
    aims: &AimsFile,
    systems: Vec<TriagedSystem>,
    as_of: Date,
    rules_version: &str,
) -> GapResult {
    let cat = catalogue();
    let declared_roles: Vec<Vec<Role>> = systems.iter().map(|s| s.declared_roles.clone()).collect();
    let gaps: Vec<SystemGap> = systems
        .into_iter()
        .map(|s| {
            let needs_fria = s
                .triage
                .obligations
                .iter()
                .any(|o| o.articles.iter().any(|a| article_matches(a, "Art. 27")));
            let impact = s
                .impact
                .as_ref()
                .map(impact::evaluate)
                .unwrap_or_else(ImpactEvaluation::missing);
            SystemGap {
                name: s.name,
                triage: s.triage,
                needs_fria,
                impact,
            }
        })
        .collect();

    let mut ctx = Ctx {
        cat,
        aims,
        as_of,
        systems: &gaps,
        declared_roles,
        items: BTreeMap::new(),
        required: required_items(cat, &gaps, as_of),
        fria_gaps: Vec::new(),
        fria_unnotified: Vec::new(),
        uncovered: gaps
            .iter()
            .map(|s| uncovered_articles(cat, &s.triage))
            .collect(),
    };
    (ctx.fria_gaps, ctx.fria_unnotified) = fria_gaps(&gaps, as_of);
    ctx.items = item_results(&ctx);

    let (score, pdca, clause_scores, objective_scores, coverage) = scores(&ctx);
    let mut findings = findings(&ctx);
    sort_findings(cat, &mut findings);
    let hits = pitfalls::detect(&ctx);
    let roadmap = roadmap::build(&ctx, &hits);
    let required = std::mem::take(&mut ctx.required);
    let soa = soa_rows(&ctx, required);

    let mut clauses = BTreeMap::new();
    let mut controls = BTreeMap::new();
    for (id, r) in &ctx.items {
        match cat.item(id).map(|i| i.kind) {
            Some(ItemKind::Clause) => clauses.insert(id.clone(), r.clone()),
            _ => controls.insert(id.clone(), r.clone()),
        };
    }
    GapResult {
        format: GAP_FORMAT.to_owned(),
        score,
        pdca,
        clauses,
        controls,
        soa,
        findings,
        pitfalls: hits.iter().map(|h| h.id.clone()).collect(),
        roadmap,
        organisation: aims.organisation.clone(),
        as_of,
        rules_version: rules_version.to_owned(),
        catalogue_version: cat.version.clone(),
        coverage,
        clause_scores,
        objective_scores,
        pitfall_details: hits,
        systems: gaps,
    }
}

/// Which items each system's obligations make necessary (obligations.toml).
fn required_items(
    cat: &Catalogue,
    systems: &[SystemGap],
    as_of: Date,
) -> BTreeMap<String, Vec<Requirement>> {
    // (item position, system index, article) -> (applies_from, rule); the
    // strings are borrowed from the catalogue, so the loop does not allocate,
    // and article numbers are compared before article strings.
    struct Rule<'c> {
        id: &'c str,
        articles: Vec<(&'c str, u32)>,
        items: Vec<usize>,
    }
    let rules: Vec<Rule> = cat
        .obligation_map
        .rules
        .iter()
        .map(|r| Rule {
            id: &r.id,
            articles: r
                .articles
                .iter()
                .map(|a| (a.as_str(), article_number(a)))
                .collect(),
            items: r
                .controls
                .iter()
                .chain(&r.clauses)
                .map(|i| cat.position(i))
                .collect(),
        })
        .collect();
    // Sorted by key and unique, like a BTreeMap (kept as a vector with
    // binary-search inserts: one map type less in the wasm).
    // (item position, system index, article) -> (applies_from, rule).
    type Found<'c> = ((usize, usize, &'c str), (Date, &'c str));
    let mut found: Vec<Found> = Vec::new();
    let mut obs: Vec<(&str, u32, Date)> = Vec::new();
    for (si, sys) in systems.iter().enumerate() {
        obs.clear();
        for ob in &sys.triage.obligations {
            obs.extend(
                ob.articles
                    .iter()
                    .map(|a| (a.as_str(), article_number(a), ob.applies_from)),
            );
        }
        for rule in &rules {
            let mut fire = |article, date: Date| {
                for &item in &rule.items {
                    let key = (item, si, article);
                    match found.binary_search_by(|(k, _)| k.cmp(&key)) {
                        Ok(i) => {
                            if let Some((_, e)) = found.get_mut(i) {
                                if date < e.0 {
                                    *e = (date, rule.id);
                                }
                            }
                        }
                        Err(i) => found.insert(i, (key, (date, rule.id))),
                    }
                }
            };
            for &(p, pn) in &rule.articles {
                for &(a, an, date) in &obs {
                    if an == pn && article_matches(a, p) {
                        fire(p, date);
                    }
                }
            }
        }
    }
    let mut out: BTreeMap<String, Vec<Requirement>> = BTreeMap::new();
    for ((item, si, article), (applies_from, rule)) in found {
        let Some(item) = cat.items.get(item) else {
            continue;
        };
        out.entry(item.id.clone()).or_default().push(Requirement {
            article: article.to_owned(),
            system: systems.get(si).map(|s| s.name.clone()).unwrap_or_default(),
            applies_from,
            in_force: applies_from <= as_of,
            rule: rule.to_owned(),
        });
    }
    out
}

/// Systems that need a FRIA: those without a complete worksheet
/// (Art. 27(1)), and those with one whose results were not notified to the
/// market surveillance authority by `as_of` (Art. 27(3)).
fn fria_gaps(systems: &[SystemGap], as_of: Date) -> (Vec<FriaGap>, Vec<FriaGap>) {
    let mut sheets = Vec::new();
    let mut unnotified = Vec::new();
    for s in systems.iter().filter(|s| s.needs_fria) {
        let applies_from = s
            .triage
            .obligations
            .iter()
            .filter(|o| o.articles.iter().any(|a| article_matches(a, "Art. 27")))
            .map(|o| o.applies_from)
            .min()
            .unwrap_or(as_of);
        let gap = FriaGap {
            system: s.name.clone(),
            applies_from,
            in_force: applies_from <= as_of,
            status: s.impact.status,
        };
        if s.impact.status != ImpactStatus::Complete {
            sheets.push(gap);
        } else if s.impact.notified.is_none_or(|d| d > as_of) {
            unnotified.push(gap);
        }
    }
    (sheets, unnotified)
}

/// Items that completed worksheets serve as evidence for.
const WORKSHEET_EVIDENCE: &[&str] = &["8.4", "A.5.3", "A.5.4"];
/// Items held below `met` while a FRIA worksheet is missing.
const FRIA_CAPPED: &[&str] = &["6.1.4", "8.4", "A.5.2", "A.5.3", "A.5.4", "A.5.5"];

/// Whether a system's worksheet exists and has the 42001 element `field`
/// (`impact.societal_impacts`, ...) filled in.
fn sheet_has(e: &ImpactEvaluation, field: &str) -> bool {
    e.iso42001_status != ImpactStatus::Missing
        && !e.iso42001_missing.iter().any(|m| m.field == field)
}

/// The self-assessment says the item is in place (maturity >= 3, not excluded).
fn claimed(ctx: &Ctx, id: &str) -> bool {
    ctx.item(id)
        .is_some_and(|r| r.status != Status::NotApplicable && r.maturity.is_some_and(|m| m >= 3))
}

fn item_results(ctx: &Ctx) -> BTreeMap<String, ItemResult> {
    let worksheets: Vec<String> = ctx
        .systems
        .iter()
        .filter(|s| s.impact.status == ImpactStatus::Complete)
        .map(|s| format!("impact worksheet: {}", s.name))
        .collect();
    // A.5.5: worksheets that record impacts on society (whether or not
    // their Art. 27 part is complete).
    let societal: Vec<String> = ctx
        .systems
        .iter()
        .filter(|s| sheet_has(&s.impact, "impact.societal_impacts"))
        .map(|s| format!("impact worksheet (societal impacts): {}", s.name))
        .collect();
    let cap_reason = (!ctx.fria_gaps.is_empty()).then(|| {
        let names: Vec<&str> = ctx.fria_gaps.iter().map(|g| g.system.as_str()).collect();
        format!(
            "no complete impact worksheet (Art. 27(1)(a)-(f)) for: {}",
            names.join(", ")
        )
    });
    let mut out = BTreeMap::new();
    for item in &ctx.cat.items {
        let (maturity, evidence, excluded) = match item.kind {
            ItemKind::Clause => {
                let e = ctx.aims.clauses.get(&item.id);
                (
                    e.and_then(|e| e.maturity),
                    e.map(|e| !e.evidence.iter().all(|x| x.trim().is_empty())),
                    false,
                )
            }
            ItemKind::Control => {
                let e = ctx.aims.controls.get(&item.id);
                (
                    e.and_then(|e| e.maturity),
                    e.map(|e| !e.evidence.iter().all(|x| x.trim().is_empty())),
                    e.is_some_and(|e| !e.applicable),
                )
            }
        };
        let inventory_evidence = if WORKSHEET_EVIDENCE.contains(&item.id.as_str()) {
            worksheets.clone()
        } else if item.id == "A.5.5" {
            societal.clone()
        } else {
            Vec::new()
        };
        let evidenced = evidence.unwrap_or(false) || !inventory_evidence.is_empty();
        let mut status = if excluded {
            Status::NotApplicable
        } else {
            base_status(maturity, evidenced)
        };
        let mut capped = None;
        if status == Status::Met && FRIA_CAPPED.contains(&item.id.as_str()) {
            if let Some(r) = &cap_reason {
                status = Status::Partial;
                capped = Some(r.clone());
            }
        }
        out.insert(
            item.id.clone(),
            ItemResult {
                maturity,
                evidenced,
                status,
                inventory_evidence,
                capped,
            },
        );
    }
    out
}

type Scores = (
    f64,
    PdcaScores,
    BTreeMap<String, f64>,
    BTreeMap<String, Option<f64>>,
    Coverage,
);

fn scores(ctx: &Ctx) -> Scores {
    let mut all = Vec::new();
    // Credits per phase (indexed by `Pdca as usize`) and per group (at most
    // a few dozen, found by scanning): plain vectors instead of two more
    // BTreeMap types in the wasm.
    let mut by_phase: [Vec<f64>; 4] = Default::default();
    let mut by_group: Vec<(&str, Vec<f64>)> = Vec::new();
    let mut cov = Coverage {
        total: ctx.cat.items.len(),
        ..Coverage::default()
    };
    for item in &ctx.cat.items {
        let Some(r) = ctx.items.get(&item.id) else {
            continue;
        };
        match r.status {
            Status::NotApplicable => cov.not_applicable += 1,
            Status::NotAssessed => cov.not_assessed += 1,
            Status::Met => {
                cov.met += 1;
                cov.assessed += 1;
            }
            _ => cov.assessed += 1,
        }
        let gi = match by_group.iter().position(|(g, _)| *g == item.group) {
            Some(i) => i,
            None => {
                by_group.push((&item.group, Vec::new()));
                by_group.len() - 1
            }
        };
        if let Some(c) = credit(r.status, r.maturity) {
            all.push(c);
            if let Some(p) = by_phase.get_mut(item.pdca as usize) {
                p.push(c);
            }
            if let Some((_, g)) = by_group.get_mut(gi) {
                g.push(c);
            }
        }
    }
    let pct = |xs: Option<&Vec<f64>>| xs.and_then(|x| mean(x)).map(round1);
    let phase = |p: Pdca| pct(by_phase.get(p as usize)).unwrap_or(0.0);
    let group = |id: &str| by_group.iter().find(|(g, _)| *g == id).map(|(_, v)| v);
    let pdca = PdcaScores {
        plan: phase(Pdca::Plan),
        do_: phase(Pdca::Do),
        check: phase(Pdca::Check),
        act: phase(Pdca::Act),
    };
    // Maps built by `insert`: `collect()` would add a sort per pair type.
    let mut clause_scores = BTreeMap::new();
    for g in &ctx.cat.clause_groups {
        clause_scores.insert(g.id.clone(), pct(group(&g.id)).unwrap_or(0.0));
    }
    let mut objective_scores = BTreeMap::new();
    for g in &ctx.cat.objectives {
        objective_scores.insert(g.id.clone(), pct(group(&g.id)));
    }
    (
        pct(Some(&all)).unwrap_or(0.0),
        pdca,
        clause_scores,
        objective_scores,
        cov,
    )
}

fn soa_rows(ctx: &Ctx, mut required: BTreeMap<String, Vec<Requirement>>) -> Vec<SoaRow> {
    ctx.cat
        .controls()
        .map(|item| {
            let entry = ctx.aims.controls.get(&item.id);
            // `take`, not `remove`: the map is dropped afterwards, and
            // BTreeMap::remove adds the node-rebalancing code for this
            // map type to the wasm (about 3.5 KB).
            let reqs = required
                .get_mut(&item.id)
                .map(std::mem::take)
                .unwrap_or_default();
            let required_by = article_set(reqs.iter());
            SoaRow {
                control: item.id.clone(),
                applicable: entry.map(|e| e.applicable),
                justification: entry.map(|e| e.justification.clone()).unwrap_or_default(),
                status: ctx
                    .items
                    .get(&item.id)
                    .map(|r| r.status)
                    .unwrap_or(Status::NotAssessed),
                required_by: sort_articles(required_by),
                required_by_systems: reqs,
            }
        })
        .collect()
}

/// The distinct articles of `reqs`, for [`sort_articles`]. Built by
/// `insert` (`collect()` into a set sorts a vector first: more wasm).
pub(crate) fn article_set<'r>(reqs: impl Iterator<Item = &'r Requirement>) -> BTreeSet<String> {
    let mut set = BTreeSet::new();
    for r in reqs {
        set.insert(r.article.clone());
    }
    set
}

/// Sorts `Art. N...` strings by article number, then text.
pub(crate) fn sort_articles(set: BTreeSet<String>) -> Vec<String> {
    let mut v: Vec<String> = set.into_iter().collect();
    sort_by_key(&mut v, |a| u128::from(article_number(a)));
    v
}

/// Stable sort by a key computed once per element: the same order as
/// `sort_by_cached_key`. Every sort of the gap engine packs its key into a
/// `u128`, so the wasm holds one sort instantiation, not one per key type
/// and index width (`sort_by_cached_key` picks u8/u16/u32/usize indices).
pub(crate) fn sort_by_key<T>(v: &mut Vec<T>, key: impl Fn(&T) -> u128) {
    let mut keyed: Vec<(u128, usize)> = v.iter().map(key).zip(0..).collect();
    // The index makes every pair distinct, so unstable sorting is stable.
    keyed.sort_unstable();
    let mut slots: Vec<Option<T>> = std::mem::take(v).into_iter().map(Some).collect();
    v.extend(
        keyed
            .iter()
            .filter_map(|&(_, i)| slots.get_mut(i).and_then(Option::take)),
    );
}

/// Sort key of an item or article reference: catalogue position, then
/// article number (each fits 32 bits; unknown positions sort last).
pub(crate) fn ref_key(cat: &Catalogue, ref_: &str) -> u128 {
    let position = u32::try_from(cat.position(ref_)).unwrap_or(u32::MAX);
    u128::from(position) << 32 | u128::from(article_number(ref_))
}

pub(crate) fn article_number(a: &str) -> u32 {
    a.trim_start_matches("Art. ")
        .bytes()
        .take_while(u8::is_ascii_digit)
        .take(6)
        .fold(0, |n, d| n * 10 + u32::from(d - b'0'))
}

/// Message arguments from name/value pairs. Inserts one by one: `collect()`
/// into a map would sort a vector first, one sort per array length `N`.
pub(crate) fn args<const N: usize>(pairs: [(&str, String); N]) -> Args {
    let mut out = Args::new();
    for (k, v) in pairs {
        out.insert(k.to_owned(), v);
    }
    out
}

/// The words for an item's status, with the `state_msg` key and its
/// arguments (added to `a`). `capped_systems` names the systems whose
/// missing worksheets hold an item at partial.
fn status_words(r: &ItemResult, capped_systems: &str, a: &mut Args) -> String {
    let mut put = |key: &str, m: Option<u8>| {
        a.insert("state_msg".into(), key.into());
        if let Some(m) = m {
            a.insert("maturity".into(), m.to_string());
        }
    };
    match (r.status, r.maturity) {
        (Status::Missing, _) => {
            put("gap.state.missing", None);
            "is missing (maturity 0)".into()
        }
        (Status::Partial, Some(m)) if r.capped.is_some() => {
            put("gap.state.capped", Some(m));
            a.insert("capped_msg".into(), "gap.capped".into());
            a.insert("capped_systems".into(), capped_systems.to_owned());
            format!(
                "is held at partial (maturity {m}): {}",
                r.capped.as_deref().unwrap_or("")
            )
        }
        (Status::Partial, Some(m)) if m >= 3 => {
            put("gap.state.unevidenced", Some(m));
            format!("claims maturity {m} but shows no evidence")
        }
        (Status::Partial, Some(m)) => {
            put("gap.state.partly", Some(m));
            format!("is only partly in place (maturity {m}, 3 needed with evidence)")
        }
        _ => {
            put("gap.state.other", None);
            a.insert("status".into(), r.status.as_str().to_owned());
            format!("is {}", r.status.as_str())
        }
    }
}

fn finding(
    ref_: &str,
    severity: Severity,
    (message, key, args): (String, &str, Args),
    citation: String,
    system: Option<&str>,
) -> Finding {
    Finding {
        ref_: ref_.to_owned(),
        severity,
        message,
        citation,
        system: system.map(str::to_owned),
        key: key.to_owned(),
        args,
    }
}

fn findings(ctx: &Ctx) -> Vec<Finding> {
    let mut out = Vec::new();
    let cite = |item: &Item| {
        format!(
            "ISO/IEC 42001 {}",
            if item.kind == ItemKind::Clause {
                format!("clause {}", item.id)
            } else {
                format!("Annex A {}", item.id)
            }
        )
    };
    let mut unaddressed = Vec::new();
    let capped_systems = ctx
        .fria_gaps
        .iter()
        .map(|g| g.system.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    let item_arg = |item: &Item| args([("item", item.id.clone())]);
    for item in &ctx.cat.items {
        let Some(r) = ctx.items.get(&item.id) else {
            continue;
        };
        let name = format!("{} ({})", item.id, item.title.en);
        match (item.kind, r.status) {
            (_, Status::Met) => {}
            (ItemKind::Clause, Status::NotAssessed) => out.push(finding(
                &item.id,
                Severity::Observation,
                (format!("Clause {name} is not assessed; clauses cannot be excluded, so it is a potential nonconformity until assessed."), "gap.f.clause_not_assessed", item_arg(item)),
                cite(item),
                None,
            )),
            (ItemKind::Clause, _) => {
                let mut a = item_arg(item);
                let words = status_words(r, &capped_systems, &mut a);
                out.push(finding(
                    &item.id,
                    Severity::Nonconformity,
                    (format!("Clause {name} {words}: potential nonconformity."), "gap.f.clause_gap", a),
                    cite(item),
                    None,
                ));
            }
            (ItemKind::Control, Status::NotApplicable) => {
                let entry = ctx.aims.controls.get(&item.id);
                if entry.is_none_or(|e| e.justification.trim().is_empty()) {
                    out.push(finding(
                        "6.1.3",
                        Severity::Nonconformity,
                        (format!("Control {name} is excluded from the Statement of Applicability without a justification."), "gap.f.excluded_unjustified", item_arg(item)),
                        "ISO/IEC 42001 clause 6.1.3".into(),
                        None,
                    ));
                }
                let reqs = ctx.required.get(&item.id).map(Vec::as_slice).unwrap_or(&[]);
                // Systems in name order (kept sorted by binary-search
                // inserts, one map type less in the wasm), each with its
                // requirements in their order.
                let mut systems: Vec<&str> = Vec::new();
                for rq in reqs {
                    if let Err(i) = systems.binary_search(&rq.system.as_str()) {
                        systems.insert(i, &rq.system);
                    }
                }
                for system in systems {
                    let rs: Vec<&Requirement> = reqs.iter().filter(|r| r.system == system).collect();
                    let arts = sort_articles(article_set(rs.iter().copied())).join(", ");
                    let from = rs.iter().map(|r| r.applies_from).min().map(|d| d.to_string()).unwrap_or_default();
                    out.push(finding(
                        &item.id,
                        Severity::Nonconformity,
                        (
                            format!(
                                "Control {name} is excluded, but the inventory requires it: \"{system}\" has obligations under {arts} (applies from {from})."
                            ),
                            "gap.f.excluded_required",
                            args([
                                ("item", item.id.clone()),
                                ("system", system.to_owned()),
                                ("articles", arts.clone()),
                                ("date", from.clone()),
                            ]),
                        ),
                        format!("ISO/IEC 42001 6.1.3, Annex A {}; AI Act {arts}", item.id),
                        Some(system),
                    ));
                }
            }
            (ItemKind::Control, Status::NotAssessed) => {
                if ctx.aims.controls.contains_key(&item.id) {
                    out.push(finding(
                        &item.id,
                        Severity::Observation,
                        (format!("Control {name} is declared applicable but not assessed."), "gap.f.control_not_assessed", item_arg(item)),
                        cite(item),
                        None,
                    ));
                } else {
                    unaddressed.push(item.id.clone());
                }
            }
            (ItemKind::Control, _) => {
                let mut a = item_arg(item);
                let words = status_words(r, &capped_systems, &mut a);
                out.push(finding(
                    &item.id,
                    Severity::Nonconformity,
                    (format!("Applicable control {name} {words}."), "gap.f.control_gap", a),
                    cite(item),
                    None,
                ));
            }
        }
    }
    if !unaddressed.is_empty() {
        out.push(finding(
            "6.1.3",
            Severity::Nonconformity,
            (
                format!(
                    "The Statement of Applicability does not address {} Annex A control(s): {}. Every control needs a decision (applicable or excluded with a reason).",
                    unaddressed.len(),
                    unaddressed.join(", ")
                ),
                "gap.f.soa_unaddressed",
                args([
                    ("count", unaddressed.len().to_string()),
                    ("controls", unaddressed.join(", ")),
                ]),
            ),
            "ISO/IEC 42001 clause 6.1.3, Annex A".into(),
            None,
        ));
        for id in &unaddressed {
            let arts = article_set(ctx.required.get(id).into_iter().flatten());
            if !arts.is_empty() {
                let arts = sort_articles(arts).join(", ");
                out.push(finding(
                    id,
                    Severity::Observation,
                    (
                        format!("Control {id} ({}) is not in the SoA, but the inventory requires it ({arts}).", ctx.title(id)),
                        "gap.f.unaddressed_required",
                        args([("item", id.clone()), ("articles", arts.clone())]),
                    ),
                    format!("ISO/IEC 42001 Annex A {id}; AI Act {arts}"),
                    None,
                ));
            }
        }
    }
    if ctx.aims.scope.trim().is_empty() {
        out.push(finding(
            "4.3",
            Severity::Nonconformity,
            (
                "The AIMS file states no scope; the scope must be documented.".into(),
                "gap.f.no_scope",
                Args::new(),
            ),
            "ISO/IEC 42001 clause 4.3".into(),
            None,
        ));
    }
    for g in &ctx.fria_gaps {
        let (severity, when, when_key) = if g.in_force {
            (
                Severity::Nonconformity,
                format!("in force since {}", g.applies_from),
                "gap.when.in_force",
            )
        } else {
            (
                Severity::Observation,
                format!(
                    "due before first use, and at the latest from {}",
                    g.applies_from
                ),
                "gap.when.due",
            )
        };
        let (state, state_key) = match g.status {
            ImpactStatus::Missing => ("has no impact worksheet", "gap.fria.no_sheet"),
            _ => ("has an incomplete impact worksheet", "gap.fria.incomplete"),
        };
        out.push(finding(
            "8.4",
            severity,
            (
                format!("\"{}\" needs a fundamental rights impact assessment (Art. 27, {when}) but {state}.", g.system),
                "gap.f.fria",
                args([
                    ("system", g.system.clone()),
                    ("when_msg", when_key.to_owned()),
                    ("date", g.applies_from.to_string()),
                    ("fria_msg", state_key.to_owned()),
                ]),
            ),
            "AI Act Art. 27(1)(a)-(f); ISO/IEC 42001 6.1.4, 8.4, A.5".into(),
            Some(&g.system),
        ));
    }
    for g in &ctx.fria_unnotified {
        let (severity, when_key) = if g.in_force {
            (Severity::Nonconformity, "gap.when.in_force")
        } else {
            (Severity::Observation, "gap.when.due")
        };
        let when = if g.in_force {
            format!("in force since {}", g.applies_from)
        } else {
            format!(
                "due before first use, and at the latest from {}",
                g.applies_from
            )
        };
        out.push(finding(
            "A.8.5",
            severity,
            (
                format!("\"{}\" has a complete fundamental rights impact assessment, but no notification of its results to the market surveillance authority is recorded (Art. 27(3), {when}).", g.system),
                "gap.f.fria_notify",
                args([
                    ("system", g.system.clone()),
                    ("when_msg", when_key.to_owned()),
                    ("date", g.applies_from.to_string()),
                ]),
            ),
            "AI Act Art. 27(3); ISO/IEC 42001 A.8.5".into(),
            Some(&g.system),
        ));
    }
    for (s, uncovered) in ctx.systems.iter().zip(&ctx.uncovered) {
        system_findings(s, uncovered, &mut out);
    }
    // A worksheet that leaves out a 42001 element the self-assessment claims
    // is in place: an observation (the element may be recorded elsewhere),
    // never a nonconformity. Systems without a worksheet are left to the
    // FRIA findings above.
    for (id, field, key, what, citation) in [
        (
            "A.5.5",
            "impact.societal_impacts",
            "gap.f.no_societal_impacts",
            "control A.5.5 (societal impacts) is self-assessed as in place, but the system's impact worksheet records no impacts on society",
            "ISO/IEC 42001 A.5.5",
        ),
        (
            "6.1.4",
            "impact.foreseeable_misuse",
            "gap.f.no_foreseeable_misuse",
            "clause 6.1.4 is self-assessed as in place, but the system's impact worksheet records no reasonably foreseeable misuse",
            "ISO/IEC 42001 6.1.4",
        ),
    ] {
        if !claimed(ctx, id) {
            continue;
        }
        for s in ctx.systems.iter().filter(|s| {
            s.impact.iso42001_status != ImpactStatus::Missing && !sheet_has(&s.impact, field)
        }) {
            out.push(finding(
                id,
                Severity::Observation,
                (
                    format!("\"{}\": {what}.", s.name),
                    key,
                    args([("system", s.name.clone())]),
                ),
                citation.into(),
                Some(&s.name),
            ));
        }
    }
    out
}

fn system_findings(s: &SystemGap, uncovered: &[String], out: &mut Vec<Finding>) {
    let name = s.name.as_str();
    if s.triage.tier == Tier::Prohibited {
        let arts: Vec<String> = s
            .triage
            .prohibited
            .iter()
            .map(|p| practice_citation(p))
            .collect();
        out.push(finding(
            "A.9.4",
            Severity::Nonconformity,
            (
                format!(
                    "\"{name}\" is a prohibited practice ({}): it must not be placed on the market, put into service or used. No control makes it compliant.",
                    arts.join(", ")
                ),
                "gap.f.prohibited",
                args([("system", name.to_owned()), ("articles", arts.join(", "))]),
            ),
            format!("AI Act {}", arts.join(", ")),
            Some(name),
        ));
    }
    let e = &s.impact;
    if e.status == ImpactStatus::Incomplete && !s.needs_fria {
        let fields: Vec<String> = e
            .missing
            .iter()
            .map(|m| format!("{} ({})", m.field, m.citation))
            .collect();
        let (what, what_key) = if fields.is_empty() {
            ("has invalid ratings".to_owned(), "gap.sheet.invalid")
        } else {
            (format!("lacks {}", fields.join(", ")), "gap.sheet.lacks")
        };
        out.push(finding(
            "8.4",
            Severity::Observation,
            (
                format!("The impact worksheet of \"{name}\" is incomplete: it {what}."),
                "gap.f.sheet_incomplete",
                args([
                    ("system", name.to_owned()),
                    ("what_msg", what_key.to_owned()),
                    ("fields", fields.join(", ")),
                ]),
            ),
            "ISO/IEC 42001 8.4, A.5.3".into(),
            Some(name),
        ));
    }
    if e.unmitigated > 0 {
        out.push(finding(
            "A.5.4",
            Severity::Observation,
            (
                format!(
                    "\"{name}\": {} risk(s) in the impact worksheet have no mitigation.",
                    e.unmitigated
                ),
                "gap.f.unmitigated",
                args([
                    ("system", name.to_owned()),
                    ("count", e.unmitigated.to_string()),
                ]),
            ),
            "ISO/IEC 42001 A.5.4; AI Act Art. 27(1)(d), (f)".into(),
            Some(name),
        ));
    }
    if e.residual_high > 0 {
        out.push(finding(
            "A.5.4",
            Severity::Observation,
            (
                format!("\"{name}\": {} risk(s) remain high or very high after mitigation (likelihood x severity >= 10).", e.residual_high),
                "gap.f.residual_high",
                args([
                    ("system", name.to_owned()),
                    ("count", e.residual_high.to_string()),
                ]),
            ),
            "ISO/IEC 42001 6.1.3, A.5.4; AI Act Art. 27(1)(d)".into(),
            Some(name),
        ));
    }
    for r in &s.triage.needs_review {
        out.push(finding(
            "4.1",
            Severity::Observation,
            (
                format!(
                    "\"{name}\": the triage depends on an unsure fact, `{}`: {}",
                    r.field, r.why
                ),
                "gap.f.review",
                {
                    let mut a = args([("system", name.to_owned()), ("field", r.field.clone())]);
                    a.extend(crate::i18n::review_arg_entries(r));
                    a
                },
            ),
            "ISO/IEC 42001 4.1; AI Act triage".into(),
            Some(name),
        ));
    }
    if !uncovered.is_empty() {
        out.push(finding(
            "4.2",
            Severity::Observation,
            (
                format!(
                    "\"{name}\" has AI Act duties that ISO/IEC 42001 does not cover: {}. Plan them per system, outside the AIMS certificate.",
                    uncovered.join(", ")
                ),
                "gap.f.uncovered",
                args([
                    ("system", name.to_owned()),
                    ("articles", uncovered.join(", ")),
                ]),
            ),
            format!("AI Act {}", uncovered.join(", ")),
            Some(name),
        ));
    }
}

/// `"5.1.f"` -> `"Art. 5(1)(f)"`.
fn practice_citation(p: &str) -> String {
    let mut parts = p.split('.');
    let art = parts.next().unwrap_or("5");
    let rest: String = parts.map(|x| format!("({x})")).collect();
    format!("Art. {art}{rest}")
}

/// Obligation articles of a system that no catalogue item maps to.
pub(crate) fn uncovered_articles(cat: &Catalogue, t: &TriageResult) -> Vec<String> {
    let known = cat.crosswalk_articles();
    let mut set = BTreeSet::new();
    for ob in &t.obligations {
        for a in &ob.articles {
            let n = article_number(a);
            if !known
                .iter()
                .any(|(x, xn)| *xn == n && article_matches(a, x))
            {
                set.insert(a.clone());
            }
        }
    }
    sort_articles(set)
}

/// Nonconformities first, then standard order of `ref` (articles after the
/// catalogue's items, by article number); ties keep generation order
/// (catalogue order, then inventory order), which is deterministic.
fn sort_findings(cat: &Catalogue, f: &mut Vec<Finding>) {
    // (severity, position, article number), packed in that order.
    sort_by_key(f, |x| (x.severity as u128) << 64 | ref_key(cat, &x.ref_));
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The shared u128-key sort gives the order of the standard stable sort.
        #[test]
        fn sort_by_key_is_a_stable_sort(v in prop::collection::vec((0u8..4, 0u16..300, any::<u8>()), 0..300)) {
            let key = |x: &(u8, u16, u8)| (u128::from(x.0) << 64) | u128::from(x.1);
            let mut expected = v.clone();
            expected.sort_by_cached_key(|x| (x.0, x.1));
            let mut got = v;
            sort_by_key(&mut got, key);
            prop_assert_eq!(got, expected);
        }

        /// `Date::sort_key` orders like dates.
        #[test]
        fn date_sort_key_orders_like_dates(a in (1u16..9999, 1u8..13, 1u8..29), b in (1u16..9999, 1u8..13, 1u8..29)) {
            let (Some(x), Some(y)) = (Date::new(a.0, a.1, a.2), Date::new(b.0, b.1, b.2)) else {
                return Ok(());
            };
            prop_assert_eq!(x.cmp(&y), x.sort_key().cmp(&y.sort_key()));
        }
    }

    #[test]
    fn ref_key_orders_position_then_article() {
        let cat = catalogue();
        let refs = [
            "4.1",
            "A.2.2",
            "6.1.3",
            "Art. 27",
            "Art. 9",
            "Art. 10(2)",
            "unknown",
        ];
        let mut by_tuple = refs.to_vec();
        by_tuple.sort_by_key(|r| (cat.position(r), article_number(r)));
        let mut by_key = refs.to_vec();
        by_key.sort_by_key(|r| ref_key(cat, r));
        assert_eq!(by_key, by_tuple);
    }
}
