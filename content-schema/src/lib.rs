//! The explainer content's one definition: the types the app reads, and the shape the content
//! compiler fills from the content file and bakes into the app's statics (`databake`, behind the
//! `bake` feature, which only the compiler turns on). Plain `&'static` data: no parser, no
//! allocation until a template is filled, so the WASM carries only the words and these types.

#![no_std]

extern crate alloc;

use alloc::{borrow::ToOwned, string::String, string::ToString};

/// A date as machine-readable ISO text and as a reader sees it ("Jan. 6, 2026").
#[derive(Debug, PartialEq)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = content_schema))]
pub struct Date {
    pub iso: &'static str,
    pub label: &'static str,
}

#[derive(Debug, PartialEq)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = content_schema))]
pub struct Quote {
    pub id: &'static str,
    pub text: &'static str,
    pub speaker: &'static str,
    pub role: &'static str,
    pub date: Date,
    pub channel: &'static str,
    /// The article author's own conclusion, shown as analysis rather than as an official's words.
    pub is_analysis: bool,
    /// The article's own words that attribute the quote (who, how, when), verbatim.
    pub attribution: &'static [&'static str],
}

/// One passage of the article behind a claim of ours: its words, or a quote we show.
#[derive(Debug, PartialEq)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = content_schema))]
pub enum Support {
    Excerpt(&'static str),
    Quote(&'static Quote),
}

/// A sentence (or item) in our own words, with the passages of the article that back it.
#[derive(Debug, PartialEq)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = content_schema))]
pub struct Claim {
    pub text: &'static str,
    pub support: &'static [Support],
}

impl Claim {
    /// A claim with no words and no support: what a build carries where it needs neither.
    pub const BLANK: Claim = Claim {
        text: "",
        support: &[],
    };

    /// Sentences read as one paragraph.
    pub fn paragraph(claims: &[Claim]) -> String {
        let sentences: alloc::vec::Vec<&str> = claims.iter().map(|claim| claim.text).collect();
        sentences.join(" ")
    }
}

/// How a stage is drawn in the figure: each stage its own line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = content_schema))]
pub enum Line {
    Solid,
    Dashed,
    Dotted,
    DashDot,
}

impl Line {
    /// The CSS class suffix: the content file's word for the line.
    #[inline]
    pub fn name(self) -> &'static str {
        match self {
            Line::Solid => "solid",
            Line::Dashed => "dashed",
            Line::Dotted => "dotted",
            Line::DashDot => "dash-dot",
        }
    }
}

/// How settled a layer is ("Agreed in principle"), and how the figure draws its ring.
#[derive(Debug, PartialEq)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = content_schema))]
pub struct Stage {
    pub id: &'static str,
    pub label: &'static str,
    pub line: Line,
}

#[derive(Debug, PartialEq)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = content_schema))]
pub struct Layer {
    pub slug: &'static str,
    pub name: &'static str,
    pub tagline: Claim,
    /// Sentence by sentence, each with its support.
    pub summary: &'static [Claim],
    pub status: &'static [Claim],
    pub stage: &'static Stage,
    /// The passages that make this layer that settled.
    pub stage_support: &'static [Support],
    pub contributors: &'static [Claim],
    pub commitments: &'static [Claim],
    pub quotes: &'static [&'static Quote],
}

#[derive(Debug, PartialEq)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = content_schema))]
pub struct Meta {
    pub lang: &'static str,
    pub title: &'static str,
    pub dek: Claim,
    pub description: Claim,
    /// The figure's caption: what the drawing shows.
    pub figure_caption: Claim,
    pub declaration_date: Date,
    /// The day the explainer was last changed, when it has been since it was published.
    pub updated: Option<Date>,
}

/// A correction to what the explainer said, with the day it was made.
#[derive(Debug, PartialEq)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = content_schema))]
pub struct Correction {
    pub date: Date,
    pub text: &'static str,
}

#[derive(Debug, PartialEq)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = content_schema))]
pub struct Source {
    pub article_title: &'static str,
    pub author: &'static str,
    pub publication: &'static str,
    pub published: Date,
    pub credit: &'static str,
}

