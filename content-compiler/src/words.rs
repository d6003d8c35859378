//! Words as the editors' checks compare them: which words of a sentence say something, and
//! whether a passage holds a word in some form ("Ukraine" in "Ukrainian", "fund" not in
//! "financed").

use std::collections::BTreeSet;

/// Words too common to say what a sentence is about.
const COMMON_WORDS: &[&str] = &[
    "the", "and", "for", "that", "this", "with", "from", "its", "are", "was", "were", "has",
    "have", "had", "not", "but", "can", "will", "would", "could", "been", "which", "who", "their",
    "they", "them", "his", "her", "our", "than", "into", "onto", "one", "any", "all", "also",
    "what", "when", "where", "how", "yet", "still", "said", "says", "more", "most", "such", "only",
    "being", "out", "about", "after", "before", "over", "there", "these", "those", "then", "just",
];

/// The distinct words of `text` that say something: lowercase, three letters or more, not
/// among the most common.
pub fn telling_words(text: &str) -> BTreeSet<String> {
    tokens(text)
        .map(|word| word.to_lowercase())
        .filter(|word| word.chars().count() >= 3 && !COMMON_WORDS.contains(&word.as_str()))
        .collect()
}

/// The runs of letters and digits in `text`, in order, with an initialism written with stops
/// read as one word ("U.S." as "US").
pub fn tokens(text: &str) -> impl Iterator<Item = String> + '_ {
    spaced_tokens(text).map(|(_, word)| word)
}

/// `tokens`, each with the text between it and the one before.
fn spaced_tokens(text: &str) -> impl Iterator<Item = (&str, String)> + '_ {
    let mut rest = text;
    std::iter::from_fn(move || {
        let start = rest.find(char::is_alphanumeric)?;
        let gap = &rest[..start];
        rest = &rest[start..];
        let mut word = String::new();
        let mut initials = false;
        loop {
            let end = rest
                .find(|c: char| !c.is_alphanumeric())
                .unwrap_or(rest.len());
            let run = &rest[..end];
            word.push_str(run);
            rest = &rest[end..];
            if !(is_initial(run) && rest.starts_with('.') && rest[1..].starts_with(is_capital)) {
                break;
            }
            rest = &rest[1..];
            initials = true;
        }
        // The stop closing an initialism ("U.S.") belongs to it.
        if initials {
            rest = rest.strip_prefix('.').unwrap_or(rest);
        }
        Some((gap, word))
    })
}

/// A small number as English prose spells it ("one Oreshnik missile" backs a figure of 1).
fn spelled_out(digits: &str) -> Option<&'static str> {
    const NAMES: [&str; 11] = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    ];
    digits
        .parse::<usize>()
        .ok()
        .and_then(|n| NAMES.get(n).copied())
}

fn is_initial(run: &str) -> bool {
    run.chars().count() == 1 && run.chars().all(char::is_uppercase)
}

fn is_capital(c: char) -> bool {
    c.is_uppercase()
}

/// What a claim says that none of its passages does.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Unsupported {
    /// Figures (digit runs): each must stand in a passage as it is.
    pub numbers: Vec<String>,
    /// Capitalised words inside a sentence (names, months): each must stand in a passage in
    /// some form.
    pub names: Vec<String>,
    /// Every other telling word found in no passage in any form: a ranking aid, no verdict.
    pub words: Vec<String>,
}

impl Unsupported {
    /// Numbers and names: what stops a build.
    pub fn is_blocking(&self) -> bool {
        !self.numbers.is_empty() || !self.names.is_empty()
    }
}

/// What `claim` says that none of `passages` holds.
pub fn unsupported(claim: &str, passages: &[&str]) -> Unsupported {
    let held: Vec<String> = passages
        .iter()
        .flat_map(|passage| tokens(passage))
        .map(|word| word.to_lowercase())
        .collect();
    let holds = |word: &str| held.iter().any(|h| same_word(h, &word.to_lowercase()));
    let mut found = Unsupported::default();
    for (word, opens_sentence) in words_with_position(claim) {
        let word = word.as_str();
        let lower = word.to_lowercase();
        if word.chars().all(|c| c.is_ascii_digit()) {
            let spelled = spelled_out(&lower).is_some_and(|name| held.iter().any(|h| h == name));
            if !held.contains(&lower) && !spelled && !found.numbers.contains(&lower) {
                found.numbers.push(lower);
            }
        } else if word.chars().next().is_some_and(char::is_uppercase) && !opens_sentence {
            if !holds(word) && !found.names.iter().any(|n| n == word) {
                found.names.push(word.to_owned());
            }
        } else if telling_words(word).contains(&lower)
            && !holds(word)
            && !found.words.contains(&lower)
        {
            found.words.push(lower);
        }
    }
    found
}

/// Each word of `text` (as `tokens` reads it) with whether it opens a sentence: the first,
/// or one after `.`, `!` or `?`.
fn words_with_position(text: &str) -> Vec<(String, bool)> {
    let mut previous: Option<String> = None;
    spaced_tokens(text)
        .map(|(gap, word)| {
            let after_stop = gap.contains(['.', '!', '?'])
                && !previous
                    .as_deref()
                    .is_some_and(|p| ABBREVIATIONS.contains(&p));
            let opens = previous.is_none() || after_stop;
            previous = Some(word.clone());
            (word, opens)
        })
        .collect()
}

/// Words whose stop ends no sentence ("Jan. 6", "Mr. Smith").
const ABBREVIATIONS: &[&str] = &[
    "Jan", "Feb", "Aug", "Sept", "Oct", "Nov", "Dec", "Mr", "Mrs", "Ms", "Dr", "St", "Gen", "Gov",
    "Sen", "Rep", "Prof",
];

/// Whether two lowercase words are one word in two forms: equal, or sharing a stem of at least
/// four letters that leaves at most three letters of the shorter one ("ukraine", "ukrainian";
/// "sweden", "swedish"), so "fund" and "financed" stay apart.
fn same_word(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let shared = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    let shorter = a.chars().count().min(b.chars().count());
    shared >= 4 && shared + 3 >= shorter
}

#[cfg(test)]
mod tests {
    use super::{telling_words, unsupported};

    #[test]
    fn common_and_short_words_say_nothing() {
        let words: Vec<String> = telling_words("The US and the EU, with Kyiv's army")
            .into_iter()
            .collect();
        assert_eq!(words, ["army", "kyiv"]);
    }

    #[test]
    fn numbers_names_and_words_missing_from_every_passage_are_found() {
        let found = unsupported(
            "Partners fund the Ukrainian army with 90 billion. Sweden leads.",
            &["a €90 loan for Ukraine's army", "Swedish training"],
        );
        assert!(found.numbers.is_empty(), "{found:?}");
        assert!(found.names.is_empty(), "a name in another form: {found:?}");
        assert_eq!(found.words, ["partners", "fund", "billion", "leads"]);
        let found = unsupported("Signed on Jan. 7 in Paris", &["on Jan. 6 in Berlin"]);
        assert_eq!(found.numbers, ["7"]);
        assert!(unsupported("1 missile", &["one missile"])
            .numbers
            .is_empty());
        assert_eq!(unsupported("met Mr. Smith", &["Mr"]).names, ["Smith"]);
        assert_eq!(found.names, ["Paris"]);
        assert!(found.is_blocking());
        let found = unsupported(
            "Backed by the US. Signed in U.S. fashion",
            &["U.S. support"],
        );
        assert!(!found.is_blocking(), "{found:?}");
    }
}
