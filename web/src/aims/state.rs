//! The AIMS assessment state: the organisation's AIMS file being edited, what
//! is selected, and a planned import. [`reduce`] only moves state; scores,
//! statuses, findings and impact completeness all come from `aimskit_core`
//! ([`evaluate`], [`impact_of`]).

use std::collections::BTreeMap;

use aimskit_core::Date;
use aimskit_core::aims::{AimsFile, ClauseEntry, ControlEntry, SystemRef, parse_aims};
use aimskit_core::gap::catalogue::{ItemKind, catalogue};
use aimskit_core::impact::{ImpactRisk, ImpactWorksheet};
use aimskit_core::system::{SourceFormat, SystemFile};

use crate::state::inventory::{Inventory, SystemEntry, SystemId};

/// A clause or control ID that exists in the catalogue.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ItemId(String);

impl ItemId {
    /// The ID if the catalogue has it.
    pub fn new(id: &str) -> Option<ItemId> {
        catalogue().item(id).map(|_| ItemId(id.to_owned()))
    }

    /// The ID text (`"6.1.2"`, `"A.5.2"`).
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Clause or control.
    pub fn kind(&self) -> ItemKind {
        catalogue()
            .item(&self.0)
            .map_or(ItemKind::Clause, |i| i.kind)
    }
}

/// How the item list is grouped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Grouping {
    /// Plan-Do-Check-Act phases.
    #[default]
    Pdca,
    /// Clause groups 4-10 and Annex A objectives.
    Objective,
}

/// Suggested justification categories for a Statement of Applicability entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JustificationCategory {
    /// Included to treat an assessed risk (6.1.3).
    RiskTreatment,
    /// Included because law or a contract requires it.
    LegalOrContractual,
    /// Included as good practice.
    BestPractice,
    /// Excluded: the activity is not part of our role.
    NotOurRole,
    /// Excluded: the risk it treats does not exist for us.
    RiskNotPresent,
}

impl JustificationCategory {
    /// Categories for an applicable control.
    pub const INCLUDED: [JustificationCategory; 3] = [
        JustificationCategory::RiskTreatment,
        JustificationCategory::LegalOrContractual,
        JustificationCategory::BestPractice,
    ];
    /// Categories for an excluded control.
    pub const EXCLUDED: [JustificationCategory; 2] = [
        JustificationCategory::NotOurRole,
        JustificationCategory::RiskNotPresent,
    ];

    /// Translation key of the category's suggested text.
    pub fn key(self) -> &'static str {
        match self {
            JustificationCategory::RiskTreatment => "aims.just.risk_treatment",
            JustificationCategory::LegalOrContractual => "aims.just.legal",
            JustificationCategory::BestPractice => "aims.just.best_practice",
            JustificationCategory::NotOurRole => "aims.just.not_our_role",
            JustificationCategory::RiskNotPresent => "aims.just.risk_not_present",
        }
    }
}

/// One change to an impact worksheet.
#[derive(Debug, Clone, PartialEq)]
pub enum ImpactEdit {
    /// Art. 27(1)(a).
    Processes(String),
    /// Art. 27(1)(b).
    PeriodAndFrequency(String),
    /// Art. 27(1)(c), one group per line.
    AffectedGroups(String),
    /// Art. 27(1)(e).
    Oversight(String),
    /// Art. 27(1)(f).
    Remedies(String),
    /// Add an empty risk (likelihood and severity 3).
    AddRisk,
    /// Remove a risk.
    RemoveRisk(usize),
    /// The harm of a risk.
    Harm(usize, String),
    /// The right concerned.
    Right(usize, String),
    /// Likelihood 1..5.
    Likelihood(usize, u8),
    /// Severity 1..5.
    Severity(usize, u8),
    /// The mitigation.
    Mitigation(usize, String),
    /// Residual likelihood 1..5 or not rated.
    ResidualLikelihood(usize, Option<u8>),
    /// Residual severity 1..5 or not rated.
    ResidualSeverity(usize, Option<u8>),
    /// Art. 27(3): the day the results were notified, or not (yet).
    Notified(Option<Date>),
    /// ISO/IEC 42001 A.5.5: impacts on society (not an Art. 27 element).
    SocietalImpacts(String),
    /// ISO/IEC 42001 6.1.4: reasonably foreseeable misuse (not an Art. 27 element).
    ForeseeableMisuse(String),
}

