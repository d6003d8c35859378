//! WCAG 2.2 AA with axe-core, the live region, the quotes' structure, and the emulated media.

use crate::browser::Browser;
use crate::engine::Scheme;
use crate::page::{announcement_for, check, expect_announced, layer_count, paper};
use crate::Res;
use coalition_explainer::content::CONTENT;
use std::path::PathBuf;

/// This page passes well over 20 of the selected rules; far fewer means axe did not really run.
const FEWEST_PASSING_RULES: u64 = 15;

const AXE_TAGS: [&str; 6] = [
    "wcag2a",
    "wcag2aa",
    "wcag21a",
    "wcag21aa",
    "wcag22aa",
    "best-practice",
];

/// axe-core as npm installs it (`npm ci --prefix tools`, which `cargo xtask test` runs).
fn axe_source() -> Res<String> {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tools/node_modules/axe-core/axe.min.js");
    std::fs::read_to_string(&path).map_err(|e| {
        format!(
            "{}: {e}: install axe-core with `npm ci --prefix tools` (cargo xtask test does)",
            path.display()
        )
    })
}

const AXE_RUN_JS: &str = r#"
const done = arguments[arguments.length - 1];
axe.run(document, { runOnly: { type: 'tag', values: arguments[0] } })
  .then(result => done({
    passed: result.passes.length,
    violations: result.violations.map(v =>
      `${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')}`),
  }))
  .catch(error => done({ passed: 0, violations: [`axe failed: ${error}`] }));
"#;

/// Zero axe violations on every layer at `width`, in the session's scheme.
pub async fn axe_at_width(browser: &mut Browser, width: u32) -> Res<()> {
    browser.set_viewport(width, 900).await?;
    browser.open("").await?;
    axe_every_layer(
        browser,
        &format!("axe at {width} px, {} scheme", browser.scheme.name()),
    )
    .await
}

/// Zero axe violations on every layer of the explainer open in the current document (a frame's
/// too, once entered); `context` heads the failure.
pub async fn axe_every_layer(browser: &Browser, context: &str) -> Res<()> {
    browser.js(&axe_source()?, vec![]).await?;
    let mut violations = Vec::new();
    for layer in 0..layer_count() {
        browser.click_tab(layer).await?;
        let found = browser.js_async(AXE_RUN_JS, vec![AXE_TAGS.into()]).await?;
        // A run that checked next to nothing (axe not loaded, wrong tags) proves nothing.
        let passed = found["passed"].as_u64().unwrap_or(0);
        check(passed >= FEWEST_PASSING_RULES, || {
            format!("axe passed only {passed} rules: {found}")
        })?;
        for violation in found["violations"].as_array().into_iter().flatten() {
            let text = format!(
                "{}: {}",
                CONTENT.layers[layer].slug,
                violation.as_str().unwrap_or_default()
            );
            violations.push(text);
        }
    }
    check(violations.is_empty(), || {
        format!("{context}:\n  {}", violations.join("\n  "))
    })
}

/// Live regions are polite and silent on load; after a change exactly one of them speaks, an
/// atomic one, and it says the layer's name and position only.
pub async fn live_region_announces_layer_name(browser: &mut Browser) -> Res<()> {
    browser.open("").await?;
    let on_load = live_regions(browser).await?;
    let polite_and_silent = on_load
        .iter()
        .all(|(politeness, _, text)| politeness == "polite" && text.is_empty());
    check(!on_load.is_empty() && polite_and_silent, || {
        format!("live regions on load: {on_load:?}")
    })?;
    let last = layer_count() - 1;
    browser.click_tab(last).await?;
    expect_announced(browser, last, "after a click").await?;
    let after = live_regions(browser).await?;
    let speaking: Vec<_> = after
        .iter()
        .filter(|(_, _, text)| !text.is_empty())
        .collect();
    let expected = announcement_for(last);
    check(speaking.len() == 1, || {
        format!("expected one region to speak, got {after:?}")
    })?;
    let (_, atomic, said) = speaking[0];
    check(*said == expected, || {
        format!("announced {said:?}, expected {expected:?}")
    })?;
    check(*atomic, || {
        "the announcing region is not aria-atomic".to_owned()
    })?;
    check(!said.contains(CONTENT.layers[last].summary[0].text), || {
        "the live region reads the whole panel".to_owned()
    })
}

