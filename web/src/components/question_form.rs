//! One question as a fieldset: the question as legend, short help, examples,
//! the article, and the answer controls (always including "not sure").

use aimskit_core::Date;
use aimskit_core::questionnaire::{self, Answer, AnswerKind, Question};
use yew::prelude::*;

use super::use_i18n;
use crate::i18n::I18n;

/// Props of [`QuestionForm`].
#[derive(Debug, Properties, PartialEq)]
pub struct QuestionFormProps {
    /// The question.
    pub question: &'static Question,
    /// The answer the file holds now.
    pub answer: Answer,
    /// Whether the user has answered it (unanswered yes/no shows no choice).
    pub answered: bool,
    /// The choices of a multi-select question.
    pub choices: Vec<&'static str>,
    /// A new answer.
    pub on_answer: Callback<Answer>,
}

/// The question form.
#[function_component(QuestionForm)]
pub fn question_form(props: &QuestionFormProps) -> Html {
    let i = use_i18n();
    let q = props.question;
    let base = format!("ak-q-{}", q.id.as_str().replace('.', "-"));
    let help_id = format!("{base}-help");
    let controls = match q.kind {
        AnswerKind::YesNo => yes_no(&i, props, &base),
        AnswerKind::Multi => multi(&i, props, &base),
        AnswerKind::Date => date(&i, props, &base),
        AnswerKind::Number => number(&i, props, &base),
    };
    html! {
        <fieldset class="ak-question" id={base.clone()} aria-describedby={help_id.clone()}>
            <legend>{ i.t(&q.text_key()) }</legend>
            <div id={help_id} class="ak-help">
                <p>{ i.t(&q.help_key()) }</p>
                <p class="ak-example"><span class="ak-label">{ i.t("ui.example") }</span>{ " " }{ i.t(&q.example_key()) }</p>
                <p class="ak-article"><span class="ak-label">{ i.t("ui.source") }</span>{ " " }{ q.article }</p>
            </div>
            { controls }
        </fieldset>
    }
}

fn radio(name: &str, id: String, label: String, checked: bool, onchange: Callback<Event>) -> Html {
    html! {
        <div class="ak-choice">
            <input type="radio" name={name.to_owned()} id={id.clone()} {checked} {onchange} />
            <label for={id}>{ label }</label>
        </div>
    }
}

fn yes_no(i: &I18n, props: &QuestionFormProps, base: &str) -> Html {
    let shown = if props.answered {
        Some(props.answer.clone())
    } else {
        None
    };
    let pick = |a: Answer| {
        let cb = props.on_answer.clone();
        Callback::from(move |_: Event| cb.emit(a.clone()))
    };
    html! {
        <div class="ak-choices ak-inline">
            { radio(base, format!("{base}-yes"), i.t("ui.yes"), shown == Some(Answer::Bool(true)), pick(Answer::Bool(true))) }
            { radio(base, format!("{base}-no"), i.t("ui.no"), shown == Some(Answer::Bool(false)), pick(Answer::Bool(false))) }
            { radio(base, format!("{base}-unsure"), i.t("ui.not_sure"), shown == Some(Answer::NotSure), pick(Answer::NotSure)) }
        </div>
    }
}

