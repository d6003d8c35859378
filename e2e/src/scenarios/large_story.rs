//! A large story stays usable (issue 23, item 7): the eight-layer test story
//! (`tests/fixtures/eight-layers-en/`, 52 quotes), built like a newsroom's next explainer
//! (`cargo xtask build-fixture`) and served on a server of its own. At 360 and 1280 px every
//! layer opens by a click and by the keyboard, a deep link opens layer 8 and a quote link
//! a quote of layer 7, the page reports no problem, and a screenshot of the drawing and the
//! tabs is taken at each width for a person to look at.

use super::screenshots::save;
use crate::browser::Browser;
use crate::fixtures::EIGHT_LAYERS;
use crate::page::check;
use crate::server::Server;
use crate::Res;
use content_compiler::content_schema::Content;
use fantoccini::key::Key;
use serde_json::{json, Value};
use std::time::Duration;

/// Far above what a layer change or a page's start takes, even on a busy machine.
const WITHIN: Duration = Duration::from_secs(30);

/// The tab selected, the panels on screen, the focused tab and the address, by slug.
const SHOWN_JS: &str = r#"
const slug = (e, prefix) => e.id.slice(prefix.length);
const tabs = [...document.querySelectorAll('[role=tab]')];
const onScreen = (e) => e.checkVisibility({ visibilityProperty: true });
return {
  tabs: tabs.length,
  selected: tabs.filter((t) => t.getAttribute('aria-selected') === 'true').map((t) => slug(t, 'tab-')),
  panels: [...document.querySelectorAll('[role=tabpanel]')].filter(onScreen).map((p) => slug(p, 'panel-')),
  focused: tabs.includes(document.activeElement) ? slug(document.activeElement, 'tab-') : null,
  search: location.search,
};"#;

/// Whether quote `arguments[0]` is marked as the linked one, focused and on screen.
const QUOTE_JS: &str = r#"
const quote = document.getElementById('q-' + arguments[0]);
if (!quote) return null;
const box = quote.getBoundingClientRect();
return {
  marked: quote.hasAttribute('data-linked'),
  focused: document.activeElement === quote,
  inView: box.bottom > 0 && box.top < innerHeight,
};"#;

pub async fn an_eight_layer_story_works(browser: &mut Browser) -> Res<()> {
    let story = crate::fixture_content(&EIGHT_LAYERS)?;
    let quotes: usize = story.layers.iter().map(|layer| layer.quotes.len()).sum();
    check(story.layers.len() == 8 && quotes >= 50, || {
        format!(
            "the large story has {} layers and {quotes} quotes",
            story.layers.len()
        )
    })?;
    let site = crate::serve_fixture(&EIGHT_LAYERS)?;
    for width in [360, 1280] {
        browser.set_viewport(width, 900).await?;
        every_layer_by_click(browser, &site, story).await?;
        every_layer_by_keyboard(browser, &site, story).await?;
        deep_links(browser, &site, story).await?;
        open(browser, &site, "").await?;
        save(browser, &format!("eight-layers-{width}px")).await?;
        let problems = browser.take_page_problems().await?;
        check(problems.is_empty(), || {
            format!("at {width} px the page reported {problems:?}")
        })?;
    }
    let failed = site.failed_since(0);
    check(failed.is_empty(), || {
        format!("the large story's site failed requests: {failed:?}")
    })
}

/// Loads `query` on the story's site afresh and waits for its eight tabs.
async fn open(browser: &Browser, site: &Server, query: &str) -> Res<()> {
    browser.goto("about:blank").await?;
    browser.goto(&format!("{}/{query}", site.base_url)).await?;
    browser
        .wait_until(
            "return document.querySelectorAll('[role=tab]').length === 8;",
            "the story's eight tabs",
        )
        .await
}

/// Waits until layer `slug` is chosen: its tab selected, its panel alone on screen and, once
/// the app has written it, the address naming it; returns what the page showed.
async fn expect_layer(browser: &Browser, slug: &str, after: &str) -> Res<Value> {
    let search = format!("?layer={slug}");
    browser
        .poll_script(
            &format!("layer {slug} shown after {after}"),
            WITHIN,
            SHOWN_JS,
            vec![],
            |shown| {
                shown["selected"] == json!([slug])
                    && shown["panels"] == json!([slug])
                    && shown["search"] == json!(search)
            },
        )
        .await
}

/// A real click on each tab in turn, from the last to the first, so every click changes the
/// layer (the first is chosen when the page opens).
async fn every_layer_by_click(browser: &Browser, site: &Server, story: &Content) -> Res<()> {
    open(browser, site, "").await?;
    for layer in story.layers.iter().rev() {
        browser.click(&format!("#tab-{}", layer.slug)).await?;
        expect_layer(browser, layer.slug, "a click on its tab").await?;
    }
    Ok(())
}

/// Focus on the first tab, then the right arrow through all eight, End and Home: focus
/// follows the choice.
async fn every_layer_by_keyboard(browser: &Browser, site: &Server, story: &Content) -> Res<()> {
    open(browser, site, "").await?;
    let slugs: Vec<&str> = story.layers.iter().map(|layer| layer.slug).collect();
    let (first, last) = (slugs[0], slugs[slugs.len() - 1]);
    // Tab from the page's start reaches the chosen tab (a roving tabindex: only it is in the
    // tab order), after whatever comes before the tabs.
    browser
        .poll(
            "Tab reaching the first layer's tab",
            WITHIN,
            async |browser| {
                browser.press(Key::Tab).await?;
                let shown = browser.js(SHOWN_JS, vec![]).await?;
                Ok(if shown["focused"] == json!(first) {
                    crate::wait::Poll::Met(())
                } else {
                    crate::wait::Poll::NotYet(shown.to_string())
                })
            },
        )
        .await?;
    let mut steps: Vec<(Key, &str)> = slugs[1..].iter().map(|&slug| (Key::Right, slug)).collect();
    steps.extend([(Key::Home, first), (Key::End, last)]);
    for (key, slug) in steps {
        browser.press(key).await?;
        let shown = expect_layer(browser, slug, &format!("{key:?}")).await?;
        check(shown["focused"] == json!(slug), || {
            format!("after {key:?} focus is not on {slug}'s tab: {shown}")
        })?;
    }
    Ok(())
}

/// `?layer=` naming layer 8, and both forms of a link to a quote of layer 7, as the app shows
/// them once it has taken over: a link loads it at once, and leaving while it starts would cut
/// its script short (Firefox reports that).
async fn deep_links(browser: &Browser, site: &Server, story: &Content) -> Res<()> {
    let eighth = story.layers[7].slug;
    open(browser, site, &format!("?layer={eighth}")).await?;
    browser.wait_for_app_started().await?;
    expect_layer(browser, eighth, "a deep link").await?;
    let seventh = &story.layers[6];
    let quote = seventh.quotes.last().ok_or("layer 7 holds quotes")?.id;
    for link in [format!("?quote={quote}"), format!("#q-{quote}")] {
        open(browser, site, &link).await?;
        browser.wait_for_app_started().await?;
        let state = browser
            .poll_script(
                &format!("{link}: the quote marked, focused and on screen"),
                WITHIN,
                QUOTE_JS,
                vec![json!(quote)],
                |s| {
                    s["marked"] == json!(true)
                        && s["focused"] == json!(true)
                        && s["inView"] == json!(true)
                },
            )
            .await?;
        let shown = browser.js(SHOWN_JS, vec![]).await?;
        check(shown["panels"] == json!([seventh.slug]), || {
            format!("{link} shows {shown} ({state})")
        })?;
    }
    Ok(())
}
