//! What would be valid, for the hint under a problem: the nearest known name, a slug made from
//! the editor's words, the article's own words where a passage differs from them.

use crate::verbatim::normalize;

/// Where a value type's message ends and its hint begins (serde carries one string).
pub(crate) const HINT_MARK: &str = "\nhint: ";

/// `message` split into the problem and its hint, if it carries one (`HINT_MARK`, or serde's
/// own ", expected …").
pub(crate) fn split(message: &str) -> (String, Option<String>) {
    for mark in [HINT_MARK, ", expected "] {
        if let Some((problem, hint)) = message.split_once(mark) {
            let hint = match mark {
                HINT_MARK => hint.to_owned(),
                _ => format!("expected {hint}"),
            };
            return (problem.to_owned(), Some(hint));
        }
    }
    (message.to_owned(), None)
}

/// The known name nearest to `wanted` ("did you mean `x`?"), or the whole list when none is near.
pub(crate) fn one_of<'a>(wanted: &str, known: impl IntoIterator<Item = &'a str>) -> String {
    let known: Vec<&str> = known.into_iter().collect();
    let nearest = known
        .iter()
        .map(|name| (distance(wanted, name), *name))
        .min()
        .filter(|(distance, name)| *distance <= name.chars().count().max(3) / 3);
    match nearest {
        Some((_, name)) => format!("did you mean `{name}`?"),
        None if known.is_empty() => "none is defined yet".to_owned(),
        None => format!(
            "one of {}",
            known
                .iter()
                .map(|name| format!("`{name}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

/// `words` as a slug: lowercase ASCII letters and digits, single hyphens between.
pub(crate) fn slug_from(words: &str) -> String {
    let lowered: String = words
        .chars()
        .map(|c| match c.to_ascii_lowercase() {
            c if c.is_ascii_lowercase() || c.is_ascii_digit() => c,
            _ => ' ',
        })
        .collect();
    lowered.split_whitespace().collect::<Vec<_>>().join("-")
}

/// The article's words where `passage` (not verbatim) parts from them: the article from the
/// longest start of `passage` that it holds, as long as `passage`.
pub(crate) fn article_has(passage: &str, article: &str) -> Option<String> {
    let passage = normalize(passage);
    let article = normalize(article);
    let starts: Vec<usize> = passage.char_indices().map(|(i, _)| i).skip(1).collect();
    let longest = starts
        .iter()
        .rev()
        .find(|&&end| article.contains(&passage[..end]))?;
    // Too short a start is chance, not the passage.
    if passage[..*longest].split_whitespace().count() < 3 {
        return None;
    }
    let from = article.find(&passage[..*longest])?;
    Some(
        article[from..]
            .chars()
            .take(passage.chars().count())
            .collect(),
    )
}

/// Levenshtein distance, in characters.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = diagonal + usize::from(ca != *cb);
            diagonal = row[j + 1];
            row[j + 1] = substitution.min(row[j] + 1).min(diagonal + 1);
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_near_name_is_suggested_and_a_far_one_lists_all() {
        assert_eq!(
            one_of("pledgd", ["pledged", "signed"]),
            "did you mean `pledged`?"
        );
        assert_eq!(
            one_of("agreed", ["pledged", "signed"]),
            "one of `pledged`, `signed`"
        );
    }

    #[test]
    fn slugs_are_made_from_words() {
        assert_eq!(slug_from("First Layer!"), "first-layer");
        assert_eq!(slug_from("  US  backstop "), "us-backstop");
    }

    #[test]
    fn the_article_shows_where_a_quote_parts_from_it() {
        let article = "He said: “We are ready to sign the documents today.” Then he left.";
        let has = article_has("We are ready to sing the documents today.", article).unwrap();
        assert_eq!(has, "We are ready to sign the documents today.");
        assert_eq!(article_has("Nothing like it at all", article), None);
    }
}
