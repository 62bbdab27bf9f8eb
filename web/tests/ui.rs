//! Native tests of the widget: the reducer (state transitions calling core)
//! and component rendering to HTML with Yew's `LocalServerRenderer`.
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
use aimskit_web::state::files;
use aimskit_web::state::store::{self, Loaded, StoreProblem};
use aimskit_web::state::{Action, AppState, Persistence, View};

mod support;
use support::{answers, fresh_on, ids, new_system, q, run};

fn today() -> Date {
    Date::new(2026, 11, 29).unwrap()
}

fn fresh() -> AppState {
    fresh_on(today())
}

fn emotion_at_work() -> AppState {
    new_system(
        fresh(),
        "Mood monitor",
        vec![
            ("ai_system", Answer::Bool(true)),
            ("roles", ids(&["deployer"])),
            ("established_in_eu", Answer::Bool(true)),
            ("art5", ids(&["5.1.f"])),
            ("art5_exceptions", ids(&[])),
        ],
    )
}

/// A deployer of credit scoring (Annex III 5(b)) that profiles people.
fn credit_scoring() -> AppState {
    new_system(
        fresh(),
        "Credit scoring",
        vec![
            ("roles", ids(&["deployer"])),
            ("established_in_eu", Answer::Bool(true)),
            ("annex_iii", ids(&["5.b"])),
            ("profiling", Answer::Bool(true)),
        ],
    )
}

#[test]
fn new_system_opens_in_triage_with_a_unique_name() {
    let s = run(
        fresh(),
        vec![
            Action::NewSystem("Bot".into()),
            Action::NewSystem("Bot".into()),
        ],
    );
    assert_eq!(s.inventory.systems.len(), 2);
    assert_eq!(s.inventory.systems[1].file.name, "Bot (2)");
    assert_eq!(s.view, View::Triage);
    assert_eq!(s.open, Some(s.inventory.systems[1].id));
    assert_eq!(s.revision, 2);
    assert_eq!(s.current_question().unwrap().id, q("ai_system"));
}

#[test]
fn prohibited_practice_triage_skips_the_high_risk_walk_through() {
    let s = emotion_at_work();
    let r = s.result().unwrap();
    assert_eq!(r.tier, Tier::Prohibited);
    assert_eq!(r.prohibited, vec!["5.1.f"]);
    let shown: Vec<_> = s
        .visible_questions()
        .iter()
        .map(|q| q.id.as_str())
        .collect();
    assert!(
        !shown.contains(&"annex_iii") && !shown.contains(&"art50"),
        "{shown:?}"
    );
    assert!(
        r.obligations
            .iter()
            .any(|o| o.id == "prohibited.5.1.f" && o.applicable)
    );
}

#[test]
fn high_risk_deployer_of_credit_scoring_gets_a_fria() {
    let s = credit_scoring();
    let r = s.result().unwrap();
    assert_eq!(r.tier, Tier::HighRisk);
    let fria = r
        .obligations
        .iter()
        .find(|o| o.id == "hr.fria")
        .expect("FRIA duty");
    assert!(!fria.applicable, "Annex III duties apply from 2027-12-02");
    assert_eq!(fria.applies_from, Date::new(2027, 12, 2).unwrap());
    // The as-of date moves with the picker.
    let later = run(s, vec![Action::SetAsOf(Date::new(2028, 1, 1).unwrap())]);
    assert!(
        later
            .result()
            .unwrap()
            .obligations
            .iter()
            .all(|o| o.applicable)
    );
}

