use crate::components::embed_code::EmbedCode;
#[cfg(not(target_arch = "wasm32"))]
use crate::content::{content, Content};
use yew::prelude::*;

/// The explainer's last update and corrections, the article every quote comes from (both
/// prerendered), then the embed code.
pub fn credits() -> Html {
    html! {
        // A footer has no role a label could name, so its headings alone title it.
        <footer class="credits">
            { crate::prerendered!(credits_text()) }
            <EmbedCode />
        </footer>
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn credits_text() -> Html {
    let source = &content().source;
    html! {
        <>
            { updates(content()) }
            <h2>{ content().ui.source_heading }</h2>
            <p>
                <cite>{ source.article_title }</cite>
                { format!(", {}, {}, ", source.author, source.publication) }
                <time datetime={source.published.iso}>{ source.published.label }</time>
                { "." }
            </p>
            <p>{ source.credit }</p>
            // Shown only in embed mode (style/main.css), where the host page has framed us.
            <p class="full-page"><a href="index.html" target="_blank" rel="noopener">{ content().ui.full_page }</a></p>
        </>
    }
}

/// "Updated Jan. 10, 2026" and each correction with its day: a story about events that move
/// says what changed and when. Nothing for a story never changed since publication.
#[cfg(not(target_arch = "wasm32"))]
fn updates(content: &'static Content) -> Html {
    let ui = &content.ui;
    let updated = content.meta.updated.as_ref().map(|day| {
        html! {
            <p class="credits__updated">
                { ui.updated }{ " " }<time datetime={day.iso}>{ day.label }</time>
            </p>
        }
    });
    let corrections = (!content.corrections.is_empty()).then(|| {
        html! {
            <>
                <h2>{ ui.corrections }</h2>
                <ul class="credits__corrections">
                    { for content.corrections.iter().map(|correction| html! {
                        <li>
                            <time datetime={correction.date.iso}>{ correction.date.label }</time>
                            { ": " }{ correction.text }
                        </li>
                    }) }
                </ul>
            </>
        }
    });
    html! { <>{ updated }{ corrections }</> }
}
