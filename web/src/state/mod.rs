//! The widget's typed state: [`AppState`], the [`Action`]s that change it and
//! the reducer. The reducer only moves state; every domain decision
//! (questions, flow, triage, parsing) is a call into `aimskit_core`.
//!
//! The AIMS, impact and report views keep their own state next to this one
//! (their own modules); [`View`] is the hook that shows them.

pub mod files;
pub mod inventory;
pub mod store;
pub mod view;

use std::rc::Rc;

use aimskit_core::Date;
use aimskit_core::aims::AimsFile;
use aimskit_core::i18n::Lang;
use aimskit_core::questionnaire::{self, Answer, QuestionId};
use aimskit_core::system::SystemFile;
use yew::Reducible;

use files::{ImportError, ImportItem, ImportPreview};
use inventory::{Inventory, SystemEntry, SystemId};
use store::{Loaded, StoreProblem};

/// A top-level view (tab).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum View {
    /// The AI system inventory.
    Inventory,
    /// The triage questionnaire and live result of the open system.
    Triage,
    /// ISO/IEC 42001 gap analysis (owned by `web/src/aims/`).
    Aims,
    /// Impact assessment (owned by `web/src/aims/`).
    Impact,
    /// The report (owned by `web/src/report/`).
    Report,
}

impl View {
    /// Every view, in tab order.
    pub const ALL: [View; 5] = [
        View::Inventory,
        View::Triage,
        View::Aims,
        View::Impact,
        View::Report,
    ];

    /// Translation key of the tab label.
    pub fn key(self) -> &'static str {
        match self {
            View::Inventory => "ui.view.inventory",
            View::Triage => "ui.view.triage",
            View::Aims => "ui.view.aims",
            View::Impact => "ui.view.impact",
            View::Report => "ui.view.report",
        }
    }

    /// A stable DOM id fragment.
    pub fn slug(self) -> &'static str {
        match self {
            View::Inventory => "inventory",
            View::Triage => "triage",
            View::Aims => "aims",
            View::Impact => "impact",
            View::Report => "report",
        }
    }
}

/// Whether and how the inventory is saved.
#[derive(Debug, Clone, PartialEq)]
pub enum Persistence {
    /// Autosaving to local storage.
    Saving,
    /// Local storage is missing or refused a write: working in memory only.
    MemoryOnly,
    /// The stored data could not be loaded; it is kept untouched (never
    /// overwritten) and we work in memory.
    Refused {
        /// The stored text, for export.
        raw: String,
        /// Why it was not loaded.
        problem: StoreProblem,
    },
}

/// A message for the user, shown in a live region.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    /// An import was refused (the message names file, field and expectation).
    ImportFailed(String),
    /// The chosen file is larger than 1 MiB.
    ImportTooLarge,
    /// The chosen file is not valid UTF-8 text.
    ImportInvalidUtf8,
    /// An import was applied: (added, replaced).
    Imported(usize, usize),
    /// An answer could not be applied.
    AnswerFailed(String),
}

/// A deleted system that can still be restored.
#[derive(Debug, Clone, PartialEq)]
pub struct Deleted {
    /// The entry as it was.
    pub entry: SystemEntry,
    /// Where it was.
    pub index: usize,
}

/// The whole widget state.
#[derive(Debug, Clone, PartialEq)]
pub struct AppState {
    /// Interface language.
    pub lang: Lang,
    /// The views the host enabled, in tab order.
    pub views: Vec<View>,
    /// The view shown.
    pub view: View,
    /// The systems.
    pub inventory: Inventory,
    /// The system open in the triage view.
    pub open: Option<SystemId>,
    /// The question shown (ID, so it survives changes in what is visible).
    pub question: Option<QuestionId>,
    /// Evaluation date for results.
    pub as_of: Date,
    /// Today (the default `as_of`).
    pub today: Date,
    /// Saving state.
    pub persistence: Persistence,
    /// Bumped on every inventory change; the autosave effect watches it.
    pub revision: u64,
    /// Whether and how the AIMS self-assessment is saved (its own key, the
    /// same rules as the inventory).
    pub aims_persistence: Persistence,
    /// Bumped on every change of the AIMS self-assessment or the evaluation
    /// date; the AIMS autosave effect watches it.
    pub aims_revision: u64,
    /// The last deleted system (undo).
    pub undo: Option<Deleted>,
    /// An import waiting for confirmation.
    pub import: Option<ImportPreview>,
    /// The latest message.
    pub notice: Option<Notice>,
    /// The AIMS self-assessment and impact/import state (`web/src/aims/`).
    pub aims: crate::aims::state::AimsState,
}

