//! Links to one quote (issue 13, items 1, 2 and 4): `#q-<id>` and `?quote=<id>` open the
//! quote's layer from the first paint, mark it, bring it into view and focus it, in every
//! mode; a link through the host article reaches the quote inside the frame; Copy link copies,
//! or shows the link selected where copying is refused; the host page hears the reader's
//! choices as DOM events on the iframe; hostile links and forged messages change nothing.

use crate::browser::Browser;
use crate::engine::Engine;
use crate::modes::{each_case, Mode};
use crate::page::{check, layer_count, slug, Failures};
use crate::scenarios::first_paint::first_frames_checking;
use crate::wait::Poll;
use crate::Res;
use coalition_explainer::content::CONTENT;
use coalition_explainer::quote_link::linkable_quotes;
use serde_json::json;
use std::time::Duration;

/// How long the host page may take to load the frame, size it and scroll to the quote.
const HOST_SETTLE: Duration = Duration::from_secs(30);

/// A quote the last layer holds, and one in a section outside the layers.
fn quotes_to_link() -> [(&'static str, Option<usize>); 2] {
    let quotes = linkable_quotes();
    let in_last_layer = *quotes
        .iter()
        .find(|(_, layer)| *layer == Some(layer_count() - 1))
        .expect("the last layer holds quotes");
    let outside = *quotes
        .iter()
        .find(|(_, layer)| layer.is_none())
        .expect("a section outside the layers holds quotes");
    [in_last_layer, outside]
}

/// What the page shows of quote `id`: marked, focused, on screen (in this document's viewport).
const QUOTE_STATE: &str = r#"const quote = document.getElementById('q-' + arguments[0]);
if (!quote) return null;
const box = quote.getBoundingClientRect();
return {
  marked: quote.hasAttribute('data-linked'),
  marks: document.querySelectorAll('[data-linked]').length,
  focused: document.activeElement === quote,
  top: box.top,
  bottom: box.bottom,
  // Scrolled to by the browser (a fragment) or by the loader: within a pixel of the top.
  inView: box.top > -2 && box.top < innerHeight,
  outline: getComputedStyle(quote).boxShadow,
};"#;

/// Both link forms for a quote in the last layer in every mode, and for a quote outside the
/// layers at top level: the layer is right from the first frame, then the quote is marked
/// (alone), focused and, outside a frame, on screen. (Engines refuse a frame from another
/// origin to move focus before the reader has touched it: there the quote is marked only.)
pub async fn quote_links_open_their_quote(browser: &mut Browser) -> Res<()> {
    let [(in_layer, layer), (outside, _)] = quotes_to_link();
    let mut cases = Vec::new();
    for mode in Mode::ALL {
        cases.push((
            mode,
            format!("#q-{in_layer}"),
            (in_layer, layer.unwrap_or(0)),
        ));
        cases.push((
            mode,
            format!("?quote={in_layer}"),
            (in_layer, layer.unwrap_or(0)),
        ));
    }
    cases.push((Mode::TopLevel, format!("#q-{outside}"), (outside, 0)));
    each_case(
        browser,
        &cases,
        async |browser, mode, link, &(id, layer)| {
            // The loader alone, with the app held back: marked, focused and in view already.
            let held = async |browser: &Browser| quote_shown(browser, mode, id).await;
            first_frames_checking(browser, mode, link, layer, held).await?;
            // The app's takeover keeps the mark (it never renders that attribute).
            let state = browser.js(QUOTE_STATE, vec![json!(id)]).await?;
            check(
                state["marked"] == json!(true) && state["marks"] == json!(1),
                || format!("after the app started: {state}"),
            )
        },
    )
    .await
}

/// Waits until quote `id` is marked and (outside a frame) focused, then checks it is the only
/// one marked, set off, and (outside a frame) on screen.
async fn quote_shown(browser: &Browser, mode: Mode, id: &str) -> Res<()> {
    let state = browser
        .poll_script(
            "the linked quote marked and focused",
            HOST_SETTLE,
            QUOTE_STATE,
            vec![json!(id)],
            |s| s["marked"] == json!(true) && (s["focused"] == json!(true) || mode == Mode::Framed),
        )
        .await?;
    check(state["marks"] == json!(1), || {
        format!("{} quotes marked", state["marks"])
    })?;
    check(state["outline"] != json!("none"), || {
        "the linked quote is not set off".to_owned()
    })?;
    check(
        mode == Mode::Framed || state["inView"] == json!(true),
        || format!("the linked quote is not on screen: {state}"),
    )
}

/// `#q-` and `?quote=` links that name no quote, however hostile, open the first layer, mark
/// nothing and say nothing on the console (the suite checks it after every scenario).
pub async fn hostile_quote_links_change_nothing(browser: &mut Browser) -> Res<()> {
    let long = format!("#q-{}", "a".repeat(4000));
    let mut failures = Failures::default();
    for link in [
        "#q-",
        "#q-no-such-quote",
        "#q-%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E",
        "#q-<script>alert(1)</script>",
        "?quote=%22%3E%3Cscript%3E",
        "?quote=",
        long.as_str(),
    ] {
        let outcome = async {
            browser.open(link).await?;
            browser.show_interest().await?;
            browser.wait_for_app_started().await?;
            let marks = browser
                .js(
                    "return document.querySelectorAll('[data-linked]').length;",
                    vec![],
                )
                .await?;
            check(marks == json!(0), || format!("{marks} quotes marked"))?;
            let view = browser.layer_view().await?;
            check(view.selected == Some(0), || {
                format!("{:?} was chosen", view.selected)
            })
        }
        .await;
        failures.note(link, outcome);
    }
    failures.into_result()
}

/// A reader follows `https://news.example/article#explainer-q-<id>`: embed.js hands the frame
/// the link, the article scrolls so the quote is on screen, the quote is marked in the frame.
/// Then the host page hears the reader's choice of layer and copy of a link as DOM events on
/// the iframe, and the copied link goes through the article.
pub async fn host_article_links_reach_the_quote(browser: &mut Browser) -> Res<()> {
    let [(id, layer), _] = quotes_to_link();
    let article = browser.server.host_url("article.html", "index.html?embed");
    browser.set_viewport(1280, 800).await?;
    browser.goto("about:blank").await?;
    browser.goto(&format!("{article}#explainer-q-{id}")).await?;
    let outcome = async {
        quote_on_the_article_screen(browser, id).await?;
        browser
            .in_explainer_frame(async |browser| {
                let state = browser.js(QUOTE_STATE, vec![json!(id)]).await?;
                check(state["marked"] == json!(true), || {
                    format!("the quote is not marked in the frame: {state}")
                })?;
                let view = browser.layer_view().await?;
                check(view.selected == Some(layer.unwrap_or(0)), || {
                    format!("the frame shows {:?}", view.selected)
                })
            })
            .await?;
        events_reach_the_host(browser, id, &article).await
    }
    .await;
    let left = browser.leave(Mode::TopLevel).await;
    outcome.and(left)
}

/// Polls until the quote inside the frame is on the article's screen.
async fn quote_on_the_article_screen(browser: &Browser, id: &str) -> Res<()> {
    browser
        .poll("the quote on the article's screen", HOST_SETTLE, async |browser| {
            let frame = browser
                .js(
                    "const f = document.querySelector('iframe'); const b = f.getBoundingClientRect(); return { top: b.top, height: b.height, hash: new URL(f.src).hash, scrolled: scrollY, screen: innerHeight };",
                    vec![],
                )
                .await?;
            let inside = browser.in_explainer_frame(async |browser| {
                browser.js(QUOTE_STATE, vec![json!(id)]).await
            })
            .await?;
            let top = frame["top"].as_f64().unwrap_or(f64::NAN)
                + inside["top"].as_f64().unwrap_or(f64::NAN);
            let screen = frame["screen"].as_f64().unwrap_or(0.0);
            Ok(
                if frame["hash"] == json!(format!("#q-{id}")) && (0.0..screen - 40.0).contains(&top) {
                    Poll::Met(())
                } else {
                    Poll::NotYet(format!("frame {frame}, quote in it {inside}"))
                },
            )
        })
        .await
}

/// A layer chosen and a link copied in the frame reach the host as events on the iframe,
/// carrying only what the reader looked at; the copied link goes through the article.
async fn events_reach_the_host(browser: &Browser, id: &str, article: &str) -> Res<()> {
    // A forged event from a window that is not the explainer's frame: never dispatched.
    browser
        .js(
            "window.postMessage({ type: 'coalition-explainer:layer', slug: 'forged', index: 1, total: 4 }, '*');",
            vec![],
        )
        .await?;
    browser
        .scroll_article_to(&format!("#tab-{}", slug(1)))
        .await?;
    let link = browser.in_explainer_frame(async |browser| {
        // A forged article address from the frame's own window: ignored (only the parent may).
        browser
            .js(
                "window.postMessage({ type: 'coalition-explainer:host', url: 'https://forged.example/' }, '*');",
                vec![],
            )
            .await?;
        browser.click_tab(1).await?;
        copy_link_outcome(browser, id, false).await
    })
    .await?;
    check(
        link.starts_with(article.split('#').next().unwrap_or(article)),
        || format!("the copied link {link:?} does not go through the article {article}"),
    )?;
    check(link.ends_with(&format!("#explainer-q-{id}")), || {
        format!("the copied link {link:?} does not name the quote")
    })?;
    let wanted = json!([
        { "type": "coalition-explainer:layer", "slug": slug(1), "index": 2, "total": layer_count() },
        { "type": "coalition-explainer:quote-link", "quote": id },
    ]);
    let what = format!("the host hearing {wanted}");
    browser
        .poll_script(
            &what,
            HOST_SETTLE,
            "return window.__hostEvents.filter(e => e.type !== 'coalition-explainer:quote');",
            vec![],
            |events| *events == wanted,
        )
        .await
        .map(drop)
}

/// Presses the quote's Copy link and returns the link it copied, or showed selected where
/// copying was refused (then the box holds it, focused and wholly selected). A `pointer`
/// press is a real one (WebDriver's); else a script's click, which no engine lets write to the
/// clipboard (a frame from another origin cannot scroll its article to a button).
async fn copy_link_outcome(browser: &Browser, id: &str, pointer: bool) -> Res<String> {
    let button = format!("#q-{id} .quote__copy");
    // Records what the page asks to copy, and lets the engine decide as before.
    browser
        .js(
            "const clipboard = navigator.clipboard; window.__e2eCopied = null;
             if (clipboard) { const write = clipboard.writeText.bind(clipboard);
               clipboard.writeText = (text) => { window.__e2eCopied = text; return write(text); }; }",
            vec![],
        )
        .await?;
    if pointer {
        browser
            .js(
                "document.querySelector(arguments[0]).scrollIntoView({ block: 'center' });",
                vec![json!(button)],
            )
            .await?;
        browser.click(&button).await?;
    } else {
        browser
            .js(
                "document.querySelector(arguments[0]).click();",
                vec![json!(button)],
            )
            .await?;
    }
    let outcome = browser
        .poll_script(
            "the copy's outcome",
            HOST_SETTLE,
            r#"const quote = document.getElementById('q-' + arguments[0]);
const status = quote.querySelector('.quote__status').textContent;
const box = quote.querySelector('.quote__url');
return { status, shown: box ? box.value : null, focused: document.activeElement === box,
  selected: box ? box.selectionStart === 0 && box.selectionEnd === box.value.length : false,
  name: quote.querySelector('.quote__copy').textContent };"#,
            vec![json!(id)],
            |outcome| outcome["status"] != json!(""),
        )
        .await?;
    let speaker = CONTENT
        .layers
        .iter()
        .flat_map(|layer| layer.quotes)
        .chain(CONTENT.why_now.quotes)
        .find(|quote| quote.id == id)
        .map(|quote| quote.speaker)
        .unwrap_or_default();
    check(
        outcome["name"]
            .as_str()
            .unwrap_or_default()
            .contains(speaker),
        || {
            format!(
                "the button's name does not name {speaker}: {}",
                outcome["name"]
            )
        },
    )?;
    if outcome["status"] == json!(CONTENT.ui.link_copied) {
        return copied_text(browser).await;
    }
    check(
        outcome["status"] == json!(CONTENT.ui.link_copy_failed),
        || format!("the status said {}", outcome["status"]),
    )?;
    check(
        // Focus follows only a real press (see above).
        (outcome["focused"] == json!(true) || !pointer) && outcome["selected"] == json!(true),
        || format!("the refused link is not shown focused and selected: {outcome}"),
    )?;
    Ok(outcome["shown"].as_str().unwrap_or_default().to_owned())
}

/// What the page copied. Chromium lets the page read the clipboard back (with permission), so
/// there the clipboard itself must hold it; elsewhere the text handed to it has to do.
async fn copied_text(browser: &Browser) -> Res<String> {
    let handed = browser.js("return window.__e2eCopied;", vec![]).await?;
    let handed = handed.as_str().unwrap_or_default().to_owned();
    if browser.engine != Engine::Chromium {
        return Ok(handed);
    }
    let text = browser
        .js_async(
            "const done = arguments[0]; navigator.clipboard.readText().then(done, e => done('read failed: ' + e));",
            vec![],
        )
        .await?;
    check(text == json!(handed), || {
        format!("the clipboard holds {text}, not {handed:?}")
    })?;
    Ok(handed)
}

/// Copy link at top level with the clipboard allowed and refused (Chromium sets both through
/// DevTools; the other engines decide themselves, and either outcome must be whole).
pub async fn copy_link_with_and_without_permission(browser: &mut Browser) -> Res<()> {
    let [(id, _), _] = quotes_to_link();
    let own_link = format!("{}/index.html#q-{id}", browser.server.base_url);
    let mut failures = Failures::default();
    for allowed in [true, false] {
        let outcome = async {
            set_clipboard_permission(browser, allowed).await?;
            browser.open(&format!("#q-{id}")).await?;
            browser.wait_for_app_started().await?;
            let link = copy_link_outcome(browser, id, true).await?;
            let expected_status = if allowed { CONTENT.ui.link_copied } else { CONTENT.ui.link_copy_failed };
            let status = browser
                .js(
                    "return document.querySelector('#q-' + arguments[0] + ' .quote__status').textContent;",
                    vec![json!(id)],
                )
                .await?;
            if browser.engine == Engine::Chromium {
                check(status == json!(expected_status), || {
                    format!("with the clipboard {}: {status}", if allowed { "allowed" } else { "refused" })
                })?;
            }
            check(link == own_link, || {
                format!("copied {link:?}, not {own_link:?}")
            })
        }
        .await;
        failures.note(if allowed { "allowed" } else { "refused" }, outcome);
    }
    set_clipboard_permission(browser, true).await?;
    failures.into_result()
}

async fn set_clipboard_permission(browser: &Browser, allowed: bool) -> Res<()> {
    if browser.engine != Engine::Chromium {
        return Ok(());
    }
    let setting = if allowed { "granted" } else { "denied" };
    // Plain text is a sanitized write; reading back needs its own permission.
    for permission in [
        json!({ "name": "clipboard-write" }),
        json!({ "name": "clipboard-write", "allowWithoutSanitization": true }),
        json!({ "name": "clipboard-read" }),
    ] {
        let params = json!({ "permission": permission, "setting": setting, "origin": browser.server.base_url });
        browser.cdp("Browser.setPermission", params).await?;
    }
    Ok(())
}

/// Pictures of a linked quote (marked) at phone and desktop width, and of its Copy link's
/// outcome (the link shown selected where the clipboard is refused: Chromium, by DevTools).
pub async fn quote_link_screenshots(browser: &mut Browser) -> Res<()> {
    let [(id, _), _] = quotes_to_link();
    for width in [390, 1280] {
        browser.set_viewport(width, 800).await?;
        browser.open(&format!("#q-{id}")).await?;
        browser.wait_for_app_started().await?;
        browser
            .poll_script(
                "the linked quote marked",
                HOST_SETTLE,
                QUOTE_STATE,
                vec![json!(id)],
                |s| s["marked"] == json!(true),
            )
            .await?;
        super::screenshots::save(browser, &format!("quote-link-{width}px")).await?;
        set_clipboard_permission(browser, false).await?;
        let outcome = copy_link_outcome(browser, id, true).await;
        set_clipboard_permission(browser, true).await?;
        outcome?;
        super::screenshots::save(browser, &format!("quote-link-copied-{width}px")).await?;
    }
    Ok(())
}
