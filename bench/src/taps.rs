//! Interaction to next paint (the INP metric) on the phone: 16 real taps (CDP touch events,
//! which the browser turns into pointer, touch and click events as a finger's) on the layer
//! controls, each once the previous layer's quote is on screen, measured by the page's own
//! Event Timing (`interactions.js`).

use crate::measure::{Subject, SHOWN_JS};
use e2e::{Browser, Res};
use serde_json::{json, Value};
use std::time::Duration;

/// The count of taps per load.
pub const TAPS: usize = 16;
/// Event Timing reports no entry under 16 ms (its least `durationThreshold`): a tap that
/// reports none counts as this, the floor the API can show.
pub const FLOOR_MS: f64 = 16.0;
/// Far above a layer change on either page, TimelineJS's slide animation included.
const SHOWN_WITHIN: Duration = Duration::from_secs(10);
const INTERACTIONS_JS: &str = include_str!("interactions.js");

/// One interaction as Event Timing measured it (its longest event), in ms.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Interaction {
    pub duration_ms: f64,
    /// From the tap to its first handler starting.
    pub input_delay_ms: f64,
    /// The handlers themselves (script).
    pub processing_ms: f64,
    /// From the handlers' end to the next paint (style, layout, paint, and anything run
    /// before the frame).
    pub presentation_ms: f64,
}

impl Interaction {
    /// A tap that reported no entry: at most the floor, nothing known of its parts.
    fn under_floor() -> Interaction {
        Interaction {
            duration_ms: FLOOR_MS,
            input_delay_ms: 0.0,
            processing_ms: 0.0,
            presentation_ms: 0.0,
        }
    }
}

/// Where the main thread's time went over the taps, per tap, in ms: DevTools' Performance
/// metrics (`ScriptDuration`, `RecalcStyleDuration`, `LayoutDuration`, `TaskDuration`) read
/// before the first tap and after the last. They include the bench's own looks at the page
/// between taps (a short script each, and a layout to find each control).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct MainThread {
    pub script_ms: f64,
    pub style_ms: f64,
    pub layout_ms: f64,
    /// Every task, the three above included.
    pub tasks_ms: f64,
}

const MAIN_THREAD_METRICS: [&str; 4] = [
    "ScriptDuration",
    "RecalcStyleDuration",
    "LayoutDuration",
    "TaskDuration",
];

/// The taps' figures in one load.
pub struct Tapped {
    pub interactions: Vec<Interaction>,
    pub main_thread: MainThread,
}

/// Taps the page's layer controls `TAPS` times in turn, starting after layer 2 (which the
/// first working click left open): one interaction per tap, and the main thread's time.
pub async fn tap_layers(browser: &Browser, subject: &Subject) -> Res<Tapped> {
    let observe = format!("{INTERACTIONS_JS}\nobserveInteractions();");
    browser.js(&observe, vec![]).await?;
    browser.cdp("Performance.enable", json!({})).await?;
    let before = main_thread_seconds(browser).await?;
    tap_each(browser, subject).await?;
    let after = main_thread_seconds(browser).await?;
    browser.cdp("Performance.disable", json!({})).await?;
    let per_tap = |index: usize| (after[index] - before[index]) * 1000.0 / TAPS as f64;
    let take = format!("{INTERACTIONS_JS}\nreturn takeInteractions();");
    let report = browser.js(&take, vec![]).await?;
    Ok(Tapped {
        interactions: interactions(&report, subject.name)?,
        main_thread: MainThread {
            script_ms: per_tap(0),
            style_ms: per_tap(1),
            layout_ms: per_tap(2),
            tasks_ms: per_tap(3),
        },
    })
}

/// Taps the line of the one-line floor page (loaded) `TAPS` times: a tap on which nothing
/// happens, the least any page's tap can cost the browser under the same profile.
pub async fn tap_floor(browser: &Browser) -> Res<Vec<Interaction>> {
    tap_in_turn(browser, crate::site::FLOOR, &["p".to_owned()]).await
}

