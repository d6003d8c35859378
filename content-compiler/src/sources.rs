//! Every text of ours that states a fact, with the article's passages behind it: each claim
//! must name its support; each excerpt, quote and attribution must be verbatim in the article;
//! a quote's date, role, speaker and channel must be what its attribution says; a number or
//! name of ours must stand in the claim's support.

use crate::error::{ContentError, LineIndex};
use crate::model::{Backed, Claim, ContentFile, Quote};
use crate::verbatim::missing_parts;
use crate::words::unsupported;
use std::collections::BTreeSet;

/// Every claim of `file` with its field path, in reading order.
pub fn claims(file: &ContentFile) -> Vec<(String, &dyn Backed)> {
    let mut found: Vec<(String, &dyn Backed)> = vec![
        ("meta.dek".to_owned(), &file.meta.dek),
        ("meta.description".to_owned(), &file.meta.description),
        ("meta.figure_caption".to_owned(), &file.meta.figure_caption),
    ];
    for (i, layer) in file.layers.iter().enumerate() {
        found.push((format!("layers[{i}].tagline"), &layer.tagline));
        list(&mut found, format!("layers[{i}].summary"), &layer.summary);
        found.push((format!("layers[{i}].stage"), &layer.stage));
        list(&mut found, format!("layers[{i}].status"), &layer.status);
        list(
            &mut found,
            format!("layers[{i}].contributors"),
            &layer.contributors,
        );
        list(
            &mut found,
            format!("layers[{i}].commitments"),
            &layer.commitments,
        );
    }
    list(
        &mut found,
        "why_now.summary".to_owned(),
        &file.why_now.summary,
    );
    for (i, figure) in file.why_now.figures.iter().enumerate() {
        found.push((format!("why_now.figures[{i}]"), figure));
    }
    list(
        &mut found,
        "still_open.summary".to_owned(),
        &file.still_open.summary,
    );
    for (i, item) in file.still_open.items.iter().enumerate() {
        list(
            &mut found,
            format!("still_open.items[{i}].summary"),
            &item.summary,
        );
    }
    found
}

/// Each claim of a list, as `field[i]`.
fn list<'a>(found: &mut Vec<(String, &'a dyn Backed)>, field: String, claims: &'a [Claim]) {
    for (i, claim) in claims.iter().enumerate() {
        found.push((format!("{field}[{i}]"), claim));
    }
}

/// The passages behind `claim`: its excerpts, then each quote it names with the article's
/// words attributing it.
pub fn passages<'a>(file: &'a ContentFile, claim: &'a dyn Backed) -> Vec<&'a str> {
    let quotes = claim.quote_ids().iter().flat_map(|id| {
        let quote = file
            .quotes
            .iter()
            .find(|quote| quote.id.get_ref() == id.get_ref());
        quote.into_iter().flat_map(|quote| {
            let attribution = quote
                .attribution
                .iter()
                .map(|words| words.get_ref().0.as_str());
            std::iter::once(quote.text.get_ref().0.as_str()).chain(attribution)
        })
    });
    claim
        .excerpts()
        .iter()
        .map(|excerpt| excerpt.get_ref().0.as_str())
        .chain(quotes)
        .collect()
}

/// Claims without support, support naming no quote of the file, and layers cited to the same
/// passages at different stages.
pub(crate) fn check_structure(
    file: &ContentFile,
    quote_ids: &BTreeSet<&str>,
    lines: &LineIndex,
    errors: &mut Vec<ContentError>,
) {
    for (field, claim) in claims(file) {
        if claim.excerpts().is_empty() && claim.quote_ids().is_empty() {
            errors.push(lines.error(
                claim.at(),
                &field,
                "no support: name the article's words behind it (`support = [\"…\"]`, verbatim) or quotes of this file (`quotes = [\"id\"]`)",
            ));
        }
        for (i, id) in claim.quote_ids().iter().enumerate() {
            if !quote_ids.contains(id.get_ref().0.as_str()) {
                let wanted = &id.get_ref().0;
                let message = format!("no quote has the id `{wanted}`");
                let hint = crate::hint::one_of(wanted, quote_ids.iter().copied());
                let problem = lines.error(id.span().start, format!("{field}.quotes[{i}]"), message);
                errors.push(problem.with_hint(hint));
            }
        }
    }
    check_stages_by_source(file, lines, errors);
}

/// Two layers whose stages rest on the very same passages carry the same stage: only a cited
/// sentence can tell them apart.
fn check_stages_by_source(file: &ContentFile, lines: &LineIndex, errors: &mut Vec<ContentError>) {
    let cited = |i: usize| -> BTreeSet<String> {
        // A stage without support is reported as such, not as like another.
        let stage = &file.layers[i].stage;
        let excerpts = stage.support.iter().map(|e| normalized(&e.get_ref().0));
        let quotes = stage
            .quotes
            .iter()
            .map(|q| format!("quote {}", q.get_ref().0));
        excerpts.chain(quotes).collect()
    };
    for (i, layer) in file.layers.iter().enumerate() {
        let earlier = (0..i).find(|&j| {
            !cited(i).is_empty()
                && cited(j) == cited(i)
                && file.layers[j].stage.id.get_ref() != layer.stage.id.get_ref()
        });
        if let Some(j) = earlier {
            let message = format!(
                "`{}` rests on the same passages as layers[{j}]'s `{}`: cite the sentence that tells them apart, or give both one stage",
                layer.stage.id.get_ref().0,
                file.layers[j].stage.id.get_ref().0
            );
            errors.push(lines.error(layer.stage.at(), format!("layers[{i}].stage"), message));
        }
    }
}

