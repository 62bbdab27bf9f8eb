//! Embedding the widget: mount options, the [`Embed`] context the widget
//! reads them from, and the events it dispatches to the host page.
//!
//! The JS shim `web/js/element.js` (custom element `<aims-kit>` and the
//! high-level `mount(element, options)`) creates the Shadow DOM and calls
//! [`mount`] with the container inside it.

use std::rc::Rc;

use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;
use yew::prelude::*;

use aimskit_core::gap::{GapResult, PdcaScores, Severity};
use aimskit_core::i18n::Lang;
use aimskit_core::triage::{GpaiStatus, Tier, TriageResult};

use crate::api::js_error;

#[wasm_bindgen(typescript_custom_section)]
const TS_MOUNT: &str = r#"
/** Options of `mount` and attributes of `<aims-kit>`. */
export interface MountOptions {
  lang?: "en" | "de" | "fr" | "it";
  modules?: ("triage" | "aims" | "report")[];
  view?: "triage" | "aims" | "report";
  storagePrefix?: string;
}
/** Renders the widget into `element` as given (no Shadow DOM; element.js adds it) and dispatches `aimskit:ready`. */
export function mount(element: Element, options?: MountOptions): Widget;
"#;

/// A part of the widget the host can show or hide.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Module {
    /// EU AI Act triage.
    Triage,
    /// ISO/IEC 42001 AIMS gap analysis.
    Aims,
    /// The combined report.
    Report,
}

impl Module {
    /// Every module, in display order.
    pub const ALL: [Module; 3] = [Module::Triage, Module::Aims, Module::Report];
}

/// Options as the host passes them (JS object; attributes of `<aims-kit>`).
#[derive(Debug, Default, Deserialize)]
#[serde(default, rename_all = "camelCase", deny_unknown_fields)]
struct RawOptions {
    lang: Option<String>,
    modules: Option<Vec<Module>>,
    view: Option<Module>,
    storage_prefix: Option<String>,
}

/// Resolved mount options.
#[derive(Debug, Clone, PartialEq)]
pub struct MountOptions {
    /// Interface language (default English).
    pub lang: Lang,
    /// Modules to show, in order (default all).
    pub modules: Vec<Module>,
    /// The view to open first, if any (one of `modules`).
    pub view: Option<Module>,
    /// Prefix for every local-storage key, so two widgets on one origin do
    /// not collide (default `"aimskit"`).
    pub storage_prefix: String,
}

impl Default for MountOptions {
    fn default() -> Self {
        MountOptions {
            lang: Lang::En,
            modules: Module::ALL.to_vec(),
            view: None,
            storage_prefix: "aimskit".to_owned(),
        }
    }
}

impl MountOptions {
    /// Reads options from a JS value (`undefined`/`null` = defaults).
    pub fn from_js(value: &JsValue) -> Result<MountOptions, JsValue> {
        if value.is_undefined() || value.is_null() {
            return Ok(MountOptions::default());
        }
        let text = js_sys::JSON::stringify(value)
            .ok()
            .and_then(|s| s.as_string())
            .ok_or_else(|| js_error("invalid_options", "mount options must be a plain object"))?;
        MountOptions::from_json(&text)
    }

    fn from_json(text: &str) -> Result<MountOptions, JsValue> {
        let raw: RawOptions = serde_json::from_str(text).map_err(|e| {
            js_error(
                "invalid_options",
                &format!(
                    "bad mount options ({e}); expected {{ lang: \"en\"|\"de\"|\"fr\"|\"it\", \
                     modules: [\"triage\"|\"aims\"|\"report\"], view, storagePrefix }}"
                ),
            )
        })?;
        let mut options = MountOptions::default();
        if let Some(tag) = raw.lang.as_deref().filter(|t| !t.is_empty()) {
            options.lang = Lang::from_tag(tag).ok_or_else(|| {
                js_error(
                    "invalid_options",
                    &format!("unknown language `{tag}`; expected en, de, fr or it"),
                )
            })?;
        } else {
            // No `lang` option or attribute: the browser's language, if offered.
            options.lang = crate::i18n::from_browser(crate::dom::browser_lang().as_deref());
        }
        if let Some(modules) = raw.modules.filter(|m| !m.is_empty()) {
            options.modules = Module::ALL
                .into_iter()
                .filter(|m| modules.contains(m))
                .collect();
        }
        if let Some(view) = raw.view {
            if !options.modules.contains(&view) {
                return Err(js_error(
                    "invalid_options",
                    "the initial view must be one of the modules shown",
                ));
            }
            options.view = Some(view);
        }
        if let Some(prefix) = raw.storage_prefix.filter(|p| !p.is_empty()) {
            options.storage_prefix = prefix;
        }
        Ok(options)
    }

