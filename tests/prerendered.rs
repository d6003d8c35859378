//! The browser's app carries only its reach of the content (`Reach::App`) and adopts the
//! prerendered markup for the rest (`src/prerendered.rs`). Rendered with the app's reach and the
//! pieces from the full content, as the browser meets them, every story's page must be the full
//! render, byte for byte: else the app would draw a word it does not carry (a blank, at
//! hydration).

use coalition_explainer::content::{show_with_app_reach, CONTENT_FILE};
use coalition_explainer::server::render_html;
use content_compiler::{load_reach, Reach};
use std::path::Path;

const FIXTURES: [&str; 4] = [
    "tests/fixtures/three-layers-uk/story.toml",
    "tests/fixtures/six-layers-en/story.toml",
    "tests/fixtures/long-names-de/story.toml",
    "tests/fixtures/eight-layers-en/story.toml",
];

fn stories() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = vec![CONTENT_FILE.to_owned()];
    files.extend(FIXTURES.map(|file| root.join(file).display().to_string()));
    files
}

fn render(app: Reach, file: &str, layer: usize) -> String {
    let source = std::fs::read_to_string(file).expect("the content file");
    let load = |reach| load_reach(file, &source, reach).unwrap_or_else(|errors| panic!("{errors}"));
    let _shown = show_with_app_reach(load(app), load(Reach::Full));
    futures::executor::block_on(render_html(layer))
}

#[test]
fn the_apps_reach_renders_the_same_page_as_every_word() {
    for file in stories() {
        for layer in 0..3 {
            let full = render(Reach::Full, &file, layer);
            let reach = render(Reach::App, &file, layer);
            assert!(
                full == reach,
                "{file}, layer {}: the app draws something its reach blanks:\n{}",
                layer + 1,
                first_difference(&full, &reach)
            );
        }
    }
}

/// The app's reach is smaller: the quotes' words, the summaries, the context are not in it.
#[test]
fn the_apps_reach_holds_no_quote_or_summary() {
    for file in stories() {
        let source = std::fs::read_to_string(&file).expect("the content file");
        let app = load_reach(&file, &source, Reach::App).expect("loads");
        let full = load_reach(&file, &source, Reach::Full).expect("loads");
        let words = |content: &content_compiler::content_schema::Content| {
            let layers = content.layers.iter();
            let quotes = layers.clone().flat_map(|layer| layer.quotes.iter());
            quotes.map(|quote| quote.text.len()).sum::<usize>()
                + layers.map(|layer| layer.summary.len()).sum::<usize>()
                + content.why_now.summary.len()
                + content.source.credit.len()
        };
        assert!(words(full) > 0, "{file}: the full content has words");
        assert_eq!(words(app), 0, "{file}: the app's reach has none of them");
    }
}

/// Where two renders part, with some context.
fn first_difference(a: &str, b: &str) -> String {
    let at = a
        .bytes()
        .zip(b.bytes())
        .position(|(x, y)| x != y)
        .unwrap_or(a.len().min(b.len()));
    let from = at.saturating_sub(80);
    let around = |s: &str| s.get(from..(at + 80).min(s.len())).unwrap_or("").to_owned();
    format!("full: …{}…\nreach: …{}…", around(a), around(b))
}
