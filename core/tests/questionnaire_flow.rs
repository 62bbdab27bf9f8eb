//! The questionnaire's flow against the triage engine: for many generated
//! answer sets, walk the questionnaire as the widget does (always the first
//! visible question not yet answered), then answer every question the flow
//! skipped in every way the form could, re-run the triage and check that
//! the result does not change. A skipped question that can change the
//! result is a counterexample (the flow encodes different law than the
//! engine).
//!
//! The compared result is what the contract calls the outcome: tier,
//! prohibited practices, high-risk basis, derogation, transparency, GPAI
//! status, effective roles and the obligations (ID, role, date,
//! applicability); see [`outcome`].

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "test code may panic on broken fixtures"
)]

use std::collections::BTreeSet;

use aimskit_core::Date;
use aimskit_core::questionnaire::{
    Answer, AnswerKind, QUESTIONS, Question, QuestionId, answered_by_file, apply, choices,
    visible_questions,
};
use aimskit_core::system::{AnnexIPoint, Art5Practice, Art50Provision, SystemFile, to_json};
use aimskit_core::triage::{Tier, TriageResult, triage};

/// A small deterministic generator (xorshift64*), so failures name a seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn chance(&mut self, p: f64) -> bool {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }
    fn pick<T: Copy>(&mut self, v: &[T]) -> T {
        v[(self.next() % v.len() as u64) as usize]
    }
}

/// Every choice a multi-select question can offer.
fn all_choices(q: &Question) -> Vec<&'static str> {
    let mut f = SystemFile::new("all");
    f.art5 = Art5Practice::ALL.to_vec();
    f.art50 = Art50Provision::ALL.to_vec();
    f.annex_i = AnnexIPoint::ALL.to_vec();
    f.annex_iii = aimskit_core::system::AnnexIiiPoint::ALL.to_vec();
    choices(q, &f)
}

fn dates() -> Vec<Date> {
    [
        "2024-06-01",
        "2025-09-01",
        "2026-09-01",
        "2027-12-01",
        "2028-01-01",
        "2028-09-01",
    ]
    .iter()
    .map(|s| s.parse().unwrap())
    .collect()
}

const FLOPS: [f64; 5] = [0.0, 1e22, 5e23, 1e25, 2e25];

/// How likely each ID of a multi-select is ticked (rare practices, more
/// common roles), so that the walk reaches every branch of the flow.
fn tick_chance(id: QuestionId) -> f64 {
    match id.as_str() {
        "roles" => 0.35,
        "eu_nexus" => 0.3,
        "exclusions" => 0.04,
        "art5" => 0.04,
        "art5_exceptions" => 0.4,
        "annex_i" => 0.03,
        "annex_iii" => 0.04,
        "art6_3" => 0.15,
        "value_chain" => 0.15,
        "art50" => 0.2,
        "art50_exceptions" => 0.25,
        _ => 0.1,
    }
}

/// The answer the generated user gives to `q` (multi-selects are filtered
/// to what the form offers when the question is asked).
fn planned(rng: &mut Rng, q: &Question) -> Answer {
    let unsure = rng.chance(0.08);
    match q.kind {
        AnswerKind::YesNo if unsure => Answer::NotSure,
        AnswerKind::YesNo => Answer::Bool(rng.chance(match q.id.as_str() {
            "ai_system" => 0.95,
            "established_in_eu" => 0.7,
            "annex_i_third_party" | "gpai.provider" => 0.5,
            _ => 0.3,
        })),
        AnswerKind::Multi => {
            let p = tick_chance(q.id);
            let ids = all_choices(q)
                .into_iter()
                .filter(|_| rng.chance(p))
                .map(str::to_owned)
                .collect();
            Answer::Ids { ids, unsure }
        }
        AnswerKind::Date if unsure => Answer::NotSure,
        AnswerKind::Date => {
            let mut d: Vec<Option<Date>> = dates().into_iter().map(Some).collect();
            d.push(None);
            Answer::Date(rng.pick(&d))
        }
        AnswerKind::Number if unsure => Answer::NotSure,
        AnswerKind::Number => Answer::Number(rng.pick(&FLOPS)),
    }
}

