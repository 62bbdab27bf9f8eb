//! The root component: state, contexts, autosave, and the top-level views.
//!
//! [`View`] lists every view; the AIMS, impact and report views are their own
//! modules (`web/src/aims/`, `web/src/impact/`, `web/src/report/`), which read
//! [`AppContext`] for the inventory and dispatch [`Action`]s.

use yew::prelude::*;

use crate::aims::assessment::AimsView;
use crate::impact::ImpactView;
use crate::report::ReportView;

use crate::components::header::{HeaderProps, header};
use crate::components::import_dialog::{ImportDialogProps, import_dialog};
use crate::components::inventory_view::InventoryView;
use crate::components::notice_bar::{NoticeBarProps, notice_bar};
use crate::components::store_banner::{StoreBannerProps, store_banner};
use crate::components::tabs::{TabsProps, tabs};
use crate::components::triage_view::TriageView;
use crate::dom;
use crate::embed::{Embed, Module};
use crate::i18n::{self, I18n};
use crate::state::files::ExportFile;
use crate::state::store::{self, AIMS_KEY, STORE_KEY};
use crate::state::view::rules_version;
use crate::state::{Action, AppState, Persistence, View};

/// The shared state handle, provided as a context to every view.
pub type AppContext = UseReducerHandle<AppState>;

fn views_for(modules: &[Module]) -> Vec<View> {
    let mut views = Vec::new();
    for m in modules {
        match m {
            Module::Triage => views.extend([View::Inventory, View::Triage]),
            Module::Aims => views.extend([View::Aims, View::Impact]),
            Module::Report => views.push(View::Report),
        }
    }
    views
}

/// The application.
#[function_component(App)]
pub fn app() -> Html {
    let embed = use_context::<Embed>();
    let options = embed
        .as_ref()
        .map(|e| (*e.options).clone())
        .unwrap_or_default();
    let key = options.storage_key(STORE_KEY);
    let aims_key = options.storage_key(AIMS_KEY);
    let state = {
        let (options, key, aims_key) = (options.clone(), key.clone(), aims_key.clone());
        use_reducer(move || {
            let lang = if embed.is_some() {
                options.lang
            } else {
                i18n::from_browser(dom::browser_lang().as_deref())
            };
            let (raw, storage_ok) = dom::load(&key);
            let (aims_raw, _) = dom::load(&aims_key);
            let first = options.view.map(|m| views_for(&[m])[0]);
            AppState::new(
                lang,
                views_for(&options.modules),
                first,
                dom::today(),
                store::decode(raw),
                storage_ok,
            )
            .with_aims(store::decode_aims(aims_raw))
        })
    };
    {
        // Autosave: write after every inventory change, unless saving is off.
        let state = state.clone();
        use_effect_with(state.revision, move |revision| {
            if *revision > 0
                && state.autosave()
                && !dom::save(&key, &store::encode(&state.inventory))
            {
                state.dispatch(Action::StorageFailed);
            }
        });
    }
    {
        // The same for the AIMS self-assessment, under its own key.
        let state = state.clone();
        use_effect_with(state.aims_revision, move |revision| {
            if *revision > 0
                && state.autosave_aims()
                && !dom::save(&aims_key, &store::encode_aims(&state.stored_aims()))
            {
                state.dispatch(Action::AimsStorageFailed);
            }
        });
    }
    // `aimskit:result` for the host page when a result appears or changes.
    crate::embed::use_result_events(&state);
    let i = I18n { lang: state.lang };
    let on_lang = {
        let s = state.clone();
        Callback::from(move |l| s.dispatch(Action::SetLang(l)))
    };
    let on_view = {
        let s = state.clone();
        Callback::from(move |v| s.dispatch(Action::SetView(v)))
    };
    let export_raw = |aims: bool| {
        let s = state.clone();
        Callback::from(move |_| {
            let (p, filename) = if aims {
                (&s.aims_persistence, "aimskit-aims-backup.json")
            } else {
                (&s.persistence, "aimskit-store-backup.json")
            };
            if let Persistence::Refused { raw, .. } = p {
                dom::download(&ExportFile {
                    filename: filename.into(),
                    mime: "application/json",
                    text: raw.clone(),
                });
            }
        })
    };
    // "Working in memory" is said once when storage is missing altogether.
    let aims_banner = if state.aims_persistence == Persistence::MemoryOnly
        && state.persistence == Persistence::MemoryOnly
    {
        Persistence::Saving
    } else {
        state.aims_persistence.clone()
    };
    let dispatch = |a: Action| {
        let s = state.clone();
        Callback::from(move |_| s.dispatch(a.clone()))
    };
    let main = match state.view {
        View::Inventory => html! { <InventoryView /> },
        View::Triage => html! { <TriageView /> },
        View::Aims => html! { <AimsView /> },
        View::Impact => html! { <ImpactView /> },
        View::Report => html! { <ReportView /> },
    };
    html! {
        <ContextProvider<I18n> context={i}>
        <ContextProvider<AppContext> context={state.clone()}>
            <div class="aimskit" lang={state.lang.code()}>
                { header(&i, &HeaderProps { rules_version: rules_version(), on_lang }) }
                { store_banner(&i, &StoreBannerProps { persistence: state.persistence.clone(), on_export_raw: export_raw(false), aims: false }) }
                { store_banner(&i, &StoreBannerProps { persistence: aims_banner, on_export_raw: export_raw(true), aims: true }) }
                { tabs(&i, &TabsProps { views: state.views.clone(), current: state.view, on_select: on_view }) }
                { notice_bar(&i, &NoticeBarProps { notice: state.notice.clone(), deleted: state.undo.as_ref().map(|d| d.entry.file.name.clone()),
                    on_undo: dispatch(Action::Undo), on_dismiss: dispatch(Action::DismissNotice) }) }
                if let Some(preview) = state.import.clone() {
                    { import_dialog(&i, &ImportDialogProps { preview, on_confirm: dispatch(Action::ConfirmImport), on_cancel: dispatch(Action::CancelImport) }) }
                }
                <main class="ak-main">{ main }</main>
                <footer class="ak-footer">
                    <p>{ i.t("app.privacy") }{ " " }{ i.t("app.not_legal_advice") }</p>
                </footer>
            </div>
        </ContextProvider<AppContext>>
        </ContextProvider<I18n>>
    }
}
