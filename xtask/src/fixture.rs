//! `cargo xtask build-fixture`: the test stories (invented content, `tests/fixtures/`) built as
//! release sites, the way a newsroom builds its next explainer (`EXPLAINER_CONTENT`), for the
//! end-to-end scenarios that drive them (`e2e/src/scenarios/fixture_story.rs`).

use crate::command::{self, project_root};

/// Each test story and where its site is built, under the project root (the e2e crate's
/// `fixture_site_folder` and `english_fixture_site_folder` read them): three layers in
/// Ukrainian, updated and corrected (everything that differs from the real story), and six in
/// English; each in a theme of its own.
const FIXTURES: [(&str, &str); 2] = [
    (
        "tests/fixtures/three-layers-uk/story.toml",
        "target/fixture-site",
    ),
    (
        "tests/fixtures/six-layers-en/story.toml",
        "target/fixture-site-en",
    ),
];

pub fn build() -> Result<(), String> {
    for (content, site) in FIXTURES {
        let mut trunk = command::trunk(&["build", "--release", "--dist", site]);
        trunk
            .current_dir(project_root())
            .env("EXPLAINER_CONTENT", content);
        command::run(trunk)?;
        crate::sizes::report(&project_root().join(site))?;
    }
    Ok(())
}
