//! The impact assessment worksheet (`[impact]` in a system file), shared by
//! ISO/IEC 42001 6.1.4 / 8.4 / A.5 and the AI Act's fundamental rights impact
//! assessment (Art. 27(1)(a)-(f)). See `spec/aims-file.md` section 3.
//!
//! Completeness (`status`) is about the contents, Art. 27(1)(a)-(f). The
//! notification of the results to the market surveillance authority
//! (Art. 27(3)) is a separate step, recorded in the optional `notified`
//! date (a project extension of the worksheet); the gap analysis checks it
//! for systems that need a FRIA.
//!
//! Two more optional text fields (project extensions) serve ISO/IEC 42001
//! only: `societal_impacts` (A.5.5) and `foreseeable_misuse` (6.1.4; the AI
//! Act's notion of reasonably foreseeable misuse, Art. 3(13), 9(2)(b),
//! 13(3)(b)(iii)). They are not Art. 27(1) elements and never change
//! `status`; the evaluation reports the 42001 elements separately
//! (`iso42001_status`, `iso42001_missing`).

use serde::{Deserialize, Serialize};

/// The worksheet as written in a system file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ImpactWorksheet {
    /// Art. 27(1)(a): the deployer's processes in which the system is used.
    #[serde(default)]
    pub processes: String,
    /// Art. 27(1)(b): period and frequency of use.
    #[serde(default)]
    pub period_and_frequency: String,
    /// Art. 27(1)(c): categories of affected persons and groups.
    #[serde(default)]
    pub affected_groups: Vec<String>,
    /// Art. 27(1)(e): human oversight measures.
    #[serde(default)]
    pub oversight: String,
    /// Art. 27(1)(f): measures if risks materialise, complaints, remedies.
    #[serde(default)]
    pub remedies: String,
    /// ISO/IEC 42001 A.5.5 (optional, a project extension of the
    /// worksheet): what the system could mean for society at large, e.g.
    /// the environment, democratic processes, the labour market, access to
    /// services. Not an Art. 27(1) element.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub societal_impacts: String,
    /// ISO/IEC 42001 6.1.4 (optional, a project extension of the
    /// worksheet): uses other than the intended one that can reasonably be
    /// foreseen (AI Act Art. 3(13), 9(2)(b), 13(3)(b)(iii)). Not an
    /// Art. 27(1) element.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub foreseeable_misuse: String,
    /// Art. 27(1)(d): specific risks of harm.
    #[serde(default)]
    pub risks: Vec<ImpactRisk>,
    /// Art. 27(3): the day the results were notified to the market
    /// surveillance authority (optional, a project extension of the
    /// worksheet); `None` = not notified (yet).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notified: Option<crate::Date>,
}

/// One risk of harm in the worksheet.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ImpactRisk {
    /// The harm, in the user's words.
    pub harm: String,
    /// The EU Charter right concerned (a documented ID such as `non_discrimination`).
    #[serde(default)]
    pub right: String,
    /// 1..5.
    pub likelihood: u8,
    /// 1..5.
    pub severity: u8,
    /// What reduces the risk; empty = none yet.
    #[serde(default)]
    pub mitigation: String,
    /// 1..5, after mitigation.
    #[serde(default)]
    pub residual_likelihood: Option<u8>,
    /// 1..5, after mitigation.
    #[serde(default)]
    pub residual_severity: Option<u8>,
}

// ---------------------------------------------------------------------------
// Evaluation
// ---------------------------------------------------------------------------

use crate::{InputError, InputErrorKind};

