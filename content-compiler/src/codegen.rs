//! Turns the validated, spanned model into the app's own types (`content_schema`, the one
//! definition of the content's shape) and bakes them as Rust statics with `databake`, so the
//! WASM carries plain data and no text-format parser.
//!
//! The values are built with `'static` borrows by leaking the strings: the compiler runs once
//! per process (a build script, a tool, a test), and the baked statics are `'static` anyway.

use crate::model::{self, ContentFile, IsoDate, Slug, Text};
use content_schema as schema;
use databake::{Bake, CrateEnv};
use toml::Spanned;

/// The channel key whose quotes are the article's own analysis, never an official's words.
pub const ANALYSIS_CHANNEL: &str = "analysis";

/// The content as the app's types, with every stage and quote in the file's order.
pub(crate) struct Built {
    pub(crate) content: &'static schema::Content,
    stages: &'static [schema::Stage],
    quotes: &'static [schema::Quote],
}

/// How much of the content a build carries.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Reach {
    /// Every word: the server's render (the prerender, native tests and tools).
    Full,
    /// Only what the browser's app draws itself after load; the rest of the page is the
    /// prerendered markup the app adopts (the app's `prerendered` module). Every other text is
    /// blank and every other list empty, so the WASM does not carry them.
    App,
}

pub(crate) fn build(file: &ContentFile, reach: Reach) -> Built {
    let stages = leak_all(file.stages.get_ref().iter().map(stage));
    let quotes = leak_all(file.quotes.iter().map(|q| quote(file, q)));
    let content = Box::leak(Box::new(schema_content(file, stages, quotes)));
    let full = Built {
        content,
        stages,
        quotes,
    };
    match reach {
        Reach::Full => full,
        Reach::App => app_reach(&full),
    }
}

/// `full` with only the app's reach (`Reach::App`): the layers' slugs, names, stages' lines and
/// quotes; each quote's id, speaker and kind (its shell and Copy link); the title (the embed
/// code) and language; the interface text of the walk-through, Copy link and embed code.
fn app_reach(full: &Built) -> Built {
    let stages = leak_all(full.stages.iter().map(|stage| schema::Stage {
        label: "",
        ..*stage
    }));
    let quotes = leak_all(full.quotes.iter().map(|quote| schema::Quote {
        text: "",
        role: "",
        date: blank_date(),
        channel: "",
        attribution: &[],
        ..*quote
    }));
    let same_stage = |old: &schema::Stage| &stages[index_in(full.stages, old)];
    let same_quotes =
        |old: &[&schema::Quote]| leak_all(old.iter().map(|q| &quotes[index_in(full.quotes, q)]));
    let content = full.content;
    let layers = leak_all(content.layers.iter().map(|layer| schema::Layer {
        tagline: schema::Claim::BLANK,
        summary: &[],
        status: &[],
        stage: same_stage(layer.stage),
        stage_support: &[],
        contributors: &[],
        commitments: &[],
        quotes: same_quotes(layer.quotes),
        ..*layer
    }));
    let ui = &content.ui;
    let app = schema::Content {
        meta: schema::Meta {
            dek: schema::Claim::BLANK,
            description: schema::Claim::BLANK,
            figure_caption: schema::Claim::BLANK,
            declaration_date: blank_date(),
            updated: None,
            ..content.meta
        },
        source: schema::Source {
            article_title: "",
            author: "",
            publication: "",
            published: blank_date(),
            credit: "",
        },
        ui: schema::Ui::from_fields(|key| match APP_INTERFACE_TEXT.contains(&key) {
            true => ui.text(key).expect("a key of Ui::FIELDS"),
            false => "",
        }),
        stages,
        layers,
        why_now: schema::WhyNow {
            heading: "",
            summary: &[],
            figures: &[],
            quotes: same_quotes(content.why_now.quotes),
        },
        still_open: schema::StillOpen {
            heading: "",
            summary: &[],
            items: leak_all(
                content
                    .still_open
                    .items
                    .iter()
                    .map(|item| schema::OpenItem {
                        topic: "",
                        summary: &[],
                        quotes: same_quotes(item.quotes),
                    }),
            ),
        },
        corrections: &[],
        theme: None,
    };
    Built {
        content: Box::leak(Box::new(app)),
        stages,
        quotes,
    }
}

