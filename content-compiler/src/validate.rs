//! Checks that need the whole file: unique names, references that resolve, stages that are each
//! drawn their own way and used, usable templates.

use crate::error::{ContentError, LineIndex};
use crate::model::{ContentFile, IsoDate, Slug, Text, UiTable, DATE_LANGUAGES};
use content_schema::Ui;
use std::collections::{BTreeMap, BTreeSet};
use toml::Spanned;

/// The fewest layers an explainer may have: one layer has nothing to walk through.
pub const MIN_LAYERS: usize = 2;

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
    if content.layers.len() < MIN_LAYERS {
        let at = content
            .layers
            .first()
            .map_or(0, |layer| layer.slug.span().start);
        errors.push(lines.error(
            at,
            "layers",
            format!("at least {MIN_LAYERS} layers: the explainer walks from one to the next"),
        ));
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
        check_status_opens_with_stage(content, i, lines, &mut errors);
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
    crate::sources::check_structure(content, &quote_ids, lines, &mut errors);
    check_channels(content, lines, &mut errors);
    check_updates(content, lines, &mut errors);
    check_language(content, lines, &mut errors);
    check_stages(content, lines, &mut errors);
    check_ui_keys(&content.ui, lines, &mut errors);
    if let Some(theme) = &content.theme {
        crate::theme::check(theme, lines, &mut errors);
    }
    for (key, placeholders) in TEMPLATES {
        if let Some(template) = content.ui.get_ref().get(key) {
            check_template(
                template,
                &format!("ui.{key}"),
                placeholders,
                lines,
                &mut errors,
            );
        }
    }
    errors
}

/// The `[ui]` strings the app fills in, with the placeholders each must hold.
const TEMPLATES: [(&str, &[&str]); 4] = [
    ("position", &["{n}", "{total}"]),
    ("announcement", &["{name}", "{n}", "{total}"]),
    ("copy_link_quote", &["{speaker}"]),
    ("link_label", &["{speaker}"]),
];

/// `[ui]` holds exactly the app's interface strings, `Ui::FIELDS`, as serde says it for the
/// other tables.
fn check_ui_keys(ui: &UiTable, lines: &LineIndex, errors: &mut Vec<ContentError>) {
    let fields = Ui::FIELDS;
    for (key, text) in ui.get_ref() {
        if !fields.contains(&key.as_str()) {
            let expected: Vec<String> = fields.iter().map(|f| format!("`{f}`")).collect();
            let message = format!(
                "unknown field `{key}`, expected one of {}",
                expected.join(", ")
            );
            errors.push(lines.error(text.span().start, format!("ui.{key}"), message));
        }
    }
    for field in fields
        .iter()
        .filter(|field| !ui.get_ref().contains_key(**field))
    {
        errors.push(lines.error(ui.span().start, "ui", format!("missing field `{field}`")));
    }
}

/// Reports every name seen before and returns the set of names.
fn unique_names<'a>(
    names: impl Iterator<Item = (&'a Spanned<Slug>, String)>,
    what: &str,
    lines: &LineIndex,
    errors: &mut Vec<ContentError>,
) -> BTreeSet<&'a str> {
    first_uses(
        names.map(|(name, field)| (name.get_ref().0.as_str(), name.span().start, field)),
        lines,
        |name, first| format!("duplicate {what} `{name}` (first used on line {first})"),
        errors,
    )
    .into_keys()
    .collect()
}

/// Reports every key seen before, with `message(key, line of its first use)`, and returns each
/// key with the line of its first use.
fn first_uses<K: Ord + Copy>(
    keys: impl Iterator<Item = (K, usize, String)>,
    lines: &LineIndex,
    message: impl Fn(K, usize) -> String,
    errors: &mut Vec<ContentError>,
) -> BTreeMap<K, usize> {
    let mut first_seen = BTreeMap::new();
    for (key, offset, field) in keys {
        let line = lines.line_of(offset);
        if let Some(&first) = first_seen.get(&key) {
            errors.push(lines.error(offset, field, message(key, first)));
        } else {
            first_seen.insert(key, line);
        }
    }
    first_seen
}

