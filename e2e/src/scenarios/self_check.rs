//! The suite's own alarms: a page that misbehaves on purpose must be caught by every channel
//! the other scenarios rely on, or their "no problems" would prove nothing.

use crate::browser::Browser;
use crate::engine::Engine;
use crate::page::check;
use crate::server::DELIBERATELY_MISSING;
use crate::Res;
use std::time::Duration;

const MISBEHAVE_JS: &str = r#"
console.warn('e2e self-check warning');
setTimeout(() => { throw new Error('e2e self-check error'); });
const image = new Image();
image.id = 'e2e-self-check';
image.alt = '';
image.src = '.' + arguments[0];
document.body.append(image);
"#;

pub async fn problems_are_detected(browser: &mut Browser) -> Res<()> {
    browser.open("").await?;
    browser
        .js(MISBEHAVE_JS, vec![DELIBERATELY_MISSING.into()])
        .await?;
    tokio::time::sleep(Duration::from_millis(1500)).await;
    browser
        .js(
            "document.getElementById('e2e-self-check').remove();",
            vec![],
        )
        .await?;

    let page = browser.take_page_problems().await?;
    let engine = browser.console_problems().await?;
    for expected in ["console.warn: e2e self-check warning", DELIBERATELY_MISSING] {
        check(page.iter().any(|p| p.contains(expected)), || {
            format!("the probe missed {expected:?}: {page:?}")
        })?;
    }
    // An error thrown by a WebDriver script reaches the page's listener as "Script error."
    // (Chromium) or not at all (Firefox, which reports it on its own output instead).
    let uncaught = page
        .iter()
        .chain(&engine)
        .any(|p| p.contains("self-check error") || p.contains("Script error"));
    check(uncaught, || {
        format!("the uncaught error went unseen: page {page:?}, engine {engine:?}")
    })?;
    if browser.engine != Engine::WebKit {
        check(engine.iter().any(|p| p.contains("self-check")), || {
            format!("the engine's console channel missed the problems: {engine:?}")
        })?;
    }
    let statuses = browser.server.statuses_of(DELIBERATELY_MISSING);
    check(statuses == [404], || {
        format!("the server log has {statuses:?} for the missing file")
    })
}
