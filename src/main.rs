//! The browser entry point: take over the prerendered explainer.

#[cfg(target_arch = "wasm32")]
fn main() {
    use coalition_explainer::{App, ROOT_ID};
    let root = gloo::utils::document().get_element_by_id(ROOT_ID);
    match root {
        // Adopt the markup already on screen (the first layer); the app's URL effect then moves
        // to the layer a deep link names.
        Some(root) if root.has_child_nodes() => {
            yew::Renderer::<App>::with_root(root).hydrate();
        }
        // The app draws only what changes (src/prerendered.rs): without the prerender's words
        // it has nothing to show. The loader reports this and keeps the page as it is.
        _ => wasm_bindgen::throw_str(
            "the page holds no prerendered explainer (the build's post-build step writes it)",
        ),
    }
}

/// Natively the crate is a library for server rendering and tests; there is nothing to run.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The explainer runs in a browser: use `trunk serve` (see README.md).");
}
