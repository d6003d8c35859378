use crate::content::CONTENT;
use yew::prelude::*;

/// The article every quote comes from, and its author.
#[function_component(Credits)]
pub fn credits() -> Html {
    let source = &CONTENT.source;
    html! {
        <footer class="credits" aria-labelledby="credits-heading">
            <h2 id="credits-heading">{ CONTENT.ui.source_heading }</h2>
            <p>
                <cite>{ source.article_title }</cite>
                { format!(", {}, {}, ", source.author, source.publication) }
                <time datetime={source.published.iso}>{ source.published.label }</time>
                { "." }
            </p>
            <p>{ source.credit }</p>
        </footer>
    }
}
