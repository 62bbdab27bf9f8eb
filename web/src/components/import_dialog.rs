//! The preview of an import: what will be added or replaced, before anything changes.

use yew::prelude::*;

use crate::i18n::I18n;
use crate::state::files::{ImportItem, ImportPreview};

/// Input of [`import_dialog`].
#[derive(Debug, PartialEq)]
pub struct ImportDialogProps {
    /// The planned import.
    pub preview: ImportPreview,
    /// Apply it.
    pub on_confirm: Callback<()>,
    /// Drop it.
    pub on_cancel: Callback<()>,
}

/// The preview, with confirm and cancel.
/// A view function rather than a component: each Yew component costs about
/// 1.5 KB of wasm (docs/size.md, step 4H); this one has no state of its own.
pub fn import_dialog(i: &I18n, props: &ImportDialogProps) -> Html {
    let (confirm, cancel) = (props.on_confirm.clone(), props.on_cancel.clone());
    html! {
        <section class="ak-dialog" role="region" aria-labelledby="ak-import-title">
            <h2 id="ak-import-title">{ i.tf("ui.import.title", &[("file", &props.preview.filename)]) }</h2>
            <ul class="ak-import-list">
                { for props.preview.items.iter().map(|item| {
                    let key = match item { ImportItem::Add(_) => "ui.import.add", ImportItem::Replace(..) => "ui.import.replace" };
                    html! { <li>{ i.tf(key, &[("name", &item.file().name)]) }</li> }
                }) }
            </ul>
            <div class="ak-actions">
                <button type="button" class="ak-button ak-primary" onclick={Callback::from(move |_| confirm.emit(()))}>{ i.t("ui.import.confirm") }</button>
                <button type="button" class="ak-button" onclick={Callback::from(move |_| cancel.emit(()))}>{ i.t("ui.cancel") }</button>
            </div>
        </section>
    }
}
