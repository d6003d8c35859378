//! `cargo xtask new DIR`: a new story to fill in. `DIR/story.toml` holds every field with a
//! comment on what goes there and the rules it keeps, two example layers, and placeholder words
//! marked TODO, which a release build refuses (`content_compiler::placeholders`); `DIR/article.txt`
//! is the place for the article, holding for now the placeholder passages the example claims
//! cite, so the new story builds and serves at once. The interface text is the real story's
//! `[ui]`, copied: the one English wording, to translate for another language.

use crate::command::project_root;
use std::path::Path;

const STORY_TEMPLATE: &str = include_str!("../templates/story.toml");
const ARTICLE_TEMPLATE: &str = include_str!("../templates/article.txt");
/// The story whose interface text a new story starts from.
const REAL_STORY: &str = "content/explainer.toml";
/// Where the template's `[ui]` table goes.
const UI_MARK: &str = "[channels.statement]";

pub fn run_task(folder: Option<String>) -> Result<(), String> {
    let folder = folder.ok_or("usage: cargo xtask new DIR (a folder for the new story)")?;
    let folder = std::env::current_dir()
        .map_err(|e| e.to_string())?
        .join(folder);
    let story = folder.join("story.toml");
    if story.exists() {
        return Err(format!("{} exists: nothing written", story.display()));
    }
    let real = std::fs::read_to_string(project_root().join(REAL_STORY))
        .map_err(|e| format!("{REAL_STORY}: {e}"))?;
    std::fs::create_dir_all(&folder).map_err(|e| format!("{}: {e}", folder.display()))?;
    let text = with_schema_line(&with_interface_text(&real)?, &folder)?;
    write(&story, &text)?;
    let article = folder.join("article.txt");
    if !article.exists() {
        write(&article, ARTICLE_TEMPLATE)?;
    }
    println!(
        "Wrote {} and {}. Replace every TODO, then:\n  cargo xtask content {}\n  EXPLAINER_CONTENT={} cargo xtask serve",
        story.display(),
        article.display(),
        story.display(),
        story.display()
    );
    Ok(())
}

/// The template with the real story's `[ui]` table before its channels.
fn with_interface_text(real: &str) -> Result<String, String> {
    let start = real
        .find("\n[ui]\n")
        .ok_or("no [ui] table in the real story")?
        + 1;
    let end = start
        + real[start + 1..]
            .find("\n[")
            .ok_or("nothing after the real story's [ui] table")?
        + 2;
    let ui = format!(
        "# Interface text: it states no fact about the story. Translate it for another language;\n# `{{n}}`, `{{total}}`, `{{name}}` and `{{speaker}}` are filled in by the page.\n{}",
        &real[start..end]
    );
    let at = STORY_TEMPLATE
        .find(UI_MARK)
        .ok_or("the template has no channels")?;
    // The channels' comment line stays with them.
    let at = STORY_TEMPLATE[..at]
        .rfind("\n#")
        .map_or(at, |line| line + 1);
    Ok(format!(
        "{}{ui}{}",
        &STORY_TEMPLATE[..at],
        &STORY_TEMPLATE[at..]
    ))
}

/// `story` whose `#:schema` line (its first) names the schema from `folder`, where it is written:
/// editors' language servers read it for field names, descriptions and errors as they type.
fn with_schema_line(story: &str, folder: &Path) -> Result<String, String> {
    let schema = project_root().join(crate::schema::SCHEMA_FILE);
    let relative = relative_path(&schema, folder)?;
    let (_, rest) = story.split_once('\n').ok_or("the template is one line")?;
    Ok(format!("#:schema {}\n{rest}", relative.display()))
}

/// `target` as a path from `base` (both made absolute and canonical as far as they exist).
fn relative_path(target: &Path, base: &Path) -> Result<std::path::PathBuf, String> {
    let canonical = |path: &Path| {
        path.canonicalize()
            .map_err(|e| format!("{}: {e}", path.display()))
    };
    let (target, base) = (canonical(target)?, canonical(base)?);
    let shared = target
        .components()
        .zip(base.components())
        .take_while(|(a, b)| a == b)
        .count();
    let up = base
        .components()
        .skip(shared)
        .map(|_| std::path::Component::ParentDir);
    Ok(up.chain(target.components().skip(shared)).collect())
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}