/// Whether `text` holds `words` with no letter or digit joined to either end ("Jan. 6" is not
/// in "Jan. 16", "6 січня" not in "16 січня").
fn holds_whole(text: &str, words: &str) -> bool {
    text.match_indices(words).any(|(at, found)| {
        let before = text[..at].chars().next_back();
        let after = text[at + found.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

fn normalized(text: &str) -> String {
    crate::verbatim::normalize(text)
}

/// Everything checked against the article's text: quotes, excerpts and attributions verbatim,
/// each quote's details against its attribution, each claim's numbers and names against its
/// passages.
pub(crate) fn check_against(
    file: &ContentFile,
    article: &str,
    lines: &LineIndex,
    errors: &mut Vec<ContentError>,
) {
    let mut verbatim = |text: &str, at: usize, field: String, what: &str| {
        if !text.contains(char::is_alphanumeric) {
            errors.push(lines.error(at, field, format!("{what} holds no words")));
        } else if let Some(missing) = missing_parts(text, article).into_iter().next() {
            let message = format!("{what} is not verbatim in the article: {missing:?}");
            let problem = lines.error(at, field, message);
            errors.push(match crate::hint::article_has(&missing, article) {
                Some(words) => problem.with_hint(format!("the article has {words:?}")),
                None => problem,
            });
        }
    };
    for (i, quote) in file.quotes.iter().enumerate() {
        let text = &quote.text;
        verbatim(
            &text.get_ref().0,
            text.span().start,
            format!("quotes[{i}].text"),
            "the quote",
        );
        for (j, words) in quote.attribution.iter().enumerate() {
            let field = format!("quotes[{i}].attribution[{j}]");
            verbatim(
                &words.get_ref().0,
                words.span().start,
                field,
                "the attribution",
            );
        }
    }
    for (field, claim) in claims(file) {
        for (j, excerpt) in claim.excerpts().iter().enumerate() {
            let at = excerpt.span().start;
            verbatim(
                &excerpt.get_ref().0,
                at,
                format!("{field}.support[{j}]"),
                "the excerpt",
            );
        }
    }
    for (i, quote) in file.quotes.iter().enumerate() {
        check_attribution(file, i, quote, lines, errors);
    }
    for (field, claim) in claims(file) {
        let found = unsupported(&claim.words(), &passages(file, claim));
        let what = |kind: &str, items: &[String]| {
            format!(
                "{kind} {} in none of its support: cite the passage that gives it",
                items.join(", ")
            )
        };
        if !found.numbers.is_empty() {
            errors.push(lines.error(claim.at(), &field, what("the number(s)", &found.numbers)));
        }
        if !found.names.is_empty() {
            errors.push(lines.error(claim.at(), &field, what("the name(s)", &found.names)));
        }
    }
}

/// A quote's attribution must be there, and must give what the quote says of itself: the
/// speaker's surname, the role, a word of the channel, and the day where the date has one.
fn check_attribution(
    file: &ContentFile,
    index: usize,
    quote: &Quote,
    lines: &LineIndex,
    errors: &mut Vec<ContentError>,
) {
    let field = |name: &str| format!("quotes[{index}].{name}");
    let said: Vec<String> = quote
        .attribution
        .iter()
        .map(|words| normalized(&words.get_ref().0).to_lowercase())
        .collect();
    let says = |words: &str| {
        let words = normalized(words).to_lowercase();
        said.iter()
            .any(|attribution| holds_whole(attribution, &words))
    };
    let at = quote.id.span().start;
    if said.is_empty() {
        let message = "no attribution: give the article's words that say who said it, how and when (`attribution = [\"…\"]`)";
        errors.push(lines.error(at, field("attribution"), message));
        return;
    }
    let surname = quote
        .speaker
        .0
        .split_whitespace()
        .last()
        .unwrap_or_default();
    if !says(surname) {
        let message = format!("`{surname}` is in none of the quote's attribution");
        errors.push(lines.error(at, field("speaker"), message));
    }
    if let Some(role) = &quote.role {
        if !says(&role.get_ref().0) {
            let message = format!(
                "`{}` is not in the quote's attribution: a role is as the article gives it",
                role.get_ref().0
            );
            errors.push(lines.error(role.span().start, field("role"), message));
        }
    }
    if let Some(channel) = file.channels.get(&quote.channel.get_ref().0) {
        let cues = channel.cues.get_ref();
        if !cues.iter().any(|cue| says(&cue.0)) {
            let cues: Vec<&str> = cues.iter().map(|cue| cue.0.as_str()).collect();
            let message = format!(
                "the attribution says none of the channel's words ({}): the channel is as the article gives it",
                cues.join(", ")
            );
            errors.push(lines.error(quote.channel.span().start, field("channel"), message));
        }
    }
    let date = quote.date.get_ref();
    if date.day.is_some() {
        let lang = &file.meta.lang.get_ref().0;
        let day = date.day_in_text(lang);
        if day.as_deref().is_some_and(|day| !says(day)) {
            let month = format!("{:04}-{:02}", date.year, date.month);
            let message = format!(
                "the attribution gives no day ({}): write the month, `{month}`, or cite the words that give the day",
                day.unwrap_or_default()
            );
            errors.push(lines.error(quote.date.span().start, field("date"), message));
        }
    }
}