/// Taps the press floor page's buttons (loaded) in turn, `TAPS` times: the least a tap that
/// changes the screen costs under the profile. The line must name the last one tapped, so a
/// page whose taps changed nothing cannot pass for the floor.
pub async fn tap_press_floor(browser: &Browser) -> Res<Vec<Interaction>> {
    use crate::site::{PRESS_BUTTONS, PRESS_FLOOR};
    let buttons: Vec<String> = PRESS_BUTTONS
        .iter()
        .map(|(id, _)| format!("#{id}"))
        .collect();
    let interactions = tap_in_turn(browser, PRESS_FLOOR, &buttons).await?;
    let (_, last) = PRESS_BUTTONS[(TAPS - 1) % PRESS_BUTTONS.len()];
    let line = browser
        .js(
            "return document.querySelector('output').textContent;",
            vec![],
        )
        .await?;
    if line != json!(format!("{last} pressed")) {
        return Err(format!(
            "{PRESS_FLOOR}: after {TAPS} taps its line reads {line}"
        ));
    }
    Ok(interactions)
}

/// Taps `controls` in turn `TAPS` times, each once the one before has arrived as a click.
async fn tap_in_turn(browser: &Browser, name: &str, controls: &[String]) -> Res<Vec<Interaction>> {
    const CLICKS_JS: &str = "return window.__benchInteractions.clicks;";
    let observe = format!("{INTERACTIONS_JS}\nobserveInteractions();");
    browser.js(&observe, vec![]).await?;
    for tap in 1..=TAPS {
        let (x, y) = control_centre(browser, &controls[(tap - 1) % controls.len()]).await?;
        browser.tap_at(x, y).await?;
        let what = format!("{name}: tap {tap} arrived as a click");
        browser
            .poll_script(&what, SHOWN_WITHIN, CLICKS_JS, vec![], |clicks| {
                clicks.as_u64() == Some(tap as u64)
            })
            .await?;
    }
    let take = format!("{INTERACTIONS_JS}\nreturn takeInteractions();");
    let report = browser.js(&take, vec![]).await?;
    interactions(&report, name)
}

/// The four `MAIN_THREAD_METRICS` so far in this page, in seconds.
async fn main_thread_seconds(browser: &Browser) -> Res<[f64; 4]> {
    let metrics = browser.cdp("Performance.getMetrics", json!({})).await?;
    let value = |name: &str| {
        metrics["metrics"]
            .as_array()
            .into_iter()
            .flatten()
            .find(|metric| metric["name"] == name)
            .and_then(|metric| metric["value"].as_f64())
            .ok_or_else(|| format!("DevTools reported no {name}: {metrics}"))
    };
    let mut seconds = [0.0; 4];
    for (slot, name) in seconds.iter_mut().zip(MAIN_THREAD_METRICS) {
        *slot = value(name)?;
    }
    Ok(seconds)
}

async fn tap_each(browser: &Browser, subject: &Subject) -> Res<()> {
    for tap in 0..TAPS {
        let layer = (tap + 2) % subject.controls.len();
        let (x, y) = control_centre(browser, &subject.controls[layer]).await?;
        browser.tap_at(x, y).await?;
        wait_shown(browser, subject, layer).await?;
    }
    Ok(())
}

