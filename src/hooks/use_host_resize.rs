use crate::embed::{child_id, parent_width, pym_height_message};
use crate::hooks::after_next_paint;
use crate::iframe_resizer::{self, ParentRequest, Size, CHILD_READY};
use gloo::events::EventListener;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, ResizeObserver, Window};
use yew::prelude::*;

/// The id an iframe-resizer parent gave our frame in its init, once it has sent one.
type ResizerId = Rc<RefCell<Option<String>>>;

/// Inside a frame, tells the host page how tall the explainer is, so the iframe fits its content
/// with no inner scrollbar: on start, whenever the page's size changes, after each layer change
/// (`selected`), when a pym.js parent sends its width and when an iframe-resizer parent asks.
/// Outside a frame it does nothing.
#[hook]
pub fn use_host_resize(selected: usize) {
    let resizer_id: ResizerId = use_mut_ref(|| None);
    {
        let resizer_id = resizer_id.clone();
        use_effect_with((), move |_| {
            let window = gloo::utils::window();
            let watchers = is_framed(&window).then(|| watch_size(&window, resizer_id));
            move || {
                if let Some((observer, _listener)) = watchers {
                    observer.disconnect();
                }
            }
        });
    }
    use_effect_with(selected, move |_| {
        // Measured once the new panel is painted: measuring now would force its layout
        // while the reader waits for it.
        if is_framed(&gloo::utils::window()) {
            after_next_paint(move || report_height(&gloo::utils::window(), &resizer_id));
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

/// Reports the height now, and again on every resize and whenever the host's library asks;
/// tells an iframe-resizer parent we listen.
fn watch_size(window: &Window, resizer_id: ResizerId) -> (ResizeObserver, EventListener) {
    report_height(window, &resizer_id);
    let observed_id = resizer_id.clone();
    let on_resize =
        Closure::<dyn FnMut()>::new(move || report_height(&gloo::utils::window(), &observed_id));
    let observer = ResizeObserver::new(on_resize.as_ref().unchecked_ref())
        .expect("ResizeObserver is available");
    // The observer lives as long as the page; its callback must too.
    on_resize.forget();
    if let Some(root) = gloo::utils::document().document_element() {
        observer.observe(&root);
    }
    let listener = EventListener::new(window, "message", move |event| {
        if let Some(event) = event.dyn_ref::<MessageEvent>() {
            answer_host(event, &resizer_id);
        }
    });
    post_to_parent(window, &JsValue::from_str(CHILD_READY));
    (observer, listener)
}

/// Answers a pym.js parent's width message and an iframe-resizer parent's requests; any other
/// message, and any iframe-resizer message from a window other than our parent, changes nothing.
fn answer_host(event: &MessageEvent, resizer_id: &ResizerId) {
    let Some(message) = event.data().as_string() else {
        return;
    };
    let window = gloo::utils::window();
    let search = window.location().search().unwrap_or_default();
    if child_id(&search).is_some_and(|id| parent_width(&message, id).is_some()) {
        report_height(&window, resizer_id);
        return;
    }
    if !is_from_parent(&window, event) {
        return;
    }
    match iframe_resizer::parent_request(&message) {
        Some(ParentRequest::Init { frame_id }) => {
            resizer_id.replace(Some(frame_id.to_owned()));
            if let Some(size) = document_size() {
                let reply = iframe_resizer::init_reply(frame_id, size);
                post_to_parent(&window, &JsValue::from_str(&reply));
            }
        }
        Some(ParentRequest::Resize) => report_height(&window, resizer_id),
        None => {}
    }
}

fn is_from_parent(window: &Window, event: &MessageEvent) -> bool {
    match (event.source(), window.parent()) {
        (Some(source), Ok(Some(parent))) => js_sys::Object::is(&source, &parent),
        _ => false,
    }
}

/// Sends the document's size to the parent: in pym.js's format (when pym named us), in
/// iframe-resizer's (once its parent has sent its init) and in AMP's.
fn report_height(window: &Window, resizer_id: &ResizerId) {
    let Some(size) = document_size() else {
        return;
    };
    let search = window.location().search().unwrap_or_default();
    if let Some(id) = child_id(&search) {
        let message = pym_height_message(id, size.height);
        post_to_parent(window, &JsValue::from_str(&message));
    }
    let report = resizer_id
        .borrow()
        .as_deref()
        .and_then(|frame_id| iframe_resizer::size_report(frame_id, size));
    if let Some(report) = report {
        post_to_parent(window, &JsValue::from_str(&report));
    }
    post_to_parent(window, &amp_embed_size(size.height));
}

/// Measured from the document element's box, never from a 100%-tall body.
fn document_size() -> Option<Size> {
    let rect = gloo::utils::document()
        .document_element()?
        .get_bounding_client_rect();
    Some(Size {
        height: rect.height().ceil() as u32,
        width: rect.width().ceil() as u32,
    })
}

/// Sizes are no secret, so any parent may read them. A parent that closed or forbids messages
/// simply gets none; the explainer still works.
fn post_to_parent(window: &Window, message: &JsValue) {
    if let Ok(Some(parent)) = window.parent() {
        let _ = parent.post_message(message, "*");
    }
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
