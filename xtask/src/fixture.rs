//! `cargo xtask build-fixture`: a test story (invented content, `tests/fixtures/`) built as a
//! release site, the way a newsroom builds its next explainer (`EXPLAINER_CONTENT`), for the
//! end-to-end scenario that drives it (`e2e/src/scenarios/fixture_story.rs`).

use crate::command::{self, project_root};

/// Three layers in Ukrainian, updated and corrected: everything that differs from the real story.
pub const FIXTURE_CONTENT: &str = "tests/fixtures/three-layers-uk/story.toml";

/// Where it is built, under the project root (the e2e crate's `fixture_site_folder` reads it).
const FIXTURE_SITE: &str = "target/fixture-site";

pub fn build() -> Result<(), String> {
    let mut trunk = command::trunk(&["build", "--release", "--dist", FIXTURE_SITE]);
    trunk
        .current_dir(project_root())
        .env("EXPLAINER_CONTENT", FIXTURE_CONTENT);
    command::run(trunk)?;
    crate::sizes::report(&project_root().join(FIXTURE_SITE))
}
