//! End-to-end tests of the release site (`dist/`) in Chromium, Firefox ESR and WebKit.
//!
//! Each engine's test binary (`tests/<engine>.rs`) calls [`run`]: it serves `dist/` on
//! 127.0.0.1, opens one WebDriver session, and runs every scenario in it, one after another.
//! After each scenario the page, the engine and the server are asked whether anything went
//! wrong: a console error or warning, an uncaught error, or a request not answered with 200.
//! Then it takes the screenshots (`scenarios::screenshots`), artifacts rather than tests: they
//! are reported as `screenshots: N written`, never counted as passed.

mod browser;
mod checkers;
mod engine;
pub mod fixtures;
mod modes;
mod nginx;
mod page;
pub mod phone;
mod scenarios;
mod server;
mod wait;

pub use engine::Engine;

// Public for the benchmark (`bench/`), which drives the same Chromium session on the same server.
pub use browser::Browser;
pub use engine::Scheme;
use libtest_mimic::{Arguments, Trial};
use scenarios::Scenario;
pub use server::{Server, Setup};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

pub type Res<T> = Result<T, String>;

/// Far above any scenario's need (the slowest, three checkers on four layers, takes well under a minute),
/// but the editors' loop, which waits for a whole debug build (`Scenario::limit`).
pub const SCENARIO_LIMIT: Duration = Duration::from_secs(300);

/// Runs every scenario in `engine` as a test. They are ignored unless `E2E=1` (or
/// `--include-ignored`), so `cargo test --workspace` lists them without starting a browser.
pub fn run(engine: Engine) -> ExitCode {
    let mut arguments = Arguments::from_args();
    // One browser session serves every scenario, so they run one at a time, in order.
    arguments.test_threads = Some(1);
    let asked = std::env::var("E2E").is_ok_and(|value| value == "1");
    if !asked && !arguments.include_ignored && !arguments.ignored {
        eprintln!(
            "{}: end-to-end scenarios ignored; run them with E2E=1 (cargo xtask test does)",
            engine.name()
        );
    }
    let suite = Arc::new(Suite::new(engine));
    let trials = scenarios::all(engine)
        .into_iter()
        .map(|scenario| {
            let suite = Arc::clone(&suite);
            Trial::test(full_name(&scenario), move || {
                suite.run(&scenario).map_err(Into::into)
            })
            .with_ignored_flag(!asked)
        })
        .collect();
    let conclusion = libtest_mimic::run(&arguments, trials);
    let runs_scenarios = asked || arguments.include_ignored || arguments.ignored;
    let screenshots_taken = arguments.list || !runs_scenarios || suite.take_screenshots(&arguments);
    suite.finish();
    if screenshots_taken {
        conclusion.exit_code()
    } else {
        ExitCode::FAILURE
    }
}

/// `<scheme>::<scenario>`, what a filter argument matches.
fn full_name(scenario: &Scenario) -> String {
    format!("{}::{}", scenario.scheme.name(), scenario.name)
}

struct Suite {
    engine: Engine,
    runtime: tokio::runtime::Runtime,
    state: Mutex<State>,
}

#[derive(Default)]
struct State {
    server: Option<Server>,
    browser: Option<Browser>,
    /// Why the browser could not start: every later scenario fails with it at once.
    broken: Option<String>,
}

impl Suite {
    fn new(engine: Engine) -> Suite {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
            .expect("a tokio runtime");
        Suite {
            engine,
            runtime,
            state: Mutex::new(State::default()),
        }
    }

    fn run(&self, scenario: &Scenario) -> Res<()> {
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        self.runtime.block_on(state.run(self.engine, scenario))
    }

    /// Takes the screenshots the arguments' filter selects, after the tests, and says how many
    /// were written (the tests' own, such as forced colours', included); false if one failed.
    fn take_screenshots(&self, arguments: &Arguments) -> bool {
        let selected: Vec<Scenario> = scenarios::screenshots()
            .into_iter()
            .filter(|scenario| {
                !arguments.is_filtered_out(&Trial::test(full_name(scenario), || Ok(())))
            })
            .collect();
        let mut failed = 0;
        for scenario in &selected {
            if let Err(error) = self.run(scenario) {
                println!("screenshots {}: FAILED\n{error}", full_name(scenario));
                failed += 1;
            }
        }
        let written = scenarios::screenshots_written();
        if written > 0 || !selected.is_empty() {
            println!(
                "screenshots: {written} written in {} ({} of {} screenshot scenarios failed)",
                scenarios::screenshot_folder().display(),
                failed,
                selected.len()
            );
        }
        failed == 0
    }

