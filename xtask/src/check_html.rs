//! `cargo xtask check-html`: the W3C HTML checker (the Nu checker, npm `vnu-jar`, on Java) over
//! what we ship as HTML: the prerendered page, the demo host page, `standalone.html`, and the
//! embed code itself, pasted into a minimal valid article (`e2e/hosts/pasted.html`, the page
//! the end-to-end suite pastes it into too). One run of the checker for every document, a
//! couple of seconds. It checks the `dist/` of the last build (`cargo xtask build`).
//!
//! Errors and warnings fail. The checker's info messages are notes, not problems (Trunk writes
//! `<link …/>`, "trailing slash on void elements has no effect"), and are not reported. A few
//! messages about correct markup are accepted, each listed in [`ACCEPTED`] with why.

use crate::command::{project_root, tool};
use crate::share::{self, SiteAddress};
use serde_json::Value;
use std::path::{Path, PathBuf};

/// Where the article page with the pasted embed code is written for the checker.
const CHECKED_FOLDER: &str = "target/check-html";
/// The address the embed code is written for when the build had no `EXPLAINER_URL`: a
/// newsroom's sub-folder, as issue 13 names it.
const EXAMPLE_ADDRESS: &str = "https://news.example/graphics/2026/ukraine/";

/// Messages the checker gives on markup that is right, with the reason each is accepted.
const ACCEPTED: [(&str, &str); 3] = [
    ("CSS: Unrecognized at-rule “@container”", CONTAINER_QUERIES),
    (
        "CSS: “container-type”: Property “container-type” doesn't exist.",
        CONTAINER_QUERIES,
    ),
    (
        "CSS: “container”: Property “container” doesn't exist.",
        CONTAINER_QUERIES,
    ),
];
const CONTAINER_QUERIES: &str = "container queries (CSS Containment 3, in all three engines) are newer than the checker's CSS grammar; only standalone.html, which inlines the stylesheet, shows them to it";

/// How many documents passed and failed.
pub struct Outcome {
    pub passed: usize,
    pub failed: usize,
}

impl Outcome {
    /// Fails when a document does.
    pub fn verdict(&self) -> Result<(), String> {
        if self.failed == 0 {
            return Ok(());
        }
        Err(format!(
            "{} of {} documents fail the W3C HTML checker",
            self.failed,
            self.passed + self.failed
        ))
    }
}

/// `cargo xtask check-html`.
pub fn run_task() -> Result<(), String> {
    check_dist()?.verdict()
}

/// Checks every document, printing one line for each and the checker's messages for any that
/// fails. `Err` only when the checker cannot run.
pub fn check_dist() -> Result<Outcome, String> {
    let dist = project_root().join("dist");
    let documents = documents(&dist)?;
    let messages = run_checker(&documents)?;
    let mut outcome = Outcome {
        passed: 0,
        failed: 0,
    };
    for document in &documents {
        let verdict = judge(document, &messages);
        println!("{}", verdict.summary(&shown_path(document)));
        if verdict.problems.is_empty() {
            outcome.passed += 1;
        } else {
            outcome.failed += 1;
        }
    }
    Ok(outcome)
}

/// The prerendered page, the demo page, `standalone.html` when the build made it, and the
/// article with the embed code.
fn documents(dist: &Path) -> Result<Vec<PathBuf>, String> {
    let index = dist.join("index.html");
    if !index.is_file() {
        return Err(format!(
            "{} is missing: build the site first (`cargo xtask build`)",
            index.display()
        ));
    }
    let mut documents = vec![index, dist.join("demo/index.html")];
    let standalone = dist.join(crate::standalone::FILE_NAME);
    if standalone.is_file() {
        documents.push(standalone);
    }
    documents.push(write_article_with_code(&embed_code_to_check(dist)?)?);
    Ok(documents)
}

/// The code `oembed.json` carries when the build knew its address, else the code the running
/// page writes for a newsroom's sub-folder (the same `embed_snippet`).
fn embed_code_to_check(dist: &Path) -> Result<String, String> {
    let oembed = dist.join(share::OEMBED_FILE);
    if !oembed.is_file() {
        let example = SiteAddress::parse(EXAMPLE_ADDRESS)?;
        return Ok(share::embed_code(&example));
    }
    let text =
        std::fs::read_to_string(&oembed).map_err(|e| format!("{}: {e}", oembed.display()))?;
    let json: Value =
        serde_json::from_str(&text).map_err(|e| format!("{}: {e}", oembed.display()))?;
    json["html"]
        .as_str()
        .map(str::to_owned)
        .ok_or_else(|| format!("{} has no `html` string", oembed.display()))
}

fn write_article_with_code(code: &str) -> Result<PathBuf, String> {
    let template_file = project_root().join("e2e/hosts/pasted.html");
    let template = std::fs::read_to_string(&template_file)
        .map_err(|e| format!("{}: {e}", template_file.display()))?;
    let folder = project_root().join(CHECKED_FOLDER);
    std::fs::create_dir_all(&folder).map_err(|e| format!("{}: {e}", folder.display()))?;
    let article = folder.join("embed-code.html");
    std::fs::write(&article, template.replace("{{code}}", code))
        .map_err(|e| format!("{}: {e}", article.display()))?;
    Ok(article)
}

