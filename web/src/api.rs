//! The JavaScript API of the npm package `aimskit`: thin wrappers around
//! `aimskit-core`. No rule logic lives here; every answer comes from core.
//!
//! Results cross to JS as plain objects identical to the spec's JSON (core's
//! serde output, serialised with serde_json and parsed with `JSON.parse`).
//! Failures are thrown as JS `Error`s with a stable `code` and a `message`;
//! input errors also carry `field`, `expected`, `found`, `didYouMean`, `file`.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use aimskit_core::aims::{AimsFile, SystemRef, aims_to_json, aims_to_toml, parse_aims};
use aimskit_core::gap::{
    Item, ItemKind, Pdca, Structure, catalogue as core_catalogue, gap as core_gap,
};
use aimskit_core::i18n::{self, Lang};
use aimskit_core::impact;
use aimskit_core::system::{SourceFormat, SystemFile, parse_system, to_json, to_toml};
use aimskit_core::triage::{
    rules_version as core_rules_version, triage as core_triage, vocabulary as core_vocabulary,
};
use aimskit_core::{Date, InputError, InputErrorKind};

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &str = r#"
/** A file given as TOML or JSON text, or as an already parsed object. */
export type FileInput = string | object;
/** How to read a text input; by default JSON when it starts with `{`, else TOML. */
export type InputFormat = "toml" | "json";
/** A user-interface language. */
export type Lang = "en" | "de" | "fr" | "it";
/** The error thrown for bad input: `code` is stable ("syntax", "unknown_id", ...). */
export interface AimskitError extends Error {
  code: "syntax" | "format" | "unknown_field" | "unknown_id" | "wrong_type" | "out_of_range"
    | "date" | "missing" | "too_large" | "invalid" | "invalid_argument" | "invalid_options" | "internal";
  field?: string;
  expected?: string;
  found?: string | null;
  didYouMean?: string | null;
  file?: string | null;
}
export type Role = "provider" | "deployer" | "importer" | "distributor"
  | "authorised_representative" | "product_manufacturer";
