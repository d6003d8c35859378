//! "How we know": under each block of ours, the article's words behind it, on demand. A native
//! `<details>`: a tap, a click, Enter or Space, no JavaScript needed, and printed open by the
//! print stylesheet (`::details-content`). Prerendered: the WASM draws none of it.

use crate::content::{content, Claim, Figure, Quote, Support};
use yew::prelude::*;

/// The passages behind `claims` (a sentence, a paragraph, a list).
pub fn claims_support<'a>(claims: impl IntoIterator<Item = &'a Claim>) -> Html {
    let claims = claims
        .into_iter()
        .map(|claim| (claim.text.to_owned(), claim.support));
    sourced(claims.collect())
}

/// The passages behind each figure ("242 drones").
pub fn figures_support(figures: &[Figure]) -> Html {
    let figures = figures
        .iter()
        .map(|figure| (format!("{} {}", figure.value, figure.label), figure.support));
    sourced(figures.collect())
}

/// Each claim's passages; where a block holds more than one claim, each claim's own words head
/// its passages, so a reader sees which words back which sentence.
fn sourced(claims: Vec<(String, &[Support])>) -> Html {
    let body = match claims.as_slice() {
        [(_, support)] => passages(support),
        claims => html! {
            <ol class="support__claims">
                { for claims.iter().map(|(text, support)| html! {
                    <li>
                        <p class="support__claim">{ text.clone() }</p>
                        { passages(support) }
                    </li>
                }) }
            </ol>
        },
    };
    disclosure(content().ui.support_intro, body)
}

/// The passages behind something that is no sentence of ours (a layer's stage).
pub fn passages_support(support: &[Support]) -> Html {
    disclosure(content().ui.support_intro, passages(support))
}

/// The article's words that attribute `quote`: who, how, when.
pub fn attribution_support(quote: &Quote) -> Html {
    let words = html! {
        <ul class="support__passages">
            { for quote.attribution.iter().map(|words| html! { <li><q>{ *words }</q></li> }) }
        </ul>
    };
    disclosure(content().ui.attribution_intro, words)
}

fn passages(support: &[Support]) -> Html {
    html! {
        <ul class="support__passages">
            { for support.iter().map(|passage| match passage {
                Support::Excerpt(words) => html! { <li><q>{ *words }</q></li> },
                Support::Quote(quote) => html! {
                    <li><q>{ quote.text }</q>{ " " }<span class="support__speaker">{ format!("({})", quote.speaker) }</span></li>
                },
            }) }
        </ul>
    }
}

fn disclosure(intro: &str, body: Html) -> Html {
    html! {
        <details class="support">
            <summary class="support__toggle">{ content().ui.how_we_know }</summary>
            <div class="support__body">
                <p class="support__intro">{ intro }</p>
                { body }
            </div>
        </details>
    }
}
