//! Loading and validating the rule data (`core/rules/*.toml`), compiled into
//! the binary. Loading happens once and is separate from evaluation: the
//! evaluator only looks rules, obligations and dates up by ID.
//!
//! The built-in rules are read from the JSON that `build.rs` makes of the
//! TOML files; [`load`] reads TOML text (tests feed it broken data, and prove
//! both paths give the same rules).

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::OnceLock;

use serde::Deserialize;

use crate::Date;
use crate::triage::Role;

/// The built-in rule files (triage rules and dates, obligations, vocabulary),
/// as written; the binary ships their compiled form (see [`load_built_in`]).
pub const TRIAGE_TOML: &str = include_str!("../../rules/triage.toml");
/// Obligations by role.
pub const OBLIGATIONS_TOML: &str = include_str!("../../rules/obligations.toml");
/// Vocabulary of the system file.
pub const VOCABULARY_TOML: &str = include_str!("../../rules/vocabulary.toml");

/// How far the wording behind a rule was checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceStatus {
    /// Checked against the Official Journal.
    OfficialJournal,
    /// Rests on (draft) Commission guidance.
    DraftGuidance,
    /// Rests on secondary sources only.
    Secondary,
}

/// One application date.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DateDef {
    /// The date.
    pub date: Date,
    /// Its legal basis.
    pub citation: String,
    /// Where it comes from.
    pub source: String,
    /// How far it was checked.
    pub status: SourceStatus,
}

/// One rule the engine can fire.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleDef {
    /// Stable ID (shown in `trace`).
    pub id: String,
    /// Legal citation.
    pub citation: String,
    /// One plain sentence; `{name}` placeholders are filled in.
    pub because: String,
    /// Where it comes from.
    pub source: String,
    /// How far it was checked.
    pub status: SourceStatus,
}

/// One obligation an operator can bear.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ObligationDef {
    /// Stable ID.
    pub id: String,
    /// A role string, or `"operator"` (attached to the bearing roles).
    pub role: String,
    /// Articles, `Art. N`, `Art. N(M)`, `Art. N(M)(x)`.
    pub articles: Vec<String>,
    /// A key of the date table, or `high_risk` / `gpai`.
    pub date: String,
    /// Short English title.
    pub title: String,
    /// Where it comes from.
    pub source: String,
    /// How far it was checked.
    pub status: SourceStatus,
}

/// A fact field of the system file.
#[derive(Debug, Clone, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct FieldDef {
    /// The field name (`"profiling"`, `"gpai.provider"`).
    pub name: String,
    /// Short English label.
    pub label: String,
    /// Legal citation.
    pub citation: String,
    /// Booleans: phrase for `true`.
    #[serde(default)]
    pub yes: Option<String>,
    /// Booleans: phrase for `false`.
    #[serde(default)]
    pub no: Option<String>,
    /// Lists: phrase for "some item applies".
    #[serde(default)]
    pub some: Option<String>,
    /// Lists: phrase for "none applies".
    #[serde(default)]
    pub none: Option<String>,
}