/// Every message the checker has on `documents`, in its JSON form.
fn run_checker(documents: &[PathBuf]) -> Result<Vec<Value>, String> {
    crate::setup::java()?;
    let jar = crate::command::node_bin().join("../vnu-jar/build/dist/vnu.jar");
    if !jar.is_file() {
        return Err(format!(
            "{} is missing (`cargo xtask setup` installs it)",
            jar.display()
        ));
    }
    let mut command = tool("java", &["-jar"]);
    command
        .arg(&jar)
        .args(["--format", "json", "--stdout", "--exit-zero-always"])
        .arg("--skip-info-messages")
        .args(documents);
    let output = command
        .output()
        .map_err(|e| format!("cannot start the W3C HTML checker (java): {e}"))?;
    let report: Value = serde_json::from_slice(&output.stdout).map_err(|e| {
        format!(
            "the W3C HTML checker's report is not JSON ({e}): {}",
            String::from_utf8_lossy(&output.stderr)
        )
    })?;
    Ok(report["messages"].as_array().cloned().unwrap_or_default())
}

/// What the checker said of one document.
#[derive(Debug, PartialEq)]
struct Verdict {
    /// `line: type: message`, for each error or warning not accepted.
    problems: Vec<String>,
    /// How many messages were accepted (see [`ACCEPTED`]), with the reasons given.
    accepted: Vec<&'static str>,
}

impl Verdict {
    fn summary(&self, name: &str) -> String {
        let mut reasons = self.accepted.clone();
        reasons.dedup();
        let accepted = if self.accepted.is_empty() {
            String::new()
        } else {
            format!(
                " ({} accepted: {})",
                self.accepted.len(),
                reasons.join("; ")
            )
        };
        if self.problems.is_empty() {
            format!("{name}: valid{accepted}")
        } else {
            let count = self.problems.len();
            let noun = if count == 1 { "problem" } else { "problems" };
            format!(
                "{name}: {count} {noun}{accepted}\n  {}",
                self.problems.join("\n  ")
            )
        }
    }
}

/// The messages about `document`: the checker names files by `file:` URL. A message with no
/// file (the checker could not read one) is a problem of every document.
fn judge(document: &Path, messages: &[Value]) -> Verdict {
    let url = format!("file:{}", document.display());
    let mut verdict = Verdict {
        problems: Vec::new(),
        accepted: Vec::new(),
    };
    for message in messages {
        let about = message["url"].as_str();
        if about.is_some_and(|about| about != url) {
            continue;
        }
        let text = message["message"].as_str().unwrap_or_default();
        match ACCEPTED.iter().find(|(accepted, _)| *accepted == text) {
            Some((_, reason)) => verdict.accepted.push(reason),
            None => verdict
                .problems
                .push(format!("{}{}: {text}", line_of(message), kind(message))),
        }
    }
    verdict
}

/// `line N: `, where the checker gives one.
fn line_of(message: &Value) -> String {
    message["lastLine"]
        .as_u64()
        .map(|line| format!("line {line}: "))
        .unwrap_or_default()
}

/// "error", "warning", or the checker's own type.
fn kind(message: &Value) -> &str {
    match (message["type"].as_str(), message["subType"].as_str()) {
        (Some("info"), Some("warning")) => "warning",
        (Some(kind), _) => kind,
        (None, _) => "message",
    }
}

fn shown_path(document: &Path) -> String {
    document
        .strip_prefix(project_root())
        .unwrap_or(document)
        .display()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::{judge, Verdict, CONTAINER_QUERIES};
    use serde_json::json;
    use std::path::Path;

    #[test]
    fn errors_and_warnings_fail_and_listed_messages_are_accepted() {
        let messages = [
            json!({"type": "error", "url": "file:/d/index.html", "lastLine": 9, "message": "Bad value."}),
            json!({"type": "info", "subType": "warning", "url": "file:/d/index.html", "lastLine": 3, "message": "Consider it."}),
            json!({"type": "error", "url": "file:/d/index.html", "lastLine": 4, "message": "CSS: Unrecognized at-rule “@container”"}),
            json!({"type": "error", "url": "file:/d/other.html", "lastLine": 1, "message": "Elsewhere."}),
        ];
        assert_eq!(
            judge(Path::new("/d/index.html"), &messages),
            Verdict {
                problems: vec![
                    "line 9: error: Bad value.".to_owned(),
                    "line 3: warning: Consider it.".to_owned()
                ],
                accepted: vec![CONTAINER_QUERIES],
            }
        );
    }

    #[test]
    fn a_message_about_no_file_fails_every_document() {
        let messages = [json!({"type": "non-document-error", "message": "Cannot read."})];
        let verdict = judge(Path::new("/d/index.html"), &messages);
        assert_eq!(verdict.problems, ["non-document-error: Cannot read."]);
    }
}
