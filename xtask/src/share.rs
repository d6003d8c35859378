//! Sharing: Open Graph and Twitter-card tags with a preview image, an oEmbed discovery link, and
//! a static `oembed.json` (type `rich`) describing the iframe. Words come from the content file.
//!
//! Social sites and oEmbed consumers want absolute URLs, and only the deployer knows where the
//! site will live: set `EXPLAINER_URL` (e.g. `https://news.example/explainers/ukraine/`) when
//! building (a malformed one stops the build, saying why). Without it the sharing tags are
//! relative (browsers and most CMSs still resolve them), and there is no `oembed.json`: its
//! embed code must be absolute to work once pasted, so the build says so once instead of
//! writing a broken one. With it, the prerendered page carries the same absolute embed code.

use coalition_explainer::content::content;
use coalition_explainer::embed::{embed_snippet, Theme, INITIAL_FRAME_HEIGHT, INITIAL_FRAME_WIDTH};
use std::path::Path;

pub const OEMBED_FILE: &str = "oembed.json";
pub const PREVIEW_IMAGE: &str = "preview.png";
const PREVIEW_SIZE: (u32, u32) = (1200, 630);

/// Where the site is deployed: an absolute `http(s)` folder address ending in `/`, from
/// `EXPLAINER_URL` at build time.
#[derive(Clone, Debug, PartialEq)]
pub struct SiteAddress(String);

/// What a deployer is told when `EXPLAINER_URL` is not an address we can build on.
const ADDRESS_EXAMPLE: &str = "https://news.example/graphics/2026/ukraine/";

impl SiteAddress {
    /// `EXPLAINER_URL`, if set and not empty; a malformed one is a build error saying why.
    pub fn from_environment() -> Result<Option<SiteAddress>, String> {
        match std::env::var("EXPLAINER_URL") {
            Ok(value) if !value.is_empty() => SiteAddress::parse(&value).map(Some),
            _ => Ok(None),
        }
    }

    /// The folder address `raw` names (a missing final `/` is added). Only characters that
    /// need no escaping in a URL or an HTML attribute are taken, so the address goes into the
    /// pages as it is.
    pub fn parse(raw: &str) -> Result<SiteAddress, String> {
        let refused = |why: &str| {
            format!("EXPLAINER_URL `{raw}` is not the site's address: {why} (for example {ADDRESS_EXAMPLE})")
        };
        let rest = raw
            .strip_prefix("https://")
            .or_else(|| raw.strip_prefix("http://"))
            .ok_or_else(|| refused("it must be absolute, starting with https:// or http://"))?;
        let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
        let host_character = |c: char| c.is_ascii_alphanumeric() || ".-:[]".contains(c);
        if host.is_empty() || !host.chars().all(host_character) {
            return Err(refused(
                "it has no host name, or one with characters a host name cannot have",
            ));
        }
        if path.contains(['?', '#']) {
            return Err(refused("it must not carry a query or a fragment"));
        }
        let path_character = |c: char| c.is_ascii_alphanumeric() || "-._~%/".contains(c);
        if let Some(bad) = path.chars().find(|&c| !path_character(c)) {
            return Err(refused(&format!("`{bad}` must be percent-encoded")));
        }
        let escapes_complete = path.split('%').skip(1).all(|after| {
            after.len() >= 2 && after.as_bytes()[..2].iter().all(u8::is_ascii_hexdigit)
        });
        if !escapes_complete {
            return Err(refused(
                "a `%` must begin a percent-encoded byte, such as %20",
            ));
        }
        let last = path.rsplit('/').next().unwrap_or_default();
        if last.contains('.') {
            return Err(refused(&format!(
                "it names a file (`{last}`); give the folder the site is deployed in"
            )));
        }
        let slash = if raw.ends_with('/') { "" } else { "/" };
        Ok(SiteAddress(format!("{raw}{slash}")))
    }

    /// The address of `file` in the site's folder.
    pub fn of(&self, file: &str) -> String {
        format!("{}{file}", self.0)
    }
}

/// The embed code for the site at `site`, as the running page writes it for its own address.
pub fn embed_code(site: &SiteAddress) -> String {
    embed_snippet(
        &site.of("index.html"),
        content().meta.title,
        INITIAL_FRAME_HEIGHT,
        Theme::EMBEDDED_DEFAULT,
    )
}

