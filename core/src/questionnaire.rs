//! The triage questionnaire: plain-language questions that produce the facts
//! of a system file (`spec/system-file.md` section 1).
//!
//! Questions are data ([`QUESTIONS`]): each names the system-file field it
//! sets, the article it comes from, its answer kind and its translation keys
//! (`q.<id>.text`, `q.<id>.help`, `q.<id>.example`; option labels
//! `opt.<field>.<id>`). Two pure functions carry the behaviour:
//!
//! - [`visible`] decides whether a question matters given the answers so far
//!   (ask only what matters: no Art. 6(3) questions without an Annex III
//!   point, ticked or implied by an Art. 5 fact; after "not an AI system"
//!   only the model questions, ...). Only *answered* facts settle anything,
//!   and a fact marked "not sure" never settles anything. The flow mirrors
//!   the engine: `tests/questionnaire_flow.rs` answers every skipped
//!   question every way for generated answer sets and checks that the
//!   triage outcome does not change (docs/legal-notes.md, "Questionnaire
//!   flow").
//! - [`apply`] writes an [`Answer`] into a [`SystemFile`], including its
//!   `unsure` list.
//!
//! The questionnaire decides *what to ask*; the triage engine alone decides
//! what the answers mean.
//!
//! Four questions set the optional fields beyond the spec (`optional.rs`,
//! docs/legal-notes.md): "not sure" leaves such a field out, so the triage
//! keeps the `needs_review` item that names it.
//!
//! # Example
//! ```
//! use std::collections::BTreeSet;
//! use aimskit_core::questionnaire::{apply, question, visible_questions, Answer, QuestionId};
//! use aimskit_core::system::SystemFile;
//!
//! let mut file = SystemFile::new("Spreadsheet macro");
//! let mut answered = BTreeSet::new();
//! let q = question(QuestionId::AI_SYSTEM).unwrap();
//! apply(q, &Answer::Bool(false), &mut file).unwrap();
//! answered.insert(q.id);
//! // Once it is settled that this is not an AI system, only the model
//! // question is left (a file may describe a general-purpose AI model alone).
//! let left: Vec<&str> = visible_questions(&file, &answered)
//!     .iter()
//!     .map(|q| q.id.as_str())
//!     .collect();
//! assert_eq!(left, ["ai_system", "gpai.provider"]);
//! ```

use std::collections::BTreeSet;
use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::Date;
use crate::system::{
    AnnexIPoint, AnnexIiiPoint, Art5Exception, Art5Practice, Art6_3Condition, Art50Exception,
    Art50Provision, Exclusion, FieldName, GpaiFacts, NexusKind, SpecId, SystemFile, ValueChain,
    sort_ids, sorted_unique,
};
use crate::triage::Role;
use crate::triage::SYSTEMIC_FLOPS;

mod optional;

pub use optional::OptionalField;

/// A question's stable ID (the same string as the field it sets, e.g.
/// `"annex_iii"`, `"gpai.provider"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct QuestionId(&'static str);

impl QuestionId {
    /// "Is it an AI system?"
    pub const AI_SYSTEM: QuestionId = QuestionId("ai_system");

    /// The ID string.
    pub fn as_str(self) -> &'static str {
        self.0
    }

    /// Looks a question ID up by its string.
    pub fn from_id(s: &str) -> Option<QuestionId> {
        QUESTIONS.iter().map(|q| q.id).find(|id| id.0 == s)
    }
}

impl fmt::Display for QuestionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

impl Serialize for QuestionId {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.0)
    }
}

impl<'de> Deserialize<'de> for QuestionId {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<QuestionId, D::Error> {
        let s = String::deserialize(d)?;
        QuestionId::from_id(&s)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown question `{s}`")))
    }
}

/// The part of the questionnaire a question belongs to (a progress heading).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Section {
    /// AI system, roles, territorial scope, exclusions (Art. 2, 3).
    Scope,
    /// Prohibited practices (Art. 5).
    Prohibited,
    /// High risk (Art. 6, Annex I, Annex III, Art. 25).
    HighRisk,
    /// Transparency (Art. 50).
    Transparency,
    /// Deployer context (Art. 26, 27).
    Deployer,
    /// Placing on the market and the transitional rules (Art. 111).
    Transition,
    /// General-purpose AI models (Art. 51-55).
    Gpai,
}

impl Section {
    /// The translation key of the section heading.
    pub fn key(self) -> &'static str {
        match self {
            Section::Scope => "section.scope",
            Section::Prohibited => "section.prohibited",
            Section::HighRisk => "section.high_risk",
            Section::Transparency => "section.transparency",
            Section::Deployer => "section.deployer",
            Section::Transition => "section.transition",
            Section::Gpai => "section.gpai",
        }
    }
}

/// How a question is answered. Every kind also offers "not sure".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnswerKind {
    /// Yes / no.
    YesNo,
    /// Any number of the field's IDs (none ticked = none applies).
    Multi,
    /// A date.
    Date,
    /// A non-negative number.
    Number,
}

/// The system-file field a question sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    /// A fact of the spec ("not sure" lists it in `unsure`).
    Fact(FieldName),
    /// An optional field beyond the spec ("not sure" leaves it out).
    Optional(OptionalField),
}

impl Field {
    /// The field's name in the system file.
    pub fn as_str(self) -> &'static str {
        match self {
            Field::Fact(f) => f.as_str(),
            Field::Optional(f) => f.as_str(),
        }
    }

    /// The spec fact, if it is one (only those can be listed in `unsure`).
    pub fn fact(self) -> Option<FieldName> {
        match self {
            Field::Fact(f) => Some(f),
            Field::Optional(_) => None,
        }
    }
}

/// One question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Question {
    /// Stable ID.
    pub id: QuestionId,
    /// The system-file field it sets.
    pub field: Field,
    /// The article it comes from (`Art. N(M)` or `Annex III`).
    pub article: &'static str,
    /// How it is answered.
    pub kind: AnswerKind,
    /// Its part of the questionnaire.
    pub section: Section,
}

impl Question {
    /// Translation key of the question text.
    pub fn text_key(&self) -> String {
        format!("q.{}.text", self.id)
    }

    /// Translation key of the short help.
    pub fn help_key(&self) -> String {
        format!("q.{}.help", self.id)
    }

    /// Translation key of the example(s).
    pub fn example_key(&self) -> String {
        format!("q.{}.example", self.id)
    }
}

const fn q(
    id: &'static str,
    field: FieldName,
    article: &'static str,
    kind: AnswerKind,
    section: Section,
) -> Question {
    new_question(id, Field::Fact(field), article, kind, section)
}

const fn new_question(
    id: &'static str,
    field: Field,
    article: &'static str,
    kind: AnswerKind,
    section: Section,
) -> Question {
    Question {
        id: QuestionId(id),
        field,
        article,
        kind,
        section,
    }
}

/// A question that sets an optional field beyond the spec.
const fn opt(
    id: &'static str,
    field: OptionalField,
    article: &'static str,
    kind: AnswerKind,
    section: Section,
) -> Question {
    new_question(id, Field::Optional(field), article, kind, section)
}

use AnswerKind as K;
use FieldName as F;
use Section as S;

