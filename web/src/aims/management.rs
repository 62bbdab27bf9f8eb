//! The organisation, the AIMS scope and the management systems it already
//! runs: certifications held, those the AIMS is integrated with, and whether
//! the 42001 certificate is relied on for AI Act conformity.

use aimskit_core::aims::{CERTIFICATIONS, HARMONISED_STRUCTURE};
use yew::prelude::*;

use super::state::AimsAction as A;
use super::{input_value, send};
use crate::app::AppContext;
use crate::components::use_i18n;

/// Display name of a certification ID (`iso27001` -> `ISO/IEC 27001`).
pub fn cert_label(id: &str) -> String {
    let n = id.trim_start_matches("iso");
    if matches!(n, "27001" | "27701" | "20000" | "42001") {
        format!("ISO/IEC {n}")
    } else {
        format!("ISO {n}")
    }
}

/// The organisation and management-systems form.
#[function_component(Management)]
pub fn management() -> Html {
    let i = use_i18n();
    let Some(app) = use_context::<AppContext>() else {
        return html! {};
    };
    let f = &app.aims.file;
    let text = |make: fn(String) -> A| {
        let app = app.clone();
        Callback::from(move |e: InputEvent| send(&app, make(input_value(&e.into()))))
    };
    let check = |make: fn(String, bool) -> A, id: &str| {
        let (app, id) = (app.clone(), id.to_owned());
        Callback::from(move |e: Event| {
            let on = e
                .target_unchecked_into::<web_sys::HtmlInputElement>()
                .checked();
            send(&app, make(id.clone(), on));
        })
    };
    let certs = CERTIFICATIONS.iter().filter(|c| **c != "iso42001").map(|c| {
        let held = f.certifications.iter().any(|x| x == c);
        let integrated = f.integrated_with.iter().any(|x| x == c);
        let shared = HARMONISED_STRUCTURE.contains(c);
        html! {
            <tr>
                <th scope="row">{ cert_label(c) }</th>
                <td><input type="checkbox" id={format!("ak-cert-{c}")} checked={held} onchange={check(A::SetCertified, c)}
                    aria-label={i.tf("aims.ms.held_for", &[("ms", &cert_label(c))])} /></td>
                <td><input type="checkbox" id={format!("ak-int-{c}")} checked={integrated} disabled={!held}
                    onchange={check(A::SetIntegrated, c)} aria-label={i.tf("aims.ms.integrated_for", &[("ms", &cert_label(c))])} /></td>
                <td>{ if shared { i.t("aims.ms.shared_structure") } else { String::new() } }</td>
            </tr>
        }
    });
    let relies = {
        let app = app.clone();
        Callback::from(move |e: Event| {
            send(
                &app,
                A::SetReliesOnCertificate(
                    e.target_unchecked_into::<web_sys::HtmlInputElement>()
                        .checked(),
                ),
            )
        })
    };
    html! {
        <section class="ak-card ak-management" aria-labelledby="ak-ms-title">
            <h3 id="ak-ms-title">{ i.t("aims.org.title") }</h3>
            <div class="ak-grid2">
                <label for="ak-org">{ i.t("aims.organisation") }</label>
                <input id="ak-org" type="text" value={f.organisation.clone()} oninput={text(A::SetOrganisation)} />
                <label for="ak-scope">{ i.t("aims.scope") }</label>
                <textarea id="ak-scope" rows="2" value={f.scope.clone()} oninput={text(A::SetScope)} />
            </div>
            <h4>{ i.t("aims.ms.title") }</h4>
            <p class="ak-hint">{ i.t("aims.ms.hint") }</p>
            <div class="ak-table-wrap" tabindex="0" role="region" aria-label={i.tf("ui.table.region", &[("title", &i.t("aims.ms.title"))])}>
                <table class="ak-table ak-ms-table">
                    <thead><tr>
                        <th scope="col">{ i.t("aims.ms.standard") }</th>
                        <th scope="col">{ i.t("aims.ms.certifications") }</th>
                        <th scope="col">{ i.t("aims.ms.integrated") }</th>
                        <th scope="col">{ i.t("aims.ms.structure") }</th>
                    </tr></thead>
                    <tbody>{ for certs }</tbody>
                </table>
            </div>
            <label class="ak-check">
                <input type="checkbox" id="ak-relies" checked={f.relies_on_certificate_for_ai_act} onchange={relies} />
                { i.t("aims.relies") }
            </label>
        </section>
    }
}