/// An AIMS file read for import, waiting for confirmation.
#[derive(Debug, Clone, PartialEq)]
pub struct AimsImport {
    /// File name.
    pub filename: String,
    /// The parsed file (inline systems moved to `systems`).
    pub file: AimsFile,
    /// Its inline systems, which replace the inventory.
    pub systems: Vec<SystemFile>,
    /// System file paths it names; a browser cannot open them.
    pub unresolved: Vec<String>,
}

/// A message shown in the AIMS views.
#[derive(Debug, Clone, PartialEq)]
pub enum AimsNotice {
    /// The import was refused (message names file, field and expectation).
    ImportFailed(String),
    /// The chosen file is larger than 1 MiB.
    TooLarge,
    /// The chosen file is not valid UTF-8 text.
    InvalidUtf8,
    /// The import was applied: number of systems.
    Imported(usize),
}

/// The AIMS part of the widget state.
#[derive(Debug, Clone, PartialEq)]
pub struct AimsState {
    /// The self-assessment; `systems` stays empty (the inventory is the source).
    pub file: AimsFile,
    /// How the item list is grouped.
    pub grouping: Grouping,
    /// The item being edited; `None` = overview.
    pub selected: Option<ItemId>,
    /// The system whose impact worksheet is open.
    pub impact_open: Option<SystemId>,
    /// A planned import.
    pub import: Option<AimsImport>,
    /// The latest message.
    pub notice: Option<AimsNotice>,
}

impl Default for AimsState {
    fn default() -> Self {
        AimsState {
            file: AimsFile::new(""),
            grouping: Grouping::default(),
            selected: None,
            impact_open: None,
            import: None,
            notice: None,
        }
    }
}

/// Every AIMS, impact and import transition.
#[derive(Debug, Clone, PartialEq)]
pub enum AimsAction {
    /// Organisation name.
    SetOrganisation(String),
    /// Scope statement (4.3).
    SetScope(String),
    /// Hold or drop a certification.
    SetCertified(String, bool),
    /// Integrate the AIMS with a certified system, or not.
    SetIntegrated(String, bool),
    /// "Our 42001 certificate shows AI Act conformity."
    SetReliesOnCertificate(bool),
    /// Group by PDCA or by objective.
    SetGrouping(Grouping),
    /// Edit an item, or back to the overview.
    Select(Option<ItemId>),
    /// Maturity 0..5 or not assessed.
    SetMaturity(ItemId, Option<u8>),
    /// Add an evidence reference.
    AddEvidence(ItemId, String),
    /// Remove an evidence reference.
    RemoveEvidence(ItemId, usize),
    /// Owner.
    SetOwner(ItemId, String),
    /// Planned completion.
    SetDue(ItemId, Option<Date>),
    /// Note.
    SetNote(ItemId, String),
    /// Applicability of a control (clauses cannot be excluded: ignored).
    SetApplicable(ItemId, bool),
    /// Justification of a control.
    SetJustification(ItemId, String),
    /// Open a system's impact worksheet.
    OpenImpact(SystemId),
    /// Start an empty worksheet for a system.
    StartImpact(SystemId),
    /// Delete a system's worksheet.
    DropImpact(SystemId),
    /// Edit a system's worksheet.
    EditImpact(SystemId, ImpactEdit),
    /// A file was read: plan its import.
    ImportText {
        /// File name.
        filename: String,
        /// Its text.
        text: String,
    },
    /// A chosen file was too large to read.
    ImportTooLarge,
    /// A chosen file was not valid UTF-8 text.
    ImportInvalidUtf8,
    /// Apply the planned import (replaces the assessment and the inventory).
    ConfirmImport,
    /// Drop the planned import.
    CancelImport,
    /// Hide the notice.
    DismissNotice,
}

