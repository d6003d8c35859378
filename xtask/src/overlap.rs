//! Which sentences of the article share the most words with one of ours: an aid for the editor
//! who checks that our summaries claim nothing the article does not. It ranks; it judges nothing.

use std::collections::BTreeSet;

/// Words too common to say what a sentence is about.
const COMMON_WORDS: &[&str] = &[
    "the", "and", "for", "that", "this", "with", "from", "its", "are", "was", "were", "has",
    "have", "had", "not", "but", "can", "will", "would", "could", "been", "which", "who", "their",
    "they", "them", "his", "her", "our", "than", "into", "onto", "one", "any", "all", "also",
    "what", "when", "where", "how", "yet", "still", "said", "says", "more", "most", "such", "only",
    "being", "out", "about", "after", "before", "over", "there", "these", "those", "then", "just",
];

/// An article sentence and the words it shares with ours, most shared first.
pub struct Match<'a> {
    pub sentence: &'a str,
    pub shared: Vec<String>,
}

/// `text` cut into sentences: after `.`, `!` or `?` where the next word starts with a capital
/// or a quote mark (so "Jan. 6" stays whole), and at line ends.
pub fn sentences(text: &str) -> Vec<&str> {
    let mut found = Vec::new();
    for line in text.lines() {
        let mut start = 0;
        for (end, next) in sentence_ends(line) {
            found.push(line[start..end].trim());
            start = next;
        }
        found.push(line[start..].trim());
    }
    found.retain(|sentence| !sentence.is_empty());
    found
}

/// Byte offsets just after each sentence's closing mark in `line`, with where the next begins.
fn sentence_ends(line: &str) -> Vec<(usize, usize)> {
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let mut ends = Vec::new();
    for window in chars.windows(3) {
        let [(_, mark), (space_at, space), (next_at, next)] = window else {
            continue;
        };
        let opens_sentence = next.is_uppercase() || "“‘\"'".contains(*next);
        if ".!?".contains(*mark) && space.is_whitespace() && opens_sentence {
            ends.push((*space_at, *next_at));
        }
    }
    ends
}

/// The distinct words of `text` that say something: lowercase, three letters or more, not
/// among the most common.
pub fn telling_words(text: &str) -> BTreeSet<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .filter(|word| word.chars().count() >= 3 && !COMMON_WORDS.contains(&word.as_str()))
        .collect()
}

/// The `best` sentences of `article` sharing the most telling words with `ours` (at least one).
pub fn closest<'a>(ours: &str, article: &[&'a str], best: usize) -> Vec<Match<'a>> {
    let our_words = telling_words(ours);
    let mut seen = BTreeSet::new();
    let mut matches: Vec<Match<'a>> = article
        .iter()
        // The article repeats its lede; each sentence is listed once.
        .filter(|sentence| seen.insert(**sentence))
        .map(|sentence| Match {
            sentence,
            shared: telling_words(sentence)
                .intersection(&our_words)
                .cloned()
                .collect(),
        })
        .filter(|found| !found.shared.is_empty())
        .collect();
    // Stable: among equals the article's first sentence comes first.
    matches.sort_by_key(|found| std::cmp::Reverse(found.shared.len()));
    matches.truncate(best);
    matches
}

#[cfg(test)]
mod tests {
    use super::{closest, sentences, telling_words};

    #[test]
    fn sentences_end_at_marks_before_capitals_not_inside_dates() {
        assert_eq!(
            sentences("On Jan. 6 they met. Then “we agreed.” Done?\nA new line"),
            [
                "On Jan. 6 they met.",
                "Then “we agreed.” Done?",
                "A new line"
            ]
        );
        assert!(sentences(" \n\n ").is_empty());
    }

    #[test]
    fn common_and_short_words_say_nothing() {
        let words: Vec<String> = telling_words("The US and the EU, with Kyiv's army")
            .into_iter()
            .collect();
        assert_eq!(words, ["army", "kyiv"]);
    }

    #[test]
    fn the_sentence_sharing_most_words_comes_first() {
        let article = [
            "Russia fired a missile at Lviv.",
            "Nothing in common here.",
            "A massive attack on Kyiv left buildings without heat.",
            "A massive attack on Kyiv left buildings without heat.",
        ];
        let found = closest(
            "Russia's massive attack left Kyiv without heat",
            &article,
            3,
        );
        let ranked: Vec<&str> = found.iter().map(|m| m.sentence).collect();
        assert_eq!(ranked, [article[2], article[0]]);
        assert_eq!(
            found[0].shared,
            ["attack", "heat", "kyiv", "left", "massive", "without"]
        );
    }
}