/// The `[ui]` keys the browser's app writes itself: the walk-through's position, announcement
/// and steps, a copied link's outcome and box, the embed code's box, button and outcome.
const APP_INTERFACE_TEXT: &[&str] = &[
    "position",
    "announcement",
    "previous",
    "next",
    "embed_code_pending",
    "copy",
    "copied",
    "copy_failed",
    "link_label",
    "link_copied",
    "link_copy_failed",
];

fn blank_date() -> schema::Date {
    schema::Date { iso: "", label: "" }
}

/// Where `item` (a reference into `all`) sits in `all`.
fn index_in<T>(all: &[T], item: &T) -> usize {
    all.iter()
        .position(|candidate| std::ptr::eq(candidate, item))
        .expect("the content refers only to its own stages and quotes")
}

/// Rust source declaring `STAGES`, `QUOTES` and `CONTENT`. Layers point at their stage
/// (`&STAGES[i]`) and every section at its quotes (`&QUOTES[i]`), so each is stored once even
/// where several places show it: databake writes a reference as the value itself, so the
/// baked values of the shared ones are replaced by references to their statics.
pub(crate) fn generate(file: &ContentFile, reach: Reach) -> String {
    let built = build(file, reach);
    let env = CrateEnv::default();
    let baked = |value: &dyn Bake| value.bake(&env).to_string();
    // The whole legend first: its stages are values in a slice, not references.
    let mut root = baked(built.content).replace(&baked(&built.stages), "&STAGES");
    for (index, stage) in built.stages.iter().enumerate() {
        root = root.replace(&baked(&stage), &format!("&STAGES[{index}]"));
    }
    for (index, quote) in built.quotes.iter().enumerate() {
        root = root.replace(&baked(&quote), &format!("&QUOTES[{index}]"));
    }
    let values = |items: &[&dyn Bake]| {
        items
            .iter()
            .map(|item| baked(*item))
            .collect::<Vec<_>>()
            .join(",\n")
    };
    let stages: Vec<&dyn Bake> = built.stages.iter().map(|s| s as &dyn Bake).collect();
    let quotes: Vec<&dyn Bake> = built.quotes.iter().map(|q| q as &dyn Bake).collect();
    format!(
        "// Generated by content-compiler from the content file. Do not edit.\n\
         pub static STAGES: [content_schema::Stage; {}] = [{}];\n\
         pub static QUOTES: [content_schema::Quote; {}] = [{}];\n\
         pub static CONTENT: content_schema::Content = {root};\n",
        stages.len(),
        values(&stages),
        quotes.len(),
        values(&quotes),
    )
}

fn schema_content(
    file: &ContentFile,
    stages: &'static [schema::Stage],
    quotes: &'static [schema::Quote],
) -> schema::Content {
    let quote_refs = |references: &[Spanned<Slug>]| {
        leak_all(references.iter().map(|reference| {
            let index = file
                .quotes
                .iter()
                .position(|q| q.id.get_ref() == reference.get_ref())
                .expect("references are validated");
            &quotes[index]
        }))
    };
    let support = |excerpts: &[Spanned<Text>], ids: &[Spanned<Slug>]| {
        let excerpts = excerpts
            .iter()
            .map(|excerpt| schema::Support::Excerpt(text(excerpt.get_ref())));
        let quoted = quote_refs(ids)
            .iter()
            .map(|&quote| schema::Support::Quote(quote));
        leak_all(excerpts.chain(quoted))
    };
    let backed = |claim: &model::Claim| schema::Claim {
        text: text(claim.text.get_ref()),
        support: support(&claim.support, &claim.quotes),
    };
    let backed_all = |claims: &[model::Claim]| leak_all(claims.iter().map(backed));
    let stage_ref = |reference: &Spanned<Slug>| {
        stages
            .iter()
            .find(|stage| stage.id == reference.get_ref().0)
            .expect("stages are validated")
    };
    let layers = leak_all(file.layers.iter().map(|layer| schema::Layer {
        slug: text_of(&layer.slug.get_ref().0),
        name: text(&layer.name),
        tagline: backed(&layer.tagline),
        summary: backed_all(&layer.summary),
        status: backed_all(&layer.status),
        stage: stage_ref(&layer.stage.id),
        stage_support: support(&layer.stage.support, &layer.stage.quotes),
        contributors: backed_all(&layer.contributors),
        commitments: backed_all(&layer.commitments),
        quotes: quote_refs(&layer.quotes),
    }));
    let why_now = &file.why_now;
    let still_open = &file.still_open;
    schema::Content {
        meta: schema::Meta {
            dek: backed(&file.meta.dek),
            description: backed(&file.meta.description),
            figure_caption: backed(&file.meta.figure_caption),
            ..meta(&file.meta)
        },
        source: source(&file.source, lang(file)),
        ui: ui(&file.ui),
        stages,
        layers,
        why_now: schema::WhyNow {
            heading: text(&why_now.heading),
            summary: backed_all(&why_now.summary),
            figures: leak_all(why_now.figures.iter().map(|figure| schema::Figure {
                value: text(figure.value.get_ref()),
                label: text(&figure.label),
                support: support(&figure.support, &figure.quotes),
            })),
            quotes: quote_refs(&why_now.quotes),
        },
        still_open: schema::StillOpen {
            heading: text(&still_open.heading),
            summary: backed_all(&still_open.summary),
            items: leak_all(still_open.items.iter().map(|item| schema::OpenItem {
                topic: text(&item.topic),
                summary: backed_all(&item.summary),
                quotes: quote_refs(&item.quotes),
            })),
        },
        corrections: leak_all(
            file.corrections
                .iter()
                .map(|correction| schema::Correction {
                    date: date(correction.date.get_ref(), lang(file)),
                    text: text(&correction.text),
                }),
        ),
        theme: file.theme.as_ref().map(theme),
    }
}

