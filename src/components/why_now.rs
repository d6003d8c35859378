use crate::components::quote_figure::quote_list;
use crate::content::content;
use crate::quote_link::Place;
use yew::prelude::*;

/// The strikes that followed the Paris meeting, in figures and quotes. Only the quotes' links
/// are the app's; the words are prerendered.
pub fn why_now_section() -> Html {
    html! {
        <section class="context" aria-labelledby="why-now-heading">
            { crate::prerendered!(why_now_intro()) }
            { quote_list(Place::WhyNow, content().why_now.quotes) }
        </section>
    }
}

/// The heading, the summary and the figures, each with its support.
#[cfg(not(target_arch = "wasm32"))]
fn why_now_intro() -> Html {
    use super::support::{claims_support, figures_support};
    use crate::content::Claim;
    let why_now = &content().why_now;
    html! {
        <>
            <h2 id="why-now-heading">{ crate::hyphens::soft_hyphens(why_now.heading, content().meta.lang) }</h2>
            <p>{ Claim::paragraph(why_now.summary) }</p>
            { claims_support(why_now.summary) }
            <ul class="context__figures">
                { for why_now.figures.iter().map(|figure| html! {
                    <li class="context__figure">
                        <span class="context__value">{ figure.value }</span>
                        { " " }
                        <span class="context__label">{ figure.label }</span>
                    </li>
                }) }
            </ul>
            { figures_support(why_now.figures) }
        </>
    }
}