/// The documented IDs for `right` in `[[impact.risks]]`: rights of the
/// Charter of Fundamental Rights of the EU, with their Charter article.
pub const CHARTER_RIGHTS: &[(&str, &str)] = &[
    ("human_dignity", "Art. 1 CFR"),
    ("life", "Art. 2 CFR"),
    ("integrity", "Art. 3 CFR"),
    ("liberty_and_security", "Art. 6 CFR"),
    ("private_life", "Art. 7 CFR"),
    ("privacy", "Art. 7 CFR"),
    ("data_protection", "Art. 8 CFR"),
    ("thought_conscience_religion", "Art. 10 CFR"),
    ("expression_and_information", "Art. 11 CFR"),
    ("assembly_and_association", "Art. 12 CFR"),
    ("education", "Art. 14 CFR"),
    ("occupation_and_work", "Art. 15 CFR"),
    ("conduct_business", "Art. 16 CFR"),
    ("property", "Art. 17 CFR"),
    ("asylum", "Art. 18 CFR"),
    ("equality", "Art. 20 CFR"),
    ("non_discrimination", "Art. 21 CFR"),
    ("gender_equality", "Art. 23 CFR"),
    ("rights_of_the_child", "Art. 24 CFR"),
    ("rights_of_the_elderly", "Art. 25 CFR"),
    ("persons_with_disabilities", "Art. 26 CFR"),
    ("workers_rights", "Art. 27-31 CFR"),
    ("social_security", "Art. 34 CFR"),
    ("health_care", "Art. 35 CFR"),
    ("access_to_services", "Art. 36 CFR"),
    ("environmental_protection", "Art. 37 CFR"),
    ("consumer_protection", "Art. 38 CFR"),
    ("vote_and_stand", "Art. 39-40 CFR"),
    ("good_administration", "Art. 41 CFR"),
    ("effective_remedy_and_fair_trial", "Art. 47 CFR"),
    ("presumption_of_innocence", "Art. 48 CFR"),
];

/// Risk level bands for likelihood x severity (1..25), documented:
/// `low` 1-4, `medium` 5-9, `high` 10-16, `very_high` 17-25
/// (reachable products: 20 and 25).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RiskBand {
    /// 1-4.
    Low,
    /// 5-9.
    Medium,
    /// 10-16.
    High,
    /// 17-25.
    VeryHigh,
}

impl RiskBand {
    /// The band of a likelihood x severity product.
    pub fn of(score: u8) -> RiskBand {
        match score {
            0..=4 => RiskBand::Low,
            5..=9 => RiskBand::Medium,
            10..=16 => RiskBand::High,
            _ => RiskBand::VeryHigh,
        }
    }

    /// `"low"`, `"medium"`, `"high"`, `"very_high"`.
    pub fn as_str(self) -> &'static str {
        match self {
            RiskBand::Low => "low",
            RiskBand::Medium => "medium",
            RiskBand::High => "high",
            RiskBand::VeryHigh => "very_high",
        }
    }
}

/// A risk level: likelihood x severity and its band.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct RiskLevel {
    /// Likelihood 1..5.
    pub likelihood: u8,
    /// Severity 1..5.
    pub severity: u8,
    /// likelihood x severity, 1..25.
    pub score: u8,
    /// The band.
    pub band: RiskBand,
}

impl RiskLevel {
    /// `None` unless both values are in 1..5.
    pub fn new(likelihood: u8, severity: u8) -> Option<RiskLevel> {
        if !(1..=5).contains(&likelihood) || !(1..=5).contains(&severity) {
            return None;
        }
        let score = likelihood * severity;
        Some(RiskLevel {
            likelihood,
            severity,
            score,
            band: RiskBand::of(score),
        })
    }
}

/// Something to act on for one risk.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RiskFlag {
    /// No mitigation written down (Art. 27(1)(d)/(f), 42001 A.5.4).
    NoMitigation,
    /// A mitigation is given but the residual risk was not rated.
    ResidualNotRated,
    /// Only one of residual likelihood/severity was given.
    ResidualIncomplete,
    /// The residual risk (or, without mitigation, the inherent risk) is still high or very high.
    ResidualHigh,
    /// The residual rating is above the inherent one.
    ResidualAboveInherent,
    /// `right` is not one of [`CHARTER_RIGHTS`].
    UnknownRight,
    /// Likelihood or severity outside 1..5.
    OutOfRange,
}

