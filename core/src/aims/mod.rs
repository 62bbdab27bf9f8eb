//! The AIMS file (`aimskit-aims/1`, `spec/aims-file.md` section 1): the
//! organisation's AI management system self-assessment, its Statement of
//! Applicability and its AI system inventory.
//!
//! # Example
//! ```
//! use aimskit_core::aims::{aims_to_json, parse_aims};
//! use aimskit_core::system::SourceFormat;
//! let text = r#"
//! format = "aimskit-aims/1"
//! organisation = "Example AG"
//! [clauses."6.1.2"]
//! maturity = 3
//! evidence = ["AI risk procedure v1.2"]
//! "#;
//! let aims = parse_aims(text, SourceFormat::Toml).unwrap();
//! assert_eq!(aims.clauses["6.1.2"].maturity, Some(3));
//! let again = parse_aims(&aims_to_json(&aims), SourceFormat::Json).unwrap();
//! assert_eq!(aims, again);
//! ```

mod parse;
mod write;

use std::collections::BTreeMap;

pub use parse::parse_aims;
pub use write::{aims_to_json, aims_to_toml};

use crate::Date;
use crate::system::SystemFile;

/// The format tag of an AIMS file.
pub const AIMS_FORMAT: &str = "aimskit-aims/1";

/// Certifications an AIMS file may name in `certifications` / `integrated_with`.
pub const CERTIFICATIONS: &[&str] = &[
    "iso9001", "iso13485", "iso14001", "iso20000", "iso22301", "iso27001", "iso27701", "iso42001",
    "iso45001", "iso50001",
];

/// Certifications built on the harmonised structure that an AIMS can share
/// processes with (the `siloed_management_system` pitfall looks at these).
pub const HARMONISED_STRUCTURE: &[&str] = &[
    "iso9001", "iso14001", "iso20000", "iso22301", "iso27001", "iso27701", "iso45001", "iso50001",
];

/// The organisation's AIMS self-assessment.
#[derive(Debug, Clone, PartialEq)]
pub struct AimsFile {
    /// Always [`AIMS_FORMAT`].
    pub format: String,
    /// Organisation name.
    pub organisation: String,
    /// Evaluation date given in the file, if any.
    pub as_of: Option<Date>,
    /// The AIMS scope statement (clause 4.3).
    pub scope: String,
    /// Management-system certifications held (IDs from [`CERTIFICATIONS`]).
    pub certifications: Vec<String>,
    /// The subset the AIMS is actually integrated with.
    pub integrated_with: Vec<String>,
    /// "Our 42001 certificate shows AI Act conformity."
    pub relies_on_certificate_for_ai_act: bool,
    /// The AI system inventory, in file order.
    pub systems: Vec<SystemRef>,
    /// Self-assessment per clause ID (`"6.1.2"`).
    pub clauses: BTreeMap<String, ClauseEntry>,
    /// Statement of Applicability and self-assessment per control ID (`"A.7.5"`).
    pub controls: BTreeMap<String, ControlEntry>,
}

impl AimsFile {
    /// An empty AIMS file for `organisation` (nothing assessed).
    pub fn new(organisation: impl Into<String>) -> AimsFile {
        AimsFile {
            format: AIMS_FORMAT.to_owned(),
            organisation: organisation.into(),
            as_of: None,
            scope: String::new(),
            certifications: Vec::new(),
            integrated_with: Vec::new(),
            relies_on_certificate_for_ai_act: false,
            systems: Vec::new(),
            clauses: BTreeMap::new(),
            controls: BTreeMap::new(),
        }
    }

    /// The system file paths the caller must resolve (relative to the AIMS file).
    pub fn system_paths(&self) -> impl Iterator<Item = &str> {
        self.systems.iter().filter_map(|s| match s {
            SystemRef::Path(p) => Some(p.as_str()),
            SystemRef::Inline(_) => None,
        })
    }
}

/// One entry of the inventory. Core does no I/O: the caller reads `Path`
/// entries and passes the parsed files to [`crate::gap::gap`]; `Inline`
/// entries are evaluated by `gap` directly.
#[derive(Debug, Clone, PartialEq)]
pub enum SystemRef {
    /// A system file path, relative to the AIMS file.
    Path(String),
    /// A system file written inline in the AIMS file.
    Inline(Box<SystemFile>),
}

/// Self-assessment of one clause. Clauses cannot be excluded.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ClauseEntry {
    /// 0 absent, 1 initial, 2 managed, 3 defined, 4 measured, 5 optimising;
    /// `None` = not assessed.
    pub maturity: Option<u8>,
    /// What an auditor could look at.
    pub evidence: Vec<String>,
    /// Who is responsible.
    pub owner: String,
    /// Planned completion.
    pub due: Option<Date>,
    /// Free text.
    pub note: String,
}

/// One Statement of Applicability row and its self-assessment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ControlEntry {
    /// Whether the control is applicable (left out of the file = `true`).
    pub applicable: bool,
    /// Why it is included or excluded.
    pub justification: String,
    /// Maturity 0..5; `None` = not assessed.
    pub maturity: Option<u8>,
    /// What an auditor could look at.
    pub evidence: Vec<String>,
    /// Who is responsible.
    pub owner: String,
    /// Planned completion.
    pub due: Option<Date>,
    /// Free text.
    pub note: String,
}

impl Default for ControlEntry {
    fn default() -> Self {
        ControlEntry {
            applicable: true,
            justification: String::new(),
            maturity: None,
            evidence: Vec::new(),
            owner: String::new(),
            due: None,
            note: String::new(),
        }
    }
}
