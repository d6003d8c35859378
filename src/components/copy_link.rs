use crate::clipboard::copy_text;
use crate::components::embed_code::page_address;
use crate::content::{content, Quote};
use crate::hooks::{host_url, post_to_host};
use crate::host_messages::quote_link_event;
use crate::quote_link::{host_link, page_link};
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CopyLinkProps {
    pub quote: &'static Quote,
}

/// A quote's permanent link, copied on a press. Inside a frame whose host told us the
/// article's address, the link goes through the article; else to our own page. Where the
/// Clipboard API is refused (a cross-origin frame without permission), the link is shown in a
/// box, selected, for the copy keys. The host page hears that a link was copied.
#[function_component(CopyLink)]
pub fn copy_link(props: &CopyLinkProps) -> Html {
    let quote = props.quote;
    let shown = use_state(|| None::<String>);
    let status = use_state(|| "");
    let field = use_node_ref();
    {
        let field = field.clone();
        use_effect_with(shown.clone(), move |shown| {
            if let (Some(_), Some(input)) = (shown.as_ref(), field.cast::<HtmlInputElement>()) {
                let _ = input.focus();
                input.select();
            }
        });
    }
    let onclick = {
        let (shown, status) = (shown.clone(), status.clone());
        Callback::from(move |_| {
            let link = link_to(quote.id);
            post_to_host(&quote_link_event(quote.id));
            let (shown, status) = (shown.clone(), status.clone());
            yew::platform::spawn_local(async move {
                if copy_text(&link).await {
                    shown.set(None);
                    status.set(content().ui.link_copied);
                } else {
                    shown.set(Some(link));
                    status.set(content().ui.link_copy_failed);
                }
            });
        })
    };
    html! {
        <div class="quote__link">
            <button type="button" class="quote__copy" {onclick}>
                { crate::prerendered!(button_label(quote.speaker)) }
            </button>
            if let Some(link) = (*shown).clone() {
                <input type="text" class="quote__url" readonly=true value={link} ref={field}
                    aria-label={content().ui.link_label(quote.speaker)} />
            }
            <span class="quote__status" aria-live="polite">{ *status }</span>
        </div>
    }
}

/// "Copy link", and for screen readers whose quote.
#[cfg(not(target_arch = "wasm32"))]
fn button_label(speaker: &str) -> Html {
    let ui = &content().ui;
    html! {
        <>
            { ui.copy_link }
            <span class="visually-hidden">{ " " }{ ui.copy_link_quote(speaker) }</span>
        </>
    }
}

/// The link a reader copies for quote `id`: through the article, else to our page (from disk,
/// to the file itself, which is the only page that reader has).
fn link_to(id: &str) -> String {
    let own_page = || {
        page_address().unwrap_or_else(|| {
            let href = gloo::utils::window().location().href().unwrap_or_default();
            href.split('#').next().unwrap_or_default().to_owned()
        })
    };
    host_url()
        .and_then(|host| host_link(&host, id))
        .unwrap_or_else(|| page_link(&own_page(), id))
}
