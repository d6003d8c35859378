//! The browser entry point: mount the explainer on the page, already on the layer the URL names
//! so a deep-linked reader never sees the first layer flash by.

#[cfg(target_arch = "wasm32")]
fn main() {
    use coalition_explainer::{hooks::layer_in_location, App, AppProps};
    let initial_layer = layer_in_location().unwrap_or(0);
    yew::Renderer::<App>::with_props(AppProps { initial_layer }).render();
}

/// Natively the crate is a library for server rendering and tests; there is nothing to run.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The explainer runs in a browser: use `trunk serve` (see README.md).");
}
