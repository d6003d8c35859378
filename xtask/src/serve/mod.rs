//! `cargo xtask serve`: the editors' loop. Builds the explainer (a debug build, in
//! `target/serve/`), serves it at http://127.0.0.1:8080/, and watches the content file, its
//! article and the code:
//! - a content problem shows in the open page over the last good page (`live.js`): every
//!   problem with its line and hint, until the file is fixed;
//! - an edit of words the WASM does not carry (all but slugs, names, stage lines, quote ids and
//!   speakers: `content_compiler::Reach::App`) prerenders the page again in this process, in
//!   well under a second, and the open page reloads itself;
//! - any other edit rebuilds with Trunk, as `trunk serve` would.
//!
//! Architecture Invariant: nothing of this reaches a release build. The page's live script
//! and stylesheet are served from `LIVE_PATH`, added to the page as it is sent, never written
//! into a built folder.

mod server;
mod watch;

use crate::command::{self, project_root};
use content_compiler::{ContentError, Reach};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use watch::{Change, Watch};

/// Set for the Trunk build that `serve` runs, so its prerender hook keeps Trunk's page.
const SERVING: &str = "EXPLAINER_SERVING";
/// Trunk's page before the prerender, kept beside the served site.
pub const TEMPLATE: &str = ".trunk-page.html";
/// Where the live script, stylesheet and state are served.
pub const LIVE_PATH: &str = "/.well-known/explainer-live/";
/// Where it listens, unless `EXPLAINER_SERVE_ADDRESS` says otherwise (the e2e scenario does).
const ADDRESS: &str = "127.0.0.1:8080";
const SITE: &str = "target/serve";
const DEFAULT_CONTENT: &str = "content/explainer.toml";

/// Whether this process is the prerender hook of a build `serve` runs.
pub fn serving() -> bool {
    std::env::var_os(SERVING).is_some()
}

