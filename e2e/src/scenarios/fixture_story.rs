//! Any story: the three-layer Ukrainian test story (`tests/fixtures/three-layers-uk/`), built
//! to WASM like a newsroom's next explainer (`cargo xtask build-fixture`), served on a server
//! of its own and driven like the real one: its head written from its content file, a click
//! on its last layer, its position and announcement in Ukrainian, its update and correction;
//! screenshots of its last layer and its foot.

use super::accessibility::checkers_on_every_layer;
use super::screenshots::save;
use crate::browser::Browser;
use crate::page::check;
use crate::server::Server;
use crate::Res;
use content_compiler::content_schema::Content;
use serde_json::json;

/// Serves the story's site on a server of its own and opens it, once its tabs are there.
async fn open_story(browser: &Browser, story: &Content) -> Res<Server> {
    let site = crate::serve_fixture(&crate::fixtures::UKRAINIAN)?;
    browser.goto("about:blank").await?;
    browser.goto(&site.base_url).await?;
    let total = story.layers.len();
    browser
        .wait_until(
            &format!("return document.querySelectorAll('[role=tab]').length === {total};"),
            "the story's own number of tabs",
        )
        .await?;
    Ok(site)
}

pub async fn a_three_layer_ukrainian_story_works(browser: &mut Browser) -> Res<()> {
    let story = crate::fixture_content(&crate::fixtures::UKRAINIAN)?;
    let site = open_story(browser, story).await?;
    let total = story.layers.len();
    expect_head(browser, story).await?;
    let last = &story.layers[total - 1];
    browser.click(&format!("#tab-{}", last.slug)).await?;
    let shown = browser.js(SHOWN_JS, vec![json!(last.slug)]).await?;
    check(
        shown["panels"] == json!([format!("panel-{}", last.slug)]),
        || format!("after a click on {}, the page shows {shown}", last.slug),
    )?;
    let position = story.ui.position(total, total);
    check(
        shown["panelText"]
            .as_str()
            .unwrap_or_default()
            .contains(&position),
        || format!("the panel does not say {position:?}: {shown}"),
    )?;
    let announcement = story.ui.announcement(last.name, total, total);
    check(shown["announcer"] == json!(announcement), || {
        format!("the live region should say {announcement:?}: {shown}")
    })?;
    check(
        shown["search"] == json!(format!("?layer={}", last.slug)),
        || format!("the address should name {}: {shown}", last.slug),
    )?;
    let updated = story.meta.updated.as_ref().ok_or("the story is updated")?;
    check(
        shown["updated"] == json!(format!("{} {}", story.ui.updated, updated.label)),
        || format!("the foot should say when it was updated: {shown}"),
    )?;
    check(
        shown["corrections"] == json!(story.corrections.len()),
        || format!("the foot should list the corrections: {shown}"),
    )?;
    save(browser, "fixture-uk-last-layer").await?;
    browser
        .js(
            "document.querySelector('.credits').scrollIntoView();",
            vec![],
        )
        .await?;
    save(browser, "fixture-uk-foot").await?;
    let failed = site.failed_since(0);
    check(failed.is_empty(), || {
        format!("the test story's site failed requests: {failed:?}")
    })
}

/// No checker (axe, IBM's, HTML_CodeSniffer) finds anything on any layer of the story, its
/// disclosures closed and open, at phone and desktop width.
pub async fn the_ukrainian_story_passes_the_checkers(browser: &mut Browser) -> Res<()> {
    let story = crate::fixture_content(&crate::fixtures::UKRAINIAN)?;
    for width in [360, 1280] {
        browser.set_viewport(width, 900).await?;
        let site = open_story(browser, story).await?;
        let context = format!("the test story at {width} px");
        checkers_on_every_layer(browser, &context).await?;
        let failed = site.failed_since(0);
        check(failed.is_empty(), || {
            format!("the test story's site failed requests: {failed:?}")
        })?;
    }
    Ok(())
}

/// `lang`, title and `dateModified`, all written from the content file by the prerender.
async fn expect_head(browser: &Browser, story: &Content) -> Res<()> {
    let head = browser.js(HEAD_JS, vec![]).await?;
    let updated = story.meta.updated.as_ref().map(|day| day.iso);
    let expected = json!({
        "lang": story.meta.lang,
        "title": story.meta.title,
        "modified": updated,
        "modifiedTime": updated,
    });
    check(head == expected, || {
        format!("the head is {head}, expected {expected}")
    })
}

const HEAD_JS: &str = r#"
const content = (selector) => document.querySelector(selector)?.content ?? null;
return {
  lang: document.documentElement.lang,
  title: document.title,
  modified: content('meta[itemprop="dateModified"]'),
  modifiedTime: content('meta[property="article:modified_time"]'),
};
"#;

/// What a reader sees: the panels on screen, the shown panel's text, the live region, the
/// address, and the foot's update line and corrections.
const SHOWN_JS: &str = r#"
const onScreen = (e) => e.checkVisibility({ visibilityProperty: true });
const panels = [...document.querySelectorAll('[role=tabpanel]')].filter(onScreen);
const text = (e) => (e ? e.textContent.replace(/\s+/g, ' ').trim() : null);
return {
  panels: panels.map((p) => p.id),
  panelText: text(panels[0]),
  announcer: text(document.querySelector('.announcer')),
  search: location.search,
  updated: text(document.querySelector('.credits__updated')),
  corrections: document.querySelectorAll('.credits__corrections li').length,
};
"#;