/// Every question, in asking order.
pub static QUESTIONS: [Question; 27] = [
    q("ai_system", F::AiSystem, "Art. 3(1)", K::YesNo, S::Scope),
    q("roles", F::Roles, "Art. 3(3)-(8)", K::Multi, S::Scope),
    q(
        "established_in_eu",
        F::EstablishedInEu,
        "Art. 2(1)",
        K::YesNo,
        S::Scope,
    ),
    q("eu_nexus", F::EuNexus, "Art. 2(1)", K::Multi, S::Scope),
    q("exclusions", F::Exclusions, "Art. 2", K::Multi, S::Scope),
    q("art5", F::Art5, "Art. 5(1)", K::Multi, S::Prohibited),
    q(
        "art5_exceptions",
        F::Art5Exceptions,
        "Art. 5(1)",
        K::Multi,
        S::Prohibited,
    ),
    q("annex_i", F::AnnexI, "Art. 6(1)", K::Multi, S::HighRisk),
    q(
        "annex_i_third_party",
        F::AnnexIThirdParty,
        "Art. 6(1)(b)",
        K::YesNo,
        S::HighRisk,
    ),
    q("annex_iii", F::AnnexIii, "Art. 6(2)", K::Multi, S::HighRisk),
    q("art6_3", F::Art6_3, "Art. 6(3)", K::Multi, S::HighRisk),
    q(
        "profiling",
        F::Profiling,
        "Art. 6(3)",
        K::YesNo,
        S::HighRisk,
    ),
    q(
        "value_chain",
        F::ValueChain,
        "Art. 25(1)",
        K::Multi,
        S::HighRisk,
    ),
    q("art50", F::Art50, "Art. 50", K::Multi, S::Transparency),
    q(
        "art50_exceptions",
        F::Art50Exceptions,
        "Art. 50",
        K::Multi,
        S::Transparency,
    ),
    opt(
        "public_crime_reporting",
        OptionalField::PublicCrimeReporting,
        "Art. 50(1)",
        K::YesNo,
        S::Transparency,
    ),
    q(
        "public_body",
        F::PublicBody,
        "Art. 27(1), 26(8), 49(3)-(4)",
        K::YesNo,
        S::Deployer,
    ),
    q(
        "public_service",
        F::PublicService,
        "Art. 27(1)",
        K::YesNo,
        S::Deployer,
    ),
    q(
        "workplace_use",
        F::WorkplaceUse,
        "Art. 26(7)",
        K::YesNo,
        S::Deployer,
    ),
    opt(
        "first_placed_on_market",
        OptionalField::FirstPlacedOnMarket,
        "Art. 111(2), 111(4)",
        K::Date,
        S::Transition,
    ),
    opt(
        "significant_change",
        OptionalField::SignificantChange,
        "Art. 111(2)",
        K::YesNo,
        S::Transition,
    ),
    opt(
        "for_public_authorities",
        OptionalField::ForPublicAuthorities,
        "Art. 111(2)",
        K::YesNo,
        S::Transition,
    ),
    q(
        "gpai.provider",
        F::GpaiProvider,
        "Art. 53(1)",
        K::YesNo,
        S::Gpai,
    ),
    q(
        "gpai.training_flops",
        F::GpaiTrainingFlops,
        "Art. 51(2)",
        K::Number,
        S::Gpai,
    ),
    q(
        "gpai.designated",
        F::GpaiDesignated,
        "Art. 51(1)(b)",
        K::YesNo,
        S::Gpai,
    ),
    q(
        "gpai.open_source",
        F::GpaiOpenSource,
        "Art. 53(2)",
        K::YesNo,
        S::Gpai,
    ),
    q(
        "gpai.placed_before",
        F::GpaiPlacedBefore,
        "Art. 111(3)",
        K::Date,
        S::Gpai,
    ),
];

/// The question with this ID.
pub fn question(id: QuestionId) -> Option<&'static Question> {
    QUESTIONS.iter().find(|q| q.id == id)
}

/// An answer to one question.
#[derive(Debug, Clone, PartialEq)]
pub enum Answer {
    /// For [`AnswerKind::YesNo`].
    Bool(bool),
    /// For [`AnswerKind::Multi`]: the ticked IDs (spec strings), and whether
    /// the user is also unsure whether more (or other) IDs apply.
    Ids {
        /// Ticked IDs.
        ids: Vec<String>,
        /// "Not sure" was ticked too.
        unsure: bool,
    },
    /// For [`AnswerKind::Date`]; `None` clears the date.
    Date(Option<Date>),
    /// For [`AnswerKind::Number`].
    Number(f64),
    /// "Not sure" for a yes/no, date or number question: the field keeps its
    /// default and is listed in `unsure`.
    NotSure,
}

/// Why an answer could not be applied (a programming or input error, shown
/// to the user as such; never a panic).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AnswerError {
    /// The answer does not fit the question's kind.
    #[error("question `{0}` does not take this kind of answer")]
    WrongKind(QuestionId),
    /// An ID that the field does not know.
    #[error("`{id}` is not a valid choice for `{question}`")]
    UnknownId {
        /// The question.
        question: QuestionId,
        /// The rejected ID.
        id: String,
    },
    /// A negative or non-finite number.
    #[error("`{0}` needs a finite number of at least 0")]
    BadNumber(QuestionId),
}

/// The choices a multi-select question offers for this file, in spec order
/// (exception lists only offer the exceptions of what was ticked before).
/// Empty for other kinds.
pub fn choices(q: &Question, file: &SystemFile) -> Vec<&'static str> {
    fn ids<T: SpecId>() -> Vec<&'static str> {
        T::all().iter().map(|v| v.as_str()).collect()
    }
    let Field::Fact(field) = q.field else {
        return Vec::new();
    };
    match field {
        F::Roles => ids::<Role>(),
        F::EuNexus => ids::<NexusKind>(),
        F::Exclusions => ids::<Exclusion>(),
        F::Art5 => ids::<Art5Practice>(),
        F::Art5Exceptions => Art5Exception::ALL
            .iter()
            .filter(|e| file.art5.contains(&e.practice()))
            .map(|e| e.as_str())
            .collect(),
        // A.1 (machinery) is only kept for old files: it is B.21 since Reg. 2026/1744.
        F::AnnexI => AnnexIPoint::ALL
            .iter()
            .filter(|p| **p != AnnexIPoint::A1 || file.annex_i.contains(p))
            .map(|p| p.as_str())
            .collect(),
        F::AnnexIii => ids::<AnnexIiiPoint>(),
        F::Art6_3 => ids::<Art6_3Condition>(),
        F::Art50 => ids::<Art50Provision>(),
        F::Art50Exceptions => Art50Exception::ALL
            .iter()
            .filter(|e| art50_exception_open(**e, file))
            .map(|e| e.as_str())
            .collect(),
        F::ValueChain => ids::<ValueChain>(),
        _ => Vec::new(),
    }
}

/// Whether exception `e` belongs to an Art. 50 paragraph that the file
/// makes apply. The law-enforcement exception covers every paragraph,
/// including the Art. 50(3) that the engine reads from an emotion-recognition
/// or biometric-categorisation system (Annex III 1(b)/(c), Art. 5(1)(f))
/// when Art. 50(3) itself was not ticked.
fn art50_exception_open(e: Art50Exception, file: &SystemFile) -> bool {
    match art50_exception_provision(e) {
        Some(p) => file.art50.contains(&p),
        None => {
            !file.art50.is_empty()
                || annex_iii_points(file)
                    .iter()
                    .any(|p| matches!(p, AnnexIiiPoint::P1B | AnnexIiiPoint::P1C))
        }
    }
}

/// Drops the Art. 50 exceptions that no longer belong to a paragraph.
fn prune_art50_exceptions(file: &mut SystemFile) {
    let keep: Vec<Art50Exception> = file
        .art50_exceptions
        .iter()
        .copied()
        .filter(|e| art50_exception_open(*e, file))
        .collect();
    file.art50_exceptions = keep;
}

/// The Art. 50 fact an exception belongs to (`None`: any of them).
fn art50_exception_provision(e: Art50Exception) -> Option<Art50Provision> {
    match e {
        Art50Exception::Obvious => Some(Art50Provision::Interacts),
        Art50Exception::Assistive => Some(Art50Provision::Synthetic),
        Art50Exception::Artistic => Some(Art50Provision::DeepFake),
        Art50Exception::Editorial => Some(Art50Provision::PublicInterestText),
        Art50Exception::LawEnforcement => None,
    }
}

/// The translation key of one choice's label: `opt.<field>.<id>`.
pub fn choice_key(q: &Question, id: &str) -> String {
    format!("opt.{}.{}", q.field.as_str(), id)
}

/// An optional group heading for a choice (Annex I section, Annex III area),
/// as a translation key.
pub fn choice_group_key(q: &Question, id: &str) -> Option<String> {
    match q.field.fact()? {
        F::AnnexI => id.split('.').next().map(|s| format!("group.annex_i.{s}")),
        F::AnnexIii => id.split('.').next().map(|s| format!("group.annex_iii.{s}")),
        _ => None,
    }
}