/// Every `[aria-live]` region: politeness, atomic, text.
async fn live_regions(browser: &Browser) -> Res<Vec<(String, bool, String)>> {
    let found = browser
        .js(
            "return [...document.querySelectorAll('[aria-live]')].map(el => [el.getAttribute('aria-live'), el.getAttribute('aria-atomic') === 'true', el.textContent]);",
            vec![],
        )
        .await?;
    Ok(found
        .as_array()
        .into_iter()
        .flatten()
        .map(|region| {
            let text = |i: usize| region[i].as_str().unwrap_or_default().to_owned();
            (text(0), region[1] == true, text(2))
        })
        .collect())
}

/// Every quote is a figure: the words in a blockquote, the attribution in a figcaption beside
/// it (never inside the quote), which also names the figure.
pub async fn quotes_are_captioned_figures(browser: &mut Browser) -> Res<()> {
    browser.open("").await?;
    let report = browser
        .js(
            r#"
            const problems = [];
            const figures = [...document.querySelectorAll('.quote > figure')];
            figures.forEach((figure, i) => {
              const quote = figure.querySelector(':scope > blockquote');
              const caption = figure.querySelector(':scope > figcaption');
              if (!quote || !quote.textContent.trim()) problems.push(`quote ${i} has no blockquote text`);
              if (!caption || !caption.textContent.trim()) problems.push(`quote ${i} has no figcaption`);
              if (figure.querySelector('blockquote figcaption, blockquote cite')) problems.push(`quote ${i} attributes inside the blockquote`);
            });
            return { count: figures.length, problems };
            "#,
            vec![],
        )
        .await?;
    let expected = expected_quote_figures();
    check(report["count"].as_u64() == Some(expected as u64), || {
        format!(
            "{} quote figures on the page, the content has {expected}",
            report["count"]
        )
    })?;
    check(
        report["problems"].as_array().is_some_and(Vec::is_empty),
        || format!("{}", report["problems"]),
    )
}

fn expected_quote_figures() -> usize {
    let in_layers: usize = CONTENT.layers.iter().map(|layer| layer.quotes.len()).sum();
    let still_open: usize = CONTENT
        .still_open
        .items
        .iter()
        .map(|item| item.quotes.len())
        .sum();
    in_layers + CONTENT.why_now.quotes.len() + still_open
}

/// The emulated scheme and reduced motion reach the page: media queries match, the page's
/// background follows the scheme, and the tabs have no transition.
pub async fn scheme_and_reduced_motion_apply(browser: &mut Browser) -> Res<()> {
    browser.open("").await?;
    let media = browser
        .js(
            "const tab = document.querySelector('[role=\"tab\"]');
             return {
               dark: matchMedia('(prefers-color-scheme: dark)').matches,
               reduce: matchMedia('(prefers-reduced-motion: reduce)').matches,
               background: getComputedStyle(document.documentElement).backgroundColor,
               transition: getComputedStyle(tab).transitionDuration,
             };",
            vec![],
        )
        .await?;
    let dark = browser.scheme == Scheme::Dark;
    let (paper, name) = (paper(browser.scheme), browser.scheme.name());
    check(media["dark"] == dark, || {
        format!("prefers-color-scheme is not {name}: {media}")
    })?;
    check(media["background"] == paper, || {
        format!("the page background is not the {name} paper: {media}")
    })?;
    check(media["reduce"] == true, || {
        format!("prefers-reduced-motion is not emulated: {media}")
    })?;
    let durations = media["transition"].as_str().unwrap_or("?");
    check(durations.split(',').all(|d| d.trim() == "0s"), || {
        format!("tabs still animate under reduced motion: {media}")
    })
}
