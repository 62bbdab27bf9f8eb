//! The report view: organisation, scope, date and rule-base versions; the
//! inventory with tiers and obligations; gap scores, SoA, findings, pitfalls
//! and roadmap; the impact assessments. It prints to a clean PDF through the
//! browser (print rules at the end of `web/style.css`) and offers the exports
//! and the import of an AIMS file with a preview.

pub mod exports;
pub mod import;

use std::rc::Rc;

use yew::prelude::*;

use crate::aims::evaluate;
use crate::aims::overview::score_bars;
use crate::aims::score_chart::{ScoreChartProps, score_chart};
use crate::aims::tables::{
    FindingsProps, GapProps, findings_list, pitfall_list, roadmap_table, soa_table,
};
use crate::app::AppContext;
use crate::components::{role_key, tier_key, use_i18n};
use crate::dom;
use crate::impact::heat_map::{HeatMapProps, heat_map};
use crate::impact::{status_class, status_key};
use exports::{ExportKind, export};
use import::ImportPanel;

/// The report view (reads the app context).
#[function_component(ReportView)]
pub fn report_view() -> Html {
    let i = use_i18n();
    let Some(app) = use_context::<AppContext>() else {
        return html! {};
    };
    let (file, gap) = evaluate(&app.aims, &app.inventory, app.as_of);
    let (file, gap) = (Rc::new(file), Rc::new(gap));

    let buttons = ExportKind::ALL.map(|k| {
        let (file, gap, lang) = (file.clone(), gap.clone(), i.lang);
        let onclick = Callback::from(move |_| {
            dom::download(&export(k, &file, &gap, lang));
        });
        html! { <button type="button" class="ak-button" data-export={k.key()} onclick={onclick}>{ i.t(k.key()) }</button> }
    });

    let inventory = gap.systems.iter().map(|s| {
        let tr = &s.triage;
        let roles = tr.roles.iter().map(|r| i.t(&role_key(*r))).collect::<Vec<_>>().join(", ");
        html! {
            <tr data-system={s.name.clone()}>
                <th scope="row">{ &s.name }</th>
                <td><span class={format!("ak-badge ak-tier-{}", tr.tier.as_str())}>{ i.t(&tier_key(tr.tier)) }</span>
                    { for (!tr.needs_review.is_empty()).then(|| html! { <span class="ak-review">{ format!(" {}", i.t("rep.needs_review")) }</span> }) }</td>
                <td>{ roles }</td>
                <td><ul class="ak-plain">{ for tr.obligations.iter().map(|o| html! {
                    <li>{ aimskit_core::i18n::obligation_title(i.lang, o) }{ format!(" ({})", o.articles.join(", ")) }
                        { for (!o.applicable).then(|| format!(" · {} {}", i.t("rep.from"), i.date_short(o.applies_from))) }</li>
                }) }</ul></td>
            </tr>
        }
    });

    let impacts = app.inventory.systems.iter().zip(gap.systems.iter()).filter(|(e, g)| g.needs_fria || e.file.impact.is_some()).map(|(e, g)| {
        let w = e.file.impact.clone().unwrap_or_default();
        let inherent: Vec<_> = g.impact.risks.iter().map(|r| r.inherent).collect();
        let residual: Vec<_> = g.impact.risks.iter().map(|r| r.residual.or(r.inherent)).collect();
        html! {
            <article class="ak-report-impact">
                <h4>{ &e.file.name }{ " " }<span class={status_class(g.impact.status)}>{ i.t(status_key(g.impact.status)) }</span></h4>
                <dl class="ak-item-facts">
                    <dt>{ i.t("impact.processes") }</dt><dd>{ &w.processes }</dd>
                    <dt>{ i.t("impact.period_and_frequency") }</dt><dd>{ &w.period_and_frequency }</dd>
                    <dt>{ i.t("impact.affected_groups") }</dt><dd>{ w.affected_groups.join(", ") }</dd>
                    <dt>{ i.t("impact.oversight") }</dt><dd>{ &w.oversight }</dd>
                    <dt>{ i.t("impact.remedies") }</dt><dd>{ &w.remedies }</dd>
                    <dt>{ i.t("impact.societal_impacts") }{ " (ISO/IEC 42001 A.5.5)" }</dt><dd>{ &w.societal_impacts }</dd>
                    <dt>{ i.t("impact.foreseeable_misuse") }{ " (ISO/IEC 42001 6.1.4)" }</dt><dd>{ &w.foreseeable_misuse }</dd>
                </dl>
                { for (!w.risks.is_empty()).then(|| html! { <>
                    <div class="ak-table-wrap" tabindex="0" role="region" aria-label={i.tf("ui.table.region", &[("title", &format!("{}: {}", e.file.name, i.t("impact.risks")))])}><table class="ak-table">
                        <thead><tr>
                            <th scope="col">{ i.t("impact.harm") }</th><th scope="col">{ i.t("impact.right") }</th>
                            <th scope="col">{ i.t("impact.inherent") }</th><th scope="col">{ i.t("impact.mitigation") }</th>
                            <th scope="col">{ i.t("impact.residual") }</th>
                        </tr></thead>
                        <tbody>{ for w.risks.iter().zip(g.impact.risks.iter()).map(|(r, ev)| {
                            let lv = |x: Option<aimskit_core::impact::RiskLevel>| x.map_or_else(|| i.t("impact.not_rated"),
                                |v| format!("{}×{} = {} ({})", v.likelihood, v.severity, v.score, i.t(&format!("impact.band.{}", v.band.as_str()))));
                            html! { <tr><td>{ &r.harm }</td><td>{ &r.right }</td><td>{ lv(ev.inherent) }</td><td>{ &r.mitigation }</td><td>{ lv(ev.residual) }</td></tr> }
                        }) }</tbody>
                    </table></div>
                    <div class="ak-heatmaps">
                        { heat_map(&i, &HeatMapProps { title: "impact.before", levels: inherent }) }
                        { heat_map(&i, &HeatMapProps { title: "impact.after", levels: residual }) }
                    </div>
                </> }) }
            </article>
        }
    }).collect::<Vec<Html>>();

    html! {
        <section class="ak-view ak-report" aria-labelledby="ak-view-title">
            <div class="ak-report-actions ak-no-print" role="group" aria-label={i.t("rep.exports")}>
                { for buttons }
                <button type="button" class="ak-button ak-primary" onclick={Callback::from(|_| dom::print())}>{ i.t("rep.print") }</button>
            </div>
            <ImportPanel />
            <header class="ak-report-head">
                <h2 id="ak-view-title">{ i.t("rep.title") }{ ": " }{ &gap.organisation }</h2>
                <dl class="ak-report-meta">
                    <dt>{ i.t("rep.organisation") }</dt><dd id="ak-rep-org">{ &gap.organisation }</dd>
                    <dt>{ i.t("rep.scope") }</dt><dd>{ &file.scope }</dd>
                    <dt>{ i.t("rep.as_of") }</dt><dd id="ak-rep-date">{ i.date(gap.as_of) }</dd>
                    <dt>{ i.t("rep.rules_version") }</dt><dd>{ &gap.rules_version }</dd>
                    <dt>{ i.t("rep.catalogue_version") }</dt><dd>{ &gap.catalogue_version }</dd>
                </dl>
                <p class="ak-disclaimer">{ i.t("rep.disclaimer") }</p>
            </header>
            <section class="ak-report-section" aria-labelledby="ak-rep-inv">
                <h3 id="ak-rep-inv">{ i.t("rep.inventory") }</h3>
                if gap.systems.is_empty() { <p>{ i.t("rep.inventory.empty") }</p> } else {
                    <div class="ak-table-wrap" tabindex="0" role="region" aria-label={i.tf("ui.table.region", &[("title", &i.t("rep.inventory"))])}><table class="ak-table ak-rep-inventory">
                        <thead><tr>
                            <th scope="col">{ i.t("rep.system") }</th><th scope="col">{ i.t("rep.tier") }</th>
                            <th scope="col">{ i.t("rep.roles") }</th><th scope="col">{ i.t("rep.obligations") }</th>
                        </tr></thead>
                        <tbody>{ for inventory }</tbody>
                    </table></div>
                }
            </section>
            <section class="ak-report-section" aria-labelledby="ak-rep-scores">
                <h3 id="ak-rep-scores">{ i.t("rep.scores") }</h3>
                <p class="ak-score-big" id="ak-rep-score">{ format!("{:.1}", gap.score) }<span>{ " / 100" }</span></p>
                { score_chart(&i, &ScoreChartProps { bars: score_bars(&gap) }) }
                <p>{ aimskit_core::report::coverage_text(i.lang, &gap) }</p>
            </section>
            <section class="ak-report-section" aria-labelledby="ak-rep-pitfalls">
                <h3 id="ak-rep-pitfalls">{ i.t("aims.pitfalls") }</h3>
                { pitfall_list(&i, &GapProps { gap: gap.clone() }) }
            </section>
            <section class="ak-report-section" aria-labelledby="ak-rep-findings">
                <h3 id="ak-rep-findings">{ i.t("aims.findings") }</h3>
                { findings_list(&i, &FindingsProps { gap: gap.clone(), expanded: true }) }
            </section>
            <section class="ak-report-section ak-break-before" aria-labelledby="ak-rep-soa">
                <h3 id="ak-rep-soa">{ i.t("aims.soa") }</h3>
                { soa_table(&i, &GapProps { gap: gap.clone() }) }
            </section>
            <section class="ak-report-section ak-break-before" aria-labelledby="ak-rep-roadmap">
                <h3 id="ak-rep-roadmap">{ i.t("aims.roadmap") }</h3>
                { roadmap_table(&i, &GapProps { gap: gap.clone() }) }
            </section>
            <section class="ak-report-section" aria-labelledby="ak-rep-impact">
                <h3 id="ak-rep-impact">{ i.t("impact.title") }</h3>
                if impacts.is_empty() { <p>{ i.t("impact.none") }</p> } else { { for impacts } }
            </section>
        </section>
    }
}
