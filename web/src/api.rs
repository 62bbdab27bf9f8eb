//! The JavaScript API of the npm package `aimskit`: thin wrappers around
//! `aimskit-core`. No rule logic lives here; every answer comes from core.
//!
//! Results cross to JS as plain objects identical to the spec's JSON (core's
//! serde output, serialised with serde_json and parsed with `JSON.parse`).
//! Failures are thrown as JS `Error`s with a stable `code` and a `message`;
//! input errors also carry `field`, `expected`, `found`, `didYouMean`, `file`.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use aimskit_core::InputError;

/// A JS `Error` with `message` and a stable machine-readable `code`.
pub(crate) fn js_error(code: &str, message: &str) -> JsValue {
    let err = js_sys::Error::new(message);
    set(&err, "code", &JsValue::from_str(code));
    err.into()
}

/// A JS `Error` for a bad input file (code = the input error kind).
#[allow(dead_code)] // used by the API functions (next commit)
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
