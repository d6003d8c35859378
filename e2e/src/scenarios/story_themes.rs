//! The newsroom's look (issue 23, item 5): each test story built with its content file's
//! `[theme]` (`cargo xtask build-fixture`) shows its own paper, text, accent and fonts in the
//! session's scheme, from our own stylesheet under the strict CSP (no `<style>`, no `style=`,
//! no violation), and in its `standalone.html` from disk; print and forced colours keep their
//! own; screenshots of each at 360 and 1280 px.

use super::screenshots::save;
use crate::browser::Browser;
use crate::engine::Scheme;
use crate::fixtures::{FixtureStory, SIX_LAYERS, UKRAINIAN};
use crate::page::check;
use crate::Res;
use content_compiler::content_schema::{Palette, Theme};
use content_compiler::model::Colour;
use serde_json::{json, Value};

/// Each test story in a theme of its own, with its name in the screenshots.
const STORIES: [(&str, &FixtureStory); 2] = [("uk", &UKRAINIAN), ("en", &SIX_LAYERS)];

pub async fn stories_in_their_own_themes(browser: &mut Browser) -> Res<()> {
    for (name, story) in STORIES {
        let file = story.content;
        let theme = crate::fixture_content(story)?
            .theme
            .as_ref()
            .ok_or_else(|| format!("{file} has no [theme]"))?;
        let site = crate::serve_fixture(story)?;
        for width in [360, 1280] {
            browser.set_viewport(width, 900).await?;
            browser.goto("about:blank").await?;
            browser.goto(&site.base_url).await?;
            browser.wait_until(STYLED_JS, "the stylesheet").await?;
            expect_theme(browser, theme, file, 0).await?;
            save(browser, &format!("story-{name}-{width}px")).await?;
            if width == 1280 {
                let outcome = expect_print_and_forced_colours_their_own(browser, theme).await;
                let scheme = browser.scheme;
                browser.emulate_media(scheme).await?;
                outcome.map_err(|e| format!("{file}: {e}"))?;
            }
            let problems = browser.take_page_problems().await?;
            check(problems.is_empty(), || {
                format!("{file} at {width} px: {problems:?}")
            })?;
        }
        // standalone.html from disk: the theme inlined with the rest of the stylesheet.
        let standalone = crate::fixture_site_folder(story).join("standalone.html");
        browser
            .goto(&format!("file://{}", standalone.display()))
            .await?;
        browser
            .wait_until(STYLED_JS, "the inlined stylesheet")
            .await?;
        expect_theme(browser, theme, file, 1).await?;
        let failed = site.failed_since(0);
        check(failed.is_empty(), || {
            format!("{file}'s site failed requests: {failed:?}")
        })?;
    }
    browser.goto("about:blank").await
}

/// The page's computed colours and fonts are `theme`'s in the session's scheme, and it has no
/// style but its one stylesheet, `inline` of them in a `<style>` (standalone.html's).
async fn expect_theme(browser: &Browser, theme: &Theme, file: &str, inline: usize) -> Res<()> {
    let palette = match browser.scheme {
        Scheme::Light => &theme.light,
        Scheme::Dark => &theme.dark,
    };
    let seen = browser.js(LOOK_JS, vec![]).await?;
    let expected = expected_look(palette, theme, inline);
    check(seen == expected, || {
        format!(
            "{file} in the {} scheme shows {seen}, expected {expected}",
            browser.scheme.name()
        )
    })
}

/// Print stays black on white in the stylesheet's own fonts, and forced colours keep the
/// system's: the theme is for screens in the author's colours only.
async fn expect_print_and_forced_colours_their_own(browser: &Browser, theme: &Theme) -> Res<()> {
    let scheme = json!({ "name": "prefers-color-scheme", "value": browser.scheme.name() });
    browser
        .cdp(
            "Emulation.setEmulatedMedia",
            json!({ "media": "print", "features": [scheme] }),
        )
        .await?;
    let printed = browser.js(LOOK_JS, vec![]).await?;
    let expected = (json!("rgb(255, 255, 255)"), json!("rgb(0, 0, 0)"));
    check(
        (printed["paper"].clone(), printed["text"].clone()) == expected
            && printed["bodyFont"] != json!(font(theme.body_font)),
        || format!("print should be black on white in our own fonts: {printed}"),
    )?;
    let forced = json!({ "name": "forced-colors", "value": "active" });
    browser
        .cdp(
            "Emulation.setEmulatedMedia",
            json!({ "features": [scheme, forced] }),
        )
        .await?;
    let palette = browser.js(FORCED_JS, vec![]).await?;
    let themed = [
        theme.light.paper,
        theme.dark.paper,
        theme.light.focus,
        theme.dark.focus,
    ];
    check(
        palette["accent"] == json!("Highlight")
            && themed
                .iter()
                .all(|colour| !palette.to_string().contains(colour)),
        || format!("forced colours should keep the system's and our own: {palette}"),
    )
}

fn expected_look(palette: &Palette, theme: &Theme, inline: usize) -> Value {
    let heading = match theme.heading_font {
        "" => theme.body_font,
        heading => heading,
    };
    json!({
        "paper": rgb(palette.paper),
        "text": rgb(palette.ink),
        "accent": rgb(palette.accent),
        "bodyFont": font(theme.body_font),
        "headingFont": font(heading),
        "inlineStyles": inline,
        "stylesheets": 1,
    })
}

/// `#rrggbb` as `getComputedStyle` writes it.
fn rgb(hex: &str) -> String {
    let [r, g, b] = Colour::parse(hex).map_or([0; 3], |colour| colour.0);
    format!("rgb({r}, {g}, {b})")
}

/// A font stack without its spaces and quotes, which engines write each their own way.
fn font(stack: &str) -> String {
    stack
        .chars()
        .filter(|c| !matches!(c, ' ' | '"' | '\''))
        .collect()
}

const STYLED_JS: &str = "return getComputedStyle(document.documentElement).getPropertyValue('--stylesheet').trim() === 'loaded';";

/// The page's background, its text colour, the chosen panel's accent rule, the fonts of the
/// body and the title, and what styles the page has: `<style>` elements and `style=`
/// attributes (none under the strict CSP), and its stylesheets (ours, one).
const LOOK_JS: &str = r#"
const style = (selector) => getComputedStyle(document.querySelector(selector));
const font = (selector) => style(selector).fontFamily.replace(/[\s"']/g, '');
const panel = [...document.querySelectorAll('[role=tabpanel]')].find((p) => !p.hidden);
return {
  paper: style('body').backgroundColor === 'rgba(0, 0, 0, 0)'
    ? style('html').backgroundColor
    : style('body').backgroundColor,
  text: style('body').color,
  accent: getComputedStyle(panel).borderTopColor,
  bodyFont: font('body'),
  headingFont: font('h1'),
  inlineStyles: document.querySelectorAll('style, [style]').length,
  stylesheets: document.styleSheets.length,
};
"#;

/// The palette's custom properties as specified (`light-dark(…)`, system colours).
const FORCED_JS: &str = r#"
const style = getComputedStyle(document.documentElement);
const value = (name) => style.getPropertyValue(name).trim();
return { accent: value('--accent'), paper: value('--paper'), focus: value('--focus') };
"#;