/// What a transition changed, for the caller's autosave and date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Outcome {
    /// The assessment changed.
    pub aims: bool,
    /// The inventory changed.
    pub inventory: bool,
    /// An imported file brought its own evaluation date.
    pub as_of: Option<Date>,
}

const fn changed_aims() -> Outcome {
    Outcome {
        aims: true,
        inventory: false,
        as_of: None,
    }
}

/// Applies one action. Unknown items and systems are ignored.
pub fn reduce(state: &mut AimsState, inventory: &mut Inventory, action: AimsAction) -> Outcome {
    let file = &mut state.file;
    match action {
        AimsAction::SetOrganisation(s) => file.organisation = s,
        AimsAction::SetScope(s) => file.scope = s,
        AimsAction::SetCertified(c, on) => {
            toggle(&mut file.certifications, &c, on);
            if !on {
                toggle(&mut file.integrated_with, &c, false);
            }
        }
        AimsAction::SetIntegrated(c, on) => {
            if on && !file.certifications.contains(&c) {
                return Outcome::default();
            }
            toggle(&mut file.integrated_with, &c, on);
        }
        AimsAction::SetReliesOnCertificate(on) => file.relies_on_certificate_for_ai_act = on,
        AimsAction::SetGrouping(g) => {
            state.grouping = g;
            return Outcome::default();
        }
        AimsAction::Select(id) => {
            state.selected = id;
            return Outcome::default();
        }
        AimsAction::SetMaturity(id, m) => edit(file, &id, |e| *e.maturity = m.filter(|m| *m <= 5)),
        AimsAction::AddEvidence(id, text) => {
            let text = text.trim().to_owned();
            if text.is_empty() {
                return Outcome::default();
            }
            edit(file, &id, |e| {
                if !e.evidence.contains(&text) {
                    e.evidence.push(text);
                }
            });
        }
        AimsAction::RemoveEvidence(id, i) => edit(file, &id, |e| {
            if i < e.evidence.len() {
                e.evidence.remove(i);
            }
        }),
        AimsAction::SetOwner(id, s) => edit(file, &id, |e| *e.owner = s),
        AimsAction::SetDue(id, d) => edit(file, &id, |e| *e.due = d),
        AimsAction::SetNote(id, s) => edit(file, &id, |e| *e.note = s),
        AimsAction::SetApplicable(id, on) => {
            if id.kind() != ItemKind::Control {
                return Outcome::default();
            }
            let e = file.controls.entry(id.0.clone()).or_default();
            e.applicable = on;
            prune_control(file, &id.0);
        }
        AimsAction::SetJustification(id, s) => {
            if id.kind() != ItemKind::Control {
                return Outcome::default();
            }
            file.controls.entry(id.0.clone()).or_default().justification = s;
            prune_control(file, &id.0);
        }
        AimsAction::OpenImpact(sid) => {
            if inventory.get(sid).is_some() {
                state.impact_open = Some(sid);
            }
            return Outcome::default();
        }
        AimsAction::StartImpact(sid) => {
            let Some(s) = inventory.get_mut(sid) else {
                return Outcome::default();
            };
            state.impact_open = Some(sid);
            if s.file.impact.is_some() {
                return Outcome::default();
            }
            s.file.impact = Some(ImpactWorksheet::default());
            return Outcome {
                inventory: true,
                ..Outcome::default()
            };
        }
        AimsAction::DropImpact(sid) => {
            let Some(s) = inventory.get_mut(sid) else {
                return Outcome::default();
            };
            let had = s.file.impact.take().is_some();
            return Outcome {
                inventory: had,
                ..Outcome::default()
            };
        }
        AimsAction::EditImpact(sid, e) => {
            let Some(w) = inventory.get_mut(sid).and_then(|s| s.file.impact.as_mut()) else {
                return Outcome::default();
            };
            edit_impact(w, e);
            return Outcome {
                inventory: true,
                ..Outcome::default()
            };
        }
        AimsAction::ImportText { filename, text } => {
            match plan_import(&filename, &text) {
                Ok(plan) => {
                    state.import = Some(plan);
                    state.notice = None;
                }
                Err(msg) => {
                    state.import = None;
                    state.notice = Some(AimsNotice::ImportFailed(msg));
                }
            }
            return Outcome::default();
        }
        AimsAction::ImportTooLarge => {
            state.import = None;
            state.notice = Some(AimsNotice::TooLarge);
            return Outcome::default();
        }
        AimsAction::ImportInvalidUtf8 => {
            state.import = None;
            state.notice = Some(AimsNotice::InvalidUtf8);
            return Outcome::default();
        }
        AimsAction::ConfirmImport => {
            let Some(plan) = state.import.take() else {
                return Outcome::default();
            };
            let as_of = plan.file.as_of;
            let count = plan.systems.len();
            inventory.systems.clear();
            for f in plan.systems {
                let id = inventory.next_id();
                inventory.systems.push(SystemEntry::imported(id, f));
            }
            state.file = plan.file;
            state.selected = None;
            state.impact_open = None;
            state.notice = Some(AimsNotice::Imported(count));
            return Outcome {
                aims: true,
                inventory: true,
                as_of,
            };
        }
        AimsAction::CancelImport => {
            state.import = None;
            return Outcome::default();
        }
        AimsAction::DismissNotice => {
            state.notice = None;
            return Outcome::default();
        }
    }
    changed_aims()
}

