use crate::components::layer_figure::panel_id;
use crate::content::content;
use crate::state::{Action, Walkthrough};
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

/// Previous / Next and where the reader is ("Layer 2 of 4"), at the foot of layer `layer`'s
/// panel: each panel has its own, so everything about a layer is shown with it, whoever shows
/// it (the app, or the loader before the app starts). At either end the button stays focusable
/// but says it is unavailable (`aria-disabled`), so focus is never lost.
pub fn walkthrough_nav(layer: usize, dispatch: &UseReducerDispatcher<Walkthrough>) -> Html {
    let ui = &content().ui;
    let here = Walkthrough::new(content().layers.len(), layer);
    let position = ui.position(layer + 1, here.total());
    let step = |action: Action, button: &'static str| {
        let dispatch = dispatch.clone();
        Callback::from(move |_| {
            dispatch.dispatch(action);
            focus_after_render(here.apply(action).selected(), button);
        })
    };
    let unavailable = |end: bool| end.then_some("true");
    // Each class is written out whole: from anything but a literal, Yew builds a class set at
    // run time, code the WASM would carry for these two buttons alone.
    html! {
        <nav class="walkthrough__nav" aria-label={position.clone()}>
            <button type="button" class="button walkthrough__step walkthrough__step--previous"
                aria-disabled={unavailable(here.is_first())} onclick={step(Action::Previous, PREVIOUS)}>
                { ui.previous }
            </button>
            <p class="walkthrough__position">{ position }</p>
            <button type="button" class="button walkthrough__step walkthrough__step--next"
                aria-disabled={unavailable(here.is_last())} onclick={step(Action::Next, NEXT)}>
                { ui.next }
            </button>
        </nav>
    }
}

/// The buttons' own classes, as in their markup above: focus follows to the same one.
const PREVIOUS: &str = "walkthrough__step--previous";
const NEXT: &str = "walkthrough__step--next";

/// Focus follows the reader to the same button in the panel now shown. Yew renders the change
/// in a task queued by the dispatch; this one is queued after it, so the panel is shown by then.
fn focus_after_render(layer: usize, step: &'static str) {
    yew::platform::spawn_local(async move {
        let selector = format!("#{} .{step}", panel_id(content().layers[layer].slug));
        let button = gloo::utils::document()
            .query_selector(&selector)
            .ok()
            .flatten();
        if let Some(button) = button.and_then(|b| b.dyn_into::<HtmlElement>().ok()) {
            // Focus fails only on a detached element; the button then keeps no focus.
            let _ = button.focus();
        }
    });
}
