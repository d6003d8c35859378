use crate::content::CONTENT;
use yew::prelude::*;

/// The title and the one-sentence promise under it.
#[function_component(ExplainerHeader)]
pub fn explainer_header() -> Html {
    let meta = &CONTENT.meta;
    html! {
        <header class="explainer__header">
            <h1>{ meta.title }</h1>
            <p class="explainer__dek">{ meta.dek }</p>
            <p class="static-notice">{ CONTENT.ui.static_notice }</p>
        </header>
    }
}
