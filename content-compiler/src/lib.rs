//! Reads the explainer's content file, validates it, and compiles it into Rust statics.
//!
//! Used by the app's `build.rs`, so a broken content file fails the build with messages of the
//! form `content/explainer.toml:42:8: layers[1].quotes[2]: no quote has the id `x``, the line
//! itself, and a hint.

mod codegen;
mod error;
mod hint;
pub mod model;
mod read;
#[cfg(feature = "schema")]
pub mod schema;
pub mod sources;
pub mod theme;
mod validate;
pub mod verbatim;
pub mod words;

pub use codegen::{Reach, ANALYSIS_CHANNEL};
pub use content_schema;
pub use error::{ContentError, ContentErrors};
pub use model::ContentFile;
pub use read::MOST_PROBLEMS;
pub use validate::{MAX_LAYERS, MIN_LAYERS};

use error::LineIndex;

/// Parses and validates `source`, the content file at `file` (a path from the working folder,
/// also the name errors give): every rule, then every quote, excerpt and attribution against
/// the article it names. Every problem is reported at once.
pub fn parse(file: &str, source: &str) -> Result<ContentFile, ContentErrors> {
    let lines = LineIndex::new(file, source);
    let reading = read::read(source, &lines);
    let Some(content) = &reading.file else {
        return Err(capped(reading.problems));
    };
    let mut rules = validate::validate(content, &lines);
    match std::fs::read_to_string(article_path(file, content)) {
        Ok(article) => sources::check_against(content, &article, &lines, &mut rules),
        Err(error) => rules.push(lines.error(
            content.source.article.span().start,
            "source.article",
            format!(
                "cannot read {}: {error}: every quote and excerpt is checked against it",
                article_path(file, content).display()
            ),
        )),
    }
    rules.retain(|problem| !reading.about_stand_in(problem));
    let mut errors = reading.problems;
    errors.append(&mut rules);
    if errors.is_empty() {
        return Ok(reading.file.expect("the file read"));
    }
    // In the file's order, as an editor reads it.
    errors.sort_by_key(|problem| problem.line);
    Err(capped(errors))
}

/// At most `read::MOST_PROBLEMS` problems, the first ones, and a last line saying how many more.
fn capped(mut errors: Vec<ContentError>) -> ContentErrors {
    let more = errors.len().saturating_sub(read::MOST_PROBLEMS);
    if more > 0 {
        errors.truncate(read::MOST_PROBLEMS);
        let last = errors.last().cloned().expect("over the cap");
        errors.push(ContentError {
            field: "(more)".to_owned(),
            message: format!("{more} more problem(s) not listed: fix these first"),
            ..last
        });
    }
    ContentErrors(errors)
}

/// The mark of a placeholder's words (`cargo xtask new` writes them): a release build refuses
/// a content file that still holds one.
pub const PLACEHOLDER: &str = "TODO";

/// Every line of `source` whose value still holds a placeholder, as `file:line: key: message`:
/// what a release build refuses (comments, which readers never see, may mention it).
pub fn placeholders(file: &str, source: &str) -> ContentErrors {
    let lines = LineIndex::new(file, source);
    let mut offset = 0;
    let mut found = Vec::new();
    for line in source.split_inclusive('\n') {
        let code = line.trim_start();
        if !code.starts_with('#') && code.contains(PLACEHOLDER) {
            let key = code
                .split_once('=')
                .map_or("(list item)", |(key, _)| key.trim());
            found.push(lines.error(
                offset,
                key,
                format!("a placeholder ({PLACEHOLDER}) is left: write the story's own words"),
            ));
        }
        offset += line.len();
    }
    ContentErrors(found)
}

/// The source article of the content file at `file`: `source.article` is relative to it.
pub fn article_path(file: &str, content: &ContentFile) -> std::path::PathBuf {
    let folder = std::path::Path::new(file)
        .parent()
        .unwrap_or(std::path::Path::new("."));
    folder.join(&content.source.article.get_ref().0)
}

/// Parses and validates `source` into the app's own types, as `compile` bakes them: for tools
/// and tests that render or check another content file at run time.
pub fn load(file: &str, source: &str) -> Result<&'static content_schema::Content, ContentErrors> {
    load_reach(file, source, Reach::Full)
}

/// `load` with only `reach` kept (`Reach::App`: what the browser's build carries).
pub fn load_reach(
    file: &str,
    source: &str,
    reach: Reach,
) -> Result<&'static content_schema::Content, ContentErrors> {
    parse(file, source).map(|content| codegen::build(&content, reach).content)
}

/// Parses, validates and returns the Rust source of the app's content statics, with `reach`.
pub fn compile(file: &str, source: &str, reach: Reach) -> Result<String, ContentErrors> {
    parse(file, source).map(|content| codegen::generate(&content, reach))
}
