//! Soft hyphens (U+00AD) between the syllables of long words, in the language of the story, for
//! the names the prerender writes where space is short (a tab's name on a phone, a panel's
//! heading): a name wraps between words or at a syllable with a hyphen, never mid-word without
//! one. Written at build time with Knuth–Liang patterns (the `hyphenation` crate), since
//! browsers hyphenate by CSS only where they have a dictionary, which headless Chromium on Linux
//! has not. Not in the WASM: only prerendered pieces call it.

use hyphenation::{Hyphenator, Language, Load, Standard};
use std::collections::HashMap;

/// Words shorter than this are never broken.
const SHORTEST: usize = 7;

/// `text` with a soft hyphen at each break the patterns of `lang` (a BCP 47 tag) allow in its
/// long words; `text` as it is for a language without patterns here.
pub fn soft_hyphens(text: &str, lang: &str) -> String {
    DICTIONARIES.with(|dictionaries| {
        let mut dictionaries = dictionaries.borrow_mut();
        let Some(dictionary) = dictionaries
            .entry(lang.to_owned())
            .or_insert_with(|| language(lang).and_then(|l| Standard::from_embedded(l).ok()))
        else {
            return text.to_owned();
        };
        text.split(' ')
            .map(|word| hyphenated(dictionary, word))
            .collect::<Vec<_>>()
            .join(" ")
    })
}

thread_local! {
    /// Each language's patterns, loaded once per thread (the prerender renders every piece on
    /// one thread).
    static DICTIONARIES: std::cell::RefCell<HashMap<String, Option<Standard>>> =
        std::cell::RefCell::new(HashMap::new());
}

/// The patterns for the language of `lang`: the languages the compiler dates in, and a few
/// whose names run long.
fn language(lang: &str) -> Option<Language> {
    match lang.split('-').next()? {
        "en" => Some(Language::EnglishUS),
        "uk" => Some(Language::Ukrainian),
        "de" => Some(Language::German1996),
        "fi" => Some(Language::Finnish),
        _ => None,
    }
}

fn hyphenated(dictionary: &Standard, word: &str) -> String {
    if word.chars().count() < SHORTEST || !word.chars().all(char::is_alphabetic) {
        return word.to_owned();
    }
    // The patterns are written in lower case; a letter's case keeps its length here.
    let lower = word.to_lowercase();
    if lower.len() != word.len() {
        return word.to_owned();
    }
    let breaks = dictionary.hyphenate(&lower).breaks;
    let mut out = String::with_capacity(word.len() + breaks.len() * 2);
    let mut from = 0;
    for at in breaks {
        out.push_str(&word[from..at]);
        out.push('\u{ad}');
        from = at;
    }
    out.push_str(&word[from..]);
    out
}

#[cfg(test)]
mod tests {
    use super::soft_hyphens;

    #[test]
    fn long_words_break_at_syllables_in_their_language() {
        let english = soft_hyphens("Multinational force", "en");
        assert_eq!(english.replace('\u{ad}', ""), "Multinational force");
        assert!(english.contains('\u{ad}'), "{english:?}");
        assert!(!english.contains("Multination\u{ad}al"), "{english:?}");
        let ukrainian = soft_hyphens("Багатонаціональні сили", "uk");
        assert_eq!(ukrainian.replace('\u{ad}', ""), "Багатонаціональні сили");
        assert!(ukrainian.contains('\u{ad}'), "{ukrainian:?}");
        assert_eq!(soft_hyphens("US backstop", "en"), "US back\u{ad}stop");
        assert_eq!(
            soft_hyphens("EU accession", "en").replace('\u{ad}', ""),
            "EU accession"
        );
        let german = soft_hyphens("Birnbaumbewässerungsverpflichtung", "de");
        assert_eq!(
            german.replace('\u{ad}', ""),
            "Birnbaumbewässerungsverpflichtung"
        );
        assert!(german.matches('\u{ad}').count() >= 5, "{german:?}");
        assert_eq!(soft_hyphens("Sad: a garden", "en"), "Sad: a garden");
        assert_eq!(soft_hyphens("Multinational", "xx"), "Multinational");
    }
}
