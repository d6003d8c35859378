//! Links to one quote: every quote has exactly one home and anchor, links open the layer that
//! holds it, and a copied link goes through the host article only when its address is usable.

use coalition_explainer::content::{CONTENT, QUOTES};
use coalition_explainer::deep_link::{layer_to_show, quote_from_url, search_with_layer};
use coalition_explainer::host_messages::{layer_event, pym_parent_url, Value, LAYER_EVENT};
use coalition_explainer::quote_link::{home, host_link, linkable_quotes, page_link, places, Place};
use coalition_explainer::server::render_html;
use scraper::{Html, Selector};

fn slugs() -> Vec<&'static str> {
    CONTENT.layers.iter().map(|layer| layer.slug).collect()
}

#[test]
fn every_quote_shown_is_linkable_once_with_its_home_layer() {
    let quotes = linkable_quotes();
    let shown: usize = places().map(|(_, list)| list.len()).sum();
    assert!(quotes.len() < shown, "the content shows some quotes twice");
    for (id, layer) in &quotes {
        assert_eq!(quotes.iter().filter(|(other, _)| other == id).count(), 1);
        let expected = match home(id) {
            Some(Place::Layer(index)) => Some(index),
            _ => None,
        };
        assert_eq!(*layer, expected, "{id}");
    }
    // A quote under Still open that a layer also shows lives in that layer.
    let repeated = CONTENT.still_open.items[0].quotes[0].id;
    assert!(matches!(home(repeated), Some(Place::Layer(_))));
    assert_eq!(home(CONTENT.why_now.quotes[0].id), Some(Place::WhyNow));
    assert_eq!(home("no-such-quote"), None);
    assert!(QUOTES.iter().all(|quote| home(quote.id).is_some()));
}

#[test]
fn the_page_carries_each_anchor_once_on_the_quotes_home() {
    let page = Html::parse_document(&futures::executor::block_on(render_html(0)));
    for (id, layer) in linkable_quotes() {
        let selector = Selector::parse(&format!("[id=\"q-{id}\"]")).unwrap();
        let anchors: Vec<_> = page.select(&selector).collect();
        assert_eq!(anchors.len(), 1, "q-{id}");
        let panel = anchors[0]
            .ancestors()
            .filter_map(scraper::ElementRef::wrap)
            .find(|element| element.value().attr("role") == Some("tabpanel"));
        let panel_id = panel.and_then(|panel| panel.value().attr("id").map(str::to_owned));
        assert_eq!(
            panel_id,
            layer.map(|layer| format!("panel-{}", CONTENT.layers[layer].slug)),
            "q-{id} is in the panel of its layer"
        );
    }
    let buttons = Selector::parse(".quote .quote__copy").unwrap();
    let figures = Selector::parse(".quote").unwrap();
    assert_eq!(page.select(&buttons).count(), page.select(&figures).count());
}

#[test]
fn quote_links_open_the_layer_that_holds_the_quote() {
    let (slugs, quotes) = (slugs(), linkable_quotes());
    for (index, (id, layer)) in quotes.iter().enumerate() {
        for (search, hash) in [
            (String::new(), format!("#q-{id}")),
            (format!("?quote={id}"), String::new()),
            (format!("?embed&quote={id}&childId=x"), "#".to_owned()),
        ] {
            assert_eq!(quote_from_url(&slugs, &quotes, &search, &hash), Some(index));
            assert_eq!(layer_to_show(&slugs, &quotes, &search, &hash), *layer);
        }
    }
    // The fragment wins: a layer there beats a quote in the query.
    let id = quotes[0].0;
    let search = format!("?quote={id}");
    assert_eq!(
        quote_from_url(&slugs, &quotes, &search, "#us-backstop"),
        None
    );
    assert_eq!(
        layer_to_show(&slugs, &quotes, &search, "#us-backstop"),
        Some(2)
    );
    // A quote outside the layers leaves the layer to the rest of the address.
    let context = quotes.iter().find(|(_, layer)| layer.is_none()).unwrap().0;
    let search = format!("?layer=eu-accession&quote={context}");
    assert_eq!(layer_to_show(&slugs, &quotes, &search, ""), Some(3));
}

#[test]
fn unknown_or_hostile_quote_links_name_nothing() {
    let (slugs, quotes) = (slugs(), linkable_quotes());
    let id = quotes[0].0;
    let long = format!("#q-{}", "a".repeat(10_000));
    for (search, hash) in [
        ("", "#q-"),
        ("", "#q-no-such-quote"),
        ("", "#Q-declaration-defend-itself"),
        ("", "#q-<script>alert(1)</script>"),
        ("", "#q-%3Cscript%3E"),
        ("", long.as_str()),
        ("?quote=", ""),
        ("?quote", ""),
        ("?quote=<img src=x onerror=alert(1)>", ""),
        ("?Quote=declaration-defend-itself", ""),
        ("?quote=declaration-defend-itself%00", ""),
    ] {
        assert_eq!(
            quote_from_url(&slugs, &quotes, search, hash),
            None,
            "{search}{hash}"
        );
    }
    assert_eq!(
        quote_from_url(&slugs, &quotes, "", &format!("#q-{id}")),
        Some(0)
    );
}

#[test]
fn choosing_a_layer_drops_the_quote_link() {
    assert_eq!(
        search_with_layer("?embed&quote=costa-loan&childId=x", "us-backstop"),
        "?embed&childId=x&layer=us-backstop"
    );
}

#[test]
fn a_copied_link_goes_through_the_article_only_when_its_address_is_usable() {
    assert_eq!(
        page_link("https://graphics.example/ukraine/index.html", "costa-loan"),
        "https://graphics.example/ukraine/index.html#q-costa-loan"
    );
    assert_eq!(
        host_link("https://news.example/2026/article?x=1#top", "costa-loan").as_deref(),
        Some("https://news.example/2026/article?x=1#explainer-q-costa-loan")
    );
    let long = format!("https://news.example/{}", "a".repeat(3000));
    for refused in [
        "",
        "javascript:alert(1)",
        "data:text/html,hi",
        "//news.example/article",
        "https://",
        "https:///path",
        "https://news.example/a b",
        "https://news.example/\"><script>",
        "file:///etc/passwd",
        long.as_str(),
    ] {
        assert_eq!(host_link(refused, "costa-loan"), None, "{refused}");
    }
}

#[test]
fn pym_parent_url_is_decoded_and_malformed_ones_refused() {
    assert_eq!(
        pym_parent_url("?initialWidth=600&childId=a&parentTitle=T&parentUrl=https%3A%2F%2Fnews.example%2Fa%3Fb%3D1")
            .as_deref(),
        Some("https://news.example/a?b=1")
    );
    assert_eq!(pym_parent_url("?childId=a"), None);
    assert_eq!(pym_parent_url("?parentUrl=%E2%28"), None);
    assert_eq!(pym_parent_url("?parentUrl=%zz"), None);
    assert_eq!(pym_parent_url("?parentUrl=%4"), None);
}

#[test]
fn the_layer_event_names_the_layer_and_nothing_about_the_reader() {
    assert_eq!(
        layer_event(2),
        vec![
            ("type", Value::Text(LAYER_EVENT)),
            ("slug", Value::Text("us-backstop")),
            ("index", Value::Number(3)),
            ("total", Value::Number(4)),
        ]
    );
}
