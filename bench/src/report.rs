//! The table (medians over runs, ours beside TimelineJS with the ratio), the targets
//! met or not, and the browser and machine it was measured on.

use crate::measure::{Clicking, FirstView, LAYER_CHANGES};
use crate::stats::{median, percentile};

/// Both loads of one page in one run.
pub struct Sample {
    pub view: FirstView,
    pub clicking: Clicking,
}

/// Every run's samples: ours, TimelineJS's, and the first paint of the one-line floor page.
#[derive(Default)]
pub struct Samples {
    pub ours: Vec<Sample>,
    pub peer: Vec<Sample>,
    pub floor_fcp_ms: Vec<f64>,
}

struct Metric {
    name: &'static str,
    unit: &'static str,
    decimals: usize,
    of: fn(&Sample) -> f64,
}

const METRICS: [Metric; 10] = [
    Metric {
        name: "First view, gzip",
        unit: "KB",
        decimals: 1,
        of: |s| s.view.gzip_bytes as f64 / 1000.0,
    },
    Metric {
        name: "Everything loaded once in use (app included), gzip",
        unit: "KB",
        decimals: 1,
        of: |s| s.clicking.gzip_bytes_in_use as f64 / 1000.0,
    },
    Metric {
        name: "First view, requests",
        unit: "",
        decimals: 0,
        of: |s| s.view.requests as f64,
    },
    Metric {
        name: "First contentful paint",
        unit: "ms",
        decimals: 0,
        of: |s| s.view.fcp_ms,
    },
    Metric {
        name: "First paint of the content (largest contentful paint)",
        unit: "ms",
        decimals: 0,
        of: |s| s.view.lcp_ms,
    },
    Metric {
        name: "First working click (layer 2)",
        unit: "ms",
        decimals: 0,
        of: |s| s.clicking.first_click_ms,
    },
    Metric {
        name: "Click to next frame, p50",
        unit: "ms",
        decimals: 1,
        of: |s| percentile(&s.clicking.latencies_ms, 50.0).unwrap_or(f64::NAN),
    },
    Metric {
        name: "Click to next frame, p95",
        unit: "ms",
        decimals: 1,
        of: |s| percentile(&s.clicking.latencies_ms, 95.0).unwrap_or(f64::NAN),
    },
    Metric {
        name: "Cumulative layout shift",
        unit: "",
        decimals: 3,
        of: |s| s.view.cls,
    },
    Metric {
        name: "DOM elements",
        unit: "",
        decimals: 0,
        of: |s| s.view.elements as f64,
    },
];

/// Indexes into METRICS for the targets.
const BYTES: usize = 0;
const FIRST_PAINT: usize = 3;
const CONTENT_PAINT: usize = 4;
const FIRST_CLICK: usize = 5;
const CLICK_P95: usize = 7;

/// Where and with what the figures were taken.
pub struct Setting {
    pub browser: String,
    pub machine: String,
    pub runs: usize,
    pub revision: String,
}

pub struct Target {
    pub goal: String,
    pub met: bool,
}

/// Median of `metric` over the runs of one page.
fn typical(samples: &[Sample], metric: &Metric) -> f64 {
    let values: Vec<f64> = samples.iter().map(metric.of).collect();
    median(&values).unwrap_or(f64::NAN)
}

/// The targets, judged on the medians; layout shift on every run of ours.
pub fn targets(ours: &[Sample], peer: &[Sample]) -> Vec<Target> {
    let ratio = |index: usize| typical(ours, &METRICS[index]) / typical(peer, &METRICS[index]);
    let worst_shift = ours.iter().map(|s| s.view.cls).fold(f64::NAN, f64::max);
    let p95 = typical(ours, &METRICS[CLICK_P95]);
    vec![
        ratio_target("bytes (gzip)", ratio(BYTES), 0.8),
        ratio_target(
            "first paint of the content (largest contentful paint)",
            ratio(CONTENT_PAINT),
            0.5,
        ),
        ratio_target("first working click", ratio(FIRST_CLICK), 0.5),
        Target {
            goal: format!("click-to-next-frame p95 ≤ 16 ms (ours: {p95:.1} ms)"),
            met: p95 <= 16.0,
        },
        Target {
            goal: format!("layout shift 0 in every run (ours, worst: {worst_shift:.4})"),
            met: worst_shift == 0.0,
        },
    ]
}

fn ratio_target(what: &str, ratio: f64, limit: f64) -> Target {
    Target {
        goal: format!("{what} ≤ {limit}× TimelineJS (ratio {ratio:.2})"),
        met: ratio <= limit,
    }
}

