//! The end-to-end suite (the `e2e` crate) for `cargo xtask test`: installs its browsers, drivers,
//! pdftotext and the accessibility checkers where missing, and gives the command that runs it in one engine.
//!
//! A browser that cannot be installed fails the test command with the reason: no engine is
//! ever skipped.

use crate::command::{first_line, project_root, run, tool};
use std::process::Command;

/// The engines, as named in the summary and as the e2e crate's test binaries.
pub const ENGINES: [(&str, &str); 3] = [
    ("Chromium", "chromium"),
    ("Firefox", "firefox"),
    ("WebKit", "webkit"),
];

/// The Debian package behind each file the suite runs (Chromium's come from `setup`);
/// `pdftotext` reads back the printed PDF (e2e/src/scenarios/print.rs); nginx and its brotli
/// module serve the site with its own server block (e2e/src/nginx.rs); WordPress's `wp-embed.js`
/// frames it as WordPress does (e2e/src/scenarios/wordpress.rs).
const DEBIAN_FILES: [(&str, &str); 9] = [
    ("/usr/bin/chromium", "chromium"),
    ("/usr/bin/chromedriver", "chromium-driver"),
    ("/usr/bin/firefox-esr", "firefox-esr"),
    ("/usr/bin/WebKitWebDriver", "webkit2gtk-driver"),
    ("/usr/bin/xvfb-run", "xvfb"),
    ("/usr/bin/pdftotext", "poppler-utils"),
    ("/usr/sbin/nginx", "nginx"),
    (
        "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so",
        "libnginx-mod-http-brotli-static",
    ),
    (
        "/usr/share/wordpress/wp-includes/js/wp-embed.js",
        "wordpress",
    ),
];

/// Pinned, so every machine drives Firefox with the same driver.
const GECKODRIVER_VERSION: &str = "0.37.1";

/// What the suite needs besides the release site: its tools, and the test story's site
/// (`cargo xtask build-fixture`) that one Chromium scenario drives.
pub fn install_tools() -> Result<(), String> {
    crate::setup::debian_packages(&DEBIAN_FILES, "the end-to-end suite")?;
    geckodriver()?;
    accessibility_checkers()?;
    crate::fixture::build()
}

/// `cargo test -p e2e --test <engine>`, with the scenarios switched on.
pub fn engine_tests(binary: &str) -> Command {
    let mut command = tool("cargo", &["test", "-p", "e2e", "--test", binary]);
    command.env("E2E", "1");
    command
}

fn geckodriver() -> Result<(), String> {
    let installed = first_line(tool("geckodriver", &["--version"]));
    if installed.is_some_and(|line| line.contains(GECKODRIVER_VERSION)) {
        return Ok(());
    }
    println!("Installing geckodriver {GECKODRIVER_VERSION} (Firefox's WebDriver server)");
    let crate_version = format!("geckodriver@{GECKODRIVER_VERSION}");
    run(tool("cargo", &["install", "--locked", &crate_version]))
        .map_err(|error| format!("{error}: the Firefox end-to-end tests need geckodriver"))
}

/// The accessibility checkers' engine scripts, which the e2e suite injects into the page.
const CHECKER_SCRIPTS: [&str; 3] = [
    "axe-core/axe.min.js",
    "accessibility-checker-engine/ace-window.js",
    "html_codesniffer/build/HTMLCS.js",
];

fn accessibility_checkers() -> Result<(), String> {
    let modules = project_root().join("tools/node_modules");
    if CHECKER_SCRIPTS
        .iter()
        .all(|script| modules.join(script).exists())
    {
        return Ok(());
    }
    println!("Installing the accessibility checkers into tools/node_modules");
    run(tool(
        "npm",
        &["ci", "--no-audit", "--no-fund", "--prefix", "tools"],
    ))
    .map_err(|error| format!("{error}: the accessibility checks need axe-core, accessibility-checker-engine and html_codesniffer"))
}
