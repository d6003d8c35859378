//! Reading the file, with every problem of its syntax, then every problem of its sections'
//! shapes, found in one pass: an editor fixes them all at once. The rules run on a file that
//! reads (validate.rs, sources.rs).

use crate::error::{ContentError, LineIndex};
use crate::model::{
    Channel, ContentFile, Correction, Layer, Meta, Quote, Source, Stage, StillOpen, Theme, UiTable,
    WhyNow,
};
use serde::de::DeserializeOwned;
use std::collections::BTreeMap;
use toml::de::{DeTable, DeValue, ValueDeserializer};
use toml::Spanned;

/// The most problems listed: past these, more would bury the first.
pub const MOST_PROBLEMS: usize = 100;

/// The file as the model, or every problem that stops it reading.
pub(crate) fn read(source: &str, lines: &LineIndex) -> Result<ContentFile, Vec<ContentError>> {
    let (table, syntax) = DeTable::parse_recoverable(source);
    if !syntax.is_empty() {
        let problems = syntax
            .into_iter()
            .map(|e| error(e, "(syntax)".to_owned(), lines));
        return Err(problems.collect());
    }
    let mut errors = Vec::new();
    for (key, value) in table.get_ref() {
        section(key.get_ref(), value, lines, &mut errors);
    }
    if !errors.is_empty() {
        // In the file's order, as an editor reads it.
        errors.sort_by_key(|error| error.line);
        return Err(errors);
    }
    // The whole file: what no section shows (a missing or unknown table).
    deserialize::<ContentFile>(toml::de::Deserializer::from(table), "", lines).map_err(|e| vec![e])
}

/// The problems of one top-level table, each element of an array of tables on its own.
fn section(key: &str, value: &Spanned<DeValue>, lines: &LineIndex, errors: &mut Vec<ContentError>) {
    match key {
        "meta" => shape::<Meta>(key, value, lines, errors),
        "source" => shape::<Source>(key, value, lines, errors),
        "ui" => shape::<UiTable>(key, value, lines, errors),
        "channels" => shape::<BTreeMap<String, Channel>>(key, value, lines, errors),
        "stages" => each::<Stage>(key, value, lines, errors),
        "layers" => each::<Layer>(key, value, lines, errors),
        "why_now" => shape::<WhyNow>(key, value, lines, errors),
        "still_open" => shape::<StillOpen>(key, value, lines, errors),
        "quotes" => each::<Quote>(key, value, lines, errors),
        "corrections" => each::<Correction>(key, value, lines, errors),
        "theme" => shape::<Theme>(key, value, lines, errors),
        // An unknown table: the whole file's reading names it with what is expected.
        _ => {}
    }
}

fn each<T: DeserializeOwned>(
    key: &str,
    value: &Spanned<DeValue>,
    lines: &LineIndex,
    errors: &mut Vec<ContentError>,
) {
    match value.get_ref() {
        DeValue::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                shape::<T>(&format!("{key}[{i}]"), item, lines, errors);
            }
        }
        _ => shape::<Vec<T>>(key, value, lines, errors),
    }
}

fn shape<T: DeserializeOwned>(
    path: &str,
    value: &Spanned<DeValue>,
    lines: &LineIndex,
    errors: &mut Vec<ContentError>,
) {
    let deserializer = ValueDeserializer::from(value.clone());
    if let Err(problem) = deserialize::<T>(deserializer, path, lines) {
        errors.push(problem);
    }
}

/// `T` from `deserializer`, or its first problem at `path` and the field within it.
fn deserialize<'de, T: DeserializeOwned>(
    deserializer: impl serde::Deserializer<'de, Error = toml::de::Error>,
    path: &str,
    lines: &LineIndex,
) -> Result<T, ContentError> {
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
        error(e.into_inner(), field, lines)
    })
}

fn error(error: toml::de::Error, field: String, lines: &LineIndex) -> ContentError {
    let offset = error.span().map_or(0, |span| span.start);
    lines.error(offset, field, error.message().trim().to_owned())
}
