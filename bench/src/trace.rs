//! `bench --trace`: where a tap's time goes on the phone, from a Chromium trace. Under the
//! phone profile, each page is loaded as in a phone run (clicked from navigation start), then
//! tapped `taps::TAPS` times while the browser traces; the trace is written to
//! `target/bench/trace-<page>.json` (DevTools' Performance panel opens it) and summarised per
//! tap: the interaction as Event Timing saw it, and the renderer's main thread inside it.

use crate::devtools::DevTools;
use crate::measure::{self, Subject};
use crate::stats::percentile;
use crate::{phone, site, taps};
use e2e::{Browser, Res};
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::path::Path;

/// What DevTools' Performance panel records, plus input routing and Event Timing.
const CATEGORIES: [&str; 10] = [
    "disabled-by-default-devtools.timeline.stack",
    "devtools.timeline",
    "disabled-by-default-devtools.timeline",
    "disabled-by-default-devtools.timeline.frame",
    "toplevel",
    "input",
    "latencyInfo",
    "benchmark",
    "blink.user_timing",
    "v8.execute",
];

/// Traces the taps of each page in turn, under the phone profile; `desktop` is the viewport
/// the session returns to.
pub async fn run(browser: &Browser, subjects: &[Subject; 2], desktop: (u32, u32)) -> Res<()> {
    phone::apply(browser).await?;
    let mut outcome = Ok(());
    for subject in subjects {
        outcome = trace_taps(browser, subject).await;
        if outcome.is_err() {
            break;
        }
    }
    let undone = phone::undo(browser, desktop).await;
    outcome.and(undone)
}

async fn trace_taps(browser: &Browser, subject: &Subject) -> Res<()> {
    measure::first_working_click(browser, subject).await?;
    if subject.loads_app_later {
        browser.wait_for_app_started().await?;
    }
    let mut devtools = DevTools::connect(browser).await?;
    let config =
        json!({ "includedCategories": CATEGORIES, "recordMode": "recordAsMuchAsPossible" });
    devtools.call(
        "Tracing.start",
        json!({ "traceConfig": config, "transferMode": "ReportEvents" }),
        &mut |_, _| {},
    )?;
    let tapped = taps::tap_layers(browser, subject).await;
    let mut events = Vec::new();
    let mut collect = |name: &str, mut params: Value| {
        if name == "Tracing.dataCollected" {
            if let Value::Array(values) = params["value"].take() {
                events.extend(values);
            }
        }
    };
    devtools.call("Tracing.end", json!({}), &mut collect)?;
    devtools.wait_for("Tracing.tracingComplete", &mut collect)?;
    let durations: Vec<f64> = tapped?
        .interactions
        .iter()
        .map(|interaction| interaction.duration_ms)
        .collect();
    let file = site::project_root().join(format!("target/bench/trace-{}.json", subject.name));
    save(&file, &events)?;
    println!(
        "\n{}: {} trace events in {}",
        subject.name,
        events.len(),
        file.display()
    );
    println!(
        "interaction to next paint while traced (tracing slows the page): p75 {:.0} ms, max {:.0} ms",
        percentile(&durations, 75.0).unwrap_or(f64::NAN),
        percentile(&durations, 100.0).unwrap_or(f64::NAN)
    );
    print!("{}", summary(&events));
    Ok(())
}

fn save(file: &Path, events: &[Value]) -> Res<()> {
    let trace = json!({ "traceEvents": events });
    std::fs::write(file, trace.to_string()).map_err(|e| format!("{}: {e}", file.display()))
}

