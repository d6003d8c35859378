//! `cargo xtask content [FILE]`: the editors' loop. Validates a content file (default
//! `content/explainer.toml`) with the content compiler, which checks every quote, excerpt and
//! attribution against the source article and refuses a claim without support or with a number
//! or name its support lacks. Then it lists every claim of ours beside the article's words
//! behind it, marking the words the support does not hold, and names the claims to read first.
//! It builds no WASM and renders nothing, so it answers in seconds.

use content_compiler::model::Backed;
use content_compiler::sources::{claims, passages};
use content_compiler::words::unsupported;
use content_compiler::ContentFile;

const DEFAULT_FILE: &str = "content/explainer.toml";
/// Claims named under "read these first".
const FIRST: usize = 10;

pub fn run_task(file: Option<String>) -> Result<(), String> {
    let file = file.unwrap_or_else(|| DEFAULT_FILE.to_owned());
    // The file is named from the project's root, as cargo may run the task from anywhere; the
    // compiler finds the article beside the file.
    std::env::set_current_dir(crate::command::project_root()).map_err(|e| e.to_string())?;
    let source = std::fs::read_to_string(&file).map_err(|e| format!("cannot read {file}: {e}"))?;
    let content = content_compiler::parse(&file, &source).map_err(|errors| {
        print!("{errors}");
        format!("{file}: {} problem(s)", errors.0.len())
    })?;
    let claims = claims(&content);
    println!(
        "{file}: valid: {} layers, {} stages, {} quotes, {} claims; every quote, attribution and excerpt verbatim in {}",
        content.layers.len(),
        content.stages.get_ref().len(),
        content.quotes.len(),
        claims.len(),
        content_compiler::article_path(&file, &content).display()
    );
    list_claims(&content, &claims);
    let left = content_compiler::placeholders(&file, &source);
    if !left.0.is_empty() {
        print!("\n{left}");
        println!(
            "{} placeholder(s) left: a release build refuses them",
            left.0.len()
        );
    }
    Ok(())
}

const REMINDER: &str = "\
Editor's check: every claim below is ours, each with the article's words behind it. The build
has checked that those words are the article's and that every number and name of ours stands in
them. No tool can judge the rest: before publishing, read each claim against its support. Words
marked `not in its support` are ours alone (a stronger verb, a dropped hedge, a word the article
does not use): a ranking aid, not a judgement.";

/// Every claim where it stands, its support under it, and the words its support does not hold;
/// then the claims with most such words.
fn list_claims(content: &ContentFile, claims: &[(String, &dyn Backed)]) {
    println!("\n{REMINDER}");
    let mut ranked = Vec::new();
    for (field, claim) in claims {
        let passages = passages(content, *claim);
        println!("\n{field}:");
        let words = claim.words();
        if !words.is_empty() {
            println!("  ours:    {words}");
        }
        for passage in &passages {
            println!("    article: {passage}");
        }
        let alone = unsupported(&words, &passages).words;
        if !alone.is_empty() {
            println!("    not in its support: {}", alone.join(", "));
            ranked.push((alone.len(), field.as_str(), alone));
        }
    }
    ranked.sort_by_key(|(count, _, _)| std::cmp::Reverse(*count));
    println!("\nRead these first (most words found in none of their support):");
    for (_, field, alone) in ranked.iter().take(FIRST) {
        println!("  {field}: {}", alone.join(", "));
    }
}
