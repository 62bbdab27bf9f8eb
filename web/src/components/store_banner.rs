//! Tells the user when nothing is being saved, and why.

use yew::prelude::*;

use crate::i18n::I18n;
use crate::state::Persistence;
use crate::state::store::StoreProblem;

/// Input of [`store_banner`].
#[derive(Debug, PartialEq)]
pub struct StoreBannerProps {
    /// The saving state.
    pub persistence: Persistence,
    /// Export the refused stored data as it is.
    pub on_export_raw: Callback<()>,
    /// About the stored AIMS self-assessment rather than the inventory.
    pub aims: bool,
}

/// The banner (nothing while autosaving works).
/// A view function rather than a component: each Yew component costs about
/// 1.5 KB of wasm (docs/size.md, step 4H); this one has no state of its own.
pub fn store_banner(i: &I18n, props: &StoreBannerProps) -> Html {
    let key = |k: &str| {
        if props.aims {
            i.t(&format!("ui.store.aims_{k}"))
        } else {
            i.t(&format!("ui.store.{k}"))
        }
    };
    let store = if props.aims { "aims" } else { "inventory" };
    match &props.persistence {
        Persistence::Saving => html! {},
        Persistence::MemoryOnly => html! {
            <div class="ak-banner ak-warn" role="status" data-store={store}>{ key("memory_only") }</div>
        },
        Persistence::Refused { problem, .. } => {
            let (text, detail) = match problem {
                StoreProblem::Newer(format) => (key("newer"), format.clone()),
                StoreProblem::Unreadable(why) => (key("unreadable"), why.clone()),
            };
            let cb = props.on_export_raw.clone();
            html! {
                <div class="ak-banner ak-warn" role="alert" data-store={store}>
                    <p>{ text }</p>
                    <p class="ak-detail">{ detail }</p>
                    <button type="button" class="ak-button" onclick={Callback::from(move |_| cb.emit(()))}>{ i.t("ui.store.export_raw") }</button>
                </div>
            }
        }
    }
}
