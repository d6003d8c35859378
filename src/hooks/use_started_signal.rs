use web_sys::Event;
use yew::prelude::*;

/// The event the app fires on `document` once it has started: rendered, and the address read.
/// The loader (assets/boot.js) then hands over to it; it listens for this very name.
pub const STARTED_EVENT: &str = "explainer:started";

/// Tells the loader the app has taken over. Called after the hooks whose start effects must
/// come first (the address read): Yew runs a component's effects in the order of its hooks, so
/// a reader's choice the loader then passes on as a click is applied after the address.
#[hook]
pub fn use_started_signal() {
    use_effect_with((), |_| {
        // Only a browser without `Event` could fail here: the loader then keeps showing its own
        // choice, and the app still works.
        let _ = Event::new(STARTED_EVENT)
            .and_then(|event| gloo::utils::document().dispatch_event(&event));
    });
}
