//! The widget's components, one per file. Components take data through props
//! (or the [`crate::app::AppContext`] for whole views) and report events as
//! callbacks or [`crate::state::Action`]s; they hold no rule logic.

pub mod header;
pub mod import_dialog;
pub mod inventory_view;
pub mod notice_bar;
pub mod progress_bar;
pub mod question_form;
pub mod result_panel;
pub mod store_banner;
pub mod tabs;
pub mod tier_chart;
pub mod triage_view;

use yew::prelude::*;

use crate::i18n::I18n;

/// The current language context (English when none is provided).
#[hook]
pub fn use_i18n() -> I18n {
    use_context::<I18n>().unwrap_or_default()
}

/// Translation key of a tier label.
pub fn tier_key(tier: aimskit_core::triage::Tier) -> String {
    format!("ui.tier.{}", tier.as_str())
}

/// Translation key of a short role label.
pub fn role_key(role: aimskit_core::triage::Role) -> String {
    format!("ui.role.{}", role.as_str())
}