fn is_unsure(file: &SystemFile, field: FieldName) -> bool {
    file.unsure.contains(&field)
}

/// True when `field` was answered and is not marked "not sure": only such
/// facts may settle (skip) later questions.
fn settled(file: &SystemFile, answered: &BTreeSet<QuestionId>, field: FieldName) -> bool {
    !is_unsure(file, field)
        && answered
            .iter()
            .any(|id| question(*id).is_some_and(|q| q.field == Field::Fact(field)))
}

/// Exclusions that take the system out of the Act whatever else it does
/// (Art. 2(3), (4), (6), (8)), the model included. Art. 2(10) and 2(12) do
/// not settle the questions that follow: personal use concerns the deployer
/// side only and open source does not exempt Art. 5, Art. 50 or high-risk
/// systems.
const FULL_EXCLUSIONS: [Exclusion; 4] = [
    Exclusion::Military,
    Exclusion::ThirdCountryAuthority,
    Exclusion::ScientificResearch,
    Exclusion::PreMarketResearch,
];

/// Answers so far settle a full exclusion (Art. 2(3), (4), (6), (8)): it
/// covers AI systems and models alike, so nothing else is asked.
fn excluded_settled(file: &SystemFile, answered: &BTreeSet<QuestionId>) -> bool {
    settled(file, answered, F::Exclusions)
        && file.exclusions.iter().any(|e| FULL_EXCLUSIONS.contains(e))
}

/// Answers so far settle that the Act does not apply to the AI system (a
/// full exclusion, or no link to the EU at all). The model questions do not
/// depend on it: `gpai.provider` itself says that a model is placed on the
/// EU market (Art. 2(1)(a)).
fn outside_settled(file: &SystemFile, answered: &BTreeSet<QuestionId>) -> bool {
    let no_eu_link = settled(file, answered, F::EstablishedInEu)
        && settled(file, answered, F::EuNexus)
        && !file.established_in_eu
        && file.eu_nexus.is_empty();
    no_eu_link || excluded_settled(file, answered)
}

/// The roles are settled and include a deployer that the Act covers: one
/// that Art. 2(10) does not take out and that is established in the EU, or
/// uses the system or its output there (Art. 2(1)(b)-(c)); the bearer of the
/// Art. 5(1)(h) use ban and of Art. 26 and 27.
fn settled_deployer(file: &SystemFile, answered: &BTreeSet<QuestionId>) -> bool {
    let located = (settled(file, answered, F::EstablishedInEu) && file.established_in_eu)
        || (settled(file, answered, F::EuNexus)
            && file.eu_nexus.iter().any(|n| {
                matches!(
                    n,
                    NexusKind::UsedInEu | NexusKind::PutIntoService | NexusKind::OutputUsedInEu
                )
            }));
    settled(file, answered, F::Roles)
        && file.roles.contains(&Role::Deployer)
        && located
        && settled(file, answered, F::Exclusions)
        && !file.exclusions.contains(&Exclusion::PersonalUse)
}

/// The ban on `practice` binds this operator now, as far as the answers so
/// far tell, so that nothing but the ban is owed (the engine lists no other
/// duty then). Art. 5(1)(h) bans only the use by law enforcement, so it
/// binds a deployer only: its provider, importer or distributor owes the
/// duties of an Annex III 1(a) system. Art. 5(1)(ba) and (bb) apply from
/// 2026-12-02 (Art. 113(a) as amended); until then the duties in force bind,
/// so they settle nothing unless the file's own evaluation date is on or
/// after that day (the questionnaire has no clock).
fn ban_binds(practice: Art5Practice, file: &SystemFile, answered: &BTreeSet<QuestionId>) -> bool {
    match practice {
        Art5Practice::H => settled_deployer(file, answered),
        Art5Practice::Ba | Art5Practice::Bb => {
            let from = crate::triage::rules::built_in()
                .ok()
                .and_then(|r| r.date("prohibitions_2026"));
            matches!((file.as_of, from), (Some(a), Some(d)) if a >= d)
        }
        _ => true,
    }
}

/// Answers so far settle a prohibited practice whose ban binds: one is
/// ticked (and not "not sure"), none of the exceptions offered for it was
/// claimed, and the ban leaves nothing else owed (see [`ban_binds`]).
fn prohibited_settled(file: &SystemFile, answered: &BTreeSet<QuestionId>) -> bool {
    if !settled(file, answered, F::Art5) {
        return false;
    }
    file.art5.iter().any(|practice| {
        let mut exceptions = Art5Exception::ALL
            .iter()
            .filter(|e| e.practice() == *practice);
        let has_exceptions = exceptions.clone().next().is_some();
        let no_exception = !has_exceptions
            || (settled(file, answered, F::Art5Exceptions)
                && !exceptions.any(|e| file.art5_exceptions.contains(e)));
        no_exception && ban_binds(*practice, file, answered)
    })
}

fn has_role(file: &SystemFile, roles: &[Role]) -> bool {
    is_unsure(file, F::Roles) || file.roles.iter().any(|r| roles.contains(r))
}

/// The Annex III points the triage derives from Art. 5 answers: 1(c) for
/// emotion recognition allowed for medical or safety reasons, 1(a) for a
/// real-time RBI system (Art. 3(41)-(42)) when the use is allowed under an
/// Art. 5(1)(h) exception or we are not (only) its deployer, the one
/// operator the use ban binds (docs/legal-notes.md).
fn implied_annex_iii(file: &SystemFile) -> Vec<AnnexIiiPoint> {
    let has_art5 = |p: Art5Practice| file.art5.contains(&p);
    let has_exc = |e: Art5Exception| file.art5_exceptions.contains(&e);
    let mut out = Vec::new();
    if has_art5(Art5Practice::F) && has_exc(Art5Exception::FMedicalOrSafety) {
        out.push(AnnexIiiPoint::P1C);
    }
    let rbi = has_art5(Art5Practice::H)
        && (has_exc(Art5Exception::HI)
            || has_exc(Art5Exception::HIi)
            || has_exc(Art5Exception::HIii)
            || has_role(
                file,
                &[
                    Role::Provider,
                    Role::Importer,
                    Role::Distributor,
                    Role::AuthorisedRepresentative,
                    Role::ProductManufacturer,
                ],
            ));
    if rbi {
        out.push(AnnexIiiPoint::P1A);
    }
    out
}

/// The Annex III points ticked or implied.
fn annex_iii_points(file: &SystemFile) -> Vec<AnnexIiiPoint> {
    let mut points = file.annex_iii.clone();
    for p in implied_annex_iii(file) {
        if !points.contains(&p) {
            points.push(p);
        }
    }
    points
}

fn maybe_annex_iii(file: &SystemFile) -> bool {
    !annex_iii_points(file).is_empty() || is_unsure(file, F::AnnexIii)
}

/// An Annex III point ticked or implied for which `pred` holds, or Annex III
/// "not sure".
fn maybe_annex_iii_point(file: &SystemFile, pred: impl Fn(AnnexIiiPoint) -> bool) -> bool {
    is_unsure(file, F::AnnexIii) || annex_iii_points(file).into_iter().any(pred)
}

/// Point 6(e) (profiling in criminal matters) profiles by definition: the
/// Art. 6(3) derogation is never available (docs/legal-notes.md).
fn profiles_by_definition(file: &SystemFile, answered: &BTreeSet<QuestionId>) -> bool {
    settled(file, answered, F::AnnexIii) && file.annex_iii.contains(&AnnexIiiPoint::P6E)
}

/// Answers so far settle an Art. 6(3) derogation (a condition without
/// profiling): the Annex III use case is not high-risk.
fn derogation_settled(file: &SystemFile, answered: &BTreeSet<QuestionId>) -> bool {
    settled(file, answered, F::Art6_3)
        && !file.art6_3.is_empty()
        && settled(file, answered, F::Profiling)
        && !file.profiling
        && !file.annex_iii.contains(&AnnexIiiPoint::P6E)
}

