//! Fewer bytes for readers (issue 15): what the page loads is minified by the release build
//! (xtask/src/minify.rs), the sources staying commented, and the app still starts from it.

use crate::browser::Browser;
use crate::page::check;
use crate::Res;
use serde_json::Value;

/// The loader, the app's glue, the stylesheet (the files the served page names) and the host
/// page's script, as the server answers them: `[[url, text], …]`.
const FETCH_SHIPPED: &str = r#"const done = arguments[0];
const loader = document.querySelector('script[data-js]');
const urls = [loader.getAttribute('src'), loader.dataset.js,
  document.querySelector('link[rel="stylesheet"]').getAttribute('href'), './embed.js'];
Promise.all(urls.map((url) => fetch(url).then((r) => r.text()).then((text) => [url, text])))
  .then(done, (error) => done(String(error)));"#;

/// Every script and stylesheet the page loads is minified (no comment, no indented line),
/// `standalone.html` inlines the same loader and stylesheet, and the app starts from those
/// files and answers a click.
pub async fn shipped_files_are_minified(browser: &mut Browser) -> Res<()> {
    browser.open("").await?;
    let shipped = browser.js_async(FETCH_SHIPPED, vec![]).await?;
    let files = shipped
        .as_array()
        .ok_or_else(|| format!("the files could not be fetched: {shipped}"))?;
    check(files.len() == 4, || format!("4 files, not {shipped}"))?;
    for file in files {
        let (url, text) = (&file[0], file[1].as_str().unwrap_or_default());
        check(is_minified(text), || {
            format!(
                "{url} is not minified: {}…",
                text.chars().take(200).collect::<String>()
            )
        })?;
    }
    standalone_inlines(&files[0], "<script", "</script>")?;
    standalone_inlines(&files[2], "<style", "</style>")?;
    browser.click_tab(1).await?;
    browser.wait_for_app_started().await
}

/// `standalone.html` (made from the same build) carries the minified `file` as the whole text
/// of an element whose tag begins `open`, closed by `close`, rather than its source.
fn standalone_inlines(file: &Value, open: &str, close: &str) -> Res<()> {
    let path = crate::dist_folder().join("standalone.html");
    let page = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let text = file[1].as_str().unwrap_or_default();
    let inlined = page.split(open).skip(1).any(|element| {
        element.split_once('>').is_some_and(|(_, rest)| {
            rest.starts_with(text) && rest[text.len()..].starts_with(close)
        })
    });
    check(inlined, || {
        format!("standalone.html does not inline {} as served", file[0])
    })
}

/// Minified as our minifiers write: no comment and no line indented (sources indent theirs).
fn is_minified(text: &str) -> bool {
    let comment =
        text.contains("/*") || text.lines().any(|line| line.trim_start().starts_with("//"));
    !text.is_empty() && !comment && !text.contains("\n ")
}

#[cfg(test)]
mod tests {
    use super::is_minified;

    #[test]
    fn commented_or_indented_text_is_not_minified() {
        assert!(is_minified("function a(e){return e}"));
        assert!(is_minified(":root{--ink:#111}"));
        assert!(!is_minified("// The loader\nfunction a(e){return e}"));
        assert!(!is_minified("function a(e) {\n  return e;\n}"));
        assert!(!is_minified("/* @ts-self-types */a()"));
        assert!(!is_minified(""));
    }
}
