//! One system's worksheet: Art. 27(1)(a)-(f), the ISO/IEC 42001 fields beyond
//! Art. 27 (societal impacts, foreseeable misuse), the risks and the heat maps.

use aimskit_core::impact::{CHARTER_RIGHTS, ImpactEvaluation, ImpactWorksheet};
use yew::prelude::*;

use super::heat_map::{HeatMapProps, heat_map};
use super::{status_class, status_key};
use crate::aims::state::{AimsAction as A, ImpactEdit as E};
use crate::aims::{input_value, on, send};
use crate::app::AppContext;
use crate::components::use_i18n;
use crate::state::inventory::SystemId;

/// Props of [`Worksheet`].
#[derive(Debug, Properties, PartialEq)]
pub struct WorksheetProps {
    /// The system.
    pub id: SystemId,
    /// Its name.
    pub name: String,
    /// The worksheet, if started.
    pub sheet: Option<ImpactWorksheet>,
    /// Core's evaluation of it.
    pub eval: ImpactEvaluation,
    /// Whether Art. 27 requires it.
    pub needs_fria: bool,
}

/// Label of a Charter right: translated, else the ID, with its article.
fn right_label(i: &crate::i18n::I18n, id: &str, article: &str) -> String {
    format!(
        "{} ({article})",
        i.t_or(&format!("impact.right.{id}"), &id.replace('_', " "))
    )
}