/// Under plain `trunk serve`, whose debug build kept the last good content over a broken file
/// (build.rs): the problems, written beside the page in `folder` as the live script reads them,
/// and the page given the live script and stylesheet. Nothing when the file has none.
pub fn list_problems_in(folder: &Path) -> Result<(), String> {
    let file = content_file();
    let source = std::fs::read_to_string(&file).map_err(|e| format!("{file}: {e}"))?;
    let Err(problems) = content_compiler::parse(&file, &source) else {
        return Ok(());
    };
    let live = Live {
        build: 0,
        problems: problems.0,
    };
    let files = [
        (LIVE_FILES[0], server::LIVE_SCRIPT.to_owned()),
        (LIVE_FILES[1], server::LIVE_STYLE.to_owned()),
        (LIVE_FILES[2], server::state_json(&live)),
    ];
    for (name, text) in files {
        let path = folder.join(name);
        std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    let index = folder.join("index.html");
    let page = std::fs::read_to_string(&index).map_err(|e| format!("{}: {e}", index.display()))?;
    let page = server::with_live_tags(&page, &LIVE_FILES.map(|name| format!("./{name}")));
    std::fs::write(&index, page).map_err(|e| format!("{}: {e}", index.display()))
}

/// The live script, stylesheet and state as files beside a page built by plain `trunk serve`.
const LIVE_FILES: [&str; 3] = [
    "explainer-live.js",
    "explainer-live.css",
    "explainer-live.json",
];

/// The content file a build reads: `EXPLAINER_CONTENT`, else the real story.
fn content_file() -> String {
    std::env::var("EXPLAINER_CONTENT")
        .ok()
        .filter(|file| !file.is_empty())
        .unwrap_or_else(|| DEFAULT_CONTENT.to_owned())
}

/// What the open page is told: which build it shows and what is wrong now.
#[derive(Default)]
pub struct Live {
    /// Counts the pages built; the open page reloads when it moves.
    pub build: u64,
    pub problems: Vec<ContentError>,
}

pub type Shared = Arc<Mutex<Live>>;

pub fn run() -> Result<(), String> {
    crate::setup::build_tools()?;
    let root = project_root();
    std::env::set_current_dir(&root).map_err(|e| e.to_string())?;
    let file = content_file();
    let site = root.join(SITE);
    let live = Shared::default();
    let mut editor = Editor {
        file,
        site,
        live: live.clone(),
        app_reach: None,
    };
    let address = std::env::var("EXPLAINER_SERVE_ADDRESS").unwrap_or_else(|_| ADDRESS.to_owned());
    server::start(&address, editor.site.clone(), live)?;
    editor.rebuild();
    println!(
        "Serving the explainer at http://{address}/ (Ctrl-C stops it); watching {} and the code",
        editor.file
    );
    let mut watch = Watch::new(&editor.file);
    loop {
        match watch.next_change() {
            Change::Words => editor.words_changed(),
            Change::Code => editor.rebuild(),
        }
        watch.follow_article(&editor.file);
    }
}

/// The loop's state: the content file, the site and what the WASM was built with.
struct Editor {
    file: String,
    site: PathBuf,
    live: Shared,
    /// The app's reach of the content the WASM was built from (`None`: unknown, rebuild).
    app_reach: Option<String>,
}

impl Editor {
    /// A change of the content file or its article: the problems, or the new page.
    fn words_changed(&mut self) {
        let started = std::time::Instant::now();
        let source = match std::fs::read_to_string(&self.file) {
            Ok(source) => source,
            Err(error) => return self.report(vec![unreadable(&self.file, &error)]),
        };
        let app_reach = match content_compiler::compile(&self.file, &source, Reach::App) {
            Ok(app_reach) => app_reach,
            Err(problems) => return self.report(problems.0),
        };
        if self.app_reach.as_ref() != Some(&app_reach) {
            println!("serve: the words the app carries changed: rebuilding");
            return self.rebuild();
        }
        match self.prerender(&source) {
            Ok(()) => {
                self.publish(Vec::new());
                println!(
                    "serve: page updated in {} ms",
                    started.elapsed().as_millis()
                );
            }
            Err(message) => self.report(vec![build_problem(&self.file, message)]),
        }
    }

    /// The page again from Trunk's, with the words of `source` (already valid).
    fn prerender(&self, source: &str) -> Result<(), String> {
        let content = content_compiler::load(&self.file, source).map_err(|e| e.to_string())?;
        let _shown = coalition_explainer::content::show(content);
        let template = self.site.join(TEMPLATE);
        let page = std::fs::read_to_string(&template)
            .map_err(|e| format!("{}: {e}", template.display()))?;
        // A debug build, as Trunk made it: nothing to minify.
        crate::prerender::prerender_page(&self.site, &page, None, crate::prerender::Finish::Live)
    }

    /// A Trunk build of everything; on failure, the last good page stays, with the problems.
    fn rebuild(&mut self) {
        let source = std::fs::read_to_string(&self.file).unwrap_or_default();
        if let Err(problems) = content_compiler::parse(&self.file, &source) {
            return self.report(problems.0);
        }
        let mut trunk = command::trunk(&["build", "--dist", SITE]);
        trunk.env(SERVING, "1").env("EXPLAINER_CONTENT", &self.file);
        match command::run(trunk) {
            Ok(()) => {
                self.app_reach = content_compiler::compile(&self.file, &source, Reach::App).ok();
                self.publish(Vec::new());
            }
            Err(message) => {
                self.app_reach = None;
                self.report(vec![build_problem("trunk build", message)]);
            }
        }
    }

    fn report(&self, problems: Vec<ContentError>) {
        eprintln!("serve: {} problem(s), shown in the page:", problems.len());
        for problem in &problems {
            eprintln!("{problem}");
        }
        let mut live = self
            .live
            .lock()
            .expect("the server never panics holding it");
        live.problems = problems;
    }

    /// A new good page: the open page reloads, its problems gone.
    fn publish(&self, problems: Vec<ContentError>) {
        let mut live = self
            .live
            .lock()
            .expect("the server never panics holding it");
        live.build += 1;
        live.problems = problems;
    }
}

fn unreadable(file: &str, error: &std::io::Error) -> ContentError {
    build_problem(file, format!("cannot read the content file: {error}"))
}

/// A problem that is not a place in the content file: a failed build, an unreadable file.
fn build_problem(file: &str, message: String) -> ContentError {
    ContentError {
        file: file.to_owned(),
        line: 0,
        column: 0,
        field: "(build)".to_owned(),
        message: format!("{message} (the terminal has the details)"),
        text: String::new(),
        hint: None,
    }
}

/// The article the content file names, if it reads: watched with it.
fn article_of(file: &str) -> Option<PathBuf> {
    let source = std::fs::read_to_string(file).ok()?;
    let content = content_compiler::parse(file, &source).ok()?;
    Some(content_compiler::article_path(file, &content))
}

/// Every file under `folder`, for the watch.
fn files_under(folder: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return vec![folder.to_owned()];
    };
    entries
        .flatten()
        .flat_map(|entry| match entry.file_type() {
            Ok(kind) if kind.is_dir() => files_under(&entry.path()),
            _ => vec![entry.path()],
        })
        .collect()
}
