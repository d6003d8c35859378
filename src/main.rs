//! The browser entry point: mount the explainer on the page.

#[cfg(target_arch = "wasm32")]
fn main() {
    yew::Renderer::<coalition_explainer::App>::new().render();
}

/// Natively the crate is a library for server rendering and tests; there is nothing to run.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The explainer runs in a browser: use `trunk serve` (see README.md).");
}
