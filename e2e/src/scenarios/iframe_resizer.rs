//! iframe-resizer's hosts (issue 13): a news article on one origin runs iframe-resizer's own
//! parent library (v4 `iFrameResize` or v5 `iframeResize`, from npm) and frames the explainer
//! from the other origin with no height of its own (150 px) and no script of theirs inside.
//! The explainer answers the library itself, so the frame fits its content; messages posted to
//! it by any other window, or of another shape, change nothing.

use super::embedding::{FRAME_SETTLE, HEIGHT_TOLERANCE};
use crate::browser::Browser;
use crate::page::{check, layer_count, slug};
use crate::wait::Poll;
use crate::Res;
use serde_json::{json, Value};

/// Which of iframe-resizer's parent libraries the host runs (`e2e/hosts/iframe-resizer-*`).
#[derive(Clone, Copy, Debug)]
pub enum Parent {
    V4,
    V5,
}

impl Parent {
    fn host_page(self) -> &'static str {
        match self {
            Parent::V4 => "iframe-resizer-v4.html",
            Parent::V5 => "iframe-resizer-v5.html",
        }
    }

    /// Whether `line` is one the library causes on its own, whatever it frames; any other line
    /// fails the scenario.
    /// - Chromium warns when the library posts its first init before the frame has left its
    ///   initial `about:blank` (which has the host's origin): the library's troubleshooting
    ///   guide says to ignore it, as it asks again on the frame's load (and we ask it on start).
    /// - v5 under the open-source licence warns with its licence notice when `iframeResize` is
    ///   called: the host's choice of licence.
    /// - Firefox warns "Script terminated by timeout" in the library's file when the suite
    ///   navigates away while one of its frame callbacks runs (our own sampler stops its
    ///   callback first for the same reason, `frames.js`).
    fn is_own_line(self, line: &str) -> bool {
        let in_library = line.contains("/e2e-node/");
        let early_init =
            in_library && line.contains("does not match the recipient window's origin");
        let licence_notice = matches!(self, Parent::V5) && line.contains("GPLv3 License Version");
        let cut_short = in_library && line.contains("Script terminated by timeout");
        early_init || licence_notice || cut_short
    }
}

/// The frame's height as the host lays it out (its content box, which the library sets).
const FRAME_HEIGHT_JS: &str = "return document.getElementById('explainer').clientHeight;";

/// Inside the frame: the explainer document's height, and whether it scrolls inside.
const CONTENT_JS: &str = r#"const root = document.documentElement;
return { height: root.getBoundingClientRect().height, scrolls: root.scrollHeight > root.clientHeight + 1 };"#;

/// At `width`, the frame fits its content after loading and after each layer change (a real
/// click on each tab inside the frame), the parent's resize request is answered, and nothing
/// shows on either console.
pub async fn frame_fits_its_content(browser: &mut Browser, parent: Parent, width: u32) -> Res<()> {
    browser.set_viewport(width, 900).await?;
    let result = async {
        open_host(browser, parent).await?;
        frame_fits(browser, "after loading").await?;
        for layer in (0..layer_count()).rev() {
            browser
                .in_explainer_frame(async |b| b.click_tab(layer).await)
                .await?;
            frame_fits(browser, &format!("after choosing {}", slug(layer))).await?;
        }
        answers_a_resize_request(browser).await
    }
    .await;
    result.and(leave_host(browser, parent).await)
}

/// The parent's `[iFrameSizer]resize` (v4 sends it when its window resizes, v5 when its tab
/// shows again) gets a size report, even when nothing in the frame has changed.
async fn answers_a_resize_request(browser: &Browser) -> Res<()> {
    browser.js(RECORD_ANSWERS_JS, vec![]).await?;
    browser
        .js(
            "document.getElementById('explainer').contentWindow.postMessage('[iFrameSizer]resize', '*');",
            vec![],
        )
        .await?;
    browser
        .wait_until(
            ANY_SIZE_REPORT_JS,
            "an answer to the parent's resize request",
        )
        .await
}

