//! Copying text for the reader: the embed code, a quote's link.

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    // The Clipboard API is still unstable in web-sys; this is its one call we need.
    #[wasm_bindgen(js_namespace = ["navigator", "clipboard"], js_name = writeText, catch)]
    fn write_to_clipboard(text: &str) -> Result<js_sys::Promise, JsValue>;
}

/// Whether `text` reached the clipboard. Missing or refused (a frame without permission, an
/// old browser, an insecure page) is `false`: the caller then shows the text selected.
pub async fn copy_text(text: &str) -> bool {
    match write_to_clipboard(text) {
        Ok(promise) => wasm_bindgen_futures::JsFuture::from(promise).await.is_ok(),
        Err(_) => false,
    }
}
