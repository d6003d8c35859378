//! Reading the file, with every problem of its syntax, then every problem of its sections'
//! shapes, found in one pass: an editor fixes them all at once.
//!
//! A value that does not read (a bad slug, a blank speaker, a number where words go, an unknown
//! field) is reported and replaced by a stand-in that does, and the reading goes on, so the
//! rules (validate.rs, sources.rs) still run on the rest of the file: one bad slug does not hide
//! a quote changed by one letter. What the rules then say about a stand-in is dropped
//! (`Reading::about_stand_in`). Only a problem no stand-in mends (a missing field, a list where
//! words go) stops the rules.

use crate::error::{ContentError, LineIndex};
use crate::model::{
    Channel, ContentFile, Correction, Layer, Meta, Quote, Source, Stage, StillOpen, Theme, UiTable,
    WhyNow,
};
use serde::de::DeserializeOwned;
use std::collections::BTreeMap;
use std::ops::Range;
use toml::de::{DeTable, DeValue, ValueDeserializer};
use toml::Spanned;

/// The most problems listed: past these, more would bury the first.
pub const MOST_PROBLEMS: usize = 100;

/// What stands in for a value that does not read: words, a valid slug and a month at once.
const STAND_IN: &str = "2000-01";

/// The file as the model, if it reads (with stand-ins), and every problem of its reading.
pub(crate) struct Reading {
    pub(crate) file: Option<ContentFile>,
    pub(crate) problems: Vec<ContentError>,
    /// Where stand-ins were put, as (line, column).
    stand_ins: Vec<(usize, usize)>,
}

impl Reading {
    /// Whether a rule's `problem` is about a stand-in rather than the editor's words.
    pub(crate) fn about_stand_in(&self, problem: &ContentError) -> bool {
        problem.message.contains(STAND_IN)
            || self.stand_ins.contains(&(problem.line, problem.column))
    }
}

/// One element's reading: its problems, where stand-ins went, and whether it reads now.
#[derive(Default)]
struct Mending {
    problems: Vec<ContentError>,
    stand_ins: Vec<Range<usize>>,
    unmended: bool,
}

pub(crate) fn read(source: &str, lines: &LineIndex) -> Reading {
    let (mut table, syntax) = DeTable::parse_recoverable(source);
    if !syntax.is_empty() {
        let problems = syntax
            .into_iter()
            .map(|e| error(e, "(syntax)".to_owned(), lines));
        return Reading {
            file: None,
            problems: problems.collect(),
            stand_ins: Vec::new(),
        };
    }
    let mut mending = Mending::default();
    for (key, value) in table.get_mut().iter_mut() {
        section(key.get_ref(), value, lines, &mut mending);
    }
    // In the file's order, as an editor reads it.
    mending.problems.sort_by_key(|problem| problem.line);
    let stand_ins = mending
        .stand_ins
        .iter()
        .map(|span| {
            let at = lines.error(span.start, "", "");
            (at.line, at.column)
        })
        .collect();
    let mut reading = Reading {
        file: None,
        problems: mending.problems,
        stand_ins,
    };
    if !mending.unmended {
        // The whole file: what no section shows (a missing or unknown table).
        match deserialize::<ContentFile>(toml::de::Deserializer::from(table), "", lines) {
            Ok(file) => reading.file = Some(file),
            Err(failure) => reading.problems.push(failure.0),
        }
    }
    reading
}

/// The problems of one top-level table, each element of an array of tables on its own.
fn section(key: &str, value: &mut Spanned<DeValue>, lines: &LineIndex, mending: &mut Mending) {
    match key {
        "meta" => shape::<Meta>(key, value, lines, mending),
        "source" => shape::<Source>(key, value, lines, mending),
        "ui" => shape::<UiTable>(key, value, lines, mending),
        "channels" => shape::<BTreeMap<String, Channel>>(key, value, lines, mending),
        "stages" => each::<Stage>(key, value, lines, mending),
        "layers" => each::<Layer>(key, value, lines, mending),
        "why_now" => shape::<WhyNow>(key, value, lines, mending),
        "still_open" => shape::<StillOpen>(key, value, lines, mending),
        "quotes" => each::<Quote>(key, value, lines, mending),
        "corrections" => each::<Correction>(key, value, lines, mending),
        "theme" => shape::<Theme>(key, value, lines, mending),
        // An unknown table: the whole file's reading names it with what is expected.
        _ => {}
    }
}

fn each<T: DeserializeOwned>(
    key: &str,
    value: &mut Spanned<DeValue>,
    lines: &LineIndex,
    mending: &mut Mending,
) {
    match value.get_mut() {
        DeValue::Array(items) => {
            for (i, item) in items.iter_mut().enumerate() {
                shape::<T>(&format!("{key}[{i}]"), item, lines, mending);
            }
        }
        _ => shape::<Vec<T>>(key, value, lines, mending),
    }
}

