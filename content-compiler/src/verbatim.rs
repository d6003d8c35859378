//! Whether a quote is verbatim in its source article: the check `tests/content_editorial.rs`
//! runs on the real content, the fixtures' tests on theirs, and tools on any content file.

/// Quote marks and spacing may differ between the article and the content file; nothing else
/// may. Curly quotes become straight, and every run of whitespace one space.
pub fn normalize(text: &str) -> String {
    let marks: String = text
        .chars()
        .map(|c| match c {
            '‘' | '’' | '‛' | '′' => '\'',
            '“' | '”' | '„' | '″' => '"',
            '\u{a0}' => ' ',
            other => other,
        })
        .collect();
    marks.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The parts of `quote` (split at " … ", which marks an omission) that are not in `article`,
/// both compared `normalize`d; empty when the quote is verbatim.
pub fn missing_parts(quote: &str, article: &str) -> Vec<String> {
    let article = normalize(article);
    quote
        .split('…')
        .map(normalize)
        .filter(|part| !part.is_empty() && !article.contains(part.as_str()))
        .collect()
}
