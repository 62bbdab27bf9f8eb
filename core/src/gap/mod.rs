//! ISO/IEC 42001 gap analysis: statuses, scores, Statement of Applicability,
//! findings, pitfalls and roadmap (`spec/aims-file.md` section 2).
//!
//! # Status (spec)
//! - `not_assessed`: the item is left out of the AIMS file, or a control is
//!   declared applicable without a maturity;
//! - `not_applicable`: a control with `applicable = false` (clauses cannot be
//!   excluded: the parser rejects it);
//! - `missing`: maturity 0;
//! - `partial`: maturity 1-2, or maturity >= 3 **without evidence**
//!   ("claimed, not shown");
//! - `met`: maturity >= 3 **and** evidence.
//!
//! The inventory feeds 6.1.4, 8.4 and A.5: a completed `[impact]` worksheet
//! counts as evidence for 8.4, A.5.3 and A.5.4 (`inventory_evidence`), one
//! that records societal impacts (`impact.societal_impacts`) for A.5.5, and
//! while any system that needs a FRIA (an obligation citing Art. 27) lacks a
//! complete worksheet, 6.1.4, 8.4 and A.5.2-A.5.5 cannot be `met`: they are
//! held at `partial` (`capped` says why). A complete worksheet whose results
//! were not notified to the market surveillance authority by `as_of`
//! (`impact.notified`, Art. 27(3)) is a finding on A.8.5. Where A.5.5 or
//! 6.1.4 is self-assessed as in place (maturity >= 3) but a system's
//! worksheet records no societal impacts or no foreseeable misuse, that
//! system gets an observation (never a nonconformity) on that item.
//!
//! Which controls the inventory makes necessary (`soa[].required_by`) comes
//! only from the obligations each system's triage gives it on `as_of`
//! (`core/catalogue/obligations.toml`), with their dates: a legacy system
//! exempted by Art. 111(2) or an Annex I Section B product requires no
//! Chapter III control.
//!
//! # Gap score formula
//! Each item earns a credit between 0 and 1:
//! - `met` earns 1;
//! - an assessed item that is not met earns `min(maturity, 2) / 3`
//!   (0, 1/3 or 2/3: maturity 3-5 without evidence earns no more than 2);
//! - `not_assessed` earns 0 **and stays in the denominator**: readiness is not
//!   assumed for what was not looked at; `coverage` reports how many items
//!   were not assessed, so the 0 is never silent;
//! - `not_applicable` (an excluded control) is left out of the denominator.
//!
//! A score is `100 x mean credit` over its items, rounded to one decimal:
//! - `score` (overall): all 32 clauses plus every control not excluded;
//! - `pdca.plan|do|check|act`: the same items, by the catalogue's PDCA phase
//!   (clauses 4-6 plan, 7-8 do, 9 check, 10 act; each control carries its
//!   phase in `core/catalogue/iso42001.toml`);
//! - `clause_scores`: per clause group 4..10;
//! - `objective_scores`: per Annex A objective (A.2 .. A.10, A.6 split into
//!   A.6.1 and A.6.2); `null` when every control of the objective is excluded.
//!
//! Raising an item's maturity (with evidence) never lowers any score, because
//! credits only grow with maturity and denominators depend on applicability
//! alone. Every front end shows the score computed here.

pub mod catalogue;
mod eval;
pub mod pitfalls;
mod result;
mod roadmap;

pub use catalogue::{Catalogue, Item, ItemKind, Pdca, Structure, Text, catalogue};
pub use eval::{TriagedSystem, credit, evaluate};
pub use result::{
    Coverage, Finding, GAP_FORMAT, GapResult, ItemResult, PdcaScores, PitfallHit, Priority,
    Requirement, RoadmapAction, Severity, SoaRow, Status, SystemGap,
};

use crate::Date;
use crate::aims::{AimsFile, SystemRef};
use crate::system::SystemFile;

/// Runs the gap analysis: triages every inventory system with
/// [`crate::triage::triage`] on `as_of`, then evaluates the AIMS.
///
/// `systems` are the system files the caller resolved from the AIMS file's
/// path entries (name or path, parsed file); inline systems written in the
/// AIMS file itself are taken from `aims.systems` automatically (do not pass
/// them again).
pub fn gap(aims: &AimsFile, systems: &[(String, SystemFile)], as_of: Date) -> GapResult {
    let inline = aims.systems.iter().filter_map(|s| match s {
        SystemRef::Inline(sys) => Some((sys.name.as_str(), sys.as_ref())),
        SystemRef::Path(_) => None,
    });
    let given = systems.iter().map(|(n, s)| (n.as_str(), s));
    let triaged = inline
        .chain(given)
        .map(|(name, sys)| TriagedSystem {
            name: name.to_owned(),
            triage: crate::triage::triage(sys, as_of),
            declared_roles: sys.roles.clone(),
            impact: sys.impact.clone(),
        })
        .collect();
    evaluate(aims, triaged, as_of, crate::triage::rules_version())
}
