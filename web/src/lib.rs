//! aimskit-web: the Yew widget and the JavaScript API. The only crate that
//! knows JavaScript; every decision is delegated to `aimskit-core`.

use wasm_bindgen::prelude::*;

#[cfg(feature = "ui")]
pub mod aims;
pub mod api;
#[cfg(feature = "ui")]
pub mod app;
#[cfg(feature = "ui")]
pub mod components;
#[cfg(feature = "ui")]
mod dom;
#[cfg(feature = "ui")]
pub mod embed;
#[cfg(feature = "ui")]
pub mod i18n;
#[cfg(feature = "ui")]
pub mod impact;
#[cfg(feature = "ui")]
pub mod report;
#[cfg(feature = "ui")]
pub mod state;

// No `#[wasm_bindgen(start)]`: loading the module must not render anything
// (embedders decide where). `web/js/main.js` calls `mount` for dist/index.html.
#[cfg(feature = "ui")]
pub use embed::mount;

/// The version of this package.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}
