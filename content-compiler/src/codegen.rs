//! Writes the validated content as Rust statics of the app's `content` types, so the WASM
//! carries plain data and no text-format parser. Layers point at their stage (`&STAGES[i]`) as
//! they point at quotes (`&QUOTES[i]`), so each is stored once.

use crate::model::{ContentFile, IsoDate, Quote, Slug, Stage, Text};
use toml::Spanned;

/// The channel key whose quotes are the article's own analysis, never an official's words.
pub const ANALYSIS_CHANNEL: &str = "analysis";

pub(crate) fn generate(content: &ContentFile) -> String {
    let quote_index = |reference: &Spanned<Slug>| {
        let id = &reference.get_ref().0;
        content
            .quotes
            .iter()
            .position(|q| q.id.get_ref().0 == *id)
            .expect("references are validated")
    };
    let quote_refs = |references: &[Spanned<Slug>]| {
        slice(
            references
                .iter()
                .map(|r| format!("&QUOTES[{}]", quote_index(r))),
        )
    };
    let texts = |items: &[Text]| slice(items.iter().map(text));
    let stages = content.stages.get_ref();
    let stage_ref = |reference: &Spanned<Slug>| {
        let index = stages
            .iter()
            .position(|stage| stage.id.get_ref() == reference.get_ref())
            .expect("stages are validated");
        format!("&STAGES[{index}]")
    };

    let meta = &content.meta;
    let source = &content.source;
    let ui = &content.ui;
    let layers = slice(content.layers.iter().map(|layer| {
        record(
            "Layer",
            &[
                ("slug", literal(&layer.slug.get_ref().0)),
                ("name", text(&layer.name)),
                ("tagline", text(&layer.tagline)),
                ("summary", text(&layer.summary)),
                ("status", text(&layer.status)),
                ("stage", stage_ref(&layer.stage)),
                ("contributors", texts(&layer.contributors)),
                ("commitments", texts(&layer.commitments)),
                ("quotes", quote_refs(&layer.quotes)),
            ],
        )
    }));
    let figures = slice(content.why_now.figures.iter().map(|figure| {
        record(
            "Figure",
            &[
                ("value", text(&figure.value)),
                ("label", text(&figure.label)),
            ],
        )
    }));
    let open_items = slice(content.still_open.items.iter().map(|item| {
        record(
            "OpenItem",
            &[
                ("topic", text(&item.topic)),
                ("summary", text(&item.summary)),
                ("quotes", quote_refs(&item.quotes)),
            ],
        )
    }));
    let root = record(
        "Content",
        &[
            (
                "meta",
                record(
                    "Meta",
                    &[
                        ("lang", text(&meta.lang)),
                        ("title", text(&meta.title)),
                        ("dek", text(&meta.dek)),
                        ("description", text(&meta.description)),
                        ("declaration_date", date(&meta.declaration_date)),
                    ],
                ),
            ),
            (
                "source",
                record(
                    "Source",
                    &[
                        ("article_title", text(&source.article_title)),
                        ("author", text(&source.author)),
                        ("publication", text(&source.publication)),
                        ("published", date(&source.published)),
                        ("credit", text(&source.credit)),
                    ],
                ),
            ),
            (
                "ui",
                record(
                    "Ui",
                    &[
                        ("figure_caption", text(&ui.figure_caption)),
                        ("position", text(ui.position.get_ref())),
                        ("announcement", text(ui.announcement.get_ref())),
                        ("previous", text(&ui.previous)),
                        ("next", text(&ui.next)),
                        ("status", text(&ui.status)),
                        ("stage", text(&ui.stage)),
                        ("legend", text(&ui.legend)),
                        ("contributors", text(&ui.contributors)),
                        ("commitments", text(&ui.commitments)),
                        ("quotes", text(&ui.quotes)),
                        ("analysis", text(&ui.analysis)),
                        ("source_heading", text(&ui.source_heading)),
                        ("embed_heading", text(&ui.embed_heading)),
                        ("embed_help", text(&ui.embed_help)),
                        ("embed_code_label", text(&ui.embed_code_label)),
                        ("embed_code_pending", text(&ui.embed_code_pending)),
                        ("copy", text(&ui.copy)),
                        ("copied", text(&ui.copied)),
                        ("copy_failed", text(&ui.copy_failed)),
                        ("theme_legend", text(&ui.theme_legend)),
                        ("theme_hint", text(&ui.theme_hint)),
                        ("theme_light", text(&ui.theme_light)),
                        ("theme_dark", text(&ui.theme_dark)),
                        ("theme_auto", text(&ui.theme_auto)),
                        ("full_page", text(&ui.full_page)),
                        ("static_notice", text(&ui.static_notice)),
                        ("copy_link", text(&ui.copy_link)),
                        ("copy_link_quote", text(ui.copy_link_quote.get_ref())),
                        ("link_label", text(ui.link_label.get_ref())),
                        ("link_copied", text(&ui.link_copied)),
                        ("link_copy_failed", text(&ui.link_copy_failed)),
                    ],
                ),
            ),
            ("stages", "&STAGES".to_owned()),
            ("layers", layers),
            (
                "why_now",
                record(
                    "WhyNow",
                    &[
                        ("heading", text(&content.why_now.heading)),
                        ("summary", text(&content.why_now.summary)),
                        ("figures", figures),
                        ("quotes", quote_refs(&content.why_now.quotes)),
                    ],
                ),
            ),
            (
                "still_open",
                record(
                    "StillOpen",
                    &[
                        ("heading", text(&content.still_open.heading)),
                        ("summary", text(&content.still_open.summary)),
                        ("items", open_items),
                    ],
                ),
            ),
        ],
    );
    let quotes: Vec<String> = content.quotes.iter().map(|q| quote(content, q)).collect();
    let stages: Vec<String> = stages.iter().map(stage).collect();
    format!(
        "// Generated by content-compiler from the content file. Do not edit.\n\
         pub static STAGES: [Stage; {}] = [{}];\n\
         pub static QUOTES: [Quote; {}] = [{}];\n\
         pub static CONTENT: Content = {root};\n",
        stages.len(),
        stages.join(",\n"),
        quotes.len(),
        quotes.join(",\n"),
    )
}

