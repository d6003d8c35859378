//! The drawing of the architecture (issue 12): real pointer taps on each ring and on each name
//! choose that layer, the chosen ring follows every choice, high contrast, and text zoomed to
//! 200% or spaced out (WCAG 1.4.4, 1.4.12) clipping nothing and scrolling nothing sideways.

use crate::browser::Browser;
use crate::page::{check, expect_layer, layer_count, slug};
use crate::scenarios::{accessibility, screenshots};
use crate::Res;
use fantoccini::actions::{InputSource, MouseActions, PointerAction, MOUSE_BUTTON_LEFT};
use fantoccini::key::Key;
use serde_json::{json, Value};

/// Where to tap ring `arguments[0]` (a slug): on its band below the centre, away from every
/// name (`arguments[1]` "ring"), or on the middle letter of its name ("name"); in viewport
/// pixels, after bringing the drawing into view. Also what the point really hits, so a tap that
/// would land on something else fails as such rather than as a wrong layer.
const TAP_POINT_JS: &str = r#"
const [slug, part] = arguments;
const ring = document.querySelector(`[data-ring="${slug}"]`);
const svg = ring.ownerSVGElement;
svg.scrollIntoView({ block: "center" });
const toScreen = (x, y) => new DOMPoint(x, y).matrixTransform(svg.getScreenCTM());
let point;
if (part === "name") {
  const name = ring.querySelector(".ring__name");
  const box = name.getExtentOfChar(Math.floor(name.getNumberOfChars() / 2));
  point = toScreen(box.x + box.width / 2, box.y + box.height / 2);
} else {
  const circle = ring.querySelector("circle");
  const inner = ring.nextElementSibling?.querySelector("circle");
  const radius = circle.r.baseVal.value;
  const innerRadius = inner ? inner.r.baseVal.value : 0;
  point = toScreen(circle.cx.baseVal.value, circle.cy.baseVal.value + (radius + innerRadius) / 2);
}
const hit = document.elementFromPoint(point.x, point.y);
return { x: point.x, y: point.y, ring: hit?.closest("[data-ring]")?.dataset.ring ?? null,
         name: !!hit?.closest(".ring__name") };
"#;

/// Which ring is marked chosen (its `data-ring`), or null.
const CHOSEN_RING_JS: &str =
    "return document.querySelector('.ring[data-selected]')?.dataset.ring ?? null;";

/// A real pointer tap (WebDriver pointer actions, not `element.click()`) on every ring's shape
/// and on every name chooses that layer, before the app has started and after; the chosen ring
/// follows taps, tabs and keys alike.
pub async fn taps_on_rings_and_names_choose_layers(browser: &mut Browser) -> Res<()> {
    browser.open("").await?;
    for part in ["name", "ring"] {
        for layer in (0..layer_count()).rev() {
            tap(browser, layer, part).await?;
            expect_layer(
                browser,
                layer,
                &format!("a tap on the {part} of {}", slug(layer)),
            )
            .await?;
            expect_chosen_ring(browser, layer, "after a tap").await?;
        }
    }
    browser.click_tab(1).await?;
    expect_chosen_ring(browser, 1, "after a tab's click").await?;
    browser.press(Key::Down).await?;
    expect_layer(browser, 2, "ArrowDown on the tab").await?;
    expect_chosen_ring(browser, 2, "after ArrowDown").await
}

async fn tap(browser: &Browser, layer: usize, part: &str) -> Res<()> {
    let point = browser
        .js(TAP_POINT_JS, vec![json!(slug(layer)), json!(part)])
        .await?;
    let lands = point["ring"] == json!(slug(layer)) && (part != "name" || point["name"] == true);
    check(lands, || {
        format!(
            "the {part} of {} is not what lies at its own point: {point}",
            slug(layer)
        )
    })?;
    let (x, y) = (coordinate(&point["x"])?, coordinate(&point["y"])?);
    let actions = MouseActions::new("finger".to_owned())
        .then(PointerAction::MoveTo {
            duration: None,
            x,
            y,
        })
        .then(PointerAction::Down {
            button: MOUSE_BUTTON_LEFT,
        })
        .then(PointerAction::Up {
            button: MOUSE_BUTTON_LEFT,
        });
    browser
        .client
        .perform_actions(actions)
        .await
        .map_err(|e| format!("tap at {x},{y}: {e}"))?;
    browser.settle().await
}

fn coordinate(value: &Value) -> Res<f64> {
    value
        .as_f64()
        .map(f64::floor)
        .ok_or_else(|| format!("not a coordinate: {value}"))
}

async fn expect_chosen_ring(browser: &Browser, layer: usize, when: &str) -> Res<()> {
    let chosen = browser.js(CHOSEN_RING_JS, vec![]).await?;
    check(chosen == json!(slug(layer)), || {
        format!("{when}, the chosen ring is {chosen}, not {}", slug(layer))
    })
}

