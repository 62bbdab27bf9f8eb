//! Import of an AIMS file (TOML or JSON) with its inline systems: a preview
//! of what it holds and what it replaces, applied only on confirmation.

use yew::prelude::*;

use crate::aims::state::{AimsAction as A, AimsNotice};
use crate::aims::{on, send};
use crate::app::AppContext;
use crate::components::use_i18n;
use crate::dom;

/// The import button, the preview and the import notice.
#[function_component(ImportPanel)]
pub fn import_panel() -> Html {
    let i = use_i18n();
    let input = use_node_ref();
    let Some(app) = use_context::<AppContext>() else {
        return html! {};
    };
    let on_pick = {
        let app = app.clone();
        Callback::from(move |e: Event| {
            let el = e.target_unchecked_into::<web_sys::HtmlInputElement>();
            let app = app.clone();
            dom::read_file(
                &el,
                Callback::from(move |picked| match picked {
                    dom::Picked::Text(filename, text) => {
                        send(&app, A::ImportText { filename, text })
                    }
                    dom::Picked::TooLarge => send(&app, A::ImportTooLarge),
                    dom::Picked::InvalidUtf8 => send(&app, A::ImportInvalidUtf8),
                }),
            );
        })
    };
    let open_picker = {
        let input = input.clone();
        Callback::from(move |_| {
            if let Some(el) = input.cast::<web_sys::HtmlElement>() {
                el.click();
            }
        })
    };
    let preview = app.aims.import.as_ref().map(|p| {
        let assessed = p.file.clauses.values().filter(|c| c.maturity.is_some()).count()
            + p.file.controls.values().filter(|c| c.maturity.is_some()).count();
        let names = p.systems.iter().map(|s| s.name.clone()).collect::<Vec<_>>().join(", ");
        html! {
            <div class="ak-card ak-import-preview" role="dialog" aria-modal="false" aria-labelledby="ak-imp-title">
                <h3 id="ak-imp-title">{ i.tf("rep.import.preview", &[("file", &p.filename)]) }</h3>
                <dl class="ak-report-meta">
                    <dt>{ i.t("rep.organisation") }</dt><dd>{ &p.file.organisation }</dd>
                    <dt>{ i.t("rep.as_of") }</dt><dd>{ p.file.as_of.map(|d| i.date(d)).unwrap_or_default() }</dd>
                    <dt>{ i.t("rep.import.assessed") }</dt><dd>{ assessed }</dd>
                    <dt>{ i.t("rep.import.systems") }</dt><dd>{ format!("{} {names}", p.systems.len()) }</dd>
                </dl>
                { for (!p.unresolved.is_empty()).then(|| html! {
                    <p class="ak-warning">{ i.tf("rep.import.unresolved", &[("paths", &p.unresolved.join(", "))]) }</p>
                }) }
                <p class="ak-warning">{ i.tf("rep.import.replaces", &[("n", &app.inventory.systems.len().to_string())]) }</p>
                <button type="button" class="ak-button ak-primary" id="ak-imp-confirm" onclick={on(&app, A::ConfirmImport)}>{ i.t("rep.import.confirm") }</button>
                { " " }
                <button type="button" class="ak-button" onclick={on(&app, A::CancelImport)}>{ i.t("rep.import.cancel") }</button>
            </div>
        }
    });
    let notice = app.aims.notice.as_ref().map(|n| {
        let text = match n {
            AimsNotice::ImportFailed(m) => i.tf("rep.import.failed", &[("error", m)]),
            AimsNotice::TooLarge => i.t("rep.import.too_large"),
            AimsNotice::InvalidUtf8 => i.t("ui.import.invalid_utf8"),
            AimsNotice::Imported(k) => i.tf("rep.import.done", &[("n", &k.to_string())]),
        };
        html! { <p class="ak-notice">{ text }{ " " }
            <button type="button" class="ak-button ak-small" onclick={on(&app, A::DismissNotice)}>{ i.t("rep.dismiss") }</button></p> }
    });
    html! {
        <div class="ak-import ak-no-print">
            <div aria-live="polite">{ for notice }</div>
            <input type="file" ref={input} class="ak-visually-hidden" id="ak-aims-file" accept=".toml,.json" tabindex="-1" aria-hidden="true" onchange={on_pick} />
            <button type="button" class="ak-button" onclick={open_picker}>{ i.t("rep.import") }</button>
            { for preview }
        </div>
    }
}
