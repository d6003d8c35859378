//! Deep links: `#<slug>` or `?layer=<slug>` open a layer, `?embed` asks for embed mode. Pure
//! string functions, so every hostile or broken URL can be tested natively.
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

/// Which layer `search` (`?a=b&layer=x`) and `hash` (`#x`) name, if any.
pub fn layer_from_url(slugs: &[&str], search: &str, hash: &str) -> Option<usize> {
    let fragment = hash.strip_prefix('#').unwrap_or(hash);
    position_of(slugs, fragment)
        .or_else(|| layer_param(search).and_then(|value| position_of(slugs, value)))
}

/// Whether `search` asks for embed mode (a CMS preview outside a frame, say): a parameter named
/// exactly `embed`, with or without a value.
pub fn embed_requested(search: &str) -> bool {
    query_pairs(search).any(|pair| param_name(pair) == EMBED_PARAM)
}

/// The query string that opens `slug`, keeping every other parameter (an embedding page's
/// `childId`, say) in its place.
pub fn search_with_layer(search: &str, slug: &str) -> String {
    let kept = query_pairs(search).filter(|pair| param_name(pair) != LAYER_PARAM);
    let pairs: Vec<String> = kept
        .map(str::to_owned)
        .chain([format!("{LAYER_PARAM}={slug}")])
        .collect();
    format!("?{}", pairs.join("&"))
}

fn position_of(slugs: &[&str], candidate: &str) -> Option<usize> {
    slugs.iter().position(|slug| *slug == candidate)
}

fn layer_param(search: &str) -> Option<&str> {
    query_pairs(search)
        .filter_map(|pair| pair.split_once('='))
        .find(|(name, _)| *name == LAYER_PARAM)
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