/// The whole report as Markdown: it reads the same printed and in BENCHMARKS.md.
pub fn markdown(samples: &Samples, setting: &Setting) -> String {
    let (ours, peer) = (&samples.ours, &samples.peer);
    let mut text = String::from(
        "| metric | ours | TimelineJS | ratio (ours/TimelineJS) |\n|---|---:|---:|---:|\n",
    );
    for metric in &METRICS {
        let (mine, theirs) = (typical(ours, metric), typical(peer, metric));
        text += &format!(
            "| {} | {} | {} | {} |\n",
            metric.name,
            shown(mine, metric),
            shown(theirs, metric),
            if theirs == 0.0 {
                "—".to_owned()
            } else {
                format!("{:.2}", mine / theirs)
            }
        );
    }
    text += "\nTargets (issue 5):\n\n";
    for target in targets(ours, peer) {
        let verdict = if target.met { "met" } else { "**NOT MET**" };
        text += &format!("- {verdict}: {}\n", target.goal);
    }
    text += &format!(
        "\nWhat each page paints first: TimelineJS's first contentful paint is its \
         \"Loading Timeline...\" notice, {:.0} ms before its content; ours is the explainer \
         itself ({:.0} ms before its largest content).\n",
        content_after_first_paint(peer),
        content_after_first_paint(ours),
    );
    let floor = median(&samples.floor_fcp_ms).unwrap_or(f64::NAN);
    text += &format!(
        "\nFor reference, a page of one line of text and nothing else (no stylesheet, no \
         script) first paints at {floor:.0} ms here, {:.2}× TimelineJS: no page can paint \
         sooner in this browser on this machine.\n",
        floor / typical(peer, &METRICS[FIRST_PAINT])
    );
    text += &format!(
        "\nMedians of {runs} run(s) per page, loaded alternately; click latencies over \
         {LAYER_CHANGES} layer changes per run.\n\n- Browser: {}\n- Machine: {}\n- Site: {}\n",
        setting.browser,
        setting.machine,
        setting.revision,
        runs = setting.runs,
    );
    text
}

/// Median over the runs of how long after its first contentful paint a page painted its
/// largest content.
fn content_after_first_paint(samples: &[Sample]) -> f64 {
    let gaps: Vec<f64> = samples
        .iter()
        .map(|s| s.view.lcp_ms - s.view.fcp_ms)
        .collect();
    median(&gaps).unwrap_or(f64::NAN)
}

fn shown(value: f64, metric: &Metric) -> String {
    let number = format!("{value:.*}", metric.decimals);
    if metric.unit.is_empty() {
        number
    } else {
        format!("{number} {}", metric.unit)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A page whose first paint is its content (largest contentful paint = first).
    fn sample(bytes: u64, fcp: f64, click: f64, cls: f64) -> Sample {
        Sample {
            view: FirstView {
                gzip_bytes: bytes,
                requests: 4,
                fcp_ms: fcp,
                lcp_ms: fcp,
                cls,
                elements: 100,
            },
            clicking: Clicking {
                first_click_ms: click,
                gzip_bytes_in_use: bytes,
                latencies_ms: vec![5.0; 60],
            },
        }
    }

    fn setting() -> Setting {
        Setting {
            browser: "B".into(),
            machine: "M".into(),
            runs: 1,
            revision: "R".into(),
        }
    }

    #[test]
    fn targets_follow_the_ratios() {
        let ours = [sample(40_000, 50.0, 100.0, 0.0)];
        let peer = [sample(90_000, 250.0, 600.0, 0.2)];
        assert!(targets(&ours, &peer).iter().all(|t| t.met));
        let heavy = [sample(80_000, 200.0, 100.0, 0.01)];
        let met: Vec<bool> = targets(&heavy, &peer).iter().map(|t| t.met).collect();
        assert_eq!(met, [false, false, true, true, false]);
    }

    #[test]
    fn the_paint_target_is_judged_on_the_content_not_a_loading_notice() {
        let ours = [sample(40_000, 120.0, 100.0, 0.0)];
        let mut notice_first = sample(90_000, 120.0, 600.0, 0.2);
        notice_first.view.lcp_ms = 300.0;
        let paint = |peer: &Sample| targets(&ours, std::slice::from_ref(peer))[1].met;
        assert!(paint(&notice_first));
        assert!(!paint(&sample(90_000, 200.0, 600.0, 0.2)));
        let text = markdown(
            &Samples {
                ours: ours.into(),
                peer: vec![notice_first],
                floor_fcp_ms: vec![50.0],
            },
            &setting(),
        );
        assert!(
            text.contains("notice, 180 ms before its content; ours is the explainer itself (0 ms")
        );
    }

    #[test]
    fn the_table_has_a_row_per_metric_and_names_what_is_not_met() {
        let samples = Samples {
            ours: vec![sample(80_000, 50.0, 100.0, 0.0)],
            peer: vec![sample(90_000, 250.0, 600.0, 0.2)],
            floor_fcp_ms: vec![40.0, 50.0, 60.0],
        };
        let text = markdown(&samples, &setting());
        assert!(text.contains("| First view, gzip | 80.0 KB | 90.0 KB | 0.89 |"));
        assert!(text.contains("first paints at 50 ms here, 0.20× TimelineJS"));
        assert!(text.contains("- **NOT MET**: bytes (gzip)"));
        assert_eq!(text.matches("\n| ").count(), METRICS.len());
    }
}