fn multi(i: &I18n, props: &QuestionFormProps, base: &str) -> Html {
    let (ticked, unsure) = match &props.answer {
        Answer::Ids { ids, unsure } => (ids.clone(), *unsure),
        _ => (Vec::new(), false),
    };
    let mut last_group: Option<String> = None;
    let items = props.choices.iter().map(|id| {
        let group = questionnaire::choice_group_key(props.question, id);
        let heading = if group.is_some() && group != last_group {
            last_group = group.clone();
            group.map(|g| html! { <p class="ak-group">{ i.t(&g) }</p> })
        } else {
            None
        };
        let checked = ticked.iter().any(|t| t == id);
        let cb = props.on_answer.clone();
        let (id_s, ticked_c) = ((*id).to_owned(), ticked.clone());
        let onchange = Callback::from(move |e: Event| {
            let on = e.target_unchecked_into::<web_sys::HtmlInputElement>().checked();
            let mut ids: Vec<String> = ticked_c.iter().filter(|t| **t != id_s).cloned().collect();
            if on {
                ids.push(id_s.clone());
            }
            cb.emit(Answer::Ids { ids, unsure });
        });
        let dom_id = format!("{base}-{}", id.replace('.', "-"));
        html! {
            <>
                { heading.unwrap_or_default() }
                <div class="ak-choice">
                    <input type="checkbox" id={dom_id.clone()} value={*id} {checked} {onchange} />
                    <label for={dom_id}>{ i.t(&questionnaire::choice_key(props.question, id)) }</label>
                </div>
            </>
        }
    }).collect::<Html>();
    let cb = props.on_answer.clone();
    let on_unsure = Callback::from(move |e: Event| {
        let on = e
            .target_unchecked_into::<web_sys::HtmlInputElement>()
            .checked();
        cb.emit(Answer::Ids {
            ids: ticked.clone(),
            unsure: on,
        });
    });
    let unsure_id = format!("{base}-unsure");
    html! {
        <div class="ak-choices">
            { items }
            <div class="ak-choice ak-unsure">
                <input type="checkbox" id={unsure_id.clone()} checked={unsure} onchange={on_unsure} />
                <label for={unsure_id}>{ i.t("ui.not_sure_more") }</label>
            </div>
        </div>
    }
}

fn unsure_box(i: &I18n, props: &QuestionFormProps, base: &str, reset: Answer) -> Html {
    let cb = props.on_answer.clone();
    let onchange = Callback::from(move |e: Event| {
        let on = e
            .target_unchecked_into::<web_sys::HtmlInputElement>()
            .checked();
        cb.emit(if on { Answer::NotSure } else { reset.clone() });
    });
    let id = format!("{base}-unsure");
    html! {
        <div class="ak-choice ak-unsure">
            <input type="checkbox" id={id.clone()} checked={props.answered && props.answer == Answer::NotSure} {onchange} />
            <label for={id}>{ i.t("ui.not_sure") }</label>
        </div>
    }
}

fn date(i: &I18n, props: &QuestionFormProps, base: &str) -> Html {
    let value = match &props.answer {
        Answer::Date(Some(d)) => d.to_string(),
        _ => String::new(),
    };
    let cb = props.on_answer.clone();
    let onchange = Callback::from(move |e: Event| {
        let v = e
            .target_unchecked_into::<web_sys::HtmlInputElement>()
            .value();
        cb.emit(Answer::Date(v.parse::<Date>().ok()));
    });
    let id = format!("{base}-input");
    html! {
        <div class="ak-choices">
            <label for={id.clone()}>{ i.t("ui.date") }</label>
            <input type="date" id={id} {value} {onchange} />
            { unsure_box(i, props, base, Answer::Date(None)) }
        </div>
    }
}

fn number(i: &I18n, props: &QuestionFormProps, base: &str) -> Html {
    let value = match &props.answer {
        Answer::Number(n) if *n > 0.0 => format!("{n:e}"),
        _ => String::new(),
    };
    let cb = props.on_answer.clone();
    let onchange = Callback::from(move |e: Event| {
        let v = e
            .target_unchecked_into::<web_sys::HtmlInputElement>()
            .value();
        let v = v.trim();
        let n = if v.is_empty() {
            Some(0.0)
        } else {
            v.parse::<f64>().ok()
        };
        if let Some(n) = n {
            cb.emit(Answer::Number(n));
        }
    });
    let id = format!("{base}-input");
    html! {
        <div class="ak-choices">
            <label for={id.clone()}>{ i.t("ui.flop") }</label>
            <input type="text" inputmode="decimal" id={id} {value} {onchange} placeholder="1e25" />
            { unsure_box(i, props, base, Answer::Number(0.0)) }
        </div>
    }
}