/// The `<head>` tags written from the content file (`index.html` holds none of them), ready to
/// insert before `</head>`: title, description and the sharing tags.
pub fn head_tags(site: Option<&SiteAddress>) -> String {
    let base = site.map_or_else(String::new, |site| site.of(""));
    let meta = &content().meta;
    let (width, height) = PREVIEW_SIZE;
    let tags = [
        format!("<title>{}</title>", escape(meta.title)),
        format!(
            r#"<meta name="description" content="{}">"#,
            escape(meta.description.text)
        ),
        r#"<meta property="og:type" content="article">"#.to_owned(),
        format!(
            r#"<meta property="og:title" content="{}">"#,
            escape(meta.title)
        ),
        format!(
            r#"<meta property="og:description" content="{}">"#,
            escape(meta.description.text)
        ),
        format!(r#"<meta property="og:image" content="{base}{PREVIEW_IMAGE}">"#),
        format!(r#"<meta property="og:image:width" content="{width}">"#),
        format!(r#"<meta property="og:image:height" content="{height}">"#),
        format!(
            r#"<meta property="og:image:alt" content="{}">"#,
            escape(content().meta.figure_caption.text)
        ),
        r#"<meta name="twitter:card" content="summary_large_image">"#.to_owned(),
    ];
    let modified = content()
        .meta
        .updated
        .as_ref()
        .map(|day| modified_tags(day.iso));
    let oembed = site.map(|site| {
        format!(
            r#"<link rel="alternate" type="application/json+oembed" href="{}" title="{}">"#,
            site.of(OEMBED_FILE),
            escape(meta.title)
        )
    });
    tags.into_iter()
        .chain(modified)
        .chain(oembed)
        .collect::<Vec<_>>()
        .join("\n    ")
}

/// Writes `oembed.json` into `folder`, when the site's address is known.
pub fn write_oembed(folder: &Path, site: Option<&SiteAddress>) -> Result<(), String> {
    let Some(site) = site else {
        println!(
            "prerender: no {OEMBED_FILE} (set EXPLAINER_URL to the site's address for one); the page writes its embed code for the address it is served from"
        );
        return Ok(());
    };
    let (width, height) = (INITIAL_FRAME_WIDTH, INITIAL_FRAME_HEIGHT);
    let source = &content().source;
    let oembed = serde_json::json!({
        "version": "1.0",
        "type": "rich",
        "title": content().meta.title,
        "author_name": source.author,
        "provider_name": source.publication,
        "html": embed_code(site),
        "width": width,
        "height": height,
        "thumbnail_url": site.of(PREVIEW_IMAGE),
        "thumbnail_width": PREVIEW_SIZE.0,
        "thumbnail_height": PREVIEW_SIZE.1,
    });
    let target = folder.join(OEMBED_FILE);
    let text = serde_json::to_string_pretty(&oembed).expect("JSON values serialize");
    std::fs::write(&target, text).map_err(|e| format!("{}: {e}", target.display()))
}

/// The day of the last change for crawlers and social sites: Open Graph's `modified_time`, and
/// schema.org's `dateModified` as microdata (no script, not even a JSON-LD data block) on the
/// item `with_language` makes of the page.
fn modified_tags(iso: &str) -> String {
    format!(
        "<meta property=\"article:modified_time\" content=\"{iso}\">\n    \
         <meta itemprop=\"headline\" content=\"{}\">\n    \
         <meta itemprop=\"dateModified\" content=\"{iso}\">",
        escape(content().meta.title)
    )
}

/// `page`'s `<html>` tag with the content's language: the one place the page's `lang` is set.
/// An updated story's page is also a schema.org news article, the item its `dateModified` is of.
pub fn with_language(page: &str) -> Result<String, String> {
    crate::html::rewrite_tag(page, "html", |html| {
        html.set("lang", &escape(content().meta.lang));
        if content().meta.updated.is_some() {
            html.set("itemscope", "");
            html.set("itemtype", "https://schema.org/NewsArticle");
        }
        Ok(())
    })
}

/// An attribute value inside double quotes, or text.
pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
}
