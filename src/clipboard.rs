//! Copying text for the reader: the embed code, a quote's link.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen]
extern "C" {
    // The Clipboard API is still unstable in web-sys; this is its one call we need.
    #[wasm_bindgen(js_namespace = ["navigator", "clipboard"], js_name = writeText, catch)]
    fn write_to_clipboard(text: &str) -> Result<js_sys::Promise, JsValue>;
}

/// Whether `text` reached the clipboard. Missing or refused (a frame without permission, an
/// old browser, an insecure page) is `false`: the caller then shows the text selected.
pub async fn copy_text(text: &str) -> bool {
    if !policy_allows_copying() {
        return false;
    }
    match write_to_clipboard(text) {
        Ok(promise) => wasm_bindgen_futures::JsFuture::from(promise).await.is_ok(),
        Err(_) => false,
    }
}

/// Whether the page's permissions policy lets it write to the clipboard, where the engine says
/// (Chromium's `document.featurePolicy`): there, a call the policy refuses (a frame from another
/// origin without `allow="clipboard-write"`) is a console error, so it is not made.
fn policy_allows_copying() -> bool {
    let policy = js_sys::Reflect::get(
        &gloo::utils::document(),
        &JsValue::from_str("featurePolicy"),
    )
    .ok()
    .filter(JsValue::is_object);
    let Some(policy) = policy else {
        return true;
    };
    let allows = js_sys::Reflect::get(&policy, &JsValue::from_str("allowsFeature"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    allows.is_none_or(|allows| {
        allows
            .call1(&policy, &JsValue::from_str("clipboard-write"))
            .is_ok_and(|answer| answer.is_truthy())
    })
}
