//! The top-level view switch.

use yew::prelude::*;

use crate::i18n::I18n;
use crate::state::View;

/// Input of [`tabs`].
#[derive(Debug, PartialEq)]
pub struct TabsProps {
    /// The views offered.
    pub views: Vec<View>,
    /// The view shown.
    pub current: View,
    /// A view was chosen.
    pub on_select: Callback<View>,
}

/// Navigation between the views.
/// A view function rather than a component: each Yew component costs about
/// 1.5 KB of wasm (docs/size.md, step 4H); this one has no state of its own.
pub fn tabs(i: &I18n, props: &TabsProps) -> Html {
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
