use crate::clipboard::copy_text;
use crate::content::content;
use crate::embed::{embed_snippet, INITIAL_FRAME_HEIGHT};
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

/// A disclosure with the copy-ready embed code and a Copy button. Where the Clipboard API is
/// missing or refused (an iframe without permission, an old browser), the code is selected and
/// the reader is told to press the copy keys, so the code is never out of reach.
#[function_component(EmbedCode)]
pub fn embed_code() -> Html {
    let ui = &content().ui;
    // The server does not know where the page will live: start with a note saying where the
    // code comes from (identical on server and browser, for hydration), never a relative code
    // that would load nothing once pasted into an article; then write it for this address.
    let snippet = use_state(|| ui.embed_code_pending.to_owned());
    let code = use_node_ref();
    {
        let (snippet, code) = (snippet.clone(), code.clone());
        use_effect_with((), move |_| match page_address() {
            Some(page) => snippet.set(embed_snippet(
                &page,
                content().meta.title,
                INITIAL_FRAME_HEIGHT,
            )),
            // From disk (standalone.html) there is no address to embed: keep what the page came
            // with, the build's absolute code (EXPLAINER_URL) or the note.
            None => {
                let prerendered = code
                    .cast::<HtmlTextAreaElement>()
                    .and_then(|textarea| textarea.default_value().ok());
                if let Some(prerendered) = prerendered {
                    snippet.set(prerendered);
                }
            }
        });
    }
    let status = use_state(|| "");
    let onclick = {
        let (status, code, snippet) = (status.clone(), code.clone(), snippet.clone());
        Callback::from(move |_| copy(&code, &snippet, status.clone()))
    };
    html! {
        <details class="embed">
            <summary class="embed__summary">{ ui.embed_heading }</summary>
            <p id="embed-help">{ ui.embed_help }</p>
            <label class="embed__label" id="embed-code-label" for="embed-code">{ ui.embed_code_label }</label>
            // Named by reference too: checkers that skip the closed disclosure's label still find it.
            <textarea id="embed-code" class="embed__code" readonly=true rows="5" spellcheck="false"
                aria-labelledby="embed-code-label" aria-describedby="embed-help" ref={code}
                value={(*snippet).clone()} />
            <button type="button" class="button embed__copy" {onclick}>{ ui.copy }</button>
            <p class="embed__status" aria-live="polite">{ *status }</p>
        </details>
    }
}

/// This page's address without query or fragment: what the iframe should load. `None` unless
/// it is served over HTTP(S) (a `file:` address would load nothing in an article).
pub fn page_address() -> Option<String> {
    let location = gloo::utils::window().location();
    let protocol = location.protocol().unwrap_or_default();
    if protocol != "https:" && protocol != "http:" {
        return None;
    }
    let origin = location.origin().unwrap_or_default();
    let path = location.pathname().unwrap_or_default();
    let path = if path.ends_with('/') {
        format!("{path}index.html")
    } else {
        path
    };
    Some(format!("{origin}{path}"))
}

fn copy(code: &NodeRef, snippet: &str, status: UseStateHandle<&'static str>) {
    if let Some(textarea) = code.cast::<HtmlTextAreaElement>() {
        textarea.select();
    }
    let snippet = snippet.to_owned();
    yew::platform::spawn_local(async move {
        status.set(if copy_text(&snippet).await {
            content().ui.copied
        } else {
            content().ui.copy_failed
        });
    });
}
