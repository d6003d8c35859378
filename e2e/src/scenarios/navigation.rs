//! Reaching every layer the ways a reader can: click, keyboard, Previous/Next, links, history.

use super::early_input::expect_app_took_the_choice_over;
use crate::browser::Browser;
use crate::page::{check, expect_announced, expect_layer, layer_count, slug};
use crate::Res;
use fantoccini::key::Key;
use serde_json::json;

/// Every layer by pointer; each click writes `?layer=<slug>` and announces the layer's name.
pub async fn click_every_layer(browser: &mut Browser) -> Res<()> {
    browser.open("").await?;
    expect_layer(browser, 0, "first load").await?;
    let last = layer_count() - 1;
    for layer in (1..=last).chain([0]) {
        browser.click_tab(layer).await?;
        expect_layer(browser, layer, "after a click").await?;
        expect_address_names(browser, layer, "after a click").await?;
        expect_announced(browser, layer, "after a click").await?;
    }
    Ok(())
}

/// A layer clicked before the app has loaded shows at once (boot.js), in the same task as the
/// click; once ready, the app makes that choice its own and no mark of it is left (the
/// loader's `<html data-layer>`, or the older `data-choosing` / `data-chosen`).
pub async fn choice_while_loading_shows_at_once(browser: &mut Browser) -> Res<()> {
    browser.open("").await?;
    let layer = 1;
    let at_click = browser
        .js(
            CLICK_WHILE_LOADING_JS,
            vec![json!(format!("#tab-{}", slug(layer)))],
        )
        .await?;
    check(at_click["loading"] == true, || {
        "the app had loaded before the click: nothing here tests the early choice".to_owned()
    })?;
    let shown = at_click["shown"].as_str().unwrap_or_default();
    check(shown == format!("panel-{}", slug(layer)), || {
        format!("right after the click the page showed {shown:?}, not layer {layer} alone")
    })?;
    expect_app_took_the_choice_over(browser, layer).await?;
    // At top level exactly `?layer=<slug>`.
    expect_address_names(browser, layer, "after the early choice").await
}

/// Clicks `arguments[0]` and, in the same task, reports whether the app was still loading and
/// the ids of the panels showing.
const CLICK_WHILE_LOADING_JS: &str = r#"
const loading = document.documentElement.dataset.app !== "ready";
document.querySelector(arguments[0]).click();
const shown = [...document.querySelectorAll("[role=tabpanel]")]
  .filter((panel) => panel.checkVisibility({ visibilityProperty: true }))
  .map((panel) => panel.id);
return { loading, shown: shown.join(" ") };
"#;

/// A click shows its layer without waiting for the address bar: the history write (several
/// milliseconds in Chromium) comes after the frame that paints the layer, and still comes.
pub async fn address_written_after_the_layer_shows(browser: &mut Browser) -> Res<()> {
    browser.open("").await?;
    // A first click loads the app; the one measured finds it running.
    browser.click_tab(1).await?;
    browser.wait_for_app_started().await?;
    let layer = 2;
    let at_show = browser
        .js_async(SEARCH_WHEN_SHOWN_JS, vec![json!(slug(layer))])
        .await?;
    check(at_show["shown"] == true, || {
        format!("layer {layer}'s panel did not show within a second of its click")
    })?;
    check(at_show["search"] == at_show["before"], || {
        format!(
            "the address was already {} when the layer showed: the click waited for it",
            at_show["search"]
        )
    })?;
    expect_address_names(browser, layer, "after the frame").await
}

/// The address bar comes to name `layer` as `?layer=<slug>` (written after the frame).
async fn expect_address_names(browser: &Browser, layer: usize, when: &str) -> Res<()> {
    let wanted = format!("?layer={}", slug(layer));
    let search = browser.search_once_it_is(&wanted).await?;
    check(search == wanted, || {
        format!("{when}, the address was {search:?}, not {wanted:?}")
    })
}

/// Clicks the tab of layer `arguments[0]` (a slug) and reports the address at the moment its
/// panel shows (a mutation callback runs before any later task or frame).
const SEARCH_WHEN_SHOWN_JS: &str = r#"
const done = arguments[arguments.length - 1];
const panel = document.getElementById("panel-" + arguments[0]);
const before = location.search;
const observer = new MutationObserver(() => {
  if (!panel.hidden) {
    observer.disconnect();
    done({ shown: true, before, search: location.search });
  }
});
observer.observe(panel, { attributes: true, attributeFilter: ["hidden"] });
setTimeout(() => done({ shown: false }), 1000);
document.getElementById("tab-" + arguments[0]).click();
"#;

