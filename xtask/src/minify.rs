//! Fewer bytes for readers: the release build's scripts and stylesheet, minified in the staged
//! site by the post-build hook (the sources stay commented and readable).
//!
//! Not Trunk's own `minify` setting: it minifies `index.html` before the post-build hook runs, so
//! the prerendered markup (nearly all of the page) would stay as it is while the tags the
//! prerender fills in lose their quotes and order; and its JS minifier (minify-js 0.5) cannot
//! parse the wasm-bindgen glue (`export { … as default }`) nor the loader's optional chaining,
//! and ships them unminified with only a warning. Here a file that does not parse stops the build.

use crate::html::{find, rewrite_tag};
use crate::standalone::{site_path, LOADER, STYLESHEET};
use base64::{engine::general_purpose::STANDARD, Engine};
use sha2::{Digest, Sha384};
use std::path::Path;

/// The host page's script, copied beside the page under this stable name (the embed code names it).
const EMBED_SCRIPT: &str = "embed.js";

/// How a browser runs a script, which decides which names a minifier may shorten.
#[derive(Clone, Copy)]
pub enum ScriptKind {
    /// A classic `<script>`: its top-level names are the page's globals and keep their names
    /// (the loader's tests call them by name).
    Classic,
    /// An ES module (the wasm-bindgen glue): only its exports are seen from outside.
    Module,
}

/// Whether this build ships minified files: Trunk's release builds, and the prerender run by
/// hand on `dist/`; not `trunk serve`'s debug builds, which stay readable in the browser.
pub fn wanted() -> bool {
    std::env::var("TRUNK_PROFILE").map_or(true, |profile| profile == "release")
}

/// Minifies, in `folder`, the loader, the app's glue (and the names it shares with the WASM) and
/// the stylesheet that `page` (Trunk's `index.html`) loads, and the host page's script; returns
/// `page` naming the minified stylesheet (a new file name and integrity hash, since its bytes
/// changed).
pub fn site(folder: &Path, page: &str) -> Result<String, String> {
    let loader = find(page, LOADER)?;
    minify_script_file(&site_path(folder, loader.get("src")?), ScriptKind::Classic)?;
    let glue = site_path(folder, loader.get("data-js")?);
    minify_script_file(&glue, ScriptKind::Module)?;
    shorten_names(&site_path(folder, loader.get("data-wasm")?), &glue)?;
    minify_script_file(&folder.join(EMBED_SCRIPT), ScriptKind::Classic)?;
    minify_stylesheet_link(folder, page)
}

/// `source` minified by oxc, for engines of ES2022 (the language the sources are written in).
pub fn script(source: &str, kind: ScriptKind) -> Result<String, String> {
    use oxc_minifier::{CompressOptions, Minifier, MinifierOptions};
    let allocator = oxc_allocator::Allocator::default();
    let source_type = match kind {
        ScriptKind::Classic => oxc_span::SourceType::script(),
        ScriptKind::Module => oxc_span::SourceType::mjs(),
    };
    let parsed = oxc_parser::Parser::new(&allocator, source, source_type).parse();
    if let Some(error) = parsed.diagnostics.first() {
        return Err(format!("does not parse: {error}"));
    }
    let mut program = parsed.program;
    let compress = CompressOptions {
        target: oxc_compat::EngineTargets::from_target("es2022")?,
        ..CompressOptions::default()
    };
    let options = MinifierOptions {
        compress: Some(compress),
        ..MinifierOptions::default()
    };
    let minified = Minifier::new(options).minify(&allocator, &mut program);
    Ok(oxc_codegen::Codegen::new()
        .with_options(oxc_codegen::CodegenOptions::minify())
        .with_scoping(minified.scoping)
        .build(&program)
        .code)
}

/// `css` minified by lightningcss, with the options Trunk's own CSS minification uses.
pub fn stylesheet(css: &str) -> Result<String, String> {
    use lightningcss::stylesheet::{MinifyOptions, ParserOptions, PrinterOptions, StyleSheet};
    let mut sheet = StyleSheet::parse(css, ParserOptions::default())
        .map_err(|error| format!("does not parse: {error}"))?;
    sheet
        .minify(MinifyOptions::default())
        .map_err(|error| error.to_string())?;
    let printer = PrinterOptions {
        minify: true,
        ..PrinterOptions::default()
    };
    sheet
        .to_css(printer)
        .map(|printed| printed.code)
        .map_err(|error| error.to_string())
}

fn minify_script_file(path: &Path, kind: ScriptKind) -> Result<(), String> {
    let source = read(path)?;
    let minified = script(&source, kind).map_err(|error| format!("{}: {error}", path.display()))?;
    write(path, &minified)
}

/// The WASM and its glue calling each other by short names (`wasm_names.rs`).
fn shorten_names(wasm_path: &Path, glue_path: &Path) -> Result<(), String> {
    let wasm = std::fs::read(wasm_path).map_err(|e| format!("{}: {e}", wasm_path.display()))?;
    let (wasm, glue) = crate::wasm_names::shorten(&wasm, &read(glue_path)?)
        .map_err(|error| format!("{}: {error}", wasm_path.display()))?;
    std::fs::write(wasm_path, wasm).map_err(|e| format!("{}: {e}", wasm_path.display()))?;
    write(glue_path, &glue)
}

