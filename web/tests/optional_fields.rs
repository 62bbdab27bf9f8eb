//! Native tests of the widget for the optional system-file fields
//! (`first_placed_on_market`, `significant_change`, `for_public_authorities`,
//! `public_crime_reporting`): asked through the reducer, linked from the
//! review list, kept by the store, the exports and the imports, and rendered.
#![cfg(feature = "ui")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test helpers outside #[test] fns"
)]

use aimskit_core::Date;
use aimskit_core::i18n::Lang;
use aimskit_core::questionnaire::{Answer, QuestionId};
use aimskit_core::triage::Tier;
use aimskit_web::state::files::{self, FileFormat};
use aimskit_web::state::store::{self, Loaded};
use aimskit_web::state::{Action, AppState};

mod support;
use support::{answers, fresh_on, ids, new_system, q, run};

fn day(s: &str) -> Date {
    s.parse().unwrap()
}

fn fresh(as_of: &str) -> AppState {
    fresh_on(day(as_of))
}

/// A CV-ranking provider (Annex III 4(a)), evaluated on 2028-01-15.
fn cv_ranking() -> AppState {
    new_system(
        fresh("2028-01-15"),
        "CV ranking",
        vec![
            ("ai_system", Answer::Bool(true)),
            ("roles", ids(&["provider"])),
            ("established_in_eu", Answer::Bool(true)),
            ("eu_nexus", ids(&["placed_on_market"])),
            ("exclusions", ids(&[])),
            ("art5", ids(&[])),
            ("annex_i", ids(&[])),
            ("annex_iii", ids(&["4.a"])),
            ("art6_3", ids(&[])),
            ("profiling", Answer::Bool(true)),
            ("art50", ids(&[])),
        ],
    )
}

fn art16_from(s: &AppState) -> Option<Date> {
    s.result()
        .unwrap()
        .obligations
        .iter()
        .find(|o| o.articles.iter().any(|a| a == "Art. 16"))
        .map(|o| o.applies_from)
}

#[test]
fn the_placing_date_review_points_to_its_question_and_answering_it_resolves_it() {
    let s = cv_ranking();
    let r = s.result().unwrap();
    assert_eq!(r.tier, Tier::HighRisk);
    let what_ifs = s.what_ifs(&r);
    let w = what_ifs
        .iter()
        .find(|w| w.field == "first_placed_on_market")
        .expect("the placing date is under review");
    assert_eq!(w.question.map(|q| q.id), Some(q("first_placed_on_market")));
    assert_eq!(w.flipped, None, "a date has no yes/no what-if");
    assert_eq!(art16_from(&s), Some(day("2027-12-02")));

    // The flow asks it right after the last question answered (Art. 50).
    assert_eq!(s.current_question().map(|q| q.id), Some(q("art50")));
    let next = run(s.clone(), vec![Action::Next]);
    assert_eq!(
        next.current_question().map(|q| q.id),
        Some(q("first_placed_on_market"))
    );

    // "Not sure" keeps the review.
    let unsure = run(
        s.clone(),
        answers(vec![("first_placed_on_market", Answer::NotSure)]),
    );
    assert!(
        unsure
            .result()
            .unwrap()
            .needs_review
            .iter()
            .any(|r| r.field == "first_placed_on_market")
    );

    // Placed before 2027-12-02, change not said: not exempt; the normal
    // dates stay and the review names the significant-change question.
    let placed = run(
        s,
        answers(vec![(
            "first_placed_on_market",
            Answer::Date(Some(day("2025-06-01"))),
        )]),
    );
    let review_fields = |s: &AppState| -> Vec<String> {
        s.result()
            .unwrap()
            .needs_review
            .into_iter()
            .map(|r| r.field)
            .collect()
    };
    assert_eq!(review_fields(&placed), ["significant_change"]);
    assert_eq!(art16_from(&placed), Some(day("2027-12-02")));
    let r = placed.result().unwrap();
    let w = &placed.what_ifs(&r)[0];
    assert_eq!(w.question.map(|q| q.id), Some(q("significant_change")));
    assert_eq!(w.flipped, None, "no answer changes the tier");
    assert!(w.review.why.contains("Art. 111(2)"), "{}", w.review.why);
    assert!(
        w.review.why.contains("drops Art. 9 (provider)"),
        "{}",
        w.review.why
    );
    // "Not sure" is kept as not said, and shown as such.
    let unsure = run(
        placed.clone(),
        answers(vec![("significant_change", Answer::NotSure)]),
    );
    assert_eq!(unsure.open_entry().unwrap().file.significant_change, None);
    assert_eq!(review_fields(&unsure), ["significant_change"]);

    // No significant change, public use not said: the public-authority date.
    let unchanged = run(
        placed,
        answers(vec![("significant_change", Answer::Bool(false))]),
    );
    assert_eq!(review_fields(&unchanged), ["for_public_authorities"]);
    assert_eq!(art16_from(&unchanged), Some(day("2030-08-02")));

    // Not for public authorities: Art. 111(2) exempts it.
    let private = run(
        unchanged.clone(),
        answers(vec![("for_public_authorities", Answer::Bool(false))]),
    );
    let r = private.result().unwrap();
    assert!(r.needs_review.is_empty(), "{:?}", r.needs_review);
    assert_eq!(art16_from(&private), None);
    assert!(r.trace.iter().any(|t| t.rule == "high_risk.legacy.exempt"));

    // Intended for public authorities: every high-risk duty from 2030-08-02.
    let public = run(
        unchanged,
        answers(vec![("for_public_authorities", Answer::Bool(true))]),
    );
    assert_eq!(art16_from(&public), Some(day("2030-08-02")));
    assert!(public.result().unwrap().needs_review.is_empty());
}