#[test]
fn chatbot_is_limited_and_unsure_facts_give_a_what_if() {
    let s = new_system(
        fresh(),
        "Support chatbot",
        vec![
            ("roles", ids(&["provider"])),
            ("established_in_eu", Answer::Bool(true)),
            ("eu_nexus", ids(&["placed_on_market"])),
            ("art50", ids(&["50.1"])),
        ],
    );
    let r = s.result().unwrap();
    assert_eq!(r.tier, Tier::Limited);
    assert_eq!(r.transparency, vec!["50.1"]);
    assert!(
        r.obligations
            .iter()
            .any(|o| o.id == "transparency.interaction")
    );

    let s = run(s, answers(vec![("ai_system", Answer::NotSure)]));
    let r = s.result().unwrap();
    let what_ifs = s.what_ifs(&r);
    let w = what_ifs
        .iter()
        .find(|w| w.field == "ai_system")
        .expect("ai_system under review");
    assert_eq!(w.flipped, Some((false, Tier::NotAiSystem)));
}

#[test]
fn next_and_back_move_through_visible_questions_and_keep_answers() {
    let s = run(
        fresh(),
        vec![
            Action::NewSystem("x".into()),
            Action::Answer(q("ai_system"), Answer::Bool(true)),
        ],
    );
    let s = run(s, vec![Action::Next]);
    assert_eq!(s.current_question().unwrap().id, q("roles"));
    let s = run(s, vec![Action::Next]);
    assert_eq!(s.current_question().unwrap().id, q("established_in_eu"));
    assert!(
        s.open_entry().unwrap().answered.contains(&q("roles")),
        "leaving a multi-select answers it"
    );
    let s = run(s, vec![Action::Back, Action::Back, Action::Back]);
    assert_eq!(s.current_question().unwrap().id, q("ai_system"));
    assert!(s.open_entry().unwrap().file.ai_system);
    let p = s.progress();
    assert_eq!((p.position, p.answered), (1, 2));
    let s = run(s, vec![Action::Goto(q("exclusions"))]);
    assert_eq!(s.current_question().unwrap().id, q("exclusions"));
}

#[test]
fn rename_duplicate_delete_and_undo() {
    let s = run(
        fresh(),
        vec![Action::NewSystem("A".into()), Action::NewSystem("B".into())],
    );
    let (a, b) = (s.inventory.systems[0].id, s.inventory.systems[1].id);
    let s = run(s, vec![Action::Rename(a, "B".into())]);
    assert_eq!(
        s.inventory.get(a).unwrap().file.name,
        "A",
        "names stay unique"
    );
    let s = run(
        s,
        vec![Action::Rename(a, " Alpha ".into()), Action::Duplicate(a)],
    );
    let names: Vec<_> = s
        .inventory
        .systems
        .iter()
        .map(|x| x.file.name.as_str())
        .collect();
    assert_eq!(names, vec!["Alpha", "Alpha (2)", "B"]);
    let s = run(s, vec![Action::Delete(b)]);
    assert_eq!(s.inventory.systems.len(), 2);
    assert_eq!(s.undo.as_ref().unwrap().entry.file.name, "B");
    let s = run(s, vec![Action::Undo]);
    assert_eq!(s.inventory.systems[2].file.name, "B");
    assert!(s.undo.is_none());
}

#[test]
fn export_clear_import_gives_the_same_results() {
    let s = emotion_at_work();
    let before: Vec<_> = s.inventory.systems.iter().map(|x| x.file.clone()).collect();
    let out = files::export_inventory(&s.inventory);
    let id = s.inventory.systems[0].id;
    let cleared = run(s, vec![Action::Delete(id)]);
    assert!(cleared.inventory.systems.is_empty());
    let s = run(
        cleared,
        vec![Action::ImportText {
            filename: out.filename,
            text: out.text,
        }],
    );
    assert!(
        s.inventory.systems.is_empty(),
        "nothing changes before confirmation"
    );
    assert_eq!(s.import.as_ref().unwrap().items.len(), 1);
    let s = run(s, vec![Action::ConfirmImport]);
    let after: Vec<_> = s.inventory.systems.iter().map(|x| x.file.clone()).collect();
    assert_eq!(after, before);
    assert_eq!(s.result().unwrap().tier, Tier::Prohibited);

    let s = run(
        s,
        vec![Action::ImportText {
            filename: "bad.toml".into(),
            text: "name = 1".into(),
        }],
    );
    assert!(s.import.is_none());
    assert!(matches!(
        s.notice,
        Some(aimskit_web::state::Notice::ImportFailed(_))
    ));
}

