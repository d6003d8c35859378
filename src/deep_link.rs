//! Deep links: `#<slug>` or `?layer=<slug>` open a layer, `#q-<quote id>` or `?quote=<id>` a
//! quote (in the layer or section that holds it), `?embed` asks for embed mode. Pure string
//! functions, so every hostile or broken URL can be tested natively.
//!
//! The loader (assets/boot.js) reads the address before the app does, to show the linked layer
//! from the first paint: its functions follow these rule for rule, with no decoding of any
//! kind, and tests/loader.rs compares the two on generated URLs.
//!
//! When both are present the fragment wins: it is what a reader edits by hand last. Anything
//! that is not exactly a known slug selects nothing, and the app falls back to the first layer.

use crate::embed::EMBED_PARAM;

/// The query parameter that names a layer.
pub const LAYER_PARAM: &str = "layer";

/// The query parameter that names a quote.
pub const QUOTE_PARAM: &str = "quote";

/// A fragment that names a quote: `#q-<quote id>` (quote ids and layer slugs never collide).
pub const QUOTE_FRAGMENT: &str = "q-";

/// Which layer `search` (`?a=b&layer=x`) and `hash` (`#x`) name, if any.
pub fn layer_from_url(slugs: &[&str], search: &str, hash: &str) -> Option<usize> {
    let fragment = hash.strip_prefix('#').unwrap_or(hash);
    position_of(slugs, fragment)
        .or_else(|| param_value(search, LAYER_PARAM).and_then(|value| position_of(slugs, value)))
}

/// The quotes a link can name: each id with the layer that holds it (`None` for a quote in a
/// section outside the layers), as `quote_link::linkable_quotes` lists them.
pub type Quotes<'a> = [(&'a str, Option<usize>)];

/// Which quote (its position in `quotes`) the address names, if any: `#q-<id>`, else
/// `?quote=<id>` unless the fragment names a layer (the fragment wins).
pub fn quote_from_url(slugs: &[&str], quotes: &Quotes, search: &str, hash: &str) -> Option<usize> {
    let position = |id: &str| quotes.iter().position(|(quote, _)| *quote == id);
    let fragment = hash.strip_prefix('#').unwrap_or(hash);
    if let Some(quote) = fragment.strip_prefix(QUOTE_FRAGMENT).and_then(position) {
        return Some(quote);
    }
    if position_of(slugs, fragment).is_some() {
        return None;
    }
    param_value(search, QUOTE_PARAM).and_then(position)
}

/// The layer to show for an address: the linked quote's, if a layer holds it, else the
/// linked layer.
pub fn layer_to_show(slugs: &[&str], quotes: &Quotes, search: &str, hash: &str) -> Option<usize> {
    quote_from_url(slugs, quotes, search, hash)
        .and_then(|quote| quotes[quote].1)
        .or_else(|| layer_from_url(slugs, search, hash))
}

/// Whether `search` asks for embed mode (a CMS preview outside a frame, say): a parameter named
/// exactly `embed`, with or without a value.
pub fn embed_requested(search: &str) -> bool {
    query_pairs(search).any(|pair| param_name(pair) == EMBED_PARAM)
}

/// The query string that opens `slug`, keeping every other parameter (an embedding page's
/// `childId`, say) in its place, but a quote link's: the reader has moved on from that quote.
pub fn search_with_layer(search: &str, slug: &str) -> String {
    let kept =
        query_pairs(search).filter(|pair| ![LAYER_PARAM, QUOTE_PARAM].contains(&param_name(pair)));
    let pairs: Vec<String> = kept
        .map(str::to_owned)
        .chain([format!("{LAYER_PARAM}={slug}")])
        .collect();
    format!("?{}", pairs.join("&"))
}

fn position_of(slugs: &[&str], candidate: &str) -> Option<usize> {
    slugs.iter().position(|slug| *slug == candidate)
}

/// The value of the first `name=value` pair (a bare `name` has none).
fn param_value<'a>(search: &'a str, name: &str) -> Option<&'a str> {
    query_pairs(search)
        .filter_map(|pair| pair.split_once('='))
        .find(|(pair_name, _)| *pair_name == name)
        .map(|(_, value)| value)
}

fn query_pairs(search: &str) -> impl Iterator<Item = &str> {
    search
        .strip_prefix('?')
        .unwrap_or(search)
        .split('&')
        .filter(|pair| !pair.is_empty())
}

fn param_name(pair: &str) -> &str {
    pair.split_once('=').map_or(pair, |(name, _)| name)
}