/// Keyboard only: Tab reaches the chosen tab, arrows move (focus follows), Home/End jump, and
/// Enter / Space press Previous and Next.
pub async fn keyboard_only(browser: &mut Browser) -> Res<()> {
    browser.open("").await?;
    tab_until_layer_tab(browser).await?;
    let last = layer_count() - 1;
    let steps = [
        (Key::Down, 1),
        (Key::Right, 2),
        (Key::Up, 1),
        (Key::Left, 0),
        (Key::End, last),
        (Key::Home, 0),
    ];
    for (key, layer) in steps {
        browser.press(key).await?;
        let view = expect_layer(browser, layer, &format!("after {key:?}")).await?;
        check(view.focused_tab == Some(layer), || {
            format!(
                "after {key:?} focus is on tab {:?}, not {layer}",
                view.focused_tab
            )
        })?;
        expect_announced(browser, layer, &format!("after {key:?}")).await?;
        expect_visible_focus(browser, &format!("tab {layer} after {key:?}")).await?;
    }
    tab_until(browser, ".walkthrough__step--next").await?;
    browser.press(Key::Enter).await?;
    expect_layer(browser, 1, "Enter on Next").await?;
    expect_focus_on_shown(browser, ".walkthrough__step--next", "after Enter on Next").await?;
    browser.press(Key::Space).await?;
    expect_layer(browser, 2, "Space on Next").await?;
    expect_focus_on_shown(browser, ".walkthrough__step--next", "after Space on Next").await?;
    expect_visible_focus(browser, "Next after Space").await?;
    browser.press_together(&[Key::Shift, Key::Tab]).await?;
    check(
        browser
            .focused_matches(".walkthrough__step--previous")
            .await?,
        || "Shift+Tab from Next did not reach Previous".to_owned(),
    )?;
    browser.press(Key::Space).await?;
    expect_layer(browser, 1, "Space on Previous").await?;
    Ok(())
}

/// Previous / Next (each panel has its own, at its foot) walk the layers in order and stop at
/// both ends; focus goes to the same button in the panel now shown.
pub async fn previous_and_next_buttons(browser: &mut Browser) -> Res<()> {
    const PREVIOUS: &str = ".walkthrough__step--previous";
    const NEXT: &str = ".walkthrough__step--next";
    browser.open("").await?;
    let last = layer_count() - 1;
    browser.click(PREVIOUS).await?;
    expect_layer(browser, 0, "Previous on the first layer").await?;
    for layer in 1..=last {
        browser.click(NEXT).await?;
        expect_layer(browser, layer, "Next").await?;
        expect_announced(browser, layer, "after Next").await?;
        expect_focus_on_shown(browser, NEXT, "after Next").await?;
    }
    browser.click(NEXT).await?;
    expect_layer(browser, last, "Next on the last layer").await?;
    for layer in (0..last).rev() {
        browser.click(PREVIOUS).await?;
        expect_layer(browser, layer, "Previous").await?;
        expect_focus_on_shown(browser, PREVIOUS, "after Previous").await?;
    }
    Ok(())
}

/// Focus is on the `selector` button inside the panel on screen.
async fn expect_focus_on_shown(browser: &Browser, selector: &str, when: &str) -> Res<()> {
    let focus = browser
        .js(
            "const el = document.activeElement; const panel = el.closest('[role=tabpanel]');
             return { matches: el.matches(arguments[0]), shown: !!panel && panel.checkVisibility({ visibilityProperty: true }),
                      inPanel: panel ? panel.id : null, element: el.outerHTML.slice(0, 120) };",
            vec![selector.into()],
        )
        .await?;
    check(focus["matches"] == true && focus["shown"] == true, || {
        format!("{when}: focus is not on {selector} in the panel shown: {focus}")
    })
}

/// Both deep-link forms open their layer on first paint, with nothing announced.
pub async fn deep_links(browser: &mut Browser) -> Res<()> {
    let last = layer_count() - 1;
    let links = [
        (format!("#{}", slug(2)), 2, "fragment deep link"),
        (format!("?layer={}", slug(last)), last, "query deep link"),
        (
            format!("?layer={}#{}", slug(last), slug(1)),
            1,
            "both forms: the fragment wins",
        ),
    ];
    for (link, layer, what) in links {
        browser.open(&link).await?;
        expect_layer(browser, layer, what).await?;
        // A link naming a layer starts the app at once: the next link waits for it, as leaving
        // a page mid-start tests only the engine's teardown (Firefox warns of a script
        // "terminated by timeout" when the start it cuts is long enough).
        browser.wait_for_app_started().await?;
    }
    Ok(())
}

