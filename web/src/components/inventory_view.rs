//! The inventory: every system with its role, tier and next deadline, a chart
//! of tiers, and the file actions (new, import, export).

use aimskit_core::triage::Role;
use yew::prelude::*;

use super::tier_chart::{TierChartProps, tier_chart};
use super::{role_key, tier_key, use_i18n};
use crate::app::AppContext;
use crate::dom;
use crate::state::Action;
use crate::state::files::{self, FileFormat};
use crate::state::inventory::SystemId;
use crate::state::view::{next_deadline, triage_of};

/// The inventory view (reads the app context).
#[function_component(InventoryView)]
pub fn inventory_view() -> Html {
    let i = use_i18n();
    let Some(state) = use_context::<AppContext>() else {
        return html! {};
    };
    let editing = use_state(|| None::<SystemId>);
    let new_name = use_state(String::new);
    let file_input = use_node_ref();

    let dispatch = |action: Action| {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(action.clone()))
    };
    let on_new = {
        let (state, new_name) = (state.clone(), new_name.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            state.dispatch(Action::NewSystem((*new_name).clone()));
            new_name.set(String::new());
        })
    };
    let on_name_input = {
        let new_name = new_name.clone();
        Callback::from(move |e: InputEvent| {
            new_name.set(
                e.target_unchecked_into::<web_sys::HtmlInputElement>()
                    .value(),
            )
        })
    };
    let on_pick = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<web_sys::HtmlInputElement>();
            let state = state.clone();
            dom::read_file(
                &input,
                Callback::from(move |picked| match picked {
                    dom::Picked::Text(filename, text) => {
                        state.dispatch(Action::ImportText { filename, text })
                    }
                    dom::Picked::TooLarge => state.dispatch(Action::ImportTooLarge),
                    dom::Picked::InvalidUtf8 => state.dispatch(Action::ImportInvalidUtf8),
                }),
            );
        })
    };
    let on_import = {
        let file_input = file_input.clone();
        Callback::from(move |_| {
            if let Some(input) = file_input.cast::<web_sys::HtmlElement>() {
                input.click();
            }
        })
    };
    let on_export_all = {
        let state = state.clone();
        Callback::from(move |_| {
            dom::download(&files::export_inventory(&state.inventory));
        })
    };

    let rows = state.inventory.systems.iter().map(|s| {
        let result = triage_of(&s.file, state.as_of);
        let roles = if s.file.roles.is_empty() {
            i.t("ui.inventory.no_role")
        } else {
            s.file.roles.iter().map(|r: &Role| i.t(&role_key(*r))).collect::<Vec<_>>().join(", ")
        };
        let deadline = next_deadline(&result).map_or_else(|| i.t("ui.inventory.no_deadline"), |d| i.date_short(d));
        let id = s.id;
        let name_cell = if *editing == Some(id) {
            let cancel = { let editing = editing.clone(); Callback::from(move |_| editing.set(None)) };
            let (state, editing) = (state.clone(), editing.clone());
            let onsubmit = Callback::from(move |e: SubmitEvent| {
                e.prevent_default();
                let form = e.target_unchecked_into::<web_sys::HtmlFormElement>();
                let value = form
                    .elements()
                    .named_item("name")
                    .map(|el| wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlInputElement>(el).value())
                    .unwrap_or_default();
                state.dispatch(Action::Rename(id, value));
                editing.set(None);
            });
            html! {
                <form class="ak-rename" {onsubmit}>
                    <label class="ak-visually-hidden" for={format!("ak-rename-{}", id.0)}>{ i.t("ui.inventory.new_name") }</label>
                    <input id={format!("ak-rename-{}", id.0)} name="name" value={s.file.name.clone()} />
                    <button type="submit" class="ak-button">{ i.t("ui.save") }</button>
                    <button type="button" class="ak-button" onclick={cancel}>{ i.t("ui.cancel") }</button>
                </form>
            }
        } else {
            html! { <button type="button" class="ak-link ak-open" onclick={dispatch(Action::Open(id))}>{ &s.file.name }</button> }
        };
        let start_rename = { let editing = editing.clone(); Callback::from(move |_| editing.set(Some(id))) };
        let export = {
            let file = s.file.clone();
            Callback::from(move |_| { dom::download(&files::export_system(&file, FileFormat::Toml)); })
        };
        html! {
            <tr data-system={s.file.name.clone()}>
                <th scope="row">{ name_cell }</th>
                <td>{ roles }</td>
                <td><span class={classes!("ak-pill", format!("ak-tier-{}", result.tier.as_str()))}>{ i.t(&tier_key(result.tier)) }</span></td>
                <td>{ deadline }</td>
                <td class="ak-row-actions">
                    <button type="button" class="ak-button" onclick={start_rename}
                        aria-label={i.tf("ui.inventory.rename_x", &[("name", &s.file.name)])}>{ i.t("ui.inventory.rename") }</button>
                    <button type="button" class="ak-button" onclick={dispatch(Action::Duplicate(id))}
                        aria-label={i.tf("ui.inventory.duplicate_x", &[("name", &s.file.name)])}>{ i.t("ui.inventory.duplicate") }</button>
                    <button type="button" class="ak-button" onclick={export}
                        aria-label={i.tf("ui.inventory.export_x", &[("name", &s.file.name)])}>{ i.t("ui.inventory.export") }</button>
                    <button type="button" class="ak-button ak-danger" onclick={dispatch(Action::Delete(id))}
                        aria-label={i.tf("ui.inventory.delete_x", &[("name", &s.file.name)])}>{ i.t("ui.inventory.delete") }</button>
                </td>
            </tr>
        }
    }).collect::<Html>();

    html! {
        <section class="ak-view ak-inventory" aria-labelledby="ak-inventory-title">
            <h2 id="ak-inventory-title">{ i.t("ui.inventory.title") }</h2>
            <div class="ak-toolbar">
                <form class="ak-new" onsubmit={on_new}>
                    <label for="ak-new-name">{ i.t("ui.inventory.new_label") }</label>
                    <input id="ak-new-name" value={(*new_name).clone()} oninput={on_name_input}
                        placeholder={i.t("ui.inventory.new_placeholder")} />
                    <button type="submit" class="ak-button ak-primary">{ i.t("ui.inventory.add") }</button>
                </form>
                <div class="ak-actions">
                    <button type="button" class="ak-button" id="ak-import" onclick={on_import}>{ i.t("ui.inventory.import") }</button>
                    <input type="file" ref={file_input} class="ak-visually-hidden" tabindex="-1" aria-hidden="true"
                        accept=".toml,.json,application/json,application/toml" onchange={on_pick} />
                    <button type="button" class="ak-button" id="ak-export-all" onclick={on_export_all}
                        disabled={state.inventory.systems.is_empty()}>{ i.t("ui.inventory.export_all") }</button>
                </div>
            </div>
            if state.inventory.systems.is_empty() {
                <p class="ak-empty">{ i.t("ui.inventory.empty") }</p>
            } else {
                <div class="ak-inventory-body">
                    <table class="ak-table">
                        <caption class="ak-visually-hidden">{ i.t("ui.inventory.title") }</caption>
                        <thead><tr>
                            <th scope="col">{ i.t("ui.inventory.name") }</th>
                            <th scope="col">{ i.t("ui.inventory.role") }</th>
                            <th scope="col">{ i.t("ui.inventory.tier") }</th>
                            <th scope="col">{ i.t("ui.inventory.deadline") }</th>
                            <th scope="col">{ i.t("ui.inventory.actions") }</th>
                        </tr></thead>
                        <tbody>{ rows }</tbody>
                    </table>
                    { tier_chart(&i, &TierChartProps { counts: state.tier_counts() }) }
                </div>
            }
        </section>
    }
}
