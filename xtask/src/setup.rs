//! Installs what a fresh machine of this kind lacks. Each step first checks, so a warm machine
//! spends seconds here.

use crate::command::{first_line, node_bin, project_root, run, tool};
use std::path::Path;

const TRUNK_VERSION: &str = "0.21.14";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// What `serve` and `build` need: the wasm target, Trunk, wasm-bindgen and wasm-opt, and the
/// crates fetched so Trunk can run offline.
pub fn build_tools() -> Result<(), String> {
    wasm_target()?;
    trunk()?;
    wasm_bindgen()?;
    npm_tools()?;
    run(tool("cargo", &["fetch", "--quiet"]))
}

/// What the browser tests need on top: Chromium and its WebDriver, from Debian's packages.
pub fn browser_tools() -> Result<(), String> {
    debian_packages(
        &[
            ("/usr/bin/chromium", "chromium"),
            (CHROMEDRIVER, "chromium-driver"),
        ],
        "the browser tests",
    )
}

/// Java, for the W3C HTML checker (`cargo xtask check-html`).
pub fn java() -> Result<(), String> {
    debian_packages(
        &[("/usr/bin/java", "default-jre-headless")],
        "the W3C HTML checker",
    )
}

/// Installs (with `apt-get`, as root) the Debian package behind each `(file, package)` whose
/// file is missing; `purpose` says in an error what needed them.
pub fn debian_packages(needed: &[(&str, &str)], purpose: &str) -> Result<(), String> {
    let missing: Vec<&str> = needed
        .iter()
        .filter(|(file, _)| !Path::new(file).exists())
        .map(|&(_, package)| package)
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    println!("Installing {} from Debian's packages", missing.join(", "));
    let failed = |error: String| format!("{error}: {} needed for {purpose}", missing.join(", "));
    run(tool("apt-get", &["update", "-qq"])).map_err(failed)?;
    let mut install = tool("apt-get", &["install", "-y", "-qq"]);
    install
        .args(&missing)
        .env("DEBIAN_FRONTEND", "noninteractive");
    run(install).map_err(failed)
}

fn wasm_target() -> Result<(), String> {
    let installed = tool("rustup", &["target", "list", "--installed"]).output();
    let listed = installed
        .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
        .unwrap_or_default();
    if listed
        .lines()
        .any(|line| line.trim() == "wasm32-unknown-unknown")
    {
        return Ok(());
    }
    run(tool("rustup", &["target", "add", "wasm32-unknown-unknown"]))
}

fn trunk() -> Result<(), String> {
    if version_of("trunk").is_some_and(|v| v.contains(TRUNK_VERSION)) {
        return Ok(());
    }
    println!("Installing Trunk {TRUNK_VERSION} (about 8 minutes on 2 cores)");
    run(tool(
        "cargo",
        &["install", "--locked", &format!("trunk@{TRUNK_VERSION}")],
    ))
}

/// wasm-bindgen's command-line tool must match the library in Cargo.lock exactly.
fn wasm_bindgen() -> Result<(), String> {
    let wanted = locked_version("wasm-bindgen")?;
    if version_of("wasm-bindgen")
        .is_some_and(|v| v.split_whitespace().nth(1) == Some(wanted.as_str()))
    {
        return Ok(());
    }
    println!("Installing wasm-bindgen-cli {wanted} to match Cargo.lock");
    // `--locked` fails to resolve for this version today; an exact `=` pin is enough.
    run(tool(
        "cargo",
        &[
            "install",
            "--force",
            "wasm-bindgen-cli",
            "--version",
            &format!("={wanted}"),
        ],
    ))
}

/// npm's packages in `tools/`: wasm-opt (binaryen; Debian's is too old for current Rust output)
/// pym.js for the demo host page, and what the checks need (see tools/package.json). `npm ci` installs exactly what the lockfile pins.
fn npm_tools() -> Result<(), String> {
    let needed = [
        node_bin().join("wasm-opt"),
        node_bin().join("../pym.js/dist/pym.v1.min.js"),
        // The peer `cargo xtask bench` measures the explainer against.
        node_bin().join("../@knight-lab/timelinejs/dist/js/timeline.js"),
        // The W3C HTML checker and the iframe-resizer hosts of the checks and e2e suite.
        node_bin().join("../vnu-jar/build/dist/vnu.jar"),
        node_bin().join("../iframe-resizer/js/iframeResizer.min.js"),
        node_bin().join("../@iframe-resizer/parent/index.umd.js"),
    ];
    if needed.iter().all(|path| path.exists()) {
        return Ok(());
    }
    println!("Installing npm tools (binaryen's wasm-opt, pym.js) into tools/node_modules");
    run(tool(
        "npm",
        &["ci", "--no-audit", "--no-fund", "--prefix", "tools"],
    ))
}

fn version_of(program: &str) -> Option<String> {
    first_line(tool(program, &["--version"]))
}

/// The version of `package` that Cargo.lock pins.
pub fn locked_version(package: &str) -> Result<String, String> {
    let lock = std::fs::read_to_string(project_root().join("Cargo.lock"))
        .map_err(|e| format!("Cargo.lock: {e}"))?;
    let marker = format!("name = \"{package}\"\nversion = \"");
    crate::text::quoted_value_after(&lock, &marker)
        .map(str::to_owned)
        .ok_or_else(|| format!("Cargo.lock has no package {package}"))
}