#[test]
fn crime_reporting_what_if_flips_the_tier() {
    let s = new_system(
        fresh("2026-11-29"),
        "Police chatbot",
        vec![
            ("roles", ids(&["provider"])),
            ("established_in_eu", Answer::Bool(true)),
            ("eu_nexus", ids(&["placed_on_market"])),
            ("art50", ids(&["50.1"])),
            ("art50_exceptions", ids(&["law_enforcement"])),
        ],
    );
    let r = s.result().unwrap();
    assert_eq!(r.tier, Tier::Minimal);
    let what_ifs = s.what_ifs(&r);
    let w = what_ifs
        .iter()
        .find(|w| w.field == "public_crime_reporting")
        .expect("under review");
    assert_eq!(w.question.map(|q| q.id), Some(q("public_crime_reporting")));
    assert_eq!(w.flipped, Some((true, Tier::Limited)));
    let s = run(
        s,
        answers(vec![("public_crime_reporting", Answer::Bool(true))]),
    );
    let r = s.result().unwrap();
    assert_eq!(r.tier, Tier::Limited);
    assert!(r.needs_review.is_empty());
}

fn answered_cv_ranking() -> AppState {
    run(
        cv_ranking(),
        answers(vec![
            (
                "first_placed_on_market",
                Answer::Date(Some(day("2025-06-01"))),
            ),
            ("significant_change", Answer::Bool(false)),
            ("for_public_authorities", Answer::Bool(true)),
        ]),
    )
}

#[test]
fn the_store_keeps_the_answers_and_which_questions_were_answered() {
    let s = answered_cv_ranking();
    let raw = store::encode(&s.inventory);
    assert!(
        raw.contains("\"first_placed_on_market\":\"2025-06-01\""),
        "{raw}"
    );
    let Loaded::Data(back) = store::decode(Some(raw)) else {
        panic!("store not readable")
    };
    assert_eq!(back, s.inventory);
    let entry = &back.systems[0];
    assert!(entry.answered.contains(&q("for_public_authorities")));
    assert_eq!(entry.file.first_placed_on_market, Some(day("2025-06-01")));
    assert_eq!(entry.file.for_public_authorities, Some(true));
    assert_eq!(entry.file.significant_change, Some(false));
}

