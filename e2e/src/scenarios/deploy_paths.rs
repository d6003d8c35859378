//! The embed code right wherever the site is deployed (issue 13, item 6). The site, built with
//! relative URLs, is served at the root and in a newsroom's sub-folder (`Setup::deploy_folder`,
//! on both origins, and nowhere else). For each, and for the page opened at its folder's
//! address and at `index.html`: the embed dialog's code, read once the app has written it, is
//! pasted into an article on the other origin, where it must load the explainer from the right
//! absolute address and `embed.js` from the same folder, which makes the frame full width,
//! borderless and as tall as the explainer's document (±2 px). Any console problem or request
//! not answered 200 (such as one at the root while the site is in its folder) fails.
//! `standalone.html` opened from disk has no address to embed: its dialog keeps what the build
//! wrote (the note, or the absolute code with `EXPLAINER_URL`), never a `file:` code.

use crate::browser::Browser;
use crate::modes::Mode;
use crate::page::{check, Failures};
use crate::server::Setup;
use crate::wait::Poll;
use crate::Res;
use coalition_explainer::content::CONTENT;
use serde_json::{json, Value};
use std::time::Duration;

/// The sub-folder issue 13 names.
const SUB_FOLDER: &str = "/graphics/2026/ukraine/";
/// How long the pasted frame may take to load its app and settle its height on 2 busy cores.
const FRAME_SETTLE: Duration = Duration::from_secs(30);
/// embed.js rounds heights up; the issue allows ±2 px.
const HEIGHT_TOLERANCE: f64 = 2.0;

pub async fn embed_code_works_at_the_root(browser: &mut Browser) -> Res<()> {
    embed_code_works_in(browser, None).await
}

pub async fn embed_code_works_in_a_sub_folder(browser: &mut Browser) -> Res<()> {
    embed_code_works_in(browser, Some(SUB_FOLDER)).await
}

async fn embed_code_works_in(browser: &mut Browser, folder: Option<&'static str>) -> Res<()> {
    browser.server.set(Setup {
        deploy_folder: folder,
        ..Setup::default()
    });
    let site = format!(
        "{}{}",
        browser.server.other_origin_url,
        folder.unwrap_or("/")
    );
    let mut failures = Failures::default();
    for page in ["", "index.html"] {
        let address = format!("{site}{page}");
        let outcome = pasted_code_works(browser, &address, &site).await;
        failures.note(&format!("opened at {address}"), outcome);
    }
    browser.goto("about:blank").await?;
    failures.into_result()
}

/// From disk, once the app runs, the dialog still shows what the build wrote in it.
pub async fn standalone_keeps_the_built_code(browser: &mut Browser) -> Res<()> {
    let outcome = async {
        // Without a deep link the app starts on the reader's first interest: the click.
        browser.open_held(Mode::Standalone, "").await?;
        browser.release_app(Mode::Standalone).await?;
        browser.click("details.embed > summary").await?;
        let code = browser
            .js(
                "const code = document.querySelector('#embed-code');
                 return { shown: code.value, built: code.defaultValue };",
                vec![],
            )
            .await?;
        let shown = code["shown"].as_str().unwrap_or_default();
        check(
            code["shown"] == code["built"] && !shown.contains("file:"),
            || {
                format!(
                    "standalone.html from disk shows another code than it was built with: {code}"
                )
            },
        )
    }
    .await;
    let left = browser.leave(Mode::Standalone).await;
    outcome.and(left)
}

/// The code the page at `address` writes, pasted into an article, loads the explainer at
/// `site` and fits it.
async fn pasted_code_works(browser: &mut Browser, address: &str, site: &str) -> Res<()> {
    let code = code_written_at(browser, address).await?;
    browser
        .goto(&browser.server.host_url_with_code("pasted.html", &code))
        .await?;
    let pasted = pasted_elements(browser).await?;
    let page = format!("{site}index.html");
    check(
        pasted["frame"]
            .as_str()
            .is_some_and(|src| src.starts_with(&format!("{page}?embed")))
            && pasted["script"] == json!(format!("{site}embed.js"))
            && pasted["loaded"] == json!([format!("{site}embed.js")]),
        || format!("the pasted code is not the absolute pair for {site}: {pasted}\n{code}"),
    )?;
    frame_fits_its_explainer(browser, &page).await?;
    no_page_problems(browser, "the article").await
}

