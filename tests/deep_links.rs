//! Deep links: both forms open a layer; anything else, however hostile, opens the first.

use coalition_explainer::content::CONTENT;
use coalition_explainer::deep_link::{layer_from_url, search_with_layer};
use content_compiler::MAX_LAYERS;
use proptest::prelude::*;

fn slugs() -> Vec<&'static str> {
    CONTENT.layers.iter().map(|layer| layer.slug).collect()
}

#[test]
fn the_slugs_are_the_published_ones() {
    // Shared links name these: the real story must keep them (the parsing tests use them too).
    assert_eq!(
        slugs(),
        [
            "ukrainian-forces",
            "multinational-force",
            "us-backstop",
            "eu-accession"
        ]
    );
}

#[test]
fn fragment_and_query_both_open_a_layer() {
    let slugs = slugs();
    assert_eq!(layer_from_url(&slugs, "?layer=us-backstop", ""), Some(2));
    assert_eq!(layer_from_url(&slugs, "", "#eu-accession"), Some(3));
    assert_eq!(
        layer_from_url(&slugs, "?childId=x&layer=multinational-force&embed", ""),
        Some(1)
    );
}

#[test]
fn the_fragment_wins_over_the_query() {
    assert_eq!(
        layer_from_url(&slugs(), "?layer=us-backstop", "#eu-accession"),
        Some(3)
    );
    assert_eq!(
        layer_from_url(&slugs(), "?layer=us-backstop", "#nonsense"),
        Some(2)
    );
}

#[test]
fn hostile_and_broken_values_name_no_layer() {
    let slugs = slugs();
    let long = "a".repeat(10 * 1024);
    for (search, hash) in [
        ("", "#%3Cscript%3E"),
        ("", "#<script>alert(1)</script>"),
        ("?layer=", ""),
        ("?layer", ""),
        ("?layer==us-backstop", ""),
        ("?layer=US-BACKSTOP", ""),
        ("?layer=us-backstop%00", ""),
        ("", "#"),
        ("?", ""),
        ("&&&=&", "##"),
        (long.as_str(), long.as_str()),
    ] {
        assert_eq!(
            layer_from_url(&slugs, search, hash),
            None,
            "search {search:.40?} hash {hash:.40?}"
        );
    }
}

#[test]
fn writing_a_layer_keeps_other_parameters() {
    assert_eq!(search_with_layer("", "us-backstop"), "?layer=us-backstop");
    assert_eq!(
        search_with_layer("?childId=example&layer=eu-accession", "us-backstop"),
        "?childId=example&layer=us-backstop"
    );
    assert_eq!(
        search_with_layer("?embed&layer=x&layer=y", "eu-accession"),
        "?embed&layer=eu-accession"
    );
}

proptest! {
    #[test]
    fn any_url_yields_a_known_layer_or_none(search in ".{0,200}", hash in ".{0,200}") {
        let slugs = slugs();
        if let Some(index) = layer_from_url(&slugs, &search, &hash) {
            prop_assert!(index < slugs.len());
        }
    }

    #[test]
    fn a_written_url_reads_back_as_the_same_layer(search in "[a-zA-Z0-9=&_-]{0,80}", layer in 0usize..MAX_LAYERS) {
        let slugs = slugs();
        let layer = layer % slugs.len();
        let written = search_with_layer(&search, slugs[layer]);
        prop_assert_eq!(layer_from_url(&slugs, &written, ""), Some(layer));
    }
}
