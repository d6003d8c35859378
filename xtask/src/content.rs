//! `cargo xtask content [FILE]`: the editors' loop. Validates a content file (default
//! `content/explainer.toml`) with the content compiler, checks every quote verbatim against the
//! source article, and lists every sentence of ours beside the article's sentences closest to
//! it, for the editor who checks that we claim nothing the article does not. It builds no WASM
//! and renders nothing, so it answers in seconds.

use crate::overlap;
use content_compiler::verbatim::missing_parts;
use content_compiler::ContentFile;
use std::path::{Path, PathBuf};

const DEFAULT_FILE: &str = "content/explainer.toml";
/// Article sentences listed beside each of ours.
const CLOSEST: usize = 2;

pub fn run_task(file: Option<String>) -> Result<(), String> {
    let file = file.unwrap_or_else(|| DEFAULT_FILE.to_owned());
    let source = std::fs::read_to_string(in_project(&file))
        .map_err(|e| format!("cannot read {file}: {e}"))?;
    let content = content_compiler::parse(&file, &source).map_err(|errors| {
        print!("{errors}");
        format!(
            "{file}: {} problem(s), nothing else checked",
            errors.0.len()
        )
    })?;
    println!(
        "{file}: valid: {} layers, {} stages, {} quotes",
        content.layers.len(),
        content.stages.get_ref().len(),
        content.quotes.len()
    );
    // The article the content file names, relative to the content file.
    let article_path = in_project(&file)
        .parent()
        .unwrap_or(Path::new("."))
        .join(&content.source.article.0);
    let article = std::fs::read_to_string(&article_path).map_err(|e| {
        format!(
            "cannot check the quotes: {} (source.article): {e}",
            article_path.display()
        )
    })?;
    let misquoted = misquoted_quotes(&file, &source, &content, &article);
    for problem in &misquoted {
        println!("{problem}");
    }
    println!(
        "quotes: {} of {} verbatim in {}",
        content.quotes.len() - misquoted.len(),
        content.quotes.len(),
        article_path.display()
    );
    list_our_sentences(&content, &article);
    if misquoted.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{file}: {} quote(s) not verbatim in the article",
            misquoted.len()
        ))
    }
}

/// A relative path from the project root (cargo runs the task wherever it was called from).
fn in_project(path: &str) -> PathBuf {
    crate::command::project_root().join(path)
}

/// The quotes of `content` not verbatim in `article`, as `file:line: field: message`. The
/// one place the check is called from, so it can move into the content compiler as it is.
fn misquoted_quotes(file: &str, source: &str, content: &ContentFile, article: &str) -> Vec<String> {
    content
        .quotes
        .iter()
        .enumerate()
        .filter_map(|(index, quote)| {
            let missing = missing_parts(&quote.text.0, article).into_iter().next()?;
            let line = line_of(source, quote.id.span().start);
            Some(format!(
                "{file}:{line}: quotes[{index}]: `{}` is not verbatim in the article: {missing:?}",
                quote.id.get_ref().0
            ))
        })
        .collect()
}

fn line_of(source: &str, offset: usize) -> usize {
    source[..offset.min(source.len())].matches('\n').count() + 1
}

const REMINDER: &str = "\
Editor's check: summaries, taglines, statuses and section texts are ours, in our own words,
but every fact in them must be in the article: no superlative, figure or cause it does not
state. No tool can judge that. Before publishing, an editor reads each sentence below against
the article. Under each are the article's sentences that share the most words with it: an aid
for finding the passage, not a judgement (a sentence may share words and still say more).";

/// Every sentence of ours, where it is, with the article's closest sentences under it.
fn list_our_sentences(content: &ContentFile, article: &str) {
    println!("\n{REMINDER}");
    let article_sentences = overlap::sentences(article);
    for (field, text) in our_texts(content) {
        println!("\n{field}:");
        for sentence in overlap::sentences(&text) {
            println!("  ours:    {sentence}");
            let closest = overlap::closest(sentence, &article_sentences, CLOSEST);
            if closest.is_empty() {
                println!("    article: (no sentence shares a telling word)");
            }
            for found in closest {
                println!(
                    "    article: {}\n      shares: {}",
                    found.sentence,
                    found.shared.join(", ")
                );
            }
        }
    }
}

/// Our own words, by field: each layer's tagline, summary and status, then the sections'.
fn our_texts(content: &ContentFile) -> Vec<(String, String)> {
    let mut texts = Vec::new();
    for (index, layer) in content.layers.iter().enumerate() {
        for (field, text) in [
            ("tagline", &layer.tagline),
            ("summary", &layer.summary),
            ("status", &layer.status),
        ] {
            texts.push((
                format!("layers[{index}].{field} ({})", layer.name.0),
                text.0.clone(),
            ));
        }
    }
    texts.push((
        "why_now.summary".to_owned(),
        content.why_now.summary.0.clone(),
    ));
    texts.push((
        "still_open.summary".to_owned(),
        content.still_open.summary.0.clone(),
    ));
    for (index, item) in content.still_open.items.iter().enumerate() {
        texts.push((
            format!("still_open.items[{index}].summary ({})", item.topic.0),
            item.summary.0.clone(),
        ));
    }
    texts
}

#[cfg(test)]
mod tests {
    use super::line_of;

    #[test]
    fn errors_name_the_line() {
        assert_eq!(line_of("a\nb\nc", 2), 2);
        assert_eq!(line_of("a", 99), 1);
    }
}
