//! The impact assessment worksheet (`[impact]` in a system file), shared by
//! ISO/IEC 42001 6.1.4 / 8.4 / A.5 and the AI Act's fundamental rights impact
//! assessment (Art. 27(1)(a)-(f)). See `spec/aims-file.md` section 3.

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
    /// Art. 27(1)(d): specific risks of harm.
    #[serde(default)]
    pub risks: Vec<ImpactRisk>,
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
