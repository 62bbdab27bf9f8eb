//! Where the user is in the questionnaire.

use yew::prelude::*;

use crate::i18n::I18n;
use crate::state::view::Progress;

/// Input of [`progress_bar`].
#[derive(Debug, PartialEq)]
pub struct ProgressBarProps {
    /// The progress.
    pub progress: Progress,
    /// Translation key of the current section.
    pub section_key: &'static str,
}

/// "Question 3 of 12 (2 answered)" with a progress bar.
/// A view function rather than a component: each Yew component costs about
/// 1.5 KB of wasm (docs/size.md, step 4H); this one has no state of its own.
pub fn progress_bar(i: &I18n, props: &ProgressBarProps) -> Html {
    let p = props.progress;
    let text = i.tf(
        "ui.progress",
        &[
            ("n", &p.position.to_string()),
            ("total", &p.total.to_string()),
            ("answered", &p.answered.to_string()),
        ],
    );
    html! {
        <div class="ak-progress">
            <p class="ak-section-name">{ i.t(props.section_key) }</p>
            <label for="ak-progress-bar">{ text }</label>
            <progress id="ak-progress-bar" max={p.total.max(1).to_string()} value={p.answered.to_string()}></progress>
        </div>
    }
}
