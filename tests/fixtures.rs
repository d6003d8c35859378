//! Any story: the test fixtures under `tests/fixtures/` (invented content, checked against the
//! invented article beside each) load, and render natively with their own number of layers,
//! language, dates, update and corrections. `e2e/src/scenarios/fixture_story.rs` drives one of
//! them built to WASM in a browser.

use coalition_explainer::content::Content;
use coalition_explainer::server::render_content_html;
use content_compiler::verbatim::missing_parts;
use scraper::{ElementRef, Html, Selector};
use std::path::{Path, PathBuf};

const UKRAINIAN: &str = "tests/fixtures/three-layers-uk/story.toml";
const ENGLISH: &str = "tests/fixtures/six-layers-en/story.toml";
/// Three layers in German, with names longer than a phone's tab (see names.rs in e2e).
const GERMAN: &str = "tests/fixtures/long-names-de/story.toml";
const EIGHT_LAYERS: &str = "tests/fixtures/eight-layers-en/story.toml";

fn path(file: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(file)
}

/// The fixture loaded by the compiler, which reads its article beside it: the path it is given
/// is absolute, so it holds whatever folder the test runs in.
fn load(file: &str) -> &'static Content {
    let file = path(file);
    let source = std::fs::read_to_string(&file).expect("the fixture");
    content_compiler::load(&file.to_string_lossy(), &source)
        .unwrap_or_else(|errors| panic!("{errors}"))
}

fn render(content: &'static Content, layer: usize) -> Html {
    Html::parse_fragment(&futures::executor::block_on(render_content_html(
        content, layer,
    )))
}

fn select<'a>(page: &'a Html, css: &str) -> Vec<ElementRef<'a>> {
    page.select(&Selector::parse(css).expect("valid selector"))
        .collect()
}

fn text_of(element: &ElementRef) -> String {
    let text: String = element.text().collect();
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every layer renders chosen, with one tab per layer, its own panel and position.
fn assert_layers_render(content: &'static Content, slugs: &[&str]) {
    let total = content.layers.len();
    assert_eq!(total, slugs.len());
    for (index, slug) in slugs.iter().enumerate() {
        let page = render(content, index);
        assert_eq!(select(&page, "[role=tab]").len(), total);
        let shown = select(&page, "[role=tabpanel]:not([hidden])");
        assert_eq!(shown.len(), 1, "one panel shows");
        assert_eq!(shown[0].attr("id"), Some(format!("panel-{slug}").as_str()));
        let position = content.ui.position(index + 1, total);
        assert!(text_of(&shown[0]).contains(&position), "{slug}: {position}");
        assert_eq!(select(&page, "[role=tabpanel]").len(), total);
    }
}

/// The foot's update line and corrections, as a reader sees them.
fn foot(content: &'static Content) -> (String, Vec<String>) {
    let page = render(content, 0);
    let updated = select(&page, ".credits__updated").first().map(text_of);
    let corrections = select(&page, ".credits__corrections li")
        .iter()
        .map(text_of)
        .collect();
    (updated.unwrap_or_default(), corrections)
}

#[test]
fn a_three_layer_ukrainian_story_renders_in_ukrainian() {
    let content = load(UKRAINIAN);
    assert_eq!(content.meta.lang, "uk");
    assert_layers_render(
        content,
        &["yablunevyi-sad", "grushevyi-sad", "vyshnevyi-sad"],
    );
    let page = render(content, 0);
    let panel = text_of(&select(&page, "#panel-yablunevyi-sad")[0]);
    assert!(panel.contains("Сад 1 з 3"), "{panel}");
    assert!(panel.contains("14 лютого 2026 року"), "a day: {panel}");
    let credits = text_of(&select(&page, ".credits")[0]);
    assert!(credits.contains("лютий 2026 року"), "a month: {credits}");
    let (updated, corrections) = foot(content);
    assert_eq!(updated, "Оновлено 1 березня 2026 року");
    assert_eq!(
        corrections,
        ["1 березня 2026 року: У попередній версії переплутано громади, що доглядають яблуневий і грушевий сади."]
    );
}

#[test]
fn a_six_layer_english_story_renders_with_its_update_and_corrections() {
    let content = load(ENGLISH);
    assert_layers_render(
        content,
        &[
            "ferry-landing",
            "north-span",
            "footbridge",
            "weir-crossing",
            "rail-bridge",
            "toll-bridge",
        ],
    );
    let (updated, corrections) = foot(content);
    assert_eq!(updated, "Updated March 12, 2026");
    assert_eq!(
        corrections,
        [
            "March 5, 2026: An earlier version gave the wrong river authority for the weir crossing.",
            "March 12, 2026: An earlier version said the footbridge would be rebuilt last.",
        ]
    );
    let footer = select(&render(content, 0), ".credits time[datetime='2026-03-12']").len();
    assert_eq!(
        footer, 2,
        "the update and the last correction carry their day"
    );
}

#[test]
fn the_real_story_shows_its_update_and_every_correction() {
    let content = &coalition_explainer::content::CONTENT;
    let (updated, corrections) = foot(content);
    let day = content
        .meta
        .updated
        .as_ref()
        .expect("the story was corrected");
    assert_eq!(updated, format!("{} {}", content.ui.updated, day.label));
    assert_eq!(corrections.len(), content.corrections.len());
    for (shown, correction) in corrections.iter().zip(content.corrections) {
        assert!(shown.ends_with(correction.text), "{shown}");
    }
}

/// Each fixture is backed by its own invented article, marked as test content: its quotes, their
/// attributions and every excerpt its claims cite stand there verbatim.
#[test]
fn each_fixtures_quotes_are_verbatim_in_its_own_article() {
    for file in [UKRAINIAN, ENGLISH, GERMAN, EIGHT_LAYERS] {
        let full_path = path(file).to_string_lossy().into_owned();
        let source = std::fs::read_to_string(&full_path).expect("the fixture");
        let parsed = content_compiler::parse(&full_path, &source)
            .unwrap_or_else(|errors| panic!("{errors}"));
        let article_path = content_compiler::article_path(&full_path, &parsed);
        let article = std::fs::read_to_string(&article_path).expect("the fixture's article");
        assert!(
            article.starts_with("TEST") || article.starts_with("ТЕСТ"),
            "marked as test content"
        );
        let quotes = parsed
            .quotes
            .iter()
            .flat_map(|quote| std::iter::once(&quote.text).chain(&quote.attribution));
        let claims = content_compiler::sources::claims(&parsed);
        let excerpts = claims.iter().flat_map(|(_, claim)| claim.excerpts());
        for passage in quotes.chain(excerpts) {
            let missing = missing_parts(&passage.get_ref().0, &article);
            assert!(missing.is_empty(), "{file}: {missing:?}");
        }
        assert!(!missing_parts("A sentence no fixture holds.", &article).is_empty());
    }
}