    /// The local-storage key for `name` under this widget's prefix.
    pub fn storage_key(&self, name: &str) -> String {
        format!("{}.{name}", self.storage_prefix)
    }
}

/// What the widget knows about where it is embedded. Provided as a Yew
/// context around `app::App`; read it with `use_context::<Embed>()`.
#[derive(Debug, Clone, PartialEq)]
pub struct Embed {
    /// The options the host gave.
    pub options: Rc<MountOptions>,
    /// The element the widget was mounted into (inside the shadow root when
    /// embedded): events are dispatched from here.
    pub root: web_sys::Element,
}

impl Embed {
    /// Dispatches `name` (e.g. `"aimskit:result"`) with `detail` as a plain
    /// object. The event bubbles and is `composed`, so it crosses the shadow
    /// boundary and reaches the host element and page. Nothing is sent anywhere.
    pub fn emit<T: Serialize>(&self, name: &str, detail: &T) {
        let Ok(detail) = crate::api::to_js(detail) else {
            return;
        };
        let init = web_sys::CustomEventInit::new();
        init.set_bubbles(true);
        init.set_composed(true);
        init.set_detail(&detail);
        if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
            let _ = self.root.dispatch_event(&event);
        }
    }
}

/// Props of [`Embedded`].
#[derive(Debug, Properties, PartialEq)]
pub struct EmbeddedProps {
    embed: Embed,
}

/// The widget as mounted: [`crate::app::App`] inside the [`Embed`] context.
#[function_component(Embedded)]
pub fn embedded(props: &EmbeddedProps) -> Html {
    html! {
        <ContextProvider<Embed> context={props.embed.clone()}>
            <crate::app::App />
        </ContextProvider<Embed>>
    }
}

/// Payload of `aimskit:result`: a summary of the result on screen, read from
/// core's result (counts only; no rule logic here).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum ResultEvent {
    /// The triage result of the system open in the triage view.
    Triage {
        /// The system's name.
        system: String,
        /// Its tier.
        tier: Tier,
        /// Its GPAI model status.
        gpai: GpaiStatus,
        /// Number of obligations.
        obligations: usize,
        /// Number of facts that need review.
        #[serde(rename = "needsReview")]
        needs_review: usize,
        /// The rule base version.
        #[serde(rename = "rulesVersion")]
        rules_version: String,
    },
    /// The ISO/IEC 42001 gap result shown in the AIMS, impact or report view.
    Gap {
        /// Overall score 0..100.
        score: f64,
        /// Scores per PDCA phase (`plan`, `do`, `check`, `act`).
        pdca: PdcaScores,
        /// Findings per severity.
        findings: FindingCounts,
        /// Pitfall IDs.
        pitfalls: Vec<String>,
    },
}

/// Findings per severity, in [`ResultEvent::Gap`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct FindingCounts {
    /// Nonconformities.
    pub nonconformity: usize,
    /// Observations.
    pub observation: usize,
    /// Opportunities for improvement.
    pub opportunity: usize,
}

impl ResultEvent {
    /// The summary of a triage result.
    pub fn triage(r: &TriageResult) -> ResultEvent {
        ResultEvent::Triage {
            system: r.name.clone(),
            tier: r.tier,
            gpai: r.gpai,
            obligations: r.obligations.len(),
            needs_review: r.needs_review.len(),
            rules_version: r.rules_version.clone(),
        }
    }

    /// The summary of a gap result.
    pub fn gap(g: &GapResult) -> ResultEvent {
        let mut findings = FindingCounts::default();
        for f in &g.findings {
            *match f.severity {
                Severity::Nonconformity => &mut findings.nonconformity,
                Severity::Observation => &mut findings.observation,
                Severity::Opportunity => &mut findings.opportunity,
            } += 1;
        }
        ResultEvent::Gap {
            score: g.score,
            pdca: g.pdca,
            findings,
            pitfalls: g.pitfalls.clone(),
        }
    }
}

/// Dispatches `aimskit:result` whenever the result on screen appears or
/// changes: the open system's triage result in the triage view, the gap
/// result in the AIMS, impact and report views. Does nothing when the widget
/// is not embedded (no [`Embed`] context).
#[hook]
pub fn use_result_events(state: &crate::app::AppContext) {
    use crate::state::View;
    let embed = use_context::<Embed>();
    let triage = {
        let shown = state.view == View::Triage;
        let s = state.clone();
        use_memo(
            (shown, state.open, state.revision, state.as_of),
            move |_| {
                s.result()
                    .filter(|_| shown)
                    .map(|r| ResultEvent::triage(&r))
            },
        )
    };
    let gap = {
        let shown = matches!(state.view, View::Aims | View::Impact | View::Report);
        let s = state.clone();
        use_memo(
            (shown, state.revision, state.aims_revision, state.as_of),
            move |_| {
                shown.then(|| {
                    let (_, g) = crate::aims::evaluate(&s.aims, &s.inventory, s.as_of);
                    ResultEvent::gap(&g)
                })
            },
        )
    };
    use_emit(embed.clone(), triage);
    use_emit(embed, gap);
}

