//! The ISO/IEC 42001 catalogue: 32 sub-clauses (4.1-10.2) and 38 Annex A
//! controls (A.2.2-A.10.4), with aimskit's own paraphrases (never ISO
//! wording), crosswalks with their provenance, the obligation-to-control map
//! and the pitfall texts. The data lives in `core/catalogue/*.toml` and is
//! compiled in (as JSON and per-language text lists made by `build.rs`, see
//! [`Text`]); [`Catalogue::validate`] checks its invariants (a test runs it).

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

mod text;
pub use text::Text;

/// The compiled catalogue files (`build.rs`).
const ITEMS_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/catalogue-items.json"));
const OBLIGATIONS_JSON: &str =
    include_str!(concat!(env!("OUT_DIR"), "/catalogue-obligations.json"));
const PITFALLS_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/catalogue-pitfalls.json"));

/// Clause (4.1-10.2) or Annex A control (A.2.2-A.10.4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    /// A numbered sub-clause of clauses 4-10 (cannot be excluded).
    Clause,
    /// An Annex A control (may be excluded with a justification).
    Control,
}

/// Plan-Do-Check-Act phase (a convention: 42001 assigns none; see the reference).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Pdca {
    /// Clauses 4-6 and planning controls.
    Plan,
    /// Clauses 7-8 and operational controls.
    Do,
    /// Clause 9 and monitoring/review controls.
    Check,
    /// Clause 10 and reporting/feedback controls.
    Act,
}

impl Pdca {
    /// All phases in order.
    pub const ALL: [Pdca; 4] = [Pdca::Plan, Pdca::Do, Pdca::Check, Pdca::Act];

    /// `"plan"`, `"do"`, `"check"`, `"act"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Pdca::Plan => "plan",
            Pdca::Do => "do",
            Pdca::Check => "check",
            Pdca::Act => "act",
        }
    }
}

/// Whether an item is harmonised structure shared with ISO/IEC 27001 (and
/// other management-system standards) or specific to AI.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Structure {
    /// Same harmonised-structure clause as in 27001: reusable from an ISMS.
    Shared,
    /// Harmonised structure with AI-specific additions (e.g. 4.1 roles, 6.1.1 risk criteria).
    SharedWithAiAdditions,
    /// AI-specific (6.1.2-6.1.4, 8.2-8.4 and every Annex A control).
    AiSpecific,
}

impl Structure {
    /// True if an ISO/IEC 27001 management system already has the process.
    pub fn reusable(self) -> bool {
        !matches!(self, Structure::AiSpecific)
    }
}

/// One clause or control.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    /// `"6.1.2"` or `"A.7.4"`.
    pub id: String,
    /// Clause or control.
    pub kind: ItemKind,
    /// Clause group (`"4"`..`"10"`) or Annex A objective (`"A.2"`, `"A.6.1"`, ...).
    pub group: String,
    /// Short title (our paraphrase).
    pub title: Text,
    /// What is required, in our own words.
    pub requirement: Text,
    /// The documented information an auditor expects.
    pub documented_information: Text,
    /// What good evidence looks like.
    pub good_evidence: Text,
    /// PDCA phase.
    pub pdca: Pdca,
    /// Shared harmonised structure or AI-specific.
    pub structure: Structure,
    /// AI Act articles (`"Art. 27"`), provenance in `crosswalk_sources.ai_act`.
    pub ai_act: Vec<String>,
    /// NIST AI RMF subcategories (`"GOVERN 1.1"`), provenance in `crosswalk_sources.nist_ai_rmf`.
    pub nist_ai_rmf: Vec<String>,
    /// ISO/IEC 27001:2022 clauses or Annex A controls, provenance in `crosswalk_sources.iso27001`.
    pub iso27001: Vec<String>,
}

/// Where a crosswalk comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CrosswalkSource {
    /// Short provenance label shown with every entry.
    pub provenance: String,
    /// Longer explanation and source.
    pub note: String,
}

