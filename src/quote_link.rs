//! Links to one quote: where each quote lives, and the link a reader copies. Pure functions,
//! tested natively; `components::CopyLink` and `hooks::use_host_page` do the browser side.
//!
//! A quote can be shown in more than one place (a layer, and again under Still open): its
//! first place in reading order is its home, the only figure that carries its anchor
//! (`q-<id>`), so a link always opens the layer that holds it.

use crate::content::{content, Quote};
use crate::deep_link::QUOTE_FRAGMENT;

/// Where a list of quotes is shown, in reading order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    Layer(usize),
    WhyNow,
    StillOpen(usize),
}

/// A host page (through `embed.js`) forwards its own fragment to the frame when it starts
/// with this: `https://news.example/article#explainer-q-<id>` opens that quote in the frame.
/// Any fragment of ours can follow it (`#explainer-us-backstop` opens that layer).
pub const HOST_FRAGMENT_PREFIX: &str = "explainer-";

/// A host page address longer than this is not used for links (no browser needs more).
const MAX_HOST_URL: usize = 2048;

/// Every list of quotes, in reading order.
pub fn places() -> impl Iterator<Item = (Place, &'static [&'static Quote])> {
    let layers = (content().layers.iter().enumerate())
        .map(|(index, layer)| (Place::Layer(index), layer.quotes));
    let still_open = (content().still_open.items.iter().enumerate())
        .map(|(index, item)| (Place::StillOpen(index), item.quotes));
    layers
        .chain([(Place::WhyNow, content().why_now.quotes)])
        .chain(still_open)
}

/// The first place that shows the quote `id`.
pub fn home(id: &str) -> Option<Place> {
    places()
        .find(|(_, quotes)| quotes.iter().any(|quote| quote.id == id))
        .map(|(place, _)| place)
}

/// Every quote shown, once each, in reading order, with the layer that holds it (`None` for
/// the sections outside the layers): what the address functions and the loader look up.
pub fn linkable_quotes() -> Vec<(&'static str, Option<usize>)> {
    let mut quotes: Vec<(&'static str, Option<usize>)> = Vec::new();
    for (place, list) in places() {
        for quote in list {
            if quotes.iter().all(|(id, _)| *id != quote.id) {
                let layer = match place {
                    Place::Layer(index) => Some(index),
                    Place::WhyNow | Place::StillOpen(_) => None,
                };
                quotes.push((quote.id, layer));
            }
        }
    }
    quotes
}

/// `linkable_quotes` as the loader reads them from its tag's `data-quotes`: `id:layer` for a
/// quote a layer holds, a bare id otherwise, separated by spaces.
pub fn loader_attribute() -> String {
    let entries: Vec<String> = linkable_quotes()
        .into_iter()
        .map(|(id, layer)| match layer {
            Some(layer) => format!("{id}:{layer}"),
            None => id.to_owned(),
        })
        .collect();
    entries.join(" ")
}

/// The anchor of a quote's home figure.
pub fn anchor(id: &str) -> String {
    format!("{QUOTE_FRAGMENT}{id}")
}

/// The link to quote `id` on the explainer's own page (`page`: its address without query or
/// fragment).
pub fn page_link(page: &str, id: &str) -> String {
    format!("{page}#{}", anchor(id))
}

/// The link to quote `id` through the host article at `host_url`, if that is a usable web
/// address: the article's own address with our fragment, which `embed.js` forwards.
pub fn host_link(host_url: &str, id: &str) -> Option<String> {
    let article = host_url.split_once('#').map_or(host_url, |(page, _)| page);
    is_web_address(article).then(|| format!("{article}#{HOST_FRAGMENT_PREFIX}{}", anchor(id)))
}

/// An absolute http(s) address of reasonable length with nothing a link cannot carry.
fn is_web_address(url: &str) -> bool {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    rest.is_some_and(|rest| !rest.is_empty() && !rest.starts_with('/'))
        && url.len() <= MAX_HOST_URL
        && url.bytes().all(|b| b.is_ascii_graphic())
        && !url.contains(['"', '<', '>', '\\'])
}