fn offered(q: &Question, file: &SystemFile, a: &Answer) -> Answer {
    match a {
        Answer::Ids { ids, unsure } => {
            let c = choices(q, file);
            Answer::Ids {
                ids: ids
                    .iter()
                    .filter(|i| c.contains(&i.as_str()))
                    .cloned()
                    .collect(),
                unsure: *unsure,
            }
        }
        other => other.clone(),
    }
}

/// Every answer the form could give to `q` now (multi-selects: none, each
/// single choice, all choices, and "not sure").
fn alternatives(q: &Question, file: &SystemFile) -> Vec<Answer> {
    match q.kind {
        AnswerKind::YesNo => vec![Answer::Bool(true), Answer::Bool(false), Answer::NotSure],
        AnswerKind::Multi => {
            let c = choices(q, file);
            let ids = |v: &[&str], unsure| Answer::Ids {
                ids: v.iter().map(|s| (*s).to_owned()).collect(),
                unsure,
            };
            let mut out = vec![ids(&[], false), ids(&[], true), ids(&c, false)];
            out.extend(c.iter().map(|one| ids(&[*one], false)));
            out
        }
        AnswerKind::Date => {
            let mut out: Vec<Answer> = dates().into_iter().map(|d| Answer::Date(Some(d))).collect();
            out.push(Answer::Date(None));
            out.push(Answer::NotSure);
            out
        }
        AnswerKind::Number => {
            let mut out: Vec<Answer> = FLOPS.iter().map(|n| Answer::Number(*n)).collect();
            out.push(Answer::NotSure);
            out
        }
    }
}

/// The outcome compared: the contract's decision fields. Two parts of the
/// result are informational where they cannot bind anyone and are left out:
/// the effective roles of a system outside the Act (the declared roles are
/// echoed; nothing is owed) and the Art. 50 list of a system whose use or
/// placing is banned (the flow does not walk through transparency once a
/// binding prohibition is settled, docs/legal-notes.md "Questionnaire flow";
/// a duty that still binds shows in the obligations). `needs_review` is not
/// compared: a skipped fact that is answered only adds consistency checks
/// (e.g. compute above 10^23 FLOP after "we place no model").
fn outcome(r: &TriageResult) -> String {
    let obligations: Vec<String> = r
        .obligations
        .iter()
        .map(|o| {
            format!(
                "{}/{}/{}/{}",
                o.id,
                o.role.as_str(),
                o.applies_from,
                o.applicable
            )
        })
        .collect();
    let in_scope = !matches!(r.tier, Tier::NotAiSystem | Tier::OutOfScope);
    let banned = r.tier == Tier::Prohibited;
    format!(
        "tier={:?} prohibited={:?} basis={:?} derogation={:?} transparency={:?} gpai={:?} roles={:?} obligations={:?}",
        r.tier,
        r.prohibited,
        r.high_risk_basis,
        r.derogation,
        if banned {
            Vec::new()
        } else {
            r.transparency.clone()
        },
        r.gpai,
        if in_scope {
            r.roles.clone()
        } else {
            Vec::new()
        },
        obligations,
    )
}

/// Walks the questionnaire for one seed; returns the final file and the
/// answered set.
fn walk(seed: u64) -> (SystemFile, BTreeSet<QuestionId>) {
    let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let plan: Vec<Answer> = QUESTIONS.iter().map(|q| planned(&mut rng, q)).collect();
    let mut file = SystemFile::new(format!("seed {seed}"));
    let mut answered = BTreeSet::new();
    for _ in 0..(3 * QUESTIONS.len()) {
        let next = visible_questions(&file, &answered)
            .into_iter()
            .find(|q| !answered.contains(&q.id));
        let Some(q) = next else { break };
        let i = QUESTIONS.iter().position(|x| x.id == q.id).unwrap();
        apply(q, &offered(q, &file, &plan[i]), &mut file).unwrap();
        answered.insert(q.id);
    }
    (file, answered)
}