/// The stylesheet minified, in a file named after its new contents, the link updated.
fn minify_stylesheet_link(folder: &Path, page: &str) -> Result<String, String> {
    rewrite_stylesheet(folder, page, false, stylesheet)
}

/// The stylesheet `page` links to rewritten by `change` into a file named after its new
/// contents (a cached copy of the old bytes must never meet the new integrity hash), the old
/// file removed, and the link's name and integrity updated.
pub fn rewrite_stylesheet(
    folder: &Path,
    page: &str,
    keep_old: bool,
    change: impl FnOnce(&str) -> Result<String, String>,
) -> Result<String, String> {
    let mut change = Some(change);
    rewrite_tag(page, STYLESHEET, |link| {
        let href = link.get("href")?.to_owned();
        let old_path = site_path(folder, &href);
        let change = change.take().ok_or("two stylesheets")?;
        let css = change(&read(&old_path)?)
            .map_err(|error| format!("{}: {error}", old_path.display()))?;
        let digest = Sha384::digest(css.as_bytes());
        let new_href = content_named(&href, &digest);
        write(&site_path(folder, &new_href), &css)?;
        // Unchanged (the hook run again on a built site): the same name, nothing to remove.
        if new_href != href && !keep_old {
            std::fs::remove_file(&old_path).map_err(|e| format!("{}: {e}", old_path.display()))?;
        }
        link.set("href", &new_href);
        // Trunk writes one unless told not to (`no_sri`); a browser refuses a stale one.
        if link.get("integrity").is_ok() {
            link.set("integrity", &format!("sha384-{}", STANDARD.encode(digest)));
            // A frame sandboxed without `allow-same-origin` (WordPress's) has an opaque origin:
            // there the sheet is a cross-origin fetch, and `integrity` is checked only on a CORS
            // one.
            if link.get("crossorigin").is_err() {
                link.set("crossorigin", "anonymous");
            }
        }
        Ok(())
    })
}