/// Answers so far settle that the ticked Annex III points are high-risk
/// through Art. 6(2) (no derogation can apply).
fn annex_iii_high_risk_settled(file: &SystemFile, answered: &BTreeSet<QuestionId>) -> bool {
    settled(file, answered, F::AnnexIii)
        && ((settled(file, answered, F::Art6_3) && file.art6_3.is_empty())
            || (settled(file, answered, F::Profiling) && file.profiling)
            || profiles_by_definition(file, answered))
}

/// The system may be high-risk through Annex III.
fn maybe_annex_iii_high_risk(file: &SystemFile, answered: &BTreeSet<QuestionId>) -> bool {
    maybe_annex_iii(file) && !derogation_settled(file, answered)
}

fn maybe_annex_i(file: &SystemFile) -> bool {
    !file.annex_i.is_empty() || is_unsure(file, F::AnnexI)
}

/// The system may be high-risk through Annex I (Art. 6(1)).
fn maybe_annex_i_high_risk(file: &SystemFile, answered: &BTreeSet<QuestionId>) -> bool {
    maybe_annex_i(file)
        && (file.annex_i_third_party || !settled(file, answered, F::AnnexIThirdParty))
}

/// ... through a Section A product (the full regime; Section B has only the
/// Art. 2(2) articles).
fn maybe_section_a_high_risk(file: &SystemFile, answered: &BTreeSet<QuestionId>) -> bool {
    maybe_annex_i_high_risk(file, answered)
        && (is_unsure(file, F::AnnexI) || file.annex_i.iter().any(|p| !p.is_section_b()))
}

/// The system may be high-risk by either route.
fn maybe_high_risk(file: &SystemFile, answered: &BTreeSet<QuestionId>) -> bool {
    maybe_annex_iii_high_risk(file, answered) || maybe_annex_i_high_risk(file, answered)
}

/// The system may be high-risk with the Chapter III duties of Art. 16 and
/// 26 (Annex III, or an Annex I Section A product).
fn maybe_full_high_risk(file: &SystemFile, answered: &BTreeSet<QuestionId>) -> bool {
    maybe_annex_iii_high_risk(file, answered) || maybe_section_a_high_risk(file, answered)
}

fn gpai(file: &SystemFile) -> GpaiFacts {
    file.gpai.clone().unwrap_or_default()
}

/// Answers so far settle systemic risk (compute above 10^25 FLOP or a
/// designation, Art. 51).
fn systemic_settled(file: &SystemFile, answered: &BTreeSet<QuestionId>) -> bool {
    let g = gpai(file);
    (settled(file, answered, F::GpaiTrainingFlops) && g.training_flops > SYSTEMIC_FLOPS)
        || (settled(file, answered, F::GpaiDesignated) && g.designated)
}

/// Whether `q` matters given the answers so far (`answered` = the questions
/// the user has answered). Pure; see the module docs.
pub fn visible(q: &Question, file: &SystemFile, answered: &BTreeSet<QuestionId>) -> bool {
    if q.field == Field::Fact(F::AiSystem) {
        return true;
    }
    // The model axis (Art. 51-55) does not depend on the system: a file may
    // describe a model alone (`ai_system = false`), and placing a model on
    // the EU market is its own link to the EU. Only a full exclusion
    // (Art. 2(3)-(8): "AI systems or models") settles it.
    if q.section == S::Gpai {
        return !excluded_settled(file, answered) && gpai_visible(q, file, answered);
    }
    // "Not an AI system" settles everything else, except what the model's
    // duties depend on: an establishment in the EU (Art. 54) and a full
    // exclusion (Art. 2(3)-(8)).
    if settled(file, answered, F::AiSystem) && !file.ai_system {
        let model = gpai(file).provider || is_unsure(file, F::GpaiProvider);
        return model && matches!(q.field, Field::Fact(F::EstablishedInEu | F::Exclusions));
    }
    if q.section == S::Scope {
        return true;
    }
    if outside_settled(file, answered) {
        return false;
    }
    let prohibited = prohibited_settled(file, answered);
    let field = match q.field {
        Field::Fact(f) => f,
        Field::Optional(o) => return !prohibited && optional::visible(o, file, answered),
    };
    match field {
        F::Art5 => true,
        F::Art5Exceptions => !choices(q, file).is_empty(),
        _ if prohibited => false,
        F::AnnexIThirdParty => maybe_annex_i(file),
        F::Art6_3 => maybe_annex_iii(file) && !profiles_by_definition(file, answered),
        // Profiling only blocks a derogation (Art. 6(3) third subparagraph).
        F::Profiling => {
            maybe_annex_iii(file)
                && !profiles_by_definition(file, answered)
                && !(settled(file, answered, F::Art6_3) && file.art6_3.is_empty())
        }
        // Art. 25(1): any operator ("any other third party") becomes the
        // provider of a high-risk system; a substantial modification or a
        // new purpose is also a significant change (Art. 111(2)).
        F::ValueChain => maybe_high_risk(file, answered),
        F::Art50Exceptions => !choices(q, file).is_empty(),
        F::PublicBody => {
            // Art. 26(8), 27, 49(3), 26(10) and the Art. 111(2) public
            // deployer; Art. 49(4): an area 1 system of a public body is
            // registered in the secure section, by its provider too.
            (has_role(file, &[Role::Deployer]) && maybe_full_high_risk(file, answered))
                || maybe_annex_iii_point(file, |p| p.area() == 1)
        }
        F::PublicService => {
            // Only Art. 27(1): moot when the deployer is a public body or
            // the point is 5(b)/(c) (the assessment is owed anyway) or 2
            // (never owed).
            let public_body = settled(file, answered, F::PublicBody) && file.public_body;
            let fria_by_point = annex_iii_high_risk_settled(file, answered)
                && file
                    .annex_iii
                    .iter()
                    .any(|p| matches!(p, AnnexIiiPoint::P5B | AnnexIiiPoint::P5C));
            has_role(file, &[Role::Deployer])
                && maybe_annex_iii_high_risk(file, answered)
                && maybe_annex_iii_point(file, |p| p != AnnexIiiPoint::P2)
                && !public_body
                && !fria_by_point
        }
        F::WorkplaceUse => {
            // Art. 26(7); a 4(b) system is used on workers by definition.
            let workers = annex_iii_high_risk_settled(file, answered)
                && file.annex_iii.contains(&AnnexIiiPoint::P4B);
            has_role(file, &[Role::Deployer]) && maybe_full_high_risk(file, answered) && !workers
        }
        _ => true,
    }
}

/// The model questions: whether we place a model at all, then its details
/// only for a model provider (or one not sure of it).
fn gpai_visible(q: &Question, file: &SystemFile, answered: &BTreeSet<QuestionId>) -> bool {
    let provider = gpai(file).provider || is_unsure(file, F::GpaiProvider);
    match q.field {
        Field::Fact(F::GpaiProvider) => true,
        Field::Fact(F::GpaiTrainingFlops | F::GpaiPlacedBefore) => provider,
        // A designation adds nothing once compute above 10^25 FLOP presumes
        // systemic risk (Art. 51(2); the notification follows the compute).
        Field::Fact(F::GpaiDesignated) => {
            provider
                && !(settled(file, answered, F::GpaiTrainingFlops)
                    && gpai(file).training_flops > SYSTEMIC_FLOPS)
        }
        // The open-source relief does not apply with systemic risk (Art. 53(2)).
        Field::Fact(F::GpaiOpenSource) => provider && !systemic_settled(file, answered),
        _ => provider,
    }
}

/// The questions to ask now, in order.
pub fn visible_questions(
    file: &SystemFile,
    answered: &BTreeSet<QuestionId>,
) -> Vec<&'static Question> {
    QUESTIONS
        .iter()
        .filter(|q| visible(q, file, answered))
        .collect()
}