/// One line per interaction (Event Timing's own trace events, its longest entry): its parts,
/// then the renderer main thread's time inside it by kind of work, and the finger's
/// down-to-up gap before it.
fn summary(events: &[Value]) -> String {
    let main_thread = renderer_main_thread(events);
    let touches = touch_times_us(events);
    let mut lines = vec![
        "  tap  event   total = to main + queued + handlers + to paint | main thread: busy (style layout paint) | down-to-up, up-to-browser"
            .to_owned(),
    ];
    for (number, entry) in longest_entries(events).iter().enumerate() {
        let window = (entry.start_us, entry.start_us + entry.duration_ms * 1000.0);
        let busy = |names: &[&str]| busy_ms(events, main_thread, names, window);
        let up = touches
            .iter()
            .find(|t| (t.up_us - entry.start_us).abs() < 1000.0);
        let (down_to_up, up_to_browser) = up.map_or((f64::NAN, f64::NAN), |t| {
            ((t.up_us - t.down_us) / 1000.0, t.up_delay_ms)
        });
        lines.push(format!(
            "  {:>3}  {:<7} {:>5.1} = {:>5.1} + {:>5.1} + {:>5.1} + {:>5.1} | {:>5.1} ({:>5.1} {:>5.1} {:>5.1}) | {:>5.1}, {:>5.1}",
            number + 1,
            entry.kind,
            entry.duration_ms,
            entry.to_main_ms,
            entry.queued_ms,
            entry.handlers_ms,
            entry.to_paint_ms,
            busy(&["ThreadControllerImpl::RunTask"]),
            busy(&["UpdateLayoutTree"]),
            busy(&["Layout"]),
            busy(&PAINT_PHASES),
            down_to_up,
            up_to_browser,
        ));
    }
    lines.push(String::new());
    lines.join("\n")
}

/// The main thread's lifecycle steps after layout, as DevTools counts them (paint).
const PAINT_PHASES: [&str; 3] = [
    "LocalFrameView::RunPrePaintLifecyclePhase",
    "LocalFrameView::RunPaintLifecyclePhase",
    "ProxyMain::BeginMainFrame::commit",
];

/// One Event Timing entry, the longest of its interaction, in the trace's clock.
struct Entry {
    kind: String,
    start_us: f64,
    duration_ms: f64,
    /// From the event's time stamp until it was queued for the main thread (the browser and
    /// the compositor routing it; for a click, also the touch end it comes from).
    to_main_ms: f64,
    queued_ms: f64,
    handlers_ms: f64,
    to_paint_ms: f64,
}

fn longest_entries(events: &[Value]) -> Vec<Entry> {
    let mut longest: BTreeMap<u64, Entry> = BTreeMap::new();
    for event in events {
        let data = &event["args"]["data"];
        let interaction = data["interactionId"].as_u64().unwrap_or_default();
        if event["name"] != "EventTiming" || event["ph"] != "b" || interaction == 0 {
            continue;
        }
        let ms = |key: &str| data[key].as_f64().unwrap_or(f64::NAN);
        let entry = Entry {
            kind: data["type"].as_str().unwrap_or("?").to_owned(),
            start_us: event["ts"].as_f64().unwrap_or_default(),
            duration_ms: ms("duration"),
            to_main_ms: ms("enqueuedToMainThreadTime") - ms("timeStamp"),
            queued_ms: ms("processingStart") - ms("enqueuedToMainThreadTime"),
            handlers_ms: ms("processingEnd") - ms("processingStart"),
            to_paint_ms: ms("timeStamp") + ms("duration") - ms("processingEnd"),
        };
        let longer = longest
            .get(&interaction)
            .is_none_or(|kept| entry.duration_ms > kept.duration_ms);
        if longer {
            longest.insert(interaction, entry);
        }
    }
    let mut entries: Vec<Entry> = longest.into_values().collect();
    entries.sort_by(|a, b| a.start_us.total_cmp(&b.start_us));
    entries
}

/// The (process, thread) of the page's main thread: the renderer thread that reported Event
/// Timing entries.
fn renderer_main_thread(events: &[Value]) -> (u64, u64) {
    events
        .iter()
        .find(|event| event["name"] == "EventTiming")
        .map(|event| {
            (
                event["pid"].as_u64().unwrap_or_default(),
                event["tid"].as_u64().unwrap_or_default(),
            )
        })
        .unwrap_or_default()
}

/// Milliseconds `thread` spent in events named `names` inside `window` (µs), each clipped to
/// it. Events of one name never nest in these names, so they add up.
fn busy_ms(events: &[Value], thread: (u64, u64), names: &[&str], window: (f64, f64)) -> f64 {
    let total_us: f64 = events
        .iter()
        .filter(|event| event["ph"] == "X")
        .filter(|event| names.iter().any(|name| event["name"] == *name))
        .filter(|event| {
            (event["pid"].as_u64(), event["tid"].as_u64()) == (Some(thread.0), Some(thread.1))
        })
        .map(|event| {
            let start = event["ts"].as_f64().unwrap_or_default();
            let end = start + event["dur"].as_f64().unwrap_or_default();
            (end.min(window.1) - start.max(window.0)).max(0.0)
        })
        .sum();
    total_us / 1000.0
}

