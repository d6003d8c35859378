//! `cargo xtask build-fixture`: the test stories (invented content, `tests/fixtures/`) built as
//! release sites, the way a newsroom builds its next explainer (`EXPLAINER_CONTENT`), for the
//! end-to-end scenarios and the benchmark that serve them. Which stories, and where each is
//! built, is the e2e crate's list (`e2e/src/fixtures.rs`), included here.

use crate::command::{self, project_root};

#[path = "../../e2e/src/fixtures.rs"]
mod stories;

pub fn build() -> Result<(), String> {
    stories::BUILT.iter().try_for_each(|story| build_one(story))
}

fn build_one(story: &stories::FixtureStory) -> Result<(), String> {
    let mut trunk = command::trunk(&["build", "--release", "--dist", story.site]);
    trunk
        .current_dir(project_root())
        .env("EXPLAINER_CONTENT", story.content);
    command::run(trunk)?;
    crate::sizes::report(&project_root().join(story.site))
}
