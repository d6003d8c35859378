//! On paper (issue 11, item 5): every layer in order with its summary, status, contributors,
//! commitments and quotes with their speakers, then the context and the source; no button,
//! no embed code; headings black on white. Printed to PDF (Chromium: DevTools
//! `Page.printToPDF`; elsewhere WebDriver's Print Page, where the driver has it) and read back
//! with `pdftotext` (Debian's poppler-utils).

use crate::browser::Browser;
use crate::engine::Engine;
use crate::page::{check, layer_count};
use crate::scenarios::screenshot_folder;
use crate::Res;
use base64::Engine as _;
use coalition_explainer::content::{Claim, Support, CONTENT};
use serde_json::{json, Value};
use std::path::Path;
use std::process::Command;

/// Everything paper must carry, in reading order: with each block of ours, every passage of
/// the article behind it ("How we know" prints open), and with each quote its attribution.
fn paper_text_in_order() -> Vec<String> {
    let mut wanted: Vec<String> = Vec::new();
    for layer in CONTENT.layers {
        wanted.push(layer.name.to_owned());
        wanted.push(Claim::paragraph(layer.summary));
        wanted.extend(passages_of(
            std::iter::once(&layer.tagline).chain(layer.summary),
        ));
        wanted.push(layer.stage.label.to_owned());
        wanted.extend(layer.stage_support.iter().map(passage_words));
        wanted.push(Claim::paragraph(layer.status));
        wanted.extend(passages_of(layer.status));
        for list in [layer.contributors, layer.commitments] {
            wanted.extend(list.iter().map(|claim| claim.text.to_owned()));
            wanted.extend(passages_of(list));
        }
        for quote in layer.quotes {
            wanted.extend([quote.text, quote.speaker].map(str::to_owned));
            wanted.extend(quote.attribution.iter().map(|words| (*words).to_owned()));
        }
    }
    let mut wanted: Vec<&str> = wanted.iter().map(String::as_str).collect();
    wanted.extend([
        CONTENT.why_now.heading,
        CONTENT.still_open.heading,
        CONTENT.ui.source_heading,
        CONTENT.source.article_title,
        CONTENT.source.author,
    ]);
    wanted.into_iter().map(normalised).collect()
}

/// The words of every passage behind `claims`, in order.
fn passages_of<'a>(claims: impl IntoIterator<Item = &'a Claim>) -> Vec<String> {
    claims
        .into_iter()
        .flat_map(|claim| claim.support.iter().map(passage_words))
        .collect()
}

fn passage_words(passage: &Support) -> String {
    match passage {
        Support::Excerpt(words) => (*words).to_owned(),
        Support::Quote(quote) => quote.text.to_owned(),
    }
}

/// What must not be on paper: the controls and the embed code.
fn not_on_paper() -> Vec<String> {
    let ui = &CONTENT.ui;
    [ui.previous, ui.next, ui.embed_heading, ui.copy, "<iframe"]
        .map(str::to_owned)
        .into_iter()
        .chain([ui.position(1, layer_count())])
        .collect()
}

/// The page printed after a reader chose a layer (the app hides the others): its text in
/// order, and nothing of the controls. In every engine the page's own text order is checked
/// too (print shows the document in that order).
pub async fn print_gives_every_layer_on_paper(browser: &mut Browser) -> Res<()> {
    browser.open("").await?;
    browser.click_tab(2).await?;
    let in_page = browser
        .js("return document.body.textContent;", vec![])
        .await?;
    expect_in_order(
        &normalised(in_page.as_str().unwrap_or_default()),
        "the page's text",
    )?;
    let Some(pdf) = print_to_pdf(browser).await? else {
        return Ok(());
    };
    let path = screenshot_folder().join(format!(
        "{}-print.pdf",
        browser.engine.name().to_lowercase()
    ));
    std::fs::create_dir_all(screenshot_folder()).map_err(|e| e.to_string())?;
    std::fs::write(&path, pdf).map_err(|e| format!("{}: {e}", path.display()))?;
    let paper = normalised(&pdf_text(&path)?);
    expect_in_order(&paper, &format!("the PDF {}", path.display()))?;
    let shown: Vec<String> = not_on_paper()
        .into_iter()
        .filter(|text| paper.contains(&normalised(text)))
        .collect();
    check(shown.is_empty(), || {
        format!("on paper, though it does nothing there: {shown:?}")
    })
}

/// The page as PDF, or `None` (said why) where the engine's driver cannot print.
async fn print_to_pdf(browser: &Browser) -> Res<Option<Vec<u8>>> {
    if browser.engine == Engine::Chromium {
        let printed = browser
            .cdp("Page.printToPDF", json!({ "printBackground": false }))
            .await?;
        let data = printed["data"].as_str().unwrap_or_default();
        return base64::engine::general_purpose::STANDARD
            .decode(data)
            .map(Some)
            .map_err(|e| format!("Page.printToPDF: {e}"));
    }
    match browser.client.print(Default::default()).await {
        Ok(pdf) => Ok(Some(pdf)),
        Err(error) => {
            println!(
                "    {}: no PDF, its driver cannot print ({error}); the page's text order was checked",
                browser.engine.name()
            );
            Ok(None)
        }
    }
}