/// Hostile or empty deep links fall back to the first layer without an error. They link to
/// no layer, so the app starts on the reader's first sign of interest, not at once.
pub async fn hostile_deep_links(browser: &mut Browser) -> Res<()> {
    let long = "x".repeat(10 * 1024);
    let hostile = [
        "#%3Cscript%3E".to_owned(),
        "#<img src=x onerror=alert(1)>".to_owned(),
        format!("#{long}"),
        format!("?layer={long}"),
        "?layer=".to_owned(),
        "?layer=%00%FF".to_owned(),
    ];
    for link in &hostile {
        browser.open(link).await?;
        browser.show_interest().await?;
        // The first layer is prerendered: only the started app's choice proves the fallback
        // (and leaving the page mid-start would only test the engine's teardown).
        browser.wait_for_app_started().await?;
        browser.settle().await?;
        expect_layer(
            browser,
            0,
            &format!("hostile link {}", &link[..link.len().min(40)]),
        )
        .await?;
    }
    Ok(())
}

/// Choosing layers adds history entries; Back and Forward move between them.
pub async fn back_and_forward(browser: &mut Browser) -> Res<()> {
    browser.open("").await?;
    browser.click_tab(1).await?;
    browser.click_tab(3).await?;
    let steps = [
        (Go::Back, 1),
        (Go::Back, 0),
        (Go::Forward, 1),
        (Go::Forward, 3),
    ];
    for (step, layer) in steps {
        match step {
            Go::Back => browser.client.back().await,
            Go::Forward => browser.client.forward().await,
        }
        .map_err(|e| format!("{step:?}: {e}"))?;
        browser.settle().await?;
        let view = expect_layer(browser, layer, &format!("{step:?}")).await?;
        let address = if layer == 0 {
            String::new()
        } else {
            format!("?layer={}", slug(layer))
        };
        check(view.search == address, || {
            format!(
                "after {step:?} the address is {:?}, expected {address:?}",
                view.search
            )
        })?;
    }
    Ok(())
}

#[derive(Clone, Copy, Debug)]
enum Go {
    Back,
    Forward,
}

/// Presses Tab from the top of the page until a layer tab has focus; only the chosen one may
/// take it (roving tabindex), and within a few presses.
async fn tab_until_layer_tab(browser: &Browser) -> Res<()> {
    tab_until(browser, "[role=\"tab\"]").await?;
    let view = browser.layer_view().await?;
    check(view.focused_tab == view.selected, || {
        format!(
            "Tab reached tab {:?} but {:?} is chosen",
            view.focused_tab, view.selected
        )
    })
}

async fn tab_until(browser: &Browser, selector: &str) -> Res<()> {
    // A panel holds, before its Next, How we know under each of its blocks and quotes and a
    // Copy link per quote.
    const MOST_PRESSES: usize = 40;
    for _ in 0..MOST_PRESSES {
        browser.press(Key::Tab).await?;
        if browser.focused_matches(selector).await? {
            return Ok(());
        }
    }
    Err(format!(
        "{MOST_PRESSES} presses of Tab never reached {selector}"
    ))
}

/// The focused element shows a focus indicator: `:focus-visible` and a real outline.
pub async fn expect_visible_focus(browser: &Browser, what: &str) -> Res<()> {
    let outline = browser
        .js(
            "const el = document.activeElement; const style = getComputedStyle(el);
             return { visible: el.matches(':focus-visible'), style: style.outlineStyle, width: parseFloat(style.outlineWidth) };",
            vec![],
        )
        .await?;
    let shown = outline["visible"] == true
        && outline["style"] != "none"
        && outline["width"].as_f64().unwrap_or(0.0) >= 2.0;
    check(shown, || {
        format!("{what}: focus is not visible ({outline})")
    })
}

impl Browser {
    pub async fn focused_matches(&self, selector: &str) -> Res<bool> {
        let matches = self
            .js(
                "return document.activeElement.matches(arguments[0]);",
                vec![selector.into()],
            )
            .await?;
        Ok(matches == true)
    }
}