/// One ID of a list field.
#[derive(Debug, Clone, Deserialize, serde::Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct IdDef {
    /// The list field (`"annex_iii"`).
    pub field: String,
    /// The ID (`"4.a"`).
    pub id: String,
    /// Short English label.
    pub label: String,
    /// Legal citation.
    pub citation: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTriage {
    version: String,
    dates: BTreeMap<String, DateDef>,
    rule: Vec<RuleDef>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawObligations {
    obligation: Vec<ObligationDef>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawVocabulary {
    field: Vec<FieldDef>,
    id: Vec<IdDef>,
}

/// The validated rule base.
#[derive(Debug)]
pub struct Rules {
    /// The rule-base version shown in every result.
    pub version: String,
    /// Application dates by key.
    pub dates: BTreeMap<String, DateDef>,
    /// Rules in file order.
    pub rules: Vec<RuleDef>,
    /// Obligations in file order (which is also their sort order within a role).
    pub obligations: Vec<ObligationDef>,
    /// Fact fields.
    pub fields: Vec<FieldDef>,
    /// IDs of list fields.
    pub ids: Vec<IdDef>,
    rule_index: HashMap<String, usize>,
    obligation_index: HashMap<String, usize>,
}

impl Rules {
    /// A rule by ID.
    pub fn rule(&self, id: &str) -> Option<&RuleDef> {
        self.rule_index.get(id).and_then(|i| self.rules.get(*i))
    }

    /// An obligation and its position by ID.
    pub fn obligation(&self, id: &str) -> Option<(usize, &ObligationDef)> {
        let i = *self.obligation_index.get(id)?;
        Some((i, self.obligations.get(i)?))
    }

    /// A date by key.
    pub fn date(&self, key: &str) -> Option<Date> {
        self.dates.get(key).map(|d| d.date)
    }

    /// The vocabulary entry of an ID.
    pub fn id(&self, field: &str, id: &str) -> Option<&IdDef> {
        self.ids.iter().find(|d| d.field == field && d.id == id)
    }

    /// A fact field.
    pub fn field(&self, name: &str) -> Option<&FieldDef> {
        self.fields.iter().find(|f| f.name == name)
    }
}

/// The date keys resolved by the evaluator from context.
pub const CONTEXT_DATE_KEYS: &[&str] = &["high_risk", "gpai"];

/// Parses and validates rule data given as the TOML text of the three rule
/// files; public so tests can feed broken data and see it rejected.
pub fn load(triage: &str, obligations: &str, vocabulary: &str) -> Result<Rules, String> {
    let t: RawTriage = crate::data::from_toml(triage).map_err(|e| format!("triage.toml: {e}"))?;
    let o: RawObligations =
        crate::data::from_toml(obligations).map_err(|e| format!("obligations.toml: {e}"))?;
    let v: RawVocabulary =
        crate::data::from_toml(vocabulary).map_err(|e| format!("vocabulary.toml: {e}"))?;
    assemble(t, o, v)
}

/// The compiled rule files (`build.rs`).
const TRIAGE_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/rules-triage.json"));
const OBLIGATIONS_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/rules-obligations.json"));
const VOCABULARY_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/rules-vocabulary.json"));

/// The version of the built-in rules, known without loading them.
pub fn version() -> &'static str {
    include_str!(concat!(env!("OUT_DIR"), "/rules-version.txt"))
}

/// Parses and validates the built-in rules (uncached: see [`built_in`]).
///
/// A reason or obligation title that `build.rs` found equal to its English
/// locale text (`rule.<id>`, `obl.<id>`) ships only there and is taken from
/// the English table here.
pub fn load_built_in() -> Result<Rules, String> {
    let mut t: RawTriage =
        serde_json::from_str(TRIAGE_JSON).map_err(|e| format!("triage.toml: {e}"))?;
    let mut o: RawObligations =
        serde_json::from_str(OBLIGATIONS_JSON).map_err(|e| format!("obligations.toml: {e}"))?;
    let v: RawVocabulary =
        serde_json::from_str(VOCABULARY_JSON).map_err(|e| format!("vocabulary.toml: {e}"))?;
    let en = crate::i18n::table(crate::i18n::Lang::En);
    let english = |prefix: &str, id: &str| en.get(&format!("{prefix}.{id}")).unwrap_or_default();
    for r in t.rule.iter_mut().filter(|r| r.because.is_empty()) {
        english("rule", &r.id).clone_into(&mut r.because);
    }
    for o in o.obligation.iter_mut().filter(|o| o.title.is_empty()) {
        english("obl", &o.id).clone_into(&mut o.title);
    }
    assemble(t, o, v)
}

fn assemble(t: RawTriage, o: RawObligations, v: RawVocabulary) -> Result<Rules, String> {
    let rules = Rules {
        rule_index: index(t.rule.iter().map(|r| r.id.as_str()), "rule")?,
        obligation_index: index(o.obligation.iter().map(|r| r.id.as_str()), "obligation")?,
        version: t.version,
        dates: t.dates,
        rules: crate::data::tight(t.rule),
        obligations: crate::data::tight(o.obligation),
        fields: crate::data::tight(v.field),
        ids: crate::data::tight(v.id),
    };
    validate(&rules)?;
    Ok(rules)
}

fn index<'a>(
    ids: impl Iterator<Item = &'a str>,
    what: &str,
) -> Result<HashMap<String, usize>, String> {
    let mut map = HashMap::new();
    for (i, id) in ids.enumerate() {
        if id.trim().is_empty() {
            return Err(format!("{what} #{i} has an empty ID"));
        }
        if map.insert(id.to_owned(), i).is_some() {
            return Err(format!("duplicate {what} ID `{id}`"));
        }
    }
    Ok(map)
}