struct Counterexample {
    seed: u64,
    as_of: Date,
    question: &'static str,
    answer: Answer,
    before: String,
    after: String,
    file: String,
}

fn counterexamples(seeds: std::ops::Range<u64>) -> Vec<Counterexample> {
    let as_ofs: Vec<Date> = ["2026-11-29", "2027-06-01", "2028-09-01", "2031-01-01"]
        .iter()
        .map(|s| s.parse().unwrap())
        .collect();
    let mut out = Vec::new();
    for seed in seeds {
        let (file, answered) = walk(seed);
        let as_of = as_ofs[(seed % as_ofs.len() as u64) as usize];
        let shown: BTreeSet<QuestionId> = visible_questions(&file, &answered)
            .iter()
            .map(|q| q.id)
            .collect();
        for q in QUESTIONS.iter().filter(|q| !shown.contains(&q.id)) {
            let before = outcome(&triage(&file, as_of));
            for alt in alternatives(q, &file) {
                let mut f = file.clone();
                if apply(q, &alt, &mut f).is_err() {
                    continue;
                }
                let after = outcome(&triage(&f, as_of));
                if after != before {
                    out.push(Counterexample {
                        seed,
                        as_of,
                        question: q.id.as_str(),
                        answer: alt,
                        before: before.clone(),
                        after,
                        file: to_json(&file),
                    });
                    break;
                }
            }
        }
    }
    out
}

fn report(found: &[Counterexample]) -> String {
    let mut by_q: std::collections::BTreeMap<&str, usize> = Default::default();
    for c in found {
        *by_q.entry(c.question).or_default() += 1;
    }
    let mut s = format!("{} counterexamples by question: {by_q:?}\n", found.len());
    let mut seen = BTreeSet::new();
    for c in found.iter().filter(|c| seen.insert(c.question)).take(12) {
        s.push_str(&format!(
            "\n- seed {} as_of {}: skipped `{}` answered {:?} changes\n  {}\n  to\n  {}\n  file: {}\n",
            c.seed, c.as_of, c.question, c.answer, c.before, c.after, c.file
        ));
    }
    s
}

#[test]
fn a_skipped_question_never_changes_the_triage() {
    let found = counterexamples(0..600);
    assert!(found.is_empty(), "{}", report(&found));
}

/// Many more seeds; run with `cargo test -p aimskit-core --test
/// questionnaire_flow -- --ignored` after changing the flow or the engine.
#[test]
#[ignore]
fn a_skipped_question_never_changes_the_triage_many_seeds() {
    let found = counterexamples(600..20_000);
    assert!(found.is_empty(), "{}", report(&found));
}

/// The walk reaches the interesting parts of the flow (so that the property
/// above is not vacuous).
#[test]
fn the_walk_reaches_every_question() {
    let mut asked: BTreeSet<QuestionId> = BTreeSet::new();
    for seed in 0..600 {
        let (_, answered) = walk(seed);
        asked.extend(answered);
    }
    let never: Vec<&str> = QUESTIONS
        .iter()
        .filter(|q| !asked.contains(&q.id))
        .map(|q| q.id.as_str())
        .collect();
    assert!(never.is_empty(), "never asked: {never:?}");
}

/// An imported file counts as answering every question it makes relevant,
/// and that set is a fixed point of the flow (no question hides another
/// back and forth).
#[test]
fn an_imported_file_answers_a_fixed_point() {
    for seed in 0..600 {
        let (file, _) = walk(seed);
        let answered = answered_by_file(&file);
        let shown: BTreeSet<QuestionId> = visible_questions(&file, &answered)
            .iter()
            .map(|q| q.id)
            .collect();
        assert_eq!(shown, answered, "seed {seed}: {}", to_json(&file));
    }
}
