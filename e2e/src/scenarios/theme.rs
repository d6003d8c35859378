//! The host chooses the frame's colour scheme (issue 13, item 3): `?theme=light|dark|auto`, light
//! by default in a frame and the reader's system at top level, painted from the first frame
//! (the page's background sampled at every animation frame from navigation start), junk
//! ignored; the embed dialog writes the choice into the code.

use crate::browser::Browser;
use crate::engine::Scheme::{self, Dark, Light};
use crate::modes::{each_case, Mode};
use crate::page::{check, paper};
use crate::scenarios::first_paint::{sampled_load, STYLES_LOADING};
use crate::scenarios::{accessibility, screenshots};
use crate::Res;
use fantoccini::key::Key;
use serde_json::Value;

/// Values a host, a CMS or an attacker may put in `?theme=`, each of which a loose reading
/// (any case, the first or last of two, a prefix, decoded) would take for `near`.
fn junk_near(near: &str) -> Vec<String> {
    vec![
        format!("?theme={}", near.to_uppercase()),
        format!("?theme=<script>{near}</script>"),
        format!("?theme={near}&theme={near}"),
        format!("?theme={}", near.repeat(64)),
        format!("?theme=%{:x}{}", near.as_bytes()[0], &near[1..]),
    ]
}

/// `(mode, link, the scheme every frame must show)` under a system in `system`'s scheme.
fn cases(system: Scheme) -> Vec<(Mode, String, Scheme)> {
    let case = |mode, link: &str, shows| (mode, link.to_owned(), shows);
    let mut cases = vec![
        case(Mode::Framed, "", Light),
        case(Mode::Framed, "?theme=dark", Dark),
        case(Mode::Framed, "?theme=auto", system),
        case(Mode::TopLevel, "", system),
        case(Mode::TopLevel, "?theme=dark", Dark),
    ];
    if system == Dark {
        cases.extend([
            case(Mode::Framed, "?theme=light", Light),
            case(Mode::TopLevel, "?theme=light", Light),
            // `?embed` outside a frame previews the frame, default included.
            case(Mode::TopLevel, "?embed", Light),
            case(Mode::Standalone, "", Dark),
            case(Mode::Standalone, "?theme=light", Light),
        ]);
        // The junk reads as the scheme the default is not, if it is read at all.
        let framed = junk_near("dark")
            .into_iter()
            .map(|j| (Mode::Framed, j, Light));
        let top = junk_near("light")
            .into_iter()
            .map(|j| (Mode::TopLevel, j, Dark));
        cases.extend(framed.chain(top));
    }
    cases
}

/// Every case: each sampled frame from navigation start shows the expected scheme's paper and
/// nothing else, the page logs nothing.
pub async fn host_chosen_theme(browser: &mut Browser) -> Res<()> {
    let cases = cases(browser.scheme);
    each_case(browser, &cases, async |browser, mode, link, &shows| {
        let report = sampled_load(browser, mode, link).await?;
        let frames = only_paper_of(&report, shows)?;
        let link: String = link.chars().take(40).collect();
        println!(
            "    {} {} {link}: {frames} painted frames, all on the {} paper",
            browser.engine.name(),
            mode.name(),
            shows.name()
        );
        Ok(())
    })
    .await
}

/// Every run of painted frames in the sampler's report has `scheme`'s paper; how many frames.
fn only_paper_of(report: &Value, scheme: Scheme) -> Res<u64> {
    let runs = report["runs"].as_array().cloned().unwrap_or_default();
    let painted: Vec<&Value> = runs
        .iter()
        .filter(|run| run["shown"] != STYLES_LOADING)
        .collect();
    let frames: u64 = painted
        .iter()
        .filter_map(|run| run["frames"].as_u64())
        .sum();
    check(frames > 0, || {
        format!("no painted frame was sampled: {report}")
    })?;
    let wrong: Vec<String> = painted
        .iter()
        .filter(|run| run["background"] != paper(scheme))
        .map(|run| run.to_string())
        .collect();
    check(wrong.is_empty(), || {
        format!(
            "{} of {frames} painted frames were not on the {} paper {}: {}",
            wrong.len(),
            scheme.name(),
            paper(scheme),
            wrong.join(", ")
        )
    })?;
    Ok(frames)
}

