//! Checks that need the whole file: unique names, references that resolve, usable templates.

use crate::error::{ContentError, LineIndex};
use crate::model::{ContentFile, Slug, Text};
use std::collections::{BTreeMap, BTreeSet};
use toml::Spanned;

/// The most layers an explainer may have (style/main.css has one rule per position).
pub const MAX_LAYERS: usize = 8;

pub(crate) fn validate(content: &ContentFile, lines: &LineIndex) -> Vec<ContentError> {
    let mut errors = Vec::new();
    let quote_ids = unique_names(
        content
            .quotes
            .iter()
            .enumerate()
            .map(|(i, q)| (&q.id, format!("quotes[{i}].id"))),
        "quote id",
        lines,
        &mut errors,
    );
    unique_names(
        content
            .layers
            .iter()
            .enumerate()
            .map(|(i, l)| (&l.slug, format!("layers[{i}].slug"))),
        "layer slug",
        lines,
        &mut errors,
    );
    if content.layers.is_empty() {
        errors.push(lines.error(0, "layers", "at least one layer is needed"));
    }
    if let Some(extra) = content.layers.get(MAX_LAYERS) {
        errors.push(lines.error(
            extra.slug.span().start,
            format!("layers[{MAX_LAYERS}]"),
            format!("at most {MAX_LAYERS} layers: style/main.css shows a layer chosen before the app starts by its position, for eight positions"),
        ));
    }
    for (i, layer) in content.layers.iter().enumerate() {
        let field = format!("layers[{i}].quotes");
        check_references(&layer.quotes, &field, &quote_ids, lines, &mut errors);
        if layer.quotes.is_empty() {
            errors.push(lines.error(
                layer.slug.span().start,
                field,
                "a layer needs at least one quote",
            ));
        }
    }
    check_references(
        &content.why_now.quotes,
        "why_now.quotes",
        &quote_ids,
        lines,
        &mut errors,
    );
    for (i, item) in content.still_open.items.iter().enumerate() {
        check_references(
            &item.quotes,
            &format!("still_open.items[{i}].quotes"),
            &quote_ids,
            lines,
            &mut errors,
        );
    }
    check_channels(content, lines, &mut errors);
    check_template(
        &content.ui.position,
        "ui.position",
        &["{n}", "{total}"],
        lines,
        &mut errors,
    );
    check_template(
        &content.ui.announcement,
        "ui.announcement",
        &["{name}", "{n}", "{total}"],
        lines,
        &mut errors,
    );
    errors
}

/// Reports every name seen before and returns the set of names.
fn unique_names<'a>(
    names: impl Iterator<Item = (&'a Spanned<Slug>, String)>,
    what: &str,
    lines: &LineIndex,
    errors: &mut Vec<ContentError>,
) -> BTreeSet<&'a str> {
    let mut first_seen: BTreeMap<&str, usize> = BTreeMap::new();
    for (name, field) in names {
        let line = lines.line_of(name.span().start);
        if let Some(first) = first_seen.insert(&name.get_ref().0, line) {
            let message = format!(
                "duplicate {what} `{}` (first used on line {first})",
                name.get_ref().0
            );
            errors.push(lines.error(name.span().start, field, message));
            first_seen.insert(&name.get_ref().0, first);
        }
    }
    first_seen.into_keys().collect()
}

fn check_references(
    references: &[Spanned<Slug>],
    field: &str,
    quote_ids: &BTreeSet<&str>,
    lines: &LineIndex,
    errors: &mut Vec<ContentError>,
) {
    for (i, reference) in references.iter().enumerate() {
        let id = &reference.get_ref().0;
        if !quote_ids.contains(id.as_str()) {
            let message = format!("no quote has the id `{id}`");
            errors.push(lines.error(reference.span().start, format!("{field}[{i}]"), message));
        }
    }
}

fn check_channels(content: &ContentFile, lines: &LineIndex, errors: &mut Vec<ContentError>) {
    for (i, quote) in content.quotes.iter().enumerate() {
        let channel = &quote.channel.get_ref().0;
        if !content.channels.contains_key(channel) {
            let known: Vec<&str> = content.channels.keys().map(String::as_str).collect();
            let message = format!(
                "unknown channel `{channel}`; the [channels] table has: {}",
                known.join(", ")
            );
            errors.push(lines.error(
                quote.channel.span().start,
                format!("quotes[{i}].channel"),
                message,
            ));
        }
    }
}

fn check_template(
    template: &Spanned<Text>,
    field: &str,
    placeholders: &[&str],
    lines: &LineIndex,
    errors: &mut Vec<ContentError>,
) {
    for placeholder in placeholders {
        if !template.get_ref().0.contains(placeholder) {
            let message = format!("must contain the placeholder {placeholder}");
            errors.push(lines.error(template.span().start, field, message));
        }
    }
}
