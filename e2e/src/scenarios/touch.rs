//! A finger on a phone (Chromium: DevTools' touch emulation, as the benchmark's phone taps):
//! a tap on a layer control starts no transition and draws no tap highlight, so the frame
//! after it has the chosen panel to paint and nothing else (issue 15). Motion is allowed for
//! the scenario: the suite's reduced motion would hide any transition.

use crate::browser::Browser;
use crate::page::{check, expect_layer, slug};
use crate::Res;
use serde_json::json;

pub async fn taps_start_no_animation(browser: &mut Browser) -> Res<()> {
    let outcome = match as_a_phone(browser).await {
        Ok(()) => tap_two_layers(browser).await,
        Err(error) => Err(error),
    };
    let screen = browser.stop_emulating_phone_screen().await;
    let scheme = browser.scheme;
    let media = browser.emulate_media(scheme).await;
    outcome.and(screen).and(media)
}

/// The benchmark's phone screen, with motion allowed.
async fn as_a_phone(browser: &Browser) -> Res<()> {
    browser
        .cdp(
            "Emulation.setEmulatedMedia",
            json!({ "features": [
                { "name": "prefers-color-scheme", "value": browser.scheme.name() },
                { "name": "prefers-reduced-motion", "value": "no-preference" },
            ]}),
        )
        .await?;
    browser.emulate_phone_screen().await
}

async fn tap_two_layers(browser: &Browser) -> Res<()> {
    browser.open("").await?;
    let hover = browser
        .js("return matchMedia('(hover: none)').matches;", vec![])
        .await?;
    check(hover == true, || {
        "the emulated phone hovers: nothing here tests a finger".to_owned()
    })?;
    // The first tap starts the app (boot.js); the one measured finds it running.
    tap_tab(browser, 1).await?;
    browser.wait_for_app_started().await?;
    expect_layer(browser, 1, "after a first tap").await?;
    browser.js(RECORD_TRANSITIONS_JS, vec![]).await?;
    tap_tab(browser, 2).await?;
    expect_layer(browser, 2, "after a tap").await?;
    let look = browser.js(AFTER_THE_TAP_JS, vec![]).await?;
    check(look["transitions"] == json!([]), || {
        format!("a tap on a phone started transitions: {look}")
    })?;
    check(look["highlighted"] == json!([]), || {
        format!("layer controls a phone draws its tap highlight over: {look}")
    })
}

/// Every transition the page starts from now on, as `class property`.
const RECORD_TRANSITIONS_JS: &str = r#"
window.__transitions = [];
document.addEventListener("transitionrun", (event) => {
  const name = event.target.getAttribute("class");
  window.__transitions.push(`${name} ${event.propertyName}`);
}, true);
"#;

const AFTER_THE_TAP_JS: &str = r#"
const controls = [...document.querySelectorAll("[role=tab], [data-ring]")];
const highlighted = controls
  .filter((control) => getComputedStyle(control).webkitTapHighlightColor !== "rgba(0, 0, 0, 0)")
  .map((control) => control.id || control.dataset.ring);
return { transitions: window.__transitions, highlighted };
"#;

/// A finger's tap on the centre of layer `layer`'s tab.
async fn tap_tab(browser: &Browser, layer: usize) -> Res<()> {
    let centre = browser
        .js(
            "const tab = document.getElementById(arguments[0]);
             tab.scrollIntoView({ block: 'center' });
             const box = tab.getBoundingClientRect();
             return [box.left + box.width / 2, box.top + box.height / 2];",
            vec![json!(format!("tab-{}", slug(layer)))],
        )
        .await?;
    match (centre[0].as_f64(), centre[1].as_f64()) {
        (Some(x), Some(y)) => browser.tap_at(x, y).await,
        _ => Err(format!("no centre for tab {layer}: {centre}")),
    }
}
