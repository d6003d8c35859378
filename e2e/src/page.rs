//! What a reader does and sees on the explainer page, as small steps the scenarios compose.

use crate::browser::Browser;
use crate::engine::{Engine, Scheme};
use crate::wait::Poll;
use crate::Res;
use coalition_explainer::content::CONTENT;
use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::elements::Element;
use fantoccini::key::Key;
use fantoccini::Locator;
use serde_json::{json, Value};
use std::time::Duration;

const APP_START: Duration = Duration::from_secs(60);
/// The app writes the address and the live region after the frame showing a choice: a few frames.
const AFTER_PAINT: Duration = Duration::from_secs(5);
/// Xvfb's window manager applies a size within moments, or adjusts it.
const WINDOW_RESIZED: Duration = Duration::from_secs(1);

/// The explainer's state as the page shows it.
#[derive(Debug, PartialEq)]
pub struct LayerView {
    /// The tab with `aria-selected="true"`.
    pub selected: Option<usize>,
    /// Panels on screen (with a box: the loader's `data-layer` shows a panel the app hides).
    pub visible_panels: Vec<usize>,
    /// The tab that has focus, if one does.
    pub focused_tab: Option<usize>,
    pub search: String,
    pub announcement: String,
}

const LAYER_VIEW_JS: &str = r#"
const tabs = [...document.querySelectorAll('[role="tab"]')];
const panels = [...document.querySelectorAll('[role="tabpanel"]')];
// The layer announcer: the one atomic live region (each quote's Copy link has its own status).
const live = document.querySelector('[aria-live="polite"][aria-atomic="true"]');
return {
  selected: tabs.findIndex(tab => tab.getAttribute('aria-selected') === 'true'),
  visible: panels.map((panel, i) => panel.checkVisibility({ visibilityProperty: true }) ? i : -1).filter(i => i >= 0),
  focused: tabs.indexOf(document.activeElement),
  search: location.search,
  announcement: live ? live.textContent : null,
};
"#;

impl Browser {
    /// Opens `path_and_query` on the served site as a fresh page load and waits for the app.
    pub async fn open(&self, path_and_query: &str) -> Res<()> {
        // Through about:blank, so a fragment-only change is a real load and not a hash change.
        self.goto("about:blank").await?;
        self.goto(&format!("{}{path_and_query}", self.server.base_url))
            .await?;
        self.wait_for_app().await
    }

    /// Loads `url` and waits for its load event. A frame sampler on the page left is stopped
    /// first (see frames.js).
    pub async fn goto(&self, url: &str) -> Res<()> {
        self.stop_sampling().await;
        self.client
            .goto(url)
            .await
            .map_err(|e| format!("open {url}: {e}"))
    }

    /// Stops the frame sampler of the current document, if it has one.
    pub async fn stop_sampling(&self) {
        // Where there is no page or no sampler there is nothing to stop.
        let _ = self
            .js("if (window.__e2eFrames) window.__e2eFrames.stop();", vec![])
            .await;
    }

    /// Waits until `script` (returning a boolean) is true.
    pub async fn wait_until(&self, script: &str, what: &str) -> Res<()> {
        self.poll_script(what, APP_START, script, vec![], |value| value == true)
            .await
            .map(drop)
    }

    /// Waits for the layer tabs. They are prerendered, and the app itself loads on the reader's
    /// first sign of interest (boot.js), replaying a click or key that arrives meanwhile; so
    /// the checks after each action wait for their outcome (`expect_layer`).
    pub async fn wait_for_app(&self) -> Res<()> {
        let tabs = format!("[role=\"tab\"]:nth-of-type({})", CONTENT.layers.len());
        self.client
            .wait()
            .at_most(APP_START)
            .for_element(Locator::Css(&tabs))
            .await
            .map(drop)
            .map_err(|e| {
                format!(
                    "the page did not show its {} tabs: {e}",
                    CONTENT.layers.len()
                )
            })
    }

    /// Waits until the app has taken over the page (boot.js marks `<html data-app="ready">`),
    /// for links that load it at once: deep links, frames.
    pub async fn wait_for_app_started(&self) -> Res<()> {
        self.client
            .wait()
            .at_most(APP_START)
            .for_element(Locator::Css("html[data-app=\"ready\"]"))
            .await
            .map(drop)
            .map_err(|e| format!("the app did not start: {e}"))
    }

    /// Runs `script` (a function body; `arguments` holds `args`) and returns its value.
    pub async fn js(&self, script: &str, args: Vec<Value>) -> Res<Value> {
        self.client
            .execute(script, args)
            .await
            .map_err(|e| format!("script failed: {e}\n{}", script.trim()))
    }

