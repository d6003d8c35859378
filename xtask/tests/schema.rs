//! The content file's JSON Schema (issue 23, item 4): generated from the model, never stale,
//! named by every content file of the repository's `#:schema` line, and every one of them
//! passes it; what the build refuses by shape, it refuses too.

use std::path::{Path, PathBuf};

const SCHEMA: &str = "content-schema/content-file.schema.json";

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Every content file in the repository (the story, the test stories, the compiler's fixture)
/// and a new story as `cargo xtask new` writes it.
fn content_files() -> Vec<PathBuf> {
    let mut files = vec![
        root().join("content/explainer.toml"),
        root().join("content-compiler/tests/fixtures/valid.toml"),
        new_story(),
    ];
    let fixtures = std::fs::read_dir(root().join("tests/fixtures")).unwrap();
    files.extend(
        fixtures
            .flatten()
            .map(|story| story.path().join("story.toml")),
    );
    files
}

/// A story written by `cargo xtask new` into a folder of its own.
fn new_story() -> PathBuf {
    let folder = std::env::temp_dir().join(format!("xtask-schema-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&folder);
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_xtask"))
        .args(["new", &folder.to_string_lossy()])
        .status()
        .unwrap();
    assert!(status.success());
    folder.join("story.toml")
}

fn validator() -> jsonschema::Validator {
    let schema = std::fs::read_to_string(root().join(SCHEMA)).unwrap();
    jsonschema::validator_for(&serde_json::from_str(&schema).unwrap()).unwrap()
}

/// The problems the schema finds in `source`, as path and message.
fn problems(validator: &jsonschema::Validator, source: &str) -> Vec<String> {
    let instance: serde_json::Value = toml::from_str(source).unwrap();
    validator
        .iter_errors(&instance)
        .map(|error| format!("{}: {error}", error.instance_path))
        .collect()
}

#[test]
fn the_schema_file_is_the_models() {
    let written = std::fs::read_to_string(root().join(SCHEMA)).unwrap();
    assert!(
        written == content_compiler::schema::content_file_schema(),
        "{SCHEMA} is stale: run `cargo xtask schema`"
    );
}

#[test]
fn every_content_file_names_the_schema_and_passes_it() {
    let validator = validator();
    for file in content_files() {
        let source = std::fs::read_to_string(&file).unwrap();
        let named = source
            .lines()
            .find_map(|line| line.strip_prefix("#:schema "))
            .unwrap_or_else(|| panic!("{} has no `#:schema` line", file.display()));
        let target = file.parent().unwrap().join(named.trim());
        assert_eq!(
            target.canonicalize().unwrap(),
            root().join(SCHEMA).canonicalize().unwrap(),
            "{}",
            file.display()
        );
        let found = problems(&validator, &source);
        assert!(found.is_empty(), "{}: {found:#?}", file.display());
    }
}

#[test]
fn the_schema_refuses_what_the_build_refuses_by_shape() {
    let validator = validator();
    let valid = std::fs::read_to_string(root().join("content/explainer.toml")).unwrap();
    let slug = valid.find("slug = \"").unwrap();
    for (broken, where_) in [
        (
            valid.replacen("slug = \"", "slug = \"Not A Slug ", 1),
            "/layers/0/slug",
        ),
        (
            valid.replacen("[meta]\n", "[meta]\nsubtitle = \"x\"\n", 1),
            "/meta",
        ),
        (
            valid.replacen("speaker = \"", "speaker = \" \" #", 1),
            "/quotes/0/speaker",
        ),
        (
            valid.replacen("line = \"solid\"", "line = \"wavy\"", 1),
            "/stages/0/line",
        ),
    ] {
        assert!(slug > 0);
        let found = problems(&validator, &broken);
        assert!(
            found.iter().any(|problem| problem.starts_with(where_)),
            "{where_}: {found:#?}"
        );
    }
}