export type Tier = "not_ai_system" | "out_of_scope" | "prohibited" | "high_risk" | "limited" | "minimal";
export type GpaiStatus = "none" | "gpai" | "gpai_systemic";
/** A system file (`aimskit-system/1`) in its normalised JSON form (spec/system-file.md). */
export interface SystemFile {
  format: "aimskit-system/1";
  name: string;
  description?: string;
  as_of?: string;
  roles?: Role[];
  /** Optional (beyond the spec, docs/legal-notes.md): when this type and model was first placed on the EU market or put into service, `YYYY-MM-DD` (Art. 111(2), 111(4)); left out = not said. */
  first_placed_on_market?: string;
  /** Optional: its design changed significantly after the high-risk date (Art. 111(2)); left out = not said (the triage keeps the normal dates and asks). */
  significant_change?: boolean;
  /** Optional: intended to be used by public authorities (Art. 111(2) second sentence); left out = not said (the triage keeps the public-authority date and asks). */
  for_public_authorities?: boolean;
  /** Optional: available to the public to report a criminal offence (Art. 50(1)); left out = not said. */
  public_crime_reporting?: boolean;
  /** The impact worksheet (spec/aims-file.md section 3). */
  impact?: ImpactWorksheet;
  [field: string]: unknown;
}
/** One risk of harm in the impact worksheet (Art. 27(1)(d)); ratings 1..5. */
export interface ImpactRisk {
  harm: string; right?: string; likelihood: number; severity: number; mitigation?: string;
  residual_likelihood?: number | null; residual_severity?: number | null;
}
/** The shared impact worksheet: AI Act Art. 27(1)(a)-(f) and ISO/IEC 42001 6.1.4 / 8.4 / A.5. */
export interface ImpactWorksheet {
  processes?: string; period_and_frequency?: string; affected_groups?: string[]; oversight?: string; remedies?: string;
  /** Beyond the spec: impacts on society (42001 A.5.5). */
  societal_impacts?: string;
  /** Beyond the spec: reasonably foreseeable misuse (42001 6.1.4; AI Act Art. 3(13)). */
  foreseeable_misuse?: string;
  risks?: ImpactRisk[];
  /** Beyond the spec: the day the results were notified to the market surveillance authority (Art. 27(3)), `YYYY-MM-DD`. */
  notified?: string;
}
export type ImpactStatus = "missing" | "incomplete" | "complete";
export type RiskBand = "low" | "medium" | "high" | "very_high";
export interface RiskLevel { likelihood: number; severity: number; score: number; band: RiskBand }
/** Core's evaluation of a worksheet: Art. 27 completeness (`status`) and, separately, the 42001 elements (`iso42001_status`). */
export interface ImpactEvaluation {
  status: ImpactStatus; missing: { field: string; citation: string }[];
  iso42001_status: ImpactStatus; iso42001_missing: { field: string; citation: string }[];
  risks: { index: number; harm: string; right: string; inherent: RiskLevel | null; residual: RiskLevel | null; flags: string[] }[];
  highest_residual: RiskBand | null; unmitigated: number; residual_high: number; notified?: string;
}
/** One obligation in a triage result. */
export interface Obligation { id: string; role: Role; articles: string[]; applies_from: string; applicable: boolean; title: string }
/** The triage result (`aimskit-triage/1`, spec/system-file.md section 2): identical to the CLI's JSON. */
export interface TriageResult {
  format: string; name: string; as_of: string; rules_version: string; tier: Tier;
  prohibited: string[]; high_risk_basis: string[]; derogation: string[]; transparency: string[];
  gpai: GpaiStatus; roles: Role[]; obligations: Obligation[];
  /** `key` and `args` render `why` in another language (core `i18n`); `why` is always English. */
  needs_review: { field: string; why: string; key?: string; args?: Record<string, string> }[];
  trace: { rule: string; citation: string; because: string }[];
}
/** One ID of a list field with its localized label and legal citation. */
export interface VocabularyEntry { field: string; id: string; label: string; citation: string }
/** One ISO/IEC 42001 clause or Annex A control, texts in the requested language (our paraphrases). */
export interface CatalogueItem {
  id: string; kind: "clause" | "control"; group: string; pdca: string; structure: string;
  title: string; requirement: string; documented_information: string; good_evidence: string;
  ai_act: string[]; nist_ai_rmf: string[]; iso27001: string[];
}
export interface Catalogue { version: string; standard: string; lang: Lang; items: CatalogueItem[] }
/** Validates a system file and returns it in its normalised JSON form; throws an AimskitError. */
export function validateSystem(input: FileInput, format?: InputFormat): SystemFile;
/** A validated system file written back as TOML. */
export function systemToToml(input: FileInput, format?: InputFormat): string;
/** Triages one AI system; `asOf` (YYYY-MM-DD) defaults to the file's as_of, then today. */
export function triage(system: FileInput, asOf?: string, format?: InputFormat): TriageResult;
/** Every ID of every list field with its label in `lang` (default "en") and its citation. */
export function vocabulary(lang?: Lang): VocabularyEntry[];
/** An AIMS file (`aimskit-aims/1`) in its normalised JSON form (spec/aims-file.md). */
export interface AimsFile {
  format: "aimskit-aims/1";
  organisation: string;
  as_of?: string;
  scope?: string;
  certifications?: string[];
  systems?: { path: string; [field: string]: unknown }[];
  clauses?: Record<string, { maturity?: number; evidence?: string[]; owner?: string; due?: string; note?: string; applicable?: boolean }>;
  controls?: Record<string, { applicable?: boolean; justification?: string; maturity?: number; evidence?: string[]; owner?: string; due?: string; note?: string }>;
  [field: string]: unknown;
}
/** The systems an AIMS file names by path, keyed by that exact path, as text or object. */
export type SystemFiles = Record<string, FileInput>;
export type GapStatus = "not_assessed" | "missing" | "partial" | "met" | "not_applicable";
/** One clause or control in a gap result. */
export interface ItemResult { maturity: number | null; evidenced: boolean; status: GapStatus; inventory_evidence?: string[]; capped?: string }
/** A finding of the gap analysis (our own wording; ISO text is never quoted). `key` and `args` are the locale key and placeholder values of `message` (core i18n::message renders them in de/fr/it). */
export interface Finding { ref: string; severity: "nonconformity" | "observation" | "opportunity"; message: string; citation: string; system?: string; key?: string; args?: Record<string, string> }
/** The gap result (`aimskit-gap/1`, spec/aims-file.md section 2): identical to `aimskit gap --format json`. */
export interface GapResult {
  format: string; score: number; pdca: { plan: number; do: number; check: number; act: number };
  clauses: Record<string, ItemResult>; controls: Record<string, ItemResult>;
  soa: { control: string; applicable: boolean | null; justification: string; status: GapStatus; required_by: string[];
    required_by_systems: { article: string; system: string; applies_from: string; in_force: boolean; rule: string }[] }[];
  findings: Finding[]; pitfalls: string[];
  roadmap: { ref: string; action: string; priority: "critical" | "high" | "medium" | "low"; due: string | null; because: string; action_key?: string; because_key?: string; args?: Record<string, string> }[];
  organisation: string; as_of: string; rules_version: string; catalogue_version: string;
  coverage: { total: number; assessed: number; not_assessed: number; not_applicable: number; met: number };
  clause_scores: Record<string, number>; objective_scores: Record<string, number | null>;
  pitfall_details: { id: string; title: string; explanation: string; what_to_do: string; citation: string; because: string; key?: string; args?: Record<string, string> }[];
  systems: { name: string; triage: TriageResult; needs_fria: boolean; impact: ImpactEvaluation }[];
}
/** Validates an AIMS file and returns it in its normalised JSON form; throws an AimskitError. */
export function validateAims(input: FileInput, format?: InputFormat): AimsFile;
/** A validated AIMS file written back as TOML. */
export function aimsToToml(input: FileInput, format?: InputFormat): string;
/**
 * ISO/IEC 42001 gap analysis of an AIMS file. A browser cannot read the
 * system files an AIMS file names by `path`: pass them in `systems`, keyed
 * by the path exactly as written in the AIMS file (text or object). Inline
 * systems need nothing. A path without an entry throws code "missing".
 * `asOf` (YYYY-MM-DD) defaults to the file's as_of, then today.
 */