/// Declares `Ui` once: the struct the app reads and `Ui::FIELDS`, the `[ui]` keys the content
/// compiler reads it from. A new interface string is one line here (and one in the file).
macro_rules! interface_text {
    ($($(#[$doc:meta])* $field:ident,)*) => {
        /// Interface text. `position` holds `{n}` and `{total}`; `announcement` also holds `{name}`.
        #[derive(Debug, PartialEq)]
        #[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = content_schema))]
        pub struct Ui {
            $($(#[$doc])* pub $field: &'static str,)*
        }

        impl Ui {
            /// The `[ui]` table's keys, in the struct's order.
            pub const FIELDS: &'static [&'static str] = &[$(stringify!($field)),*];

            /// A `Ui` with each field's text from `text(its key)`.
            pub fn from_fields(mut text: impl FnMut(&'static str) -> &'static str) -> Ui {
                Ui { $($field: text(stringify!($field)),)* }
            }

            /// The text of the field named `key`, if `key` is one of `FIELDS`.
            pub fn text(&self, key: &str) -> Option<&'static str> {
                match key {
                    $(stringify!($field) => Some(self.$field),)*
                    _ => None,
                }
            }
        }
    };
}

interface_text! {
    position,
    announcement,
    previous,
    next,
    status,
    /// The panel's fact label for the layer's stage.
    stage,
    /// The heading of the figure's legend of stages.
    legend,
    contributors,
    commitments,
    quotes,
    analysis,
    source_heading,
    embed_heading,
    embed_help,
    embed_code_label,
    /// Stands in the embed code's box until the app knows the page's own address (in the
    /// prerendered page, and for good without JavaScript): never a broken relative code.
    embed_code_pending,
    copy,
    copied,
    copy_failed,
    /// The embed dialog's choice of the frame's colours: its legend, hint and one label each.
    theme_legend,
    theme_hint,
    theme_light,
    theme_dark,
    theme_auto,
    full_page,
    /// Before the day the explainer was last changed: "Updated".
    updated,
    /// The heading of the corrections list.
    corrections,
    /// Shown only when the page runs without its app (no JavaScript or no WebAssembly).
    static_notice,
    /// A quote's "Copy link" button, as seen; `copy_link_quote` (with `{speaker}`) completes
    /// its name for screen readers.
    copy_link,
    copy_link_quote,
    /// The name of the box that shows a quote's link where copying is blocked (`{speaker}`).
    link_label,
    link_copied,
    link_copy_failed,
    /// The disclosure under each sourced block that shows the article's words behind it.
    how_we_know,
    /// Heads those words.
    support_intro,
    /// Heads the article's words that attribute a quote.
    attribution_intro,
}

#[derive(Debug, PartialEq)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = content_schema))]
pub struct Figure {
    pub value: &'static str,
    pub label: &'static str,
    pub support: &'static [Support],
}

#[derive(Debug, PartialEq)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = content_schema))]
pub struct WhyNow {
    pub heading: &'static str,
    pub summary: &'static [Claim],
    pub figures: &'static [Figure],
    pub quotes: &'static [&'static Quote],
}

#[derive(Debug, PartialEq)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = content_schema))]
pub struct OpenItem {
    pub topic: &'static str,
    pub summary: &'static [Claim],
    pub quotes: &'static [&'static Quote],
}

#[derive(Debug, PartialEq)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = content_schema))]
pub struct StillOpen {
    pub heading: &'static str,
    pub summary: &'static [Claim],
    pub items: &'static [OpenItem],
}

#[derive(Debug, PartialEq)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = content_schema))]
pub struct Content {
    pub meta: Meta,
    pub source: Source,
    pub ui: Ui,
    /// In the content file's order; every stage is some layer's (the legend lists them all).
    pub stages: &'static [Stage],
    pub layers: &'static [Layer],
    pub why_now: WhyNow,
    pub still_open: StillOpen,
    /// Oldest first; shown at the foot with their dates.
    pub corrections: &'static [Correction],
    /// The newsroom's look (`[theme]`), written into the stylesheet by the prerender; `None`:
    /// the stylesheet's own. Never read by the app.
    pub theme: Option<Theme>,
}

/// The newsroom's look: the stylesheet's palette in each scheme, and its font stacks.
#[derive(Debug, PartialEq)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = content_schema))]
pub struct Theme {
    pub light: Palette,
    pub dark: Palette,
    /// A CSS font-family value, or "" for the stylesheet's own.
    pub body_font: &'static str,
    /// A CSS font-family value for headings, or "" for the body's.
    pub heading_font: &'static str,
}

/// One scheme's colours, as `#rrggbb`: those of style/main.css's palette a theme sets.
#[derive(Debug, PartialEq, Clone, Copy)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = content_schema))]
pub struct Palette {
    pub ink: &'static str,
    pub ink_muted: &'static str,
    pub paper: &'static str,
    pub panel: &'static str,
    pub rule: &'static str,
    pub accent: &'static str,
    pub accent_ink: &'static str,
    pub accent_soft: &'static str,
    pub focus: &'static str,
    pub ring_line: &'static str,
}

impl Palette {
    /// Each colour with the name of the stylesheet's custom property it sets.
    pub fn custom_properties(&self) -> [(&'static str, &'static str); 10] {
        [
            ("--ink", self.ink),
            ("--ink-muted", self.ink_muted),
            ("--paper", self.paper),
            ("--panel", self.panel),
            ("--rule", self.rule),
            ("--accent", self.accent),
            ("--accent-ink", self.accent_ink),
            ("--accent-soft", self.accent_soft),
            ("--focus", self.focus),
            ("--ring-line", self.ring_line),
        ]
    }
}

impl Ui {
    /// "Layer 2 of 4", with 1-based `n`.
    #[inline]
    pub fn position(&self, n: usize, total: usize) -> String {
        fill(
            self.position,
            &[("{n}", &n.to_string()), ("{total}", &total.to_string())],
        )
    }

    /// What the live region says after a change: "Multinational force, layer 2 of 4".
    #[inline]
    pub fn announcement(&self, name: &str, n: usize, total: usize) -> String {
        fill(
            self.announcement,
            &[
                ("{name}", name),
                ("{n}", &n.to_string()),
                ("{total}", &total.to_string()),
            ],
        )
    }
}

impl Ui {
    /// The rest of a quote's Copy link button's name: "to the quote by Volodymyr Zelenskyy".
    #[inline]
    pub fn copy_link_quote(&self, speaker: &str) -> String {
        fill(self.copy_link_quote, &[("{speaker}", speaker)])
    }

    /// The name of the box showing a quote's link: "Link to the quote by Volodymyr Zelenskyy".
    #[inline]
    pub fn link_label(&self, speaker: &str) -> String {
        fill(self.link_label, &[("{speaker}", speaker)])
    }
}

#[inline]
fn fill(template: &str, values: &[(&str, &str)]) -> String {
    values
        .iter()
        .fold(template.to_owned(), |text, (placeholder, value)| {
            text.replace(placeholder, value)
        })
}
