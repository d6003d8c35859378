//! Editorial rules for the real content: every quote is verbatim from the source article, each
//! layer carries enough voices, each layer's stage agrees with its status and rests on the
//! article, and the page's template leaves its head to the content file.

use coalition_explainer::content::{
    Claim, Layer, Quote, Support, CONTENT, CONTENT_FILE, QUOTES, STAGES,
};
use content_compiler::verbatim::{missing_parts, normalize};

/// The source article, normalized: the content file names it (`[source] article`, relative to
/// that file), and the build refuses a content file whose article it cannot read.
fn article() -> String {
    let source =
        std::fs::read_to_string(CONTENT_FILE).expect("the content file the app was built from");
    let content = content_compiler::parse(CONTENT_FILE, &source).expect("it compiled");
    let path = content_compiler::article_path(CONTENT_FILE, &content);
    normalize(&std::fs::read_to_string(path).expect("the article it was checked against"))
}

fn layer(slug: &str) -> &'static Layer {
    CONTENT
        .layers
        .iter()
        .find(|layer| layer.slug == slug)
        .unwrap_or_else(|| panic!("layer {slug}"))
}

fn has_quote(quotes: &[&Quote], speaker: &str, words: &str) -> bool {
    quotes
        .iter()
        .any(|q| q.speaker == speaker && q.text.contains(words))
}

#[test]
fn every_quote_is_verbatim_from_the_article() {
    let article = article();
    for quote in &QUOTES {
        let missing = missing_parts(quote.text, &article);
        assert!(
            missing.is_empty(),
            "quote `{}` is not verbatim in the article: {missing:?}",
            quote.id
        );
    }
}

#[test]
fn figures_and_speakers_come_from_the_article() {
    let article = article();
    for figure in CONTENT.why_now.figures {
        let phrase = format!("{} {}", figure.value, figure.label);
        let spelled = phrase.replacen("1 ", "one ", 1);
        assert!(
            article.contains(&phrase) || article.contains(&spelled),
            "figure {phrase:?} is in the article"
        );
    }
    for quote in &QUOTES {
        let surname = quote
            .speaker
            .split_whitespace()
            .last()
            .expect("speaker has a name");
        assert!(
            article.contains(surname),
            "speaker {} is named in the article",
            quote.speaker
        );
    }
    assert!(article.contains(&normalize(CONTENT.source.article_title)));
    assert!(article.contains(CONTENT.source.author));
}

#[test]
fn each_layer_has_at_least_three_official_voices() {
    for layer in CONTENT.layers {
        let official = layer.quotes.iter().filter(|q| !q.is_analysis).count();
        assert!(
            official >= 3,
            "{} has {official} official quotes",
            layer.slug
        );
    }
}

#[test]
fn the_expected_voices_are_in_their_layers() {
    let backstop = layer("us-backstop").quotes;
    assert!(has_quote(backstop, "Volodymyr Zelenskyy", "U.S. backstop"));
    assert!(has_quote(backstop, "Volodymyr Zelenskyy", "U.S. Congress"));
    assert!(has_quote(
        layer("eu-accession").quotes,
        "Ursula von der Leyen",
        "accession to the EU"
    ));
    assert!(has_quote(
        layer("multinational-force").quotes,
        "Euronews",
        "France and the United Kingdom"
    ));
    assert!(has_quote(
        layer("ukrainian-forces").quotes,
        "Paris Declaration",
        "ability to defend itself"
    ));
}

#[test]
fn only_the_articles_author_speaks_as_analysis() {
    for quote in QUOTES.iter().filter(|q| q.is_analysis) {
        assert_eq!(
            quote.speaker, CONTENT.source.author,
            "analysis `{}` is the author's",
            quote.id
        );
    }
    assert!(QUOTES
        .iter()
        .any(|q| q.is_analysis && q.text.contains("renege")));
}