/// One risk, evaluated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RiskEvaluation {
    /// Position in `impact.risks`.
    pub index: usize,
    /// The harm.
    pub harm: String,
    /// The right concerned.
    pub right: String,
    /// Before mitigation; `None` if out of range.
    pub inherent: Option<RiskLevel>,
    /// After mitigation, if rated.
    pub residual: Option<RiskLevel>,
    /// What to act on.
    pub flags: Vec<RiskFlag>,
}

/// Whether the worksheet covers Art. 27(1)(a)-(f).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ImpactStatus {
    /// No worksheet at all.
    Missing,
    /// Some of (a)-(f) missing, or a rating is invalid.
    Incomplete,
    /// (a)-(f) all filled in and every rating valid.
    Complete,
}

impl ImpactStatus {
    fn missing() -> ImpactStatus {
        ImpactStatus::Missing
    }
}

/// The ISO/IEC 42001 impact assessment elements the worksheet records, as
/// (field, citation): the context of use and the reasonably foreseeable
/// misuse (6.1.4), the individuals and groups affected and the harms to them
/// (A.5.4), and the impacts on society (A.5.5). Our reading of the standard;
/// it asks for no particular form. Oversight and remedies are Art. 27(1)(e),
/// (f) elements (risk treatment in 42001 terms, 6.1.3) and are not repeated.
pub const ISO42001_ELEMENTS: &[(&str, &str)] = &[
    ("processes", "ISO/IEC 42001 6.1.4"),
    ("foreseeable_misuse", "ISO/IEC 42001 6.1.4"),
    ("affected_groups", "ISO/IEC 42001 A.5.4"),
    ("risks", "ISO/IEC 42001 A.5.4"),
    ("societal_impacts", "ISO/IEC 42001 A.5.5"),
];

/// A worksheet field that is still empty.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MissingField {
    /// Field path (`impact.processes`).
    pub field: String,
    /// The point it serves: `Art. 27(1)(a)` .. `(f)` in `missing`,
    /// `ISO/IEC 42001 6.1.4`, `A.5.4` or `A.5.5` in `iso42001_missing`.
    pub citation: String,
}

/// The evaluation of one worksheet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImpactEvaluation {
    /// Completeness for Art. 27(1)(a)-(f).
    pub status: ImpactStatus,
    /// Empty Art. 27(1)(a)-(f) fields.
    pub missing: Vec<MissingField>,
    /// Extra: completeness of the ISO/IEC 42001 impact assessment elements
    /// (6.1.4 context of use and foreseeable misuse, A.5.4 individuals and
    /// groups, A.5.5 society); independent of `status`.
    #[serde(default = "ImpactStatus::missing")]
    pub iso42001_status: ImpactStatus,
    /// Extra: the 42001 elements still empty (see [`ISO42001_ELEMENTS`]).
    #[serde(default)]
    pub iso42001_missing: Vec<MissingField>,
    /// Each risk, evaluated.
    pub risks: Vec<RiskEvaluation>,
    /// Highest residual band (inherent where not mitigated), if any risk.
    pub highest_residual: Option<RiskBand>,
    /// Risks without a mitigation.
    pub unmitigated: usize,
    /// Risks whose residual level is still high or very high.
    pub residual_high: usize,
    /// Art. 27(3): when the results were notified to the market
    /// surveillance authority, as written in the worksheet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notified: Option<crate::Date>,
}

impl ImpactEvaluation {
    /// The evaluation of a system without a worksheet.
    pub fn missing() -> ImpactEvaluation {
        ImpactEvaluation {
            status: ImpactStatus::Missing,
            missing: Vec::new(),
            iso42001_status: ImpactStatus::Missing,
            iso42001_missing: Vec::new(),
            risks: Vec::new(),
            highest_residual: None,
            unmitigated: 0,
            residual_high: 0,
            notified: None,
        }
    }
}

fn blank(s: &str) -> bool {
    s.trim().is_empty()
}

