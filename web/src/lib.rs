//! aimskit-web: the Yew widget and the JavaScript API. The only crate that
//! knows JavaScript; every decision is delegated to `aimskit-core`.

use wasm_bindgen::prelude::*;

#[cfg(feature = "ui")]
pub mod app;

/// Renders the widget into the element with id `aimskit` (or the body).
#[cfg(feature = "ui")]
#[wasm_bindgen(start)]
pub fn start() {
    app::mount_default();
}

/// The version of this package.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}
