//! A placeholder for views another module fills in (AIMS, impact, report).

use yew::prelude::*;

use super::use_i18n;
use crate::state::View;

/// Props of [`Placeholder`].
#[derive(Debug, Properties, PartialEq)]
pub struct PlaceholderProps {
    /// The view.
    pub view: View,
}

/// An empty view with its title.
#[function_component(Placeholder)]
pub fn placeholder(props: &PlaceholderProps) -> Html {
    let i = use_i18n();
    html! {
        <section class="ak-view ak-placeholder" aria-labelledby="ak-view-title">
            <h2 id="ak-view-title">{ i.t(props.view.key()) }</h2>
            <p>{ i.t("ui.coming_soon") }</p>
        </section>
    }
}
