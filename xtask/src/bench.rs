//! `cargo xtask bench [--quick] [--write]`: builds the release site and the test stories'
//! sites (`cargo xtask build-fixture`), then runs the `bench`
//! crate (see bench/src/main.rs), which generates the TimelineJS page from the content and
//! measures both pages in headless Chromium, on the desktop and under a phone profile. It
//! prints both tables and, unless `--quick` (or with `--write`), records them in BENCHMARKS.md.

use crate::command::{run, tool};
use crate::setup;

pub fn run_task() -> Result<(), String> {
    // build_tools installs TimelineJS with the other npm tools (see setup::npm_tools).
    setup::build_tools()?;
    setup::browser_tools()?;
    crate::release_build()?;
    // The large test story the benchmark loads beside the real one (issue 23).
    crate::fixture::build()?;
    let args: Vec<String> = std::env::args().skip(2).collect();
    measure(&args)
}

/// `cargo xtask test` ends with one quick run on the dist/ it has just built: it keeps the
/// command working and fails only when the benchmark cannot run, never on its figures.
pub fn quick_after_tests() -> Result<(), String> {
    println!("\n== Benchmark, quick run (figures not judged): ours beside TimelineJS ==");
    measure(&["--quick".to_owned()])
}

fn measure(args: &[String]) -> Result<(), String> {
    let mut command = tool("cargo", &["run", "--quiet", "-p", "bench", "--"]);
    command.args(args);
    run(command).map_err(|error| format!("{error}: the benchmark could not run"))
}
