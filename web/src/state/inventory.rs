//! The organisation's AI systems: typed entries, each a system file plus the
//! questions the user has answered for it.

use std::collections::BTreeSet;

use aimskit_core::questionnaire::{self, QuestionId};
use aimskit_core::system::SystemFile;

/// A stable handle for one system in the inventory (unique within it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SystemId(pub u32);

/// One AI system.
#[derive(Debug, Clone, PartialEq)]
pub struct SystemEntry {
    /// Its handle.
    pub id: SystemId,
    /// Its facts, as in a system file.
    pub file: SystemFile,
    /// The questions the user answered (drives progress and what is asked).
    pub answered: BTreeSet<QuestionId>,
}

impl SystemEntry {
    /// An entry for an imported file: a file states every fact, so every
    /// question it makes relevant counts as answered.
    pub fn imported(id: SystemId, file: SystemFile) -> SystemEntry {
        let answered = questionnaire::answered_by_file(&file);
        SystemEntry { id, file, answered }
    }
}

/// All systems, in the order the user sees them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Inventory {
    /// The systems.
    pub systems: Vec<SystemEntry>,
}

impl Inventory {
    /// A handle not used by any system yet.
    pub fn next_id(&self) -> SystemId {
        SystemId(
            self.systems
                .iter()
                .map(|s| s.id.0)
                .max()
                .map_or(1, |m| m.saturating_add(1)),
        )
    }

    /// The system with this handle.
    pub fn get(&self, id: SystemId) -> Option<&SystemEntry> {
        self.systems.iter().find(|s| s.id == id)
    }

    /// The system with this handle, mutably.
    pub fn get_mut(&mut self, id: SystemId) -> Option<&mut SystemEntry> {
        self.systems.iter_mut().find(|s| s.id == id)
    }

    /// The position of a system.
    pub fn position(&self, id: SystemId) -> Option<usize> {
        self.systems.iter().position(|s| s.id == id)
    }

    /// The system with this exact name, if any (import replaces by name).
    pub fn by_name(&self, name: &str) -> Option<&SystemEntry> {
        self.systems.iter().find(|s| s.file.name == name)
    }

    /// A name not used yet: `base`, else `base (2)`, `base (3)`, ...
    pub fn unique_name(&self, base: &str) -> String {
        if self.by_name(base).is_none() {
            return base.to_owned();
        }
        (2..)
            .map(|n| format!("{base} ({n})"))
            .find(|n| self.by_name(n).is_none())
            .unwrap_or_else(|| base.to_owned())
    }
}