/// One crosswalk entry with its provenance (for listings).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Crosswalk<'a> {
    /// `"ai_act"`, `"nist_ai_rmf"` or `"iso27001"`.
    pub framework: &'static str,
    /// The target ID.
    pub target: &'a str,
    /// The provenance label.
    pub provenance: &'a str,
}

/// A maturity level 0..5 with its description.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MaturityLevel {
    /// 0..5.
    pub level: u8,
    /// Short label.
    pub label: Text,
    /// What the level means for any item.
    pub description: Text,
}

/// A clause group or an Annex A objective.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Group {
    /// `"4"` or `"A.6.1"`.
    pub id: String,
    /// Title (our paraphrase).
    pub title: Text,
    /// The objective's aim (objectives only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aim: Option<Text>,
}

/// One obligation-to-control rule (see `core/catalogue/obligations.toml`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ObligationRule {
    /// Rule ID.
    pub id: String,
    /// Article prefixes that fire the rule (`"Art. 26(6)"`): the rule fires
    /// for a system only through obligations its triage actually gives it.
    pub articles: Vec<String>,
    /// Controls made necessary.
    pub controls: Vec<String>,
    /// Clauses the obligation leans on (informative; clauses always apply).
    #[serde(default)]
    pub clauses: Vec<String>,
    /// The rule's headline citation (checked against the crosswalk).
    pub cite: String,
    /// The legal basis, in our words.
    pub basis: String,
}

/// The obligation-to-control map with its provenance.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ObligationMap {
    /// Provenance label.
    pub provenance: String,
    /// The rules.
    pub rules: Vec<ObligationRule>,
}

/// Texts for one pitfall.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PitfallInfo {
    /// Fixed ID (`"risk_without_impact"`).
    pub id: String,
    /// Where the failure mode is described.
    pub source: String,
    /// Short title.
    pub title: Text,
    /// Plain explanation.
    pub explanation: Text,
    /// What to do.
    pub what_to_do: Text,
    /// Clauses, controls, articles concerned.
    pub citation: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ItemsFile {
    version: String,
    standard: String,
    crosswalk_sources: BTreeMap<String, CrosswalkSource>,
    maturity_levels: Vec<MaturityLevel>,
    nist_ai_rmf_subcategories: Vec<String>,
    clause_groups: Vec<Group>,
    objectives: Vec<Group>,
    items: Vec<Item>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PitfallsFile {
    pitfalls: Vec<PitfallInfo>,
}

/// The whole catalogue.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Catalogue {
    /// Catalogue data version (shown in every gap result).
    pub version: String,
    /// `"ISO/IEC 42001:2023"`.
    pub standard: String,
    /// Provenance per crosswalk framework (`ai_act`, `nist_ai_rmf`, `iso27001`).
    pub crosswalk_sources: BTreeMap<String, CrosswalkSource>,
    /// Generic maturity level descriptions 0..5.
    pub maturity_levels: Vec<MaturityLevel>,
    /// The 72 valid NIST AI RMF subcategory IDs.
    pub nist_ai_rmf_subcategories: Vec<String>,
    /// Clause groups 4..10.
    pub clause_groups: Vec<Group>,
    /// Annex A objectives A.2..A.10 (A.6 split into A.6.1 and A.6.2).
    pub objectives: Vec<Group>,
    /// Clauses then controls, in standard order.
    pub items: Vec<Item>,
    /// Obligation-to-control map.
    pub obligation_map: ObligationMap,
    /// Pitfall texts.
    pub pitfalls: Vec<PitfallInfo>,
    #[serde(skip)]
    index: BTreeMap<String, usize>,
    #[serde(skip)]
    articles: Vec<(String, u32)>,
}