#[test]
fn not_sure_survives_the_store_and_shows_as_not_sure() {
    let s = run(
        answered_cv_ranking(),
        answers(vec![("for_public_authorities", Answer::NotSure)]),
    );
    let Loaded::Data(back) = store::decode(Some(store::encode(&s.inventory))) else {
        panic!("store not readable")
    };
    let entry = &back.systems[0];
    assert_eq!(entry.file.for_public_authorities, None);
    assert!(entry.answered.contains(&q("for_public_authorities")));
    let qn = |id: &str| aimskit_core::questionnaire::question(q(id)).unwrap();
    use aimskit_core::questionnaire::current;
    assert_eq!(
        current(qn("for_public_authorities"), &entry.file),
        Answer::NotSure
    );
    assert_eq!(
        current(qn("significant_change"), &entry.file),
        Answer::Bool(false)
    );
}

#[test]
fn toml_and_json_exports_re_import_with_the_optional_fields() {
    let s = answered_cv_ranking();
    let file = s.inventory.systems[0].file.clone();
    for format in [FileFormat::Toml, FileFormat::Json] {
        let out = files::export_system(&file, format);
        assert!(out.text.contains("for_public_authorities"), "{}", out.text);
        let back = files::parse_import(&out.filename, &out.text).unwrap();
        assert_eq!(back, vec![file.clone()], "{format:?}");
    }
    let out = files::export_inventory(&s.inventory);
    let id = s.inventory.systems[0].id;
    let s = run(
        s,
        vec![
            Action::Delete(id),
            Action::ImportText {
                filename: out.filename,
                text: out.text,
            },
            Action::ConfirmImport,
        ],
    );
    let entry = &s.inventory.systems[0];
    assert_eq!(entry.file, file);
    // An imported file answers the questions it makes relevant.
    assert!(entry.answered.contains(&q("first_placed_on_market")));
    assert_eq!(art16_from(&s), Some(day("2030-08-02")));
}

mod render {
    use super::*;
    use aimskit_core::questionnaire::{current, question};
    use aimskit_web::components::question_form::{QuestionForm, QuestionFormProps};
    use aimskit_web::i18n::I18n;
    use yew::LocalServerRenderer;
    use yew::prelude::*;

    #[derive(Properties, PartialEq)]
    struct FormCase {
        lang: Lang,
        answered: bool,
    }

    #[function_component(FormHarness)]
    fn form_harness(p: &FormCase) -> Html {
        let q = question(QuestionId::from_id("first_placed_on_market").unwrap()).unwrap();
        let file = aimskit_core::system::SystemFile::new("x");
        let props = QuestionFormProps {
            question: q,
            answer: current(q, &file),
            answered: p.answered,
            choices: Vec::new(),
            on_answer: Callback::noop(),
        };
        html! {
            <ContextProvider<I18n> context={I18n { lang: p.lang }}>
                <QuestionForm ..props />
            </ContextProvider<I18n>>
        }
    }

    async fn render(lang: Lang, answered: bool) -> String {
        LocalServerRenderer::<FormHarness>::with_props(FormCase { lang, answered })
            .hydratable(false)
            .render()
            .await
    }

    #[tokio::test]
    async fn the_placing_date_is_a_date_field_whose_not_sure_shows_once_answered() {
        let html = render(Lang::En, false).await;
        assert!(
            html.contains("id=\"ak-q-first_placed_on_market\""),
            "{html}"
        );
        assert!(html.contains("type=\"date\"") && html.contains("Art. 111(2)"));
        assert!(
            !html.contains("checked"),
            "unanswered: nothing ticked: {html}"
        );
        let html = render(Lang::En, true).await;
        assert!(html.contains("checked"), "answered not sure: {html}");
        let de = render(Lang::De, false).await;
        assert!(de.contains("in Verkehr gebracht"), "{de}");
    }
}
