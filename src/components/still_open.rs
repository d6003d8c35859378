use crate::components::quote_figure::quote_list;
use crate::content::content;
#[cfg(not(target_arch = "wasm32"))]
use crate::content::Claim;
use crate::quote_link::Place;
use yew::prelude::*;

/// What the architecture still lacks, each open question with the words behind it. Only the
/// quotes' links are the app's; the words are prerendered.
pub fn still_open_section() -> Html {
    html! {
        <section class="context" aria-labelledby="still-open-heading">
            { crate::prerendered!(still_open_intro()) }
            { for content().still_open.items.iter().enumerate().map(|(index, item)| html! {
                // Named by its heading: articles alike need names of their own to tell apart
                // (IBM's aria_article_label_unique).
                <article class="open-item" aria-labelledby={item_heading_id(index)}>
                    { crate::prerendered!(open_item_intro(index)) }
                    { quote_list(Place::StillOpen(index), item.quotes) }
                </article>
            }) }
        </section>
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn still_open_intro() -> Html {
    let still_open = &content().still_open;
    html! {
        <>
            <h2 id="still-open-heading">{ crate::hyphens::soft_hyphens(still_open.heading, content().meta.lang) }</h2>
            <p>{ Claim::paragraph(still_open.summary) }</p>
            { super::support::claims_support(still_open.summary) }
        </>
    }
}

/// The id of open question `index`'s heading, which names its article.
fn item_heading_id(index: usize) -> String {
    format!("still-open-{}-heading", index + 1)
}

/// Open question `index`: its topic and summary.
#[cfg(not(target_arch = "wasm32"))]
fn open_item_intro(index: usize) -> Html {
    let item = &content().still_open.items[index];
    html! {
        <>
            <h3 id={item_heading_id(index)}>{ crate::hyphens::soft_hyphens(item.topic, content().meta.lang) }</h3>
            <p>{ Claim::paragraph(item.summary) }</p>
            { super::support::claims_support(item.summary) }
        </>
    }
}