export function gap(aims: FileInput, systems?: SystemFiles | null, asOf?: string, format?: InputFormat): GapResult;
/** The ISO/IEC 42001 catalogue (IDs and our own paraphrases) in `lang` (default "en"). */
export function catalogue(lang?: Lang): Catalogue;
"#;

/// A JS `Error` with `message` and a stable machine-readable `code`.
pub(crate) fn js_error(code: &str, message: &str) -> JsValue {
    let err = js_sys::Error::new(message);
    set(&err, "code", &JsValue::from_str(code));
    err.into()
}

/// A JS `Error` for a bad input file (code = the input error kind).
pub(crate) fn input_error(e: &InputError) -> JsValue {
    let err = js_sys::Error::new(&e.to_string());
    set(&err, "code", &JsValue::from_str(e.kind.code()));
    set(&err, "field", &JsValue::from_str(&e.field));
    set(&err, "expected", &JsValue::from_str(&e.expected));
    let opt = |v: &Option<String>| v.as_deref().map_or(JsValue::NULL, JsValue::from_str);
    set(&err, "found", &opt(&e.found));
    set(&err, "didYouMean", &opt(&e.did_you_mean));
    set(&err, "file", &opt(&e.file));
    err.into()
}

fn set(target: &js_sys::Error, key: &str, value: &JsValue) {
    // Setting a property on a fresh Error object cannot fail.
    let _ = js_sys::Reflect::set(target, &JsValue::from_str(key), value);
}

/// Serialises a core value to a plain JS object (via JSON, so the shape is
/// exactly the spec's JSON).
pub(crate) fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    let text = serde_json::to_string(value)
        .map_err(|e| js_error("internal", &format!("could not serialise the result: {e}")))?;
    js_sys::JSON::parse(&text)
        .map_err(|_| js_error("internal", "could not convert the result to a JS object"))
}

fn source_format(text: &str, format: Option<String>) -> Result<SourceFormat, JsValue> {
    match format.as_deref() {
        Some("toml") => Ok(SourceFormat::Toml),
        Some("json") => Ok(SourceFormat::Json),
        None | Some("") => Ok(if text.trim_start().starts_with('{') {
            SourceFormat::Json
        } else {
            SourceFormat::Toml
        }),
        Some(other) => Err(js_error(
            "invalid_argument",
            &format!("unknown format `{other}`; expected \"toml\" or \"json\""),
        )),
    }
}

/// The input as text and its syntax: strings as given, objects as JSON.
fn input_text(input: &JsValue, format: Option<String>) -> Result<(String, SourceFormat), JsValue> {
    if let Some(text) = input.as_string() {
        let fmt = source_format(&text, format)?;
        return Ok((text, fmt));
    }
    if input.is_object() {
        let text = js_sys::JSON::stringify(input)
            .ok()
            .and_then(|s| s.as_string())
            .ok_or_else(|| {
                js_error("invalid_argument", "the object cannot be converted to JSON")
            })?;
        return Ok((text, SourceFormat::Json));
    }
    Err(js_error(
        "invalid_argument",
        "expected a file as TOML or JSON text, or as an object",
    ))
}

