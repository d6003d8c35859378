//! A shared link opens its layer from the very first frame (issue 11, item 1), and a linked
//! load says nothing (item 4): in every mode, sampled at every animation frame from navigation
//! start (`frames.js`), with the app held back so its takeover falls inside the window. A page
//! painted while its HTML is still arriving moves nothing that is already on screen.

use crate::browser::Browser;
use crate::modes::{each_case, Mode};
use crate::page::{check, expect_announced, layer_count, slug};
use crate::server::Setup;
use crate::Res;
use serde_json::Value;

/// Frames the app must have been on screen for after it started, so its takeover is seen.
const FRAMES_AFTER_READY: u64 = 10;
/// Frames with the linked panel painted before the app is let start.
const FRAMES_BEFORE_RELEASE: u64 = 3;
/// A frame at 60 Hz, for the last run of samples (which has no next one to end it).
const FRAME_MS: f64 = 1000.0 / 60.0;
/// What the sampler records while a stylesheet loads (nothing is painted then).
pub const STYLES_LOADING: &str = "(styles loading)";

/// The links the issue tried: both forms, for two layers.
fn shared_links() -> Vec<(String, usize)> {
    let (last, before_last) = (layer_count() - 1, layer_count() - 2);
    vec![
        (format!("#{}", slug(last)), last),
        (format!("?layer={}", slug(last)), last),
        (format!("#{}", slug(before_last)), before_last),
        (format!("?layer={}", slug(before_last)), before_last),
    ]
}

/// Every shared link, in every mode: no frame shows another layer's panel, no layout shift.
/// Prints, per link, how long another layer was on screen (the close note needs it).
pub async fn deep_links_paint_only_their_layer(browser: &mut Browser) -> Res<()> {
    let cases = linked_cases(&Mode::ALL, 4);
    each_case(browser, &cases, async |browser, mode, link, &layer| {
        first_frames(browser, mode, link, layer).await
    })
    .await
}

/// A shared link at top level and framed, `width` px wide, with the page sent in slow pieces
/// (`Setup::page_in_pieces`), so that the browser paints it, every time, while its HTML is
/// still arriving: what is on screen then must not move as the rest comes in (a swatch or a
/// tab's number centred on words not yet there), and no other layer's panel may show. One link
/// form: both load the same page.
pub async fn pages_arriving_in_pieces_hold_still(browser: &mut Browser, width: u32) -> Res<()> {
    browser.set_viewport(width, 900).await?;
    println!("    at {width} px:");
    let cases = linked_cases(&[Mode::TopLevel, Mode::Framed], 1);
    each_case(browser, &cases, async |browser, mode, link, &layer| {
        let in_pieces = Setup {
            page_in_pieces: true,
            ..Setup::default()
        };
        browser.open_held_with(mode, link, in_pieces).await?;
        let frames = takeover_frames(browser, mode, link, layer).await?;
        check(frames.while_arriving > 0, || {
            "no frame was painted while the page was arriving: nothing tested a partial page"
                .to_owned()
        })
    })
    .await
}

/// The first `links` shared links in each of `modes`, with the layer each links to.
fn linked_cases(modes: &[Mode], links: usize) -> Vec<(Mode, String, usize)> {
    modes
        .iter()
        .flat_map(|&mode| {
            let links = shared_links().into_iter().take(links);
            links.map(move |(link, layer)| (mode, link, layer))
        })
        .collect()
}

/// One load of `link` in `mode`, sampled from navigation start until the app has shown
/// itself for a few frames.
pub(super) async fn first_frames(
    browser: &Browser,
    mode: Mode,
    link: &str,
    layer: usize,
) -> Res<()> {
    first_frames_checking(browser, mode, link, layer, async |_| Ok(())).await
}

/// `first_frames`, with `while_held` run once the linked panel has been painted and before the
/// app is let start: what the loader alone must have done by then.
pub(super) async fn first_frames_checking(
    browser: &Browser,
    mode: Mode,
    link: &str,
    layer: usize,
    while_held: impl AsyncFnOnce(&Browser) -> Res<()>,
) -> Res<()> {
    painted_while_held(browser, mode, link).await?;
    while_held(browser).await?;
    takeover_frames(browser, mode, link, layer).await.map(drop)
}

/// Lets the held app take over, prints what was painted from navigation start and judges it
/// against `layer`'s panel.
async fn takeover_frames(browser: &Browser, mode: Mode, link: &str, layer: usize) -> Res<Frames> {
    let report = sampled_takeover(browser, mode).await?;
    let frames = Frames::from_report(&report, &format!("panel-{}", slug(layer)));
    println!(
        "    {} {} {link}: another layer's panel on screen {} ms ({} of {} frames, {} while the page arrived); the linked one from frame {} ({} before the app started); layout shift {}",
        browser.engine.name(),
        mode.name(),
        frames.wrong_ms,
        frames.wrong_frames,
        frames.total,
        frames.while_arriving,
        frames.first_linked.map_or("never".to_owned(), |frame| frame.to_string()),
        frames.linked_while_loading,
        frames.layout_shift.map_or("not reported".to_owned(), |shift| shift.to_string()),
    );
    frames.judge().map(|()| frames)
}

