//! One page, measured in two loads in the shared Chromium session: a load left alone (bytes,
//! requests, first contentful and largest contentful paint, layout shift, DOM size), then a
//! load in which layer 2 is clicked from the start (first working click) and, once it works,
//! 50+ layer changes. The phone section (phone.rs) makes the same two loads, without the
//! layer changes.

use crate::site;
use coalition_explainer::content::{Content, CONTENT};
use coalition_explainer::ROOT_ID;
use e2e::{Browser, Res};
use flate2::write::GzEncoder;
use flate2::Compression;
use serde_json::{json, Value};
use std::io::Write;
use std::path::Path;
use std::time::Duration;

/// How long after the load event the first view may still shift (TimelineJS lays out late) on
/// the desktop; the phone section waits twice as long (phone.rs).
pub const SETTLE_MS: u64 = 2000;
/// Layer changes per clicking load: the issue asks for at least 50.
pub const LAYER_CHANGES: usize = 60;
/// Far above what either page needs for its first working click.
const FIRST_CLICK_LIMIT: Duration = Duration::from_secs(60);
/// `loaded()`: every URL the page has loaded so far, itself first.
const URLS_JS: &str = include_str!("urls.js");
/// `shown(quote, within)`: whether a layer's quote is on screen.
pub const SHOWN_JS: &str = include_str!("shown.js");

/// The large story's name in the report.
pub const LARGE: &str = "ours, 8 layers";

/// A page under test and how a reader works it.
pub struct Subject {
    pub name: &'static str,
    /// Under the served site, e.g. `/ours/index.html`.
    pub path: String,
    /// The control that opens each layer, in order.
    pub controls: Vec<String>,
    /// A quote of each layer, in order, which must show once its control is clicked.
    pub quotes: Vec<String>,
    /// The box that quote must lie inside to count as shown (TimelineJS's slide frame).
    pub within: Option<&'static str>,
    /// The part of the page whose DOM a layer change touches.
    pub root: String,
    /// Whether the page loads its code after the first view and marks `<html data-app="ready">`
    /// once it handles clicks (ours, see assets/boot.js).
    pub loads_app_later: bool,
}

impl Subject {
    pub fn ours() -> Subject {
        Subject::explainer("ours", site::OURS, &CONTENT)
    }

    /// The eight-layer test story (`e2e::fixtures::EIGHT_LAYERS`), built by
    /// `cargo xtask build-fixture`: a large story beside the real one (issue 23).
    pub fn large() -> Res<Subject> {
        let content = e2e::fixture_content(&e2e::fixtures::EIGHT_LAYERS)?;
        Ok(Subject::explainer(LARGE, site::LARGE, content))
    }

    /// Our app built from `content`, served from `folder`.
    fn explainer(name: &'static str, folder: &str, content: &Content) -> Subject {
        Subject {
            name,
            path: site::page_path(folder),
            controls: slugs_of(content, |slug| format!("#tab-{slug}")),
            quotes: slugs_of(content, |slug| format!("#panel-{slug} blockquote")),
            within: None,
            root: format!("#{ROOT_ID}"),
            loads_app_later: true,
        }
    }

    pub fn timelinejs() -> Subject {
        Subject {
            name: "TimelineJS",
            path: site::page_path(site::TIMELINEJS),
            // The marker in its time navigation: clicking it again stays on the slide, where
            // a repeated "next" would run on past slide 2.
            controls: slugs_of(&CONTENT, |slug| format!("#{slug}-marker")),
            quotes: slugs_of(&CONTENT, |slug| format!("#{slug} blockquote")),
            within: Some(".tl-storyslider"),
            root: "#timeline-embed".to_owned(),
            loads_app_later: false,
        }
    }
}

/// One selector per layer of `content`, in order, from its slug.
fn slugs_of(content: &Content, selector: impl Fn(&str) -> String) -> Vec<String> {
    content
        .layers
        .iter()
        .map(|layer| selector(layer.slug))
        .collect()
}

