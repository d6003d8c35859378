//! The host-page protocols: only well-formed messages count, and the embed code is complete.

use coalition_explainer::embed::{
    child_id, embed_snippet, parent_width, pym_height_message, Theme,
};
use proptest::prelude::*;

#[test]
fn child_id_comes_from_pyms_query_parameter() {
    assert_eq!(
        child_id("?childId=explainer-1&parentTitle=News"),
        Some("explainer-1")
    );
    assert_eq!(child_id("?layer=us-backstop"), None);
    for hostile in [
        "?childId=",
        "?childId=a%20b",
        "?childId=<script>",
        &format!("?childId={}", "x".repeat(65)),
    ] {
        assert_eq!(child_id(hostile), None, "{hostile:.40}");
    }
}

#[test]
fn height_message_is_pym_v1() {
    assert_eq!(
        pym_height_message("explainer", 1234),
        "pymxPYMxexplainerxPYMxheightxPYMx1234"
    );
}

#[test]
fn only_a_well_formed_width_message_for_us_is_read() {
    assert_eq!(
        parent_width("pymxPYMxexplainerxPYMxwidthxPYMx640", "explainer"),
        Some(640)
    );
    for other in [
        "pymxPYMxsomeone-elsexPYMxwidthxPYMx640",
        "pymxPYMxexplainerxPYMxheightxPYMx640",
        "pymxPYMxexplainerxPYMxnavigateToxPYMxjavascript:alert(1)",
        "pymxPYMxexplainerxPYMxwidthxPYMx",
        "pymxPYMxexplainerxPYMxwidthxPYMx640xPYMx1",
        "pymxPYMxexplainerxPYMxwidthxPYMx-5",
        "pymxPYMxexplainerxPYMxwidthxPYMx99999999999999",
        "",
    ] {
        assert_eq!(parent_width(other, "explainer"), None, "{other}");
    }
}

#[test]
fn embed_snippet_is_valid_html_with_a_title_and_the_sizing_script() {
    let snippet = embed_snippet(
        "https://news.example/explainers/ukraine/index.html",
        "Four \"layers\"",
        1500,
        Theme::Dark,
    );
    assert!(snippet
        .contains(r#"src="https://news.example/explainers/ukraine/index.html?embed&theme=dark""#));
    assert!(snippet.contains(r#"title="Four &quot;layers&quot;""#));
    // The W3C checker refuses `width="100%"` (not a number) and `frameborder` (obsolete):
    // embed.js makes the frame full-width and borderless.
    assert!(snippet.contains(r#" width="640""#) && snippet.contains(r#" height="1500""#));
    assert!(!snippet.contains("100%") && !snippet.contains("frameborder"));
    assert!(snippet.contains(
        r#"<script src="https://news.example/explainers/ukraine/embed.js" async></script>"#
    ));
    assert!(
        !snippet.contains("style="),
        "no inline style: host pages run strict CSPs"
    );
}

/// Each choice is written out, the default (light) too: the code says what the editor chose.
#[test]
fn embed_snippet_carries_every_theme_explicitly() {
    for theme in Theme::ALL {
        let snippet = embed_snippet("https://n.example/e/index.html", "T", 900, theme);
        let src = format!(
            r#"src="https://n.example/e/index.html?embed&theme={}""#,
            theme.value()
        );
        assert!(snippet.contains(&src), "{snippet}");
    }
}

proptest! {
    #[test]
    fn any_message_is_read_safely(message in ".{0,300}", id in "[a-z]{1,8}") {
        if let Some(width) = parent_width(&message, &id) {
            let digits = message.strip_prefix(&format!("pymxPYMx{id}xPYMxwidthxPYMx"));
            prop_assert_eq!(digits.map(|d| d.parse::<u32>().ok()), Some(Some(width)));
        }
    }
}
