//! What the explainer tells a host page that frames it, and what it accepts from one, beyond
//! sizing (`embed`, `iframe_resizer`). Pure, tested natively; `hooks::use_host_page` posts and
//! listens. `embed.js` on the host page re-dispatches our events as DOM events on the
//! `<iframe>` and tells us the article's address, so readers can copy links through it.
//!
//! Architecture Invariant: an event carries what the reader looked at, never who they are
//! (no address, no time, no identifier), and goes to `window.parent` only.

use crate::content::content;

/// Every message of ours has a `type` starting with this.
pub const MESSAGE_PREFIX: &str = "coalition-explainer:";
/// A reader chose a layer: `{type, slug, index (1-based), total}`.
pub const LAYER_EVENT: &str = "coalition-explainer:layer";
/// A reader copied a quote's link: `{type, quote (its id)}`.
pub const QUOTE_LINK_EVENT: &str = "coalition-explainer:quote-link";
/// The explainer opened on a linked quote: `{type, quote, top}`, `top` being the quote's
/// distance in CSS pixels from the top of our document, for the host to scroll to. Sent by the
/// loader (assets/boot.js), which shows linked quotes.
pub const QUOTE_SHOWN_EVENT: &str = "coalition-explainer:quote";
/// From `embed.js` to us: `{type, url}`, the article's address.
pub const HOST_MESSAGE: &str = "coalition-explainer:host";

/// pym.js's parent puts the article's address in our query as `parentUrl`.
const PYM_PARENT_URL: &str = "parentUrl";

/// A value in one of our messages.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Text(&'static str),
    Number(u32),
}

pub type Message = Vec<(&'static str, Value)>;

/// The event for a reader's choice of layer `index` (0-based).
pub fn layer_event(index: usize) -> Message {
    let total = content().layers.len();
    vec![
        ("type", Value::Text(LAYER_EVENT)),
        ("slug", Value::Text(content().layers[index].slug)),
        ("index", Value::Number(index as u32 + 1)),
        ("total", Value::Number(total as u32)),
    ]
}

/// The event for a copied link to quote `id`.
pub fn quote_link_event(id: &'static str) -> Message {
    vec![
        ("type", Value::Text(QUOTE_LINK_EVENT)),
        ("quote", Value::Text(id)),
    ]
}

/// The article's address pym.js put in our query (`search`), decoded, if any.
pub fn pym_parent_url(search: &str) -> Option<String> {
    let query = search.strip_prefix('?').unwrap_or(search);
    let value = query
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(name, _)| *name == PYM_PARENT_URL)?
        .1;
    percent_decoded(value)
}

/// `%XX` escapes decoded (and `+` as a space, as forms write it); `None` if malformed or not
/// UTF-8.
fn percent_decoded(value: &str) -> Option<String> {
    let mut bytes = Vec::with_capacity(value.len());
    let mut rest = value.bytes();
    while let Some(byte) = rest.next() {
        bytes.push(match byte {
            b'%' => {
                let high = (rest.next()? as char).to_digit(16)?;
                let low = (rest.next()? as char).to_digit(16)?;
                (high * 16 + low) as u8
            }
            b'+' => b' ',
            other => other,
        });
    }
    String::from_utf8(bytes).ok()
}
