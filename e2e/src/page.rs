//! What a reader does and sees on the explainer page, as small steps the scenarios compose.

use crate::browser::Browser;
use crate::engine::Engine;
use crate::Res;
use coalition_explainer::content::CONTENT;
use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::key::Key;
use fantoccini::Locator;
use serde_json::{json, Value};
use std::time::Duration;

const APP_START: Duration = Duration::from_secs(60);

/// The explainer's state as the page shows it.
#[derive(Debug, PartialEq)]
pub struct LayerView {
    /// The tab with `aria-selected="true"`.
    pub selected: Option<usize>,
    /// Panels not hidden.
    pub visible_panels: Vec<usize>,
    /// The tab that has focus, if one does.
    pub focused_tab: Option<usize>,
    pub search: String,
    pub announcement: String,
}

const LAYER_VIEW_JS: &str = r#"
const tabs = [...document.querySelectorAll('[role="tab"]')];
const panels = [...document.querySelectorAll('[role="tabpanel"]')];
const live = document.querySelector('[aria-live="polite"]');
return {
  selected: tabs.findIndex(tab => tab.getAttribute('aria-selected') === 'true'),
  visible: panels.map((panel, i) => panel.hidden || panel.getClientRects().length === 0 ? -1 : i).filter(i => i >= 0),
  focused: tabs.indexOf(document.activeElement),
  search: location.search,
  announcement: live ? live.textContent : null,
};
"#;

impl Browser {
    /// Opens `path_and_query` on the served site as a fresh page load and waits for the app.
    pub async fn open(&self, path_and_query: &str) -> Res<()> {
        // Through about:blank, so a fragment-only change is a real load and not a hash change.
        self.client
            .goto("about:blank")
            .await
            .map_err(|e| format!("about:blank: {e}"))?;
        let url = format!("{}{path_and_query}", self.server.base_url);
        self.client
            .goto(&url)
            .await
            .map_err(|e| format!("open {url}: {e}"))?;
        self.wait_for_app().await
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

    /// A real pointer click on the tab of `layer`, through WebDriver.
    /// The address's query once it reads `expected`, or as it stands after a few seconds. The
    /// app writes the URL in an effect, which Yew's scheduler may run just after the render
    /// that a script already sees (it yields to the browser every 16 ms on a busy machine).
    pub async fn search_once_it_is(&self, expected: &str) -> Res<String> {
        let started = std::time::Instant::now();
        loop {
            let search = self.js("return location.search;", vec![]).await?;
            let search = search.as_str().unwrap_or_default().to_owned();
            if search == expected || started.elapsed() > Duration::from_secs(5) {
                return Ok(search);
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    pub async fn click_tab(&self, layer: usize) -> Res<()> {
        self.click(&format!("#tab-{}", CONTENT.layers[layer].slug))
            .await
    }

    pub async fn click(&self, selector: &str) -> Res<()> {
        let element = self
            .client
            .find(Locator::Css(selector))
            .await
            .map_err(|e| format!("no {selector}: {e}"))?;
        element
            .click()
            .await
            .map_err(|e| format!("click {selector}: {e}"))?;
        // A click on a control starts the app if it has not started yet (boot.js), and is
        // replayed once it has: wait for that, then for the render.
        self.wait_for_app_started().await?;
        self.settle().await
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
            // Under Xvfb the window manager applies sizes a moment after WebDriver returns.
            tokio::time::sleep(Duration::from_millis(150)).await;
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

/// The expected live-region text after a change to `layer`.
pub fn announcement_for(layer: usize) -> String {
    CONTENT
        .ui
        .announcement(CONTENT.layers[layer].name, layer + 1, CONTENT.layers.len())
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
    let started = std::time::Instant::now();
    loop {
        let view = browser.layer_view().await?;
        if view.selected == Some(layer) && view.visible_panels == [layer] {
            return Ok(view);
        }
        if started.elapsed() > APP_START {
            return Err(format!(
                "{context}: expected layer {layer} ({}) alone, saw {view:?}",
                slug(layer)
            ));
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}