/// Windows high contrast (Chromium's emulated `forced-colors: active`): no checker finds anything at
/// phone and desktop width, and the figure is photographed for a person to look at.
pub async fn forced_colours(browser: &mut Browser) -> Res<()> {
    let scheme = browser.scheme;
    browser
        .cdp(
            "Emulation.setEmulatedMedia",
            json!({ "features": [
                { "name": "prefers-color-scheme", "value": scheme.name() },
                { "name": "prefers-reduced-motion", "value": "reduce" },
                { "name": "forced-colors", "value": "active" },
            ]}),
        )
        .await?;
    let outcome = async {
        let forced = browser
            .js(
                "return matchMedia('(forced-colors: active)').matches;",
                vec![],
            )
            .await?;
        check(forced == true, || "forced colours did not apply".to_owned())?;
        for width in [360, 1280] {
            accessibility::checkers_at_width(browser, width).await?;
            photograph_figure(browser, width, "forced-colours-figure").await?;
        }
        Ok(())
    }
    .await;
    browser.emulate_media(scheme).await?;
    outcome
}

/// The drawing at phone and desktop width in the session's scheme, a layer chosen, for a person
/// to look at (`target/e2e-screenshots/<engine>-<scheme>-figure-<width>px.png`).
pub async fn figure_screenshots(browser: &mut Browser) -> Res<()> {
    for width in [360, 1280] {
        photograph_figure(browser, width, "figure").await?;
    }
    Ok(())
}

async fn photograph_figure(browser: &mut Browser, width: u32, name: &str) -> Res<()> {
    browser.set_viewport(width, 900).await?;
    browser.open(&format!("?layer={}", slug(1))).await?;
    browser.wait_for_app_started().await?;
    let what = format!("{name}-{width}px");
    screenshots::save_scrolled_to(browser, "figure.layers", "start", &what).await
}

/// The two ways a reader enlarges or spaces text, as stylesheet rules (CSSOM, which the strict
/// policy allows): the root font at 200%, and WCAG 1.4.12's spacing.
const TEXT_ADJUSTMENTS: [(&str, &str); 2] = [
    ("200% text", "html { font-size: 200% !important; }"),
    (
        "text spacing",
        "* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }",
    ),
];

/// Applies `arguments[0]` (CSS rules, `}`-separated) to our stylesheet, then reports what runs
/// off the page and every element whose own box clips its content. The sections below the
/// first screen are laid out first (they are `content-visibility: auto`, which would leave
/// them unmeasured until scrolled to).
const ADJUST_AND_MEASURE_JS: &str = r#"
const sheet = [...document.styleSheets].find((s) => s.href && s.href.includes("/main-"));
const rules = ".context { content-visibility: visible !important; }" + arguments[0];
for (const rule of rules.split("}").filter((r) => r.trim())) sheet.insertRule(rule + "}", sheet.cssRules.length);
const root = document.documentElement;
const shown = (el) => el.checkVisibility({ visibilityProperty: true }) && !el.closest(".visually-hidden, svg, textarea");
const clipped = [...document.body.querySelectorAll("*")].filter(shown).filter((el) => {
  const style = getComputedStyle(el);
  const clips = style.overflowX !== "visible" || style.overflowY !== "visible";
  return clips && (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1);
}).map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
const beyond = [...document.body.querySelectorAll("*")].filter(shown)
  .filter((el) => el.getBoundingClientRect().right > root.clientWidth + 1)
  .map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
return { sideways: root.scrollWidth > root.clientWidth, clipped, beyond: beyond.slice(0, 5) };
"#;

/// With text at 200% and with the text-spacing overrides, at 320 and 1280 px, on every layer:
/// nothing is clipped and the page does not scroll sideways.
pub async fn zoomed_and_spaced_text_fit(browser: &mut Browser) -> Res<()> {
    for width in [320, 1280] {
        browser.set_viewport(width, 900).await?;
        for (name, rules) in TEXT_ADJUSTMENTS {
            for layer in 0..layer_count() {
                browser.open(&format!("?layer={}", slug(layer))).await?;
                browser.wait_for_app_started().await?;
                let found = browser
                    .js(ADJUST_AND_MEASURE_JS, vec![json!(rules)])
                    .await?;
                let fits = found["sideways"] == false
                    && found["clipped"].as_array().is_some_and(Vec::is_empty)
                    && found["beyond"].as_array().is_some_and(Vec::is_empty);
                check(fits, || {
                    format!("{name} at {width} px on {}: {found}", slug(layer))
                })?;
            }
        }
    }
    Ok(())
}