fn validate(r: &Rules) -> Result<(), String> {
    if r.version.trim().is_empty() {
        return Err("empty rules version".into());
    }
    for (key, d) in &r.dates {
        check_citation(&d.citation).map_err(|e| format!("date `{key}`: {e}"))?;
        if d.source.trim().is_empty() {
            return Err(format!("date `{key}` has no source"));
        }
    }
    for rule in &r.rules {
        check_citation(&rule.citation).map_err(|e| format!("rule `{}`: {e}", rule.id))?;
        if rule.source.trim().is_empty() || rule.because.trim().is_empty() {
            return Err(format!("rule `{}` needs a source and a reason", rule.id));
        }
    }
    for o in &r.obligations {
        let ctx = |e: String| format!("obligation `{}`: {e}", o.id);
        if o.role != "operator" && !Role::ALL.iter().any(|x| x.as_str() == o.role) {
            return Err(ctx(format!("unknown role `{}`", o.role)));
        }
        if o.articles.is_empty() {
            return Err(ctx("no articles".into()));
        }
        for a in &o.articles {
            check_article(a).map_err(ctx)?;
        }
        if !r.dates.contains_key(&o.date) && !CONTEXT_DATE_KEYS.contains(&o.date.as_str()) {
            return Err(ctx(format!("unknown date key `{}`", o.date)));
        }
        if o.source.trim().is_empty() || o.title.trim().is_empty() {
            return Err(ctx("needs a source and a title".into()));
        }
    }
    for key in [
        "annex_iii",
        "annex_i",
        "gpai",
        "gpai_legacy",
        "transparency",
        "transparency_grace",
        "high_risk_public_authorities",
    ] {
        if !r.dates.contains_key(key) {
            return Err(format!("missing date `{key}`"));
        }
    }
    let mut seen = HashSet::new();
    for f in &r.fields {
        check_citation(&f.citation).map_err(|e| format!("field `{}`: {e}", f.name))?;
        let phrases = (f.yes.is_some() && f.no.is_some()) || (f.some.is_some() && f.none.is_some());
        if !phrases {
            return Err(format!(
                "field `{}` needs yes/no or some/none phrases",
                f.name
            ));
        }
        if !seen.insert(f.name.as_str()) {
            return Err(format!("duplicate field `{}`", f.name));
        }
    }
    let mut seen = HashSet::new();
    for d in &r.ids {
        check_citation(&d.citation).map_err(|e| format!("ID `{}` of `{}`: {e}", d.id, d.field))?;
        if d.label.trim().is_empty() {
            return Err(format!("ID `{}` of `{}` has no label", d.id, d.field));
        }
        if !seen.insert((d.field.as_str(), d.id.as_str())) {
            return Err(format!("duplicate ID `{}` of `{}`", d.id, d.field));
        }
    }
    Ok(())
}

/// Checks an article reference: `Art. N`, `Art. Na`, `Art. N(M)`,
/// `Art. N(M)(x)` (at most three bracket groups of digits or lowercase
/// letters, digits optionally followed by letters, e.g. `(1a)`).
pub fn check_article(s: &str) -> Result<(), String> {
    let bad = || format!("`{s}` is not an article reference like `Art. 6(3)`");
    let rest = s.strip_prefix("Art. ").ok_or_else(bad)?;
    let num_end = rest
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(rest.len());
    if num_end == 0 || rest.starts_with('0') {
        return Err(bad());
    }
    let mut tail = &rest[num_end..];
    // An optional letter suffix (Art. 4a).
    if let Some(c) = tail.chars().next().filter(char::is_ascii_lowercase) {
        tail = &tail[c.len_utf8()..];
    }
    let mut groups = 0;
    while !tail.is_empty() {
        let inner_end = tail.find(')').ok_or_else(bad)?;
        let inner = tail
            .strip_prefix('(')
            .ok_or_else(bad)?
            .get(..inner_end - 1)
            .ok_or_else(bad)?;
        let ok = !inner.is_empty()
            && (inner.chars().all(|c| c.is_ascii_lowercase())
                || (inner.starts_with(|c: char| c.is_ascii_digit())
                    && inner
                        .trim_start_matches(|c: char| c.is_ascii_digit())
                        .chars()
                        .all(|c| c.is_ascii_lowercase())));
        if !ok {
            return Err(bad());
        }
        groups += 1;
        tail = &tail[inner_end + 1..];
    }
    if groups > 3 { Err(bad()) } else { Ok(()) }
}