impl Catalogue {
    /// Parses the compiled-in data. Only fails if the shipped data is broken
    /// (a test guarantees it is not).
    pub fn load() -> Result<Catalogue, String> {
        let items: ItemsFile =
            serde_json::from_str(ITEMS_JSON).map_err(|e| format!("iso42001.toml: {e}"))?;
        let obligation_map: ObligationMap =
            serde_json::from_str(OBLIGATIONS_JSON).map_err(|e| format!("obligations.toml: {e}"))?;
        let pitfalls: PitfallsFile =
            serde_json::from_str(PITFALLS_JSON).map_err(|e| format!("pitfalls.toml: {e}"))?;
        Ok(Catalogue::assemble(items, obligation_map, pitfalls))
    }

    /// Parses the catalogue files as written (TOML), the way the catalogue
    /// was loaded before `build.rs` compiled it.
    #[cfg(test)]
    fn from_toml(items: &str, obligations: &str, pitfalls: &str) -> Result<Catalogue, String> {
        let items: ItemsFile =
            crate::data::from_toml(items).map_err(|e| format!("iso42001.toml: {e}"))?;
        let obligation_map: ObligationMap =
            crate::data::from_toml(obligations).map_err(|e| format!("obligations.toml: {e}"))?;
        let pitfalls: PitfallsFile =
            crate::data::from_toml(pitfalls).map_err(|e| format!("pitfalls.toml: {e}"))?;
        Ok(Catalogue::assemble(items, obligation_map, pitfalls))
    }

    fn assemble(
        items: ItemsFile,
        mut obligation_map: ObligationMap,
        pitfalls: PitfallsFile,
    ) -> Catalogue {
        use crate::data::tight;
        obligation_map.rules = tight(std::mem::take(&mut obligation_map.rules));
        let index = items
            .items
            .iter()
            .enumerate()
            .map(|(i, it)| (it.id.clone(), i))
            .collect();
        let articles: BTreeSet<String> = items
            .items
            .iter()
            .flat_map(|i| i.ai_act.iter().cloned())
            .collect();
        Catalogue {
            version: items.version,
            standard: items.standard,
            crosswalk_sources: items.crosswalk_sources,
            maturity_levels: tight(items.maturity_levels),
            nist_ai_rmf_subcategories: tight(items.nist_ai_rmf_subcategories),
            clause_groups: tight(items.clause_groups),
            objectives: tight(items.objectives),
            items: tight(items.items),
            obligation_map,
            pitfalls: tight(pitfalls.pitfalls),
            index,
            articles: articles
                .into_iter()
                .map(|a| {
                    let n = super::eval::article_number(&a);
                    (a, n)
                })
                .collect(),
        }
    }

    /// The item with this ID.
    pub fn item(&self, id: &str) -> Option<&Item> {
        self.index.get(id).and_then(|&i| self.items.get(i))
    }

    /// Position of an item in standard order (for sorting); unknown IDs last.
    pub fn position(&self, id: &str) -> usize {
        self.index.get(id).copied().unwrap_or(usize::MAX)
    }

    /// The 32 clauses in order.
    pub fn clauses(&self) -> impl Iterator<Item = &Item> {
        self.items.iter().filter(|i| i.kind == ItemKind::Clause)
    }

    /// The 38 controls in order.
    pub fn controls(&self) -> impl Iterator<Item = &Item> {
        self.items.iter().filter(|i| i.kind == ItemKind::Control)
    }

    /// All IDs of one kind (for "did you mean").
    pub fn ids(&self, kind: ItemKind) -> Vec<&str> {
        self.items
            .iter()
            .filter(|i| i.kind == kind)
            .map(|i| i.id.as_str())
            .collect()
    }

    /// Every AI Act article any item's crosswalk names (sorted, unique),
    /// with its article number.
    pub fn crosswalk_articles(&self) -> &[(String, u32)] {
        &self.articles
    }

    /// Pitfall texts by ID.
    pub fn pitfall(&self, id: &str) -> Option<&PitfallInfo> {
        self.pitfalls.iter().find(|p| p.id == id)
    }