    /// Runs an async script: it must call `arguments[arguments.length - 1]` with its result.
    pub async fn js_async(&self, script: &str, args: Vec<Value>) -> Res<Value> {
        self.client
            .execute_async(script, args)
            .await
            .map_err(|e| format!("async script failed: {e}"))
    }

    pub async fn layer_view(&self) -> Res<LayerView> {
        let view = self.js(LAYER_VIEW_JS, vec![]).await?;
        let index = |value: &Value| value.as_i64().and_then(|i| usize::try_from(i).ok());
        Ok(LayerView {
            selected: index(&view["selected"]),
            visible_panels: view["visible"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(index)
                .collect(),
            focused_tab: index(&view["focused"]),
            search: view["search"].as_str().unwrap_or_default().to_owned(),
            announcement: view["announcement"]
                .as_str()
                .unwrap_or("(no live region)")
                .to_owned(),
        })
    }

    /// The address's query once it reads `expected`, or as it stands after a few seconds. The
    /// app writes the URL in an effect, which Yew's scheduler may run just after the render
    /// that a script already sees (it yields to the browser every 16 ms on a busy machine).
    pub async fn search_once_it_is(&self, expected: &str) -> Res<String> {
        const SEARCH_JS: &str = "return location.search;";
        let reached = self
            .poll_script("the address", AFTER_PAINT, SEARCH_JS, vec![], |search| {
                search == expected
            })
            .await;
        let search = match reached {
            Ok(search) => search,
            Err(_) => self.js(SEARCH_JS, vec![]).await?,
        };
        Ok(search.as_str().unwrap_or_default().to_owned())
    }

    /// A real pointer click on the tab of `layer`, through WebDriver.
    pub async fn click_tab(&self, layer: usize) -> Res<()> {
        self.click(&format!("#tab-{}", CONTENT.layers[layer].slug))
            .await
    }

    /// A real pointer click on the element matching `selector` that is on screen, then waits
    /// for the app and its render.
    pub async fn click(&self, selector: &str) -> Res<()> {
        self.click_now(selector).await?;
        // A click on a control starts the app if it has not started yet (boot.js), and is
        // replayed once it has: wait for that, then for the render.
        self.wait_for_app_started().await?;
        self.settle().await
    }

    /// A real pointer click on the element matching `selector` that is on screen (each panel has
    /// its own Previous / Next), waiting for nothing: the app may not have started. The element
    /// is scrolled to first and the layout let settle: what comes on screen is laid out then
    /// (`content-visibility: auto`) and may move it, which a reader sees before tapping but
    /// WebDriver's own scroll-and-click (WebKit's) would not.
    pub async fn click_now(&self, selector: &str) -> Res<()> {
        let element = self.shown_element(selector).await?;
        let argument = serde_json::to_value(&element).map_err(|e| e.to_string())?;
        self.js(
            "arguments[0].scrollIntoView({ block: 'center' });",
            vec![argument],
        )
        .await?;
        self.settle().await?;
        element
            .click()
            .await
            .map_err(|e| format!("click {selector}: {e}"))
    }

    /// The first element matching `selector` that a reader can see (it has a box, and neither
    /// it nor an ancestor is hidden).
    pub async fn shown_element(&self, selector: &str) -> Res<Element> {
        let all = self
            .client
            .find_all(Locator::Css(selector))
            .await
            .map_err(|e| format!("no {selector}: {e}"))?;
        for element in all {
            let argument = serde_json::to_value(&element).map_err(|e| e.to_string())?;
            let on_screen = self
                .js(
                    "return arguments[0].checkVisibility({ visibilityProperty: true });",
                    vec![argument],
                )
                .await?;
            if on_screen == true {
                return Ok(element);
            }
        }
        Err(format!("no {selector} is on screen"))
    }

    /// The value of `<html data-app>` (the loader's "loading", "ready", "failed"), if set.
    pub async fn app_state(&self) -> Res<Option<String>> {
        let state = self
            .js(
                "return document.documentElement.getAttribute('data-app');",
                vec![],
            )
            .await?;
        Ok(state.as_str().map(str::to_owned))
    }

    /// Presses Tab: focus moves into the page, a reader's first sign of interest, which starts
    /// the app (boot.js) without choosing anything.
    pub async fn show_interest(&self) -> Res<()> {
        self.press(Key::Tab).await
    }

    /// Presses and releases `key` on whatever has focus, as a keyboard would.
    pub async fn press(&self, key: Key) -> Res<()> {
        self.press_together(&[key]).await
    }

    /// Holds `keys` down in order, then releases them in reverse (Shift+Tab is `[Shift, Tab]`).
    pub async fn press_together(&self, keys: &[Key]) -> Res<()> {
        let values: Vec<char> = keys.iter().map(|&key| key.into()).collect();
        let mut actions = KeyActions::new("keyboard".to_owned());
        for &value in &values {
            actions = actions.then(KeyAction::Down { value });
        }
        for &value in values.iter().rev() {
            actions = actions.then(KeyAction::Up { value });
        }
        self.client
            .perform_actions(actions)
            .await
            .map_err(|e| format!("keys {keys:?}: {e}"))?;
        self.settle().await
    }

    /// Lets Yew render and effects run: two animation frames.
    pub async fn settle(&self) -> Res<()> {
        self.js_async(
            "const done = arguments[0]; requestAnimationFrame(() => requestAnimationFrame(() => done(true)));",
            vec![],
        )
        .await
        .map(drop)
    }

    /// Makes the layout viewport exactly `width` CSS pixels wide (and `height` high).
    pub async fn set_viewport(&self, width: u32, height: u32) -> Res<()> {
        if self.engine == Engine::Chromium {
            // Headless Chromium keeps a minimum window width; device metrics go down to 320.
            self.cdp(
                "Emulation.setDeviceMetricsOverride",
                json!({ "width": width, "height": height, "deviceScaleFactor": 1, "mobile": false }),
            )
            .await?;
        } else {
            self.resize_window_to_viewport(width, height).await?;
        }
        let actual = self.js("return window.innerWidth;", vec![]).await?;
        if actual.as_u64() == Some(u64::from(width)) {
            Ok(())
        } else {
            Err(format!(
                "{}: viewport is {actual} px wide, wanted {width}",
                self.engine.name()
            ))
        }
    }

    /// Window size = viewport + browser chrome; measured, then corrected until they agree.
    async fn resize_window_to_viewport(&self, width: u32, height: u32) -> Res<()> {
        let (mut outer_width, mut outer_height) = (width, height);
        for _ in 0..6 {
            self.client
                .set_window_size(outer_width, outer_height)
                .await
                .map_err(|e| format!("set window size: {e}"))?;
            // Under Xvfb the window manager applies sizes a moment after WebDriver returns;
            // a size it adjusts is measured and corrected all the same.
            let _ = self
                .poll_script(
                    "the window's new size",
                    WINDOW_RESIZED,
                    "return window.outerWidth;",
                    vec![],
                    |outer| outer.as_u64() == Some(u64::from(outer_width)),
                )
                .await;
            let inner = self
                .js("return [window.innerWidth, window.innerHeight];", vec![])
                .await?;
            let inner_width = inner[0].as_i64().unwrap_or_default();
            let inner_height = inner[1].as_i64().unwrap_or_default();
            if inner_width == i64::from(width) {
                return Ok(());
            }
            outer_width = add_difference(outer_width, width, inner_width);
            outer_height = add_difference(outer_height, height, inner_height);
        }
        Ok(())
    }

    /// Problems the page recorded about itself (see probe.js), emptied as they are read.
    pub async fn take_page_problems(&self) -> Res<Vec<String>> {
        let problems = self
            .js(
                "if (location.href === 'about:blank') return [];
                 return window.__e2e ? window.__e2e.takeProblems() : ['the e2e probe is not on ' + location.href];",
                vec![],
            )
            .await?;
        Ok(problems
            .as_array()
            .into_iter()
            .flatten()
            .map(|p| p.as_str().unwrap_or_default().to_owned())
            .collect())
    }
}

fn add_difference(outer: u32, wanted: u32, actual: i64) -> u32 {
    let corrected = i64::from(outer) + i64::from(wanted) - actual;
    u32::try_from(corrected.max(1)).unwrap_or(outer)
}

/// Waits until the live region names `layer` (it speaks once the change is painted), or says
/// what it said instead.
pub async fn expect_announced(browser: &Browser, layer: usize, when: &str) -> Res<()> {
    const SAID_JS: &str = r#"const live = document.querySelector('[aria-live="polite"][aria-atomic="true"]');
return live ? live.textContent : null;"#;
    let expected = announcement_for(layer);
    browser
        .poll_script(
            &format!("{when}: the live region saying {expected:?}"),
            AFTER_PAINT,
            SAID_JS,
            vec![],
            |said| said.as_str() == Some(expected.as_str()),
        )
        .await
        .map(drop)
}

/// The expected live-region text after a change to `layer`.
pub fn announcement_for(layer: usize) -> String {
    CONTENT
        .ui
        .announcement(CONTENT.layers[layer].name, layer + 1, CONTENT.layers.len())
}

/// The page's background in `scheme` (style/main.css's `--paper`), as computed styles give it.
pub fn paper(scheme: Scheme) -> &'static str {
    match scheme {
        Scheme::Light => "rgb(255, 255, 255)",
        Scheme::Dark => "rgb(20, 23, 27)",
    }
}

