//! Sharing: Open Graph and Twitter-card tags with a preview image, an oEmbed discovery link, and
//! a static `oembed.json` (type `rich`) describing the iframe. Words come from the content file.
//!
//! Social sites and oEmbed consumers want absolute URLs, and only the deployer knows where the
//! site will live: set `EXPLAINER_URL` (e.g. `https://news.example/explainers/ukraine/`) when
//! building. Without it the sharing tags are relative (browsers and most CMSs still resolve
//! them), and there is no `oembed.json`: its embed code must be absolute to work once pasted,
//! so the build says so once instead of writing a broken one.

use coalition_explainer::content::CONTENT;
use coalition_explainer::embed::{embed_snippet, Theme, INITIAL_FRAME_HEIGHT, INITIAL_FRAME_WIDTH};
use std::path::Path;

pub const OEMBED_FILE: &str = "oembed.json";
pub const PREVIEW_IMAGE: &str = "preview.png";
const PREVIEW_SIZE: (u32, u32) = (1200, 630);

/// Where the site is deployed, ending in `/`; empty for relative URLs.
fn base_url() -> String {
    match std::env::var("EXPLAINER_URL") {
        Ok(url) if !url.is_empty() && !url.ends_with('/') => format!("{url}/"),
        Ok(url) => url,
        Err(_) => String::new(),
    }
}

/// The `<head>` tags, ready to insert before `</head>`.
pub fn head_tags() -> String {
    let base = base_url();
    let meta = &CONTENT.meta;
    let (width, height) = PREVIEW_SIZE;
    let tags = [
        r#"<meta property="og:type" content="article">"#.to_owned(),
        format!(
            r#"<meta property="og:title" content="{}">"#,
            escape(meta.title)
        ),
        format!(
            r#"<meta property="og:description" content="{}">"#,
            escape(meta.description)
        ),
        format!(r#"<meta property="og:image" content="{base}{PREVIEW_IMAGE}">"#),
        format!(r#"<meta property="og:image:width" content="{width}">"#),
        format!(r#"<meta property="og:image:height" content="{height}">"#),
        format!(
            r#"<meta property="og:image:alt" content="{}">"#,
            escape(CONTENT.ui.figure_caption)
        ),
        r#"<meta name="twitter:card" content="summary_large_image">"#.to_owned(),
    ];
    let oembed = (!base.is_empty()).then(|| {
        format!(
            r#"<link rel="alternate" type="application/json+oembed" href="{base}{OEMBED_FILE}" title="{}">"#,
            escape(meta.title)
        )
    });
    tags.into_iter()
        .chain(oembed)
        .collect::<Vec<_>>()
        .join("\n    ")
}

/// Writes `oembed.json` into `folder`, when the site's address is known.
pub fn write_oembed(folder: &Path) -> Result<(), String> {
    let base = base_url();
    if base.is_empty() {
        println!(
            "prerender: no {OEMBED_FILE} (set EXPLAINER_URL to the site's address for one); the page writes its embed code for the address it is served from"
        );
        return Ok(());
    }
    let (width, height) = (INITIAL_FRAME_WIDTH, INITIAL_FRAME_HEIGHT);
    let page = format!("{base}index.html");
    let source = &CONTENT.source;
    let oembed = serde_json::json!({
        "version": "1.0",
        "type": "rich",
        "title": CONTENT.meta.title,
        "author_name": source.author,
        "provider_name": source.publication,
        "html": embed_snippet(&page, CONTENT.meta.title, height, Theme::EMBEDDED_DEFAULT),
        "width": width,
        "height": height,
        "thumbnail_url": format!("{base}{PREVIEW_IMAGE}"),
        "thumbnail_width": PREVIEW_SIZE.0,
        "thumbnail_height": PREVIEW_SIZE.1,
    });
    let target = folder.join(OEMBED_FILE);
    let text = serde_json::to_string_pretty(&oembed).expect("JSON values serialize");
    std::fs::write(&target, text).map_err(|e| format!("{}: {e}", target.display()))
}

/// An attribute value inside double quotes.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
}