#[test]
fn context_covers_what_is_still_open() {
    let topics: Vec<&str> = CONTENT
        .still_open
        .items
        .iter()
        .map(|item| item.topic)
        .collect();
    for needed in ["signature", "Congress", "Territory", "Monitoring", "army"] {
        assert!(
            topics.iter().any(|t| t.contains(needed)),
            "still-open topics {topics:?} cover {needed}"
        );
    }
    for item in CONTENT.still_open.items {
        assert!(!item.quotes.is_empty(), "{} has its quotes", item.topic);
    }
}

/// A layer's status begins with its stage's words: the stage is the one whose label the status
/// begins with, the longest such (so "Agreed in principle; …" is not read as "Agreed").
#[test]
fn each_layers_stage_agrees_with_its_status() {
    for layer in CONTENT.layers {
        let status = Claim::paragraph(layer.status).to_lowercase();
        let stated = CONTENT
            .stages
            .iter()
            .filter(|stage| status.starts_with(&stage.label.to_lowercase()))
            .max_by_key(|stage| stage.label.len());
        assert_eq!(
            stated.map(|stage| stage.id),
            Some(layer.stage.id),
            "{}: its stage is {:?}, but its status {:?} begins with another stage's words or none",
            layer.slug,
            layer.stage.label,
            Claim::paragraph(layer.status)
        );
    }
}

#[test]
fn every_stage_is_a_layers_and_drawn_its_own_way() {
    assert_eq!(CONTENT.stages, &STAGES[..]);
    for (i, stage) in CONTENT.stages.iter().enumerate() {
        assert!(
            CONTENT
                .layers
                .iter()
                .any(|layer| std::ptr::eq(layer.stage, stage)),
            "stage {} is some layer's",
            stage.id
        );
        assert!(
            CONTENT.stages[..i]
                .iter()
                .all(|other| other.line != stage.line),
            "stage {} has a line of its own",
            stage.id
        );
    }
}

/// `Line::name` is the content file's word for each line, so the figure's classes say what the
/// editor wrote.
#[test]
fn line_names_are_the_content_files_words() {
    let file = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/content/explainer.toml"
    ))
    .expect("content/explainer.toml");
    for stage in CONTENT.stages {
        let block = &file[file
            .find(&format!("id = \"{}\"", stage.id))
            .expect("the stage's id")..];
        let line = block
            .lines()
            .find_map(|line| line.strip_prefix("line = "))
            .expect("the stage's line");
        assert_eq!(
            line,
            format!("\"{}\"", stage.line.name()),
            "stage {}",
            stage.id
        );
    }
}

/// The declaration introduces Ukraine's own forces and the multinational force with the same
/// words ("stands ready to commit to"): the two layers carry one stage, and it rests on them
/// (issue 22: a stage is judged by its sources, not by how settled a layer feels).
#[test]
fn layers_the_declaration_introduces_alike_share_a_stage() {
    let introduced = "stands ready “to commit to a system";
    let cites = |layer: &Layer| {
        layer.stage_support.iter().any(|passage| match passage {
            Support::Excerpt(words) => words.contains(introduced),
            Support::Quote(quote) => quote.text.contains(introduced),
        })
    };
    let forces = layer("ukrainian-forces");
    let force = layer("multinational-force");
    assert!(cites(forces) && cites(force), "both rest on {introduced:?}");
    assert!(
        std::ptr::eq(forces.stage, force.stage),
        "one stage for both"
    );
    assert!(
        !cites(layer("us-backstop")) && !cites(layer("eu-accession")),
        "the other layers rest on other words"
    );
}

#[test]
fn the_page_template_leaves_the_head_to_the_content_file() {
    let index = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/index.html"))
        .expect("index.html");
    // The prerender writes them (xtask/tests/explainer_url.rs); a copy here would drift.
    for written_from_content in ["lang=", "<title", "name=\"description\"", "og:"] {
        assert!(
            !index.contains(written_from_content),
            "index.html must not hold {written_from_content}"
        );
    }
}
