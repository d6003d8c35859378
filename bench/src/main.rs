//! `cargo xtask bench [--quick] [--write]`: the explainer's release site beside a TimelineJS
//! 3.9.11 page with the same layers and quotes, and the eight-layer test story, served on
//! 127.0.0.1 and loaded in turn in headless Chromium: on the desktop, then again under a phone profile (phone.rs). Prints a
//! table of medians for each with the issues' targets met or not, and (a full run, or
//! `--write`) records them in BENCHMARKS.md.
//!
//! A benchmark, not a test: it exits 0 whatever the figures, and fails only when it cannot
//! measure. `cargo xtask bench` builds `dist/` first; this binary measures what `dist/` holds.

mod devtools;
mod machine;
mod measure;
mod phone;
mod report;
mod site;
mod stats;
mod taps;
mod timeline;
mod trace;

use e2e::{Browser, Engine, Res, Scheme, Server};
use measure::Subject;
use report::{Sample, Samples, Setting};
use serde_json::json;
use std::path::Path;
use std::process::ExitCode;

/// Single page loads on this 2-core machine vary by tens of ms (where timers and frames land):
/// eleven per page narrow each median. The machine's own drift from one run of the command to
/// the next remains (the report gives the load average for that reason).
const FULL_RUNS: usize = 11;
/// Wide enough for the explainer's desktop layout; a common laptop viewport.
const VIEWPORT: (u32, u32) = (1280, 900);
/// Pages measured in turn: ours, TimelineJS, and the large story (`Subject::large`).
pub const PAGES: usize = 3;

struct Options {
    runs: usize,
    write: bool,
    /// Only trace the phone's taps (trace.rs), measuring nothing else.
    trace: bool,
}

fn main() -> ExitCode {
    let Some(options) = options() else {
        eprintln!("usage: bench [--quick] [--write] | bench --trace");
        return ExitCode::FAILURE;
    };
    match run(&options) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("bench: {error}");
            ExitCode::FAILURE
        }
    }
}

/// `--quick` is one run per page (CI keeps the command working with it); a full run writes
/// BENCHMARKS.md unless it is quick, and `--write` asks for that either way.
fn options() -> Option<Options> {
    let mut options = Options {
        runs: FULL_RUNS,
        write: true,
        trace: false,
    };
    let mut write = false;
    for argument in std::env::args().skip(1) {
        match argument.as_str() {
            "--quick" => (options.runs, options.write) = (1, false),
            "--write" => write = true,
            "--trace" => options.trace = true,
            _ => return None,
        }
    }
    options.write |= write;
    Some(options)
}

fn run(options: &Options) -> Res<()> {
    let load_before = machine::load_average();
    let site = site::prepare()?;
    let server = Server::start(site.clone())?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .map_err(|e| format!("tokio: {e}"))?;
    if options.trace {
        return runtime.block_on(trace_taps(&server));
    }
    let (samples, browser_version) = runtime.block_on(measure_all(&server, &site, options))?;
    let setting = Setting {
        viewport: format!("{}×{} viewport, no throttling", VIEWPORT.0, VIEWPORT.1),
        browser: browser_version,
        machine: format!(
            "{}; load average {load_before} before, {} after",
            machine::describe(),
            machine::load_average()
        ),
        runs: options.runs,
        revision: machine::revision(),
    };
    let table = report::markdown(&samples, &setting);
    println!("\n{table}");
    if options.write {
        let file = site::project_root().join("BENCHMARKS.md");
        let previous = std::fs::read_to_string(&file).unwrap_or_default();
        std::fs::write(&file, machine::benchmarks_file(&table, &previous))
            .map_err(|e| format!("{}: {e}", file.display()))?;
        println!("Recorded in {}", file.display());
    }
    Ok(())
}

/// Every sample of every page, and the browser's version; the browser is closed either way.
async fn measure_all(server: &Server, site: &Path, options: &Options) -> Res<(Samples, String)> {
    let browser = Browser::launch(Engine::Chromium, Scheme::Light, server).await?;
    let outcome = measure_in(&browser, site, options).await;
    browser.close().await;
    outcome
}

async fn trace_taps(server: &Server) -> Res<()> {
    let browser = Browser::launch(Engine::Chromium, Scheme::Light, server).await?;
    let subjects = [Subject::ours(), Subject::timelinejs()];
    let outcome = match prepare_session(&browser).await {
        Ok(_) => trace::run(&browser, &subjects, VIEWPORT).await,
        Err(error) => Err(error),
    };
    browser.close().await;
    outcome
}

async fn measure_in(browser: &Browser, site: &Path, options: &Options) -> Res<(Samples, String)> {
    let version = prepare_session(browser).await?;
    let subjects = [Subject::ours(), Subject::timelinejs(), Subject::large()?];
    let floor_path = site::page_path(site::FLOOR);
    let settle = measure::SETTLE_MS;
    // One unrecorded load each: the first load of a session also pays for starting the
    // renderer and reading the browser's own files from disk.
    for subject in &subjects {
        measure::first_view(browser, site, subject.name, &subject.path, settle).await?;
    }
    let mut samples = Samples::default();
    for run in 0..options.runs {
        for index in alternately(run) {
            let subject = &subjects[index];
            println!("run {}/{}: {}", run + 1, options.runs, subject.name);
            let view =
                measure::first_view(browser, site, subject.name, &subject.path, settle).await?;
            let clicking = measure::clicking(browser, site, subject).await?;
            samples.desktop.push(index, Sample { view, clicking });
        }
        let floor = measure::first_view(browser, site, site::FLOOR, &floor_path, settle).await?;
        samples.floor_fcp_ms.push(floor.fcp_ms);
    }
    (samples.phone, samples.tap_floors) =
        phone::measure(browser, site, &subjects, options.runs, VIEWPORT).await?;
    Ok((samples, version))
}

/// The order of the pages in run `run`: it rotates which goes first, so none always follows
/// the same other.
fn alternately(run: usize) -> [usize; PAGES] {
    std::array::from_fn(|i| (run + i) % PAGES)
}

/// A reader's settings rather than the e2e suite's: motion allowed (the suite asks for reduced
/// motion), no HTTP cache (the server also says no-store), the desktop viewport (the phone
/// section sets its own and comes back to this one).
async fn prepare_session(browser: &Browser) -> Res<String> {
    browser
        .cdp("Emulation.setEmulatedMedia", json!({ "features": [] }))
        .await?;
    browser.cdp("Network.enable", json!({})).await?;
    browser
        .cdp("Network.setCacheDisabled", json!({ "cacheDisabled": true }))
        .await?;
    browser.set_viewport(VIEWPORT.0, VIEWPORT.1).await?;
    let version = browser.cdp("Browser.getVersion", json!({})).await?;
    let command_line = browser
        .cdp("Browser.getBrowserCommandLine", json!({}))
        .await?;
    Ok(format!(
        "{}, switches: {}",
        version["product"].as_str().unwrap_or("unknown"),
        switches(&command_line["arguments"])
    ))
}

/// The browser's switches as started (the e2e session's and chromedriver's), the profile
/// folder named only as fresh: its path changes every run.
fn switches(arguments: &serde_json::Value) -> String {
    let listed: Vec<&str> = arguments
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(serde_json::Value::as_str)
        .filter(|argument| argument.starts_with("--"))
        .map(|argument| {
            if argument.starts_with("--user-data-dir=") {
                "--user-data-dir=(fresh)"
            } else {
                argument
            }
        })
        .collect();
    listed.join(" ")
}
