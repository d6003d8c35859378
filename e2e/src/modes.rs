//! The ways a reader meets the explainer: on our site (plain or deep-linked), framed in a news
//! article from another origin, and as `standalone.html` opened from disk. Each can be opened
//! with the app held back (its WASM not yet answered), so "before the app has started" is a
//! window as wide as a scenario needs on any machine, and with the frame sampler running.

use crate::browser::Browser;
use crate::page::{check, Failures};
use crate::server::{insert_after_head, Setup, FRAMES_SOURCE, PROBE_SOURCE};
use crate::Res;
use std::path::PathBuf;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// `index.html` as its own page.
    TopLevel,
    /// `index.html?embed…` in an iframe of a host page on another origin.
    Framed,
    /// A copy of `standalone.html` from `file://`, with the probe, the sampler and `hold.js`
    /// inlined before its own scripts (there is no server to insert or hold anything).
    Standalone,
}

impl Mode {
    pub const ALL: [Mode; 3] = [Mode::TopLevel, Mode::Framed, Mode::Standalone];

    pub fn name(self) -> &'static str {
        match self {
            Mode::TopLevel => "top level",
            Mode::Framed => "framed",
            Mode::Standalone => "standalone",
        }
    }
}

const HOLD_SOURCE: &str = include_str!("hold.js");

impl Browser {
    /// Opens the explainer at `link` (`""`, `"#slug"` or `"?layer=slug"`) in `mode`, its WASM
    /// held back and the frame sampler on; returns in the explainer's own document (inside the
    /// frame when framed) once its tabs are there.
    pub async fn open_held(&self, mode: Mode, link: &str) -> Res<()> {
        self.open_held_with(mode, link, Setup::default()).await
    }

    /// `open_held`, with the server also set up as `setup` says.
    pub async fn open_held_with(&self, mode: Mode, link: &str, setup: Setup) -> Res<()> {
        self.server.set(Setup {
            hold_wasm: true,
            sample_frames: true,
            ..setup
        });
        self.goto("about:blank").await?;
        match mode {
            Mode::TopLevel => {
                self.goto(&format!("{}/{link}", self.server.base_url))
                    .await?
            }
            Mode::Framed => {
                self.goto(&self.server.host_page_url(&framed_path(link)))
                    .await?;
                self.client
                    .enter_frame(0)
                    .await
                    .map_err(|e| format!("cannot enter the explainer's frame: {e}"))?;
            }
            Mode::Standalone => {
                let copy = standalone_copy()?;
                self.goto(&format!("file://{}{link}", copy.display()))
                    .await?
            }
        }
        self.wait_for_app().await
    }

    /// Lets the held app start.
    pub async fn release_app(&self, mode: Mode) -> Res<()> {
        match mode {
            Mode::Standalone => self
                .js("window.__e2eReleaseWasm();", vec![])
                .await
                .map(drop),
            Mode::TopLevel | Mode::Framed => {
                self.server.release_wasm();
                Ok(())
            }
        }
    }

    /// Opens the explainer as `open_held` does and lets its app start at once.
    pub async fn open_in(&self, mode: Mode, link: &str) -> Res<()> {
        self.open_held(mode, link).await?;
        self.release_app(mode).await?;
        self.wait_for_app_started().await
    }

    /// Leaves the explainer opened in `mode`: fails with the problems its document recorded
    /// (a frame from another origin and a file keep their own), then returns to the top level.
    pub async fn leave(&self, mode: Mode) -> Res<()> {
        self.stop_sampling().await;
        let problems = self.take_page_problems().await;
        match mode {
            Mode::TopLevel => {}
            Mode::Framed => self
                .client
                .enter_parent_frame()
                .await
                .map_err(|e| format!("cannot leave the frame: {e}"))?,
            Mode::Standalone => self.goto("about:blank").await?,
        }
        let problems = problems?;
        check(problems.is_empty(), || {
            format!("{} page problems: {problems:?}", mode.name())
        })
    }
}

impl Browser {
    /// Runs `inside` in the host page's first frame (the explainer's), then returns to the host
    /// page whatever happened.
    pub async fn in_explainer_frame<T>(
        &self,
        inside: impl AsyncFnOnce(&Browser) -> Res<T>,
    ) -> Res<T> {
        self.client
            .enter_frame(0)
            .await
            .map_err(|e| format!("cannot enter the explainer's frame: {e}"))?;
        let outcome = inside(self).await;
        let left = self
            .client
            .enter_parent_frame()
            .await
            .map_err(|e| format!("cannot leave the explainer's frame: {e}"));
        let value = outcome?;
        left.map(|()| value)
    }
}

impl Browser {
    /// Scrolls the article so that the element matching `selector` in its explainer frame is
    /// mid-screen, as a reader scrolls to what they tap: a frame from another origin cannot
    /// scroll its article, and WebKit's driver misplaces a click on an element above the
    /// article's screen.
    pub async fn scroll_article_to(&self, selector: &str) -> Res<()> {
        let inside = self
            .in_explainer_frame(async |browser| {
                browser
                    .js(
                        "return document.querySelector(arguments[0]).getBoundingClientRect().top;",
                        vec![selector.into()],
                    )
                    .await
            })
            .await?;
        self.js(
            "const frame = document.querySelector('iframe');
             scrollBy(0, frame.getBoundingClientRect().top + arguments[0] - innerHeight / 2);",
            vec![inside],
        )
        .await?;
        self.settle().await
    }
}

/// The framed page for a deep link: `index.html?embed` plus the link's query or fragment.
fn framed_path(link: &str) -> String {
    match link.strip_prefix('?') {
        Some(query) => format!("index.html?embed&{query}"),
        None => format!("index.html?embed{link}"),
    }
}

/// `standalone.html` with the probe, the frame sampler and the WASM hold first in `<head>`,
/// written to a scratch folder (the site under test is never written to).
fn standalone_copy() -> Res<PathBuf> {
    let original = crate::dist_folder().join("standalone.html");
    let page =
        std::fs::read_to_string(&original).map_err(|e| format!("{}: {e}", original.display()))?;
    let scripts: String = [PROBE_SOURCE, FRAMES_SOURCE, HOLD_SOURCE]
        .iter()
        .map(|source| format!("<script>{source}</script>"))
        .collect();
    let folder = std::env::temp_dir().join(format!("e2e-standalone-{}", std::process::id()));
    std::fs::create_dir_all(&folder).map_err(|e| format!("{}: {e}", folder.display()))?;
    let copy = folder.join("standalone.html");
    std::fs::write(&copy, insert_after_head(&page, &scripts))
        .map_err(|e| format!("{}: {e}", copy.display()))?;
    Ok(copy)
}

/// Runs `run` on each case (a mode, a link, and what else the scenario needs), leaving the
/// page after each, and reports every failure at the end.
pub async fn each_case<T: std::fmt::Debug, F>(
    browser: &Browser,
    cases: &[(Mode, String, T)],
    mut run: F,
) -> Res<()>
where
    F: AsyncFnMut(&Browser, Mode, &str, &T) -> Res<()>,
{
    let mut failures = Failures::default();
    for (mode, link, detail) in cases {
        let outcome = run(browser, *mode, link, detail).await;
        let left = browser.leave(*mode).await;
        failures.note(
            &format!("{} {link:?} {detail:?}", mode.name()),
            outcome.and(left),
        );
    }
    failures.into_result()
}