/// The question IDs an imported file counts as answering: a file states every
/// fact (a left-out field means "none" or "no"), so every question it makes
/// relevant is answered.
pub fn answered_by_file(file: &SystemFile) -> BTreeSet<QuestionId> {
    let mut answered: BTreeSet<QuestionId> = BTreeSet::new();
    // Answered facts make questions relevant and others moot; iterate to a
    // fixed point (bounded, so that two questions that ever hid each other
    // could not loop; the flow tests check that the bound is never reached).
    for _ in 0..=QUESTIONS.len() {
        // `extend`, not `collect`: collecting into a set sorts a vector first
        // (one more sort instantiation in the wasm); inserting gives the same set.
        let mut next = BTreeSet::new();
        next.extend(visible_questions(file, &answered).iter().map(|q| q.id));
        if next == answered {
            return answered;
        }
        answered = next;
    }
    answered
}

/// The answer the file currently holds for `q` (what the form shows).
pub fn current(q: &Question, file: &SystemFile) -> Answer {
    let field = match q.field {
        Field::Fact(f) => f,
        Field::Optional(o) => return optional::current(o, file),
    };
    let unsure = is_unsure(file, field);
    match q.kind {
        K::Multi => Answer::Ids {
            ids: field_ids(file, field),
            unsure,
        },
        _ if unsure => Answer::NotSure,
        K::YesNo => Answer::Bool(field_bool(file, field)),
        K::Date => Answer::Date(gpai(file).placed_before),
        K::Number => Answer::Number(gpai(file).training_flops),
    }
}

/// Writes `answer` to the field of `q` and updates `unsure`. Exceptions that
/// no longer belong to a ticked practice or provision are dropped with it.
pub fn apply(q: &Question, answer: &Answer, file: &mut SystemFile) -> Result<(), AnswerError> {
    let field = match q.field {
        Field::Fact(f) => f,
        Field::Optional(o) => return optional::apply(q, o, answer, file),
    };
    let unsure = match (q.kind, answer) {
        (K::YesNo, Answer::Bool(b)) => {
            set_bool(file, field, *b);
            false
        }
        (K::Multi, Answer::Ids { ids, unsure }) => {
            set_ids(file, q, field, ids)?;
            *unsure
        }
        (K::Date, Answer::Date(d)) => {
            gpai_mut(file).placed_before = *d;
            false
        }
        (K::Number, Answer::Number(n)) => {
            if !n.is_finite() || *n < 0.0 {
                return Err(AnswerError::BadNumber(q.id));
            }
            gpai_mut(file).training_flops = *n;
            false
        }
        (K::YesNo | K::Date | K::Number, Answer::NotSure) => {
            reset_to_default(file, q.kind, field);
            true
        }
        _ => return Err(AnswerError::WrongKind(q.id)),
    };
    file.unsure.retain(|f| *f != field);
    if unsure {
        file.unsure.push(field);
        sort_ids(&mut file.unsure);
    }
    Ok(())
}

fn reset_to_default(file: &mut SystemFile, kind: AnswerKind, field: FieldName) {
    match kind {
        K::YesNo => set_bool(file, field, field == F::AiSystem),
        K::Date => gpai_mut(file).placed_before = None,
        K::Number => gpai_mut(file).training_flops = 0.0,
        K::Multi => {}
    }
}

fn gpai_mut(file: &mut SystemFile) -> &mut GpaiFacts {
    file.gpai.get_or_insert_with(GpaiFacts::default)
}

fn field_bool(file: &SystemFile, field: FieldName) -> bool {
    match field {
        F::EstablishedInEu => file.established_in_eu,
        F::PublicBody => file.public_body,
        F::PublicService => file.public_service,
        F::WorkplaceUse => file.workplace_use,
        F::AiSystem => file.ai_system,
        F::AnnexIThirdParty => file.annex_i_third_party,
        F::Profiling => file.profiling,
        F::GpaiProvider => gpai(file).provider,
        F::GpaiDesignated => gpai(file).designated,
        F::GpaiOpenSource => gpai(file).open_source,
        _ => false,
    }
}

fn set_bool(file: &mut SystemFile, field: FieldName, value: bool) {
    match field {
        F::EstablishedInEu => file.established_in_eu = value,
        F::PublicBody => file.public_body = value,
        F::PublicService => file.public_service = value,
        F::WorkplaceUse => file.workplace_use = value,
        F::AiSystem => file.ai_system = value,
        F::AnnexIThirdParty => file.annex_i_third_party = value,
        F::Profiling => file.profiling = value,
        F::GpaiProvider => gpai_mut(file).provider = value,
        F::GpaiDesignated => gpai_mut(file).designated = value,
        F::GpaiOpenSource => gpai_mut(file).open_source = value,
        _ => {}
    }
}

fn strs<T: SpecId>(v: &[T]) -> Vec<String> {
    v.iter().map(|x| x.as_str().to_owned()).collect()
}

fn field_ids(file: &SystemFile, field: FieldName) -> Vec<String> {
    match field {
        F::Roles => strs(&file.roles),
        F::EuNexus => strs(&file.eu_nexus),
        F::Exclusions => strs(&file.exclusions),
        F::Art5 => strs(&file.art5),
        F::Art5Exceptions => strs(&file.art5_exceptions),
        F::AnnexI => strs(&file.annex_i),
        F::AnnexIii => strs(&file.annex_iii),
        F::Art6_3 => strs(&file.art6_3),
        F::Art50 => strs(&file.art50),
        F::Art50Exceptions => strs(&file.art50_exceptions),
        F::ValueChain => strs(&file.value_chain),
        _ => Vec::new(),
    }
}

/// Parses IDs into a sorted, deduplicated list in spec order.
fn parse_ids<T: SpecId>(q: &Question, ids: &[String]) -> Result<Vec<T>, AnswerError> {
    let out = ids
        .iter()
        .map(|s| {
            T::from_id(s).ok_or_else(|| AnswerError::UnknownId {
                question: q.id,
                id: s.clone(),
            })
        })
        .collect::<Result<Vec<T>, _>>()?;
    Ok(sorted_unique(&out))
}

fn set_ids(
    file: &mut SystemFile,
    q: &Question,
    field: FieldName,
    ids: &[String],
) -> Result<(), AnswerError> {
    match field {
        F::Roles => file.roles = parse_ids(q, ids)?,
        F::EuNexus => file.eu_nexus = parse_ids(q, ids)?,
        F::Exclusions => file.exclusions = parse_ids(q, ids)?,
        F::Art5 => {
            file.art5 = parse_ids(q, ids)?;
            let art5 = file.art5.clone();
            file.art5_exceptions
                .retain(|e| art5.contains(&e.practice()));
            prune_art50_exceptions(file);
        }
        F::Art5Exceptions => file.art5_exceptions = parse_ids(q, ids)?,
        F::AnnexI => file.annex_i = parse_ids(q, ids)?,
        F::AnnexIii => {
            file.annex_iii = parse_ids(q, ids)?;
            prune_art50_exceptions(file);
        }
        F::Art6_3 => file.art6_3 = parse_ids(q, ids)?,
        F::Art50 => {
            file.art50 = parse_ids(q, ids)?;
            prune_art50_exceptions(file);
        }
        F::Art50Exceptions => file.art50_exceptions = parse_ids(q, ids)?,
        F::ValueChain => file.value_chain = parse_ids(q, ids)?,
        _ => return Err(AnswerError::WrongKind(q.id)),
    }
    Ok(())
}

/// Every translation key the questionnaire uses (for completeness tests).
pub fn translation_keys() -> Vec<String> {
    let mut keys = Vec::new();
    let all = everything();
    for q in &QUESTIONS {
        keys.extend([
            q.text_key(),
            q.help_key(),
            q.example_key(),
            q.section.key().to_owned(),
        ]);
        for id in choices(q, &all) {
            keys.push(choice_key(q, id));
            keys.extend(choice_group_key(q, id));
        }
    }
    keys.sort();
    keys.dedup();
    keys
}