/// What one load of a page left alone showed.
pub struct FirstView {
    pub gzip_bytes: u64,
    pub requests: usize,
    pub fcp_ms: f64,
    /// When the page's largest content was painted: for a page that first paints a loading
    /// notice (TimelineJS), this, not the first contentful paint, is when its content shows.
    pub lcp_ms: f64,
    pub cls: f64,
    pub elements: u64,
}

/// What one load of a page clicked from the start showed.
pub struct Clicking {
    pub first_click_ms: f64,
    /// Everything the page had loaded once its layers had been clicked through: a page that
    /// defers its code pays for it here.
    pub gzip_bytes_in_use: u64,
    pub latencies_ms: Vec<f64>,
}

/// Loads the page at `path` (under the served site) and reports its first view, read
/// `settle_ms` after the load event.
pub async fn first_view(
    browser: &Browser,
    site: &Path,
    name: &str,
    path: &str,
    settle_ms: u64,
) -> Res<FirstView> {
    navigate(browser, path).await?;
    let script = format!("{URLS_JS}\n{}", include_str!("load.js"));
    let report = browser.js_async(&script, vec![json!(settle_ms)]).await?;
    if report["reducedMotion"] == true {
        return Err("the session still asks for reduced motion".to_owned());
    }
    if report["probed"] == true {
        return Err(format!(
            "{name}: the e2e server put its probe in the page; serve it where it does not"
        ));
    }
    let (gzip_bytes, requests) = transferred(browser, site, &report["urls"])?;
    Ok(FirstView {
        gzip_bytes,
        requests,
        fcp_ms: number(&report, "fcp")?,
        lcp_ms: number(&report, "lcp")?,
        cls: number(&report, "cls")?,
        elements: number(&report, "elements")? as u64,
    })
}

pub async fn clicking(browser: &Browser, site: &Path, subject: &Subject) -> Res<Clicking> {
    let first_click_ms = first_working_click(browser, subject).await?;
    // Click latency is the app's: the loader's early answer to a click is not what it measures.
    if subject.loads_app_later {
        browser.wait_for_app_started().await?;
    }
    let report = browser
        .js_async(
            include_str!("clicks.js"),
            vec![
                json!(subject.controls),
                json!(subject.root),
                json!(LAYER_CHANGES),
            ],
        )
        .await?;
    let urls = browser
        .js(&format!("{URLS_JS}\nreturn loaded();"), vec![])
        .await?;
    let (gzip_bytes_in_use, _) = transferred(browser, site, &urls)?;
    latencies(&report, subject).map(|latencies_ms| Clicking {
        first_click_ms,
        gzip_bytes_in_use,
        latencies_ms,
    })
}

/// A load of the page clicked from navigation start (`early.js`): when layer 2's quote first
/// showed, in ms after navigation start.
pub async fn first_working_click(browser: &Browser, subject: &Subject) -> Res<f64> {
    load_clicking_early(browser, subject).await?;
    first_click(browser, subject).await
}

/// Loads the page with `early.js` running before the page's own scripts, clicking layer 2.
async fn load_clicking_early(browser: &Browser, subject: &Subject) -> Res<()> {
    let target = json!({
        "control": subject.controls[1],
        "quote": subject.quotes[1],
        "within": subject.within,
    });
    let source = format!(
        "const TARGET = {target};\n{SHOWN_JS}\n{}",
        include_str!("early.js")
    );
    let installed = browser
        .cdp(
            "Page.addScriptToEvaluateOnNewDocument",
            json!({ "source": source }),
        )
        .await?;
    let loaded = navigate(browser, &subject.path).await;
    // Only this load clicks early; the next first-view load must be left alone.
    browser
        .cdp(
            "Page.removeScriptToEvaluateOnNewDocument",
            json!({ "identifier": installed["identifier"] }),
        )
        .await?;
    loaded
}

/// A fresh load of `path`, through about:blank so every load starts from nothing.
async fn navigate(browser: &Browser, path: &str) -> Res<()> {
    let url = format!("{}{path}", browser.server.base_url);
    for address in ["about:blank", url.as_str()] {
        browser
            .client
            .goto(address)
            .await
            .map_err(|e| format!("open {address}: {e}"))?;
    }
    Ok(())
}

