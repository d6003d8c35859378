//! The test stories built as release sites, each with the folder it is built into: one list
//! for the builder (`cargo xtask build-fixture`, whose `xtask/src/fixture.rs` includes this
//! file) and for what serves them (the e2e scenarios and the benchmark). Std only, so the
//! builder needs none of this crate's dependencies.

/// A test story (`tests/fixtures/`) and where its site is built, both from the project root.
pub struct FixtureStory {
    pub content: &'static str,
    pub site: &'static str,
}

/// Three layers in Ukrainian, updated and corrected: everything that differs from the real story.
pub const UKRAINIAN: FixtureStory = FixtureStory {
    content: "tests/fixtures/three-layers-uk/story.toml",
    site: "target/fixture-sites/three-layers-uk",
};

/// Six layers in English, in a theme of its own (`scenarios/story_themes.rs`).
pub const SIX_LAYERS: FixtureStory = FixtureStory {
    content: "tests/fixtures/six-layers-en/story.toml",
    site: "target/fixture-sites/six-layers-en",
};

/// Three layers in German whose names are longer than a phone's tab (`scenarios/names.rs`).
pub const LONG_NAMES: FixtureStory = FixtureStory {
    content: "tests/fixtures/long-names-de/story.toml",
    site: "target/fixture-sites/long-names-de",
};

/// Eight layers (the most a story may have) and 52 quotes: a large story stays fast (issue 23).
pub const EIGHT_LAYERS: FixtureStory = FixtureStory {
    content: "tests/fixtures/eight-layers-en/story.toml",
    site: "target/fixture-sites/eight-layers-en",
};

/// Every story `cargo xtask build-fixture` builds.
pub const BUILT: [&FixtureStory; 4] = [&UKRAINIAN, &SIX_LAYERS, &LONG_NAMES, &EIGHT_LAYERS];
