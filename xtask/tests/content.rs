//! `cargo xtask content [FILE]`, the built task run as an editor runs it: on the real content
//! file (valid, every claim listed beside its support), and on broken copies of it: one that
//! fails validation, one with a quote the article does not hold, one whose claim says more
//! than its support.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const REAL_FILE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../content/explainer.toml");

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

#[test]
fn the_real_file_passes_and_every_claim_is_listed_beside_its_support() {
    let output = content_task(Path::new(REAL_FILE));
    let out = stdout(&output);
    assert!(
        output.status.success(),
        "{out}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(out.contains("valid: 4 layers"), "{out}");
    assert!(
        out.contains("every quote, attribution and excerpt verbatim"),
        "{out}"
    );
    assert!(
        out.contains("Editor's check:") && out.contains("not a judgement"),
        "{out}"
    );
    for field in [
        "meta.dek",
        "layers[0].tagline",
        "layers[0].summary[0]",
        "layers[0].stage",
        "layers[3].status[0]",
        "why_now.figures[0]",
        "still_open.items[0].summary[0]",
    ] {
        assert!(
            out.contains(&format!("\n{field}:")),
            "{field} listed: {out}"
        );
    }
    assert!(
        out.contains("  ours:    ") && out.contains("    article: "),
        "{out}"
    );
    assert!(out.contains("\nRead these first"), "{out}");
}

/// A word the support does not hold ("fund") is marked under its claim and ranked; a number
/// the support does not hold stops the task, naming where.
#[test]
fn a_claim_saying_more_than_its_support_is_marked_and_a_new_figure_refused() {
    let file = broken_copy(
        "fund",
        "\n[[layers.summary]]\n",
        "text = \"",
        "text = \"Partners fund it. ",
    );
    let out = stdout(&content_task(&file));
    let listed = &out[out.find("\nlayers[0].summary[0]:").expect("listed")..];
    let marked = listed.lines().find(|l| l.contains("not in its support:"));
    assert!(marked.is_some_and(|l| l.contains("fund")), "{out}");
    let file = broken_copy(
        "figure",
        "\n[[layers.summary]]\n",
        "text = \"",
        "text = \"In 2027, ",
    );
    let line = real_line("\n[[layers.summary]]\n", "text = \"");
    let output = content_task(&file);
    let out = stdout(&output);
    assert!(!output.status.success(), "{out}");
    assert!(
        out.contains(&format!(
            "{}:{line}:8: layers[0].summary[0]: the number(s) 2027 in none of its support",
            file.display()
        )),
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
            "{}:{line}:8: layers[0].slug: `Not A Slug",
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
    let file = broken_copy(
        "misquoted",
        "[[quotes]]",
        "text = \"",
        "text = \"Never said: ",
    );
    // Named at the quote's words.
    let line = real_line("[[quotes]]", "text = \"");
    let output = content_task(&file);
    let out = stdout(&output);
    assert!(!output.status.success(), "{out}");
    assert!(
        out.contains(&format!("{}:{line}:8: quotes[0].text: ", file.display()))
            && out.contains("is not verbatim in the article: \"Never said: "),
        "{out}"
    );
}

/// A `[theme]` whose light accent is too pale on its paper: the pair, its ratio and the line.
#[test]
fn a_theme_below_wcag_aa_names_the_pair_and_exits_non_zero() {
    let real = std::fs::read_to_string(REAL_FILE).unwrap();
    let theme = "\n[theme]\n[theme.light]\ntext = \"#222\"\npaper = \"#fff\"\naccent = \"#999\"\n\
                 [theme.dark]\ntext = \"#eee\"\npaper = \"#111\"\naccent = \"#9cf\"\n";
    let themed = with_absolute_article(&format!("{real}{theme}"));
    let file =
        std::env::temp_dir().join(format!("xtask-content-theme-{}.toml", std::process::id()));
    std::fs::write(&file, &themed).unwrap();
    let line = themed[..themed.find("accent = \"#999\"").unwrap()]
        .matches('\n')
        .count()
        + 1;
    let output = content_task(&file);
    let out = stdout(&output);
    assert!(!output.status.success(), "{out}");
    assert!(
        out.contains(&format!(
            "{}:{line}:10: theme.light.accent: contrast 2.84:1 with theme.light.paper, below 4.5:1 for text\n",
            file.display()
        )),
        "{out}"
    );
}
