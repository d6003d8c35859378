//! The accessibility checkers every page must satisfy: axe-core, IBM's Equal Access checker
//! and HTML_CodeSniffer (pa11y's). Each is the engine script from its npm package
//! (`tools/node_modules`, installed by `cargo xtask setup`), run in the page over WebDriver:
//! nothing is fetched at run time, and WebDriver's scripts are not subject to the page's CSP.

use crate::browser::Browser;
use crate::engine::Engine;
use crate::page::check;
use crate::Res;
use serde_json::{json, Value};
use std::path::PathBuf;

/// A finding accepted as a checker's false positive, on one element only (the reason is
/// written beside each entry).
struct Accepted {
    rule: &'static str,
    selector: &'static str,
}

struct Checker {
    name: &'static str,
    /// The engine script, under `tools/node_modules/`.
    script: &'static str,
    /// The global the script defines, present once it is injected into the document.
    global: &'static str,
    /// The run (after `accepted.js`, as one async script).
    run: &'static str,
    /// This page passes (or, for HTML_CodeSniffer, reports on) well over this many rules; far
    /// fewer means the checker did not really run.
    fewest_rules: u64,
    accepted: &'static [Accepted],
    /// An engine it cannot run in.
    not_in: Option<Engine>,
}

const ACCEPTED_JS: &str = include_str!("checkers/accepted.js");

const CHECKERS: [Checker; 3] = [
    Checker {
        name: "axe",
        script: "axe-core/axe.min.js",
        global: "axe",
        run: include_str!("checkers/axe.js"),
        fewest_rules: 15,
        accepted: &[],
        not_in: None,
    },
    Checker {
        name: "IBM Equal Access",
        // ace-window.js is ace.js that also sets `window.ace_ibma`: a WebDriver script is a
        // function body, where ace.js's top-level `var ace` would stay local.
        script: "accessibility-checker-engine/ace-window.js",
        global: "ace_ibma",
        run: include_str!("checkers/ibm.js"),
        fewest_rules: 15,
        accepted: &[],
        not_in: None,
    },
    Checker {
        name: "HTML_CodeSniffer",
        script: "html_codesniffer/build/HTMLCS.js",
        global: "HTMLCS",
        run: include_str!("checkers/htmlcs.js"),
        fewest_rules: 10,
        accepted: &[],
        // In Firefox ESR its run never calls back (WebDriver's 180 s script timeout; not yet
        // diagnosed): Chromium and WebKit only.
        not_in: Some(Engine::Firefox),
    },
];

impl Checker {
    /// The engine script as npm installed it.
    fn source(&self) -> Res<String> {
        let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../tools/node_modules")
            .join(self.script);
        std::fs::read_to_string(&path).map_err(|e| {
            format!(
                "{}: {e}: install the npm tools with `cargo xtask setup`",
                path.display()
            )
        })
    }

    /// Injects the engine into the current document unless it is there already.
    async fn inject(&self, browser: &Browser) -> Res<()> {
        let present = "return typeof window[arguments[0]] !== 'undefined';";
        if browser.js(present, vec![json!(self.global)]).await? == true {
            return Ok(());
        }
        // With `this` the window, as in a page's script: HTMLCS.js exports to `this`, which a
        // WebDriver script's body does not get in Firefox.
        let script = format!("(function () {{\n{}\n}}).call(window);", self.source()?);
        browser.js(&script, vec![]).await?;
        let injected = browser.js(present, vec![json!(self.global)]).await?;
        check(injected == true, || {
            format!("{} did not define window.{}", self.name, self.global)
        })
    }

    /// Runs the checker on the current document: its violations, each headed by its name.
    async fn violations(&self, browser: &Browser) -> Res<Vec<String>> {
        self.inject(browser).await?;
        let accepted: Vec<Value> = self
            .accepted
            .iter()
            .map(|a| json!({ "rule": a.rule, "selector": a.selector }))
            .collect();
        let script = format!("{ACCEPTED_JS}\n{}", self.run);
        let found = browser.js_async(&script, vec![accepted.into()]).await?;
        let ran = found["ran"].as_u64().unwrap_or(0);
        check(ran >= self.fewest_rules, || {
            format!("{} ran only {ran} rules: {found}", self.name)
        })?;
        Ok(found["violations"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|violation| format!("{}: {}", self.name, violation.as_str().unwrap_or("?")))
            .collect())
    }
}

/// Every checker's violations on the current document (a frame's, once entered).
pub async fn violations(browser: &Browser) -> Res<Vec<String>> {
    let mut all = Vec::new();
    let runs_here = |checker: &&Checker| checker.not_in != Some(browser.engine);
    for checker in CHECKERS.iter().filter(runs_here) {
        all.extend(checker.violations(browser).await?);
    }
    Ok(all)
}
