//! The widget header: name, purpose, language switch, and the promises that
//! are always visible (privacy, not legal advice, rule-base version).

use yew::prelude::*;

use super::use_i18n;
use crate::i18n::{Lang, OFFERED};

/// Props of [`Header`].
#[derive(Debug, Properties, PartialEq)]
pub struct HeaderProps {
    /// The version of the rule base in use.
    pub rules_version: String,
    /// Language chosen.
    pub on_lang: Callback<Lang>,
}

/// The header.
#[function_component(Header)]
pub fn header(props: &HeaderProps) -> Html {
    let i = use_i18n();
    let on_lang = props.on_lang.clone();
    let onchange = Callback::from(move |e: Event| {
        let value = e
            .target_unchecked_into::<web_sys::HtmlSelectElement>()
            .value();
        if let Some(lang) = Lang::from_tag(&value) {
            on_lang.emit(lang);
        }
    });
    html! {
        <header class="ak-header">
            <div class="ak-brand">
                <h1>{ i.t("app.name") }</h1>
                <p class="ak-purpose">{ i.t("app.purpose") }</p>
            </div>
            <div class="ak-lang">
                <label for="ak-lang-select">{ i.t("ui.language") }</label>
                <select id="ak-lang-select" {onchange}>
                    { for OFFERED.iter().map(|l| html! {
                        <option value={l.code()} selected={*l == i.lang}>{ i.t(&format!("ui.lang.{}", l.code())) }</option>
                    }) }
                </select>
            </div>
            <ul class="ak-promises">
                <li class="ak-privacy">{ i.t("app.privacy") }</li>
                <li class="ak-disclaimer">{ i.t("app.not_legal_advice") }</li>
                <li class="ak-rules-version">{ i.tf("ui.rules_version", &[("version", &props.rules_version)]) }</li>
            </ul>
        </header>
    }
}
