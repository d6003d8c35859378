//! `dist/standalone.html`: the whole explainer in one file (WASM, JS, CSS and icon inlined), for
//! newsrooms that upload a single file to a CMS or mail it to an editor. It opens from disk
//! (`file://`), where nothing can be fetched from beside it.
//!
//! Made from the prerendered `index.html`: each reference to a file becomes that file's
//! contents, and the loader script is inlined with `data:` URLs for the app's JS and WASM.

use crate::html::{rewrite, Tag};
use base64::{engine::general_purpose::STANDARD, Engine};
use coalition_explainer::serving::essence;
use lol_html::html_content::{ContentType, Element};
use std::path::{Path, PathBuf};

pub const FILE_NAME: &str = "standalone.html";

/// The loader's tag in Trunk's output (`pattern_script` in Trunk.toml).
pub const LOADER: &str = "script[src=\"./boot.js\"]";
/// The stylesheet's tag in Trunk's output.
pub const STYLESHEET: &str = "link[rel=stylesheet]";

pub fn write(folder: &Path, index: &str) -> Result<(), String> {
    let page = inline_stylesheet(folder, index)?;
    let page = inline_icon(folder, &page)?;
    let page = inline_loader(folder, &page)?;
    let target = folder.join(FILE_NAME);
    std::fs::write(&target, page).map_err(|e| format!("{}: {e}", target.display()))
}

fn inline_stylesheet(folder: &Path, page: &str) -> Result<String, String> {
    inline(page, STYLESHEET, |link| {
        let css = read_text(folder, Tag::of(link).get("href")?)?;
        link.replace(&format!("<style>{css}</style>"), ContentType::Html);
        Ok(())
    })
}

fn inline_icon(folder: &Path, page: &str) -> Result<String, String> {
    inline(page, "link[rel=icon]", |link| {
        let href = Tag::of(link).get("href")?.to_owned();
        let icon = data_url(essence(&href), &read_bytes(folder, &href)?);
        link.replace(
            &format!("<link rel=\"icon\" href=\"{icon}\">"),
            ContentType::Html,
        );
        Ok(())
    })
}

/// The loader, inline, handed the app's JS and WASM as `data:` URLs; its other attributes
/// (the layers' slugs, the quotes' ids) stay as they are.
fn inline_loader(folder: &Path, page: &str) -> Result<String, String> {
    inline(page, LOADER, |script| {
        let mut tag = Tag::of(script);
        let loader = read_text(folder, tag.get("src")?)?;
        for name in ["data-js", "data-wasm"] {
            let file = tag.get(name)?.to_owned();
            tag.set(name, &data_url(essence(&file), &read_bytes(folder, &file)?));
        }
        tag.remove("src");
        tag.write_into(script);
        script.set_inner_content(&loader, ContentType::Html);
        Ok(())
    })
}

/// `rewrite`, saying which file to inline the page lacks.
fn inline(
    page: &str,
    selector: &str,
    change: impl FnMut(&mut Element) -> Result<(), String>,
) -> Result<String, String> {
    rewrite(page, selector, change).map_err(|error| format!("index.html to inline: {error}"))
}

/// A page-relative URL of Trunk's (`./name`) as a path in the site's folder.
pub fn site_path(folder: &Path, href: &str) -> PathBuf {
    folder.join(href.trim_start_matches("./"))
}

fn read_bytes(folder: &Path, href: &str) -> Result<Vec<u8>, String> {
    let path = site_path(folder, href);
    std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))
}

fn read_text(folder: &Path, href: &str) -> Result<String, String> {
    String::from_utf8(read_bytes(folder, href)?).map_err(|_| format!("{href} is not UTF-8"))
}

fn data_url(media_type: &str, bytes: &[u8]) -> String {
    format!("data:{media_type};base64,{}", STANDARD.encode(bytes))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A miniature of Trunk's output, with the same tags our Trunk.toml produces, as the
    /// prerender hands it on (the loader told the layers and quotes).
    pub(crate) fn built_site(test: &str) -> std::path::PathBuf {
        let folder = std::env::temp_dir().join(format!("standalone-{test}-{}", std::process::id()));
        std::fs::create_dir_all(&folder).unwrap();
        let files: [(&str, &[u8]); 6] = [
            ("main.css", b"body{color:red}"),
            ("favicon.svg", b"<svg/>"),
            (
                "boot.js",
                b"console.log(document.querySelector('script[data-wasm]'))",
            ),
            ("app.js", b"export default function init() {}"),
            ("app_bg.wasm", b"\0asm\x01\0\0\0"),
            ("embed.js", b"// The host page's script"),
        ];
        for (name, bytes) in files {
            std::fs::write(folder.join(name), bytes).unwrap();
        }
        folder
    }

    pub(crate) const INDEX: &str = r#"<html><head><link rel="icon" href="./favicon.svg" integrity="x"/>
<link rel="stylesheet" href="./main.css" integrity="y"/>
<script src="./boot.js" data-layers="one two" data-quotes="a:0 b" data-js="./app.js" data-wasm="./app_bg.wasm"></script></head>
<body><div id="explainer"><main>Prerendered</main></div></body></html>"#;

    #[test]
    fn every_file_the_page_needs_is_inside_it() {
        let folder = built_site("inlined");
        write(&folder, INDEX).unwrap();
        let page = std::fs::read_to_string(folder.join(FILE_NAME)).unwrap();
        assert!(page.contains("<style>body{color:red}</style>"));
        assert!(page.contains(r#"<link rel="icon" href="data:image/svg+xml;base64,"#));
        assert!(page.contains(r#"data-js="data:text/javascript;base64,"#));
        assert!(page.contains(r#"data-wasm="data:application/wasm;base64,AGFzbQEAAAA=""#));
        assert!(page.contains(r#"<script data-layers="one two" data-quotes="a:0 b" data-js="#));
        assert!(page.contains("console.log(document.querySelector('script[data-wasm]'))</script>"));
        assert!(
            page.contains("<main>Prerendered</main>"),
            "the prerendered explainer stays"
        );
        for reference in ["href=\"./", "src=\"./"] {
            assert!(
                !page.contains(reference),
                "no reference to a file beside it: {reference}"
            );
        }
        std::fs::remove_dir_all(folder).unwrap();
    }

    #[test]
    fn a_page_without_the_loader_is_refused_clearly() {
        let folder = built_site("refused");
        let without_loader = INDEX.replace("./boot.js", "./other.js");
        let error = write(&folder, &without_loader).unwrap_err();
        assert!(error.contains(LOADER), "{error}");
        std::fs::remove_dir_all(folder).unwrap();
    }
}
