//! The gap result (`aimskit-gap/1`), field for field as in
//! `spec/aims-file.md` section 2, plus documented extra fields.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::Date;
use crate::i18n::{self, Args, Lang};
use crate::impact::ImpactEvaluation;
use crate::triage::TriageResult;

/// The format tag of a gap result.
pub const GAP_FORMAT: &str = "aimskit-gap/1";

/// Status of one clause or control (spec section 2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Left out of the AIMS file (or applicable without a maturity).
    NotAssessed,
    /// Maturity 0.
    Missing,
    /// Maturity 1-2, or maturity >= 3 without evidence ("claimed, not shown").
    Partial,
    /// Maturity >= 3 and evidence.
    Met,
    /// An excluded control.
    NotApplicable,
}

impl Status {
    /// The spec's string.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::NotAssessed => "not_assessed",
            Status::Missing => "missing",
            Status::Partial => "partial",
            Status::Met => "met",
            Status::NotApplicable => "not_applicable",
        }
    }
}

/// Per clause/control result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemResult {
    /// 0..5, `null` when not assessed.
    pub maturity: Option<u8>,
    /// True if the AIMS file lists evidence (or the inventory supplies it, see `inventory_evidence`).
    pub evidenced: bool,
    /// The status.
    pub status: Status,
    /// Extra: evidence taken from the inventory (completed impact worksheets).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub inventory_evidence: Vec<String>,
    /// Extra: why the status was held below `met` although the self-assessment says met.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capped: Option<String>,
}

/// The four PDCA scores, each 0..100.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct PdcaScores {
    /// Clauses 4-6 and planning controls.
    pub plan: f64,
    /// Clauses 7-8 and operational controls.
    #[serde(rename = "do")]
    pub do_: f64,
    /// Clause 9 and monitoring/review controls.
    pub check: f64,
    /// Clause 10 and feedback controls.
    pub act: f64,
}

/// One inventory obligation that makes a control necessary (extra).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Requirement {
    /// The article shown in `required_by` (`"Art. 27"`).
    pub article: String,
    /// The system (name as given to `gap`).
    pub system: String,
    /// When the obligation applies.
    pub applies_from: Date,
    /// Whether it is in force on `as_of`.
    pub in_force: bool,
    /// The mapping rule that fired.
    pub rule: String,
}

/// One Statement of Applicability row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SoaRow {
    /// Control ID.
    pub control: String,
    /// `true`/`false` as declared; `null` when the SoA does not address the control.
    pub applicable: Option<bool>,
    /// The justification given (empty if none).
    pub justification: String,
    /// The control's status.
    pub status: Status,
    /// Inventory obligations that make the control necessary (`["Art. 27"]`).
    pub required_by: Vec<String>,
    /// Extra: which system and obligation each comes from.
    pub required_by_systems: Vec<Requirement>,
}

/// Finding severity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// A requirement not met.
    Nonconformity,
    /// Worth attention; not (yet) a nonconformity.
    Observation,
    /// A chance to improve.
    Opportunity,
}

impl Severity {
    /// The spec's string.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Nonconformity => "nonconformity",
            Severity::Observation => "observation",
            Severity::Opportunity => "opportunity",
        }
    }
}

/// One finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    /// The clause, control or article concerned.
    #[serde(rename = "ref")]
    pub ref_: String,
    /// Severity.
    pub severity: Severity,
    /// Plain-language message.
    pub message: String,
    /// The clause/control and, where relevant, the article.
    pub citation: String,
    /// Extra: the inventory system concerned, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub system: Option<String>,
    /// Extra: the locale key of `message` (`gap.f.*`), rendered with `args`
    /// by [`i18n::message`]; empty when the message has no key.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub key: String,
    /// Extra: the placeholder values of `key` (see [`i18n::message`]).
    #[serde(default, skip_serializing_if = "Args::is_empty")]
    pub args: Args,
}

impl Finding {
    /// `message` in `lang` (the English `message` itself for English or
    /// when there is no key).
    pub fn message_in(&self, lang: Lang) -> String {
        text_in(lang, &self.message, &self.key, &self.args)
    }
}

/// `english` in `lang` through `key` and `args`.
fn text_in(lang: Lang, english: &str, key: &str, args: &Args) -> String {
    if lang == Lang::En || key.is_empty() {
        english.to_owned()
    } else {
        i18n::message(lang, key, args)
    }
}

/// Roadmap priority, most urgent first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Priority {
    /// A legal duty already in force on `as_of` is not covered, or a
    /// prohibited practice.
    Critical,
    /// A legal duty that applies after `as_of` (its date is the due date,
    /// however far out), an unjustified exclusion, or the
    /// `certificate_as_ai_act_conformity` / `monitoring_logging_gap` pitfalls.
    High,
    /// Clause gaps without a legal driver, unsure triage facts, other pitfalls.
    Medium,
    /// Control gaps without a legal driver.
    Low,
}

impl Priority {
    /// The string.
    pub fn as_str(self) -> &'static str {
        match self {
            Priority::Critical => "critical",
            Priority::High => "high",
            Priority::Medium => "medium",
            Priority::Low => "low",
        }
    }
}

