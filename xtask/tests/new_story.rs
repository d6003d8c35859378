//! `cargo xtask new DIR`, run as a newsroom's editor runs it: the new story builds at once
//! (every rule, every excerpt verbatim in its placeholder article), its placeholders are named
//! for a release build to refuse, it never overwrites a story, and once every mark is replaced
//! it is a story with no placeholder left.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn xtask(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_xtask"))
        .args(args)
        .output()
        .expect("the xtask binary runs")
}

fn scratch(name: &str) -> PathBuf {
    let folder = std::env::temp_dir().join(format!("xtask-new-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&folder);
    folder
}

fn load(story: &Path) -> Result<(), String> {
    let source = std::fs::read_to_string(story).unwrap();
    let file = story.to_string_lossy();
    content_compiler::load(&file, &source)
        .map(drop)
        .map_err(|errors| errors.to_string())
}

#[test]
fn a_new_story_builds_names_its_placeholders_and_is_never_overwritten() {
    let folder = scratch("story");
    let output = xtask(&["new", &folder.to_string_lossy()]);
    assert!(output.status.success(), "{output:?}");
    let story = folder.join("story.toml");
    assert!(folder.join("article.txt").is_file());
    load(&story).expect("a new story builds as it is");
    let source = std::fs::read_to_string(&story).unwrap();
    let left = content_compiler::placeholders(&story.to_string_lossy(), &source);
    assert!(left.0.len() > 20, "every example text is marked: {left}");
    assert!(left.0.iter().any(|e| e.field == "title"), "{left}");
    let checked = xtask(&["content", &story.to_string_lossy()]);
    let out = String::from_utf8_lossy(&checked.stdout);
    assert!(checked.status.success(), "{out}");
    assert!(
        out.contains(&format!("{} placeholder(s) left", left.0.len())),
        "{out}"
    );
    std::fs::write(&story, "# an editor's work").unwrap();
    let again = xtask(&["new", &folder.to_string_lossy()]);
    assert!(!again.status.success(), "{again:?}");
    assert_eq!(
        std::fs::read_to_string(&story).unwrap(),
        "# an editor's work"
    );
    let _ = std::fs::remove_dir_all(&folder);
}

#[test]
fn a_story_with_every_mark_replaced_has_no_placeholder_left() {
    let folder = scratch("filled");
    assert!(xtask(&["new", &folder.to_string_lossy()]).status.success());
    for name in ["story.toml", "article.txt"] {
        let path = folder.join(name);
        let text = std::fs::read_to_string(&path).unwrap();
        let filled = text.replace("TODO: ", "").replace("TODO ", "");
        std::fs::write(&path, filled).unwrap();
    }
    let story = folder.join("story.toml");
    load(&story).expect("the filled story builds");
    let source = std::fs::read_to_string(&story).unwrap();
    let left = content_compiler::placeholders(&story.to_string_lossy(), &source);
    assert!(left.0.is_empty(), "{left}");
    let _ = std::fs::remove_dir_all(&folder);
}
