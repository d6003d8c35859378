//! The phone section: both pages again, in the same session, under a phone-class profile
//! (Lighthouse's "slow 4G": 4× CPU slowdown, 150 ms round trip, 1.6 Mbps down, 0.75 Mbps up)
//! in a phone's viewport. Each run loads each page twice, as on the desktop: left alone for
//! the content paint (`measure::first_view`), clicked from navigation start for the first
//! working click (`measure::first_working_click`), then, in that load, tapped 16 times on the
//! layer controls for the interaction to next paint (`taps::tap_layers`); and the two floor
//! pages, tapped 16 times each, for the least a tap costs here: one where nothing happens, one
//! where a tap presses a button. The profile is undone
//! afterwards, whatever happened, so nothing measured or run after it is slowed.

use crate::measure::{self, Subject};
use crate::report::{inp_at, Pages, PhoneSample, TapFloors};
use crate::{site, taps};
use e2e::phone::{
    CPU_SLOWDOWN, DOWNLOAD_BYTES_PER_S, LATENCY_MS, PHONE_PIXEL_RATIO, PHONE_SCREEN,
    UPLOAD_BYTES_PER_S,
};
use e2e::{Browser, Res};
use std::path::Path;

/// How long after the load event the content paint is read. TimelineJS paints its first slide
/// (a quote, its largest content) 100–200 ms before `load` under this profile, ours paints its
/// content before `load` too: twice the desktop's wait is margin for a busy machine.
const SETTLE_MS: u64 = 2 * measure::SETTLE_MS;

/// The profile as the report names it.
pub fn profile() -> String {
    format!(
        "{CPU_SLOWDOWN}× CPU, {LATENCY_MS} ms RTT, {} / {} Mbps",
        f64::from(DOWNLOAD_BYTES_PER_S) * 8.0 / 1e6,
        f64::from(UPLOAD_BYTES_PER_S) * 8.0 / 1e6,
    )
}

/// The viewport as the report names it.
pub fn viewport() -> String {
    format!(
        "{}×{} mobile viewport at {PHONE_PIXEL_RATIO}× pixel density, touch",
        PHONE_SCREEN.0, PHONE_SCREEN.1
    )
}

/// `runs` runs of every page, alternately, under the profile, and the floor pages' INP p75 in
/// each run; `desktop` is the viewport the session returns to.
pub async fn measure(
    browser: &Browser,
    site: &Path,
    subjects: &[Subject; crate::PAGES],
    runs: usize,
    desktop: (u32, u32),
) -> Res<(Pages<PhoneSample>, TapFloors)> {
    let applied = apply(browser).await;
    let outcome = match applied {
        Ok(()) => measure_runs(browser, site, subjects, runs).await,
        Err(error) => Err(error),
    };
    let undone = undo(browser, desktop).await;
    let pages = outcome?;
    undone?;
    Ok(pages)
}

async fn measure_runs(
    browser: &Browser,
    site: &Path,
    subjects: &[Subject; crate::PAGES],
    runs: usize,
) -> Res<(Pages<PhoneSample>, TapFloors)> {
    let mut pages = Pages::default();
    let mut floors = TapFloors::default();
    for run in 0..runs {
        for index in crate::alternately(run) {
            let subject = &subjects[index];
            println!("phone run {}/{runs}: {}", run + 1, subject.name);
            let view =
                measure::first_view(browser, site, subject.name, &subject.path, SETTLE_MS).await?;
            let first_click_ms = measure::first_working_click(browser, subject).await?;
            // Interaction latency is the app's, as on the desktop's clicks.
            if subject.loads_app_later {
                browser.wait_for_app_started().await?;
            }
            let tapped = taps::tap_layers(browser, subject).await?;
            pages.push(
                index,
                PhoneSample {
                    content_paint_ms: view.lcp_ms,
                    first_click_ms,
                    taps: tapped.interactions,
                    main_thread: tapped.main_thread,
                },
            );
        }
        let still = site::page_path(site::FLOOR);
        measure::first_view(browser, site, site::FLOOR, &still, SETTLE_MS).await?;
        floors
            .still_ms
            .push(inp_at(&taps::tap_floor(browser).await?, 75.0));
        let press = site::page_path(site::PRESS_FLOOR);
        measure::first_view(browser, site, site::PRESS_FLOOR, &press, SETTLE_MS).await?;
        floors
            .press_ms
            .push(inp_at(&taps::tap_press_floor(browser).await?, 75.0));
    }
    Ok((pages, floors))
}

/// The e2e suite's phone profile (CPU and network), and a phone's screen and touch.
pub async fn apply(browser: &Browser) -> Res<()> {
    browser.emulate_phone().await?;
    browser.emulate_phone_screen().await
}

/// Back to the desktop session: every step is tried, the first failure reported.
pub async fn undo(browser: &Browser, desktop: (u32, u32)) -> Res<()> {
    let steps = [
        browser.stop_emulating_phone().await,
        browser.stop_emulating_phone_screen().await,
        browser.set_viewport(desktop.0, desktop.1).await,
    ];
    steps.into_iter().find_map(Result::err).map_or(Ok(()), Err)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_profile_is_named_as_lighthouse_names_slow_4g() {
        assert_eq!(profile(), "4× CPU, 150 ms RTT, 1.6 / 0.75 Mbps");
        assert_eq!(
            (DOWNLOAD_BYTES_PER_S, UPLOAD_BYTES_PER_S),
            (200_000, 93_750)
        );
    }
}