/// A file with every list filled, so that [`choices`] offers everything.
fn everything() -> SystemFile {
    let mut f = SystemFile::new("");
    f.art5 = Art5Practice::ALL.to_vec();
    f.art50 = Art50Provision::ALL.to_vec();
    f.annex_i = AnnexIPoint::ALL.to_vec();
    f
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{self, Lang};

    /// Answers question `id` (also used by `optional`'s tests).
    pub(super) fn ask(
        file: &mut SystemFile,
        answered: &mut BTreeSet<QuestionId>,
        id: &str,
        a: Answer,
    ) {
        let q = question(QuestionId::from_id(id).unwrap()).unwrap();
        apply(q, &a, file).unwrap();
        answered.insert(q.id);
    }

    /// A sure answer ticking `v` (also used by `optional`'s tests).
    pub(super) fn ids(v: &[&str]) -> Answer {
        Answer::Ids {
            ids: v.iter().map(|s| (*s).to_owned()).collect(),
            unsure: false,
        }
    }

    fn shown(file: &SystemFile, answered: &BTreeSet<QuestionId>) -> Vec<&'static str> {
        visible_questions(file, answered)
            .iter()
            .map(|q| q.id.as_str())
            .collect()
    }

    #[test]
    fn ids_are_unique_fields_are_unique_and_round_trip() {
        let mut seen = BTreeSet::new();
        for q in &QUESTIONS {
            assert!(
                seen.insert(q.field),
                "two questions set {}",
                q.field.as_str()
            );
            assert_eq!(q.id.as_str(), q.field.as_str(), "question ID = field name");
            assert_eq!(QuestionId::from_id(q.id.as_str()), Some(q.id));
            assert!(q.article.starts_with("Art. "), "{}: {}", q.id, q.article);
        }
    }

    #[test]
    fn every_fact_field_has_a_question() {
        for f in FieldName::ALL {
            assert!(
                QUESTIONS.iter().any(|q| q.field == Field::Fact(*f)),
                "no question for {f}"
            );
        }
    }

    #[test]
    fn every_key_is_translated_in_english_and_german() {
        for lang in [Lang::En, Lang::De] {
            let table = i18n::table(lang);
            let missing: Vec<_> = translation_keys()
                .into_iter()
                .filter(|k| !table.contains_key(k))
                .collect();
            assert!(missing.is_empty(), "{}: missing {missing:?}", lang.code());
        }
    }

    #[test]
    fn not_an_ai_system_settles_everything_but_not_sure_does_not() {
        let mut f = SystemFile::new("x");
        let mut a = BTreeSet::new();
        ask(&mut f, &mut a, "ai_system", Answer::Bool(false));
        // Only the model question stays: a file may describe a model alone,
        // and the engine evaluates the model axis whatever the system is.
        assert_eq!(shown(&f, &a), vec!["ai_system", "gpai.provider"]);
        ask(&mut f, &mut a, "gpai.provider", Answer::Bool(false));
        assert_eq!(shown(&f, &a), vec!["ai_system", "gpai.provider"]);
        // A model provider is asked what its duties depend on (Art. 2(3)-(8)
        // exclusions, Art. 54 establishment) and the model's details.
        ask(&mut f, &mut a, "gpai.provider", Answer::Bool(true));
        assert_eq!(
            shown(&f, &a),
            vec![
                "ai_system",
                "established_in_eu",
                "exclusions",
                "gpai.provider",
                "gpai.training_flops",
                "gpai.designated",
                "gpai.open_source",
                "gpai.placed_before"
            ]
        );
        ask(&mut f, &mut a, "exclusions", ids(&["2.6"]));
        assert_eq!(
            shown(&f, &a),
            vec!["ai_system", "established_in_eu", "exclusions"]
        );
        ask(&mut f, &mut a, "exclusions", ids(&[]));
        ask(&mut f, &mut a, "ai_system", Answer::NotSure);
        assert!(f.ai_system, "not sure keeps the default (true)");
        assert_eq!(f.unsure, vec![FieldName::AiSystem]);
        assert!(shown(&f, &a).contains(&"annex_iii"));
    }

    #[test]
    fn no_art6_3_questions_without_an_annex_iii_point() {
        let mut f = SystemFile::new("x");
        let mut a = BTreeSet::new();
        assert!(!shown(&f, &a).contains(&"art6_3"));
        assert!(!shown(&f, &a).contains(&"profiling"));
        ask(&mut f, &mut a, "annex_iii", ids(&["4.a"]));
        assert!(shown(&f, &a).contains(&"art6_3"));
        assert!(shown(&f, &a).contains(&"profiling"));
        // Unsure about Annex III also asks, since the answer may matter.
        ask(
            &mut f,
            &mut a,
            "annex_iii",
            Answer::Ids {
                ids: vec![],
                unsure: true,
            },
        );
        assert!(shown(&f, &a).contains(&"art6_3"));
    }

    #[test]
    fn art6_3_is_asked_for_the_annex_iii_point_art5_implies() {
        // A real-time RBI system is Annex III 1(a): its provider may rely
        // on Art. 6(3) (Art. 6(4)/49(2) then apply), its deployer is bound
        // by the use ban and owes nothing else.
        let mut f = SystemFile::new("x");
        f.art5 = vec![Art5Practice::H];
        f.roles = vec![Role::Deployer];
        let a = BTreeSet::new();
        assert!(!shown(&f, &a).contains(&"art6_3"));
        f.roles = vec![Role::Provider];
        assert!(shown(&f, &a).contains(&"art6_3"));
        f.roles = vec![Role::Deployer];
        f.art5_exceptions = vec![Art5Exception::HIi];
        assert!(shown(&f, &a).contains(&"art6_3"));
        // Emotion recognition allowed for medical or safety reasons is 1(c).
        let mut g = SystemFile::new("y");
        g.roles = vec![Role::Deployer];
        g.art5 = vec![Art5Practice::F];
        assert!(!shown(&g, &a).contains(&"public_body"));
        g.art5_exceptions = vec![Art5Exception::FMedicalOrSafety];
        assert!(shown(&g, &a).contains(&"public_body"));
        assert!(shown(&g, &a).contains(&"art6_3"));
    }

    #[test]
    fn full_exclusion_or_no_eu_link_skips_the_walk_through() {
        let mut f = SystemFile::new("x");
        let mut a = BTreeSet::new();
        ask(&mut f, &mut a, "exclusions", ids(&["2.3"]));
        assert!(!shown(&f, &a).contains(&"art5"));
        // Open source does not exempt Art. 5: keep asking.
        ask(&mut f, &mut a, "exclusions", ids(&["2.12"]));
        assert!(shown(&f, &a).contains(&"art5"));

        let mut f = SystemFile::new("y");
        let mut a = BTreeSet::new();
        ask(&mut f, &mut a, "established_in_eu", Answer::Bool(false));
        assert!(
            shown(&f, &a).contains(&"annex_iii"),
            "unanswered nexus settles nothing"
        );
        ask(&mut f, &mut a, "eu_nexus", ids(&[]));
        assert!(!shown(&f, &a).contains(&"annex_iii"));
        ask(&mut f, &mut a, "eu_nexus", ids(&["output_used_in_eu"]));
        assert!(shown(&f, &a).contains(&"annex_iii"));
    }

    #[test]
    fn prohibited_practice_skips_high_risk_and_transparency_unless_excepted() {
        let mut f = SystemFile::new("x");
        let mut a = BTreeSet::new();
        ask(&mut f, &mut a, "roles", ids(&["deployer"]));
        ask(&mut f, &mut a, "art5", ids(&["5.1.f"]));
        // 5.1.f has an exception: ask it before settling anything.
        assert!(shown(&f, &a).contains(&"art5_exceptions"));
        assert!(shown(&f, &a).contains(&"annex_iii"));
        ask(&mut f, &mut a, "art5_exceptions", ids(&[]));
        let s = shown(&f, &a);
        assert!(!s.contains(&"annex_iii") && !s.contains(&"art50"), "{s:?}");
        ask(
            &mut f,
            &mut a,
            "art5_exceptions",
            ids(&["5.1.f.medical_or_safety"]),
        );
        assert!(shown(&f, &a).contains(&"annex_iii"));
        ask(&mut f, &mut a, "art5", ids(&["5.1.c", "5.1.f"]));
        assert_eq!(
            f.art5_exceptions,
            vec![Art5Exception::FMedicalOrSafety],
            "kept while 5.1.f is ticked"
        );
        // A practice without exceptions settles at once.
        ask(&mut f, &mut a, "art5", ids(&["5.1.c"]));
        assert!(
            f.art5_exceptions.is_empty(),
            "exceptions of unticked practices are dropped"
        );
        assert!(!shown(&f, &a).contains(&"art5_exceptions"));
        assert!(!shown(&f, &a).contains(&"annex_iii"));
    }

    #[test]
    fn exception_choices_follow_the_ticked_facts() {
        let mut f = SystemFile::new("x");
        let q = question(QuestionId::from_id("art50_exceptions").unwrap()).unwrap();
        assert!(choices(q, &f).is_empty());
        f.art50 = vec![Art50Provision::Interacts];
        assert_eq!(choices(q, &f), vec!["50.1.obvious", "law_enforcement"]);
        let q = question(QuestionId::from_id("art5_exceptions").unwrap()).unwrap();
        f.art5 = vec![Art5Practice::H];
        assert_eq!(choices(q, &f), vec!["5.1.h.i", "5.1.h.ii", "5.1.h.iii"]);
    }

    #[test]
    fn deployer_and_gpai_questions_only_when_they_matter() {
        let mut f = SystemFile::new("x");
        let mut a = BTreeSet::new();
        ask(&mut f, &mut a, "roles", ids(&["provider"]));
        let s = shown(&f, &a);
        assert!(!s.contains(&"public_body") && !s.contains(&"value_chain"));
        assert!(s.contains(&"gpai.provider") && !s.contains(&"gpai.training_flops"));
        ask(&mut f, &mut a, "gpai.provider", Answer::Bool(true));
        assert!(shown(&f, &a).contains(&"gpai.training_flops"));
        ask(&mut f, &mut a, "roles", ids(&["deployer"]));
        ask(&mut f, &mut a, "annex_iii", ids(&["5.b"]));
        let s = shown(&f, &a);
        assert!(
            s.contains(&"public_body")
                && s.contains(&"workplace_use")
                && s.contains(&"value_chain")
        );
        // Whoever places a model on the EU market is its provider, whatever
        // the role for this system (Art. 3(3), 2(1)(a)).
        assert!(s.contains(&"gpai.provider") && s.contains(&"gpai.training_flops"));
        ask(&mut f, &mut a, "gpai.provider", Answer::Bool(false));
        assert!(!shown(&f, &a).contains(&"gpai.training_flops"));
    }

    /// A deployer established in the EU with nothing excluded: the Act
    /// covers it (settled).
    fn eu_deployer(f: &mut SystemFile, a: &mut BTreeSet<QuestionId>) {
        ask(f, a, "roles", ids(&["deployer"]));
        ask(f, a, "established_in_eu", Answer::Bool(true));
        ask(f, a, "exclusions", ids(&[]));
    }

    #[test]
    fn annex_iii_points_implied_by_art5_open_the_annex_iii_questions() {
        // Emotion recognition at work allowed for safety reasons is Annex III
        // 1(c): Art. 6(3), profiling, Art. 26(7), Art. 27 and the placing
        // date matter although no Annex III point was ticked.
        let mut f = SystemFile::new("x");
        let mut a = BTreeSet::new();
        eu_deployer(&mut f, &mut a);
        ask(&mut f, &mut a, "art5", ids(&["5.1.f"]));
        ask(
            &mut f,
            &mut a,
            "art5_exceptions",
            ids(&["5.1.f.medical_or_safety"]),
        );
        ask(&mut f, &mut a, "annex_iii", ids(&[]));
        let s = shown(&f, &a);
        for q in [
            "art6_3",
            "profiling",
            "value_chain",
            "public_body",
            "public_service",
            "workplace_use",
            "first_placed_on_market",
        ] {
            assert!(s.contains(&q), "{q} not asked: {s:?}");
        }
        // The Art. 50(3) duty it implies can be excepted for law enforcement.
        let q = question(QuestionId::from_id("art50_exceptions").unwrap()).unwrap();
        assert_eq!(choices(q, &f), vec!["law_enforcement"]);
        assert!(s.contains(&"art50_exceptions"));
    }

    #[test]
    fn profiling_only_when_a_derogation_condition_is_claimed() {
        let mut f = SystemFile::new("x");
        let mut a = BTreeSet::new();
        ask(&mut f, &mut a, "annex_iii", ids(&["4.a"]));
        assert!(shown(&f, &a).contains(&"profiling"), "not answered yet");
        ask(&mut f, &mut a, "art6_3", ids(&[]));
        assert!(!shown(&f, &a).contains(&"profiling"));
        ask(&mut f, &mut a, "art6_3", ids(&["d"]));
        assert!(shown(&f, &a).contains(&"profiling"));
        // 6(e) profiles by definition: neither question matters.
        ask(&mut f, &mut a, "annex_iii", ids(&["6.e"]));
        let s = shown(&f, &a);
        assert!(!s.contains(&"profiling") && !s.contains(&"art6_3"), "{s:?}");
    }

    #[test]
    fn a_ban_settles_only_what_it_makes_moot() {
        // Art. 5(1)(h) bans the use: its provider owes the duties of a 1(a)
        // system, so the walk-through goes on.
        let mut f = SystemFile::new("x");
        let mut a = BTreeSet::new();
        ask(&mut f, &mut a, "roles", ids(&["provider"]));
        ask(&mut f, &mut a, "established_in_eu", Answer::Bool(true));
        ask(&mut f, &mut a, "exclusions", ids(&[]));
        ask(&mut f, &mut a, "art5", ids(&["5.1.h"]));
        ask(&mut f, &mut a, "art5_exceptions", ids(&[]));
        let s = shown(&f, &a);
        assert!(s.contains(&"art6_3") && s.contains(&"art50"), "{s:?}");
        // For a deployer the ban binds: nothing else is asked.
        ask(&mut f, &mut a, "roles", ids(&["deployer"]));
        let s = shown(&f, &a);
        assert!(!s.contains(&"art6_3") && !s.contains(&"art50"), "{s:?}");

        // Art. 5(1)(ba) applies from 2026-12-02: until then the duties in
        // force bind, and the questionnaire has no clock.
        let mut f = SystemFile::new("y");
        let mut a = BTreeSet::new();
        ask(&mut f, &mut a, "roles", ids(&["provider"]));
        ask(&mut f, &mut a, "art5", ids(&["5.1.ba"]));
        assert!(shown(&f, &a).contains(&"art50"));
        f.as_of = Date::new(2026, 12, 1);
        assert!(shown(&f, &a).contains(&"art50"));
        f.as_of = Date::new(2026, 12, 2);
        assert!(!shown(&f, &a).contains(&"art50"));
        // Any other practice settles at once.
        f.as_of = None;
        ask(&mut f, &mut a, "art5", ids(&["5.1.ba", "5.1.e"]));
        assert!(!shown(&f, &a).contains(&"art50"));
    }

    #[test]
    fn value_chain_for_every_operator_but_only_when_high_risk_is_possible() {
        let mut f = SystemFile::new("x");
        let mut a = BTreeSet::new();
        ask(&mut f, &mut a, "roles", ids(&["provider"]));
        ask(&mut f, &mut a, "annex_iii", ids(&[]));
        ask(&mut f, &mut a, "annex_i", ids(&[]));
        assert!(!shown(&f, &a).contains(&"value_chain"));
        // A provider's own substantial modification is a significant change
        // (Art. 111(2)); an authorised representative that rebrands becomes
        // the provider (Art. 25(1)(a)).
        ask(&mut f, &mut a, "annex_iii", ids(&["4.a"]));
        assert!(shown(&f, &a).contains(&"value_chain"));
        ask(&mut f, &mut a, "roles", ids(&["authorised_representative"]));
        assert!(shown(&f, &a).contains(&"value_chain"));
        ask(&mut f, &mut a, "art6_3", ids(&["a"]));
        ask(&mut f, &mut a, "profiling", Answer::Bool(false));
        assert!(!shown(&f, &a).contains(&"value_chain"), "derogated");
    }

    #[test]
    fn public_body_for_biometric_providers_and_public_service_only_when_it_decides() {
        // Art. 49(4): a public body's area 1 system is registered in the
        // secure section, also by its provider.
        let mut f = SystemFile::new("x");
        let mut a = BTreeSet::new();
        ask(&mut f, &mut a, "roles", ids(&["provider"]));
        ask(&mut f, &mut a, "annex_iii", ids(&["4.a"]));
        assert!(!shown(&f, &a).contains(&"public_body"));
        ask(&mut f, &mut a, "annex_iii", ids(&["1.a"]));
        assert!(shown(&f, &a).contains(&"public_body"));
        assert!(!shown(&f, &a).contains(&"public_service"));

        let mut f = SystemFile::new("y");
        let mut a = BTreeSet::new();
        eu_deployer(&mut f, &mut a);
        ask(&mut f, &mut a, "annex_iii", ids(&["4.b"]));
        assert!(shown(&f, &a).contains(&"public_service"));
        assert!(
            shown(&f, &a).contains(&"workplace_use"),
            "4(b) may derogate"
        );
        ask(&mut f, &mut a, "art6_3", ids(&[]));
        // 4(b) is used on workers by definition (Art. 26(7)).
        assert!(!shown(&f, &a).contains(&"workplace_use"));
        ask(&mut f, &mut a, "public_body", Answer::Bool(true));
        assert!(!shown(&f, &a).contains(&"public_service"));
        ask(&mut f, &mut a, "public_body", Answer::Bool(false));
        assert!(shown(&f, &a).contains(&"public_service"));
        // 5(b): the assessment is owed whoever deploys it.
        ask(&mut f, &mut a, "annex_iii", ids(&["4.b", "5.b"]));
        assert!(!shown(&f, &a).contains(&"public_service"));
        // Point 2 alone: never owed.
        ask(&mut f, &mut a, "annex_iii", ids(&["2"]));
        assert!(!shown(&f, &a).contains(&"public_service"));
    }

    #[test]
    fn model_questions_follow_the_model_not_the_system() {
        // No EU link for the system: a model placed on the EU market is its
        // own link (Art. 2(1)(a)).
        let mut f = SystemFile::new("x");
        let mut a = BTreeSet::new();
        ask(&mut f, &mut a, "established_in_eu", Answer::Bool(false));
        ask(&mut f, &mut a, "eu_nexus", ids(&[]));
        let s = shown(&f, &a);
        assert!(
            !s.contains(&"annex_iii") && s.contains(&"gpai.provider"),
            "{s:?}"
        );
        ask(&mut f, &mut a, "gpai.provider", Answer::Bool(true));
        let s = shown(&f, &a);
        assert!(s.contains(&"gpai.designated") && s.contains(&"gpai.open_source"));
        // Compute above 10^25 FLOP: systemic anyway, no open-source relief.
        ask(&mut f, &mut a, "gpai.training_flops", Answer::Number(2e25));
        let s = shown(&f, &a);
        assert!(!s.contains(&"gpai.designated") && !s.contains(&"gpai.open_source"));
        ask(&mut f, &mut a, "gpai.training_flops", Answer::Number(1e24));
        ask(&mut f, &mut a, "gpai.designated", Answer::Bool(true));
        let s = shown(&f, &a);
        assert!(s.contains(&"gpai.designated") && !s.contains(&"gpai.open_source"));
        // A full exclusion covers models too.
        ask(&mut f, &mut a, "exclusions", ids(&["2.3"]));
        assert!(!shown(&f, &a).contains(&"gpai.provider"));
    }

    #[test]
    fn crime_reporting_not_asked_when_the_interaction_is_obvious() {
        let mut f = SystemFile::new("x");
        let mut a = BTreeSet::new();
        ask(&mut f, &mut a, "roles", ids(&["provider"]));
        ask(&mut f, &mut a, "art50", ids(&["50.1"]));
        ask(
            &mut f,
            &mut a,
            "art50_exceptions",
            ids(&["law_enforcement"]),
        );
        assert!(shown(&f, &a).contains(&"public_crime_reporting"));
        ask(
            &mut f,
            &mut a,
            "art50_exceptions",
            ids(&["50.1.obvious", "law_enforcement"]),
        );
        assert!(!shown(&f, &a).contains(&"public_crime_reporting"));
        // Unticking the derived Art. 50(3) basis drops the exception too.
        let mut g = SystemFile::new("y");
        let mut b = BTreeSet::new();
        ask(&mut g, &mut b, "annex_iii", ids(&["1.c"]));
        ask(
            &mut g,
            &mut b,
            "art50_exceptions",
            ids(&["law_enforcement"]),
        );
        assert_eq!(g.art50_exceptions, vec![Art50Exception::LawEnforcement]);
        ask(&mut g, &mut b, "annex_iii", ids(&["4.a"]));
        assert!(g.art50_exceptions.is_empty());
    }

    #[test]
    fn apply_writes_facts_and_unsure_and_current_reads_them_back() {
        let mut f = SystemFile::new("x");
        for q in &QUESTIONS {
            let a = match q.kind {
                K::YesNo => Answer::Bool(true),
                K::Multi => Answer::Ids {
                    ids: choices(q, &everything())
                        .iter()
                        .take(1)
                        .map(|s| (*s).to_owned())
                        .collect(),
                    unsure: true,
                },
                K::Date => Answer::Date(Date::new(2025, 1, 1)),
                K::Number => Answer::Number(1e25),
            };
            apply(q, &a, &mut f).unwrap();
            assert_eq!(current(q, &f), a, "{}", q.id);
        }
        assert!(
            f.roles == vec![Role::Provider] && f.profiling && f.gpai.as_ref().unwrap().designated
        );
        assert_eq!(f.unsure.len(), 11, "every multi question was marked unsure");
        let q = question(QuestionId::from_id("profiling").unwrap()).unwrap();
        apply(q, &Answer::NotSure, &mut f).unwrap();
        assert!(!f.profiling && f.unsure.contains(&FieldName::Profiling));
        apply(q, &Answer::Bool(true), &mut f).unwrap();
        assert!(!f.unsure.contains(&FieldName::Profiling));
    }

    #[test]
    fn bad_answers_are_errors_not_panics() {
        let mut f = SystemFile::new("x");
        let q = question(QuestionId::from_id("annex_iii").unwrap()).unwrap();
        assert_eq!(
            apply(q, &ids(&["4.z"]), &mut f),
            Err(AnswerError::UnknownId {
                question: q.id,
                id: "4.z".into()
            })
        );
        assert_eq!(
            apply(q, &Answer::Bool(true), &mut f),
            Err(AnswerError::WrongKind(q.id))
        );
        let q = question(QuestionId::from_id("gpai.training_flops").unwrap()).unwrap();
        assert_eq!(
            apply(q, &Answer::Number(-1.0), &mut f),
            Err(AnswerError::BadNumber(q.id))
        );
        assert_eq!(
            apply(q, &Answer::Number(f64::NAN), &mut f),
            Err(AnswerError::BadNumber(q.id))
        );
    }

    #[test]
    fn answered_by_file_reaches_every_relevant_question() {
        let mut f = SystemFile::new("x");
        f.roles = vec![Role::Deployer];
        f.annex_iii = vec![AnnexIiiPoint::P4A];
        let a = answered_by_file(&f);
        assert!(
            !a.contains(&QuestionId::from_id("art6_3").unwrap()),
            "no EU link: out of scope"
        );
        f.established_in_eu = true;
        let a = answered_by_file(&f);
        assert!(a.contains(&QuestionId::from_id("art6_3").unwrap()));
        assert!(a.contains(&QuestionId::from_id("public_body").unwrap()));
        assert_eq!(visible_questions(&f, &a).len(), a.len());
    }

    #[test]
    fn question_ids_serialize_as_strings() {
        let json = serde_json::to_string(&QuestionId::AI_SYSTEM).unwrap();
        assert_eq!(json, "\"ai_system\"");
        assert_eq!(
            serde_json::from_str::<QuestionId>(&json).unwrap(),
            QuestionId::AI_SYSTEM
        );
        assert!(serde_json::from_str::<QuestionId>("\"nope\"").is_err());
    }
}