fn stage(stage: &Stage) -> String {
    record(
        "Stage",
        &[
            ("id", literal(&stage.id.get_ref().0)),
            ("label", text(&stage.label)),
            // The app's `Line` has the compiler's variant names.
            ("line", format!("Line::{:?}", stage.line.get_ref())),
        ],
    )
}

fn quote(content: &ContentFile, quote: &Quote) -> String {
    let channel = &quote.channel.get_ref().0;
    let channel_label = &content.channels[channel];
    record(
        "Quote",
        &[
            ("id", literal(&quote.id.get_ref().0)),
            ("text", text(&quote.text)),
            ("speaker", text(&quote.speaker)),
            ("role", text(&quote.role)),
            ("date", date(&quote.date)),
            ("channel", text(channel_label)),
            ("is_analysis", (channel == ANALYSIS_CHANNEL).to_string()),
        ],
    )
}

fn date(day: &IsoDate) -> String {
    record(
        "Date",
        &[
            ("iso", literal(&day.iso())),
            ("label", literal(&day.news_style())),
        ],
    )
}

fn text(value: &Text) -> String {
    literal(&value.0)
}

fn literal(value: &str) -> String {
    format!("{value:?}")
}

fn slice(items: impl Iterator<Item = String>) -> String {
    format!("&[{}]", items.collect::<Vec<_>>().join(", "))
}

fn record(name: &str, fields: &[(&str, String)]) -> String {
    let body: Vec<String> = fields
        .iter()
        .map(|(field, value)| format!("{field}: {value}"))
        .collect();
    format!("{name} {{ {} }}", body.join(", "))
}
