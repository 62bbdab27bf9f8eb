//! The live triage result: tier, why, obligations by role with dates, the
//! what-ifs of facts under review, and the "as of" date.

use aimskit_core::Date;
use aimskit_core::triage::TriageResult;
use yew::prelude::*;

use super::{role_key, tier_key, use_i18n};
use crate::state::view::{WhatIf, obligations_by_role};

/// Props of [`ResultPanel`].
#[derive(Debug, Properties, PartialEq)]
pub struct ResultPanelProps {
    /// The result to show.
    pub result: TriageResult,
    /// Its what-ifs.
    pub what_ifs: Vec<WhatIf>,
    /// A new evaluation date.
    pub on_as_of: Callback<Date>,
    /// Print requested.
    pub on_print: Callback<()>,
}

/// The result panel.
#[function_component(ResultPanel)]
pub fn result_panel(props: &ResultPanelProps) -> Html {
    let i = use_i18n();
    let r = &props.result;
    let on_as_of = props.on_as_of.clone();
    let onchange = Callback::from(move |e: Event| {
        let v = e
            .target_unchecked_into::<web_sys::HtmlInputElement>()
            .value();
        if let Ok(d) = v.parse::<Date>() {
            on_as_of.emit(d);
        }
    });
    let on_print = props.on_print.clone();
    let tier_label = i.t(&tier_key(r.tier));
    let gpai = (r.gpai != aimskit_core::triage::GpaiStatus::None).then(|| {
        let key = match r.gpai {
            aimskit_core::triage::GpaiStatus::GpaiSystemic => "ui.gpai.gpai_systemic",
            _ => "ui.gpai.gpai",
        };
        html! { <p class="ak-gpai">{ i.t(key) }</p> }
    });
    html! {
        <section class="ak-result" aria-labelledby="ak-result-title">
            <h2 id="ak-result-title">{ i.t("ui.result.title") }</h2>
            <div class="ak-asof">
                <label for="ak-asof">{ i.t("ui.result.as_of") }</label>
                <input type="date" id="ak-asof" value={r.as_of.to_string()} {onchange} />
            </div>
            <div class="ak-live" aria-live="polite" aria-atomic="true">
                <p class={classes!("ak-tier", format!("ak-tier-{}", r.tier.as_str()))} data-tier={r.tier.as_str()}>
                    <span class="ak-label">{ i.t("ui.result.tier") }</span>{ " " }<strong>{ tier_label }</strong>
                </p>
                { gpai.unwrap_or_default() }
            </div>
            if !r.transparency.is_empty() {
                <p class="ak-transparency">
                    { i.t("ui.result.transparency") }{ " " }
                    { r.transparency.iter().map(|t| format!("Art. {}", t.replace("50.", "50("). replace('.', ")(") + ")")).collect::<Vec<_>>().join(", ") }
                </p>
            }
            <h3>{ i.t("ui.result.why") }</h3>
            <ol class="ak-trace">
                { for r.trace.iter().map(|s| html! {
                    <li><span class="ak-cite">{ &s.citation }</span>{ " " }{ aimskit_core::i18n::reason(i.lang, s) }</li>
                }) }
            </ol>
            <h3>{ i.t("ui.result.obligations") }</h3>
            if r.obligations.is_empty() {
                <p>{ i.t("ui.result.no_obligations") }</p>
            }
            { for obligations_by_role(r).into_iter().map(|(role, list)| html! {
                <div class="ak-role-group">
                    <h4>{ i.t(&role_key(role)) }</h4>
                    <table class="ak-obligations">
                        <thead><tr>
                            <th scope="col">{ i.t("ui.result.duty") }</th>
                            <th scope="col">{ i.t("ui.result.articles") }</th>
                            <th scope="col">{ i.t("ui.result.applies_from") }</th>
                            <th scope="col">{ i.t("ui.result.status") }</th>
                        </tr></thead>
                        <tbody>
                        { for list.into_iter().map(|o| html! {
                            <tr data-obligation={o.id.clone()}>
                                <td>{ if o.title.is_empty() { o.id.clone() } else { aimskit_core::i18n::obligation_title(i.lang, o) } }</td>
                                <td>{ o.articles.join(", ") }</td>
                                <td>{ i.date_short(o.applies_from) }</td>
                                <td class={if o.applicable { "ak-applies" } else { "ak-pending" }}>
                                    { i.t(if o.applicable { "ui.result.applies" } else { "ui.result.not_yet" }) }
                                </td>
                            </tr>
                        }) }
                        </tbody>
                    </table>
                </div>
            }) }
            if !props.what_ifs.is_empty() {
                <h3>{ i.t("ui.result.review") }</h3>
                <ul class="ak-review">
                    { for props.what_ifs.iter().map(|w| {
                        let name = w.question.map(|q| i.t(&q.text_key())).unwrap_or_else(|| w.field.clone());
                        let flip = w.flipped.map(|(answer, tier)| i.tf("ui.result.what_if", &[
                            ("answer", &i.t(if answer { "ui.yes" } else { "ui.no" })),
                            ("tier", &i.t(&tier_key(tier))),
                        ]));
                        html! {
                            <li>
                                <p class="ak-review-q">{ name }</p>
                                <p>{ w.review.why_in(i.lang) }</p>
                                if let Some(f) = flip { <p class="ak-what-if">{ f }</p> }
                            </li>
                        }
                    }) }
                </ul>
            }
            <footer class="ak-result-foot">
                <p>{ i.tf("ui.rules_version", &[("version", &r.rules_version)]) }{ " · " }{ i.t("app.not_legal_advice") }</p>
                <button type="button" class="ak-button ak-no-print" onclick={Callback::from(move |_| on_print.emit(()))}>{ i.t("ui.print") }</button>
            </footer>
        </section>
    }
}
