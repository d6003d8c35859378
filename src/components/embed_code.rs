use crate::clipboard::copy_text;
use crate::content::content;
use crate::embed::{embed_snippet, Theme, INITIAL_FRAME_HEIGHT};
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

/// A disclosure with the copy-ready embed code, the frame's colour scheme to choose, and a Copy
/// button. Where the Clipboard API is missing or refused (an iframe without permission, an old
/// browser), the code is selected and the reader is told to press the copy keys, so the code is
/// never out of reach.
#[function_component(EmbedCode)]
pub fn embed_code() -> Html {
    let ui = &content().ui;
    // The server does not know where the page will live: until the browser says, the box holds
    // a note saying where the code comes from (identical on server and browser, for hydration),
    // never a relative code that would load nothing once pasted into an article.
    // From disk (standalone.html) there is no address to embed: the box keeps what the page
    // was built with, the absolute code (EXPLAINER_URL) or the note.
    let page = use_state(|| None::<String>);
    let built = use_state(|| None::<String>);
    let code = use_node_ref();
    {
        let (page, built, code) = (page.clone(), built.clone(), code.clone());
        use_effect_with((), move |_| match page_address() {
            Some(address) => page.set(Some(address)),
            None => built.set(
                code.cast::<HtmlTextAreaElement>()
                    .and_then(|textarea| textarea.default_value().ok()),
            ),
        });
    }
    let theme = use_state(|| Theme::EMBEDDED_DEFAULT);
    let snippet = match (&*page, &*built) {
        (Some(page), _) => embed_snippet(page, content().meta.title, INITIAL_FRAME_HEIGHT, *theme),
        (None, Some(built)) => built.clone(),
        (None, None) => ui.embed_code_pending.to_owned(),
    };
    let status = use_state(|| "");
    let onclick = {
        let (status, code, snippet) = (status.clone(), code.clone(), snippet.clone());
        Callback::from(move |_| copy(&code, &snippet, status.clone()))
    };
    // The radios are the prerender's and keep their own checked state: the app only hears
    // the choice (a change bubbles to the fieldset). A new choice makes a new code: "Copied"
    // would speak of the old one.
    let choose = {
        let (theme, status) = (theme.clone(), status.clone());
        Callback::from(move |event: Event| {
            let input = event.target_dyn_into::<HtmlInputElement>();
            if let Some(chosen) = input.and_then(|input| Theme::from_value(&input.value())) {
                theme.set(chosen);
                status.set("");
            }
        })
    };
    html! {
        <details class="embed">
            { crate::prerendered!(embed_intro()) }
            // Named by reference, as the textarea below: IBM's checker reads the legend's and
            // labels' rendered text (innerText), empty while the disclosure is closed
            // (fieldset_label_valid, input_label_exists); a reference names them in any state.
            <fieldset class="embed__theme" aria-labelledby="embed-theme-legend"
                aria-describedby="embed-theme-hint" onchange={choose}>
                { crate::prerendered!(theme_choice()) }
            </fieldset>
            { crate::prerendered!(code_label()) }
            // Named by reference too: checkers that skip the closed disclosure's label still find it.
            <textarea id="embed-code" class="embed__code" readonly=true rows="5" spellcheck="false"
                aria-labelledby="embed-code-label" aria-describedby="embed-help" ref={code}
                value={snippet} />
            <button type="button" class="button embed__copy" {onclick}>{ ui.copy }</button>
            <p class="embed__status" aria-live="polite">{ *status }</p>
        </details>
    }
}

/// The disclosure's summary and what the code is for.
#[cfg(not(target_arch = "wasm32"))]
fn embed_intro() -> Html {
    let ui = &content().ui;
    html! {
        <>
            <summary class="embed__summary">{ ui.embed_heading }</summary>
            <p id="embed-help">{ ui.embed_help }</p>
        </>
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn code_label() -> Html {
    html! {
        <label class="embed__label" id="embed-code-label" for="embed-code">{ content().ui.embed_code_label }</label>
    }
}

/// The frame's colour scheme as a radio group (GOV.UK's pattern: a fieldset whose legend asks,
/// a hint, one labelled radio per theme), the embedded default checked.
#[cfg(not(target_arch = "wasm32"))]
fn theme_choice() -> Html {
    let ui = &content().ui;
    let radios = Theme::ALL.into_iter().map(|theme| {
        let id = format!("embed-theme-{}", theme.value());
        let label = format!("{id}-label");
        html! {
            <div class="radios__item">
                <input class="radios__input" type="radio" name="embed-theme" id={id.clone()}
                    value={theme.value()} checked={theme == Theme::EMBEDDED_DEFAULT}
                    aria-labelledby={label.clone()} />
                <label class="radios__label" id={label} for={id}>{ theme_text(theme) }</label>
            </div>
        }
    });
    html! {
        <>
            <legend class="embed__legend" id="embed-theme-legend">{ ui.theme_legend }</legend>
            <p class="embed__hint" id="embed-theme-hint">{ ui.theme_hint }</p>
            <div class="radios">{ for radios }</div>
        </>
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn theme_text(theme: Theme) -> &'static str {
    let ui = &content().ui;
    match theme {
        Theme::Light => ui.theme_light,
        Theme::Dark => ui.theme_dark,
        Theme::Auto => ui.theme_auto,
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
