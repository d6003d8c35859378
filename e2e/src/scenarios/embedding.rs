//! Where newsrooms put the explainer (issue 4): under a strict Content-Security-Policy, with
//! JavaScript off, as one file opened from disk, and framed in a news article by pym.js and by
//! our own embed code, at phone and desktop widths.

use crate::browser::Browser;
use crate::page::{check, expect_static_view, layer_count, slug, STATIC_VIEW_FN};
use crate::server::STRICT_CSP;
use crate::Res;
use serde_json::{json, Value};
use std::time::Duration;

/// How long a frame may take to load its app and settle its height on 2 busy cores.
pub(super) const FRAME_SETTLE: Duration = Duration::from_secs(30);
/// pym.js, embed.js and iframe-resizer round heights; the issue allows ±2 px.
pub(super) const HEIGHT_TOLERANCE: f64 = 2.0;

/// The suite's server sends the strict policy on every response, so every scenario runs under
/// it (a violation is a console error, and the probe records `securitypolicyviolation`). This
/// one proves the header is really there, and walks every layer under it.
pub async fn served_under_strict_csp(browser: &mut Browser) -> Res<()> {
    browser.open("").await?;
    let header = browser
        .js_async(
            "const done = arguments[0]; fetch(location.href).then(r => done(r.headers.get('content-security-policy')), e => done(String(e)));",
            vec![],
        )
        .await?;
    check(header == json!(STRICT_CSP), || {
        format!("the page was served with CSP {header}, not the strict one")
    })?;
    for layer in (0..layer_count()).rev() {
        browser.click_tab(layer).await?;
    }
    Ok(())
}

/// With scripting off (a frame sandboxed without `allow-scripts`, the same as JavaScript
/// disabled: `<noscript>` applies), every layer and quote is shown and the app's controls are not;
/// each How we know opens on a click.
pub async fn readable_without_javascript(browser: &mut Browser) -> Res<()> {
    browser.open("").await?;
    let script = format!(
        r#"{STATIC_VIEW_FN}
const done = arguments[0];
const frame = document.createElement('iframe');
frame.sandbox = 'allow-same-origin';
frame.src = './index.html';
frame.width = '360';
frame.height = '800';
frame.onload = () => {{
  const doc = frame.contentDocument;
  const report = staticView(doc);
  report.scriptsRan = doc.documentElement.classList.contains('embedded') || !!frame.contentWindow.__e2e;
  // How we know: a reader's click on each control opens it, its words on screen.
  const disclosures = [...doc.querySelectorAll('details.support')];
  disclosures.forEach((details) => details.querySelector('summary').click());
  report.disclosures = disclosures.length;
  report.disclosuresShown = disclosures.filter((details) => {{
    const body = details.querySelector('.support__body');
    return details.open && body.checkVisibility() && body.getBoundingClientRect().height > 0;
  }}).length;
  frame.remove();
  done(report);
}};
document.body.append(frame);"#
    );
    let report = browser.js_async(&script, vec![]).await?;
    // The browser says it blocked the frame's scripts: that is this scenario's very setup.
    only_expected_console_lines(browser, "Blocked script execution").await?;
    check(report["scriptsRan"] == json!(false), || {
        format!("scripts ran in the no-script frame: {report}")
    })?;
    expect_static_view(&report, "without JavaScript")?;
    let disclosures = report["disclosures"].as_u64().unwrap_or_default();
    check(
        disclosures > 0 && report["disclosuresShown"].as_u64() == Some(disclosures),
        || format!("without JavaScript, How we know opens on a click: {report}"),
    )
}

/// `dist/standalone.html` opened from disk: the deep link opens its layer and a click works.
pub async fn standalone_file_works_from_disk(browser: &mut Browser) -> Res<()> {
    let file = crate::dist_folder().join("standalone.html");
    let file = file
        .canonicalize()
        .map_err(|e| format!("{}: {e}", file.display()))?;
    let result = async {
        browser
            .goto(&format!("file://{}#{}", file.display(), slug(2)))
            .await?;
        browser
            .wait_until(
                &format!(
                    "return document.querySelector('[aria-selected=true]')?.id === 'tab-{}';",
                    slug(2)
                ),
                "the deep link from disk",
            )
            .await?;
        browser
            .js(
                &format!("document.querySelector('#tab-{}').click();", slug(1)),
                vec![],
            )
            .await?;
        browser
            .wait_until(
                &format!(
                    "return !document.querySelector('#panel-{}').hidden;",
                    slug(1)
                ),
                "a click from disk",
            )
            .await
    }
    .await;
    // The next scenario's page problems are read from a served page, not from this file.
    browser.goto("about:blank").await?;
    result
}

