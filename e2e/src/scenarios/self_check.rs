//! The suite's own alarms: a page that misbehaves on purpose must be caught by every channel
//! the other scenarios rely on, or their "no problems" would prove nothing.

use crate::browser::Browser;
use crate::engine::Engine;
use crate::page::check;
use crate::server::DELIBERATELY_MISSING;
use crate::wait::Poll;
use crate::Res;
use std::time::Duration;

/// Far longer than a page takes to report its own misbehaviour.
const HEARD_WITHIN: Duration = Duration::from_secs(10);

/// In the probe's record (read without taking it): the warning, the missing file, and, where
/// the page hears it at all, the uncaught error.
const PAGE_HEARD_JS: &str = r#"const heard = sessionStorage.getItem('e2e-problems') || '';
return { warning: heard.includes('e2e self-check warning'), missing: heard.includes(arguments[0]),
  uncaught: heard.includes('self-check error') || heard.includes('Script error') };"#;

const MISBEHAVE_JS: &str = r#"
console.warn('e2e self-check warning');
setTimeout(() => { throw new Error('e2e self-check error'); });
const image = new Image();
image.id = 'e2e-self-check';
image.alt = '';
image.src = '.' + arguments[0];
document.body.append(image);
"#;

/// Waits until the page, the engine's own output (Firefox's, read without taking it) and the
/// server have each recorded their part of the misbehaviour.
async fn every_channel_has_heard(browser: &Browser) -> Res<()> {
    browser
        .poll(
            "every channel hearing the misbehaviour",
            HEARD_WITHIN,
            async |browser| {
                let page = browser
                    .js(PAGE_HEARD_JS, vec![DELIBERATELY_MISSING.into()])
                    .await?;
                // Firefox tells the uncaught error on its own output, the others to the page.
                let uncaught_heard = if browser.engine == Engine::Firefox {
                    browser.engine_output_mentions("self-check error")
                } else {
                    page["uncaught"] == true
                };
                let server_heard = browser.server.statuses_of(DELIBERATELY_MISSING) == [404];
                let heard = page["warning"] == true
                    && page["missing"] == true
                    && uncaught_heard
                    && server_heard;
                Ok(if heard {
                    Poll::Met(())
                } else {
                    Poll::NotYet(format!(
                        "page {page}, uncaught error {uncaught_heard}, server {server_heard}"
                    ))
                })
            },
        )
        .await
}

pub async fn problems_are_detected(browser: &mut Browser) -> Res<()> {
    browser.open("").await?;
    browser
        .js(MISBEHAVE_JS, vec![DELIBERATELY_MISSING.into()])
        .await?;
    // Whatever the wait finds, the checks below say which channel missed what.
    let _ = every_channel_has_heard(browser).await;
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
