//! The top-level view switch.

use yew::prelude::*;

use super::use_i18n;
use crate::state::View;

/// Props of [`Tabs`].
#[derive(Debug, Properties, PartialEq)]
pub struct TabsProps {
    /// The views offered.
    pub views: Vec<View>,
    /// The view shown.
    pub current: View,
    /// A view was chosen.
    pub on_select: Callback<View>,
}

/// Navigation between the views.
#[function_component(Tabs)]
pub fn tabs(props: &TabsProps) -> Html {
    let i = use_i18n();
    html! {
        <nav class="ak-tabs" aria-label={i.t("ui.views")}>
            { for props.views.iter().map(|v| {
                let view = *v;
                let on_select = props.on_select.clone();
                let current = (view == props.current).then_some("page");
                html! {
                    <button type="button" class="ak-tab" id={format!("ak-tab-{}", view.slug())}
                        aria-current={current} onclick={Callback::from(move |_| on_select.emit(view))}>
                        { i.t(view.key()) }
                    </button>
                }
            }) }
        </nav>
    }
}
