//! The folder both pages are served from, under `target/` (never committed):
//! `ours/` is a copy of `dist/`, `ours-8-layers/` of the eight-layer test story's site, `timelinejs/` the generated TimelineJS page with its npm dist,
//! `floor/` and `floor-press/` the least a page can be for a first paint and for a tap.
//! Copies rather than links, so a rebuild of `dist/` during a run cannot change what is measured.

use crate::timeline;
use std::fs;
use std::path::{Path, PathBuf};

pub const OURS: &str = "ours";
pub const TIMELINEJS: &str = "timelinejs";
/// A copy of the eight-layer test story's site (`e2e::fixtures::EIGHT_LAYERS`).
pub const LARGE: &str = "ours-8-layers";
/// A page of one line of text and nothing else (not even an icon to fetch): the earliest first
/// paint any page can have in this browser on this machine, measured beside the two for reference.
pub const FLOOR: &str = "floor";
/// Two buttons and a line: a tap presses one and names it there (`press.js`), the least a tap
/// can change on screen.
pub const PRESS_FLOOR: &str = "floor-press";
/// The press floor page's buttons, by id and label, in the order they are tapped.
pub const PRESS_BUTTONS: [(&str, &str); 2] = [("first", "First"), ("second", "Second")];

/// Where TimelineJS's built files sit after `npm ci --prefix tools`.
const TIMELINEJS_DIST: &str = "tools/node_modules/@knight-lab/timelinejs/dist";

/// Where the page in `folder` is served, under the site's root.
pub fn page_path(folder: &str) -> String {
    format!("/{folder}/index.html")
}

pub fn project_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("bench sits in the workspace")
        .to_owned()
}

/// Writes the site afresh and returns its root.
pub fn prepare() -> Result<PathBuf, String> {
    let root = project_root();
    let site = root.join("target/bench/site");
    if site.exists() {
        fs::remove_dir_all(&site).map_err(|e| format!("{}: {e}", site.display()))?;
    }
    let dist = root.join("dist");
    if !dist.join("index.html").is_file() {
        return Err("dist/ has no index.html: run `cargo xtask bench` (it builds it)".to_owned());
    }
    copy_tree(&dist, &site.join(OURS))?;
    let large = e2e::fixture_site_folder(&e2e::fixtures::EIGHT_LAYERS);
    if !large.join("index.html").is_file() {
        return Err(format!(
            "{} has no index.html: run `cargo xtask bench` (it builds it)",
            large.display()
        ));
    }
    copy_tree(&large, &site.join(LARGE))?;
    timelinejs(&root.join(TIMELINEJS_DIST), &site.join(TIMELINEJS))?;
    write(
        &site.join(FLOOR).join("index.html"),
        "<!doctype html><html lang=\"en\"><meta charset=\"utf-8\"><title>floor</title>\
         <link rel=\"icon\" href=\"data:,\"><p>One line of text.</p>\n",
    )?;
    write(&site.join(PRESS_FLOOR).join("index.html"), &press_page())?;
    write(
        &site.join(PRESS_FLOOR).join("press.js"),
        include_str!("press.js"),
    )?;
    // The e2e server insists on a root index.html; this one lists the pages for a person.
    write(
        &site.join("index.html"),
        &format!(
            "<!doctype html><title>bench</title><ul><li><a href=\"{OURS}/index.html\">ours</a>\
             <li><a href=\"{TIMELINEJS}/index.html\">TimelineJS</a>\
             <li><a href=\"{LARGE}/index.html\">{large}</a></ul>\n",
            large = crate::measure::LARGE
        ),
    )?;
    Ok(site)
}

/// The press floor page: `PRESS_BUTTONS`, then the line `press.js` writes to.
fn press_page() -> String {
    let buttons: String = PRESS_BUTTONS
        .iter()
        .map(|(id, label)| format!("<button id=\"{id}\" aria-pressed=\"false\">{label}</button> "))
        .collect();
    format!(
        "<!doctype html><html lang=\"en\"><meta charset=\"utf-8\"><title>press floor</title>\
         <link rel=\"icon\" href=\"data:,\"><script src=\"press.js\" defer></script>\
         {buttons}<p><output>Nothing pressed</output></p>\n"
    )
}

fn timelinejs(npm_dist: &Path, folder: &Path) -> Result<(), String> {
    if !npm_dist.join("js/timeline.js").is_file() {
        return Err(format!(
            "{} is missing: run `npm ci --prefix tools` (cargo xtask bench does)",
            npm_dist.display()
        ));
    }
    for part in ["css", "js"] {
        copy_tree(&npm_dist.join(part), &folder.join(part))?;
    }
    let story = timeline::story();
    let pretty = serde_json::to_string_pretty(&story).map_err(|e| e.to_string())?;
    // The story on its own, to read or to load into TimelineJS elsewhere; start.js carries it.
    write(&folder.join("timeline.json"), &pretty)?;
    write(&folder.join("start.js"), &timeline::start_script(&story))?;
    write(&folder.join("index.html"), &timeline::page())
}

fn copy_tree(from: &Path, to: &Path) -> Result<(), String> {
    fs::create_dir_all(to).map_err(|e| format!("{}: {e}", to.display()))?;
    for entry in fs::read_dir(from).map_err(|e| format!("{}: {e}", from.display()))? {
        let path = entry.map_err(|e| e.to_string())?.path();
        let target = to.join(path.file_name().unwrap_or_default());
        if path.is_dir() {
            copy_tree(&path, &target)?;
        } else {
            fs::copy(&path, &target).map_err(|e| format!("{}: {e}", path.display()))?;
        }
    }
    Ok(())
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    let folder = path.parent().unwrap_or(path);
    fs::create_dir_all(folder).map_err(|e| format!("{}: {e}", folder.display()))?;
    fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}
