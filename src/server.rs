//! Rendering on a server (natively, with Yew's `ssr` feature): the same components, no browser.

use crate::content::{self, Content};
use crate::prerendered;
use crate::{App, AppProps};
use yew::LocalServerRenderer;

/// The explainer's markup with `initial_layer` chosen, as the browser would first draw it,
/// with the markers the browser's app needs to hydrate it.
pub async fn render_html(initial_layer: usize) -> String {
    prerendered::forget_pending();
    let page = LocalServerRenderer::<App>::with_props(AppProps { initial_layer })
        .render()
        .await;
    prerendered::fill(page).await
}

/// The same for another story (from `content_compiler::load`), on this thread only.
pub async fn render_content_html(shown: &'static Content, initial_layer: usize) -> String {
    let _shown = content::show(shown);
    render_html(initial_layer).await
}
