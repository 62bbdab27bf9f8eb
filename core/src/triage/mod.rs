//! EU AI Act triage: Reg. (EU) 2024/1689 as amended by Reg. (EU) 2026/1744.
//!
//! - [`rules`]: the rule data (`core/rules/*.toml`), loaded and validated once.
//! - `eval`: which rules fire for a system file (the trace order).
//! - `review`: the what-if evaluation of `unsure` facts.
//! - [`result`]: the spec'd result type.
//! - [`drift`](mod@drift): what changed between two results of one system
//!   (baseline comparison for CI).
//!
//! # Example
//! ```
//! use aimskit_core::system::{parse_system, SourceFormat};
//! use aimskit_core::triage::{triage, Tier};
//! let sys = parse_system(r#"
//! format = "aimskit-system/1"
//! name = "CV screener"
//! roles = ["deployer"]
//! established_in_eu = true
//! annex_iii = ["4.a"]
//! "#, SourceFormat::Toml).unwrap();
//! let r = triage(&sys, "2026-11-29".parse().unwrap());
//! assert_eq!(r.tier, Tier::HighRisk);
//! assert_eq!(r.high_risk_basis, ["annex_iii:4.a"]);
//! ```

pub mod drift;
mod eval;
pub mod result;
mod review;
pub mod rules;

use serde::Serialize;

pub use drift::{Change, drift};
pub(crate) use eval::SYSTEMIC_FLOPS;
pub use result::{GpaiStatus, Obligation, Review, Role, Tier, TraceStep, TriageResult};

use crate::Date;
use crate::system::SystemFile;

/// Triages one system on `as_of` (the caller decides: the file's `as_of` or
/// today). Deterministic; never panics.
pub fn triage(system: &SystemFile, as_of: Date) -> TriageResult {
    let rules = match rules::built_in() {
        Ok(r) => r,
        Err(e) => return broken_rules(system, as_of, e),
    };
    let (mut result, flags) = eval::evaluate(rules, system, as_of);
    let mut reviews = review::review(rules, system, as_of, &result);
    let flags = review::open_fields(rules, system, as_of, &result, flags);
    for f in flags {
        if !reviews.contains(&f) {
            reviews.push(f);
        }
    }
    result.needs_review = reviews;
    result
}

fn broken_rules(system: &SystemFile, as_of: Date, e: &str) -> TriageResult {
    TriageResult {
        format: result::TRIAGE_FORMAT.to_owned(),
        name: system.name.clone(),
        as_of,
        rules_version: String::new(),
        tier: Tier::Minimal,
        prohibited: Vec::new(),
        high_risk_basis: Vec::new(),
        derogation: Vec::new(),
        transparency: Vec::new(),
        gpai: GpaiStatus::None,
        roles: Vec::new(),
        obligations: Vec::new(),
        needs_review: vec![Review::plain(
            "rules",
            format!("The built-in rule data failed to load ({e}); no conclusion was drawn."),
        )],
        trace: Vec::new(),
    }
}

/// The rule-base version shown in every result (e.g. `"2026.11-omnibus"`);
/// cheap: it does not load the rules.
pub fn rules_version() -> &'static str {
    rules::version()
}

/// One ID of one list field, for listings in UIs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VocabularyEntry {
    /// The list field (`"annex_iii"`).
    pub field: String,
    /// The ID (`"4.a"`).
    pub id: String,
    /// Short English label.
    pub label: String,
    /// Legal citation (`"Annex III point 4(a)"`).
    pub citation: String,
}

/// One fact field, for listings in UIs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldEntry {
    /// The field name (`"profiling"`, `"gpai.provider"`).
    pub name: String,
    /// Short English label.
    pub label: String,
    /// Legal citation.
    pub citation: String,
}

/// Every ID of every list field (roles, eu_nexus, exclusions, art5, ...,
/// value_chain) with its label and citation, in rule-data order.
///
/// # Example
/// ```
/// let v = aimskit_core::triage::vocabulary();
/// assert!(v.iter().any(|e| e.field == "annex_iii" && e.id == "4.a"));
/// ```
pub fn vocabulary() -> Vec<VocabularyEntry> {
    let Ok(r) = rules::built_in() else {
        return Vec::new();
    };
    r.ids
        .iter()
        .map(|d| VocabularyEntry {
            field: d.field.clone(),
            id: d.id.clone(),
            label: d.label.clone(),
            citation: d.citation.clone(),
        })
        .collect()
}

/// Every fact field that may be named in `unsure`, with label and citation.
pub fn fields() -> Vec<FieldEntry> {
    let Ok(r) = rules::built_in() else {
        return Vec::new();
    };
    r.fields
        .iter()
        .map(|f| FieldEntry {
            name: f.name.clone(),
            label: f.label.clone(),
            citation: f.citation.clone(),
        })
        .collect()
}