pub fn slug(layer: usize) -> &'static str {
    CONTENT.layers[layer].slug
}

pub fn layer_count() -> usize {
    CONTENT.layers.len()
}

/// Fails with `message` unless `condition` holds.
pub fn check(condition: bool, message: impl FnOnce() -> String) -> Res<()> {
    if condition {
        Ok(())
    } else {
        Err(message())
    }
}

/// Checks the page shows `layer` alone, chosen and with its own panel, waiting for it while
/// the app may still be loading.
pub async fn expect_layer(browser: &Browser, layer: usize, context: &str) -> Res<LayerView> {
    let what = format!("{context}: layer {layer} ({}) alone", slug(layer));
    browser
        .poll(&what, APP_START, async |browser| {
            let view = browser.layer_view().await?;
            Ok(
                if view.selected == Some(layer) && view.visible_panels == [layer] {
                    Poll::Met(view)
                } else {
                    Poll::NotYet(format!("{view:?}"))
                },
            )
        })
        .await
}

/// Waits (a few seconds at most: the app writes the address after the frame) until the address
/// links to `layer` as the app reads it in any mode: the fragment if it names a layer, else
/// `?layer=` (a frame keeps its other parameters, such as `embed`).
pub async fn expect_address_links_to(browser: &Browser, layer: usize, when: &str) -> Res<()> {
    const LINKED_JS: &str = r#"
const slugs = arguments[0];
const fromFragment = slugs.indexOf(location.hash.slice(1));
const fromQuery = slugs.indexOf(new URLSearchParams(location.search).get("layer"));
return { linked: fromFragment >= 0 ? fromFragment : fromQuery, address: location.search + location.hash };
"#;
    let slugs: Vec<&str> = CONTENT.layers.iter().map(|layer| layer.slug).collect();
    let what = format!("{when}: the address linking to {}", slug(layer));
    browser
        .poll_script(&what, AFTER_PAINT, LINKED_JS, vec![json!(slugs)], |found| {
            found["linked"].as_i64() == i64::try_from(layer).ok()
        })
        .await
        .map(drop)
}