/// A finger's touch, as the browser logged its input latency.
struct Touch {
    down_us: f64,
    up_us: f64,
    /// From the touch end's own time stamp to the browser's input router receiving it.
    up_delay_ms: f64,
}

fn touch_times_us(events: &[Value]) -> Vec<Touch> {
    let begun = |name: &str| -> Vec<(f64, f64)> {
        events
            .iter()
            .filter(|event| event["name"] == name && event["ph"] == "b")
            .map(|event| {
                let component = |kind: &str| {
                    event["args"]["chrome_latency_info"]["component_info"]
                        .as_array()
                        .into_iter()
                        .flatten()
                        .find(|info| info["component_type"] == kind)
                        .and_then(|info| info["time_us"].as_f64())
                        .unwrap_or(f64::NAN)
                };
                let original = component("COMPONENT_INPUT_EVENT_LATENCY_ORIGINAL");
                (
                    original,
                    component("COMPONENT_INPUT_EVENT_LATENCY_BEGIN_RWH") - original,
                )
            })
            .collect()
    };
    let downs = begun("InputLatency::TouchStart");
    let ups = begun("InputLatency::TouchEnd");
    downs
        .iter()
        .zip(ups)
        .map(|(&(down_us, _), (up_us, delay_us))| Touch {
            down_us,
            up_us,
            up_delay_ms: delay_us / 1000.0,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn timing(id: u64, kind: &str, ts: f64, duration: f64) -> Value {
        json!({
            "name": "EventTiming", "ph": "b", "pid": 1, "tid": 1, "ts": ts,
            "args": { "data": {
                "interactionId": id, "type": kind, "duration": duration, "timeStamp": ts / 1000.0,
                "enqueuedToMainThreadTime": ts / 1000.0 + 2.0, "processingStart": ts / 1000.0 + 5.0,
                "processingEnd": ts / 1000.0 + 9.0,
            } }
        })
    }

    fn task(name: &str, tid: u64, ts: f64, dur: f64) -> Value {
        json!({ "name": name, "ph": "X", "pid": 1, "tid": tid, "ts": ts, "dur": dur })
    }

    #[test]
    fn each_interaction_is_its_longest_entry_in_order_and_its_parts_add_up() {
        let events = [
            timing(7, "click", 50_000.0, 40.0),
            timing(3, "click", 12_000.0, 30.0),
            timing(3, "pointerdown", 10_000.0, 20.0),
            timing(0, "pointerover", 9_000.0, 90.0),
        ];
        let entries = longest_entries(&events);
        let kinds: Vec<(&str, f64)> = entries
            .iter()
            .map(|e| (e.kind.as_str(), e.duration_ms))
            .collect();
        assert_eq!(kinds, [("click", 30.0), ("click", 40.0)]);
        let first = &entries[0];
        let parts = first.to_main_ms + first.queued_ms + first.handlers_ms + first.to_paint_ms;
        assert_eq!(
            (first.to_main_ms, first.queued_ms, first.handlers_ms),
            (2.0, 3.0, 4.0)
        );
        assert!((parts - first.duration_ms).abs() < 1e-9);
    }

    #[test]
    fn main_thread_time_is_clipped_to_the_window_and_counts_only_that_thread() {
        let events = [
            timing(1, "click", 0.0, 10.0),
            task("UpdateLayoutTree", 1, -2_000.0, 5_000.0),
            task("UpdateLayoutTree", 1, 8_000.0, 4_000.0),
            task("UpdateLayoutTree", 2, 1_000.0, 5_000.0),
            task("Layout", 1, 1_000.0, 1_000.0),
        ];
        let thread = renderer_main_thread(&events);
        assert_eq!(thread, (1, 1));
        let style = busy_ms(&events, thread, &["UpdateLayoutTree"], (0.0, 10_000.0));
        assert!((style - 5.0).abs() < 1e-9, "{style}");
    }
}