/// One roadmap action.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoadmapAction {
    /// The clause, control or article it closes.
    #[serde(rename = "ref")]
    pub ref_: String,
    /// What to do.
    pub action: String,
    /// Priority.
    pub priority: Priority,
    /// Due date: the earliest of a legal deadline and the AIMS file's `due`.
    pub due: Option<Date>,
    /// Why, and what it closes.
    pub because: String,
    /// Extra: the locale key of `action` (`gap.ra.*`), rendered with `args`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub action_key: String,
    /// Extra: the locale key of `because` (`gap.rb.*`), rendered with `args`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub because_key: String,
    /// Extra: the placeholder values of both keys (see [`i18n::message`]).
    #[serde(default, skip_serializing_if = "Args::is_empty")]
    pub args: Args,
}

impl RoadmapAction {
    /// `action` in `lang`.
    pub fn action_in(&self, lang: Lang) -> String {
        text_in(lang, &self.action, &self.action_key, &self.args)
    }

    /// `because` in `lang`.
    pub fn because_in(&self, lang: Lang) -> String {
        text_in(lang, &self.because, &self.because_key, &self.args)
    }
}

/// A detected pitfall with its texts (extra).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PitfallHit {
    /// The ID (also listed in `pitfalls`).
    pub id: String,
    /// Short title.
    pub title: String,
    /// Plain explanation.
    pub explanation: String,
    /// What to do.
    pub what_to_do: String,
    /// What is concerned.
    pub citation: String,
    /// What in this AIMS file triggered it.
    pub because: String,
    /// Extra: the locale key of `because` (`gap.p.*`), rendered with `args`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub key: String,
    /// Extra: the placeholder values of `key` (see [`i18n::message`]).
    #[serde(default, skip_serializing_if = "Args::is_empty")]
    pub args: Args,
}

impl PitfallHit {
    /// `because` in `lang`.
    pub fn because_in(&self, lang: Lang) -> String {
        text_in(lang, &self.because, &self.key, &self.args)
    }

    /// `title` in `lang` (from the catalogue).
    pub fn title_in(&self, lang: Lang) -> String {
        super::catalogue()
            .pitfall(&self.id)
            .map_or_else(|| self.title.clone(), |p| p.title.get(lang).to_owned())
    }

    /// `explanation` in `lang` (from the catalogue).
    pub fn explanation_in(&self, lang: Lang) -> String {
        super::catalogue().pitfall(&self.id).map_or_else(
            || self.explanation.clone(),
            |p| p.explanation.get(lang).to_owned(),
        )
    }

    /// `what_to_do` in `lang` (from the catalogue).
    pub fn what_to_do_in(&self, lang: Lang) -> String {
        super::catalogue().pitfall(&self.id).map_or_else(
            || self.what_to_do.clone(),
            |p| p.what_to_do.get(lang).to_owned(),
        )
    }
}

/// Counts of how the items were assessed (extra).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Coverage {
    /// Clauses plus controls (70).
    pub total: usize,
    /// Items with a maturity (and not excluded).
    pub assessed: usize,
    /// Items not assessed (count as 0 in the score).
    pub not_assessed: usize,
    /// Excluded controls (left out of the score).
    pub not_applicable: usize,
    /// Items met.
    pub met: usize,
}

/// One inventory system with its triage and impact evaluation (extra).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SystemGap {
    /// Name or path as given to `gap`.
    pub name: String,
    /// The triage result (`aimskit-triage/1`).
    pub triage: TriageResult,
    /// An obligation of this system cites Art. 27 (FRIA).
    pub needs_fria: bool,
    /// The `[impact]` worksheet's evaluation.
    pub impact: ImpactEvaluation,
}

/// The gap analysis result (`aimskit-gap/1`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GapResult {
    /// Always [`GAP_FORMAT`].
    pub format: String,
    /// Overall readiness 0..100 (formula: [`crate::gap::score`]).
    pub score: f64,
    /// PDCA scores.
    pub pdca: PdcaScores,
    /// Per clause ID.
    pub clauses: BTreeMap<String, ItemResult>,
    /// Per control ID.
    pub controls: BTreeMap<String, ItemResult>,
    /// One row per Annex A control, in Annex A order.
    pub soa: Vec<SoaRow>,
    /// Findings: nonconformities first.
    pub findings: Vec<Finding>,
    /// Detected pitfall IDs.
    pub pitfalls: Vec<String>,
    /// Ordered actions, most urgent first.
    pub roadmap: Vec<RoadmapAction>,
    /// Extra: organisation name.
    pub organisation: String,
    /// Extra: evaluation date.
    pub as_of: Date,
    /// Extra: triage rule-base version.
    pub rules_version: String,
    /// Extra: catalogue data version.
    pub catalogue_version: String,
    /// Extra: assessment coverage.
    pub coverage: Coverage,
    /// Extra: score per clause group `"4"`..`"10"`.
    pub clause_scores: BTreeMap<String, f64>,
    /// Extra: score per Annex A objective (`null` when every control of it is excluded).
    pub objective_scores: BTreeMap<String, Option<f64>>,
    /// Extra: pitfalls with explanation and what to do.
    pub pitfall_details: Vec<PitfallHit>,
    /// Extra: the inventory, triaged, in input order.
    pub systems: Vec<SystemGap>,
}
