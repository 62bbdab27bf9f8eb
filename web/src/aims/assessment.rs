//! The AIMS view: the item list grouped by PDCA phase or by clause group and
//! Annex A objective, next to the overview or the item being edited.

use std::rc::Rc;

use aimskit_core::gap::{GapResult, Item, Pdca, catalogue};
use yew::prelude::*;

use super::item_editor::ItemEditor;
use super::management::Management;
use super::overview::Overview;
use super::state::{AimsAction as A, Grouping, ItemId};
use super::{evaluate, on, status_class, status_key};
use crate::app::AppContext;
use crate::components::use_i18n;

/// A heading and its items.
struct Section<'a> {
    title: String,
    items: Vec<&'a Item>,
}

fn sections(
    grouping: Grouping,
    lang: aimskit_core::i18n::Lang,
    i: &crate::i18n::I18n,
) -> Vec<Section<'static>> {
    let cat = catalogue();
    match grouping {
        Grouping::Pdca => Pdca::ALL
            .iter()
            .map(|p| Section {
                title: i.t(&format!("aims.pdca.{}", p.as_str())),
                items: cat.items.iter().filter(|it| it.pdca == *p).collect(),
            })
            .collect(),
        Grouping::Objective => cat
            .clause_groups
            .iter()
            .chain(cat.objectives.iter())
            .map(|g| Section {
                title: format!("{} {}", g.id, g.title.get(lang)),
                items: cat.items.iter().filter(|it| it.group == g.id).collect(),
            })
            .collect(),
    }
}

/// The AIMS assessment view (reads the app context).
#[function_component(AimsView)]
pub fn aims_view() -> Html {
    let i = use_i18n();
    let Some(app) = use_context::<AppContext>() else {
        return html! {};
    };
    let (_, gap) = evaluate(&app.aims, &app.inventory, app.as_of);
    let gap: Rc<GapResult> = Rc::new(gap);
    let selected = app.aims.selected.clone();
    let grouping = app.aims.grouping;

    let status_of = |it: &Item| {
        let r = gap.clauses.get(&it.id).or_else(|| gap.controls.get(&it.id));
        r.map(|r| r.status)
    };
    let nav = sections(grouping, i.lang, &i).into_iter().map(|s| {
        html! {
            <li class="ak-nav-group">
                <span class="ak-nav-group-title">{ s.title }</span>
                <ul>{ for s.items.into_iter().map(|it| {
                    let id = ItemId::new(&it.id);
                    let current = id.is_some() && id == selected;
                    let st = status_of(it);
                    html! {
                        <li><button type="button" class="ak-nav-item" aria-current={current.then_some("true")}
                            data-item={it.id.clone()} onclick={on(&app, A::Select(id))}>
                            <span class="ak-nav-id">{ &it.id }</span>
                            <span class="ak-nav-title">{ it.title.get(i.lang) }</span>
                            { for st.map(|s| html! { <span class={status_class(s)} title={i.t(&status_key(s))}>
                                <span class="ak-visually-hidden">{ i.t(&status_key(s)) }</span></span> }) }
                        </button></li>
                    }
                }) }</ul>
            </li>
        }
    });

    let main = match &selected {
        Some(id) => html! { <ItemEditor id={id.clone()} gap={gap.clone()} /> },
        None => html! { <>
            <Management />
            <Overview gap={gap.clone()} />
        </> },
    };

    html! {
        <section class="ak-view ak-aims" aria-labelledby="ak-view-title">
            <h2 id="ak-view-title">{ i.t("ui.view.aims") }</h2>
            <p class="ak-hint">{ i.t("aims.intro") }</p>
            <div class="ak-aims-layout">
                <nav class="ak-aims-nav" aria-label={i.t("aims.nav")}>
                    <div class="ak-radio-row" role="radiogroup" aria-label={i.t("aims.grouping")}>
                        <label><input type="radio" name="ak-grouping" checked={grouping == Grouping::Pdca}
                            onchange={on(&app, A::SetGrouping(Grouping::Pdca))} />{ i.t("aims.grouping.pdca") }</label>
                        <label><input type="radio" name="ak-grouping" checked={grouping == Grouping::Objective}
                            onchange={on(&app, A::SetGrouping(Grouping::Objective))} />{ i.t("aims.grouping.objective") }</label>
                    </div>
                    <button type="button" class="ak-nav-item ak-nav-overview" id="ak-aims-overview"
                        aria-current={selected.is_none().then_some("true")} onclick={on(&app, A::Select(None))}>
                        { i.t("aims.overview") }
                    </button>
                    <ul class="ak-nav-groups">{ for nav }</ul>
                </nav>
                <div class="ak-aims-main">{ main }</div>
            </div>
        </section>
    }
}