/// "auto" follows the reader's system when it turns dark under an open page, in a frame and at
/// top level, and a host's "light" does not (Chromium switches the scheme live; run under a
/// light system).
pub async fn auto_follows_the_system_live(browser: &mut Browser) -> Res<()> {
    let system = browser.scheme;
    let other = if system == Dark { Light } else { Dark };
    let cases = [
        (Mode::Framed, "?theme=auto", system, other),
        (Mode::TopLevel, "", system, other),
        (Mode::Framed, "?theme=light", Light, Light),
    ];
    let mut outcome = Ok(());
    for (mode, link, before, after) in cases {
        // The scheme is the stylesheet's alone: the app need not start (at top level it waits
        // for the reader's interest).
        browser.open_held(mode, link).await?;
        browser.release_app(mode).await?;
        let switched = async {
            expect_paper(browser, before, "on load").await?;
            browser.emulate_media(other).await?;
            expect_paper(browser, after, "after the system switched").await
        }
        .await;
        let restored = browser.emulate_media(system).await;
        let left = browser.leave(mode).await;
        outcome = outcome.and(
            switched
                .and(restored)
                .and(left)
                .map_err(|e| format!("{} {link:?}: {e}", mode.name())),
        );
    }
    outcome
}

/// Waits (a few seconds at most) for the page's background to be `scheme`'s paper.
async fn expect_paper(browser: &Browser, scheme: Scheme, when: &str) -> Res<()> {
    let script = format!(
        "return getComputedStyle(document.documentElement).backgroundColor === '{}';",
        paper(scheme)
    );
    browser
        .wait_until(&script, &format!("{when}, the {} paper", scheme.name()))
        .await
}

/// The theme the system does not choose, forced on the framed explainer.
fn forced_against(system: Scheme) -> (&'static str, Scheme) {
    match system {
        Dark => ("?theme=light", Light),
        Light => ("?theme=dark", Dark),
    }
}

/// No checker finds anything on any layer of the framed explainer in the theme the system does
/// not choose, at phone and desktop width.
pub async fn checkers_in_a_forced_theme(browser: &mut Browser) -> Res<()> {
    in_a_forced_frame(browser, async |browser, width, link| {
        let context = format!(
            "at {width} px, framed {link} under a {} system",
            browser.scheme.name()
        );
        accessibility::checkers_on_every_layer(browser, &context).await
    })
    .await
}

/// The host page with the framed explainer in the theme the system does not choose, at 390 and
/// 1280 px: `<engine>-<system>-theme-framed-<forced>-<width>px.png`.
pub async fn theme_screenshots(browser: &mut Browser) -> Res<()> {
    in_a_forced_frame(browser, async |browser, width, _| {
        let (_, forced) = forced_against(browser.scheme);
        let name = format!("theme-framed-{}-{width}px", forced.name());
        screenshots::save(browser, &name).await
    })
    .await
}

/// Runs `look` at 390 and 1280 px on the framed explainer in the theme the system does not
/// choose (`look` gets the width and the link), once that theme is on screen.
async fn in_a_forced_frame<F>(browser: &mut Browser, mut look: F) -> Res<()>
where
    F: AsyncFnMut(&Browser, u32, &str) -> Res<()>,
{
    let (link, forced) = forced_against(browser.scheme);
    for width in [390, 1280] {
        browser.set_viewport(width, 900).await?;
        browser.open_in(Mode::Framed, link).await?;
        let outcome = match expect_paper(browser, forced, "in the frame").await {
            Ok(()) => look(browser, width, link).await,
            failed => failed,
        };
        outcome.and(browser.leave(Mode::Framed).await)?;
    }
    Ok(())
}

/// The embed dialog's radios choose the code's theme: light at first, then each as a reader
/// picks it, by pointer and by the arrow keys, and the code's frame address says so.
pub async fn embed_dialog_writes_the_chosen_theme(browser: &mut Browser) -> Res<()> {
    browser.open("").await?;
    browser.click(".embed__summary").await?;
    expect_code_theme(browser, "light", "once written").await?;
    browser.click("label[for=embed-theme-dark]").await?;
    expect_code_theme(browser, "dark", "after a click on Dark").await?;
    // Where a keyboard reader's Tab lands in the group; WebKit does not focus a clicked radio.
    browser
        .js(
            "document.querySelector('input[name=embed-theme]:checked').focus();",
            vec![],
        )
        .await?;
    browser.press(Key::Down).await?;
    expect_code_theme(browser, "auto", "after ArrowDown").await?;
    browser.press(Key::Up).await?;
    browser.press(Key::Up).await?;
    expect_code_theme(browser, "light", "after ArrowUp twice").await?;
    screenshots::save_scrolled_to(browser, ".embed__theme", "center", "embed-dialog-themes").await
}

/// Waits (a few seconds at most) for the code to frame `?embed&theme=<theme>` and the radio of
/// `theme` to be the checked one.
async fn expect_code_theme(browser: &Browser, theme: &str, when: &str) -> Res<()> {
    let script = format!(
        "const code = document.getElementById('embed-code').value;
         const checked = document.querySelector('input[name=embed-theme]:checked');
         return code.includes('index.html?embed&theme={theme}\"') && checked?.value === '{theme}';"
    );
    browser
        .wait_until(&script, &format!("{when}, the code for the {theme} theme"))
        .await
}