/// In the host, once `RECORD_ANSWERS_JS` runs: whether the explainer has sent a size report.
const ANY_SIZE_REPORT_JS: &str =
    "return window.__e2eAnswers.some(m => /^\\[iFrameSizer\\][^:]+:\\d+:\\d+:size$/.test(m));";

/// Messages in iframe-resizer's format that the parent library never sends: posted to the
/// explainer by its parent they must be ignored, like any message from another window.
const MALFORMED: [&str; 11] = [
    "[iFrameSizer]",
    "[iFrameSizer]:8:false:false",
    "[iFrameSizer]forged",
    "[iFrameSizer]forged:8:maybe:false",
    "[iFrameSizer]forged:eight:false:false",
    "[iFrameSizer]for ged:8:false:false",
    "[iFrameSizer]forged:2345:640:init:5.5.9",
    "[iFrameSizer]message:{\"navigate\":\"javascript:alert(1)\"}",
    "[iFrameSizer]moveToAnchor:top",
    "[iFrameSizer]reset",
    "[iFrameSizer]resize:forged",
];

/// A well-formed init under another frame id: answering it would name the wrong frame.
const FORGED_INIT: &str = "[iFrameSizer]forged:8:false:false:32:true:true:null:bodyOffset:null:null:0:false:parent:scroll:true";

/// Forged iframe-resizer messages from the frame's own window and from a sibling frame (on the
/// explainer's own origin, `e2e/hosts/iframe-resizer-forger.js`), and malformed ones from the
/// parent: the explainer answers none of them, logs nothing, and still fits after a layer
/// change. Each sender's last message is a marker, so once the explainer has seen all three
/// markers it has handled everything before them (messages from one window arrive in order),
/// and once the host has our next size report any answer to them would have arrived first.
pub async fn forged_messages_are_ignored(browser: &mut Browser, parent: Parent) -> Res<()> {
    let result = async {
        open_host(browser, parent).await?;
        frame_fits(browser, "after loading").await?;
        browser.js(RECORD_ANSWERS_JS, vec![]).await?;
        browser.in_explainer_frame(async |b| {
            b.js(FORGE_FROM_ITSELF_JS, vec![json!([FORGED_INIT, "[iFrameSizer]resize"])])
                .await
        })
        .await?;
        let forger = format!(
            "{}/e2e-hosts/iframe-resizer-forger.html",
            browser.server.other_origin_url
        );
        browser
            .js(POST_FROM_PARENT_JS, vec![json!(MALFORMED), json!(forger)])
            .await?;
        browser
            .scroll_article_to(&format!("#tab-{}", slug(1)))
            .await?;
        browser.in_explainer_frame(async |b| {
            b.wait_until(
                "return ['self', 'parent', 'sibling'].every(from => window.__e2eDone.includes('e2e-done:' + from));",
                "every forged message delivered to the explainer",
            )
            .await?;
            b.click_tab(1).await
        })
        .await?;
        browser
            .wait_until(
                ANY_SIZE_REPORT_JS,
                "the explainer's size report after the forged messages",
            )
            .await?;
        let answers = browser.js("return window.__e2eAnswers;", vec![]).await?;
        expect_no_answer_to_forgeries(&answers)?;
        frame_fits(browser, "after the forged messages and a layer change").await
    }
    .await;
    result.and(leave_host(browser, parent).await)
}

/// In the host: every string the explainer's frame posts from now on.
const RECORD_ANSWERS_JS: &str = r#"const frame = document.getElementById('explainer');
window.__e2eAnswers = [];
window.addEventListener('message', (event) => {
  if (event.source === frame.contentWindow && typeof event.data === 'string') window.__e2eAnswers.push(event.data);
});"#;