/// `./main-<old hash>.css` (or `./main.css`) renamed `./main-<new hash>.css`, the hash the first
/// 16 hex digits of the contents' digest, as long as Trunk's.
fn content_named(href: &str, digest: &[u8]) -> String {
    let (stem, extension) = href.rsplit_once('.').unwrap_or((href, ""));
    let stem = match stem.rsplit_once('-') {
        Some((name, hash)) if hash.chars().all(|c| c.is_ascii_hexdigit()) => name,
        _ => stem,
    };
    let hash: String = digest[..8]
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect();
    format!("{stem}-{hash}.{extension}")
}

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::standalone::tests::{built_site, INDEX};
    use std::io::Write;
    use std::process::{Command, Stdio};

    fn source(file: &str) -> String {
        read(&crate::command::project_root().join(file)).unwrap()
    }

    /// `expression`'s value, as JSON, after running `script` in a fresh Node context (no
    /// `document`, so our scripts only define their functions).
    fn node_answer(script: &str, expression: &str) -> String {
        let program = format!(
            r#"const vm = require("vm"), context = vm.createContext({{}});
vm.runInContext(require("fs").readFileSync(0, "utf8"), context);
process.stdout.write(JSON.stringify(vm.runInContext({expression:?}, context)));"#
        );
        let mut node = Command::new("node")
            .args(["-e", &program])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("Node.js runs the scripts");
        node.stdin
            .take()
            .unwrap()
            .write_all(script.as_bytes())
            .unwrap();
        let output = node.wait_with_output().unwrap();
        assert!(output.status.success(), "node failed: {output:?}");
        String::from_utf8(output.stdout).unwrap()
    }

    /// The loader's address and key readings on links, near misses and junk.
    const LOADER_QUESTIONS: &str = r##"(() => {
  const slugs = ["one", "two", "three"], quotes = quotesOf("a:0 b:2 c");
  const addresses = [["", ""], ["?layer=two", ""], ["", "#three"], ["?layer=two", "#one"],
    ["?quote=b", ""], ["", "#q-a"], ["?quote=c&layer=three", ""], ["?layer&layer=two", "#"],
    ["?embed&theme=dark", "#q-zz"], ["?theme=dark&theme=light", "#TWO"], ["?theme=auto", "#q-"]];
  return {
    quotes,
    shown: addresses.map(([s, h]) => [layerToShow(slugs, quotes, s, h), quoteFromUrl(slugs, quotes, s, h)]),
    embedded: addresses.map(([s]) => embedRequested(s)),
    themes: addresses.map(([s]) => [themeFromUrl(s, true), themeFromUrl(s, false)]),
    moves: Object.values(KEY_MOVES).map((m) => [moved(m, 0, 3), moved(m, 2, 3)]),
  };
})()"##;

    /// Minifies the project's classic script `file`, asks it and its source `questions` under
    /// Node, and expects the same answers, which hold each of `telling` (so they are not empty),
    /// from less than half the bytes.
    fn answers_alike_minified(file: &str, questions: &str, telling: &[&str]) {
        let original = source(file);
        let minified = script(&original, ScriptKind::Classic).unwrap();
        let expected = node_answer(&original, questions);
        for answer in telling {
            assert!(expected.contains(answer), "{answer} in {expected}");
        }
        assert_eq!(node_answer(&minified, questions), expected, "{file}");
        assert!(
            minified.len() * 2 < original.len(),
            "{file}: {} bytes",
            minified.len()
        );
        assert!(!minified.contains("// "), "{file}: comments are gone");
    }

    #[test]
    fn the_minified_loader_answers_as_its_source_does() {
        answers_alike_minified("assets/boot.js", LOADER_QUESTIONS, &["[2,1]", "\"dark\""]);
    }

    #[test]
    fn the_minified_embed_script_answers_as_its_source_does() {
        let questions = r##"(() => {
  const { forwardedFragment, eventOf } = embedScript;
  return [["#explainer-q-a-1", "#explainer-", "#explainer-<b>", "#other", "explainer-us"].map(forwardedFragment),
    [{ type: "coalition-explainer:layer", slug: "x", index: 2, total: 4 }, { type: "coalition-explainer:quote", quote: "q", top: NaN },
     { type: "__proto__" }, null, { type: "coalition-explainer:quote-link", quote: "q", extra: 1 }].map(eventOf)];
})()"##;
        answers_alike_minified(
            "assets/embed.js",
            questions,
            &["\"q-a-1\"", "\"slug\":\"x\""],
        );
    }

    #[test]
    fn a_module_keeps_its_exports() {
        let glue = "function init(options) { return options.module_or_path; }\nexport { init as default };";
        let minified = script(glue, ScriptKind::Module).unwrap();
        assert!(minified.contains("as default"), "{minified}");
    }

    #[test]
    fn a_file_that_does_not_parse_stops_the_build() {
        let error = script("function (", ScriptKind::Classic).unwrap_err();
        assert!(error.starts_with("does not parse"), "{error}");
        let error = stylesheet("a { color: red; } }").unwrap_err();
        assert!(error.starts_with("does not parse"), "{error}");
    }

    #[test]
    fn the_stylesheet_keeps_every_custom_property() {
        let css = source("style/main.css");
        let minified = stylesheet(&css).unwrap();
        // Each custom property declared, with how many times (light, old engines, print, …).
        let properties = |text: &str| {
            let mut declared = std::collections::BTreeMap::<String, usize>::new();
            text.split("--")
                .skip(1)
                .filter_map(|rest| rest.split(':').next())
                .filter(|name| name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
                .for_each(|name| *declared.entry(name.to_owned()).or_default() += 1);
            declared
        };
        assert!(properties(&css).len() > 5);
        assert_eq!(properties(&minified), properties(&css));
        assert!(minified.contains("@supports not"));
        assert!(
            minified.len() * 3 < css.len() * 2,
            "{} bytes",
            minified.len()
        );
    }

    #[test]
    fn the_site_names_its_minified_stylesheet_and_its_hash() {
        let folder = built_site("minified");
        let page = site(&folder, INDEX).unwrap();
        let tag = find(&page, STYLESHEET).unwrap();
        let css = std::fs::read(site_path(&folder, tag.get("href").unwrap())).unwrap();
        assert_eq!(css, b"body{color:red}");
        let integrity = format!("sha384-{}", STANDARD.encode(Sha384::digest(&css)));
        assert_eq!(tag.get("integrity").unwrap(), integrity);
        assert!(
            !folder.join("main.css").exists(),
            "the unminified file is gone"
        );
        let href = tag.get("href").unwrap();
        // Fetched with CORS, so a sandboxed frame (an opaque origin) may check its integrity.
        let written = format!(
            "<link rel=\"stylesheet\" href=\"{href}\" integrity=\"{integrity}\" crossorigin=\"anonymous\"/>"
        );
        assert_eq!(
            page.replacen(
                &written,
                "<link rel=\"stylesheet\" href=\"./main.css\" integrity=\"y\"/>",
                1
            ),
            INDEX,
            "nothing else changes"
        );
        assert_eq!(
            site(&folder, &page).unwrap(),
            page,
            "minified files stay as they are"
        );
        assert!(site_path(&folder, href).is_file(), "{href} is still there");
        for (file, expected) in [
            (
                "boot.js",
                "console.log(document.querySelector(`script[data-wasm]`));",
            ),
            ("embed.js", ""),
        ] {
            assert_eq!(read(&folder.join(file)).unwrap(), expected, "{file}");
        }
        std::fs::remove_dir_all(folder).unwrap();
    }

    #[test]
    fn a_file_names_its_contents() {
        let digest = [0xab; 48];
        assert_eq!(
            content_named("./main-72c58455b949927.css", &digest),
            "./main-abababababababab.css"
        );
        assert_eq!(
            content_named("./main.css", &digest),
            "./main-abababababababab.css"
        );
        assert_eq!(
            content_named("./theme-dark.css", &digest),
            "./theme-dark-abababababababab.css"
        );
    }
}