/// Opens `address`, opens the embed dialog and returns its code once the app has written it
/// in place of the prerendered note.
async fn code_written_at(browser: &mut Browser, address: &str) -> Res<String> {
    browser.goto("about:blank").await?;
    browser.goto(address).await?;
    browser.wait_for_app().await?;
    browser.click("details.embed > summary").await?;
    let written = format!(
        "const code = document.querySelector('#embed-code');
         return code.closest('details').open && code.value !== {};",
        json!(CONTENT.ui.embed_code_pending)
    );
    browser.wait_until(&written, "the embed code").await?;
    let code = browser
        .js(
            "return document.querySelector('#embed-code').value;",
            vec![],
        )
        .await?;
    no_page_problems(browser, "the explainer's page").await?;
    Ok(code.as_str().unwrap_or_default().to_owned())
}

/// The pasted frame's and script's addresses as written in the code, and every `embed.js` the
/// article loaded, once it has loaded one.
async fn pasted_elements(browser: &Browser) -> Res<Value> {
    const PASTED: &str = r#"
const frame = document.querySelector('iframe[data-coalition-explainer]');
const script = [...document.scripts].find(s => (s.getAttribute('src') || '').endsWith('embed.js'));
return {
  frame: frame && frame.getAttribute('src'),
  script: script && script.getAttribute('src'),
  loaded: performance.getEntriesByType('resource').map(e => e.name).filter(name => name.endsWith('/embed.js')),
};"#;
    browser
        .wait_until(
            "return !!document.querySelector('iframe[data-coalition-explainer]') && performance.getEntriesByType('resource').some(e => e.name.endsWith('/embed.js'));",
            "the pasted frame and embed.js",
        )
        .await?;
    browser.js(PASTED, vec![]).await
}

/// Waits until embed.js has made the frame as wide as the article's column, borderless, and
/// as tall as the explainer's document inside it, which must be `page` with the app running.
async fn frame_fits_its_explainer(browser: &Browser, page: &str) -> Res<()> {
    const OUTSIDE: &str = r#"
const frame = document.querySelector('iframe[data-coalition-explainer]');
const style = getComputedStyle(frame);
return {
  width: frame.getBoundingClientRect().width,
  column: frame.parentElement.clientWidth,
  borders: [style.borderTopWidth, style.borderRightWidth, style.borderBottomWidth, style.borderLeftWidth],
  height: frame.getBoundingClientRect().height,
};"#;
    const INSIDE: &str = r#"return {
  address: location.href,
  app: document.documentElement.getAttribute('data-app'),
  height: document.documentElement.getBoundingClientRect().height,
};"#;
    let what = format!("the pasted frame fitting its explainer at {page}");
    browser
        .poll(&what, FRAME_SETTLE, async |browser| {
            let outside = browser.js(OUTSIDE, vec![]).await?;
            let inside = inside_frame(browser, INSIDE).await?;
            let number = |value: &Value| value.as_f64().unwrap_or(-1.0);
            let fits = number(&outside["width"]) == number(&outside["column"])
                && outside["borders"] == json!(["0px", "0px", "0px", "0px"])
                && inside["app"] == json!("ready")
                && (number(&outside["height"]) - number(&inside["height"])).abs()
                    <= HEIGHT_TOLERANCE;
            let right_page = inside["address"]
                .as_str()
                .is_some_and(|address| address.starts_with(&format!("{page}?embed")));
            Ok(if fits && right_page {
                Poll::Met(())
            } else {
                Poll::NotYet(format!("outside {outside}, inside {inside}"))
            })
        })
        .await
}

/// Runs `script` in the article's one frame (our explainer, cross-origin), and reads the
/// problems the frame's probe recorded, back in the article afterwards whatever happened.
async fn inside_frame(browser: &Browser, script: &str) -> Res<Value> {
    browser
        .in_explainer_frame(async |browser| {
            let value = browser.js(script, vec![]).await;
            // A document still being parsed may not have run the probe yet: its problems are
            // read on a later poll (the last one, which finds the app running, always reads them).
            let parsed = browser
                .js("return document.readyState !== 'loading';", vec![])
                .await?;
            if parsed == json!(true) {
                no_page_problems(browser, "the pasted frame").await?;
            }
            value
        })
        .await
}

/// Fails with what the current document's probe recorded (console problems, failed loads,
/// CSP violations), which are taken, so the next document starts clean.
async fn no_page_problems(browser: &Browser, document: &str) -> Res<()> {
    let problems = browser.take_page_problems().await?;
    check(problems.is_empty(), || {
        format!("problems in {document}: {problems:?}")
    })
}
