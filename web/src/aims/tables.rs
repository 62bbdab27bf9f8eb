//! Result tables shared by the AIMS overview and the report: Statement of
//! Applicability, roadmap, findings by severity and pitfalls. They render
//! core's [`GapResult`] as it is; nothing is computed here.

use std::rc::Rc;

use aimskit_core::gap::{GapResult, Severity, catalogue};
use yew::prelude::*;

use super::{status_class, status_key};
use crate::i18n::I18n;

/// Input of the result tables.
#[derive(Debug, PartialEq)]
pub struct GapProps {
    /// The gap result.
    pub gap: Rc<GapResult>,
}

/// The Statement of Applicability: one row per Annex A control.
/// A view function rather than a component: each Yew component costs about
/// 1.5 KB of wasm (docs/size.md, step 4H); this one has no state of its own.
pub fn soa_table(i: &I18n, props: &GapProps) -> Html {
    let rows = props.gap.soa.iter().map(|r| {
        let title = catalogue()
            .item(&r.control)
            .map(|it| it.title.get(i.lang).to_owned())
            .unwrap_or_default();
        let applicable = match r.applicable {
            Some(true) => i.t("aims.yes"),
            Some(false) => i.t("aims.no"),
            None => i.t("aims.applicable.unstated"),
        };
        html! {
            <tr data-control={r.control.clone()} data-status={r.status.as_str()}>
                <th scope="row">{ &r.control }</th>
                <td>{ title }</td>
                <td>{ applicable }</td>
                <td>{ &r.justification }</td>
                <td><span class={status_class(r.status)}>{ i.t(&status_key(r.status)) }</span></td>
                <td>{ r.required_by.join(", ") }</td>
            </tr>
        }
    });
    html! {
        <div class="ak-table-wrap" tabindex="0" role="region" aria-label={i.tf("ui.table.region", &[("title", &i.t("aims.soa"))])}>
            <table class="ak-table ak-soa">
                <caption>{ i.t("aims.soa") }</caption>
                <thead><tr>
                    <th scope="col">{ i.t("aims.control") }</th>
                    <th scope="col">{ i.t("aims.item.title") }</th>
                    <th scope="col">{ i.t("aims.applicable") }</th>
                    <th scope="col">{ i.t("aims.justification") }</th>
                    <th scope="col">{ i.t("aims.status") }</th>
                    <th scope="col">{ i.t("aims.required_by") }</th>
                </tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
        </div>
    }
}

/// The roadmap, most urgent first, with dates.
/// A view function rather than a component: each Yew component costs about
/// 1.5 KB of wasm (docs/size.md, step 4H); this one has no state of its own.
pub fn roadmap_table(i: &I18n, props: &GapProps) -> Html {
    if props.gap.roadmap.is_empty() {
        return html! { <p class="ak-roadmap-empty">{ i.t("aims.roadmap.none") }</p> };
    }
    let rows = props.gap.roadmap.iter().enumerate().map(|(n, a)| {
        html! {
            <tr data-ref={a.ref_.clone()}>
                <td>{ n + 1 }</td>
                <th scope="row">{ &a.ref_ }</th>
                <td>{ a.action_in(i.lang) }</td>
                <td><span class={format!("ak-badge ak-prio-{}", a.priority.as_str())}>{ i.t(&format!("aims.priority.{}", a.priority.as_str())) }</span></td>
                <td class="ak-nowrap">{ a.due.map(|d| i.date_short(d)).unwrap_or_default() }</td>
                <td>{ a.because_in(i.lang) }</td>
            </tr>
        }
    });
    html! {
        <div class="ak-table-wrap" tabindex="0" role="region" aria-label={i.tf("ui.table.region", &[("title", &i.t("aims.roadmap"))])}>
            <table class="ak-table ak-roadmap">
                <caption>{ i.t("aims.roadmap") }</caption>
                <thead><tr>
                    <th scope="col">{ "#" }</th>
                    <th scope="col">{ i.t("aims.ref") }</th>
                    <th scope="col">{ i.t("aims.action") }</th>
                    <th scope="col">{ i.t("aims.priority") }</th>
                    <th scope="col">{ i.t("aims.due") }</th>
                    <th scope="col">{ i.t("aims.because") }</th>
                </tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
        </div>
    }
}

/// Input of [`findings_list`].
#[derive(Debug, PartialEq)]
pub struct FindingsProps {
    /// The gap result.
    pub gap: Rc<GapResult>,
    /// Every group open (the report, which must print in full).
    pub expanded: bool,
}

/// Findings grouped by severity, nonconformities first.
/// A view function rather than a component: each Yew component costs about
/// 1.5 KB of wasm (docs/size.md, step 4H); this one has no state of its own.
pub fn findings_list(i: &I18n, props: &FindingsProps) -> Html {
    if props.gap.findings.is_empty() {
        return html! { <p>{ i.t("aims.findings.none") }</p> };
    }
    let groups = [Severity::Nonconformity, Severity::Observation, Severity::Opportunity].map(|sev| {
        let of: Vec<_> = props.gap.findings.iter().filter(|f| f.severity == sev).collect();
        if of.is_empty() {
            return html! {};
        }
        html! {
            <details class={format!("ak-findings ak-sev-{}", sev.as_str())} open={props.expanded || sev == Severity::Nonconformity}>
                <summary>{ format!("{} ({})", i.t(&format!("aims.severity.{}", sev.as_str())), of.len()) }</summary>
                <ul>
                    { for of.iter().map(|f| html! {
                        <li data-ref={f.ref_.clone()}><strong>{ &f.ref_ }</strong>{ ": " }{ f.message_in(i.lang) }
                            <span class="ak-cite">{ format!(" ({})", f.citation) }</span></li>
                    }) }
                </ul>
            </details>
        }
    });
    html! { <div class="ak-findings-all">{ for groups }</div> }
}

/// Detected pitfalls, each with why it was detected and what to do.
/// A view function rather than a component: each Yew component costs about
/// 1.5 KB of wasm (docs/size.md, step 4H); this one has no state of its own.
pub fn pitfall_list(i: &I18n, props: &GapProps) -> Html {
    if props.gap.pitfall_details.is_empty() {
        return html! { <p class="ak-pitfalls-none">{ i.t("aims.pitfalls.none") }</p> };
    }
    let items = props.gap.pitfall_details.iter().map(|p| {
        let info = catalogue().pitfall(&p.id);
        let title = info.map_or(p.title.clone(), |x| x.title.get(i.lang).to_owned());
        let explanation = info.map_or(p.explanation.clone(), |x| x.explanation.get(i.lang).to_owned());
        let todo = info.map_or(p.what_to_do.clone(), |x| x.what_to_do.get(i.lang).to_owned());
        html! {
            <li class="ak-pitfall" data-pitfall={p.id.clone()}>
                <h4>{ title }</h4>
                <p>{ explanation }</p>
                <p class="ak-because"><strong>{ i.t("aims.pitfall.because") }{ ": " }</strong>{ p.because_in(i.lang) }</p>
                <p class="ak-todo"><strong>{ i.t("aims.pitfall.todo") }{ ": " }</strong>{ todo }
                    <span class="ak-cite">{ format!(" ({})", p.citation) }</span></p>
            </li>
        }
    });
    html! { <ul class="ak-pitfalls">{ for items }</ul> }
}