fn toggle(list: &mut Vec<String>, c: &str, on: bool) {
    let known = aimskit_core::aims::CERTIFICATIONS.contains(&c);
    if on && known && !list.iter().any(|x| x == c) {
        list.push(c.to_owned());
        list.sort();
    } else if !on {
        list.retain(|x| x != c);
    }
}

/// The fields clauses and controls share, borrowed from either.
struct CommonMut<'a> {
    maturity: &'a mut Option<u8>,
    evidence: &'a mut Vec<String>,
    owner: &'a mut String,
    due: &'a mut Option<Date>,
    note: &'a mut String,
}

impl<'a> CommonMut<'a> {
    fn clause(e: &'a mut ClauseEntry) -> Self {
        CommonMut {
            maturity: &mut e.maturity,
            evidence: &mut e.evidence,
            owner: &mut e.owner,
            due: &mut e.due,
            note: &mut e.note,
        }
    }

    fn control(e: &'a mut ControlEntry) -> Self {
        CommonMut {
            maturity: &mut e.maturity,
            evidence: &mut e.evidence,
            owner: &mut e.owner,
            due: &mut e.due,
            note: &mut e.note,
        }
    }
}

fn edit(file: &mut AimsFile, id: &ItemId, f: impl FnOnce(&mut CommonMut<'_>)) {
    match id.kind() {
        ItemKind::Clause => {
            let e = file.clauses.entry(id.0.clone()).or_default();
            f(&mut CommonMut::clause(e));
            if *e == ClauseEntry::default() {
                drop_key(&mut file.clauses, &id.0);
            }
        }
        ItemKind::Control => {
            let e = file.controls.entry(id.0.clone()).or_default();
            f(&mut CommonMut::control(e));
            prune_control(file, &id.0);
        }
    }
}

/// A control entry equal to "left out of the file" is removed (keeps the export minimal).
fn prune_control(file: &mut AimsFile, id: &str) {
    if file
        .controls
        .get(id)
        .is_some_and(|e| *e == ControlEntry::default())
    {
        drop_key(&mut file.controls, id);
    }
}

/// Removes `key`, rebuilding the map (at most the 70 catalogue items) from
/// the other entries. `BTreeMap::remove` would add the node-rebalancing
/// code of each map type to the wasm (about 3.5 KB each).
fn drop_key<V>(map: &mut BTreeMap<String, V>, key: &str) {
    for (k, v) in std::mem::take(map) {
        if k != key {
            map.insert(k, v);
        }
    }
}

fn edit_impact(w: &mut ImpactWorksheet, e: ImpactEdit) {
    let rate = |v: u8| v.clamp(1, 5);
    match e {
        ImpactEdit::Processes(s) => w.processes = s,
        ImpactEdit::PeriodAndFrequency(s) => w.period_and_frequency = s,
        ImpactEdit::AffectedGroups(s) => {
            w.affected_groups = s
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_owned)
                .collect();
        }
        ImpactEdit::Oversight(s) => w.oversight = s,
        ImpactEdit::Remedies(s) => w.remedies = s,
        ImpactEdit::AddRisk => w.risks.push(ImpactRisk {
            likelihood: 3,
            severity: 3,
            ..ImpactRisk::default()
        }),
        ImpactEdit::RemoveRisk(i) => {
            if i < w.risks.len() {
                w.risks.remove(i);
            }
        }
        ImpactEdit::Harm(i, s) => risk(w, i, |r| r.harm = s),
        ImpactEdit::Right(i, s) => risk(w, i, |r| r.right = s),
        ImpactEdit::Likelihood(i, v) => risk(w, i, |r| r.likelihood = rate(v)),
        ImpactEdit::Severity(i, v) => risk(w, i, |r| r.severity = rate(v)),
        ImpactEdit::Mitigation(i, s) => risk(w, i, |r| r.mitigation = s),
        ImpactEdit::ResidualLikelihood(i, v) => risk(w, i, |r| r.residual_likelihood = v.map(rate)),
        ImpactEdit::ResidualSeverity(i, v) => risk(w, i, |r| r.residual_severity = v.map(rate)),
        ImpactEdit::Notified(d) => w.notified = d,
        ImpactEdit::SocietalImpacts(s) => w.societal_impacts = s,
        ImpactEdit::ForeseeableMisuse(s) => w.foreseeable_misuse = s,
    }
}

