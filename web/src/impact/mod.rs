//! The impact assessment: one worksheet per inventory system that needs a
//! fundamental rights impact assessment (an obligation citing Art. 27), and
//! optionally for any other system. Fields follow Art. 27(1)(a)-(f); risks
//! carry likelihood, severity, mitigation and residual values; 5×5 heat maps
//! show them before and after mitigation. Completeness, levels and flags come
//! from core (`aimskit_core::impact::evaluate`, via the gap result) and feed
//! 6.1.4, 8.4 and A.5 of the gap analysis.

pub mod heat_map;
pub mod worksheet;

use aimskit_core::impact::ImpactStatus;
use yew::prelude::*;

use crate::aims::state::AimsAction as A;
use crate::aims::{evaluate, on};
use crate::app::AppContext;
use crate::components::use_i18n;
use worksheet::Worksheet;

/// Translation key of a completeness status.
pub fn status_key(s: ImpactStatus) -> &'static str {
    match s {
        ImpactStatus::Missing => "impact.status.missing",
        ImpactStatus::Incomplete => "impact.status.incomplete",
        ImpactStatus::Complete => "impact.status.complete",
    }
}

/// CSS class of a completeness badge.
pub fn status_class(s: ImpactStatus) -> &'static str {
    match s {
        ImpactStatus::Missing => "ak-badge ak-st-missing",
        ImpactStatus::Incomplete => "ak-badge ak-st-partial",
        ImpactStatus::Complete => "ak-badge ak-st-met",
    }
}

/// The impact assessment view (reads the app context).
#[function_component(ImpactView)]
pub fn impact_view() -> Html {
    let i = use_i18n();
    let Some(app) = use_context::<AppContext>() else {
        return html! {};
    };
    let (_, gap) = evaluate(&app.aims, &app.inventory, app.as_of);
    let open = app
        .aims
        .impact_open
        .filter(|id| app.inventory.get(*id).is_some());

    // gap.systems follows inventory order (the inventory is passed inline).
    let rows = app.inventory.systems.iter().zip(gap.systems.iter()).map(|(s, g)| {
        let id = s.id;
        let has = s.file.impact.is_some();
        let action = if has {
            html! { <button type="button" class="ak-button" onclick={on(&app, A::OpenImpact(id))}>{ i.t("impact.open") }</button> }
        } else {
            html! { <button type="button" class="ak-button" onclick={on(&app, A::StartImpact(id))}>{ i.t("impact.start") }</button> }
        };
        html! {
            <tr data-system={s.file.name.clone()} aria-current={(open == Some(id)).then_some("true")}>
                <th scope="row">{ &s.file.name }</th>
                <td>{ if g.needs_fria { i.t("impact.needs_fria") } else { i.t("impact.optional") } }</td>
                <td><span class={status_class(g.impact.status)}>{ i.t(status_key(g.impact.status)) }</span></td>
                <td>{ action }</td>
            </tr>
        }
    });
    let sheet = open.and_then(|id| {
        let pos = app.inventory.position(id)?;
        let entry = app.inventory.systems.get(pos)?;
        let eval = gap.systems.get(pos).map(|g| (g.impact.clone(), g.needs_fria))?;
        Some(html! { <Worksheet id={id} name={entry.file.name.clone()} sheet={entry.file.impact.clone()} eval={eval.0} needs_fria={eval.1} /> })
    });
    html! {
        <section class="ak-view ak-impact" aria-labelledby="ak-view-title">
            <h2 id="ak-view-title">{ i.t("ui.view.impact") }</h2>
            <p class="ak-hint">{ i.t("impact.intro") }</p>
            if app.inventory.systems.is_empty() {
                <p>{ i.t("impact.no_systems") }</p>
            } else {
                <div class="ak-table-wrap" tabindex="0" role="region" aria-label={i.tf("ui.table.region", &[("title", &i.t("impact.title"))])}>
                    <table class="ak-table ak-impact-list">
                        <thead><tr>
                            <th scope="col">{ i.t("rep.system") }</th>
                            <th scope="col">{ i.t("impact.required") }</th>
                            <th scope="col">{ i.t("impact.status") }</th>
                            <th scope="col"><span class="ak-visually-hidden">{ i.t("impact.actions") }</span></th>
                        </tr></thead>
                        <tbody>{ for rows }</tbody>
                    </table>
                </div>
            }
            { for sheet }
        </section>
    }
}
