//! The machine and the revision the figures belong to, and the BENCHMARKS.md they go into.

use crate::site::project_root;
use std::process::Command;

/// CPU model, cores, memory and system, from Linux's own files.
pub fn describe() -> String {
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let meminfo = std::fs::read_to_string("/proc/meminfo").unwrap_or_default();
    let os_release = std::fs::read_to_string("/etc/os-release").unwrap_or_default();
    let cpu = field(&cpuinfo, "model name", ':').unwrap_or("unknown CPU");
    let cores = std::thread::available_parallelism().map_or(0, usize::from);
    let memory_kib: f64 = field(&meminfo, "MemTotal", ':')
        .and_then(|value| value.trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0.0);
    let system = field(&os_release, "PRETTY_NAME", '=').unwrap_or("unknown system");
    format!(
        "{cpu}, {cores} cores, {:.1} GiB memory, {}",
        memory_kib / 1024.0 / 1024.0,
        system.trim_matches('"')
    )
}

/// The 1-minute load average: on a shared machine, other work running beside the benchmark
/// slows both pages and widens the spread, so the report says how busy the machine was.
pub fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|text| text.split_whitespace().next().map(str::to_owned))
        .unwrap_or_else(|| "unknown".to_owned())
}

/// The first `name<separator>value` line's value, trimmed.
fn field<'a>(text: &'a str, name: &str, separator: char) -> Option<&'a str> {
    text.lines().find_map(|line| {
        let (key, value) = line.split_once(separator)?;
        (key.trim() == name).then(|| value.trim())
    })
}

/// The commit measured, marked when the working tree differs from it.
pub fn revision() -> String {
    let output = Command::new("git")
        .args(["describe", "--always", "--dirty=+uncommitted changes"])
        .current_dir(project_root())
        .output();
    match output {
        Ok(output) if output.status.success() => format!(
            "dist/ built from commit {}",
            String::from_utf8_lossy(&output.stdout).trim()
        ),
        _ => "dist/ (commit unknown)".to_owned(),
    }
}

/// Where BENCHMARKS.md's method begins: written by hand, kept by every run that records figures.
pub const METHOD_HEADING: &str = "## How each figure is measured";

/// BENCHMARKS.md with the new figures: the header, the table, then the method kept from the
/// file as it was (`previous`, from its `METHOD_HEADING` on; nothing if it has none).
pub fn benchmarks_file(table: &str, previous: &str) -> String {
    let method = previous
        .find(METHOD_HEADING)
        .map(|start| format!("\n{}", &previous[start..]))
        .unwrap_or_default();
    format!(
        "# Benchmark: the explainer beside TimelineJS 3.9.11\n\n\
         Written by `cargo xtask bench`; how each figure is measured is at the end, under \"How each figure\n\
         is measured\". Both pages carry the same layers and quotes, are served from 127.0.0.1\n\
         (bytes are the gzip -9 sizes of the files loaded) and are loaded in turn, with a third,\n\
         the eight-layer test story, in headless Chromium with the cache off: on the desktop,\n\
         then under a phone profile (CPU and network throttled, a phone's viewport).\n\n{table}{method}"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_read_by_name() {
        let text = "processor\t: 0\nmodel name\t: Some CPU @ 2.0GHz\n";
        assert_eq!(field(text, "model name", ':'), Some("Some CPU @ 2.0GHz"));
        assert_eq!(field("A=\"x\"\n", "A", '='), Some("\"x\""));
        assert_eq!(field(text, "missing", ':'), None);
    }

    #[test]
    fn the_method_outlives_new_figures() {
        let previous = format!("# old\n\nold figures\n\n{METHOD_HEADING}\n\nHow.\n");
        let file = benchmarks_file("new figures\n", &previous);
        assert!(file.contains("new figures\n\n## How each figure is measured\n\nHow.\n"));
        assert!(!file.contains("old figures"));
        assert!(benchmarks_file("new figures\n", "").ends_with("new figures\n"));
    }
}