fn risk(w: &mut ImpactWorksheet, i: usize, f: impl FnOnce(&mut ImpactRisk)) {
    if let Some(r) = w.risks.get_mut(i) {
        f(r);
    }
}

/// Reads an AIMS file (TOML or JSON) for import. Inline systems are checked
/// by core's parser; the error names file, field and expectation.
pub fn plan_import(filename: &str, text: &str) -> Result<AimsImport, String> {
    let json = filename.to_ascii_lowercase().ends_with(".json")
        || (!filename.to_ascii_lowercase().ends_with(".toml")
            && text.trim_start().starts_with('{'));
    let fmt = if json {
        SourceFormat::Json
    } else {
        SourceFormat::Toml
    };
    let mut file = parse_aims(text, fmt).map_err(|e| e.in_file(filename).to_string())?;
    let mut systems = Vec::new();
    let mut unresolved = Vec::new();
    for s in std::mem::take(&mut file.systems) {
        match s {
            SystemRef::Inline(f) => systems.push(*f),
            SystemRef::Path(p) => unresolved.push(p),
        }
    }
    Ok(AimsImport {
        filename: filename.to_owned(),
        file,
        systems,
        unresolved,
    })
}

/// The AIMS file for export and evaluation: the assessment with the whole
/// inventory inline and the evaluation date, so one file reproduces the
/// result with `aimskit gap FILE`.
pub fn export_file(state: &AimsState, inventory: &Inventory, as_of: Date) -> AimsFile {
    let mut file = state.file.clone();
    file.as_of = Some(as_of);
    file.systems = inventory
        .systems
        .iter()
        .map(|s| SystemRef::Inline(Box::new(s.file.clone())))
        .collect();
    file
}

#[cfg(test)]
mod tests {
    use super::*;
    use aimskit_core::gap::{Status, gap};

    fn id(s: &str) -> ItemId {
        ItemId::new(s).unwrap()
    }

    fn today() -> Date {
        Date::new(2026, 11, 29).unwrap()
    }

    fn run(state: &mut AimsState, inv: &mut Inventory, actions: Vec<AimsAction>) {
        for a in actions {
            reduce(state, inv, a);
        }
    }