fn pdf_text(pdf: &Path) -> Res<String> {
    let output = Command::new("pdftotext")
        // In the order the page drew it (the document's), not guessed from the layout: the facts
        // sit in two columns, which layout order would interleave.
        .args(["-raw", "-enc", "UTF-8"])
        .arg(pdf)
        .arg("-")
        .output()
        .map_err(|e| {
            format!("pdftotext: {e} (apt-get install poppler-utils, or run `cargo xtask test`)")
        })?;
    check(output.status.success(), || {
        format!(
            "pdftotext {}: {}",
            pdf.display(),
            String::from_utf8_lossy(&output.stderr)
        )
    })?;
    Ok(String::from_utf8_lossy(&output.stdout).into_owned())
}

/// One space for any run of white space, no soft hyphens (Chromium's PDF gives a name's, from
/// src/hyphens.rs, each with a line break after it), a word's own hyphen at a line's end
/// joined to the rest of the word ("Euro-" / "Atlantic", a page break between), ligatures as their letters (Firefox's
/// PDF keeps "ﬁ" as one character): text as a reader sees it.
fn normalised(text: &str) -> String {
    const LIGATURES: [(char, &str); 5] = [
        ('\u{fb00}', "ff"),
        ('\u{fb01}', "fi"),
        ('\u{fb02}', "fl"),
        ('\u{fb03}', "ffi"),
        ('\u{fb04}', "ffl"),
    ];
    let letters = LIGATURES.iter().fold(
        text.replace("\u{ad}\n\u{c}", "")
            .replace("\u{ad}\n", "")
            .replace('\u{ad}', "")
            .replace("-\n\u{c}", "-")
            .replace("-\n", "-"),
        |text, (ligature, letters)| text.replace(*ligature, letters),
    );
    letters.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every piece of `paper_text_in_order` appears in `text`, each after the one before.
fn expect_in_order(text: &str, what: &str) -> Res<()> {
    let mut from = 0;
    for wanted in paper_text_in_order() {
        match text[from..].find(&wanted) {
            Some(at) => from += at + wanted.len(),
            None => {
                let missing = if text.contains(&wanted) {
                    "out of order"
                } else {
                    "missing"
                };
                let after: String = text[..from]
                    .chars()
                    .rev()
                    .take(80)
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .collect();
                return Err(format!(
                    "{what}: {wanted:?} is {missing} (looked after …{after:?})"
                ));
            }
        }
    }
    Ok(())
}

/// In print media (Chromium's emulation), every panel shows, no control does, and every layer's
/// heading is black-ish on white, in the session's scheme.
pub async fn print_media_is_black_on_white(browser: &mut Browser) -> Res<()> {
    print_media_is_black_on_white_at(browser, "").await
}

/// The same for the page at `path_and_query` (`?theme=dark`: paper is white whatever the theme).
pub async fn print_media_is_black_on_white_at(
    browser: &mut Browser,
    path_and_query: &str,
) -> Res<()> {
    browser.open(path_and_query).await?;
    browser.click_tab(1).await?;
    browser
        .cdp("Emulation.setEmulatedMedia", json!({ "media": "print" }))
        .await?;
    let report = browser.js(PRINT_MEDIA_JS, vec![]).await;
    let scheme = browser.scheme;
    browser.emulate_media(scheme).await?;
    let report = report?;
    let count = |key: &str| report[key].as_u64().unwrap_or(u64::MAX);
    check(
        count("panelsShown") == layer_count() as u64 && count("controlsShown") == 0,
        || format!("in print, every panel and no control must show: {report}"),
    )?;
    let headings = report["headings"].as_array().cloned().unwrap_or_default();
    let legible = |heading: &Value| is_dark(&heading["color"]) && is_light(&heading["background"]);
    check(
        headings.len() == layer_count() && headings.iter().all(legible),
        || format!("in print, layer headings must be black on white: {report}"),
    )
}

/// Panels and controls on screen, and each panel heading's colour and the background behind it.
const PRINT_MEDIA_JS: &str = r#"
const shown = (el) => el.checkVisibility({ visibilityProperty: true });
const rgb = (text) => (text.match(/[\d.]+/g) || []).map(Number);
function backgroundBehind(el) {
  for (let at = el; at; at = at.parentElement) {
    const [r, g, b, a = 1] = rgb(getComputedStyle(at).backgroundColor);
    if (a > 0) return [r, g, b];
  }
  return [255, 255, 255];
}
return {
  panelsShown: [...document.querySelectorAll("[role=tabpanel]")].filter(shown).length,
  // How we know prints open, its words without its control (the summary).
  controlsShown: [...document.querySelectorAll("button, [role=tab], details:not(.support), summary, .embed")].filter(shown).length,
  headings: [...document.querySelectorAll(".panel__heading")].map((h) => ({
    text: h.textContent,
    color: rgb(getComputedStyle(h).color).slice(0, 3),
    background: backgroundBehind(h),
  })),
};
"#;

fn channels(colour: &Value) -> Vec<f64> {
    colour
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_f64)
        .collect()
}

/// Black-ish: every channel at most 0x40.
fn is_dark(colour: &Value) -> bool {
    let rgb = channels(colour);
    rgb.len() == 3 && rgb.iter().all(|&c| c <= 64.0)
}

/// White-ish: every channel at least 0xF0.
fn is_light(colour: &Value) -> bool {
    let rgb = channels(colour);
    rgb.len() == 3 && rgb.iter().all(|&c| c >= 240.0)
}
