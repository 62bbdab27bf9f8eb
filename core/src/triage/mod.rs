//! EU AI Act triage: Reg. (EU) 2024/1689 as amended by Reg. (EU) 2026/1744.

pub mod result;

pub use result::{GpaiStatus, Obligation, Review, Role, Tier, TraceStep, TriageResult};
