//! aimskit-core: the pure domain of aimskit.
//!
//! - [`triage`]: EU AI Act triage of one AI system (Reg. (EU) 2024/1689 as
//!   amended by Reg. (EU) 2026/1744).
//! - [`aims`] and [`gap`]: the AIMS file and the ISO/IEC 42001 gap analysis
//!   (statuses, scores, Statement of Applicability, findings, roadmap).
//! - [`impact`]: the shared impact-assessment worksheet (42001 6.1.4 / A.5,
//!   AI Act Art. 27).
//!
//! Core has no I/O, no clock and no JavaScript: the evaluation date is passed
//! in, files are passed in as text, and results are plain data.
#![deny(missing_docs)]

pub mod aims;
mod data;
pub mod date;
pub mod error;
pub mod gap;
pub mod i18n;
pub mod impact;
pub mod questionnaire;
pub mod report;
pub mod suggest;
pub mod system;
pub mod triage;

pub use date::Date;
pub use error::{InputError, InputErrorKind};
