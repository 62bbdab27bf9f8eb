//! ISO/IEC 42001 AIMS assessment: typed state and reducer ([`state`]) and the
//! views: the item list grouped by PDCA phase or by clause group / Annex A
//! objective, the item editor, the overview (scores, findings, pitfalls, SoA,
//! roadmap) and the existing management systems. Every score, status,
//! finding and pitfall shown is read from core's [`GapResult`].

pub mod state;

pub mod assessment;
pub mod item_editor;
pub mod management;
pub mod overview;
pub mod score_chart;
pub mod tables;

use aimskit_core::Date;
use aimskit_core::aims::AimsFile;
use aimskit_core::gap::{GapResult, Status, gap};

use crate::state::inventory::Inventory;
use state::AimsState;

/// The AIMS file (inventory inline) and its gap result, from core.
pub fn evaluate(aims: &AimsState, inventory: &Inventory, as_of: Date) -> (AimsFile, GapResult) {
    let file = state::export_file(aims, inventory, as_of);
    let result = gap(&file, &[], as_of);
    (file, result)
}

/// Translation key of a status.
pub fn status_key(s: Status) -> String {
    format!("aims.status.{}", s.as_str())
}

/// CSS class of a status badge.
pub fn status_class(s: Status) -> String {
    format!("ak-badge ak-st-{}", s.as_str())
}

/// Dispatches an AIMS action to the app store.
pub fn send(app: &crate::app::AppContext, action: state::AimsAction) {
    app.dispatch(crate::state::Action::Aims(action));
}

/// A callback that dispatches `action` whatever the event.
pub fn on<E>(app: &crate::app::AppContext, action: state::AimsAction) -> yew::Callback<E> {
    let app = app.clone();
    yew::Callback::from(move |_| send(&app, action.clone()))
}

/// The value of the input or textarea an event came from.
pub fn input_value(e: &yew::Event) -> String {
    use wasm_bindgen::JsCast;
    let t = e.target();
    if let Some(i) = t
        .as_ref()
        .and_then(|t| t.dyn_ref::<web_sys::HtmlInputElement>())
    {
        return i.value();
    }
    if let Some(a) = t
        .as_ref()
        .and_then(|t| t.dyn_ref::<web_sys::HtmlTextAreaElement>())
    {
        return a.value();
    }
    t.as_ref()
        .and_then(|t| t.dyn_ref::<web_sys::HtmlSelectElement>())
        .map(|s| s.value())
        .unwrap_or_default()
}