    #[test]
    fn entries_edited_back_to_default_leave_the_file() {
        let (mut s, mut inv) = (AimsState::default(), Inventory::default());
        run(
            &mut s,
            &mut inv,
            vec![
                AimsAction::SetMaturity(id("4.1"), Some(2)),
                AimsAction::SetMaturity(id("6.1.2"), Some(3)),
                AimsAction::SetOwner(id("A.5.2"), "Ann".into()),
                AimsAction::SetOwner(id("A.2.2"), "Bob".into()),
            ],
        );
        run(
            &mut s,
            &mut inv,
            vec![
                AimsAction::SetMaturity(id("4.1"), None),
                AimsAction::SetOwner(id("A.5.2"), String::new()),
            ],
        );
        assert_eq!(s.file.clauses.keys().collect::<Vec<_>>(), ["6.1.2"]);
        assert_eq!(s.file.clauses["6.1.2"].maturity, Some(3));
        assert_eq!(s.file.controls.keys().collect::<Vec<_>>(), ["A.2.2"]);
        assert_eq!(s.file.controls["A.2.2"].owner, "Bob");
    }

    #[test]
    fn unknown_ids_are_not_items() {
        assert!(ItemId::new("6.1.9").is_none());
        assert_eq!(id("A.5.2").kind(), ItemKind::Control);
        assert_eq!(id("6.1.2").kind(), ItemKind::Clause);
    }

    #[test]
    fn assessing_an_item_changes_core_status() {
        let (mut s, mut inv) = (AimsState::default(), Inventory::default());
        run(
            &mut s,
            &mut inv,
            vec![AimsAction::SetMaturity(id("6.1.2"), Some(4))],
        );
        let g = gap(&export_file(&s, &inv, today()), &[], today());
        assert_eq!(
            g.clauses["6.1.2"].status,
            Status::Partial,
            "maturity without evidence is only partial"
        );
        run(
            &mut s,
            &mut inv,
            vec![AimsAction::AddEvidence(
                id("6.1.2"),
                "  Risk procedure v1.2 ".into(),
            )],
        );
        assert_eq!(s.file.clauses["6.1.2"].evidence, ["Risk procedure v1.2"]);
        let g = gap(&export_file(&s, &inv, today()), &[], today());
        assert_eq!(g.clauses["6.1.2"].status, Status::Met);
        run(
            &mut s,
            &mut inv,
            vec![
                AimsAction::RemoveEvidence(id("6.1.2"), 0),
                AimsAction::SetMaturity(id("6.1.2"), None),
            ],
        );
        assert!(
            s.file.clauses.is_empty(),
            "an entry back at its default is dropped"
        );
    }

    #[test]
    fn clauses_cannot_be_excluded_controls_can() {
        let (mut s, mut inv) = (AimsState::default(), Inventory::default());
        let out = reduce(
            &mut s,
            &mut inv,
            AimsAction::SetApplicable(id("4.1"), false),
        );
        assert_eq!(out, Outcome::default());
        assert!(s.file.clauses.is_empty());
        run(
            &mut s,
            &mut inv,
            vec![
                AimsAction::SetApplicable(id("A.7.5"), false),
                AimsAction::SetJustification(id("A.7.5"), "We hold no training data".into()),
            ],
        );
        let c = &s.file.controls["A.7.5"];
        assert!(!c.applicable);
        assert_eq!(c.justification, "We hold no training data");
        let g = gap(&export_file(&s, &inv, today()), &[], today());
        assert_eq!(g.controls["A.7.5"].status, Status::NotApplicable);
    }