/// The demo article embeds the explainer with pym.js and with embed.js: at `width`, after
/// loading and after each layer change, each frame is exactly as tall as its content and
/// scrolls nothing inside.
pub async fn demo_frames_fit_their_content(browser: &mut Browser, width: u32) -> Res<()> {
    browser.set_viewport(width, 900).await?;
    let result = async {
        browser.goto(&format!("{}/demo/index.html", browser.server.base_url)).await?;
        frames_fit(browser, "after loading").await?;
        for layer in (0..layer_count()).rev() {
            let script = format!(
                "for (const f of document.querySelectorAll('iframe')) f.contentDocument.querySelector('#tab-{}').click();",
                slug(layer)
            );
            browser.js(&script, vec![]).await?;
            frames_fit(browser, &format!("after choosing {}", slug(layer))).await?;
        }
        Ok(())
    }
    .await;
    browser.goto("about:blank").await?;
    result
}

/// Inside `sandbox="allow-scripts allow-same-origin allow-popups"` the app runs: a deep link,
/// a click, and embed.js still sizes the frame.
pub async fn works_in_a_sandboxed_frame(browser: &mut Browser) -> Res<()> {
    let result = async {
        browser.goto(&format!("{}/demo/index.html", browser.server.base_url)).await?;
        let script = format!(
            "document.querySelectorAll('iframe, .embed-slot').forEach(e => e.remove());
             const frame = document.createElement('iframe');
             frame.sandbox = 'allow-scripts allow-same-origin allow-popups';
             frame.src = '../index.html?embed&layer={}';
             frame.title = 'sandboxed';
             frame.width = '100%';
             frame.height = '300';
             frame.setAttribute('data-coalition-explainer', '');
             document.querySelector('main').append(frame);",
            slug(3)
        );
        browser.js(&script, vec![]).await?;
        let selected = format!("return document.querySelector('iframe')?.contentDocument?.querySelector('[aria-selected=true]')?.id === 'tab-{}';", slug(3));
        browser.wait_until(&selected, "the deep link in a sandboxed frame").await?;
        let click = format!("document.querySelector('iframe').contentDocument.querySelector('#tab-{}').click();", slug(0));
        browser.js(&click, vec![]).await?;
        let chosen = format!("return !document.querySelector('iframe').contentDocument.querySelector('#panel-{}').hidden;", slug(0));
        browser.wait_until(&chosen, "a click in a sandboxed frame").await?;
        frames_fit(browser, "sandboxed").await?;
        // Chromium warns about exactly the sandbox flags the issue asks us to support.
        only_expected_console_lines(browser, "can escape its sandboxing").await
    }
    .await;
    browser.goto("about:blank").await?;
    result
}

/// Waits until every frame's height matches its content (±2 px) with no inner scrollbar.
async fn frames_fit(browser: &Browser, context: &str) -> Res<()> {
    const MEASURE: &str = r#"return [...document.querySelectorAll('iframe')].map(f => {
  const root = f.contentDocument && f.contentDocument.documentElement;
  return {
    frame: f.id || f.parentElement.id || 'frame',
    outer: f.getBoundingClientRect().height,
    content: root ? root.getBoundingClientRect().height : -1,
    scrolls: root ? root.scrollHeight > root.clientHeight + 1 : true,
  };
});"#;
    let fits = |f: &Value| {
        let (outer, content) = (
            f["outer"].as_f64().unwrap_or(-1.0),
            f["content"].as_f64().unwrap_or(-1.0),
        );
        content > 0.0 && (outer - content).abs() <= HEIGHT_TOLERANCE && f["scrolls"] == json!(false)
    };
    let what = format!("{context}: every frame fitting its content");
    browser
        .poll_script(&what, FRAME_SETTLE, MEASURE, vec![], |frames| {
            let all = frames.as_array().cloned().unwrap_or_default();
            !all.is_empty() && all.iter().all(fits)
        })
        .await
        .map(drop)
}

/// Reads the engine's console now: lines containing `expected` are this scenario's own doing;
/// any other line is a problem.
async fn only_expected_console_lines(browser: &mut Browser, expected: &str) -> Res<()> {
    let unexpected: Vec<String> = browser
        .console_problems()
        .await?
        .into_iter()
        .filter(|line| !line.contains(expected))
        .collect();
    check(unexpected.is_empty(), || {
        format!("console problems: {unexpected:?}")
    })
}
