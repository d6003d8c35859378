//! The browser entry point: take over the prerendered explainer, or draw it where there is none.

#[cfg(target_arch = "wasm32")]
fn main() {
    use coalition_explainer::{hooks::layer_in_location, App, AppProps, ROOT_ID};
    let document = gloo::utils::document();
    match document.get_element_by_id(ROOT_ID) {
        // Prerendered: adopt the markup already on screen (the first layer); the app's URL
        // effect then moves to the layer a deep link names.
        Some(root) if root.has_child_nodes() => {
            yew::Renderer::<App>::with_root(root).hydrate();
        }
        // Not prerendered (built without the post-build step): draw the URL's layer at once, so
        // a deep-linked reader never sees the first layer flash by.
        root => {
            let props = AppProps {
                initial_layer: layer_in_location().unwrap_or(0),
            };
            let root = root
                .or_else(|| document.body().map(Into::into))
                .expect("a page has a body");
            yew::Renderer::<App>::with_root_and_props(root, props).render();
        }
    }
}

/// Natively the crate is a library for server rendering and tests; there is nothing to run.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The explainer runs in a browser: use `trunk serve` (see README.md).");
}
