use crate::content::content;
use yew::prelude::*;

/// The title, the one-sentence promise under it, and the note shown only in the static view
/// (`hidden` unless style/main.css shows it, so a page whose stylesheet failed does not claim to
/// be the static view while its app runs).
pub fn explainer_header() -> Html {
    let meta = &content().meta;
    html! {
        <header class="explainer__header">
            <h1>{ crate::hyphens::soft_hyphens(meta.title, meta.lang) }</h1>
            <p class="explainer__dek">{ meta.dek.text }</p>
            { super::support::claims_support(std::slice::from_ref(&meta.dek)) }
            <p class="static-notice" hidden=true>{ content().ui.static_notice }</p>
        </header>
    }
}
