//! The AI system file (`aimskit-system/1`, `spec/system-file.md` section 1):
//! typed model, field-by-field parsing from TOML or JSON with precise errors,
//! and writing back to TOML or JSON (round-trip safe).
//!
//! # Example
//! ```
//! use aimskit_core::system::{parse_system, to_json, SourceFormat};
//! let text = "format = \"aimskit-system/1\"\nname = \"Chatbot\"\nart50 = [\"50.1\"]\n";
//! let sys = parse_system(text, SourceFormat::Toml).unwrap();
//! assert_eq!(sys.name, "Chatbot");
//! let again = parse_system(&to_json(&sys), SourceFormat::Json).unwrap();
//! assert_eq!(sys, again);
//! ```

mod depth;
mod ids;
mod parse;
mod write;

pub use ids::{
    AnnexIPoint, AnnexIiiPoint, Art5Exception, Art5Practice, Art6_3Condition, Art50Exception,
    Art50Provision, Exclusion, FieldName, NexusKind, SpecId, ValueChain,
};
pub(crate) use ids::{sort_ids, sorted_unique};
pub(crate) use parse::check_size_and_depth;
pub use parse::{MAX_DEPTH, MAX_INPUT_BYTES, parse_system};
pub use write::{to_json, to_toml};

use crate::Date;
use crate::impact::ImpactWorksheet;
use crate::triage::Role;

/// The format tag of a system file.
pub const SYSTEM_FORMAT: &str = "aimskit-system/1";

/// Which syntax a system file is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceFormat {
    /// TOML (for people).
    Toml,
    /// JSON (for programs).
    Json,
}

/// One AI system, as described by its file. Field meanings: see the spec.
#[derive(Debug, Clone, PartialEq)]
pub struct SystemFile {
    /// Always [`SYSTEM_FORMAT`].
    pub format: String,
    /// The system's name.
    pub name: String,
    /// Free text.
    pub description: String,
    /// Evaluation date given in the file, if any.
    pub as_of: Option<Date>,
    /// Our roles for this system (Art. 3(3)-(8)).
    pub roles: Vec<Role>,
    /// We are established in the EU.
    pub established_in_eu: bool,
    /// Links to the EU market (Art. 2(1)).
    pub eu_nexus: Vec<NexusKind>,
    /// Body governed by public law (Art. 27(1)).
    pub public_body: bool,
    /// Private entity providing public services (Art. 27(1)).
    pub public_service: bool,
    /// Used on workers at the workplace (Art. 26(7)).
    pub workplace_use: bool,
    /// An AI system under Art. 3(1) (default true).
    pub ai_system: bool,
    /// Art. 2 exclusions claimed.
    pub exclusions: Vec<Exclusion>,
    /// Art. 5 practices.
    pub art5: Vec<Art5Practice>,
    /// Art. 5 exceptions.
    pub art5_exceptions: Vec<Art5Exception>,
    /// Annex I points.
    pub annex_i: Vec<AnnexIPoint>,
    /// The product needs third-party conformity assessment (Art. 6(1)(b)).
    pub annex_i_third_party: bool,
    /// Annex III points.
    pub annex_iii: Vec<AnnexIiiPoint>,
    /// Art. 6(3) conditions relied on.
    pub art6_3: Vec<Art6_3Condition>,
    /// Profiles natural persons (blocks Art. 6(3)).
    pub profiling: bool,
    /// Art. 50 provisions (facts).
    pub art50: Vec<Art50Provision>,
    /// Art. 50 exceptions.
    pub art50_exceptions: Vec<Art50Exception>,
    /// Art. 25(1) changes.
    pub value_chain: Vec<ValueChain>,
    /// Optional (project extension): the date this type and model was first
    /// placed on the EU market or put into service (Art. 111(2), 111(4)).
    pub first_placed_on_market: Option<Date>,
    /// Optional: its design changed significantly after the Chapter III
    /// date (Art. 111(2)); `None` = not said (the triage then keeps the
    /// normal dates and asks).
    pub significant_change: Option<bool>,
    /// Optional: intended to be used by public authorities (Art. 111(2)
    /// second sentence); `None` = not said (the triage then applies the
    /// public-authority date and asks).
    pub for_public_authorities: Option<bool>,
    /// Optional: available to the public to report a criminal offence
    /// (Art. 50(1)); `None` = not said.
    pub public_crime_reporting: Option<bool>,
    /// Facts the user is not sure about.
    pub unsure: Vec<FieldName>,
    /// The optional impact worksheet.
    pub impact: Option<ImpactWorksheet>,
    /// The optional GPAI model facts.
    pub gpai: Option<GpaiFacts>,
}

/// General-purpose AI model facts (`[gpai]`, Art. 51-55).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GpaiFacts {
    /// We place a GPAI model on the EU market.
    pub provider: bool,
    /// Cumulative training compute in FLOP (finite, >= 0).
    pub training_flops: f64,
    /// Designated by the Commission (Art. 51(1)(b)).
    pub designated: bool,
    /// Open licence with public weights, architecture and usage information.
    pub open_source: bool,
    /// Date first placed on the market, if known.
    pub placed_before: Option<Date>,
}

impl SystemFile {
    /// A system file with every field at its default (`ai_system = true`).
    ///
    /// # Example
    /// ```
    /// let s = aimskit_core::system::SystemFile::new("Demo");
    /// assert!(s.ai_system && s.roles.is_empty());
    /// ```
    pub fn new(name: impl Into<String>) -> SystemFile {
        SystemFile {
            format: SYSTEM_FORMAT.to_owned(),
            name: name.into(),
            description: String::new(),
            as_of: None,
            roles: Vec::new(),
            established_in_eu: false,
            eu_nexus: Vec::new(),
            public_body: false,
            public_service: false,
            workplace_use: false,
            ai_system: true,
            exclusions: Vec::new(),
            art5: Vec::new(),
            art5_exceptions: Vec::new(),
            annex_i: Vec::new(),
            annex_i_third_party: false,
            annex_iii: Vec::new(),
            art6_3: Vec::new(),
            profiling: false,
            art50: Vec::new(),
            art50_exceptions: Vec::new(),
            value_chain: Vec::new(),
            first_placed_on_market: None,
            significant_change: None,
            for_public_authorities: None,
            public_crime_reporting: None,
            unsure: Vec::new(),
            impact: None,
            gpai: None,
        }
    }
}

/// Every top-level field name a system file may carry.
pub const TOP_LEVEL_FIELDS: &[&str] = &[
    "format",
    "name",
    "description",
    "as_of",
    "roles",
    "established_in_eu",
    "eu_nexus",
    "public_body",
    "public_service",
    "workplace_use",
    "ai_system",
    "exclusions",
    "art5",
    "art5_exceptions",
    "annex_i",
    "annex_i_third_party",
    "annex_iii",
    "art6_3",
    "profiling",
    "art50",
    "art50_exceptions",
    "value_chain",
    "first_placed_on_market",
    "significant_change",
    "for_public_authorities",
    "public_crime_reporting",
    "unsure",
    "impact",
    "gpai",
];

/// Field names of the `[gpai]` table.
pub const GPAI_FIELDS: &[&str] = &[
    "provider",
    "training_flops",
    "designated",
    "open_source",
    "placed_before",
];