/// The worksheet editor.
#[function_component(Worksheet)]
pub fn worksheet(props: &WorksheetProps) -> Html {
    let i = use_i18n();
    let Some(app) = use_context::<AppContext>() else {
        return html! {};
    };
    let id = props.id;
    let Some(w) = &props.sheet else {
        return html! {
            <section class="ak-card" aria-label={props.name.clone()}>
                <h3>{ &props.name }</h3>
                <button type="button" class="ak-button" onclick={on(&app, A::StartImpact(id))}>{ i.t("impact.start") }</button>
            </section>
        };
    };
    let edit = |make: fn(String) -> E| {
        let app = app.clone();
        Callback::from(move |e: InputEvent| {
            send(&app, A::EditImpact(id, make(input_value(&e.into()))))
        })
    };
    let field = |key: &str,
                 cite: &str,
                 dom: &str,
                 value: String,
                 make: fn(String) -> E,
                 rows: u32| {
        html! { <>
            <label for={dom.to_owned()}>{ i.t(key) }<span class="ak-cite">{ format!(" {cite}") }</span></label>
            <textarea id={dom.to_owned()} rows={rows.to_string()} value={value} oninput={edit(make)} />
        </> }
    };
    let missing_list = |m: &[aimskit_core::impact::MissingField]| {
        m.iter()
            .map(|m| format!("{} ({})", i.t_or(&m.field, &m.field), m.citation))
            .collect::<Vec<_>>()
            .join(", ")
    };
    // A 42001 field beyond Art. 27: label with its reference, a hint with
    // examples (and that it is no Art. 27 element), a text area.
    let iso_field = |key: &str, cite: &str, dom: &str, value: String, make: fn(String) -> E| {
        let hint = format!("{dom}-hint");
        html! { <>
            <label for={dom.to_owned()}>{ i.t(key) }<span class="ak-cite">{ format!(" {cite}") }</span></label>
            <textarea id={dom.to_owned()} rows="2" value={value} aria-describedby={hint.clone()} oninput={edit(make)} />
            <span class="ak-hint ak-span2" id={hint}>{ i.t(&format!("{key}.hint")) }</span>
        </> }
    };
    let risk_edit = |n: usize, make: fn(usize, String) -> E| {
        let app = app.clone();
        Callback::from(move |e: InputEvent| {
            send(&app, A::EditImpact(id, make(n, input_value(&e.into()))))
        })
    };
    let rate = |n: usize, make: fn(usize, Option<u8>) -> E| {
        let app = app.clone();
        Callback::from(move |e: Event| {
            send(
                &app,
                A::EditImpact(id, make(n, input_value(&e).parse::<u8>().ok())),
            )
        })
    };
    let select = |dom: String,
                  label: String,
                  value: Option<u8>,
                  optional: bool,
                  cb: Callback<Event>| {
        html! {
            <label class="ak-rate">{ label }
                <select id={dom} onchange={cb}>
                    { for optional.then(|| html! { <option value="" selected={value.is_none()}>{ i.t("impact.not_rated") }</option> }) }
                    { for (1..=5u8).map(|v| html! { <option value={v.to_string()} selected={value == Some(v)}>{ v }</option> }) }
                </select>
            </label>
        }
    };
    let risks = w.risks.iter().enumerate().map(|(n, r)| {
        let ev = props.eval.risks.get(n);
        let flags = ev.map(|e| e.flags.clone()).unwrap_or_default();
        let level = |x: Option<aimskit_core::impact::RiskLevel>| {
            x.map_or_else(|| i.t("impact.not_rated"), |v| format!("{} ({})", v.score, i.t(&format!("impact.band.{}", v.band.as_str()))))
        };
        html! {
            <li class="ak-risk" aria-label={i.tf("impact.risk_n", &[("n", &(n + 1).to_string())])}>
                <div class="ak-grid2">
                    <label for={format!("ak-harm-{n}")}>{ i.t("impact.harm") }</label>
                    <input id={format!("ak-harm-{n}")} type="text" value={r.harm.clone()} oninput={risk_edit(n, E::Harm)} />
                    <label for={format!("ak-right-{n}")}>{ i.t("impact.right") }</label>
                    <select id={format!("ak-right-{n}")} onchange={{
                        let app = app.clone();
                        Callback::from(move |e: Event| send(&app, A::EditImpact(id, E::Right(n, input_value(&e)))))
                    }}>
                        <option value="" selected={r.right.is_empty()}>{ i.t("impact.right.choose") }</option>
                        { for CHARTER_RIGHTS.iter().map(|(rid, art)| html! {
                            <option value={*rid} selected={r.right == *rid}>{ right_label(&i, rid, art) }</option>
                        }) }
                    </select>
                </div>
                <div class="ak-rates">
                    { select(format!("ak-lik-{n}"), i.t("impact.likelihood"), Some(r.likelihood), false, rate(n, |n, v| E::Likelihood(n, v.unwrap_or(1)))) }
                    { select(format!("ak-sev-{n}"), i.t("impact.severity"), Some(r.severity), false, rate(n, |n, v| E::Severity(n, v.unwrap_or(1)))) }
                    <span class="ak-level-out">{ format!("{}: {}", i.t("impact.inherent"), level(ev.and_then(|e| e.inherent))) }</span>
                </div>
                <label for={format!("ak-mit-{n}")}>{ i.t("impact.mitigation") }</label>
                <textarea id={format!("ak-mit-{n}")} rows="2" value={r.mitigation.clone()} oninput={risk_edit(n, E::Mitigation)} />
                <div class="ak-rates">
                    { select(format!("ak-rlik-{n}"), i.t("impact.residual_likelihood"), r.residual_likelihood, true, rate(n, E::ResidualLikelihood)) }
                    { select(format!("ak-rsev-{n}"), i.t("impact.residual_severity"), r.residual_severity, true, rate(n, E::ResidualSeverity)) }
                    <span class="ak-level-out">{ format!("{}: {}", i.t("impact.residual"), level(ev.and_then(|e| e.residual))) }</span>
                </div>
                { for (!flags.is_empty()).then(|| html! {
                    <ul class="ak-flags">{ for flags.iter().map(|f| {
                        let key = format!("impact.flag.{}", serde_json::to_value(f).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default());
                        html! { <li>{ i.t(&key) }</li> }
                    }) }</ul>
                }) }
                <button type="button" class="ak-button ak-small" onclick={on(&app, A::EditImpact(id, E::RemoveRisk(n)))}>{ i.t("impact.remove_risk") }</button>
            </li>
        }
    });
    let inherent: Vec<_> = props.eval.risks.iter().map(|r| r.inherent).collect();
    let residual: Vec<_> = props
        .eval
        .risks
        .iter()
        .map(|r| r.residual.or(r.inherent))
        .collect();
    html! {
        <section class="ak-card ak-worksheet" aria-labelledby="ak-ws-title">
            <h3 id="ak-ws-title">{ i.tf("impact.worksheet_for", &[("system", &props.name)]) }</h3>
            <p><span class={status_class(props.eval.status)} id="ak-impact-status">{ i.t(status_key(props.eval.status)) }</span>
                { " " }{ if props.needs_fria { i.t("impact.needs_fria.explain") } else { i.t("impact.optional.explain") } }</p>
            { for (!props.eval.missing.is_empty()).then(|| html! {
                <p class="ak-missing">{ i.t("impact.missing") }{ ": " }
                    { missing_list(&props.eval.missing) }</p>
            }) }
            <p id="ak-impact-iso">{ i.t("impact.iso42001.status") }{ ": " }
                <span class={status_class(props.eval.iso42001_status)} id="ak-impact-iso-status">{ i.t(status_key(props.eval.iso42001_status)) }</span>
                { for (!props.eval.iso42001_missing.is_empty()).then(|| html! { <>
                    { "; " }{ i.t("impact.missing") }{ ": " }{ missing_list(&props.eval.iso42001_missing) }
                </> }) }</p>
            <fieldset class="ak-group ak-grid2">
                <legend>{ i.t("impact.art27") }</legend>
                { field("impact.processes", "Art. 27(1)(a)", "ak-w-processes", w.processes.clone(), E::Processes, 2) }
                { field("impact.period_and_frequency", "Art. 27(1)(b)", "ak-w-period", w.period_and_frequency.clone(), E::PeriodAndFrequency, 1) }
                <label for="ak-w-groups">{ i.t("impact.affected_groups") }<span class="ak-cite">{ " Art. 27(1)(c)" }</span></label>
                <textarea id="ak-w-groups" rows="2" value={w.affected_groups.join("\n")} aria-describedby="ak-w-groups-hint" onchange={{
                    // Committed on change: one group per line, so typing a line break must not be trimmed away.
                    let app = app.clone();
                    Callback::from(move |e: Event| send(&app, A::EditImpact(id, E::AffectedGroups(input_value(&e)))))
                }} />
                <span class="ak-hint ak-span2" id="ak-w-groups-hint">{ i.t("impact.affected_groups.hint") }</span>
                { field("impact.oversight", "Art. 27(1)(e)", "ak-w-oversight", w.oversight.clone(), E::Oversight, 2) }
                { field("impact.remedies", "Art. 27(1)(f)", "ak-w-remedies", w.remedies.clone(), E::Remedies, 2) }
                { for props.needs_fria.then(|| html! { <>
                    <label for="ak-w-notified">{ i.t("impact.notified") }</label>
                    <input id="ak-w-notified" type="date" value={w.notified.map(|d| d.to_string()).unwrap_or_default()} onchange={{
                        // An emptied field clears the date (the browser's date input only yields valid dates).
                        let app = app.clone();
                        Callback::from(move |e: Event| send(&app, A::EditImpact(id, E::Notified(input_value(&e).parse().ok()))))
                    }} />
                </> }) }
            </fieldset>
            <fieldset class="ak-group ak-grid2">
                <legend>{ i.t("impact.iso42001") }</legend>
                { iso_field("impact.societal_impacts", "ISO/IEC 42001 A.5.5", "ak-w-societal", w.societal_impacts.clone(), E::SocietalImpacts) }
                { iso_field("impact.foreseeable_misuse", "ISO/IEC 42001 6.1.4", "ak-w-misuse", w.foreseeable_misuse.clone(), E::ForeseeableMisuse) }
            </fieldset>
            <fieldset class="ak-group">
                <legend>{ i.t("impact.risks") }<span class="ak-cite">{ " Art. 27(1)(d)" }</span></legend>
                <ol class="ak-risks">{ for risks }</ol>
                <button type="button" class="ak-button" id="ak-add-risk" onclick={on(&app, A::EditImpact(id, E::AddRisk))}>{ i.t("impact.add_risk") }</button>
            </fieldset>
            <div class="ak-heatmaps">
                { heat_map(&i, &HeatMapProps { title: "impact.before", levels: inherent }) }
                { heat_map(&i, &HeatMapProps { title: "impact.after", levels: residual }) }
            </div>
        </section>
    }
}
