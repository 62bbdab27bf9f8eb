//! Editing one clause or control: maturity with what each level means for
//! this item, evidence references, owner, due date, note; for controls also
//! applicability, justification (with suggested categories) and the
//! inventory obligations that make the control necessary.

use std::rc::Rc;

use aimskit_core::Date;
use aimskit_core::aims::HARMONISED_STRUCTURE;
use aimskit_core::gap::{GapResult, ItemKind, catalogue};
use yew::prelude::*;

use super::state::{AimsAction as A, ItemId, JustificationCategory};
use super::{input_value, on, send, status_class, status_key};
use crate::app::AppContext;
use crate::components::use_i18n;

/// Props of [`ItemEditor`].
#[derive(Debug, Properties, PartialEq)]
pub struct ItemEditorProps {
    /// The item.
    pub id: ItemId,
    /// The gap result (status, required_by).
    pub gap: Rc<GapResult>,
}

/// The editor of one item.
#[function_component(ItemEditor)]
pub fn item_editor(props: &ItemEditorProps) -> Html {
    let i = use_i18n();
    let evidence_draft = use_state(String::new);
    let Some(app) = use_context::<AppContext>() else {
        return html! {};
    };
    let id = props.id.clone();
    let Some(item) = catalogue().item(id.as_str()) else {
        return html! {};
    };
    let file = &app.aims.file;
    let is_control = item.kind == ItemKind::Control;
    let (maturity, evidence, owner, due, note, applicable, justification) = if is_control {
        let e = file.controls.get(id.as_str()).cloned().unwrap_or_default();
        (
            e.maturity,
            e.evidence,
            e.owner,
            e.due,
            e.note,
            e.applicable,
            e.justification,
        )
    } else {
        let e = file.clauses.get(id.as_str()).cloned().unwrap_or_default();
        (
            e.maturity,
            e.evidence,
            e.owner,
            e.due,
            e.note,
            true,
            String::new(),
        )
    };
    let result = if is_control {
        props.gap.controls.get(id.as_str())
    } else {
        props.gap.clauses.get(id.as_str())
    };
    let soa = props.gap.soa.iter().find(|r| r.control == id.as_str());
    let slug = id.as_str().replace('.', "-");

    let status = result.map(|r| {
        html! {
            <p class="ak-item-status">
                <span class={status_class(r.status)} id="ak-item-status" data-status={r.status.as_str()}>{ i.t(&status_key(r.status)) }</span>
                { for r.capped.as_ref().map(|c| html! { <span class="ak-capped">{ format!(" {c}") }</span> }) }
                { for (!r.inventory_evidence.is_empty()).then(|| html! {
                    <span class="ak-inv-evidence">{ format!(" {}: {}", i.t("aims.inventory_evidence"), r.inventory_evidence.join("; ")) }</span>
                }) }
            </p>
        }
    });

    let reusable = item.structure.reusable()
        && file
            .certifications
            .iter()
            .any(|c| HARMONISED_STRUCTURE.contains(&c.as_str()));
    let reuse_note = reusable.then(|| {
        html! { <p class="ak-reusable"><span class="ak-badge ak-reuse">{ i.t("aims.reusable") }</span>{ " " }{ i.t("aims.reusable.explain") }
            { for (!item.iso27001.is_empty()).then(|| format!(" (ISO/IEC 27001: {})", item.iso27001.join(", "))) }</p> }
    });

    let required = soa.filter(|r| !r.required_by_systems.is_empty()).map(|r| {
        html! {
            <div class="ak-required" role="note">
                <strong>{ i.t("aims.required.title") }</strong>
                <ul>{ for r.required_by_systems.iter().map(|q| html! {
                    <li>{ i.tf("aims.required.item", &[("system", &q.system), ("article", &q.article), ("date", &q.applies_from.to_string())]) }</li>
                }) }</ul>
            </div>
        }
    });

    // Maturity: a radio group; each level shows its generic meaning.
    let levels = catalogue().maturity_levels.iter().map(|lv| {
        let level = lv.level;
        let checked = maturity == Some(level);
        html! {
            <label class={classes!("ak-level", checked.then_some("ak-checked"))}>
                <input type="radio" name={format!("ak-maturity-{slug}")} value={level.to_string()} checked={checked}
                    onchange={on(&app, A::SetMaturity(id.clone(), Some(level)))} />
                <span class="ak-level-head">{ format!("{level} · {}", lv.label.get(i.lang)) }</span>
                <span class="ak-level-desc">{ lv.description.get(i.lang) }</span>
            </label>
        }
    });
    let not_assessed = html! {
        <label class={classes!("ak-level", maturity.is_none().then_some("ak-checked"))}>
            <input type="radio" name={format!("ak-maturity-{slug}")} value="" checked={maturity.is_none()}
                onchange={on(&app, A::SetMaturity(id.clone(), None))} />
            <span class="ak-level-head">{ i.t("aims.not_assessed") }</span>
            <span class="ak-level-desc">{ i.t("aims.not_assessed.explain") }</span>
        </label>
    };

    let add_evidence = {
        let (app, id, draft) = (app.clone(), id.clone(), evidence_draft.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            send(&app, A::AddEvidence(id.clone(), (*draft).clone()));
            draft.set(String::new());
        })
    };
    let draft_input = {
        let draft = evidence_draft.clone();
        Callback::from(move |e: InputEvent| draft.set(input_value(&e.into())))
    };
    let text = |make: fn(ItemId, String) -> A| {
        let (app, id) = (app.clone(), id.clone());
        Callback::from(move |e: InputEvent| send(&app, make(id.clone(), input_value(&e.into()))))
    };
    let on_due = {
        let (app, id) = (app.clone(), id.clone());
        Callback::from(move |e: Event| {
            let v = input_value(&e);
            // An unparsable date leaves the field empty (the browser's date input only yields valid dates).
            send(&app, A::SetDue(id.clone(), v.parse::<Date>().ok()));
        })
    };

    let control_part = is_control.then(|| {
        let cats = if applicable { JustificationCategory::INCLUDED.to_vec() } else { JustificationCategory::EXCLUDED.to_vec() };
        html! {
            <fieldset class="ak-group">
                <legend>{ i.t("aims.soa.entry") }</legend>
                <div class="ak-radio-row" role="radiogroup" aria-label={i.t("aims.applicable")}>
                    <label><input type="radio" name={format!("ak-app-{slug}")} checked={applicable}
                        onchange={on(&app, A::SetApplicable(id.clone(), true))} />{ i.t("aims.applicable.yes") }</label>
                    <label><input type="radio" name={format!("ak-app-{slug}")} checked={!applicable}
                        onchange={on(&app, A::SetApplicable(id.clone(), false))} />{ i.t("aims.applicable.no") }</label>
                </div>
                <label class="ak-field" for={format!("ak-just-{slug}")}>{ i.t("aims.justification") }</label>
                <textarea id={format!("ak-just-{slug}")} rows="2" value={justification.clone()} oninput={text(A::SetJustification)} />
                <div class="ak-chips" role="group" aria-label={i.t("aims.just.suggested")}>
                    <span class="ak-hint">{ i.t("aims.just.suggested") }{ ": " }</span>
                    { for cats.into_iter().map(|c| {
                        let suggestion = i.t(c.key());
                        html! { <button type="button" class="ak-chip" onclick={on(&app, A::SetJustification(id.clone(), suggestion.clone()))}>
                            { i.t(&format!("{}.label", c.key())) }</button> }
                    }) }
                </div>
            </fieldset>
        }
    });

    html! {
        <article class="ak-item-editor" aria-labelledby="ak-item-title">
            <h3 id="ak-item-title">{ format!("{} {}", item.id, item.title.get(i.lang)) }</h3>
            { for status }
            <p class="ak-requirement">{ item.requirement.get(i.lang) }</p>
            <dl class="ak-item-facts">
                <dt>{ i.t("aims.documented_information") }</dt><dd>{ item.documented_information.get(i.lang) }</dd>
                <dt>{ i.t("aims.good_evidence") }</dt><dd>{ item.good_evidence.get(i.lang) }</dd>
                { for (!item.ai_act.is_empty()).then(|| html! { <>
                    <dt>{ i.t("aims.ai_act") }</dt><dd>{ item.ai_act.join(", ") }</dd>
                </> }) }
            </dl>
            { for required }
            { for reuse_note }
            { for control_part }
            <fieldset class="ak-group ak-levels">
                <legend>{ i.t("aims.maturity") }</legend>
                <p class="ak-hint">{ i.t("aims.maturity.hint") }</p>
                { for levels }
                { not_assessed }
            </fieldset>
            <fieldset class="ak-group">
                <legend>{ i.t("aims.evidence") }</legend>
                <ul class="ak-evidence">
                    { for evidence.iter().enumerate().map(|(n, ev)| html! {
                        <li>{ ev }{ " " }<button type="button" class="ak-button ak-small" aria-label={i.tf("aims.evidence.remove", &[("item", ev)])}
                            onclick={on(&app, A::RemoveEvidence(id.clone(), n))}>{ "×" }</button></li>
                    }) }
                </ul>
                <form class="ak-inline-form" onsubmit={add_evidence}>
                    <label for={format!("ak-ev-{slug}")} class="ak-visually-hidden">{ i.t("aims.evidence.new") }</label>
                    <input id={format!("ak-ev-{slug}")} type="text" placeholder={i.t("aims.evidence.placeholder")}
                        value={(*evidence_draft).clone()} oninput={draft_input} />
                    <button type="submit" class="ak-button">{ i.t("aims.evidence.add") }</button>
                </form>
            </fieldset>
            <fieldset class="ak-group ak-grid2">
                <legend>{ i.t("aims.planning") }</legend>
                <label for={format!("ak-owner-{slug}")}>{ i.t("aims.owner") }</label>
                <input id={format!("ak-owner-{slug}")} type="text" value={owner} oninput={text(A::SetOwner)} />
                <label for={format!("ak-due-{slug}")}>{ i.t("aims.due") }</label>
                <input id={format!("ak-due-{slug}")} type="date" value={due.map(|d| d.to_string()).unwrap_or_default()} onchange={on_due} />
                <label for={format!("ak-note-{slug}")}>{ i.t("aims.note") }</label>
                <textarea id={format!("ak-note-{slug}")} rows="2" value={note} oninput={text(A::SetNote)} />
            </fieldset>
        </article>
    }
}