#[test]
fn storage_failures_never_lose_or_overwrite_data() {
    let s = run(
        fresh(),
        vec![Action::NewSystem("x".into()), Action::StorageFailed],
    );
    assert_eq!(s.persistence, Persistence::MemoryOnly);
    assert!(!s.autosave());
    let refused = Loaded::Refused {
        raw: "{garbage".into(),
        problem: StoreProblem::Unreadable("x".into()),
    };
    let s = AppState::new(Lang::De, View::ALL.to_vec(), None, today(), refused, true);
    assert!(!s.autosave(), "a refused store is never written over");
    let s = run(
        s,
        vec![Action::NewSystem("y".into()), Action::StorageFailed],
    );
    assert!(matches!(s.persistence, Persistence::Refused { ref raw, .. } if raw == "{garbage"));
    // A good store loads back.
    let good = emotion_at_work();
    let back = AppState::new(
        Lang::En,
        View::ALL.to_vec(),
        None,
        today(),
        store::decode(Some(store::encode(&good.inventory))),
        true,
    );
    assert_eq!(back.inventory, good.inventory);
}

mod render {
    use super::*;
    use aimskit_core::questionnaire::question;
    use aimskit_web::components::question_form::{QuestionForm, QuestionFormProps};
    use aimskit_web::components::result_panel::{ResultPanel, ResultPanelProps};
    use aimskit_web::i18n::I18n;
    use yew::LocalServerRenderer;
    use yew::prelude::*;

    #[derive(Properties, PartialEq)]
    struct WithLang {
        lang: Lang,
        children: Html,
    }

    #[function_component(LangWrap)]
    fn lang_wrap(p: &WithLang) -> Html {
        html! { <ContextProvider<I18n> context={I18n { lang: p.lang }}>{ p.children.clone() }</ContextProvider<I18n>> }
    }

    #[derive(Properties, PartialEq)]
    struct FormCase {
        lang: Lang,
        id: &'static str,
    }

    #[function_component(FormHarness)]
    fn form_harness(p: &FormCase) -> Html {
        let q = question(QuestionId::from_id(p.id).unwrap()).unwrap();
        let mut file = aimskit_core::system::SystemFile::new("x");
        file.art5 = vec![aimskit_core::system::Art5Practice::F];
        let props = QuestionFormProps {
            question: q,
            answer: aimskit_core::questionnaire::current(q, &file),
            answered: false,
            choices: aimskit_core::questionnaire::choices(q, &file),
            on_answer: Callback::noop(),
        };
        html! { <LangWrap lang={p.lang}><QuestionForm ..props /></LangWrap> }
    }

    #[tokio::test]
    async fn a_question_is_a_fieldset_with_legend_help_example_article_and_not_sure() {
        let html = LocalServerRenderer::<FormHarness>::with_props(FormCase {
            lang: Lang::En,
            id: "profiling",
        })
        .hydratable(false)
        .render()
        .await;
        assert!(html.contains("<fieldset"), "{html}");
        assert!(
            html.contains("<legend>Does the system profile natural persons?</legend>"),
            "{html}"
        );
        assert!(html.contains("GDPR Art. 4(4)") && html.contains("Art. 6(3)"));
        assert!(html.contains("Not sure"));
        assert!(
            !html.contains("checked"),
            "an unanswered question shows no choice: {html}"
        );

        let de = LocalServerRenderer::<FormHarness>::with_props(FormCase {
            lang: Lang::De,
            id: "art5_exceptions",
        })
        .hydratable(false)
        .render()
        .await;
        assert!(
            de.contains("aus medizinischen Gründen oder Sicherheitsgründen"),
            "{de}"
        );
        assert!(
            !de.contains("5.1.h.i"),
            "only the exceptions of ticked practices are offered"
        );
    }