/// Every state transition.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Switch the interface language.
    SetLang(Lang),
    /// Show a view.
    SetView(View),
    /// Change the evaluation date.
    SetAsOf(Date),
    /// Add a system with this name and open it.
    NewSystem(String),
    /// Open a system in the triage view.
    Open(SystemId),
    /// Rename a system.
    Rename(SystemId, String),
    /// Change a system's description.
    Describe(SystemId, String),
    /// Copy a system.
    Duplicate(SystemId),
    /// Delete a system (undo possible).
    Delete(SystemId),
    /// Restore the last deleted system.
    Undo,
    /// Answer a question of the open system.
    Answer(QuestionId, Answer),
    /// Show a question of the open system.
    Goto(QuestionId),
    /// Next question (a multi-select left as it is counts as answered).
    Next,
    /// Previous question.
    Back,
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
    /// Apply the planned import.
    ConfirmImport,
    /// Drop the planned import.
    CancelImport,
    /// Local storage failed: continue in memory.
    StorageFailed,
    /// Saving the AIMS self-assessment failed: continue in memory.
    AimsStorageFailed,
    /// Hide the notice.
    DismissNotice,
    /// An AIMS assessment, impact worksheet or AIMS import action (`web/src/aims/`).
    Aims(crate::aims::state::AimsAction),
}

impl AppState {
    /// The state at start: `loaded` is what storage held, `storage_ok` whether
    /// local storage exists at all.
    pub fn new(
        lang: Lang,
        views: Vec<View>,
        first: Option<View>,
        today: Date,
        loaded: Loaded,
        storage_ok: bool,
    ) -> AppState {
        let views = if views.is_empty() {
            View::ALL.to_vec()
        } else {
            views
        };
        let (inventory, persistence) = match loaded {
            Loaded::Empty => (Inventory::default(), Persistence::Saving),
            Loaded::Data(inv) => (inv, Persistence::Saving),
            Loaded::Refused { raw, problem } => {
                (Inventory::default(), Persistence::Refused { raw, problem })
            }
        };
        let persistence = if storage_ok {
            persistence
        } else {
            Persistence::MemoryOnly
        };
        let view = first
            .filter(|v| views.contains(v))
            .or_else(|| views.first().copied())
            .unwrap_or(View::Inventory);
        AppState {
            lang,
            views,
            view,
            open: inventory.systems.first().map(|s| s.id),
            inventory,
            question: None,
            as_of: today,
            today,
            aims_persistence: if storage_ok {
                Persistence::Saving
            } else {
                Persistence::MemoryOnly
            },
            persistence,
            revision: 0,
            aims_revision: 0,
            undo: None,
            import: None,
            notice: None,
            aims: Default::default(),
        }
    }

    /// Adds what storage held for the AIMS self-assessment (after
    /// [`AppState::new`]). A stored evaluation date becomes `as_of`; a refused
    /// store is kept untouched and never written over.
    pub fn with_aims(mut self, loaded: Loaded<AimsFile>) -> AppState {
        let saving = self.aims_persistence == Persistence::Saving;
        match loaded {
            Loaded::Empty => {}
            Loaded::Data(mut file) => {
                if let Some(d) = file.as_of.take() {
                    self.as_of = d;
                }
                self.aims.file = file;
            }
            Loaded::Refused { raw, problem } => {
                if saving {
                    self.aims_persistence = Persistence::Refused { raw, problem };
                }
            }
        }
        self
    }

