//! WCAG 2.2 AA with three checkers (axe-core, IBM Equal Access, HTML_CodeSniffer), the live region, the quotes' structure, and the emulated media.

use crate::browser::Browser;
use crate::checkers;
use crate::engine::Scheme;
use crate::page::{announcement_for, check, expect_announced, layer_count, paper};
use crate::Res;
use coalition_explainer::content::CONTENT;
use serde_json::Value;

/// Zero violations from every checker (axe, IBM's, HTML_CodeSniffer) on every layer at
/// `width`, in the session's scheme.
pub async fn checkers_at_width(browser: &mut Browser, width: u32) -> Res<()> {
    browser.set_viewport(width, 900).await?;
    browser.open("").await?;
    let context = format!("at {width} px, {} scheme", browser.scheme.name());
    checkers_on_every_layer(browser, &context).await
}

/// Zero violations from every checker on every layer of the explainer open in the current
/// document (a frame's too, once entered; any story: its layers are read from its tabs), with
/// the disclosures (How we know, the embed dialog) closed, then open; `context` heads the
/// failure.
pub async fn checkers_on_every_layer(browser: &Browser, context: &str) -> Res<()> {
    let tabs = browser.js(TAB_IDS_JS, vec![]).await?;
    let tabs: Vec<&str> = tabs
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(Value::as_str)
        .collect();
    check(!tabs.is_empty(), || format!("{context}: no tabs to check"))?;
    let mut violations = Vec::new();
    for open in [false, true] {
        let state = if open { "open" } else { "closed" };
        for tab in &tabs {
            browser.click(&format!("#{tab}")).await?;
            browser.js(DISCLOSURES_JS, vec![open.into()]).await?;
            for violation in checkers::violations(browser).await? {
                violations.push(format!("{tab}, disclosures {state}: {violation}"));
            }
        }
    }
    check(violations.is_empty(), || {
        format!("{context}:\n  {}", violations.join("\n  "))
    })
}

const TAB_IDS_JS: &str = "return [...document.querySelectorAll('[role=tab]')].map(tab => tab.id);";

/// Opens (`arguments[0]`) or closes every `<details>`, as a click on its summary does.
const DISCLOSURES_JS: &str =
    "document.querySelectorAll('details').forEach(details => { details.open = arguments[0]; });";

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
