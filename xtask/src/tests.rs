//! `cargo xtask test`: every test, in the order that fails fastest, with one summary line.

use crate::command::{describe, run, tool};
#[path = "e2e.rs"]
mod e2e;
use crate::setup::{self, CHROMEDRIVER};
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

/// Pass and fail counts read from cargo's `test result:` lines.
#[derive(Default)]
struct Tally {
    passed: usize,
    failed: usize,
}

/// The project's lints, each counted as one test: clean passes, anything reported fails.
const LINTS: [&[&str]; 3] = [
    &["fmt", "--all", "--", "--check"],
    &[
        "clippy",
        "--workspace",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ],
    &[
        "clippy",
        "--target",
        "wasm32-unknown-unknown",
        "-p",
        "coalition-explainer",
        "--lib",
        "--bins",
        "--test",
        "browser",
        "--",
        "-D",
        "warnings",
    ],
];

impl Tally {
    /// One check's verdict.
    fn count(&mut self, outcome: &Result<(), String>) {
        match outcome {
            Ok(()) => self.passed += 1,
            Err(_) => self.failed += 1,
        }
    }

    fn read(&mut self, line: &str) {
        let Some(result) = line.trim().strip_prefix("test result: ") else {
            return;
        };
        for part in result.split([';', '.']) {
            let mut words = part.split_whitespace();
            match (
                words.next().and_then(|n| n.parse::<usize>().ok()),
                words.next(),
            ) {
                (Some(n), Some("passed")) => self.passed += n,
                (Some(n), Some("failed")) => self.failed += n,
                _ => {}
            }
        }
    }
}

pub fn run_all() -> Result<(), String> {
    setup::build_tools()?;
    setup::browser_tools()?;
    e2e::install_tools()?;
    let mut native = Tally::default();
    let mut browser = Tally::default();

    section("Lints: cargo fmt --check, cargo clippy -D warnings (native, then the WASM)");
    let mut lints = Tally::default();
    let lint_outcome = linted(&mut lints);

    section("Native tests: content, reducer, deep links, server-side renders");
    let cargo_test = tool("cargo", &["test", "--workspace"]);
    let native_outcome = counted(cargo_test, &mut native);

    section("Browser test: headless Chromium through WebDriver");
    let mut wasm_test = tool(
        "cargo",
        &[
            "test",
            "--target",
            "wasm32-unknown-unknown",
            "--test",
            "browser",
        ],
    );
    wasm_test
        .env("CHROMEDRIVER", CHROMEDRIVER)
        .env("WASM_BINDGEN_TEST_WEBDRIVER_JSON", "tests/webdriver.json")
        .env("WASM_BINDGEN_TEST_TIMEOUT", "180");
    let browser_outcome = counted(wasm_test, &mut browser);

    section("Release build: the deployable site in dist/");
    let build_outcome = crate::release_build();

    section("W3C HTML checker: the pages we ship and the embed code");
    let mut html = Tally::default();
    let html_outcome = match &build_outcome {
        Ok(()) => checked_html(&mut html),
        Err(_) => Err("the W3C HTML checker: not run, the release build failed".to_owned()),
    };

    let mut engines: Vec<(&str, Tally, Result<(), String>)> = Vec::new();
    for (engine, binary) in e2e::ENGINES {
        section(&format!(
            "End-to-end: the release site in {engine} through WebDriver"
        ));
        let mut tally = Tally::default();
        let outcome = match &build_outcome {
            Ok(()) => counted(e2e::engine_tests(binary), &mut tally),
            Err(_) => Err(format!("{engine}: not run, the release build failed")),
        };
        engines.push((engine, tally, outcome));
    }

    println!();
    println!("lints: {} passed, {} failed", lints.passed, lints.failed);
    println!("native: {} passed, {} failed", native.passed, native.failed);
    println!(
        "browser (Chromium): {} passed, {} failed",
        browser.passed, browser.failed
    );
    println!(
        "release build: {}",
        if build_outcome.is_ok() {
            "ok"
        } else {
            "FAILED"
        }
    );
    println!(
        "W3C HTML checker: {} passed, {} failed",
        html.passed, html.failed
    );
    for (engine, tally, _) in &engines {
        println!(
            "e2e {engine}: {} passed, {} failed",
            tally.passed, tally.failed
        );
    }
    let e2e_passed: usize = engines.iter().map(|(_, tally, _)| tally.passed).sum();
    let e2e_failed: usize = engines
        .iter()
        .map(|(_, tally, outcome)| tally.failed.max(usize::from(outcome.is_err())))
        .sum();
    let html_failed = html.failed.max(usize::from(html_outcome.is_err()));
    let failed = lints.failed
        + native.failed
        + browser.failed
        + usize::from(build_outcome.is_err())
        + html_failed
        + e2e_failed;
    let passed = lints.passed + native.passed + browser.passed + html.passed + e2e_passed;
    println!("{passed} passed, {failed} failed");
    let e2e_outcome = engines.into_iter().try_for_each(|(_, tally, outcome)| {
        outcome?;
        if tally.passed == 0 {
            return Err("an end-to-end engine ran no test".to_owned());
        }
        Ok(())
    });
    lint_outcome
        .and(native_outcome)
        .and(browser_outcome)
        .and(build_outcome)
        .and(html_outcome)
        .and(e2e_outcome)?;
    if native.passed == 0 || browser.passed == 0 {
        return Err("a suite ran no test".to_owned());
    }
    crate::bench::quick_after_tests()?;
    // The totals again as the last line, where CI reads a run's result.
    println!("\ntotal: {passed} passed, {failed} failed");
    Ok(())
}

/// `cargo xtask lint`: the lints alone, with their count.
pub fn lint_task() -> Result<(), String> {
    let mut lints = Tally::default();
    let outcome = linted(&mut lints);
    println!("lints: {} passed, {} failed", lints.passed, lints.failed);
    outcome
}

/// Runs every lint, counting each; the first failure is the outcome.
fn linted(tally: &mut Tally) -> Result<(), String> {
    let outcomes: Vec<Result<(), String>> = LINTS
        .iter()
        .map(|args| {
            let outcome = run(tool("cargo", args));
            tally.count(&outcome);
            outcome
        })
        .collect();
    outcomes.into_iter().collect()
}

/// The W3C checker's documents counted as tests: each passes with no error or warning.
fn checked_html(tally: &mut Tally) -> Result<(), String> {
    let outcome = crate::check_html::check_dist()?;
    tally.passed = outcome.passed;
    tally.failed = outcome.failed;
    outcome.verdict()
}

fn section(title: &str) {
    println!("\n== {title} ==");
}

/// Runs `command`, echoing its output and counting its test results.
fn counted(mut command: Command, tally: &mut Tally) -> Result<(), String> {
    let name = describe(&command);
    let mut child = command
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start {name}: {e}"))?;
    let stdout = child.stdout.take().expect("stdout is piped");
    for line in BufReader::new(stdout).lines().map_while(Result::ok) {
        println!("{line}");
        tally.read(&line);
    }
    let status = child.wait().map_err(|e| format!("{name}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{name}` failed ({status})"))
    }
}