pub(crate) fn read_system(input: &JsValue, format: Option<String>) -> Result<SystemFile, JsValue> {
    let (text, fmt) = input_text(input, format)?;
    parse_system(&text, fmt).map_err(|e| input_error(&e))
}

fn json_to_js(text: &str) -> Result<JsValue, JsValue> {
    js_sys::JSON::parse(text).map_err(|_| js_error("internal", "could not convert to a JS object"))
}

/// Validates a system file (TOML or JSON text, or an object) and returns it
/// in its normalised JSON form. Throws an `AimskitError` when it is invalid.
#[wasm_bindgen(js_name = validateSystem, skip_typescript)]
pub fn validate_system(input: JsValue, format: Option<String>) -> Result<JsValue, JsValue> {
    json_to_js(&to_json(&read_system(&input, format)?))
}

/// A system file written back as TOML (for people) after validation.
#[wasm_bindgen(js_name = systemToToml, skip_typescript)]
pub fn system_to_toml(input: JsValue, format: Option<String>) -> Result<String, JsValue> {
    Ok(to_toml(&read_system(&input, format)?))
}

fn lang_of(lang: Option<String>) -> Result<Lang, JsValue> {
    match lang.as_deref() {
        None | Some("") => Ok(Lang::En),
        Some(tag) => Lang::from_tag(tag).ok_or_else(|| {
            js_error(
                "invalid_argument",
                &format!("unknown language `{tag}`; expected en, de, fr or it"),
            )
        }),
    }
}

fn date_of(text: &str) -> Result<Date, JsValue> {
    text.parse::<Date>().map_err(|_| {
        js_error(
            "invalid_argument",
            &format!("bad date `{text}`; expected YYYY-MM-DD"),
        )
    })
}

/// Today in the browser's local time zone (the caller's clock; core has none).
fn today() -> Result<Date, JsValue> {
    let now = js_sys::Date::new_0();
    date_of(&format!(
        "{:04}-{:02}-{:02}",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date()
    ))
}

/// The evaluation date: `asOf` if given, else the file's `as_of`, else today.
fn evaluation_date(as_of: Option<String>, file: Option<Date>) -> Result<Date, JsValue> {
    match (as_of.as_deref(), file) {
        (Some(text), _) if !text.is_empty() => date_of(text),
        (_, Some(date)) => Ok(date),
        _ => today(),
    }
}

/// Triages one AI system under the EU AI Act. `asOf` ("YYYY-MM-DD") defaults
/// to the file's `as_of`, then today. The result is the CLI's JSON, as an object.
#[wasm_bindgen(skip_typescript)]
pub fn triage(
    system: JsValue,
    as_of: Option<String>,
    format: Option<String>,
) -> Result<JsValue, JsValue> {
    let sys = read_system(&system, format)?;
    let date = evaluation_date(as_of, sys.as_of)?;
    to_js(&core_triage(&sys, date))
}

/// The rule-base version shown in every triage result.
#[wasm_bindgen(js_name = rulesVersion)]
pub fn rules_version() -> String {
    core_rules_version().to_owned()
}

#[derive(Serialize)]
struct VocabularyView {
    field: String,
    id: String,
    label: String,
    citation: String,
}

/// Every ID of every list field of the system file, with its label in
/// `lang` (en, de, fr, it; falls back to English) and its legal citation.
#[wasm_bindgen(skip_typescript)]
pub fn vocabulary(lang: Option<String>) -> Result<JsValue, JsValue> {
    let lang = lang_of(lang)?;
    let entries: Vec<VocabularyView> = core_vocabulary()
        .into_iter()
        .map(|e| {
            let key = format!("opt.{}.{}", e.field, e.id);
            let label = i18n::table(lang)
                .get(&key)
                .or_else(|| i18n::table(Lang::En).get(&key))
                .map_or(e.label, str::to_owned);
            VocabularyView {
                field: e.field,
                id: e.id,
                label,
                citation: e.citation,
            }
        })
        .collect();
    to_js(&entries)
}

pub(crate) fn read_aims(input: &JsValue, format: Option<String>) -> Result<AimsFile, JsValue> {
    let (text, fmt) = input_text(input, format)?;
    parse_aims(&text, fmt).map_err(|e| input_error(&e))
}

/// Validates an AIMS file (TOML or JSON text, or an object) and returns it in
/// its normalised JSON form. Throws an `AimskitError` when it is invalid.
#[wasm_bindgen(js_name = validateAims, skip_typescript)]
pub fn validate_aims(input: JsValue, format: Option<String>) -> Result<JsValue, JsValue> {
    json_to_js(&aims_to_json(&read_aims(&input, format)?))
}

