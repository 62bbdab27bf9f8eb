//! Browser glue for the widget: clock, language, local storage, downloads and
//! file reading. Nothing here sends anything anywhere. On non-wasm targets
//! (native tests, server-side rendering) every function is an inert stub.
//!
//! Storage goes through `web_sys::Storage` directly (no `gloo-storage`:
//! its `LocalStorage::raw()` throws when storage is missing, in sandboxed
//! iframes and some private modes, and we must keep working then).

use aimskit_core::Date;
use yew::Callback;

use crate::state::files::ExportFile;

/// A file the user picked, or why it was not read.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    allow(dead_code, reason = "only built by the browser glue")
)]
pub enum Picked {
    /// Name and text.
    Text(String, String),
    /// Larger than 1 MiB: refused before reading.
    TooLarge,
    /// Not valid UTF-8: refused (never decoded lossily).
    InvalidUtf8,
}

#[cfg(target_arch = "wasm32")]
mod imp {
    use super::*;
    use wasm_bindgen::JsCast;
    use wasm_bindgen::closure::Closure;

    pub fn today() -> Date {
        let now = js_sys::Date::new_0();
        let (y, m, d) = (now.get_full_year(), now.get_month() + 1, now.get_date());
        Date::new(y as u16, m as u8, d as u8).unwrap_or_else(fallback_date)
    }

    pub fn browser_lang() -> Option<String> {
        web_sys::window().and_then(|w| w.navigator().language())
    }

    fn storage() -> Option<web_sys::Storage> {
        web_sys::window().and_then(|w| w.local_storage().ok().flatten())
    }

    pub fn load(key: &str) -> (Option<String>, bool) {
        match storage() {
            Some(s) => (s.get_item(key).ok().flatten(), true),
            None => (None, false),
        }
    }

    pub fn save(key: &str, text: &str) -> bool {
        storage().is_some_and(|s| s.set_item(key, text).is_ok())
    }

    pub fn download(file: &ExportFile) -> bool {
        let run = || -> Option<()> {
            let document = web_sys::window()?.document()?;
            let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(&file.text));
            let bag = web_sys::BlobPropertyBag::new();
            bag.set_type(file.mime);
            let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &bag).ok()?;
            let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
            let a: web_sys::HtmlAnchorElement =
                document.create_element("a").ok()?.dyn_into().ok()?;
            a.set_href(&url);
            a.set_download(&file.filename);
            a.click();
            web_sys::Url::revoke_object_url(&url).ok()?;
            Some(())
        };
        run().is_some()
    }

    pub fn read_file(input: &web_sys::HtmlInputElement, done: Callback<Picked>) {
        let Some(file) = input.files().and_then(|list| list.get(0)) else {
            return;
        };
        input.set_value("");
        if file.size() > crate::state::files::MAX_IMPORT_BYTES {
            done.emit(Picked::TooLarge);
            return;
        }
        let Ok(reader) = web_sys::FileReader::new() else {
            return;
        };
        let name = file.name();
        let r = reader.clone();
        // The bytes, checked in Rust: `readAsText` would silently replace
        // invalid UTF-8 with U+FFFD and the file would import mangled.
        let onload = Closure::once_into_js(move || {
            let bytes = r
                .result()
                .map(|buf| js_sys::Uint8Array::new(&buf).to_vec())
                .unwrap_or_default();
            done.emit(match crate::state::files::decode_import(&bytes) {
                Some(text) => Picked::Text(name, text),
                None => Picked::InvalidUtf8,
            });
        });
        reader.set_onload(Some(onload.unchecked_ref()));
        let _ = reader.read_as_array_buffer(&file);
    }

    pub fn print() {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use super::*;

    pub fn today() -> Date {
        fallback_date()
    }
    pub fn browser_lang() -> Option<String> {
        None
    }
    pub fn load(_key: &str) -> (Option<String>, bool) {
        (None, false)
    }
    pub fn save(_key: &str, _text: &str) -> bool {
        false
    }
    pub fn download(_file: &ExportFile) -> bool {
        false
    }
    pub fn read_file(_input: &web_sys::HtmlInputElement, _done: Callback<Picked>) {}
    pub fn print() {}
}

/// The date used when the clock cannot be read (native tests, SSR).
#[expect(clippy::expect_used, reason = "a fixed, valid date literal")]
pub fn fallback_date() -> Date {
    Date::new(2026, 11, 29).expect("2026-11-29 is a valid date")
}

pub use imp::{browser_lang, download, load, print, read_file, save, today};