/// Whether a worksheet field (a name of [`ISO42001_ELEMENTS`]) is empty; a
/// risk without a described harm does not count.
fn element_empty(w: &ImpactWorksheet, field: &str) -> bool {
    match field {
        "processes" => blank(&w.processes),
        "foreseeable_misuse" => blank(&w.foreseeable_misuse),
        "affected_groups" => w.affected_groups.iter().all(|g| blank(g)),
        "risks" => w.risks.iter().all(|r| blank(&r.harm)),
        "societal_impacts" => blank(&w.societal_impacts),
        _ => true,
    }
}

/// Checks the worksheet for input errors: ratings outside 1..5, an unknown
/// `right` (with "did you mean"), and a half-given residual rating. Field
/// paths start with `impact.`.
///
/// # Example
/// ```
/// use aimskit_core::impact::{validate, ImpactRisk, ImpactWorksheet};
/// let mut w = ImpactWorksheet::default();
/// w.risks.push(ImpactRisk { harm: "x".into(), right: "non_discrimnation".into(),
///     likelihood: 3, severity: 4, ..Default::default() });
/// let err = validate(&w).unwrap_err();
/// assert_eq!(err.field, "impact.risks[0].right");
/// assert_eq!(err.did_you_mean.as_deref(), Some("non_discrimination"));
/// ```
pub fn validate(w: &ImpactWorksheet) -> Result<(), InputError> {
    for (i, r) in w.risks.iter().enumerate() {
        let p = format!("impact.risks[{i}]");
        for (name, v) in [
            ("likelihood", Some(r.likelihood)),
            ("severity", Some(r.severity)),
            ("residual_likelihood", r.residual_likelihood),
            ("residual_severity", r.residual_severity),
        ] {
            if let Some(v) = v.filter(|v| !(1..=5).contains(v)) {
                return Err(InputError::new(
                    InputErrorKind::OutOfRange,
                    format!("{p}.{name}"),
                    "a whole number from 1 to 5",
                )
                .found(format!("`{v}`")));
            }
        }
        if !r.right.is_empty() && !CHARTER_RIGHTS.iter().any(|(id, _)| *id == r.right) {
            return Err(InputError::new(
                InputErrorKind::UnknownId,
                format!("{p}.right"),
                "an EU Charter right ID such as `non_discrimination`, `private_life`, `data_protection`",
            )
            .found(format!("`{}`", r.right))
            .suggest(&r.right, CHARTER_RIGHTS.iter().map(|(id, _)| *id)));
        }
        if r.residual_likelihood.is_some() != r.residual_severity.is_some() {
            let missing = if r.residual_likelihood.is_none() {
                "residual_likelihood"
            } else {
                "residual_severity"
            };
            return Err(InputError::new(
                InputErrorKind::Missing,
                format!("{p}.{missing}"),
                "both residual_likelihood and residual_severity, or neither",
            ));
        }
    }
    Ok(())
}

