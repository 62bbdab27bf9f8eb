//! The root component: the aimskit shell.

use yew::prelude::*;

/// The application shell.
#[function_component(App)]
pub fn app() -> Html {
    html! {
        <div class="aimskit">
            <header class="ak-header">
                <h1>{ "aimskit" }</h1>
                <p class="ak-purpose">{ "EU AI Act triage and ISO/IEC 42001 gap analysis for your AI systems." }</p>
                <p class="ak-privacy">{ "Runs entirely in your browser. Nothing you enter leaves this device." }</p>
                <p class="ak-disclaimer">{ "This is a self-assessment aid, not legal advice." }</p>
            </header>
            <nav class="ak-entry">
                <button type="button">{ "AI Act triage" }</button>
                <button type="button">{ "AIMS gap analysis" }</button>
                <button type="button">{ "Open a file" }</button>
            </nav>
        </div>
    }
}

/// Mounts [`App`] into `#aimskit`, or the body when there is none.
pub fn mount_default() {
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("aimskit"));
    match root {
        Some(el) => {
            yew::Renderer::<App>::with_root(el).render();
        }
        None => {
            yew::Renderer::<App>::new().render();
        }
    }
}