/// Opens `link` in `mode` with the app held back and the sampler on, lets the app start once a
/// panel has been painted for a few frames (with a reader's first sign of interest, which a
/// plain top-level page waits for), and returns the sampler's report (`frames.js`) once the app
/// has been on screen for a few more: every frame from navigation start to after the takeover.
pub async fn sampled_load(browser: &Browser, mode: Mode, link: &str) -> Res<Value> {
    painted_while_held(browser, mode, link).await?;
    sampled_takeover(browser, mode).await
}

/// Opens `link` in `mode` with the app held back and the sampler on, until a panel has been
/// painted for a few frames.
async fn painted_while_held(browser: &Browser, mode: Mode, link: &str) -> Res<()> {
    browser.open_held(mode, link).await?;
    browser
        .wait_until(
            &format!(
                "return window.__e2eFrames.report().runs.some(run => run.app === 'loading' && run.shown !== '' && run.shown !== '{STYLES_LOADING}' && run.frames >= {FRAMES_BEFORE_RELEASE});"
            ),
            "frames with a panel painted while the app was held back",
        )
        .await
}

/// Lets the held app start and returns the sampler's report once it has been on screen for a
/// few frames.
async fn sampled_takeover(browser: &Browser, mode: Mode) -> Res<Value> {
    browser.release_app(mode).await?;
    browser.show_interest().await?;
    browser
        .wait_until(
            &format!(
                "return window.__e2eFrames.report().framesSinceReady >= {FRAMES_AFTER_READY};"
            ),
            "the app started and on screen for a few frames",
        )
        .await?;
    browser
        .js("return window.__e2eFrames.report();", vec![])
        .await
}

/// What the sampler saw on one load, judged against the linked panel.
struct Frames {
    total: u64,
    /// Frames (and their milliseconds) that showed any panel but exactly the linked one.
    wrong_frames: u64,
    wrong_ms: f64,
    /// Runs that were wrong, for the failure message.
    wrong_runs: Vec<String>,
    /// The index of the first frame showing the linked panel.
    first_linked: Option<u64>,
    linked_while_loading: u64,
    /// Frames painted while the page's HTML was still arriving.
    while_arriving: u64,
    layout_shift: Option<f64>,
    /// What moved, as the sampler names it (`frames.js`), for the failure message.
    shifted: Vec<String>,
}

impl Frames {
    fn from_report(report: &Value, linked: &str) -> Frames {
        let runs = report["runs"].as_array().cloned().unwrap_or_default();
        let time = |run: &Value, key: &str| run[key].as_f64().unwrap_or_default();
        let mut frames = Frames {
            total: 0,
            wrong_frames: 0,
            wrong_ms: 0.0,
            wrong_runs: Vec::new(),
            first_linked: None,
            linked_while_loading: 0,
            while_arriving: 0,
            layout_shift: report["layoutShift"].as_f64(),
            shifted: report["shifted"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect(),
        };
        for (index, run) in runs.iter().enumerate() {
            let count = run["frames"].as_u64().unwrap_or_default();
            let shown = run["shown"].as_str().unwrap_or_default();
            let ends = runs
                .get(index + 1)
                .map_or(time(run, "to") + FRAME_MS, |next| time(next, "from"));
            if shown == linked {
                frames.first_linked.get_or_insert(frames.total);
                if run["app"] == "loading" {
                    frames.linked_while_loading += count;
                }
            } else if !shown.is_empty() && shown != STYLES_LOADING {
                frames.wrong_frames += count;
                frames.wrong_ms += (ends - time(run, "from")).round();
                frames.wrong_runs.push(format!("{run}"));
            }
            if run["arriving"] == true {
                frames.while_arriving += count;
            }
            frames.total += count;
        }
        frames
    }

    fn judge(&self) -> Res<()> {
        check(self.wrong_frames == 0, || {
            format!(
                "{} frames ({} ms) showed other panels: {}",
                self.wrong_frames,
                self.wrong_ms,
                self.wrong_runs.join(", ")
            )
        })?;
        check(self.linked_while_loading > 0, || {
            "the linked panel was never on screen before the app started: nothing tested the first paint".to_owned()
        })?;
        check(self.layout_shift.unwrap_or(0.0) == 0.0, || {
            format!(
                "layout shift {:?}, expected 0; what moved: {}",
                self.layout_shift,
                self.shifted.join("; ")
            )
        })
    }
}

/// A linked load says nothing, at top level and framed; the reader's own choice then speaks.
pub async fn deep_links_start_quiet(browser: &mut Browser) -> Res<()> {
    let cases = linked_cases(&[Mode::TopLevel, Mode::Framed], 2);
    each_case(browser, &cases, async |browser, mode, link, &layer| {
        quiet_until_chosen(browser, mode, link, layer).await
    })
    .await
}

async fn quiet_until_chosen(browser: &Browser, mode: Mode, link: &str, layer: usize) -> Res<()> {
    browser.open_in(mode, link).await?;
    browser.settle().await?;
    let on_load = browser.layer_view().await?;
    check(on_load.announcement.is_empty(), || {
        format!("the live region said {:?} on load", on_load.announcement)
    })?;
    let chosen = (layer + 1) % layer_count();
    browser.click_tab(chosen).await?;
    expect_announced(browser, chosen, "after a click").await
}