/// Checks a citation: an article reference, `Annex I|III|XIII ...`
/// (`Annex III point 4(a)`, `Annex I Section A point 4`) or `Recital N`.
pub fn check_citation(s: &str) -> Result<(), String> {
    if s.starts_with("Art. ") {
        return check_article(s);
    }
    let bad = || format!("`{s}` is not a citation like `Art. 6(3)` or `Annex III point 4(a)`");
    if let Some(n) = s.strip_prefix("Recital ") {
        return if !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()) {
            Ok(())
        } else {
            Err(bad())
        };
    }
    let rest = s.strip_prefix("Annex ").ok_or_else(bad)?;
    let mut words = rest.split(' ');
    if !matches!(words.next(), Some("I" | "III" | "XIII")) {
        return Err(bad());
    }
    let mut w = words.next();
    if w == Some("Section") {
        if !matches!(words.next(), Some("A" | "B")) {
            return Err(bad());
        }
        w = words.next();
    }
    if w == Some("point") {
        let p = words.next().ok_or_else(bad)?;
        let digits = p.trim_end_matches(|c: char| c == ')' || c == '(' || c.is_ascii_lowercase());
        if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
            return Err(bad());
        }
        let letters = &p[digits.len()..];
        if !(letters.is_empty()
            || (letters.len() == 3 && letters.starts_with('(') && letters.ends_with(')')))
        {
            return Err(bad());
        }
        w = words.next();
    }
    if w.is_some() { Err(bad()) } else { Ok(()) }
}

static BUILT_IN: OnceLock<Result<Rules, String>> = OnceLock::new();

/// The built-in rule base, loaded and validated on first use.
pub fn built_in() -> Result<&'static Rules, &'static str> {
    match BUILT_IN.get_or_init(load_built_in) {
        Ok(r) => Ok(r),
        Err(e) => Err(e.as_str()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compiled_rules_equal_the_toml_files() {
        let old = load(TRIAGE_TOML, OBLIGATIONS_TOML, VOCABULARY_TOML).unwrap();
        let new = load_built_in().unwrap();
        assert_eq!(new.version, old.version);
        assert_eq!(version(), old.version);
        assert_eq!(format!("{:?}", new.dates), format!("{:?}", old.dates));
        assert_eq!(format!("{:?}", new.rules), format!("{:?}", old.rules));
        assert_eq!(
            format!("{:?}", new.obligations),
            format!("{:?}", old.obligations)
        );
        assert_eq!(format!("{:?}", new.fields), format!("{:?}", old.fields));
        assert_eq!(new.ids, old.ids);
        assert_eq!(new.rule_index, old.rule_index);
        assert_eq!(new.obligation_index, old.obligation_index);
        assert!(old.rules.len() > 50 && old.obligations.len() > 50);
    }

    #[test]
    fn texts_equal_to_english_ship_once() {
        // build.rs empties them in the JSON; the reasons come from en.toml.
        let raw: RawTriage = serde_json::from_str(TRIAGE_JSON).unwrap();
        assert!(raw.rule.iter().all(|r| r.because.is_empty()));
        let raw: RawObligations = serde_json::from_str(OBLIGATIONS_JSON).unwrap();
        assert!(raw.obligation.iter().all(|o| o.title.is_empty()));
        assert!(!TRIAGE_JSON.contains(&built_in().unwrap().rules[0].because));
    }
}
