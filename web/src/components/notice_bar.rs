//! Messages after an action (import result, errors) and the undo of a delete,
//! in a polite live region.

use yew::prelude::*;

use crate::i18n::I18n;
use crate::state::Notice;

/// Input of [`notice_bar`].
#[derive(Debug, PartialEq)]
pub struct NoticeBarProps {
    /// The latest message.
    pub notice: Option<Notice>,
    /// The name of the last deleted system, if it can be restored.
    pub deleted: Option<String>,
    /// Restore it.
    pub on_undo: Callback<()>,
    /// Hide the message.
    pub on_dismiss: Callback<()>,
}

/// The live region.
/// A view function rather than a component: each Yew component costs about
/// 1.5 KB of wasm (docs/size.md, step 4H); this one has no state of its own.
pub fn notice_bar(i: &I18n, props: &NoticeBarProps) -> Html {
    let text = props.notice.as_ref().map(|n| match n {
        Notice::ImportFailed(why) => i.tf("ui.notice.import_failed", &[("why", why)]),
        Notice::ImportTooLarge => i.t("ui.notice.too_large"),
        Notice::ImportInvalidUtf8 => i.t("ui.import.invalid_utf8"),
        Notice::Imported(a, r) => i.tf(
            "ui.notice.imported",
            &[("added", &a.to_string()), ("replaced", &r.to_string())],
        ),
        Notice::AnswerFailed(why) => why.clone(),
    });
    let (undo, dismiss) = (props.on_undo.clone(), props.on_dismiss.clone());
    html! {
        <div class="ak-notices" aria-live="polite">
            if let Some(text) = text {
                <p class="ak-notice">{ text }{ " " }
                    <button type="button" class="ak-link" onclick={Callback::from(move |_| dismiss.emit(()))}>{ i.t("ui.dismiss") }</button>
                </p>
            }
            if let Some(name) = props.deleted.clone() {
                <p class="ak-notice">{ i.tf("ui.notice.deleted", &[("name", &name)]) }{ " " }
                    <button type="button" class="ak-button" onclick={Callback::from(move |_| undo.emit(()))}>{ i.t("ui.undo") }</button>
                </p>
            }
        </div>
    }
}
