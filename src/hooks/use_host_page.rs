use crate::hooks::{after_next_paint, is_framed};
use crate::host_messages::{layer_event, pym_parent_url, Message, Value, HOST_MESSAGE};
use crate::quote_link::host_link;
use crate::state::{Change, Walkthrough};
use gloo::events::EventListener;
use std::cell::RefCell;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::MessageEvent;
use yew::prelude::*;

thread_local! {
    /// The article around our frame, as its page told us (pym's `parentUrl`, or `embed.js`).
    static HOST_URL: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Inside a frame: learns the article's address (so a copied quote link goes through the
/// article) and tells the host page of each reader's choice of layer. Outside one, nothing.
#[hook]
pub fn use_host_page(walkthrough: &Walkthrough) {
    use_effect_with((), |_| {
        let window = gloo::utils::window();
        let listener = is_framed(&window).then(|| {
            let search = window.location().search().unwrap_or_default();
            remember_host_url(pym_parent_url(&search));
            EventListener::new(&window, "message", on_message)
        });
        move || drop(listener)
    });
    use_effect_with(
        (walkthrough.selected(), walkthrough.last_change()),
        |&(selected, change)| {
            if change == Change::Reader {
                after_next_paint(move || post_to_host(&layer_event(selected)));
            }
        },
    );
}

/// The article's address, if its page told us a usable one.
pub fn host_url() -> Option<String> {
    HOST_URL.with(|url| url.borrow().clone())
}

/// Only our parent may tell us its address, and only in our shape; anything else is ignored.
fn on_message(event: &web_sys::Event) {
    let Some(event) = event.dyn_ref::<MessageEvent>() else {
        return;
    };
    let from_parent = (gloo::utils::window().parent().ok().flatten())
        .zip(event.source())
        .is_some_and(|(parent, source)| JsValue::from(parent) == JsValue::from(source));
    let data = event.data();
    let field = |name: &str| js_sys::Reflect::get(&data, &JsValue::from_str(name)).ok();
    if !from_parent || !data.is_object() {
        return;
    }
    if field("type").and_then(|t| t.as_string()).as_deref() == Some(HOST_MESSAGE) {
        remember_host_url(field("url").and_then(|url| url.as_string()));
    }
}

fn remember_host_url(url: Option<String>) {
    // Checked once here, so a link is never built on an address that could not carry it.
    if let Some(url) = url.filter(|url| host_link(url, "").is_some()) {
        HOST_URL.with(|host| *host.borrow_mut() = Some(url));
    }
}

/// Posts `message` to the page that frames us, if any. A parent that closed or forbids
/// messages simply gets none.
pub fn post_to_host(message: &Message) {
    let window = gloo::utils::window();
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    if !is_framed(&window) {
        return;
    }
    let object = js_sys::Object::new();
    for (key, value) in message {
        let value = match value {
            Value::Text(text) => JsValue::from_str(text),
            Value::Number(number) => JsValue::from(*number),
        };
        let _ = js_sys::Reflect::set(&object, &JsValue::from_str(key), &value);
    }
    // Any origin may frame us and hear this: the message holds nothing about the reader.
    let _ = parent.post_message(&object, "*");
}
