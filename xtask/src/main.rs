//! Project automation (`cargo xtask <task>`), in Rust like the rest of the project.
//!
//! Every task first installs what is missing on a fresh machine, then does its work:
//! - `serve`: the editors' loop at http://127.0.0.1:8080: problems in the page, words live (serve/).
//! - `build`: the deployable site in `dist/` (`trunk build --release`), with its sizes.
//! - `test`: every test, in the order that fails fastest: lints, native, the browser test, the
//!   release build, the HTML checker, the end-to-end suite (docs/testing.md).
//! - `new DIR`: a new story to fill in, `DIR/story.toml` and `DIR/article.txt` (new_story.rs).
//! - `content [FILE]`: the editors' loop: validates a content file and checks its quotes
//!   against the article in seconds, without building the WASM (see content.rs).
//! - `lint`: `cargo fmt --check` and clippy (native and WASM) with `-D warnings`, as `test` runs them.
//! - `check-html`: the W3C HTML checker on the built `dist/` and the embed code.
//! - `setup`: only the installs.
//! - `build-fixture`: the test stories (`tests/fixtures/`, listed in `e2e/src/fixtures.rs`) built
//!   into `target/fixture-sites/<story>/`.
//! - `prerender`: Trunk's post-build hook (see Trunk.toml); renders the app into `index.html`
//!   and minifies a release build's scripts and stylesheet.
//! - `preview-image`: remakes `assets/preview.png`, the picture social sites show.
//! - `bench`: the benchmark beside TimelineJS (bench/).
//! - `schema`: writes the content file's JSON Schema, for editors' autocompletion (schema.rs).

mod bench;
mod bundle;
mod check_html;
mod command;
mod content;
mod fixture;
mod html;
mod minify;
mod new_story;
mod prerender;
mod preview;
mod schema;
mod serve;
mod setup;
mod share;
mod sizes;
mod standalone;
mod tests;
mod text;
mod theme;
mod toolchain;
mod wasm_names;

use std::process::ExitCode;

const USAGE: &str =
    "usage: cargo xtask <serve | build | build-fixture | test | new DIR | content [FILE] | lint | check-html | setup | prerender | preview-image | bench | schema>";

fn main() -> ExitCode {
    let task = std::env::args().nth(1).unwrap_or_default();
    let outcome = match task.as_str() {
        "serve" => serve::run(),
        "build" => build(),
        "build-fixture" => setup::build_tools().and_then(|()| fixture::build()),
        "test" => tests::run_all(),
        "content" => content::run_task(std::env::args().nth(2)),
        "new" => new_story::run_task(std::env::args().nth(2)),
        "lint" => tests::lint_task(),
        "check-html" => check_html::run_task(),
        "setup" => setup::build_tools().and_then(|()| setup::browser_tools()),
        "prerender" => prerender::run(),
        "preview-image" => preview::run_task(),
        "bench" => bench::run_task(),
        "schema" => schema::run_task(),
        _ => Err(USAGE.to_owned()),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask {task}: {message}");
            ExitCode::FAILURE
        }
    }
}

pub(crate) fn build() -> Result<(), String> {
    setup::build_tools()?;
    release_build()
}

/// `trunk build --release`, then the size of every file in `dist/`, raw and gzip.
pub(crate) fn release_build() -> Result<(), String> {
    command::run(command::trunk(&["build", "--release"]))?;
    sizes::report(&command::project_root().join("dist"))
}