/// Where a finger lands on `control`, scrolled into view: its centre, or where the centre is
/// covered (TimelineJS's markers of one date overlap), the first point of a grid over it that
/// is the control itself. Waited for: TimelineJS lays its markers out again while a slide
/// moves in, a moment with no width.
async fn control_centre(browser: &Browser, control: &str) -> Res<(f64, f64)> {
    let what = format!("{control}: a point a finger can tap");
    let point = browser
        .poll_script(
            &what,
            SHOWN_WITHIN,
            "var control = document.querySelector(arguments[0]);
             control.scrollIntoView({ block: 'nearest' });
             var box = control.getBoundingClientRect();
             var fractions = [0.5, 0.3, 0.7, 0.1, 0.9];
             for (var i = 0; i < fractions.length; i += 1) {
               for (var j = 0; j < fractions.length; j += 1) {
                 var x = box.left + box.width * fractions[j], y = box.top + box.height * fractions[i];
                 var hit = document.elementFromPoint(x, y);
                 if (hit && control.contains(hit)) return { x: x, y: y };
               }
             }
             return { covered: true, box: box.toJSON() };",
            vec![json!(control)],
            |point| point["x"].is_number(),
        )
        .await?;
    match (point["x"].as_f64(), point["y"].as_f64()) {
        (Some(x), Some(y)) => Ok((x, y)),
        _ => Err(format!(
            "{control}: covered wherever a finger could tap it: {point}"
        )),
    }
}

async fn wait_shown(browser: &Browser, subject: &Subject, layer: usize) -> Res<()> {
    let what = format!("{}: layer {} shown after a tap", subject.name, layer + 1);
    let script = format!("{SHOWN_JS}\nreturn shown(arguments[0], arguments[1]);");
    let args = vec![json!(subject.quotes[layer]), json!(subject.within)];
    browser
        .poll_script(&what, SHOWN_WITHIN, &script, args, |shown| shown == true)
        .await
        .map(drop)
}

/// One interaction per tap: those Event Timing reported, and the floor for the rest. Every
/// tap must have reached the page as a click, and none may have reported twice.
fn interactions(report: &Value, name: &str) -> Res<Vec<Interaction>> {
    let clicks = report["clicks"].as_u64().unwrap_or_default() as usize;
    if clicks != TAPS {
        return Err(format!("{name}: {clicks} clicks for {TAPS} taps: {report}"));
    }
    let mut measured: Vec<Interaction> = report["interactions"]
        .as_array()
        .into_iter()
        .flatten()
        .map(interaction)
        .collect::<Res<_>>()?;
    if measured.len() > TAPS {
        return Err(format!("{name}: more interactions than taps: {report}"));
    }
    measured.resize(TAPS, Interaction::under_floor());
    Ok(measured)
}

fn interaction(entry: &Value) -> Res<Interaction> {
    let ms = |key: &str| {
        entry[key]
            .as_f64()
            .ok_or_else(|| format!("an interaction without {key}: {entry}"))
    };
    Ok(Interaction {
        duration_ms: ms("duration")?,
        input_delay_ms: ms("inputDelay")?,
        processing_ms: ms("processing")?,
        presentation_ms: ms("presentation")?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(clicks: usize, durations: &[f64]) -> Value {
        let entries: Vec<Value> = durations
            .iter()
            .map(|d| json!({ "duration": d, "inputDelay": 1, "processing": 2, "presentation": 3 }))
            .collect();
        json!({ "clicks": clicks, "interactions": entries })
    }

    #[test]
    fn taps_without_an_entry_count_as_the_floor() {
        let measured = interactions(&report(TAPS, &[40.0, 24.0]), "ours").expect("measured");
        assert_eq!(measured.len(), TAPS);
        assert_eq!(measured[0].duration_ms, 40.0);
        assert_eq!(measured[0].processing_ms, 2.0);
        assert!(measured[2..].iter().all(|i| i.duration_ms == FLOOR_MS));
    }

    #[test]
    fn a_tap_that_was_no_click_or_an_interaction_too_many_fails() {
        assert!(interactions(&report(TAPS - 1, &[40.0]), "ours").is_err());
        assert!(interactions(&report(TAPS, &[16.0; TAPS + 1]), "ours").is_err());
        let broken = json!({ "clicks": TAPS, "interactions": [{ "duration": 8 }] });
        assert!(interactions(&broken, "ours").is_err());
    }
}
