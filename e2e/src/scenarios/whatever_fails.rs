//! Readable whatever fails (issue 11, items 3 and 7): with any one of our files answered 404,
//! or our scripts blocked by a page's policy, every layer can still be read: the static view
//! shows them all, or the tabs work. A start-up that fails says why, once, in the console.

use crate::browser::Browser;
use crate::page::{check, expect_layer, expect_static_view, layer_count, Failures, STATIC_VIEW_FN};
use crate::server::{OurFile, Setup};
use crate::Res;

/// Our message when the app cannot start (assets/boot.js).
const OUR_MESSAGE: &str = "Explainer did not start:";

#[derive(Clone, Copy, Debug)]
enum Failure {
    Missing(OurFile),
    ScriptsBlocked,
}

/// How the page must stay readable after `Failure`.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Readable {
    /// No loader ran: no `data-app`, the static view.
    StaticView,
    /// The loader ran and the app could not start: `data-app="failed"`, the static view, and
    /// our one message naming the file.
    FailedStart,
    /// The app started (unstyled): every tab shows its panel.
    TabsWork,
}

impl Failure {
    fn readable(self) -> Readable {
        match self {
            Failure::Missing(OurFile::Loader) | Failure::ScriptsBlocked => Readable::StaticView,
            Failure::Missing(OurFile::Glue | OurFile::Wasm) => Readable::FailedStart,
            Failure::Missing(OurFile::Stylesheet) => Readable::TabsWork,
        }
    }

    fn setup(self) -> Setup {
        match self {
            Failure::Missing(file) => Setup {
                missing: Some(file),
                ..Setup::default()
            },
            Failure::ScriptsBlocked => Setup {
                block_scripts: true,
                ..Setup::default()
            },
        }
    }
}

pub async fn readable_whatever_fails(browser: &mut Browser) -> Res<()> {
    let failures = OurFile::ALL
        .map(Failure::Missing)
        .into_iter()
        .chain([Failure::ScriptsBlocked]);
    let mut problems = Failures::default();
    for failure in failures {
        let outcome = readable_despite(browser, failure).await;
        browser.server.reset();
        problems.note(&format!("{failure:?}"), outcome);
    }
    problems.into_result()
}

async fn readable_despite(browser: &mut Browser, failure: Failure) -> Res<()> {
    let mark = browser.server.request_count();
    browser.server.set(failure.setup());
    let readable = readable_after(browser, failure).await;
    // Read whatever happened, so one case's console lines never reach the next.
    let console = expect_console_says_why(browser, failure, mark).await;
    readable.and(console)
}

async fn readable_after(browser: &Browser, failure: Failure) -> Res<()> {
    browser.open("").await?;
    let expected = failure.readable();
    // A reader's first try, where there is a tab to try (it starts the app on demand).
    if browser.shown_element("[role=tab]").await.is_ok() {
        browser.click_now("[role=tab]:nth-child(2)").await?;
    }
    browser
        .wait_until(
            "return document.documentElement.getAttribute('data-app') !== 'loading';",
            "the start-up settling",
        )
        .await?;
    let app = browser.app_state().await?;
    let wanted_app = match expected {
        Readable::StaticView => None,
        Readable::FailedStart => Some("failed"),
        Readable::TabsWork => Some("ready"),
    };
    check(app.as_deref() == wanted_app, || {
        format!("<html data-app> is {app:?}, expected {wanted_app:?}")
    })?;
    if expected == Readable::TabsWork {
        for layer in (0..layer_count()).rev() {
            browser.click_tab(layer).await?;
            expect_layer(browser, layer, "a tab without the stylesheet").await?;
        }
        return Ok(());
    }
    let report = browser
        .js(
            &format!("{STATIC_VIEW_FN} return staticView(document);"),
            vec![],
        )
        .await?;
    expect_static_view(&report, "after the failure")
}

/// The console has our message exactly once when the start failed (naming the file), never
/// otherwise; the engine's own lines about the failed or blocked file are this setup's doing;
/// nothing else may appear.
async fn expect_console_says_why(browser: &mut Browser, failure: Failure, mark: usize) -> Res<()> {
    let failed_files: Vec<String> = match failure {
        Failure::Missing(_) => browser
            .server
            .deliberately_failed_since(mark)
            .into_iter()
            .map(|request| file_name(&request.target).to_owned())
            .collect(),
        Failure::ScriptsBlocked => vec!["boot.js".to_owned()],
    };
    check(!failed_files.is_empty(), || {
        format!("{failure:?} was never requested: nothing failed")
    })?;
    let page = browser.take_page_problems().await?;
    let engine = browser.console_problems().await?;
    let ours: Vec<&String> = page
        .iter()
        .filter(|line| line.contains(OUR_MESSAGE))
        .collect();
    let wanted = usize::from(failure.readable() == Readable::FailedStart);
    check(ours.len() == wanted, || {
        format!(
            "{} messages of ours ({ours:?}), expected {wanted}",
            ours.len()
        )
    })?;
    let names_file = ours
        .iter()
        .all(|line| failed_files.iter().any(|file| line.contains(file.as_str())));
    check(names_file, || {
        format!("our message {ours:?} does not name the failed file {failed_files:?}")
    })?;
    for line in &ours {
        println!("    {} {failure:?}: {line}", browser.engine.name());
    }
    if let Failure::ScriptsBlocked = failure {
        check(
            page.iter().any(|line| line.starts_with("CSP violation")),
            || format!("no CSP violation recorded: the policy blocked nothing ({page:?})"),
        )?;
    }
    let unexpected: Vec<&String> = page
        .iter()
        .chain(&engine)
        .filter(|line| !line.contains(OUR_MESSAGE))
        .filter(|line| !failed_files.iter().any(|file| line.contains(file.as_str())))
        .collect();
    check(unexpected.is_empty(), || {
        format!("console lines beyond the failure itself: {unexpected:?}")
    })
}

fn file_name(target: &str) -> &str {
    let path = target.split(['?', '#']).next().unwrap_or(target);
    path.rsplit('/').next().unwrap_or(path)
}
