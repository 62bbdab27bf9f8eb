//! The widget header: name, purpose, language switch, and the promises that
//! are always visible (privacy, not legal advice, rule-base version).

use yew::prelude::*;

use crate::i18n::I18n;
use crate::i18n::{Lang, OFFERED};

/// Input of [`header`].
#[derive(Debug, PartialEq)]
pub struct HeaderProps {
    /// The version of the rule base in use.
    pub rules_version: String,
    /// Language chosen.
    pub on_lang: Callback<Lang>,
}

/// The header.
/// A view function rather than a component: each Yew component costs about
/// 1.5 KB of wasm (docs/size.md, step 4H); this one has no state of its own.
pub fn header(i: &I18n, props: &HeaderProps) -> Html {
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