/// A script function, `staticView(doc)`: how much of the static view (every layer and quote
/// shown, no control that needs the app, the notice saying so) `doc` shows.
pub const STATIC_VIEW_FN: &str = r#"
function staticView(doc) {
  const shown = (el) => !!el && el.checkVisibility({ visibilityProperty: true });
  const panels = [...doc.querySelectorAll("[role=tabpanel]")];
  const quotes = [...doc.querySelectorAll(".quote > figure")];
  return {
    panels: panels.length,
    panelsShown: panels.filter(shown).length,
    quotes: quotes.length,
    quotesShown: quotes.filter(shown).length,
    controlsShown: [...doc.querySelectorAll("[role=tab], .walkthrough__step")].filter(shown).length,
    noticeShown: shown(doc.querySelector(".static-notice")),
  };
}
"#;

/// Checks a `staticView` report: every layer and quote shown, no control, the notice.
pub fn expect_static_view(report: &Value, context: &str) -> Res<()> {
    let count = |key: &str| report[key].as_u64().unwrap_or_default();
    let every_layer =
        count("panels") == layer_count() as u64 && count("panelsShown") == count("panels");
    let every_quote = count("quotes") > 0 && count("quotesShown") == count("quotes");
    let no_controls = count("controlsShown") == 0 && report["noticeShown"] == json!(true);
    check(every_layer && every_quote && no_controls, || {
        format!("{context}: the static view must show every layer and quote, the notice and no control: {report}")
    })
}

/// The failures of a scenario's many cases, all reported at its end (one case failing does not
/// hide how the others went).
#[derive(Default)]
pub struct Failures(Vec<String>);

impl Failures {
    pub fn note(&mut self, case: &str, outcome: Res<()>) {
        if let Err(error) = outcome {
            self.0.push(format!("{case}: {error}"));
        }
    }

    pub fn into_result(self) -> Res<()> {
        check(self.0.is_empty(), || self.0.join("\n"))
    }
}