/// In the frame: notes the senders' end markers, then posts `arguments[0]` to itself.
const FORGE_FROM_ITSELF_JS: &str = r#"window.__e2eDone = [];
window.addEventListener('message', (event) => {
  if (typeof event.data === 'string' && event.data.startsWith('e2e-done:')) window.__e2eDone.push(event.data);
});
for (const message of arguments[0]) window.postMessage(message, '*');
window.postMessage('e2e-done:self', '*');"#;

/// In the host: posts the malformed strings `arguments[0]` and data of other types to the
/// explainer, then adds the sibling frame `arguments[1]`, which posts its own forgeries.
const POST_FROM_PARENT_JS: &str = r#"const explainer = document.getElementById('explainer').contentWindow;
const oversized = '[iFrameSizer]forged:8:false:false' + ':x'.repeat(600);
for (const message of [...arguments[0], oversized, {}, null, 42, ['[iFrameSizer]forged:8:false:false'], { data: '[iFrameSizer]forged:8:false:false' }]) {
  explainer.postMessage(message, '*');
}
explainer.postMessage('e2e-done:parent', '*');
const sibling = document.createElement('iframe');
sibling.src = arguments[1];
sibling.title = 'Another party';
document.querySelector('main').append(sibling);"#;

/// Our only answers are size reports for the frame the host named: no init answer, nothing
/// under the forged id (a forged init taken for real would have us report under it).
fn expect_no_answer_to_forgeries(answers: &Value) -> Res<()> {
    let answered: Vec<&str> = answers
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .filter(|m| m.starts_with("[iFrameSizer]") && (m.contains("forged") || m.contains(":init")))
        .collect();
    check(answered.is_empty(), || {
        format!("the explainer answered forged or malformed messages: {answered:?}")
    })
}

/// Opens the host's article, which frames `index.html?embed` from the other origin.
async fn open_host(browser: &Browser, parent: Parent) -> Res<()> {
    browser.goto("about:blank").await?;
    let url = browser
        .server
        .host_url(parent.host_page(), "index.html?embed");
    browser.goto(&url).await
}

/// Waits until the frame is as tall as the explainer's document (±2 px) and nothing scrolls
/// inside it. The two are read in turn, inside the frame and in the article, until they agree.
async fn frame_fits(browser: &Browser, context: &str) -> Res<()> {
    let what = format!("{context}: the frame as tall as the explainer");
    browser
        .poll(&what, FRAME_SETTLE, async |browser| {
            let content = browser
                .in_explainer_frame(async |b| b.js(CONTENT_JS, vec![]).await)
                .await?;
            let frame = browser.js(FRAME_HEIGHT_JS, vec![]).await?;
            let (frame, height) = (
                frame.as_f64().unwrap_or(-1.0),
                content["height"].as_f64().unwrap_or(-1.0),
            );
            let fits = height > 0.0
                && (frame - height).abs() <= HEIGHT_TOLERANCE
                && content["scrolls"] == json!(false);
            Ok(if fits {
                Poll::Met(())
            } else {
                Poll::NotYet(format!(
                    "the frame is {frame} px tall, the explainer {height} px (scrolls inside: {})",
                    content["scrolls"]
                ))
            })
        })
        .await
}

/// Reads what the frame's and the article's own documents recorded (their probes) and the
/// engine's console, then leaves the article: any line but the library's own fails.
async fn leave_host(browser: &mut Browser, parent: Parent) -> Res<()> {
    let in_frame = browser
        .in_explainer_frame(async |b| b.take_page_problems().await)
        .await;
    let in_article = browser.take_page_problems().await;
    // The engine's console is read after leaving: leaving cuts the library's frame callback
    // short, and Firefox says so there (one of the library's own lines).
    browser.goto("about:blank").await?;
    browser.settle().await?;
    let in_engine = browser.console_problems().await;
    let mut problems = in_frame?;
    problems.extend(in_article?);
    problems.extend(in_engine?);
    problems.retain(|line| !parent.is_own_line(line));
    check(problems.is_empty(), || {
        format!("console problems in the article or the frame: {problems:?}")
    })
}
