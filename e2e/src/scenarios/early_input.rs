//! No lost input (issue 11, item 2): a click on a tab, an arrow key on a tab, or a click on
//! Next before the app has started (its WASM held back) shows the resulting layer at once, in
//! every mode; once the app is ready it has that layer chosen, in the address and announced.

use crate::browser::Browser;
use crate::modes::{each_case, Mode};
use crate::page::{
    check, expect_address_links_to, expect_announced, expect_layer, layer_count, slug,
};
use crate::Res;
use fantoccini::key::Key;
use serde_json::json;

#[derive(Clone, Copy, Debug)]
enum Press {
    /// A WebDriver element click on the tab of this layer.
    Tab(usize),
    /// ArrowRight on the focused tab of the layer shown.
    ArrowRight,
    /// A WebDriver element click on the Next in the panel shown.
    Next,
    /// The same on Previous (from a linked layer past the first).
    Previous,
}

/// Each press, in each mode: top level, framed, deep-linked (at top level and framed),
/// standalone.
pub async fn early_input_is_kept(browser: &mut Browser) -> Res<()> {
    let deep = layer_count() - 2;
    let modes = [
        (Mode::TopLevel, String::new(), 0),
        (Mode::Framed, String::new(), 0),
        (Mode::TopLevel, format!("#{}", slug(deep)), deep),
        (Mode::Framed, format!("?layer={}", slug(deep)), deep),
        (Mode::Standalone, String::new(), 0),
    ];
    let cases: Vec<(Mode, String, (usize, Press))> = modes
        .into_iter()
        .flat_map(|(mode, link, start)| {
            let presses = [
                Press::Tab((start + 2) % layer_count()),
                Press::ArrowRight,
                Press::Next,
            ];
            let previous = (start > 0).then_some(Press::Previous);
            let presses = presses.into_iter().chain(previous);
            presses.map(move |press| (mode, link.clone(), (start, press)))
        })
        .collect();
    each_case(
        browser,
        &cases,
        async |browser, mode, link, &(start, press)| {
            press_before_the_app(browser, mode, link, start, press).await
        },
    )
    .await
}

/// What the page shows in the same script: `<html data-app>` and the panels on screen.
const SHOWN_NOW_JS: &str = r#"
const panels = [...document.querySelectorAll("[role=tabpanel]")];
return {
  app: document.documentElement.getAttribute("data-app"),
  shown: panels.filter((panel) => panel.checkVisibility({ visibilityProperty: true })).map((panel) => panel.id).join(" "),
};
"#;

async fn press_before_the_app(
    browser: &Browser,
    mode: Mode,
    link: &str,
    start: usize,
    press: Press,
) -> Res<()> {
    browser.open_held(mode, link).await?;
    let layer = perform(browser, press, start).await?;
    let now = browser.js(SHOWN_NOW_JS, vec![]).await?;
    check(now["app"] == "loading", || {
        format!("the app was not loading at the press ({now}): nothing tested the early input")
    })?;
    check(
        now["shown"] == json!(format!("panel-{}", slug(layer))),
        || format!("right after the press the page showed {now}, not layer {layer} alone"),
    )?;
    browser.release_app(mode).await?;
    expect_app_took_the_choice_over(browser, layer).await
}

/// Once the app is ready, it has the reader's early choice of `layer` as its own: chosen, in
/// the address and announced, with no mark of the loader's left (`<html data-layer>`, or the
/// older `data-choosing` / `data-chosen`).
pub async fn expect_app_took_the_choice_over(browser: &Browser, layer: usize) -> Res<()> {
    browser.wait_for_app_started().await?;
    expect_layer(browser, layer, "the app took the early choice over").await?;
    expect_address_links_to(browser, layer, "after the early choice").await?;
    expect_announced(browser, layer, "after the early choice").await?;
    let marks = browser
        .js(
            "return document.querySelectorAll('[data-choosing], [data-chosen], [data-layer]').length;",
            vec![],
        )
        .await?;
    check(marks == 0, || {
        format!("{marks} marks of the loader's early choice left in the page")
    })
}

/// Performs `press` with layer `start` on screen; returns the layer it chooses.
async fn perform(browser: &Browser, press: Press, start: usize) -> Res<usize> {
    let last = layer_count() - 1;
    match press {
        Press::Tab(layer) => {
            browser.click_now(&format!("#tab-{}", slug(layer))).await?;
            Ok(layer)
        }
        Press::ArrowRight => {
            // A click beside the controls gives the document (and a frame) the keyboard, as a
            // reader's would; then the tab takes focus.
            browser.click_now(".panel__heading").await?;
            let focus = format!("document.getElementById('tab-{}').focus();", slug(start));
            browser.js(&focus, vec![]).await?;
            browser.press(Key::Right).await?;
            Ok((start + 1).min(last))
        }
        Press::Next => {
            browser.click_now(".walkthrough__step--next").await?;
            Ok((start + 1).min(last))
        }
        Press::Previous => {
            browser.click_now(".walkthrough__step--previous").await?;
            Ok(start.saturating_sub(1))
        }
    }
}
