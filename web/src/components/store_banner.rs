//! Tells the user when nothing is being saved, and why.

use yew::prelude::*;

use super::use_i18n;
use crate::state::Persistence;
use crate::state::store::StoreProblem;

/// Props of [`StoreBanner`].
#[derive(Debug, Properties, PartialEq)]
pub struct StoreBannerProps {
    /// The saving state.
    pub persistence: Persistence,
    /// Export the refused stored data as it is.
    pub on_export_raw: Callback<()>,
}

/// The banner (nothing while autosaving works).
#[function_component(StoreBanner)]
pub fn store_banner(props: &StoreBannerProps) -> Html {
    let i = use_i18n();
    match &props.persistence {
        Persistence::Saving => html! {},
        Persistence::MemoryOnly => html! {
            <div class="ak-banner ak-warn" role="status">{ i.t("ui.store.memory_only") }</div>
        },
        Persistence::Refused { problem, .. } => {
            let (text, detail) = match problem {
                StoreProblem::Newer(format) => (i.t("ui.store.newer"), format.clone()),
                StoreProblem::Unreadable(why) => (i.t("ui.store.unreadable"), why.clone()),
            };
            let cb = props.on_export_raw.clone();
            html! {
                <div class="ak-banner ak-warn" role="alert">
                    <p>{ text }</p>
                    <p class="ak-detail">{ detail }</p>
                    <button type="button" class="ak-button" onclick={Callback::from(move |_| cb.emit(()))}>{ i.t("ui.store.export_raw") }</button>
                </div>
            }
        }
    }
}