    /// True when changes should be written to local storage.
    pub fn autosave(&self) -> bool {
        self.persistence == Persistence::Saving
    }

    /// True when AIMS changes should be written to local storage.
    pub fn autosave_aims(&self) -> bool {
        self.aims_persistence == Persistence::Saving
    }

    /// The AIMS self-assessment as stored: no systems (the inventory holds
    /// them) and `as_of` only when it was set to a day other than today.
    pub fn stored_aims(&self) -> AimsFile {
        let mut file = self.aims.file.clone();
        file.systems.clear();
        file.as_of = (self.as_of != self.today).then_some(self.as_of);
        file
    }

    fn aims_changed(&mut self) {
        self.aims_revision = self.aims_revision.wrapping_add(1);
    }

    fn changed(&mut self) {
        self.revision = self.revision.wrapping_add(1);
    }

    fn apply(&mut self, action: Action) {
        match action {
            Action::SetLang(lang) => self.lang = lang,
            Action::SetView(view) => {
                if self.views.contains(&view) {
                    self.view = view;
                }
            }
            Action::SetAsOf(date) => {
                if date != self.as_of {
                    self.as_of = date;
                    self.aims_changed();
                }
            }
            Action::NewSystem(name) => {
                let name = name.trim();
                let name =
                    self.inventory
                        .unique_name(if name.is_empty() { "AI system" } else { name });
                let id = self.inventory.next_id();
                let entry = SystemEntry {
                    id,
                    file: SystemFile::new(name),
                    answered: Default::default(),
                };
                self.inventory.systems.push(entry);
                self.open_system(id);
                self.changed();
            }
            Action::Open(id) => self.open_system(id),
            Action::Rename(id, name) => {
                let name = name.trim().to_owned();
                let taken = self.inventory.by_name(&name).is_some_and(|s| s.id != id);
                if !name.is_empty() && !taken {
                    if let Some(s) = self.inventory.get_mut(id) {
                        s.file.name = name;
                        self.changed();
                    }
                }
            }
            Action::Describe(id, text) => {
                if let Some(s) = self.inventory.get_mut(id) {
                    s.file.description = text;
                    self.changed();
                }
            }
            Action::Duplicate(id) => {
                if let (Some(pos), Some(s)) = (self.inventory.position(id), self.inventory.get(id))
                {
                    let mut copy = s.clone();
                    copy.id = self.inventory.next_id();
                    copy.file.name = self.inventory.unique_name(&s.file.name);
                    self.inventory.systems.insert(pos + 1, copy);
                    self.changed();
                }
            }
            Action::Delete(id) => {
                if let Some(index) = self.inventory.position(id) {
                    let entry = self.inventory.systems.remove(index);
                    self.undo = Some(Deleted { entry, index });
                    if self.open == Some(id) {
                        self.open = self.inventory.systems.first().map(|s| s.id);
                        self.question = None;
                    }
                    self.changed();
                }
            }
            Action::Undo => {
                if let Some(Deleted { entry, index }) = self.undo.take() {
                    let index = index.min(self.inventory.systems.len());
                    let mut entry = entry;
                    if self.inventory.get(entry.id).is_some() {
                        entry.id = self.inventory.next_id();
                    }
                    self.inventory.systems.insert(index, entry);
                    self.changed();
                }
            }
            Action::Answer(qid, answer) => self.answer(qid, &answer),
            Action::Goto(qid) => self.question = Some(qid),
            Action::Next => self.step(1),
            Action::Back => self.step(-1),
            Action::ImportText { filename, text } => match files::parse_import(&filename, &text) {
                Ok(systems) => {
                    self.import = Some(files::preview(&filename, systems, &self.inventory));
                    self.notice = None;
                }
                Err(e) => {
                    self.import = None;
                    self.notice = Some(match e {
                        ImportError::TooLarge => Notice::ImportTooLarge,
                        ImportError::Input(e) => Notice::ImportFailed(e.to_string()),
                        ImportError::Unrecognised(what) => Notice::ImportFailed(what),
                        ImportError::Empty => {
                            Notice::ImportFailed(format!("{filename}: no systems"))
                        }
                    });
                }
            },
            Action::ImportTooLarge => self.notice = Some(Notice::ImportTooLarge),
            Action::ImportInvalidUtf8 => self.notice = Some(Notice::ImportInvalidUtf8),
            Action::ConfirmImport => {
                if let Some(preview) = self.import.take() {
                    let (mut added, mut replaced) = (0, 0);
                    let mut last = None;
                    for item in preview.items {
                        match item {
                            ImportItem::Add(file) => {
                                let id = self.inventory.next_id();
                                self.inventory.systems.push(SystemEntry::imported(id, file));
                                added += 1;
                                last = Some(id);
                            }
                            ImportItem::Replace(id, file) => {
                                if let Some(s) = self.inventory.get_mut(id) {
                                    *s = SystemEntry::imported(id, file);
                                    replaced += 1;
                                    last = Some(id);
                                }
                            }
                        }
                    }
                    if self.open.is_none_or(|id| self.inventory.get(id).is_none()) {
                        self.open = last;
                    }
                    self.notice = Some(Notice::Imported(added, replaced));
                    self.changed();
                }
            }
            Action::CancelImport => self.import = None,
            Action::StorageFailed => {
                if self.persistence == Persistence::Saving {
                    self.persistence = Persistence::MemoryOnly;
                }
            }
            Action::AimsStorageFailed => {
                if self.aims_persistence == Persistence::Saving {
                    self.aims_persistence = Persistence::MemoryOnly;
                }
            }
            Action::DismissNotice => self.notice = None,
            Action::Aims(a) => {
                let out = crate::aims::state::reduce(&mut self.aims, &mut self.inventory, a);
                if let Some(d) = out.as_of {
                    self.as_of = d;
                }
                if out.aims || out.as_of.is_some() {
                    self.aims_changed();
                }
                if out.inventory {
                    if self.open.is_some_and(|id| self.inventory.get(id).is_none()) {
                        self.open = self.inventory.systems.first().map(|s| s.id);
                        self.question = None;
                    }
                    self.changed();
                }
            }
        }
    }

