//! The triage view: the open system's questionnaire next to its live result.

use aimskit_core::questionnaire;
use yew::prelude::*;

use super::progress_bar::{ProgressBarProps, progress_bar};
use super::question_form::QuestionForm;
use super::result_panel::ResultPanel;
use super::use_i18n;
use crate::app::AppContext;
use crate::dom;
use crate::state::files::{self, FileFormat};
use crate::state::{Action, View};

/// The triage view (reads the app context).
#[function_component(TriageView)]
pub fn triage_view() -> Html {
    let i = use_i18n();
    let Some(state) = use_context::<AppContext>() else {
        return html! {};
    };
    let Some(entry) = state.open_entry() else {
        let s = state.clone();
        return html! {
            <section class="ak-view ak-triage" aria-labelledby="ak-triage-title">
                <h2 id="ak-triage-title">{ i.t("ui.view.triage") }</h2>
                <p>{ i.t("ui.triage.none_open") }</p>
                <button type="button" class="ak-button ak-primary" onclick={Callback::from(move |_| s.dispatch(Action::SetView(View::Inventory)))}>
                    { i.t("ui.triage.to_inventory") }
                </button>
            </section>
        };
    };
    let id = entry.id;
    let visible = state.visible_questions();
    let current = state.current_question();
    let progress = state.progress();
    let result = state.result();
    let cb = |action: Action| {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(action.clone()))
    };
    let export = |fmt: FileFormat| {
        let file = entry.file.clone();
        Callback::from(move |_: MouseEvent| {
            dom::download(&files::export_system(&file, fmt));
        })
    };
    let on_describe = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            state.dispatch(Action::Describe(
                id,
                e.target_unchecked_into::<web_sys::HtmlTextAreaElement>()
                    .value(),
            ))
        })
    };
    let form = current.map(|q| {
        let state = state.clone();
        let on_answer = Callback::from(move |a| state.dispatch(Action::Answer(q.id, a)));
        html! {
            <QuestionForm key={q.id.as_str()} question={q} answer={questionnaire::current(q, &entry.file)}
                answered={entry.answered.contains(&q.id)} choices={questionnaire::choices(q, &entry.file)} {on_answer} />
        }
    });
    let position = progress.position;
    let on_as_of = {
        let s = state.clone();
        Callback::from(move |d| s.dispatch(Action::SetAsOf(d)))
    };
    let what_ifs = result
        .as_ref()
        .map(|r| state.what_ifs(r))
        .unwrap_or_default();
    html! {
        <section class="ak-view ak-triage" aria-labelledby="ak-triage-title">
            <div class="ak-system-head">
                <h2 id="ak-triage-title">{ &entry.file.name }</h2>
                <div class="ak-actions ak-no-print">
                    <button type="button" class="ak-button" id="ak-export-toml" onclick={export(FileFormat::Toml)}>{ i.t("ui.triage.export_toml") }</button>
                    <button type="button" class="ak-button" id="ak-export-json" onclick={export(FileFormat::Json)}>{ i.t("ui.triage.export_json") }</button>
                </div>
            </div>
            <div class="ak-describe ak-no-print">
                <label for="ak-description">{ i.t("ui.triage.description") }</label>
                <textarea id="ak-description" rows="2" value={entry.file.description.clone()} onchange={on_describe} />
            </div>
            <div class="ak-triage-body">
                <div class="ak-questionnaire ak-no-print">
                    { current.map(|q| progress_bar(&i, &ProgressBarProps { progress, section_key: q.section.key() })).unwrap_or_default() }
                    { form.unwrap_or_default() }
                    <div class="ak-step-nav">
                        <button type="button" class="ak-button" id="ak-back" disabled={position <= 1} onclick={cb(Action::Back)}>{ i.t("ui.back") }</button>
                        <button type="button" class="ak-button ak-primary" id="ak-next" disabled={position >= visible.len()} onclick={cb(Action::Next)}>{ i.t("ui.next") }</button>
                    </div>
                    <nav class="ak-question-list" aria-label={i.t("ui.triage.all_questions")}>
                        <h3>{ i.t("ui.triage.all_questions") }</h3>
                        <ol>
                            { for visible.iter().map(|q| {
                                let here = current.is_some_and(|c| c.id == q.id);
                                let done = entry.answered.contains(&q.id);
                                html! {
                                    <li class={classes!(done.then_some("ak-done"))}>
                                        <button type="button" class="ak-link" aria-current={here.then_some("step")} onclick={cb(Action::Goto(q.id))}>
                                            { i.t(&q.text_key()) }
                                        </button>
                                        if done { <span class="ak-visually-hidden">{ i.t("ui.triage.answered") }</span> }
                                    </li>
                                }
                            }) }
                        </ol>
                    </nav>
                </div>
                { result.map(|r| html! {
                    <ResultPanel result={r} {what_ifs} {on_as_of} on_print={Callback::from(|_| dom::print())} />
                }).unwrap_or_default() }
            </div>
        </section>
    }
}
