//! `EXPLAINER_URL` at build time, through the real hook (`cargo xtask prerender` on a staging
//! folder, as Trunk runs it): the prerendered page (what a reader without JavaScript reads),
//! `standalone.html` and `oembed.json` carry the same working pair of absolute URLs, the page
//! and `embed.js` beside it, for a site at a domain's root and in a sub-folder; without it no
//! page carries a code and there is no `oembed.json`; a malformed address stops the build
//! saying why. A small staged site stands in for Trunk's output, so no release build is needed.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const ROOT: &str = "https://news.example/";
const SUB_FOLDER: &str = "https://news.example/graphics/2026/ukraine/";

/// Trunk's output reduced to what the prerender reads: the page with its empty root, loader,
/// stylesheet and icon, the files they name (minified, as in a release build), `embed.js` and the
/// demo folder.
fn staged_site(name: &str) -> PathBuf {
    let folder =
        std::env::temp_dir().join(format!("xtask-explainer-url-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::create_dir_all(folder.join("demo")).unwrap();
    let page = r#"<!doctype html>
<html>
  <head>
    <meta charset="utf-8">
    <link rel="icon" href="./favicon.svg"/>
    <link rel="stylesheet" href="./main.css"/>
    <script src="./boot.js" data-js="./app.js" data-wasm="./app_bg.wasm"></script>
  </head>
  <body><div id="explainer"></div></body>
</html>"#;
    for (file, text) in [
        ("index.html", page),
        ("favicon.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"),
        ("main.css", "body {}"),
        ("boot.js", "// loader"),
        ("app.js", "// app"),
        ("embed.js", "// host"),
        // An empty module: the post-build step shortens the names it shares with its glue.
        ("app_bg.wasm", "\0asm\u{1}\0\0\0"),
    ] {
        std::fs::write(folder.join(file), text).unwrap();
    }
    folder
}

/// `cargo xtask prerender` on `folder` with `EXPLAINER_URL` set to `address` (unset: `None`).
fn prerender(folder: &Path, address: Option<&str>) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_xtask"));
    command
        .arg("prerender")
        .env("TRUNK_STAGING_DIR", folder)
        .env_remove("EXPLAINER_URL");
    if let Some(address) = address {
        command.env("EXPLAINER_URL", address);
    }
    command.output().expect("the xtask binary runs")
}

fn read(folder: &Path, file: &str) -> String {
    std::fs::read_to_string(folder.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"))
}

/// The text of the embed-code box in `page`, unescaped as a browser reads it.
fn embed_box(page: &str) -> String {
    let start = page
        .find("<textarea id=\"embed-code\"")
        .expect("the embed-code box");
    let text = &page[start + page[start..].find('>').unwrap() + 1..];
    let text = &text[..text.find("</textarea>").unwrap()];
    text.replace("&lt;", "<")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
}

/// The code loads the page from `address` and `embed.js` from the same folder.
fn assert_absolute_pair(code: &str, address: &str, place: &str) {
    // The frame default (light), written out as the dialog writes every choice.
    let frame = format!("<iframe src=\"{address}index.html?embed&theme=light\"");
    let script = format!("<script src=\"{address}embed.js\" async></script>");
    assert!(
        code.starts_with(&frame) && code.trim_end().ends_with(&script),
        "{place}: the code is not the pair for {address}:\n{code}"
    );
}

fn assert_code_everywhere(address: &str) {
    let folder = staged_site(&address.len().to_string());
    let output = prerender(&folder, Some(address));
    assert!(output.status.success(), "{output:?}");
    let index = read(&folder, "index.html");
    assert_absolute_pair(&embed_box(&index), address, "index.html");
    let standalone = read(&folder, "standalone.html");
    assert_absolute_pair(&embed_box(&standalone), address, "standalone.html");
    let oembed: Value = serde_json::from_str(&read(&folder, "oembed.json")).unwrap();
    assert_absolute_pair(oembed["html"].as_str().unwrap(), address, "oembed.json");
    assert_eq!(oembed["thumbnail_url"], format!("{address}preview.png"));
    assert!(
        index.contains(&format!(
            "<link rel=\"alternate\" type=\"application/json+oembed\" href=\"{address}oembed.json\""
        )),
        "index.html has no absolute oEmbed discovery link"
    );
    assert!(index.contains(&format!(
        "<meta property=\"og:image\" content=\"{address}preview.png\">"
    )));
    let _ = std::fs::remove_dir_all(&folder);
}

#[test]
fn a_site_at_the_root_of_its_domain_gets_the_absolute_pair() {
    assert_code_everywhere(ROOT);
}

#[test]
fn a_site_in_a_sub_folder_gets_the_absolute_pair() {
    assert_code_everywhere(SUB_FOLDER);
}

#[test]
fn an_address_without_its_final_slash_is_the_same_folder() {
    let folder = staged_site("no-slash");
    let output = prerender(&folder, Some(SUB_FOLDER.trim_end_matches('/')));
    assert!(output.status.success(), "{output:?}");
    assert_absolute_pair(
        &embed_box(&read(&folder, "index.html")),
        SUB_FOLDER,
        "index.html",
    );
    let _ = std::fs::remove_dir_all(&folder);
}

#[test]
fn without_an_address_the_pages_say_where_the_code_comes_from_once() {
    let folder = staged_site("none");
    let output = prerender(&folder, None);
    assert!(output.status.success(), "{output:?}");
    let pending = coalition_explainer::content::CONTENT.ui.embed_code_pending;
    assert_eq!(embed_box(&read(&folder, "index.html")), pending);
    assert_eq!(embed_box(&read(&folder, "standalone.html")), pending);
    assert!(!folder.join("oembed.json").exists());
    assert!(!read(&folder, "index.html").contains("oembed"));
    let said = String::from_utf8_lossy(&output.stdout);
    assert_eq!(said.matches("EXPLAINER_URL").count(), 1, "{said}");
    let _ = std::fs::remove_dir_all(&folder);
}

#[test]
fn a_malformed_address_stops_the_build_saying_why() {
    let cases = [
        ("news.example/graphics/", "must be absolute"),
        ("/graphics/2026/ukraine/", "must be absolute"),
        ("ftp://news.example/", "must be absolute"),
        ("https://", "no host name"),
        ("https://news example/", "no host name"),
        ("https://news.example/ukraine/?embed", "query or a fragment"),
        ("https://news.example/ukraine/#top", "query or a fragment"),
        (
            "https://news.example/graphics 2026/",
            "` ` must be percent-encoded",
        ),
        ("https://news.example/a\"b/", "`\"` must be percent-encoded"),
        ("https://news.example/100%/", "percent-encoded byte"),
        (
            "https://news.example/ukraine/index.html",
            "names a file (`index.html`)",
        ),
    ];
    for (address, why) in cases {
        let folder = staged_site("malformed");
        let output = prerender(&folder, Some(address));
        let said = String::from_utf8_lossy(&output.stderr);
        assert!(!output.status.success(), "{address} was accepted");
        assert!(
            said.contains(&format!(
                "EXPLAINER_URL `{address}` is not the site's address"
            )) && said.contains(why),
            "{address}: expected `{why}` in: {said}"
        );
        assert!(
            !folder.join("oembed.json").exists() && !read(&folder, "index.html").contains("<main"),
            "{address}: the build wrote pages before refusing it"
        );
        let _ = std::fs::remove_dir_all(&folder);
    }
}

#[test]
fn the_page_head_is_written_from_the_content_file() {
    let folder = staged_site("head");
    let output = prerender(&folder, None);
    assert!(output.status.success(), "{output:?}");
    let meta = &coalition_explainer::content::CONTENT.meta;
    for page in [
        read(&folder, "index.html"),
        read(&folder, "standalone.html"),
    ] {
        assert!(
            page.contains(&format!("<html lang=\"{}\"", meta.lang)),
            "lang"
        );
        assert_eq!(page.matches("<title>").count(), 1, "one title");
        let escaped = |text: &str| text.replace('&', "&amp;").replace('"', "&quot;");
        assert!(page.contains(&format!("<title>{}</title>", escaped(meta.title))));
        assert!(page.contains(&format!(
            "<meta name=\"description\" content=\"{}\">",
            escaped(meta.description.text)
        )));
    }
}