    fn open_system(&mut self, id: SystemId) {
        if self.inventory.get(id).is_some() {
            self.open = Some(id);
            self.question = None;
            if self.views.contains(&View::Triage) {
                self.view = View::Triage;
            }
        }
    }

    fn answer(&mut self, qid: QuestionId, answer: &Answer) {
        let Some(q) = questionnaire::question(qid) else {
            return;
        };
        let Some(id) = self.open else { return };
        let Some(entry) = self.inventory.get_mut(id) else {
            return;
        };
        match questionnaire::apply(q, answer, &mut entry.file) {
            Ok(()) => {
                entry.answered.insert(qid);
                self.question = Some(qid);
                self.changed();
            }
            Err(e) => self.notice = Some(Notice::AnswerFailed(e.to_string())),
        }
    }

    fn step(&mut self, delta: isize) {
        let Some(current) = self.current_question() else {
            return;
        };
        // Leaving a multi-select as it is answers it ("none of these").
        if delta > 0 && current.kind == questionnaire::AnswerKind::Multi {
            if let Some(e) = self.open.and_then(|id| self.inventory.get_mut(id)) {
                if e.answered.insert(current.id) {
                    self.changed();
                }
            }
        }
        let Some(entry) = self.open_entry() else {
            return;
        };
        let visible = questionnaire::visible_questions(&entry.file, &entry.answered);
        let here = visible.iter().position(|v| v.id == current.id).unwrap_or(0);
        let target = here
            .saturating_add_signed(delta)
            .min(visible.len().saturating_sub(1));
        self.question = visible.get(target).map(|q| q.id);
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        next.apply(action);
        Rc::new(next)
    }
}