    /// Every crosswalk entry of an item, each with its provenance.
    pub fn crosswalks<'a>(&'a self, item: &'a Item) -> Vec<Crosswalk<'a>> {
        let prov = |fw: &str| {
            self.crosswalk_sources
                .get(fw)
                .map(|s| s.provenance.as_str())
                .unwrap_or("")
        };
        let mut out = Vec::new();
        for (framework, targets) in [
            ("ai_act", &item.ai_act),
            ("nist_ai_rmf", &item.nist_ai_rmf),
            ("iso27001", &item.iso27001),
        ] {
            for t in targets {
                out.push(Crosswalk {
                    framework,
                    target: t,
                    provenance: prov(framework),
                });
            }
        }
        out
    }

    /// Checks the data's invariants; returns every problem found (empty = fine).
    pub fn validate(&self) -> Vec<String> {
        let mut p = Vec::new();
        let clauses = self.clauses().count();
        let controls = self.controls().count();
        if clauses != 32 {
            p.push(format!("expected 32 clauses, found {clauses}"));
        }
        if controls != 38 {
            p.push(format!("expected 38 controls, found {controls}"));
        }
        if self.index.len() != self.items.len() {
            p.push("item IDs are not unique".into());
        }
        let groups: BTreeSet<&str> = self.clause_groups.iter().map(|g| g.id.as_str()).collect();
        let objectives: BTreeSet<&str> = self.objectives.iter().map(|g| g.id.as_str()).collect();
        let nist: BTreeSet<&str> = self
            .nist_ai_rmf_subcategories
            .iter()
            .map(String::as_str)
            .collect();
        if nist.len() != 72 {
            p.push(format!(
                "expected 72 NIST AI RMF subcategories, found {}",
                nist.len()
            ));
        }
        for fw in ["ai_act", "nist_ai_rmf", "iso27001"] {
            if self
                .crosswalk_sources
                .get(fw)
                .is_none_or(|s| s.provenance.trim().is_empty())
            {
                p.push(format!("crosswalk source `{fw}` has no provenance"));
            }
        }
        for item in &self.items {
            let id = &item.id;
            let well_formed = match item.kind {
                ItemKind::Clause => is_clause_id(id),
                ItemKind::Control => is_control_id(id),
            };
            if !well_formed {
                p.push(format!("{id}: malformed ID"));
            }
            let group_ok = match item.kind {
                ItemKind::Clause => {
                    groups.contains(item.group.as_str())
                        && id.starts_with(&format!("{}.", item.group))
                }
                ItemKind::Control => {
                    objectives.contains(item.group.as_str())
                        && id.starts_with(&format!("{}.", item.group))
                }
            };
            if !group_ok {
                p.push(format!("{id}: group `{}` unknown or wrong", item.group));
            }
            for (name, t) in [
                ("title", &item.title),
                ("requirement", &item.requirement),
                ("documented_information", &item.documented_information),
                ("good_evidence", &item.good_evidence),
            ] {
                if t.en.trim().is_empty() {
                    p.push(format!("{id}: empty {name}"));
                }
            }
            for a in &item.ai_act {
                if !is_article(a) {
                    p.push(format!("{id}: malformed AI Act article `{a}`"));
                }
            }
            for n in &item.nist_ai_rmf {
                if !nist.contains(n.as_str()) {
                    p.push(format!("{id}: unknown NIST AI RMF subcategory `{n}`"));
                }
            }
            for c in &item.iso27001 {
                if !is_iso27001_target(c) {
                    p.push(format!("{id}: unknown ISO/IEC 27001:2022 target `{c}`"));
                }
            }
        }
        for phase in Pdca::ALL {
            if !self.items.iter().any(|i| i.pdca == phase) {
                p.push(format!("PDCA phase {} has no item", phase.as_str()));
            }
        }
        for g in &self.clause_groups {
            if !self.clauses().any(|i| i.group == g.id) {
                p.push(format!("clause group {} has no clause", g.id));
            }
        }
        for o in &self.objectives {
            if !self.controls().any(|i| i.group == o.id) {
                p.push(format!("objective {} has no control", o.id));
            }
        }
        let levels: Vec<u8> = self.maturity_levels.iter().map(|l| l.level).collect();
        if levels != [0, 1, 2, 3, 4, 5] {
            p.push(format!(
                "maturity levels must be 0..5 in order, found {levels:?}"
            ));
        }
        for rule in &self.obligation_map.rules {
            if rule.articles.is_empty() {
                p.push(format!("rule {}: fires on nothing", rule.id));
            }
            for a in &rule.articles {
                if !is_article(a) {
                    p.push(format!("rule {}: malformed article `{a}`", rule.id));
                }
            }
            for c in rule.controls.iter().chain(&rule.clauses) {
                match self.item(c) {
                    None => p.push(format!("rule {}: unknown item `{c}`", rule.id)),
                    Some(item) => {
                        // Every pair must also be in the item's crosswalk.
                        let arts = rule.articles.iter().chain(std::iter::once(&rule.cite));
                        for a in arts {
                            if !item.ai_act.iter().any(|x| article_matches(a, x)) {
                                p.push(format!(
                                    "rule {}: {c} lacks `{a}` in its ai_act crosswalk",
                                    rule.id
                                ));
                            }
                        }
                    }
                }
            }
        }
        for id in super::pitfalls::ALL {
            if self.pitfall(id).is_none() {
                p.push(format!("pitfall `{id}` has no texts"));
            }
        }
        if self.pitfalls.len() != super::pitfalls::ALL.len() {
            p.push("pitfalls.toml and pitfalls::ALL differ".into());
        }
        p
    }
}