/// Reads `value` as a `T`, reporting each problem and mending it with a stand-in, until it
/// reads or a problem cannot be mended. Each stand-in takes a place no other took, so this ends.
fn shape<T: DeserializeOwned>(
    path: &str,
    value: &mut Spanned<DeValue>,
    lines: &LineIndex,
    mending: &mut Mending,
) {
    loop {
        let deserializer = ValueDeserializer::from(value.clone());
        let Err(failure) = deserialize::<T>(deserializer, path, lines) else {
            return;
        };
        let (problem, span) = *failure;
        let placed = span.is_some();
        let Some(span) = span.filter(|span| !mending.stand_ins.contains(span)) else {
            // No place, or a stand-in's: what it says is not about the editor's words.
            mending.unmended = true;
            if !placed {
                mending.problems.push(problem);
            }
            return;
        };
        let reason = format!(
            "{} {}",
            problem.message,
            problem.hint.as_deref().unwrap_or("")
        );
        mending.problems.push(problem);
        if !stand_in(value, &span, &reason) {
            mending.unmended = true;
            return;
        }
        mending.stand_ins.push(span);
    }
}

/// Mends the value at `span` within `value`: an unknown field is dropped, a value of one word
/// (a string, number, date or boolean) replaced by the first valid choice the message names or
/// else by `STAND_IN`. A table or list is not mended: what it should hold is unknown.
fn stand_in(value: &mut Spanned<DeValue>, span: &Range<usize>, message: &str) -> bool {
    if let Some(field) = quoted_after(message, "unknown field ") {
        return drop_field(value, span, &field);
    }
    let Some(node) = innermost(value, span) else {
        return false;
    };
    if matches!(node.get_ref(), DeValue::Array(_) | DeValue::Table(_)) {
        return false;
    }
    let choice = quoted_after(message, "expected one of ").unwrap_or_else(|| STAND_IN.to_owned());
    *node.get_mut() = DeValue::String(choice.into());
    true
}

/// The first backquoted word after `marker` in serde's `message`.
fn quoted_after(message: &str, marker: &str) -> Option<String> {
    let rest = &message[message.find(marker)? + marker.len()..];
    let word = rest.strip_prefix('`')?;
    Some(word[..word.find('`')?].to_owned())
}

/// The innermost value whose span covers `span`. Every child is searched: a table's own span
/// may be only its `[[header]]`, not its fields.
fn innermost<'v, 'i>(
    value: &'v mut Spanned<DeValue<'i>>,
    span: &Range<usize>,
) -> Option<&'v mut Spanned<DeValue<'i>>> {
    let covers = value.span().start <= span.start && span.end <= value.span().end;
    let child = match value.get_ref() {
        DeValue::Array(items) => items.iter().position(|item| holds(item, span)),
        DeValue::Table(table) => table.iter().position(|(_, item)| holds(item, span)),
        _ => None,
    };
    let Some(i) = child else {
        return covers.then_some(value);
    };
    match value.get_mut() {
        DeValue::Array(items) => innermost(items.get_mut(i)?, span),
        DeValue::Table(table) => innermost(table.iter_mut().nth(i)?.1, span),
        _ => None,
    }
}

/// Whether `value` or anything in it covers `span`.
fn holds(value: &Spanned<DeValue>, span: &Range<usize>) -> bool {
    let covers = value.span().start <= span.start && span.end <= value.span().end;
    covers
        || match value.get_ref() {
            DeValue::Array(items) => items.iter().any(|item| holds(item, span)),
            DeValue::Table(table) => table.iter().any(|(_, item)| holds(item, span)),
            _ => false,
        }
}

/// Drops `field` from the innermost table around `span` that has it.
fn drop_field(value: &mut Spanned<DeValue>, span: &Range<usize>, field: &str) -> bool {
    let DeValue::Table(table) = value.get_mut() else {
        return false;
    };
    let inner = table
        .iter_mut()
        .find(|(_, item)| item.span().start <= span.start && span.end <= item.span().end);
    if let Some((_, item)) = inner {
        if drop_field(item, span, field) {
            return true;
        }
    }
    table.remove(field).is_some()
}

/// A problem of reading, with the span of the value at fault (if toml knows it).
type Failure = (ContentError, Option<Range<usize>>);

/// `T` from `deserializer`, or its first problem at `path` and the field within it, with the
/// span of the value at fault.
fn deserialize<'de, T: DeserializeOwned>(
    deserializer: impl serde::Deserializer<'de, Error = toml::de::Error>,
    path: &str,
    lines: &LineIndex,
) -> Result<T, Box<Failure>> {
    serde_path_to_error::deserialize(deserializer).map_err(|e| {
        // `Spanned` values add a private step to the path that means nothing to an editor.
        let within = e
            .path()
            .to_string()
            .replace(".$__serde_spanned_private_value", "")
            .replace("$__serde_spanned_private_value.", "");
        let field = match (path, within.as_str()) {
            ("", ".") => "(top level)".to_owned(),
            ("", within) => within.to_owned(),
            (path, ".") => path.to_owned(),
            (path, within) if within.starts_with('[') => format!("{path}{within}"),
            (path, within) => format!("{path}.{within}"),
        };
        let inner = e.into_inner();
        let span = inner.span();
        Box::new((error(inner, field, lines), span))
    })
}

fn error(error: toml::de::Error, field: String, lines: &LineIndex) -> ContentError {
    let offset = error.span().map_or(0, |span| span.start);
    let (message, hint) = crate::hint::split(error.message().trim());
    let hint = hint.or_else(|| {
        let field = quoted_after(&message, "missing field ")?;
        Some(format!(
            "add `{field} = …` here (`cargo xtask new` writes every field, with what goes there)"
        ))
    });
    let problem = lines.error(offset, field, message);
    match hint {
        Some(hint) => problem.with_hint(hint),
        None => problem,
    }
}
