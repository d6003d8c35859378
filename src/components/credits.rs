use crate::components::embed_code::EmbedCode;
use crate::content::CONTENT;
use yew::prelude::*;

/// The article every quote comes from, and its author.
#[function_component(Credits)]
pub fn credits() -> Html {
    let source = &CONTENT.source;
    html! {
        // A footer has no role a label could name, so its heading alone titles it.
        <footer class="credits">
            <h2>{ CONTENT.ui.source_heading }</h2>
            <p>
                <cite>{ source.article_title }</cite>
                { format!(", {}, {}, ", source.author, source.publication) }
                <time datetime={source.published.iso}>{ source.published.label }</time>
                { "." }
            </p>
            <p>{ source.credit }</p>
            // Shown only in embed mode (style/main.css), where the host page has framed us.
            <p class="full-page"><a href="index.html" target="_blank" rel="noopener">{ CONTENT.ui.full_page }</a></p>
            <EmbedCode />
        </footer>
    }
}
