use crate::content::content;
use crate::deep_link::{layer_to_show, search_with_layer};
use crate::hooks::{after_next_paint, is_framed};
use crate::quote_link::linkable_quotes;
use crate::state::{Action, Change, Walkthrough};
use gloo::events::EventListener;
use yew::prelude::*;

/// Keeps the chosen layer and the address bar in step.
///
/// - On start the layer follows a URL that names one; whenever the URL changes under us (Back,
///   Forward, an edited `#slug`), the layer follows it, to the first layer if it names none.
/// - A reader's own choice writes `?layer=<slug>` as a new history entry, so Back returns to the
///   previous layer. Inside a frame it replaces the entry instead: the host page's Back button
///   must leave the article, not step through our layers.
#[hook]
pub fn use_url_sync(walkthrough: UseReducerHandle<Walkthrough>) {
    let dispatch = walkthrough.dispatcher();
    use_effect_with((), move |_| {
        // On start, only a URL that names a layer moves us, quietly: it is the page the reader
        // opened (the loader has shown it since the first paint). A choice the reader made
        // while the app loaded comes after this effect, as a click.
        if let Some(layer) = layer_in_location() {
            dispatch.dispatch(Action::Open(layer));
        }
        let follow_url = move || dispatch.dispatch(Action::FromUrl(layer_in_location()));
        let window = gloo::utils::window();
        let on_popstate = EventListener::new(&window, "popstate", {
            let follow_url = follow_url.clone();
            move |_| follow_url()
        });
        let on_hashchange = EventListener::new(&window, "hashchange", move |_| follow_url());
        move || drop((on_popstate, on_hashchange))
    });

    let selected = walkthrough.selected();
    use_effect_with(
        (selected, walkthrough.last_change()),
        move |&(selected, change)| {
            if change == Change::Reader {
                after_next_paint(move || write_layer_to_url(content().layers[selected].slug));
            }
        },
    );
}

fn slugs() -> Vec<&'static str> {
    content().layers.iter().map(|layer| layer.slug).collect()
}

/// The layer the address bar names, directly or through a quote, if any.
pub fn layer_in_location() -> Option<usize> {
    let location = gloo::utils::window().location();
    let search = location.search().unwrap_or_default();
    let hash = location.hash().unwrap_or_default();
    layer_to_show(&slugs(), &linkable_quotes(), &search, &hash)
}

fn write_layer_to_url(slug: &str) {
    let window = gloo::utils::window();
    let location = window.location();
    let (Ok(path), Ok(search), Ok(history)) =
        (location.pathname(), location.search(), window.history())
    else {
        return;
    };
    let url = format!("{path}{}", search_with_layer(&search, slug));
    // A refused history write (some sandboxed frames) leaves the URL as it was; the layer
    // itself has already changed, so the reader loses nothing.
    let _ = if is_framed(&window) {
        history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
    } else {
        history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
    };
}