/// The catalogue, parsed once.
pub fn catalogue() -> &'static Catalogue {
    static CAT: OnceLock<Catalogue> = OnceLock::new();
    CAT.get_or_init(|| Catalogue::load().unwrap_or_default())
}

/// `"4.1"`..`"10.2"`: two or three dot-separated numbers, first 4..=10.
fn is_clause_id(id: &str) -> bool {
    let parts: Vec<&str> = id.split('.').collect();
    (2..=3).contains(&parts.len())
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
        && parts[0].parse::<u8>().is_ok_and(|n| (4..=10).contains(&n))
}

/// `"A.2.2"`..`"A.10.4"` (A.6 has a third level).
fn is_control_id(id: &str) -> bool {
    let Some(rest) = id.strip_prefix("A.") else {
        return false;
    };
    let parts: Vec<&str> = rest.split('.').collect();
    let nums: Option<Vec<u8>> = parts.iter().map(|p| p.parse::<u8>().ok()).collect();
    match nums.as_deref() {
        Some([6, 1 | 2, n]) => *n >= 2,
        Some([a, n]) => (2..=10).contains(a) && *a != 6 && *n >= 2,
        _ => false,
    }
}

/// `Art. N`, `Art. N(M)`, `Art. N(M)(x)` with N in 1..=113.
pub(crate) fn is_article(a: &str) -> bool {
    let Some(rest) = a.strip_prefix("Art. ") else {
        return false;
    };
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    if !digits.parse::<u16>().is_ok_and(|n| (1..=113).contains(&n)) {
        return false;
    }
    let mut tail = &rest[digits.len()..];
    while !tail.is_empty() {
        let Some(inner_end) = tail.find(')') else {
            return false;
        };
        let inner = tail.get(1..inner_end).unwrap_or("");
        if !tail.starts_with('(')
            || inner.is_empty()
            || !inner.chars().all(|c| c.is_ascii_alphanumeric())
        {
            return false;
        }
        tail = &tail[inner_end + 1..];
    }
    true
}