/// A validated AIMS file written back as TOML.
#[wasm_bindgen(js_name = aimsToToml, skip_typescript)]
pub fn aims_to_toml_js(input: JsValue, format: Option<String>) -> Result<String, JsValue> {
    Ok(aims_to_toml(&read_aims(&input, format)?))
}

/// Resolves the AIMS file's path entries from `systems` (`{path: text|object}`),
/// in file order, validating each file and its impact worksheet like the CLI.
fn resolve_systems(
    aims: &AimsFile,
    systems: &JsValue,
) -> Result<Vec<(String, SystemFile)>, JsValue> {
    if !(systems.is_undefined() || systems.is_null() || systems.is_object()) {
        return Err(js_error(
            "invalid_argument",
            "`systems` must be an object mapping each system path of the AIMS file to its text or object",
        ));
    }
    let mut out = Vec::new();
    for (i, s) in aims.systems.iter().enumerate() {
        let SystemRef::Path(path) = s else { continue };
        let entry = if systems.is_object() {
            js_sys::Reflect::get(systems, &JsValue::from_str(path)).unwrap_or(JsValue::UNDEFINED)
        } else {
            JsValue::UNDEFINED
        };
        if entry.is_undefined() || entry.is_null() {
            return Err(input_error(
                &InputError::new(
                    InputErrorKind::Missing,
                    format!("systems[{i}].path"),
                    format!(
                        "the system file `{path}` in the `systems` argument (keyed by its path)"
                    ),
                )
                .found(path.clone()),
            ));
        }
        let (text, fmt) = input_text(&entry, None)?;
        let sys = parse_system(&text, fmt).map_err(|e| input_error(&e.in_file(path)))?;
        if let Some(w) = &sys.impact {
            impact::validate(w).map_err(|e| input_error(&e.in_file(path)))?;
        }
        out.push((sys.name.clone(), sys));
    }
    Ok(out)
}

/// ISO/IEC 42001 gap analysis. `systems` maps each system path named in the
/// AIMS file to its text or object (a browser cannot read files by path);
/// inline systems need nothing. `asOf` defaults to the file's `as_of`, then
/// today. The result is the CLI's `aimskit-gap/1` JSON, as an object.
#[wasm_bindgen(skip_typescript)]
pub fn gap(
    aims: JsValue,
    systems: JsValue,
    as_of: Option<String>,
    format: Option<String>,
) -> Result<JsValue, JsValue> {
    let file = read_aims(&aims, format)?;
    let resolved = resolve_systems(&file, &systems)?;
    let date = evaluation_date(as_of, file.as_of)?;
    to_js(&core_gap(&file, &resolved, date))
}

#[derive(Serialize)]
struct ItemView<'a> {
    id: &'a str,
    kind: ItemKind,
    group: &'a str,
    pdca: Pdca,
    structure: Structure,
    title: &'a str,
    requirement: &'a str,
    documented_information: &'a str,
    good_evidence: &'a str,
    ai_act: &'a [String],
    nist_ai_rmf: &'a [String],
    iso27001: &'a [String],
}

impl<'a> ItemView<'a> {
    fn new(item: &'a Item, lang: Lang) -> Self {
        ItemView {
            id: &item.id,
            kind: item.kind,
            group: &item.group,
            pdca: item.pdca,
            structure: item.structure,
            title: item.title.get(lang),
            requirement: item.requirement.get(lang),
            documented_information: item.documented_information.get(lang),
            good_evidence: item.good_evidence.get(lang),
            ai_act: &item.ai_act,
            nist_ai_rmf: &item.nist_ai_rmf,
            iso27001: &item.iso27001,
        }
    }
}

#[derive(Serialize)]
struct CatalogueView<'a> {
    version: &'a str,
    standard: &'a str,
    lang: &'a str,
    items: Vec<ItemView<'a>>,
}

/// The ISO/IEC 42001 catalogue (clauses and Annex A controls, our own
/// paraphrases) with texts in `lang` (falls back to English).
#[wasm_bindgen(skip_typescript)]
pub fn catalogue(lang: Option<String>) -> Result<JsValue, JsValue> {
    let lang = lang_of(lang)?;
    let c = core_catalogue();
    to_js(&CatalogueView {
        version: &c.version,
        standard: &c.standard,
        lang: lang.code(),
        items: c.items.iter().map(|i| ItemView::new(i, lang)).collect(),
    })
}