/// Evaluates a worksheet: Art. 27(1)(a)-(f) completeness, separately the
/// completeness of the ISO/IEC 42001 elements ([`ISO42001_ELEMENTS`]),
/// inherent and residual risk levels (likelihood x severity, bands in
/// [`RiskBand`]) and flags for risks without mitigation or whose residual
/// level is still high. Never fails: invalid ratings are flagged and make
/// the worksheet incomplete (for both).
pub fn evaluate(w: &ImpactWorksheet) -> ImpactEvaluation {
    let mut missing = Vec::new();
    let mut need = |empty: bool, field: &str, citation: &str| {
        if empty {
            missing.push(MissingField {
                field: format!("impact.{field}"),
                citation: citation.into(),
            });
        }
    };
    need(blank(&w.processes), "processes", "Art. 27(1)(a)");
    need(
        blank(&w.period_and_frequency),
        "period_and_frequency",
        "Art. 27(1)(b)",
    );
    need(
        w.affected_groups.iter().all(|g| blank(g)),
        "affected_groups",
        "Art. 27(1)(c)",
    );
    // A risk without a described harm names no "specific risk of harm".
    need(
        w.risks.iter().all(|r| blank(&r.harm)),
        "risks",
        "Art. 27(1)(d)",
    );
    need(blank(&w.oversight), "oversight", "Art. 27(1)(e)");
    need(blank(&w.remedies), "remedies", "Art. 27(1)(f)");

    let mut risks = Vec::with_capacity(w.risks.len());
    let mut invalid = false;
    for (index, r) in w.risks.iter().enumerate() {
        let mut flags = Vec::new();
        let inherent = RiskLevel::new(r.likelihood, r.severity);
        let residual = match (r.residual_likelihood, r.residual_severity) {
            (Some(l), Some(s)) => {
                let lvl = RiskLevel::new(l, s);
                if lvl.is_none() {
                    flags.push(RiskFlag::OutOfRange);
                }
                lvl
            }
            (None, None) => None,
            _ => {
                flags.push(RiskFlag::ResidualIncomplete);
                None
            }
        };
        if inherent.is_none() && !flags.contains(&RiskFlag::OutOfRange) {
            flags.push(RiskFlag::OutOfRange);
        }
        let mitigated = !blank(&r.mitigation);
        if !mitigated {
            flags.push(RiskFlag::NoMitigation);
        } else if residual.is_none() && !flags.contains(&RiskFlag::ResidualIncomplete) {
            flags.push(RiskFlag::ResidualNotRated);
        }
        let effective = if mitigated {
            residual.or(inherent)
        } else {
            inherent
        };
        if effective.is_some_and(|l| l.band >= RiskBand::High) {
            flags.push(RiskFlag::ResidualHigh);
        }
        if let (Some(i), Some(r)) = (inherent, residual) {
            if r.score > i.score {
                flags.push(RiskFlag::ResidualAboveInherent);
            }
        }
        if !r.right.is_empty() && !CHARTER_RIGHTS.iter().any(|(id, _)| *id == r.right) {
            flags.push(RiskFlag::UnknownRight);
        }
        invalid |= flags.iter().any(|f| {
            matches!(
                f,
                RiskFlag::OutOfRange | RiskFlag::UnknownRight | RiskFlag::ResidualIncomplete
            )
        });
        // Insertion sort (at most seven flags): the same order as `sort()`,
        // without a sort instantiation for RiskFlag in the wasm.
        for i in 1..flags.len() {
            let mut j = i;
            while j > 0 && flags[j - 1] > flags[j] {
                flags.swap(j - 1, j);
                j -= 1;
            }
        }
        risks.push(RiskEvaluation {
            index,
            harm: r.harm.clone(),
            right: r.right.clone(),
            inherent,
            residual,
            flags,
        });
    }
    let highest_residual = risks
        .iter()
        .filter_map(|r| {
            let mitigated = w.risks.get(r.index).is_some_and(|x| !blank(&x.mitigation));
            if mitigated {
                r.residual.or(r.inherent)
            } else {
                r.inherent
            }
        })
        .map(|l| l.band)
        .max();
    let unmitigated = risks
        .iter()
        .filter(|r| r.flags.contains(&RiskFlag::NoMitigation))
        .count();
    let residual_high = risks
        .iter()
        .filter(|r| r.flags.contains(&RiskFlag::ResidualHigh))
        .count();
    let completeness = |missing: &[MissingField]| {
        if missing.is_empty() && !invalid {
            ImpactStatus::Complete
        } else {
            ImpactStatus::Incomplete
        }
    };
    let iso42001_missing: Vec<MissingField> = ISO42001_ELEMENTS
        .iter()
        .filter(|(field, _)| element_empty(w, field))
        .map(|(field, citation)| MissingField {
            field: format!("impact.{field}"),
            citation: (*citation).into(),
        })
        .collect();
    ImpactEvaluation {
        status: completeness(&missing),
        missing,
        iso42001_status: completeness(&iso42001_missing),
        iso42001_missing,
        risks,
        highest_residual,
        unmitigated,
        residual_high,
        notified: w.notified,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> ImpactWorksheet {
        ImpactWorksheet {
            processes: "Recruiters pre-select candidates".into(),
            period_and_frequency: "Continuously".into(),
            affected_groups: vec!["job applicants".into()],
            oversight: "A recruiter reviews every rejection".into(),
            remedies: "Human review via HR".into(),
            risks: vec![
                ImpactRisk {
                    harm: "Older applicants ranked lower".into(),
                    right: "non_discrimination".into(),
                    likelihood: 3,
                    severity: 4,
                    mitigation: "Age-blind features".into(),
                    residual_likelihood: Some(2),
                    residual_severity: Some(3),
                },
                ImpactRisk {
                    harm: "Data leak".into(),
                    right: "data_protection".into(),
                    likelihood: 4,
                    severity: 5,
                    mitigation: String::new(),
                    residual_likelihood: None,
                    residual_severity: None,
                },
            ],
            notified: None,
            societal_impacts: String::new(),
            foreseeable_misuse: String::new(),
        }
    }

    fn fields(m: &[MissingField]) -> Vec<(&str, &str)> {
        m.iter()
            .map(|m| (m.field.as_str(), m.citation.as_str()))
            .collect()
    }

    #[test]
    fn the_42001_elements_are_reported_apart_from_art_27() {
        // Complete for Art. 27(1)(a)-(f), but neither misuse nor society.
        let mut w = sample();
        let e = evaluate(&w);
        assert_eq!(e.status, ImpactStatus::Complete);
        assert_eq!(e.iso42001_status, ImpactStatus::Incomplete);
        assert_eq!(
            fields(&e.iso42001_missing),
            [
                ("impact.foreseeable_misuse", "ISO/IEC 42001 6.1.4"),
                ("impact.societal_impacts", "ISO/IEC 42001 A.5.5"),
            ]
        );
        w.societal_impacts = "Fewer older workers hired in the region".into();
        w.foreseeable_misuse = "Ranking used to dismiss staff".into();
        let e = evaluate(&w);
        assert_eq!(
            (e.status, e.iso42001_status),
            (ImpactStatus::Complete, ImpactStatus::Complete)
        );
        assert!(e.missing.is_empty() && e.iso42001_missing.is_empty());
        // The new fields never fill an Art. 27 element, and blanks do not count.
        let only = ImpactWorksheet {
            societal_impacts: "Labour market effects".into(),
            foreseeable_misuse: " \n ".into(),
            ..ImpactWorksheet::default()
        };
        let e = evaluate(&only);
        assert_eq!(e.missing, evaluate(&ImpactWorksheet::default()).missing);
        assert_eq!(e.status, ImpactStatus::Incomplete);
        assert_eq!(
            fields(&e.iso42001_missing),
            [
                ("impact.processes", "ISO/IEC 42001 6.1.4"),
                ("impact.foreseeable_misuse", "ISO/IEC 42001 6.1.4"),
                ("impact.affected_groups", "ISO/IEC 42001 A.5.4"),
                ("impact.risks", "ISO/IEC 42001 A.5.4"),
            ]
        );
        // An invalid rating makes both incomplete; no worksheet is `missing`.
        w.risks[0].right = "no_such_right".into();
        let e = evaluate(&w);
        assert_eq!(
            (e.status, e.iso42001_status),
            (ImpactStatus::Incomplete, ImpactStatus::Incomplete)
        );
        assert!(e.iso42001_missing.is_empty());
        assert_eq!(
            ImpactEvaluation::missing().iso42001_status,
            ImpactStatus::Missing
        );
    }

    #[test]
    fn the_42001_fields_are_written_only_when_given() {
        let v = serde_json::to_value(sample()).unwrap();
        assert!(v.get("societal_impacts").is_none() && v.get("foreseeable_misuse").is_none());
        let mut w = sample();
        w.societal_impacts = "Energy use of retraining".into();
        let v = serde_json::to_value(&w).unwrap();
        assert_eq!(v["societal_impacts"], "Energy use of retraining");
        let back: ImpactWorksheet = serde_json::from_value(v).unwrap();
        assert_eq!(back, w);
        // An evaluation serialised before these fields existed still reads.
        let mut old = serde_json::to_value(evaluate(&sample())).unwrap();
        let o = old.as_object_mut().unwrap();
        o.remove("iso42001_status");
        o.remove("iso42001_missing");
        let e: ImpactEvaluation = serde_json::from_value(old).unwrap();
        assert_eq!(e.iso42001_status, ImpactStatus::Missing);
    }

    #[test]
    fn bands_are_documented() {
        assert_eq!(RiskBand::of(4), RiskBand::Low);
        assert_eq!(RiskBand::of(5), RiskBand::Medium);
        assert_eq!(RiskBand::of(9), RiskBand::Medium);
        assert_eq!(RiskBand::of(10), RiskBand::High);
        assert_eq!(RiskBand::of(16), RiskBand::High);
        assert_eq!(RiskBand::of(20), RiskBand::VeryHigh);
        assert!(RiskLevel::new(0, 3).is_none() && RiskLevel::new(3, 6).is_none());
    }

    #[test]
    fn evaluates_levels_and_flags() {
        let e = evaluate(&sample());
        assert_eq!(e.status, ImpactStatus::Complete);
        assert_eq!(
            e.risks[0].inherent.map(|l| (l.score, l.band)),
            Some((12, RiskBand::High))
        );
        assert_eq!(
            e.risks[0].residual.map(|l| (l.score, l.band)),
            Some((6, RiskBand::Medium))
        );
        assert!(e.risks[0].flags.is_empty());
        assert_eq!(
            e.risks[1].flags,
            vec![RiskFlag::NoMitigation, RiskFlag::ResidualHigh]
        );
        assert_eq!((e.unmitigated, e.residual_high), (1, 1));
        assert_eq!(e.highest_residual, Some(RiskBand::VeryHigh));
    }

    #[test]
    fn missing_fields_make_it_incomplete() {
        let mut w = sample();
        w.remedies = " ".into();
        w.affected_groups.clear();
        let e = evaluate(&w);
        assert_eq!(e.status, ImpactStatus::Incomplete);
        let cites: Vec<&str> = e.missing.iter().map(|m| m.citation.as_str()).collect();
        assert_eq!(cites, ["Art. 27(1)(c)", "Art. 27(1)(f)"]);
        assert_eq!(evaluate(&ImpactWorksheet::default()).missing.len(), 6);
    }

    #[test]
    fn risks_without_a_described_harm_do_not_fill_27_1_d() {
        let mut w = sample();
        for r in &mut w.risks {
            r.harm = "  ".into();
        }
        let e = evaluate(&w);
        assert_eq!(e.status, ImpactStatus::Incomplete);
        let cites: Vec<&str> = e.missing.iter().map(|m| m.citation.as_str()).collect();
        assert_eq!(cites, ["Art. 27(1)(d)"]);
        w.risks[0].harm = "Older applicants ranked lower".into();
        assert_eq!(evaluate(&w).status, ImpactStatus::Complete);
    }

    #[test]
    fn the_notification_date_is_carried_but_not_part_of_completeness() {
        let mut w = sample();
        assert_eq!(evaluate(&w).notified, None);
        w.notified = "2027-11-20".parse().ok();
        let e = evaluate(&w);
        assert_eq!(e.status, ImpactStatus::Complete);
        assert_eq!(
            e.notified.map(|d| d.to_string()).as_deref(),
            Some("2027-11-20")
        );
    }

    #[test]
    fn validation_names_the_field() {
        let mut w = sample();
        w.risks[1].severity = 6;
        let e = validate(&w).unwrap_err();
        assert_eq!(
            (e.kind, e.field.as_str()),
            (InputErrorKind::OutOfRange, "impact.risks[1].severity")
        );
        assert_eq!(evaluate(&w).status, ImpactStatus::Incomplete);
        let mut w = sample();
        w.risks[0].residual_severity = None;
        assert_eq!(
            validate(&w).unwrap_err().field,
            "impact.risks[0].residual_severity"
        );
        assert!(validate(&sample()).is_ok());
    }
}