/// The theme's palettes and fonts ("" for the stylesheet's own).
fn theme(theme: &model::Theme) -> schema::Theme {
    let font = |stack: &Option<model::FontStack>| stack.as_ref().map_or("", |s| text_of(&s.0));
    schema::Theme {
        light: crate::theme::palette(&theme.light),
        dark: crate::theme::palette(&theme.dark),
        body_font: font(&theme.body_font),
        heading_font: font(&theme.heading_font),
    }
}

/// The meta's plain values; its claims are filled where quotes are at hand.
fn meta(meta: &model::Meta) -> schema::Meta {
    let lang = &meta.lang.get_ref().0;
    schema::Meta {
        lang: text(meta.lang.get_ref()),
        title: text(&meta.title),
        dek: schema::Claim::BLANK,
        description: schema::Claim::BLANK,
        figure_caption: schema::Claim::BLANK,
        declaration_date: date(&meta.declaration_date, lang),
        updated: meta.updated.as_ref().map(|day| date(day.get_ref(), lang)),
    }
}

fn source(source: &model::Source, lang: &str) -> schema::Source {
    schema::Source {
        article_title: text(&source.article_title),
        author: text(&source.author),
        publication: text(&source.publication),
        published: date(&source.published, lang),
        credit: text(&source.credit),
    }
}

fn ui(ui: &model::UiTable) -> schema::Ui {
    schema::Ui::from_fields(|key| text(ui.get_ref()[key].get_ref()))
}

fn stage(stage: &model::Stage) -> schema::Stage {
    schema::Stage {
        id: text_of(&stage.id.get_ref().0),
        label: text(&stage.label),
        line: match stage.line.get_ref() {
            model::Line::Solid => schema::Line::Solid,
            model::Line::Dashed => schema::Line::Dashed,
            model::Line::Dotted => schema::Line::Dotted,
            model::Line::DashDot => schema::Line::DashDot,
        },
    }
}

fn quote(file: &ContentFile, quote: &model::Quote) -> schema::Quote {
    let channel = &quote.channel.get_ref().0;
    schema::Quote {
        id: text_of(&quote.id.get_ref().0),
        text: text(quote.text.get_ref()),
        speaker: text(&quote.speaker),
        role: quote.role.as_ref().map_or("", |role| text(role.get_ref())),
        date: date(quote.date.get_ref(), lang(file)),
        channel: text(&file.channels[channel].label),
        is_analysis: channel == ANALYSIS_CHANNEL,
        attribution: leak_all(quote.attribution.iter().map(|words| text(words.get_ref()))),
    }
}

fn lang(file: &ContentFile) -> &str {
    &file.meta.lang.get_ref().0
}

fn date(day: &IsoDate, lang: &str) -> schema::Date {
    let label = day.news_style(lang).expect("the language is validated");
    schema::Date {
        iso: text_of(&day.iso()),
        label: text_of(&label),
    }
}

fn text(value: &Text) -> &'static str {
    text_of(&value.0)
}

fn text_of(value: &str) -> &'static str {
    Box::leak(value.into())
}

fn leak_all<T>(items: impl Iterator<Item = T>) -> &'static [T] {
    items.collect::<Vec<_>>().leak()
}
