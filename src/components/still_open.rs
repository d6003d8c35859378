use crate::components::quote_figure::quote_list;
use crate::content::content;
use crate::quote_link::Place;
use yew::prelude::*;

/// What the architecture still lacks, each open question with the words behind it.
#[function_component(StillOpenSection)]
pub fn still_open_section() -> Html {
    let still_open = &content().still_open;
    html! {
        <section class="context" aria-labelledby="still-open-heading">
            <h2 id="still-open-heading">{ still_open.heading }</h2>
            <p>{ still_open.summary }</p>
            { for still_open.items.iter().enumerate().map(|(index, item)| html! {
                <article class="open-item">
                    <h3>{ item.topic }</h3>
                    <p>{ item.summary }</p>
                    { quote_list(Place::StillOpen(index), item.quotes) }
                </article>
            }) }
        </section>
    }
}