/// Stages: at least one, unique ids, a line of its own each, every layer's stage known and every
/// stage used by a layer (the legend lists each stage, so it must stand for a ring).
fn check_stages(content: &ContentFile, lines: &LineIndex, errors: &mut Vec<ContentError>) {
    let stages = content.stages.get_ref();
    if stages.is_empty() {
        errors.push(lines.error(
            content.stages.span().start,
            "stages",
            "at least one stage is needed: each layer names its stage",
        ));
    }
    let stage_ids = unique_names(
        stages
            .iter()
            .enumerate()
            .map(|(i, s)| (&s.id, format!("stages[{i}].id"))),
        "stage id",
        lines,
        errors,
    );
    first_uses(
        stages.iter().enumerate().map(|(i, s)| {
            (
                *s.line.get_ref(),
                s.line.span().start,
                format!("stages[{i}].line"),
            )
        }),
        lines,
        |_, first| {
            format!(
                "duplicate line (first used on line {first}): each stage needs a line of its own"
            )
        },
        errors,
    );
    for (i, layer) in content.layers.iter().enumerate() {
        let id = &layer.stage.id.get_ref().0;
        if !stage_ids.contains(id.as_str()) {
            let message = format!("no stage has the id `{id}`");
            let hint = crate::hint::one_of(id, stage_ids.iter().copied());
            let at = layer.stage.id.span().start;
            errors.push(
                lines
                    .error(at, format!("layers[{i}].stage.id"), message)
                    .with_hint(hint),
            );
        }
    }
    for (i, stage) in stages.iter().enumerate() {
        let id = &stage.id.get_ref().0;
        if !content
            .layers
            .iter()
            .any(|layer| layer.stage.id.get_ref() == stage.id.get_ref())
        {
            let message = format!(
                "no layer has the stage `{id}`: the legend lists only stages the figure draws"
            );
            errors.push(lines.error(stage.id.span().start, format!("stages[{i}]"), message));
        }
    }
}

/// `meta.updated` and each correction: a full day, not before the source was published (the
/// explainer cannot change before its facts existed), and no correction after the last update
/// (a correction is a change, so `updated` is needed once there is one).
fn check_updates(content: &ContentFile, lines: &LineIndex, errors: &mut Vec<ContentError>) {
    let published = &content.source.published;
    let updated = content.meta.updated.as_ref();
    let mut check_day = |day: &Spanned<IsoDate>, field: String| {
        let at = day.span().start;
        let day = day.get_ref();
        if day.day.is_none() {
            errors.push(lines.error(at, field, "must be a day written as YYYY-MM-DD"));
        } else if day.is_before(published) {
            let message = format!(
                "`{}` is before the source's date `{}` (source.published)",
                day.iso(),
                published.iso()
            );
            errors.push(lines.error(at, field, message));
        } else if let Some(last) = updated.filter(|last| last.get_ref().is_before(day)) {
            let message = format!(
                "`{}` is after `meta.updated` (`{}`): a correction updates the explainer",
                day.iso(),
                last.get_ref().iso()
            );
            errors.push(lines.error(at, field, message));
        }
    };
    if let Some(updated) = updated {
        check_day(updated, "meta.updated".to_owned());
    }
    for (i, correction) in content.corrections.iter().enumerate() {
        check_day(&correction.date, format!("corrections[{i}].date"));
    }
    if let (None, Some(first)) = (updated, content.corrections.first()) {
        errors.push(lines.error(
            first.date.span().start,
            "corrections[0].date",
            "a correction updates the explainer: set `updated` in [meta] to the day of the last change",
        ));
    }
}

/// A layer's status opens with its stage's label, so the words and the legend agree.
fn check_status_opens_with_stage(
    content: &ContentFile,
    index: usize,
    lines: &LineIndex,
    errors: &mut Vec<ContentError>,
) {
    let layer = &content.layers[index];
    let stage = content
        .stages
        .get_ref()
        .iter()
        .find(|stage| stage.id.get_ref() == layer.stage.id.get_ref());
    let (Some(stage), Some(first)) = (stage, layer.status.first()) else {
        return;
    };
    let label = stage.label.0.to_lowercase();
    if !first.text.get_ref().0.to_lowercase().starts_with(&label) {
        let message = format!("must begin with its stage's label, `{}`", stage.label.0);
        errors.push(lines.error(
            first.text.span().start,
            format!("layers[{index}].status[0]"),
            message,
        ));
    }
}

fn check_language(content: &ContentFile, lines: &LineIndex, errors: &mut Vec<ContentError>) {
    let lang = &content.meta.lang;
    if content
        .source
        .published
        .news_style(&lang.get_ref().0)
        .is_none()
    {
        let message = format!(
            "no news style for dates in `{}`: the compiler writes dates in {}",
            lang.get_ref().0,
            DATE_LANGUAGES.join(", ")
        );
        errors.push(lines.error(lang.span().start, "meta.lang", message));
    }
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
            let hint = crate::hint::one_of(id, quote_ids.iter().copied());
            let at = reference.span().start;
            errors.push(
                lines
                    .error(at, format!("{field}[{i}]"), message)
                    .with_hint(hint),
            );
        }
    }
}

fn check_channels(content: &ContentFile, lines: &LineIndex, errors: &mut Vec<ContentError>) {
    for (i, quote) in content.quotes.iter().enumerate() {
        let channel = &quote.channel.get_ref().0;
        if !content.channels.contains_key(channel) {
            let message = format!("unknown channel `{channel}`: not in the [channels] table");
            let hint = crate::hint::one_of(channel, content.channels.keys().map(String::as_str));
            let at = quote.channel.span().start;
            errors.push(
                lines
                    .error(at, format!("quotes[{i}].channel"), message)
                    .with_hint(hint),
            );
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