/// Emits `aimskit:result` when `event` changes to a result.
#[hook]
fn use_emit(embed: Option<Embed>, event: Rc<Option<ResultEvent>>) {
    use_effect_with(event, move |event| {
        if let (Some(embed), Some(event)) = (embed, event.as_ref()) {
            embed.emit("aimskit:result", event);
        }
    });
}

/// Payload of `aimskit:ready`.
#[derive(Serialize)]
struct Ready<'a> {
    version: &'a str,
    lang: &'a str,
    modules: &'a [Module],
}

/// A mounted widget; `unmount()` removes it.
#[wasm_bindgen]
#[derive(Debug)]
pub struct Widget {
    handle: Option<yew::AppHandle<Embedded>>,
}

#[wasm_bindgen]
impl Widget {
    /// Removes the widget and frees its state.
    pub fn unmount(&mut self) {
        if let Some(handle) = self.handle.take() {
            handle.destroy();
        }
    }
}

/// Renders the widget into `element` (as given: the JS shim creates the
/// Shadow DOM around it) with `options` ({ lang, modules, view,
/// storagePrefix }), then dispatches `aimskit:ready` on it.
#[wasm_bindgen(skip_typescript)]
pub fn mount(element: web_sys::Element, options: JsValue) -> Result<Widget, JsValue> {
    let options = MountOptions::from_js(&options)?;
    let embed = Embed {
        options: Rc::new(options),
        root: element.clone(),
    };
    let handle = yew::Renderer::<Embedded>::with_root_and_props(
        element,
        EmbeddedProps {
            embed: embed.clone(),
        },
    )
    .render();
    let o = &embed.options;
    embed.emit(
        "aimskit:ready",
        &Ready {
            version: env!("CARGO_PKG_VERSION"),
            lang: o.lang.code(),
            modules: &o.modules,
        },
    );
    Ok(Widget {
        handle: Some(handle),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_default_and_parse() {
        let o = MountOptions::from_json("{}").unwrap();
        assert_eq!(o, MountOptions::default());
        let o = MountOptions::from_json(
            r#"{"lang":"de","modules":["report","triage"],"view":"triage","storagePrefix":"team-a"}"#,
        )
        .unwrap();
        assert_eq!(o.lang, Lang::De);
        assert_eq!(o.modules, vec![Module::Triage, Module::Report]);
        assert_eq!(o.view, Some(Module::Triage));
        assert_eq!(o.storage_key("draft"), "team-a.draft");
    }

    #[test]
    fn result_events_summarise_core_results() {
        use aimskit_core::Date;
        use aimskit_core::system::{SourceFormat, parse_system};
        let today = Date::new(2026, 11, 29).unwrap();
        let file = parse_system(
            "format = \"aimskit-system/1\"\nname = \"Applicant ranking\"\n\
             roles = [\"deployer\"]\nestablished_in_eu = true\n\
             eu_nexus = [\"used_in_eu\"]\nannex_iii = [\"4.a\"]\n",
            SourceFormat::Toml,
        )
        .unwrap();
        let r = aimskit_core::triage::triage(&file, today);
        let v = serde_json::to_value(ResultEvent::triage(&r)).unwrap();
        assert_eq!(
            v,
            serde_json::json!({
                "kind": "triage",
                "system": "Applicant ranking",
                "tier": "high_risk",
                "gpai": "none",
                "obligations": r.obligations.len(),
                "needsReview": r.needs_review.len(),
                "rulesVersion": r.rules_version,
            })
        );
        assert!(r.obligations.len() > 3);

        let aims = aimskit_core::aims::AimsFile::new("Example AG");
        let g = aimskit_core::gap::gap(&aims, &[], today);
        let v = serde_json::to_value(ResultEvent::gap(&g)).unwrap();
        assert_eq!(v["kind"], "gap");
        assert_eq!(v["score"], g.score);
        assert_eq!(v["pdca"]["do"], g.pdca.do_);
        let counted = ["nonconformity", "observation", "opportunity"]
            .iter()
            .map(|k| v["findings"][k].as_u64().unwrap() as usize)
            .sum::<usize>();
        assert_eq!(counted, g.findings.len());
        assert!(v["findings"]["nonconformity"].as_u64().unwrap() > 0);
        assert_eq!(v["pitfalls"], serde_json::json!(g.pitfalls));
    }
}
