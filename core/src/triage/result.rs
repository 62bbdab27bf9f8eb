//! The triage result (`aimskit-triage/1`), field for field as in
//! `spec/system-file.md` section 2. Extra fields are additions, never changes.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::Date;
use crate::i18n::Lang;

/// The format tag of a triage result.
pub const TRIAGE_FORMAT: &str = "aimskit-triage/1";

/// The risk tier. Precedence: not_ai_system > out_of_scope > prohibited >
/// high_risk > limited > minimal. GPAI status is a separate axis ([`GpaiStatus`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Tier {
    /// Not an AI system under Art. 3(1).
    NotAiSystem,
    /// An AI system, but outside the Act (Art. 2).
    OutOfScope,
    /// An Art. 5 practice without an applicable exception.
    Prohibited,
    /// High-risk under Art. 6(1) or Art. 6(2).
    HighRisk,
    /// Not high-risk, but at least one Art. 50 provision applies.
    Limited,
    /// None of the above.
    Minimal,
}

impl Tier {
    /// All tiers, in precedence order.
    pub const ALL: [Tier; 6] = [
        Tier::NotAiSystem,
        Tier::OutOfScope,
        Tier::Prohibited,
        Tier::HighRisk,
        Tier::Limited,
        Tier::Minimal,
    ];

    /// The spec's string for this tier.
    pub fn as_str(self) -> &'static str {
        match self {
            Tier::NotAiSystem => "not_ai_system",
            Tier::OutOfScope => "out_of_scope",
            Tier::Prohibited => "prohibited",
            Tier::HighRisk => "high_risk",
            Tier::Limited => "limited",
            Tier::Minimal => "minimal",
        }
    }

    /// How severe the tier is for ordering "never lowers" properties:
    /// prohibited 3, high_risk 2, limited 1, everything else 0.
    pub fn severity(self) -> u8 {
        match self {
            Tier::Prohibited => 3,
            Tier::HighRisk => 2,
            Tier::Limited => 1,
            Tier::NotAiSystem | Tier::OutOfScope | Tier::Minimal => 0,
        }
    }
}

/// General-purpose AI model status (Art. 51-55).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GpaiStatus {
    /// Not a GPAI model provider.
    None,
    /// GPAI model provider (Art. 53).
    Gpai,
    /// GPAI model with systemic risk (Art. 51, 55).
    GpaiSystemic,
}

/// An operator role (Art. 3(3)-(8)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Art. 3(3).
    Provider,
    /// Art. 3(4).
    Deployer,
    /// Art. 3(6).
    Importer,
    /// Art. 3(7).
    Distributor,
    /// Art. 3(5).
    AuthorisedRepresentative,
    /// Art. 25(3), Art. 3(8).
    ProductManufacturer,
}

impl Role {
    /// All roles in a fixed order.
    pub const ALL: [Role; 6] = [
        Role::Provider,
        Role::Deployer,
        Role::Importer,
        Role::Distributor,
        Role::AuthorisedRepresentative,
        Role::ProductManufacturer,
    ];

    /// The spec's string for this role.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Provider => "provider",
            Role::Deployer => "deployer",
            Role::Importer => "importer",
            Role::Distributor => "distributor",
            Role::AuthorisedRepresentative => "authorised_representative",
            Role::ProductManufacturer => "product_manufacturer",
        }
    }
}

/// One duty of this operator.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Obligation {
    /// Stable obligation ID from the rule data (e.g. `"deployer.fria"`).
    pub id: String,
    /// The effective role that bears it.
    pub role: Role,
    /// Articles, written `Art. N`, `Art. N(M)` or `Art. N(M)(x)`.
    pub articles: Vec<String>,
    /// The date it applies from (Art. 113 as amended).
    pub applies_from: Date,
    /// Whether it is in force on `as_of`.
    pub applicable: bool,
    /// A short plain-language title (English; front ends may localise by `id`).
    #[serde(default)]
    pub title: String,
}

/// A fact whose answer would change the outcome.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Review {
    /// The system-file field (e.g. `"profiling"`).
    pub field: String,
    /// What would change, in one plain sentence.
    pub why: String,
    /// The locale key `why` was built from (an addition to the spec; empty
    /// for texts without one). Rendered by [`Review::why_in`].
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub key: String,
    /// The arguments of `key` (see [`Review::why_in`] for their convention).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub args: BTreeMap<String, String>,
}

impl Review {
    /// A review without a locale key (shown as `why` in every language).
    pub fn plain(field: &str, why: impl Into<String>) -> Self {
        Review {
            field: field.to_owned(),
            why: why.into(),
            key: String::new(),
            args: BTreeMap::new(),
        }
    }

    /// `why` in `lang`, rendered from `key` and `args` (the English
    /// rendering equals `why`, tested over the triage corpus); `why` itself
    /// when there is no key.
    ///
    /// Arguments follow [`crate::i18n::message`]'s convention (`*_msg` =
    /// a nested key), plus: `parts` = comma-separated keys rendered and
    /// joined with "; " into `{consequence}`; `*_list` = IDs, an empty one
    /// shown as `review.none`; `label` = an English vocabulary label,
    /// shown as the key in `label_key` (`opt.<field>.<id>`); `added`/`removed`/`moved` = "Art. N (role), ..." with
    /// each role shown as `ui.role.<role>`.
    pub fn why_in(&self, lang: Lang) -> String {
        if self.key.is_empty() {
            return self.why.clone();
        }
        crate::i18n::review_message(lang, &self.key, &self.args)
    }
}

/// One rule that fired.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TraceStep {
    /// The rule ID from the rule data.
    pub rule: String,
    /// Its legal citation (e.g. `"Art. 6(3)"`).
    pub citation: String,
    /// One plain-language sentence.
    pub because: String,
}

/// The result of triaging one system (`aimskit-triage/1`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TriageResult {
    /// Always [`TRIAGE_FORMAT`].
    pub format: String,
    /// The system's name, copied from the file.
    pub name: String,
    /// The evaluation date.
    pub as_of: Date,
    /// The rule-base version that produced this result.
    pub rules_version: String,
    /// The risk tier.
    pub tier: Tier,
    /// Art. 5 practice IDs that make it prohibited after exceptions.
    pub prohibited: Vec<String>,
    /// `"annex_i:A.11"`, `"annex_iii:4.a"`; empty unless high-risk.
    pub high_risk_basis: Vec<String>,
    /// Art. 6(3) conditions (`"6.3.a"`) that took it out of high risk.
    pub derogation: Vec<String>,
    /// Art. 50 provisions that apply to the system, whoever bears them.
    pub transparency: Vec<String>,
    /// GPAI status.
    pub gpai: GpaiStatus,
    /// Effective roles after Art. 25.
    pub roles: Vec<Role>,
    /// This operator's own duties.
    pub obligations: Vec<Obligation>,
    /// Unsure facts that would change the outcome.
    pub needs_review: Vec<Review>,
    /// Every rule that fired, in order.
    pub trace: Vec<TraceStep>,
}
