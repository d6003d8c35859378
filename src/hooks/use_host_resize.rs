use crate::embed::{child_id, parent_width, pym_height_message};
use gloo::events::EventListener;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, ResizeObserver, Window};
use yew::prelude::*;

/// Inside a frame, tells the host page how tall the explainer is, so the iframe fits its content
/// with no inner scrollbar: on start, whenever the page's size changes, after each layer change
/// (`selected`), and when a pym.js parent sends its width. Outside a frame it does nothing.
#[hook]
pub fn use_host_resize(selected: usize) {
    use_effect_with((), |_| {
        let window = gloo::utils::window();
        let watchers = is_framed(&window).then(|| watch_size(&window));
        move || {
            if let Some((observer, _listener)) = watchers {
                observer.disconnect();
            }
        }
    });
    use_effect_with(selected, |_| {
        let window = gloo::utils::window();
        if is_framed(&window) {
            report_height(&window);
        }
    });
}

/// Whether a host page frames us. A window whose top cannot be read is framed too.
pub fn is_framed(window: &Window) -> bool {
    match window.top() {
        Ok(Some(top)) => top != *window,
        _ => true,
    }
}

/// Reports the height now, and again on every resize and on a pym parent's width message.
fn watch_size(window: &Window) -> (ResizeObserver, EventListener) {
    report_height(window);
    let on_resize = Closure::<dyn FnMut()>::new(|| report_height(&gloo::utils::window()));
    let observer = ResizeObserver::new(on_resize.as_ref().unchecked_ref())
        .expect("ResizeObserver is available");
    // The observer lives as long as the page; its callback must too.
    on_resize.forget();
    if let Some(root) = gloo::utils::document().document_element() {
        observer.observe(&root);
    }
    let listener = EventListener::new(window, "message", |event| {
        let Some(message) = event
            .dyn_ref::<MessageEvent>()
            .and_then(|e| e.data().as_string())
        else {
            return;
        };
        let window = gloo::utils::window();
        let search = window.location().search().unwrap_or_default();
        if child_id(&search).is_some_and(|id| parent_width(&message, id).is_some()) {
            report_height(&window);
        }
    });
    (observer, listener)
}

/// Sends the document's height to the parent, in pym.js's format (when pym named us) and in
/// AMP's. Measured from the document element's box, never from a 100%-tall body.
fn report_height(window: &Window) {
    let Some(root) = gloo::utils::document().document_element() else {
        return;
    };
    let height = root.get_bounding_client_rect().height().ceil() as u32;
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    let search = window.location().search().unwrap_or_default();
    // A parent that closed or forbids messages simply gets none; the explainer still works.
    if let Some(id) = child_id(&search) {
        let _ = parent.post_message(&JsValue::from_str(&pym_height_message(id, height)), "*");
    }
    let _ = parent.post_message(&amp_embed_size(height), "*");
}

/// AMP's `{sentinel: "amp", type: "embed-size", height}`.
fn amp_embed_size(height: u32) -> JsValue {
    let message = js_sys::Object::new();
    for (key, value) in [
        ("sentinel", JsValue::from_str("amp")),
        ("type", JsValue::from_str("embed-size")),
    ] {
        let _ = js_sys::Reflect::set(&message, &JsValue::from_str(key), &value);
    }
    let _ = js_sys::Reflect::set(
        &message,
        &JsValue::from_str("height"),
        &JsValue::from(height),
    );
    message.into()
}
