//! "How we know" (issue 22): under each block of ours, the article's words behind it, on
//! demand. Opened by a click, by Enter and Space on its control, by a tap, inside a
//! cross-origin frame that grows to it, at a phone's width (without JavaScript:
//! `embedding::readable_without_javascript`); read once by a screen
//! reader where it stands, and printed open
//! (`print::print_gives_every_layer_on_paper` reads every passage on paper).

use super::embedding::FRAME_SETTLE;
use super::screenshots::save_scrolled_to;
use crate::browser::Browser;
use crate::modes::{each_case, Mode};
use crate::page::{check, slug};
use crate::wait::Poll;
use crate::Res;
use coalition_explainer::content::{Support, CONTENT};
use fantoccini::key::Key;
use serde_json::{json, Value};

/// The layer whose summary's support the scenarios open.
const LAYER: usize = 1;

/// The disclosure under that layer's summary.
fn disclosure() -> String {
    format!("#panel-{} details.support", slug(LAYER))
}

/// Words of its first passage, which must show once it is open.
fn first_passage() -> &'static str {
    let claim = &CONTENT.layers[LAYER].tagline;
    match &claim.support[0] {
        Support::Excerpt(words) => words,
        Support::Quote(quote) => quote.text,
    }
}

/// Whether the disclosure is open, whether its words are on screen, their text, and whether
/// they fit the viewport's width.
const STATE: &str = r#"
const details = document.querySelector(arguments[0]);
const body = details.querySelector('.support__body');
const box = body.getBoundingClientRect();
return {
  open: details.open,
  shown: body.checkVisibility() && box.height > 0,
  text: body.textContent.replace(/\s+/g, ' '),
  fits: box.right <= innerWidth + 1 && document.documentElement.scrollWidth <= innerWidth,
};"#;

async fn state(browser: &Browser) -> Res<Value> {
    browser.js(STATE, vec![disclosure().into()]).await
}

/// Waits until the disclosure is `open` (its words on screen and fitting the width) or closed.
async fn expect_open(browser: &Browser, open: bool, after: &str) -> Res<()> {
    let words = normalized(first_passage());
    let what = format!(
        "after {after}: How we know {}",
        if open { "open" } else { "closed" }
    );
    browser
        .poll(&what, FRAME_SETTLE, async |browser| {
            let now = state(browser).await?;
            let met = if open {
                now["open"] == json!(true)
                    && now["shown"] == json!(true)
                    && now["fits"] == json!(true)
                    && now["text"]
                        .as_str()
                        .is_some_and(|text| text.contains(&words))
            } else {
                now["open"] == json!(false) && now["shown"] == json!(false)
            };
            Ok(if met {
                Poll::Met(())
            } else {
                Poll::NotYet(now.to_string())
            })
        })
        .await
}