/// True if `article` is `prefix` or a sub-provision of it:
/// `"Art. 26(6)"` matches prefix `"Art. 26"`; `"Art. 260"` does not.
pub(crate) fn article_matches(article: &str, prefix: &str) -> bool {
    article
        .strip_prefix(prefix)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('('))
}

/// ISO/IEC 27001:2022: clauses 4.1-10.2 (no 6.1.4/8.4) or Annex A 5.1-5.37,
/// 6.1-6.8, 7.1-7.14, 8.1-8.34.
fn is_iso27001_target(t: &str) -> bool {
    if let Some(rest) = t.strip_prefix("A.") {
        let mut it = rest.split('.');
        let (Some(a), Some(b), None) = (it.next(), it.next(), it.next()) else {
            return false;
        };
        let (Ok(a), Ok(b)) = (a.parse::<u8>(), b.parse::<u8>()) else {
            return false;
        };
        let max = match a {
            5 => 37,
            6 => 8,
            7 => 14,
            8 => 34,
            _ => return false,
        };
        return (1..=max).contains(&b);
    }
    is_clause_id(t) && t != "6.1.4" && t != "8.4"
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn compiled_catalogue_equals_the_toml_files() {
        let old = Catalogue::from_toml(
            include_str!("../../catalogue/iso42001.toml"),
            include_str!("../../catalogue/obligations.toml"),
            include_str!("../../catalogue/pitfalls.toml"),
        )
        .unwrap();
        let new = Catalogue::load().unwrap();
        // Equality compares every text in every language (`Text::eq`) and
        // the derived indexes; the JSON view compares what is written.
        assert_eq!(new, old);
        assert_eq!(
            serde_json::to_value(&new).unwrap(),
            serde_json::to_value(&old).unwrap()
        );
        let texts = |c: &Catalogue| -> Vec<String> {
            let mut out = Vec::new();
            for i in &c.items {
                for t in [
                    &i.title,
                    &i.requirement,
                    &i.documented_information,
                    &i.good_evidence,
                ] {
                    out.extend(Lang::ALL.map(|l| format!("{:?}", t.translation(l))));
                }
            }
            out
        };
        assert_eq!(texts(&new), texts(&old));
        assert!(old.items.len() == 70 && old.pitfalls.len() > 5);
    }

    #[test]
    fn texts_fall_back_to_english() {
        let t = Text::new("x", Some("y".into()), Some(String::new()), None);
        assert_eq!(t.get(Lang::De), "y");
        assert_eq!(t.get(Lang::Fr), "x");
        assert_eq!(t.translation(Lang::Fr), Some(""));
        assert_eq!(t.get(Lang::It), "x");
        assert_eq!(t.translation(Lang::It), None);
        assert_eq!(
            serde_json::to_string(&t).unwrap(),
            r#"{"en":"x","de":"y","fr":""}"#
        );
        assert_ne!(t, Text::new("x", None, None, None));
    }

    #[test]
    fn id_shapes() {
        assert!(
            is_clause_id("6.1.4")
                && is_clause_id("10.2")
                && !is_clause_id("3.1")
                && !is_clause_id("6")
        );
        assert!(is_control_id("A.6.2.8") && is_control_id("A.10.4") && !is_control_id("A.6.2"));
        assert!(!is_control_id("A.5.1") && !is_control_id("A.11.2"));
        assert!(is_article("Art. 27") && is_article("Art. 26(6)") && is_article("Art. 27(1)(a)"));
        assert!(!is_article("Art. 200") && !is_article("Art 27") && !is_article("Art. 27("));
        assert!(
            article_matches("Art. 26(6)", "Art. 26") && !article_matches("Art. 260", "Art. 26")
        );
        assert!(
            is_iso27001_target("A.8.15")
                && !is_iso27001_target("A.8.35")
                && !is_iso27001_target("8.4")
        );
    }
}