    /// The result panel of the selected system of `s`, in `lang`.
    fn result_panel(s: &AppState, lang: Lang) -> Html {
        let result = s.result().unwrap();
        let props = ResultPanelProps {
            what_ifs: s.what_ifs(&result),
            result,
            on_as_of: Callback::noop(),
            on_print: Callback::noop(),
        };
        html! { <LangWrap lang={lang}><ResultPanel ..props /></LangWrap> }
    }

    #[derive(Properties, PartialEq)]
    struct ResultCase {
        lang: Lang,
    }

    #[function_component(ResultHarness)]
    fn result_harness(p: &ResultCase) -> Html {
        result_panel(&emotion_at_work(), p.lang)
    }

    #[tokio::test]
    async fn the_result_is_announced_and_cites_its_articles() {
        let html = LocalServerRenderer::<ResultHarness>::with_props(ResultCase { lang: Lang::En })
            .hydratable(false)
            .render()
            .await;
        assert!(html.contains(r#"aria-live="polite""#), "{html}");
        assert!(html.contains(r#"data-tier="prohibited""#));
        assert!(
            html.contains("Art. 5(1)(f)"),
            "the trace cites the article: {html}"
        );
        assert!(html.contains("2026-11-29") && html.contains("not legal advice"));
        let de = LocalServerRenderer::<ResultHarness>::with_props(ResultCase { lang: Lang::De })
            .hydratable(false)
            .render()
            .await;
        assert!(
            de.contains("Verbotene Praktik")
                && de.contains("Betreiber")
                && de.contains("keine Rechtsberatung"),
            "{de}"
        );
    }

    #[derive(Properties, PartialEq)]
    struct HighRiskCase {
        lang: Lang,
    }

    #[function_component(HighRiskHarness)]
    fn high_risk_harness(p: &HighRiskCase) -> Html {
        result_panel(&credit_scoring(), p.lang)
    }

    async fn high_risk(lang: Lang) -> String {
        LocalServerRenderer::<HighRiskHarness>::with_props(HighRiskCase { lang })
            .hydratable(false)
            .render()
            .await
    }

    /// The cells of the FRIA duty's row in the obligation table.
    fn fria_row(html: &str) -> String {
        let row = html.split(r#"data-obligation="hr.fria""#).nth(1).unwrap();
        row.split("</tr>").next().unwrap().to_owned()
    }

    #[tokio::test]
    async fn the_obligation_table_shows_dates_in_the_language() {
        // The FRIA duty applies from 2027-12-02 (Annex III).
        let en = high_risk(Lang::En).await;
        assert!(fria_row(&en).contains("<td>2027-12-02</td>"), "{en}");
        let de = high_risk(Lang::De).await;
        assert!(fria_row(&de).contains("<td>02.12.2027</td>"), "{de}");
        assert!(!de.contains("2027-12-02"), "{de}");
        // Reasons in running text take the long form.
        assert!(de.contains("ab 2. Dezember 2027"), "{de}");
        for lang in [Lang::Fr, Lang::It] {
            let html = high_risk(lang).await;
            assert!(fria_row(&html).contains("<td>02.12.2027</td>"), "{html}");
            assert!(!html.contains("2027-12-02"), "{html}");
        }
        // The date input keeps the value form the browser expects.
        assert!(
            de.contains(r#"type="date""#) && de.contains(r#"value="2026-11-29""#),
            "{de}"
        );
    }

    #[tokio::test]
    async fn the_app_renders_its_shell_without_a_browser() {
        let html = LocalServerRenderer::<aimskit_web::app::App>::new()
            .hydratable(false)
            .render()
            .await;
        assert!(html.contains("aimskit") && html.contains("Nothing you enter leaves this device"));
        assert!(
            html.contains("AI system inventory"),
            "the inventory is the first view: {html}"
        );
        assert!(
            html.contains("does not let aimskit save"),
            "no storage natively: the user is told"
        );
    }
}