    fn finish(&self) {
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(browser) = state.browser.take() {
            self.runtime.block_on(browser.close());
        }
    }
}

impl State {
    async fn run(&mut self, engine: Engine, scenario: &Scenario) -> Res<()> {
        let server = self.server()?;
        let browser = self.browser(engine, scenario.scheme, &server).await?;
        browser.set_viewport(1280, 900).await?;
        let mark = server.request_count();
        browser.console_problems().await?;
        let outcome = tokio::time::timeout(scenario.limit, (scenario.run)(browser))
            .await
            .unwrap_or_else(|_| {
                Err(format!(
                    "not finished within {} s",
                    scenario.limit.as_secs()
                ))
            });
        // A scenario's misbehaving server (a held WASM, a missing file) ends with it.
        server.reset();
        let problems = problems_since(browser, &server, mark).await;
        match (outcome, problems.is_empty()) {
            (Ok(()), true) => Ok(()),
            (Ok(()), false) => Err(listed("problems during the scenario", &problems)),
            (Err(error), true) => Err(error),
            (Err(error), false) => Err(format!(
                "{error}\n{}",
                listed("also during the scenario", &problems)
            )),
        }
    }

    fn server(&mut self) -> Res<Server> {
        if self.server.is_none() {
            self.server = Some(Server::start(dist_folder())?);
        }
        Ok(self.server.clone().expect("started above"))
    }

    /// The session for `scheme`: switched live where the engine can, otherwise restarted.
    async fn browser(
        &mut self,
        engine: Engine,
        scheme: Scheme,
        server: &Server,
    ) -> Res<&mut Browser> {
        if let Some(broken) = &self.broken {
            return Err(broken.clone());
        }
        match self.browser.take() {
            Some(browser) if browser.scheme == scheme => return Ok(self.browser.insert(browser)),
            Some(mut browser) if engine.switches_scheme_live() => {
                browser.emulate_media(scheme).await?;
                return Ok(self.browser.insert(browser));
            }
            Some(browser) => browser.close().await,
            None => {}
        }
        match Browser::launch(engine, scheme, server).await {
            Ok(browser) => Ok(self.browser.insert(browser)),
            Err(error) => {
                self.broken = Some(error.clone());
                Err(error)
            }
        }
    }
}

/// Console errors and warnings (page and engine) and failed requests since `mark`.
async fn problems_since(browser: &mut Browser, server: &Server, mark: usize) -> Vec<String> {
    let mut problems = match browser.take_page_problems().await {
        Ok(found) => found,
        Err(error) => vec![format!("cannot read the page's own report: {error}")],
    };
    match browser.console_problems().await {
        Ok(found) => problems.extend(found),
        Err(error) => problems.push(format!("cannot read the console: {error}")),
    }
    problems.extend(
        server
            .failed_since(mark)
            .into_iter()
            .map(|request| format!("request {} answered {}", request.target, request.status)),
    );
    problems
}

fn listed(title: &str, items: &[String]) -> String {
    format!("{title}:\n  {}", items.join("\n  "))
}

/// The project root, where the fixtures' paths start.
fn project_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// A test story's release site, where `cargo xtask build-fixture` writes it.
pub fn fixture_site_folder(story: &fixtures::FixtureStory) -> PathBuf {
    project_root().join(story.site)
}

/// A test story's site served on a server of its own, or why not.
pub fn serve_fixture(story: &fixtures::FixtureStory) -> Res<Server> {
    Server::start(fixture_site_folder(story)).map_err(|e| {
        format!("{e}; the test stories' sites are built by `cargo xtask build-fixture`")
    })
}

/// A test story's words, read from its content file by the compiler (which reads its
/// article beside it), as the page must show them.
pub fn fixture_content(
    story: &fixtures::FixtureStory,
) -> Res<&'static content_compiler::content_schema::Content> {
    let file = project_root().join(story.content);
    let source = std::fs::read_to_string(&file).map_err(|e| format!("{}: {e}", story.content))?;
    content_compiler::load(&file.to_string_lossy(), &source).map_err(|errors| errors.to_string())
}

/// The release site under test: `E2E_DIST`, or the workspace's `dist/`.
pub fn dist_folder() -> PathBuf {
    std::env::var_os("E2E_DIST")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../dist"))
}