    #[test]
    fn integration_needs_the_certification() {
        let (mut s, mut inv) = (AimsState::default(), Inventory::default());
        run(
            &mut s,
            &mut inv,
            vec![AimsAction::SetIntegrated("iso27001".into(), true)],
        );
        assert!(s.file.integrated_with.is_empty());
        run(
            &mut s,
            &mut inv,
            vec![
                AimsAction::SetCertified("iso27001".into(), true),
                AimsAction::SetCertified("nonsense".into(), true),
            ],
        );
        assert_eq!(s.file.certifications, ["iso27001"]);
        let g = gap(&export_file(&s, &inv, today()), &[], today());
        assert!(g.pitfalls.iter().any(|p| p == "siloed_management_system"));
        run(
            &mut s,
            &mut inv,
            vec![AimsAction::SetIntegrated("iso27001".into(), true)],
        );
        let g = gap(&export_file(&s, &inv, today()), &[], today());
        assert!(!g.pitfalls.iter().any(|p| p == "siloed_management_system"));
        run(
            &mut s,
            &mut inv,
            vec![AimsAction::SetCertified("iso27001".into(), false)],
        );
        assert!(
            s.file.integrated_with.is_empty(),
            "dropping a certification drops its integration"
        );
    }

    #[test]
    fn impact_edits_change_the_inventory_and_clamp_ratings() {
        let (mut s, mut inv) = (AimsState::default(), Inventory::default());
        let sid = inv.next_id();
        inv.systems
            .push(SystemEntry::imported(sid, SystemFile::new("Ranker")));
        let out = reduce(&mut s, &mut inv, AimsAction::StartImpact(sid));
        assert!(out.inventory);
        assert_eq!(s.impact_open, Some(sid));
        run(
            &mut s,
            &mut inv,
            vec![
                AimsAction::EditImpact(
                    sid,
                    ImpactEdit::AffectedGroups("applicants\n\n recruiters \n".into()),
                ),
                AimsAction::EditImpact(sid, ImpactEdit::AddRisk),
                AimsAction::EditImpact(sid, ImpactEdit::Likelihood(0, 9)),
                AimsAction::EditImpact(sid, ImpactEdit::ResidualSeverity(0, Some(0))),
                AimsAction::EditImpact(sid, ImpactEdit::Harm(7, "no such risk".into())),
                AimsAction::EditImpact(sid, ImpactEdit::Notified(Date::new(2027, 11, 20))),
            ],
        );
        let w = inv.get(sid).and_then(|e| e.file.impact.clone()).unwrap();
        assert_eq!(w.notified, Date::new(2027, 11, 20));
        assert_eq!(w.affected_groups, ["applicants", "recruiters"]);
        assert_eq!(w.risks.len(), 1);
        assert_eq!(w.risks[0].likelihood, 5);
        assert_eq!(w.risks[0].residual_severity, Some(1));
        let out = reduce(&mut s, &mut inv, AimsAction::DropImpact(sid));
        assert!(out.inventory);
        assert!(inv.get(sid).unwrap().file.impact.is_none());
    }

    #[test]
    fn the_42001_worksheet_fields_are_edited_and_kept_apart_from_art_27() {
        let (mut s, mut inv) = (AimsState::default(), Inventory::default());
        let sid = inv.next_id();
        inv.systems
            .push(SystemEntry::imported(sid, SystemFile::new("Ranker")));
        let edits = [
            ImpactEdit::Processes("Recruiters pre-select".into()),
            ImpactEdit::SocietalImpacts("Labour market: fewer older hires".into()),
            ImpactEdit::ForeseeableMisuse("Used to pick staff for dismissal".into()),
        ];
        run(
            &mut s,
            &mut inv,
            std::iter::once(AimsAction::StartImpact(sid))
                .chain(edits.into_iter().map(|e| AimsAction::EditImpact(sid, e)))
                .collect(),
        );
        let w = inv.get(sid).and_then(|e| e.file.impact.clone()).unwrap();
        assert_eq!(w.societal_impacts, "Labour market: fewer older hires");
        assert_eq!(w.foreseeable_misuse, "Used to pick staff for dismissal");
        let e = aimskit_core::impact::evaluate(&w);
        // Art. 27 still lacks (b)-(f); the 42001 elements lack only A.5.4.
        assert_eq!(e.missing.len(), 5);
        let iso: Vec<&str> = e
            .iso42001_missing
            .iter()
            .map(|m| m.field.as_str())
            .collect();
        assert_eq!(iso, ["impact.affected_groups", "impact.risks"]);
        // The exported AIMS file carries both fields, and core reads them back.
        let text = aimskit_core::aims::aims_to_toml(&export_file(&s, &inv, today()));
        assert!(
            text.contains("societal_impacts = \"Labour market: fewer older hires\""),
            "{text}"
        );
        let back = aimskit_core::aims::parse_aims(&text, aimskit_core::system::SourceFormat::Toml)
            .unwrap();
        let Some(aimskit_core::aims::SystemRef::Inline(sys)) = back.systems.first() else {
            panic!("no inline system in {text}");
        };
        assert_eq!(sys.impact.as_ref(), Some(&w));
        // Clearing a field empties it (and it is no longer written).
        run(
            &mut s,
            &mut inv,
            vec![AimsAction::EditImpact(
                sid,
                ImpactEdit::SocietalImpacts(String::new()),
            )],
        );
        let w = inv.get(sid).and_then(|e| e.file.impact.clone()).unwrap();
        assert!(w.societal_impacts.is_empty());
        let text = aimskit_core::aims::aims_to_toml(&export_file(&s, &inv, today()));
        assert!(!text.contains("societal_impacts") && text.contains("foreseeable_misuse"));
    }

