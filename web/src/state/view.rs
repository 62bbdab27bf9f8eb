//! Read-only views of the state that components display: the open system,
//! the visible questions, the triage result and its what-ifs. Every decision
//! is a call into `aimskit_core`; this module only selects and groups.

use aimskit_core::Date;
use aimskit_core::questionnaire::{self, Answer, AnswerKind, Question, QuestionId};
use aimskit_core::system::{SpecId, SystemFile};
use aimskit_core::triage::{self, Obligation, Role, Tier, TriageResult};

use super::AppState;
use super::inventory::SystemEntry;

/// Triage of one file on one date (the single call into the engine).
pub fn triage_of(file: &SystemFile, as_of: Date) -> TriageResult {
    triage::triage(file, as_of)
}

/// The version of the rule base.
pub fn rules_version() -> String {
    triage::rules_version().to_string()
}

/// "If the answer to `question` were `answer`, the tier would be `tier`."
#[derive(Debug, Clone, PartialEq)]
pub struct WhatIf {
    /// The fact under review (spec field name).
    pub field: String,
    /// The question that asks it, if any.
    pub question: Option<&'static Question>,
    /// The engine's review: what would change (render with
    /// [`Review::why_in`](aimskit_core::triage::Review::why_in)).
    pub review: aimskit_core::triage::Review,
    /// For yes/no facts: the other answer and the tier it would give.
    pub flipped: Option<(bool, Tier)>,
}

/// Where the user is in the questionnaire.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// 1-based position of the shown question among the visible ones.
    pub position: usize,
    /// Number of visible questions.
    pub total: usize,
    /// How many visible questions are answered.
    pub answered: usize,
}

impl AppState {
    /// The system open in the triage view.
    pub fn open_entry(&self) -> Option<&SystemEntry> {
        self.open.and_then(|id| self.inventory.get(id))
    }

    /// The questions to ask for the open system.
    pub fn visible_questions(&self) -> Vec<&'static Question> {
        self.open_entry()
            .map(|e| questionnaire::visible_questions(&e.file, &e.answered))
            .unwrap_or_default()
    }

    /// The question shown: the chosen one if still visible, else the first
    /// unanswered visible one, else the last.
    pub fn current_question(&self) -> Option<&'static Question> {
        let entry = self.open_entry()?;
        let visible = self.visible_questions();
        self.question
            .and_then(|id| visible.iter().find(|q| q.id == id).copied())
            .or_else(|| {
                visible
                    .iter()
                    .find(|q| !entry.answered.contains(&q.id))
                    .copied()
            })
            .or_else(|| visible.last().copied())
    }

    /// Progress through the visible questions.
    pub fn progress(&self) -> Progress {
        let visible = self.visible_questions();
        let current = self.current_question();
        let answered = self
            .open_entry()
            .map(|e| {
                visible
                    .iter()
                    .filter(|q| e.answered.contains(&q.id))
                    .count()
            })
            .unwrap_or(0);
        Progress {
            position: current
                .and_then(|c| visible.iter().position(|q| q.id == c.id))
                .map_or(0, |p| p + 1),
            total: visible.len(),
            answered,
        }
    }

    /// The live result of the open system on the chosen date.
    pub fn result(&self) -> Option<TriageResult> {
        self.open_entry().map(|e| triage_of(&e.file, self.as_of))
    }

    /// The what-ifs of a result of the open system.
    pub fn what_ifs(&self, result: &TriageResult) -> Vec<WhatIf> {
        let Some(entry) = self.open_entry() else {
            return Vec::new();
        };
        result
            .needs_review
            .iter()
            .map(|r| {
                // A question's ID is the name of the field it sets.
                let question = QuestionId::from_id(&r.field).and_then(questionnaire::question);
                let flipped = question
                    .filter(|q| q.kind == AnswerKind::YesNo)
                    .and_then(|q| {
                        // A "not sure" fact was evaluated at its stored value:
                        // show the other answer. A left-out optional field has
                        // no stored value (the engine keeps the unfavourable
                        // reading): show the answer that changes the tier, if
                        // one does (the review text says what else changes).
                        let mut probe = entry.file.clone();
                        probe.unsure.retain(|f| Some(*f) != q.field.fact());
                        let (candidates, must_differ) = match questionnaire::current(q, &probe) {
                            Answer::Bool(b) => (vec![!b], false),
                            Answer::NotSure => (vec![true, false], true),
                            _ => return None,
                        };
                        candidates.into_iter().find_map(|answer| {
                            let mut alt = probe.clone();
                            questionnaire::apply(q, &Answer::Bool(answer), &mut alt).ok()?;
                            let tier = triage_of(&alt, self.as_of).tier;
                            (!must_differ || tier != result.tier).then_some((answer, tier))
                        })
                    });
                WhatIf {
                    field: r.field.clone(),
                    question,
                    review: r.clone(),
                    flipped,
                }
            })
            .collect()
    }

    /// Number of systems per tier (every tier listed, in precedence order),
    /// on the chosen date.
    pub fn tier_counts(&self) -> Vec<(Tier, usize)> {
        let tiers: Vec<Tier> = self
            .inventory
            .systems
            .iter()
            .map(|s| triage_of(&s.file, self.as_of).tier)
            .collect();
        Tier::ALL
            .iter()
            .map(|t| (*t, tiers.iter().filter(|x| *x == t).count()))
            .collect()
    }
}

/// The obligations of a result grouped by the role that bears them, roles
/// in their fixed order.
pub fn obligations_by_role(result: &TriageResult) -> Vec<(Role, Vec<&Obligation>)> {
    Role::ALL
        .iter()
        .map(|role| {
            (
                *role,
                result
                    .obligations
                    .iter()
                    .filter(|o| o.role == *role)
                    .collect::<Vec<_>>(),
            )
        })
        .filter(|(_, v)| !v.is_empty())
        .collect()
}

/// The next date on which a duty of this result starts to apply (after `as_of`).
pub fn next_deadline(result: &TriageResult) -> Option<Date> {
    result
        .obligations
        .iter()
        .filter(|o| !o.applicable)
        .map(|o| o.applies_from)
        .min()
}

/// The spec string of a tier's role list, for tables.
pub fn role_ids(file: &SystemFile) -> Vec<&'static str> {
    file.roles.iter().map(|r| SpecId::as_str(*r)).collect()
}
