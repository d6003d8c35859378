//! `dist/standalone.html`: the whole explainer in one file (WASM, JS, CSS and icon inlined), for
//! newsrooms that upload a single file to a CMS or mail it to an editor. It opens from disk
//! (`file://`), where nothing can be fetched from beside it.
//!
//! Made from the prerendered `index.html`: each reference to a file becomes that file's
//! contents, and the loader script is inlined with `data:` URLs for the app's JS and WASM.

use base64::{engine::general_purpose::STANDARD, Engine};
use coalition_explainer::serving::essence;
use std::ops::Range;
use std::path::{Path, PathBuf};

pub const FILE_NAME: &str = "standalone.html";

/// How the loader's tag begins in Trunk's output (`pattern_script` in Trunk.toml).
pub const LOADER_TAG: &str = "<script src=\"./boot.js\"";

pub fn write(folder: &Path, index: &str) -> Result<(), String> {
    let page = inline_stylesheet(folder, index)?;
    let page = inline_icon(folder, &page)?;
    let page = inline_loader(folder, &page)?;
    let target = folder.join(FILE_NAME);
    std::fs::write(&target, page).map_err(|e| format!("{}: {e}", target.display()))
}

fn inline_stylesheet(folder: &Path, page: &str) -> Result<String, String> {
    let (range, tag) = find_tag(page, "<link rel=\"stylesheet\"")?;
    let css = read_text(folder, attribute(tag, "href")?)?;
    Ok(splice(page, range, &format!("<style>{css}</style>")))
}

fn inline_icon(folder: &Path, page: &str) -> Result<String, String> {
    let (range, tag) = find_tag(page, "<link rel=\"icon\"")?;
    let href = attribute(tag, "href")?;
    let icon = data_url(essence(href), &read_bytes(folder, href)?);
    Ok(splice(
        page,
        range,
        &format!("<link rel=\"icon\" href=\"{icon}\">"),
    ))
}

/// The loader, inline, handed the app's JS and WASM as `data:` URLs; its other attributes
/// (the layers' slugs, the quotes' ids) stay as they are.
fn inline_loader(folder: &Path, page: &str) -> Result<String, String> {
    let (range, tag) = find_tag(page, LOADER_TAG)?;
    let loader = read_text(folder, attribute(tag, "src")?)?;
    let [js, wasm] = ["data-js", "data-wasm"].map(|name| {
        let file = attribute(tag, name)?;
        Ok::<_, String>(data_url(essence(file), &read_bytes(folder, file)?))
    });
    let (js, wasm) = (js?, wasm?);
    let end = range.end
        + page[range.end..]
            .find("</script>")
            .ok_or("unclosed <script>")?
        + "</script>".len();
    let (layers, quotes) = (
        attribute(tag, "data-layers")?,
        attribute(tag, "data-quotes")?,
    );
    let inline = format!(
        "<script data-layers=\"{layers}\" data-quotes=\"{quotes}\" data-js=\"{js}\" data-wasm=\"{wasm}\">{loader}</script>"
    );
    Ok(splice(page, range.start..end, &inline))
}

/// The first tag that begins with `start`: its byte range and its text.
pub fn find_tag<'a>(page: &'a str, start: &str) -> Result<(Range<usize>, &'a str), String> {
    let begin = page
        .find(start)
        .ok_or_else(|| format!("index.html has no `{start}…>` to inline"))?;
    let end = begin + page[begin..].find('>').ok_or("unclosed tag")? + 1;
    Ok((begin..end, &page[begin..end]))
}

/// A double-quoted attribute's value in `tag`.
pub fn attribute<'a>(tag: &'a str, name: &str) -> Result<&'a str, String> {
    crate::text::quoted_value_after(tag, &format!(" {name}=\""))
        .ok_or_else(|| format!("`{tag}` has no {name}"))
}

pub fn splice(page: &str, range: Range<usize>, replacement: &str) -> String {
    format!(
        "{}{replacement}{}",
        &page[..range.start],
        &page[range.end..]
    )
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

    /// A miniature of Trunk's output, with the same tags our Trunk.toml produces.
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
<script src="./boot.js" data-js="./app.js" data-wasm="./app_bg.wasm" data-layers="one two" data-quotes="a:0 b"></script></head>
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
        let without_loader = INDEX.replace(LOADER_TAG, "<script src=\"./other.js\"");
        let error = write(&folder, &without_loader).unwrap_err();
        assert!(error.contains(LOADER_TAG), "{error}");
        std::fs::remove_dir_all(folder).unwrap();
    }
}