async fn first_click(browser: &Browser, subject: &Subject) -> Res<f64> {
    let what = format!(
        "{}: layer 2's quote shown after clicking its control",
        subject.name
    );
    let found = browser
        .poll_script(
            &what,
            FIRST_CLICK_LIMIT,
            "return window.__benchFirstClick || null;",
            vec![],
            |found| !found.is_null(),
        )
        .await?;
    number(&found, "at")
}

fn latencies(report: &Value, subject: &Subject) -> Res<Vec<f64>> {
    if let Some(error) = report["error"].as_str() {
        return Err(format!("{}: layer changes failed: {error}", subject.name));
    }
    let unchanged = report["unchanged"].as_u64().unwrap_or_default();
    if unchanged > 0 {
        return Err(format!(
            "{}: {unchanged} of {LAYER_CHANGES} clicks changed nothing within a second",
            subject.name
        ));
    }
    Ok(report["latencies"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_f64)
        .collect())
}

fn number(report: &Value, key: &str) -> Res<f64> {
    report[key]
        .as_f64()
        .ok_or_else(|| format!("the page reported no {key}: {report}"))
}

/// The gzip -9 size of the files at `urls` (a JSON list) and how many there are.
fn transferred(browser: &Browser, site: &Path, urls: &Value) -> Res<(u64, usize)> {
    let urls: Vec<&str> = urls
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect();
    let bytes = gzip_bytes(site, &browser.server.base_url, &urls)?;
    Ok((bytes, urls.len()))
}

/// The gzip -9 size of every file the page loaded: what a server compressing at its best
/// level would send. Anything not from our loopback server fails the run.
fn gzip_bytes(site: &Path, base_url: &str, urls: &[&str]) -> Res<u64> {
    urls.iter()
        .map(|url| {
            let path = url
                .strip_prefix(base_url)
                .ok_or_else(|| format!("the page loaded {url}, outside the loopback server"))?;
            let path = path.split(['?', '#']).next().unwrap_or_default();
            gzip_size(&site.join(path.trim_start_matches('/')))
        })
        .sum()
}

fn gzip_size(file: &Path) -> Res<u64> {
    let bytes = std::fs::read(file).map_err(|e| format!("{}: {e}", file.display()))?;
    let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
    encoder.write_all(&bytes).map_err(|e| e.to_string())?;
    let compressed = encoder.finish().map_err(|e| e.to_string())?;
    Ok(compressed.len() as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_subjects_name_a_control_and_a_quote_per_layer() {
        for subject in [Subject::ours(), Subject::timelinejs()] {
            assert_eq!(subject.controls.len(), CONTENT.layers.len());
            assert_eq!(subject.quotes.len(), CONTENT.layers.len());
            assert!(subject.quotes[1].contains(CONTENT.layers[1].slug));
        }
        assert_eq!(Subject::ours().controls[1], "#tab-multinational-force");
    }

    #[test]
    fn the_large_story_names_a_control_and_a_quote_for_each_of_its_eight_layers() {
        let large = Subject::large().expect("the eight-layer story loads");
        assert_eq!((large.controls.len(), large.quotes.len()), (8, 8));
        assert_eq!(large.path, "/ours-8-layers/index.html");
    }

    #[test]
    fn gzip_counts_only_files_of_the_loopback_server() {
        let site = std::env::temp_dir().join(format!("bench-gzip-{}", std::process::id()));
        std::fs::create_dir_all(&site).expect("temp dir");
        std::fs::write(site.join("a.txt"), "a".repeat(10_000)).expect("file");
        let base = "http://127.0.0.1:1";
        let bytes = gzip_bytes(&site, base, &["http://127.0.0.1:1/a.txt?x=1"]).expect("size");
        assert!(bytes > 0 && bytes < 200, "{bytes}");
        assert!(gzip_bytes(&site, base, &["https://example.com/a.txt"]).is_err());
        std::fs::remove_dir_all(&site).expect("clean up");
    }
}