fn normalized(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// At `width`, top level, framed and from disk: closed at first; a click opens it; on its
/// focused control Enter closes it and Space opens it again.
pub async fn opens_by_click_and_keyboard(browser: &mut Browser, width: u32) -> Res<()> {
    browser.set_viewport(width, 900).await?;
    let link = format!("#{}", slug(LAYER));
    let cases: Vec<(Mode, String, ())> = Mode::ALL.iter().map(|&m| (m, link.clone(), ())).collect();
    each_case(browser, &cases, async |browser, mode, link, ()| {
        browser.open_in(mode, link).await?;
        expect_open(browser, false, "loading").await?;
        browser
            .click(&format!("{} > summary", disclosure()))
            .await?;
        expect_open(browser, true, "a click").await?;
        browser
            .js(
                "document.querySelector(arguments[0]).focus();",
                vec![format!("{} > summary", disclosure()).into()],
            )
            .await?;
        browser.press(Key::Enter).await?;
        expect_open(browser, false, "Enter").await?;
        browser.press(Key::Space).await?;
        expect_open(browser, true, "Space").await
    })
    .await
}

/// Framed cross-origin in a news article whose embed.js sizes the frame: opening a disclosure
/// makes the explainer taller, and the frame grows to it (no inner scrollbar).
pub async fn its_frame_grows_to_it(browser: &mut Browser) -> Res<()> {
    browser.set_viewport(1280, 900).await?;
    let article = browser.server.host_url("article.html", "index.html?embed");
    browser.goto(&article).await?;
    let result = async {
        // The article's frame loads lazily: a reader scrolls to it.
        browser
            .js("document.querySelector('iframe').scrollIntoView();", vec![])
            .await?;
        let before = frame_height_once_fitted(browser, 0.0).await?;
        let summary = format!("#panel-{} details.support > summary", slug(0));
        browser.scroll_article_to(&summary).await?;
        browser
            .in_explainer_frame(async |browser| {
                // A disclosure needs no app: the frame may not have started it yet.
                browser.click_now(&summary).await
            })
            .await?;
        let after = frame_height_once_fitted(browser, before).await?;
        check(after > before, || {
            format!("the frame stayed {before} px tall with How we know open")
        })
    }
    .await;
    let left = browser.goto("about:blank").await;
    result.and(left)
}

/// Waits until the article's frame is as tall as the explainer's document inside it, and
/// taller than `than`; returns that height.
async fn frame_height_once_fitted(browser: &Browser, than: f64) -> Res<f64> {
    const OUTSIDE: &str = "return document.querySelector('iframe[data-coalition-explainer]').getBoundingClientRect().height;";
    const INSIDE: &str = "const root = document.documentElement; return { ours: !!document.querySelector('.explainer'), height: root.getBoundingClientRect().height, scrolls: root.scrollHeight > root.clientHeight + 1 };";
    browser
        .poll(
            "the frame fitting its explainer",
            FRAME_SETTLE,
            async |browser| {
                let outside = browser.js(OUTSIDE, vec![]).await?.as_f64().unwrap_or(-1.0);
                let inside = browser
                    .in_explainer_frame(async |browser| browser.js(INSIDE, vec![]).await)
                    .await?;
                let height = inside["height"].as_f64().unwrap_or(-1.0);
                let fits = inside["ours"] == json!(true)
                    && (outside - height).abs() <= 2.0
                    && inside["scrolls"] == json!(false)
                    && height > than;
                Ok(if fits {
                    Poll::Met(height)
                } else {
                    Poll::NotYet(format!("frame {outside} px, inside {inside}"))
                })
            },
        )
        .await
}

/// A screen reader meets each passage once, where it stands: closed, the accessibility tree
/// holds a passage's words only where the page shows them outside any disclosure; open, once
/// more for each time the disclosure shows them. A copy elsewhere (say, one for print) would
/// add them again. Chromium's own tree, through DevTools.
pub async fn read_once_by_a_screen_reader(browser: &mut Browser) -> Res<()> {
    const SHOWN_TEXTS: &str = r#"
const [words, scope, opened] = arguments;
const norm = (t) => t.replace(/\s+/g, ' ');
const body = document.querySelector(opened).querySelector('.support__body');
const walker = document.createTreeWalker(document.querySelector(scope), NodeFilter.SHOW_TEXT);
let inside = 0, outside = 0;
for (let node = walker.nextNode(); node; node = walker.nextNode()) {
  if (!norm(node.data).includes(words)) continue;
  const el = node.parentElement;
  if (body.contains(el)) inside += 1;
  else if (!el.closest('.support__body') && el.checkVisibility()) outside += 1;
}
return [inside, outside];"#;
    browser.open(&format!("#{}", slug(LAYER))).await?;
    let words = normalized(first_passage());
    let panel = format!("#panel-{}", slug(LAYER));
    let texts = browser
        .js(
            SHOWN_TEXTS,
            vec![words.clone().into(), panel.into(), disclosure().into()],
        )
        .await?;
    let count = |i: usize| texts[i].as_u64().unwrap_or_default() as usize;
    let (inside, outside) = (count(0), count(1));
    let closed = count_in_tree(browser, &words).await?;
    browser
        .click(&format!("{} > summary", disclosure()))
        .await?;
    expect_open(browser, true, "a click").await?;
    let open = count_in_tree(browser, &words).await?;
    check(
        inside > 0 && closed == outside && open == outside + inside,
        || {
            format!(
            "{words:?} in the accessibility tree: {closed} times closed, {open} open; the page shows it {outside} times outside its disclosure and {inside} inside"
        )
        },
    )
}

/// How many of Chromium's accessibility nodes carry `words` as their own text.
async fn count_in_tree(browser: &Browser, words: &str) -> Res<usize> {
    let tree = browser
        .cdp("Accessibility.getFullAXTree", json!({}))
        .await?;
    let nodes = tree["nodes"].as_array().cloned().unwrap_or_default();
    Ok(nodes
        .iter()
        .filter(|node| node["role"]["value"] == json!("StaticText"))
        .filter(|node| {
            node["name"]["value"]
                .as_str()
                .is_some_and(|name| normalized(name).contains(words))
        })
        .count())
}

/// On the phone profile, a tap on the control opens it.
pub async fn opens_by_tap(browser: &mut Browser) -> Res<()> {
    browser.emulate_phone_screen().await?;
    let result = async {
        browser.open(&format!("#{}", slug(LAYER))).await?;
        browser.wait_for_app_started().await?;
        let summary = format!("{} > summary", disclosure());
        let centre = browser
            .js(
                "const el = document.querySelector(arguments[0]); el.scrollIntoView({ block: 'center' }); const r = el.getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2];",
                vec![summary.into()],
            )
            .await?;
        browser.settle().await?;
        let at = |i: usize| centre[i].as_f64().unwrap_or_default();
        browser.tap_at(at(0), at(1)).await?;
        expect_open(browser, true, "a tap").await
    }
    .await;
    let undone = browser.stop_emulating_phone_screen().await;
    result.and(undone)
}

/// Pictures: a layer's summary with How we know open, at a phone's and a desktop's width.
pub async fn support_screenshots(browser: &mut Browser) -> Res<()> {
    for width in [360, 1280] {
        browser.set_viewport(width, 900).await?;
        browser.open(&format!("#{}", slug(LAYER))).await?;
        browser
            .click(&format!("{} > summary", disclosure()))
            .await?;
        expect_open(browser, true, "a click").await?;
        save_scrolled_to(
            browser,
            &disclosure(),
            "center",
            &format!("{width}px-how-we-know"),
        )
        .await?;
    }
    Ok(())
}
