//! `cargo xtask content [FILE]`, the built task run as an editor runs it: on the real content
//! file (valid, every quote verbatim, every sentence of ours listed for the editor), and on
//! broken copies of it: one that fails validation, one with a quote the article does not hold.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const REAL_FILE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../content/explainer.toml");
const ARTICLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../shared/seeds/coalition-of-the-willing-article.txt"
);

fn content_task(file: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_xtask"))
        .arg("content")
        .arg(file)
        .output()
        .expect("the xtask binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// A copy of the real file with the first `from` after the first `after` replaced by `to`.
fn broken_copy(name: &str, after: &str, from: &str, to: &str) -> PathBuf {
    let real = std::fs::read_to_string(REAL_FILE).unwrap();
    let at = position(&real, after, from);
    let broken = format!("{}{to}{}", &real[..at], &real[at + from.len()..]);
    let broken = with_absolute_article(&broken);
    let path =
        std::env::temp_dir().join(format!("xtask-content-{name}-{}.toml", std::process::id()));
    std::fs::write(&path, broken).unwrap();
    path
}

/// The copy lives elsewhere: its `source.article`, relative to the real file, made absolute.
fn with_absolute_article(content: &str) -> String {
    let key = "\narticle = \"";
    let start = content.find(key).expect("source.article") + key.len();
    let end = start + content[start..].find('"').expect("a closing quote");
    let folder = std::path::Path::new(REAL_FILE)
        .parent()
        .expect("the content folder");
    let absolute = folder.join(&content[start..end]);
    format!(
        "{}{}{}",
        &content[..start],
        absolute.display(),
        &content[end..]
    )
}

/// Where the first `what` after the first `after` starts in `text`.
fn position(text: &str, after: &str, what: &str) -> usize {
    let start = text
        .find(after)
        .unwrap_or_else(|| panic!("{after:?} in the content file"));
    start
        + text[start..]
            .find(what)
            .unwrap_or_else(|| panic!("{what:?} after {after:?}"))
}

/// The 1-based line of the first `what` after the first `after` in the real file.
fn real_line(after: &str, what: &str) -> usize {
    let real = std::fs::read_to_string(REAL_FILE).unwrap();
    real[..position(&real, after, what)].matches('\n').count() + 1
}

/// Whether the article is beside the project; without it the quote checks are skipped, saying
/// so (`REQUIRE_ARTICLE=1`, set by `cargo xtask test` in CI, makes absence fail).
fn article_is_here() -> bool {
    let here = Path::new(ARTICLE).is_file();
    if !here {
        let message = format!("SKIPPED: no article at {ARTICLE}");
        assert!(std::env::var_os("REQUIRE_ARTICLE").is_none(), "{message}");
        eprintln!("{message}");
    }
    here
}

#[test]
fn the_real_file_passes_and_every_sentence_of_ours_is_listed() {
    if !article_is_here() {
        return;
    }
    let output = content_task(Path::new(REAL_FILE));
    let out = stdout(&output);
    assert!(
        output.status.success(),
        "{out}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(out.contains("valid: 4 layers"), "{out}");
    let quotes = out
        .lines()
        .find(|l| l.starts_with("quotes: "))
        .unwrap_or_default();
    let counts: Vec<&str> = quotes
        .split_whitespace()
        .skip(1)
        .step_by(2)
        .take(2)
        .collect();
    assert_eq!(counts[0], counts[1], "every quote verbatim: {quotes}");
    assert!(
        out.contains("Editor's check:") && out.contains("not a judgement"),
        "{out}"
    );
    for field in [
        "layers[0].summary",
        "layers[3].status",
        "why_now.summary",
        "still_open.items[0].summary",
    ] {
        assert!(out.contains(&format!("\n{field}")), "{field} listed: {out}");
    }
    assert!(
        out.contains("  ours:    ") && out.contains("    article: "),
        "{out}"
    );
}

#[test]
fn a_file_that_fails_validation_says_where_and_exits_non_zero() {
    let file = broken_copy("invalid", "[[layers]]", "slug = \"", "slug = \"Not A Slug ");
    let line = real_line("[[layers]]", "slug = \"");
    let output = content_task(&file);
    let out = stdout(&output);
    assert!(!output.status.success(), "{out}");
    assert!(
        out.contains(&format!(
            "{}:{line}: layers[0].slug: `Not A Slug",
            file.display()
        )),
        "{out}"
    );
    assert!(
        !out.contains("Editor's check:"),
        "nothing else checked: {out}"
    );
}

#[test]
fn a_quote_the_article_does_not_hold_is_named_and_exits_non_zero() {
    if !article_is_here() {
        return;
    }
    let file = broken_copy(
        "misquoted",
        "[[quotes]]",
        "text = \"",
        "text = \"Never said: ",
    );
    // Named at the quote's id.
    let line = real_line("[[quotes]]", "id = \"");
    let output = content_task(&file);
    let out = stdout(&output);
    assert!(!output.status.success(), "{out}");
    assert!(
        out.contains(&format!("{}:{line}: quotes[0]: ", file.display()))
            && out.contains("is not verbatim in the article: \"Never said: "),
        "{out}"
    );
}