    #[test]
    fn import_previews_then_replaces_assessment_and_inventory() {
        let (mut s, mut inv) = (AimsState::default(), Inventory::default());
        inv.systems
            .push(SystemEntry::imported(inv.next_id(), SystemFile::new("Old")));
        let mut source = AimsState::default();
        let mut src_inv = Inventory::default();
        src_inv.systems.push(SystemEntry::imported(
            src_inv.next_id(),
            SystemFile::new("New system"),
        ));
        run(
            &mut source,
            &mut src_inv,
            vec![
                AimsAction::SetOrganisation("Example AG".into()),
                AimsAction::SetMaturity(id("5.2"), Some(3)),
                AimsAction::AddEvidence(id("5.2"), "AI policy".into()),
            ],
        );
        let date = Date::new(2027, 1, 15).unwrap();
        let text = aimskit_core::aims::aims_to_toml(&export_file(&source, &src_inv, date));

        reduce(
            &mut s,
            &mut inv,
            AimsAction::ImportText {
                filename: "x.toml".into(),
                text,
            },
        );
        let plan = s.import.clone().unwrap();
        assert_eq!(plan.systems.len(), 1);
        assert_eq!(
            inv.systems[0].file.name, "Old",
            "nothing replaced before confirmation"
        );

        let out = reduce(&mut s, &mut inv, AimsAction::ConfirmImport);
        assert_eq!(
            out,
            Outcome {
                aims: true,
                inventory: true,
                as_of: Some(date)
            }
        );
        assert_eq!(inv.systems.len(), 1);
        assert_eq!(inv.systems[0].file.name, "New system");
        assert_eq!(s.file.organisation, "Example AG");
        assert!(s.file.systems.is_empty(), "the inventory holds the systems");
        assert_eq!(s.notice, Some(AimsNotice::Imported(1)));
        // The re-exported file gives the same result as the original.
        assert_eq!(
            gap(&export_file(&s, &inv, date), &[], date),
            gap(&export_file(&source, &src_inv, date), &[], date)
        );
    }

    #[test]
    fn a_bad_import_is_refused_with_the_field_named() {
        let (mut s, mut inv) = (AimsState::default(), Inventory::default());
        let text = "format = \"aimskit-aims/1\"\norganisation = \"X\"\n[clauses.\"6.1.2\"]\nmaturity = 9\n";
        reduce(
            &mut s,
            &mut inv,
            AimsAction::ImportText {
                filename: "bad.toml".into(),
                text: text.into(),
            },
        );
        assert!(s.import.is_none());
        match &s.notice {
            Some(AimsNotice::ImportFailed(m)) => {
                assert!(m.contains("maturity") && m.contains("bad.toml"), "{m}")
            }
            other => panic!("expected a refusal, got {other:?}"),
        }
    }
}
